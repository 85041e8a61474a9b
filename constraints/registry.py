"""The registry of rule families: which rules exist, and their check functions.

Each family is a package under ``constraints/`` (see :mod:`constraints.base`). Its ``check`` and
``post`` submodules are optional. :func:`rules` imports only ``check`` (so the checker never
loads OR-Tools); the solver loads the ``post`` tables with :func:`family_table`.
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass
from functools import cache

from constraints.base import CheckFn, PostFn, RuleSpec

# Order is the order of chapter 10 (and then ch. 11 and the opt-in tariff profile).
FAMILY_PACKAGES: tuple[str, ...] = (
    "normal_hours",  # § 10-4
    "averaging",  # § 10-5
    "overtime",  # § 10-6 (and § 10-9 (2))
    "rest",  # § 10-8
    "breaks",  # § 10-9
    "sunday",  # § 10-10
    "night",  # § 10-11
    "exemptions",  # § 10-12
    "youth",  # ch. 11
    "tariff",  # TAR-* hospital agreement profile (opt-in)
    "turnus_codes",  # TAR-f1/f3: the F1-F5 day-off codes of a turnus grid (when it uses them)
    "contract",  # contract rules (not AML): planners' limits and the Curtois benchmark
    "requests",  # REQ-unavailable: no work while away (vacation, leave), in clock time
)


@dataclass(frozen=True)
class RegisteredRule:
    spec: RuleSpec
    package: str
    check: CheckFn | None


def family_table(package: str, submodule: str, name: str) -> dict[str, CheckFn | PostFn]:
    """``constraints.<package>.<submodule>.<name>`` (e.g. ``POSTS``), or ``{}`` if absent."""
    full = f"constraints.{package}.{submodule}"
    if importlib.util.find_spec(full) is None:
        return {}
    return dict(getattr(importlib.import_module(full), name, {}))


@cache
def rules() -> tuple[RegisteredRule, ...]:
    out: list[RegisteredRule] = []
    seen: set[str] = set()
    for pkg in FAMILY_PACKAGES:
        if importlib.util.find_spec(f"constraints.{pkg}") is None:
            continue
        mod = importlib.import_module(f"constraints.{pkg}")
        checks = family_table(pkg, "check", "CHECKS")
        for spec in getattr(mod, "RULES", []):
            if spec.id in seen:
                raise RuntimeError(f"rule id {spec.id} registered twice")
            seen.add(spec.id)
            out.append(RegisteredRule(spec, pkg, checks.get(spec.id)))
    return tuple(out)


def rule(rule_id: str) -> RegisteredRule:
    for r in rules():
        if r.spec.id == rule_id:
            return r
    raise KeyError(rule_id)
