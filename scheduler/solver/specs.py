"""Which rules the solver posts, and their specs.

The families' ``RULES`` (``constraints.registry``) are the source of truth for a rule's
``hard``/``applies_to_exempt``/``opt_in`` flags. A rule that has a ``post`` but is not (yet)
registered is still posted, with the conservative fallback spec below, so the solver never
drops a legal requirement because a family package is incomplete.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass

from constraints import registry
from constraints.base import RuleSpec
from scheduler.model import Problem

# Rules that still apply to § 10-12 exempt employees: § 10-2 rights and chapter 11 (youth).
_EXEMPT_OK = {"AML-10-2-night-exempt"}
_SOFT = {"AML-10-8-4-sunday-in-rest"}


@dataclass(frozen=True)
class Posted:
    spec: RuleSpec
    domain: Callable | None
    post: Callable | None


def _fallback(rule_id: str, package: str) -> RuleSpec:
    return RuleSpec(
        id=rule_id,
        paragraph="",
        family=package,
        title=rule_id,
        hard=rule_id not in _SOFT,
        applies_to_exempt=rule_id in _EXEMPT_OK or package == "youth",
    )


def _table(package: str, name: str) -> dict[str, Callable]:
    full = f"constraints.{package}.post"
    try:
        if importlib.util.find_spec(full) is None:
            return {}
    except ModuleNotFoundError:
        return {}
    mod = importlib.import_module(full)
    return dict(getattr(mod, name, {}))


def packages() -> tuple[str, ...]:
    return registry.FAMILY_PACKAGES


def posted_rules(tariff_profile: bool = False) -> list[Posted]:
    """Every rule with a post or domain function, in chapter order."""
    try:
        registered = {r.spec.id: r.spec for r in registry.rules()}
    except Exception:  # a family package under construction must not break solving
        registered = {}
    out: list[Posted] = []
    for pkg in packages():
        domain, posts = _table(pkg, "DOMAIN"), _table(pkg, "POSTS")
        for rule_id in dict.fromkeys([*domain, *posts]):
            spec = registered.get(rule_id) or _fallback(rule_id, pkg)
            if spec.opt_in and not tariff_profile:
                continue
            out.append(Posted(spec, domain.get(rule_id), posts.get(rule_id)))
    return out


def rules_for(problem: Problem, tariff_profile: bool = False) -> list[Posted]:
    """The rules a model of ``problem`` posts: every posted rule, or, for a pure contract-rule
    problem (``settings.apply_aml`` False: the benchmarks), all but the AML and tariff ones."""
    rules = posted_rules(tariff_profile)
    if not problem.settings.apply_aml:
        rules = [r for r in rules if not r.spec.id.startswith(("AML-", "TAR-"))]
    return rules
