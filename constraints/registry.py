"""The one registry of rule families: which rules exist, their checks and their posts.

The families are listed here explicitly, in the order of chapter 10 (then ch. 11, the opt-in
tariff profile, the turnus codes and the contract rules). Each is a package under
``constraints/`` (see :mod:`constraints.base`) with ``RULES`` in its ``__init__``, ``CHECKS`` in
its ``check`` module and, when the solver plans within it, ``DOMAIN`` and ``POSTS`` in its
``post`` module. :func:`rules` imports only the checks (so the checker never loads OR-Tools);
the solver calls :func:`posted_rules`, which imports the post modules.

Nothing is guessed: a rule id in ``CHECKS``, ``DOMAIN`` or ``POSTS`` that no family registers
is an error, and a family module that fails to import fails loudly.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from types import ModuleType

from constraints import (
    averaging,
    breaks,
    contract,
    exemptions,
    night,
    normal_hours,
    overtime,
    requests,
    rest,
    sunday,
    tariff,
    turnus_codes,
    youth,
)
from constraints.averaging import check as averaging_check
from constraints.base import CheckFn, RuleSpec
from constraints.breaks import check as breaks_check
from constraints.contract import check as contract_check
from constraints.exemptions import check as exemptions_check
from constraints.night import check as night_check
from constraints.normal_hours import check as normal_hours_check
from constraints.overtime import check as overtime_check
from constraints.requests import check as requests_check
from constraints.rest import check as rest_check
from constraints.sunday import check as sunday_check
from constraints.tariff import check as tariff_check
from constraints.turnus_codes import check as turnus_codes_check
from constraints.youth import check as youth_check
from scheduler.model import Problem


@dataclass(frozen=True)
class Family:
    package: str
    rules: ModuleType  # the package: RULES
    checks: ModuleType  # its check module: CHECKS


# Order is the order of chapter 10 (and then ch. 11 and the opt-in tariff profile).
FAMILIES: tuple[Family, ...] = (
    Family("normal_hours", normal_hours, normal_hours_check),  # § 10-4
    Family("averaging", averaging, averaging_check),  # § 10-5
    Family("overtime", overtime, overtime_check),  # § 10-6 (and § 10-9 (2))
    Family("rest", rest, rest_check),  # § 10-8
    Family("breaks", breaks, breaks_check),  # § 10-9
    Family("sunday", sunday, sunday_check),  # § 10-10
    Family("night", night, night_check),  # § 10-11
    Family("exemptions", exemptions, exemptions_check),  # § 10-12
    Family("youth", youth, youth_check),  # ch. 11
    Family("tariff", tariff, tariff_check),  # TAR-* hospital agreement profile (opt-in)
    Family("turnus_codes", turnus_codes, turnus_codes_check),  # TAR-f1/f3: F1-F5 day-off codes
    Family("contract", contract, contract_check),  # contract rules (not AML): planners' limits
    Family("requests", requests, requests_check),  # REQ-unavailable: no work while away
)
FAMILY_PACKAGES: tuple[str, ...] = tuple(f.package for f in FAMILIES)


@dataclass(frozen=True)
class RegisteredRule:
    spec: RuleSpec
    package: str
    check: CheckFn | None


@cache
def rules() -> tuple[RegisteredRule, ...]:
    out: list[RegisteredRule] = []
    seen: set[str] = set()
    for fam in FAMILIES:
        specs: list[RuleSpec] = fam.rules.RULES
        checks: Mapping[str, CheckFn] = fam.checks.CHECKS
        ids = {spec.id for spec in specs}
        stray = sorted(set(checks) - ids)
        if stray:
            raise RuntimeError(f"constraints.{fam.package}.check checks unregistered rules {stray}")
        for spec in specs:
            if spec.id in seen:
                raise RuntimeError(f"rule id {spec.id} registered twice")
            seen.add(spec.id)
            out.append(RegisteredRule(spec, fam.package, checks.get(spec.id)))
    return tuple(out)


def rule(rule_id: str) -> RegisteredRule:
    for r in rules():
        if r.spec.id == rule_id:
            return r
    raise KeyError(rule_id)


# -- the solver's side -------------------------------------------------------------------------


@dataclass(frozen=True)
class Posted:
    spec: RuleSpec
    domain: Callable | None
    post: Callable | None


def post_modules() -> tuple[tuple[str, ModuleType], ...]:
    """Every family's ``post`` module (imported here, not at load: they load OR-Tools)."""
    from constraints.averaging import post as averaging_post
    from constraints.breaks import post as breaks_post
    from constraints.contract import post as contract_post
    from constraints.night import post as night_post
    from constraints.normal_hours import post as normal_hours_post
    from constraints.overtime import post as overtime_post
    from constraints.requests import post as requests_post
    from constraints.rest import post as rest_post
    from constraints.sunday import post as sunday_post
    from constraints.tariff import post as tariff_post
    from constraints.youth import post as youth_post

    by_package = {
        "normal_hours": normal_hours_post,
        "averaging": averaging_post,
        "overtime": overtime_post,
        "rest": rest_post,
        "breaks": breaks_post,
        "sunday": sunday_post,
        "night": night_post,
        "youth": youth_post,
        "tariff": tariff_post,
        "contract": contract_post,
        "requests": requests_post,
    }
    return tuple((pkg, by_package[pkg]) for pkg in FAMILY_PACKAGES if pkg in by_package)


@cache
def _posted() -> tuple[Posted, ...]:
    registered = {r.spec.id: r for r in rules()}
    out: list[Posted] = []
    for pkg, mod in post_modules():
        domain: dict[str, Callable] = dict(getattr(mod, "DOMAIN", {}))
        posts: dict[str, Callable] = dict(getattr(mod, "POSTS", {}))
        for rule_id in dict.fromkeys([*domain, *posts]):
            reg = registered.get(rule_id)
            if reg is None or reg.package != pkg:
                raise RuntimeError(
                    f"constraints.{pkg}.post posts {rule_id!r}, which the family does not register")
            out.append(Posted(reg.spec, domain.get(rule_id), posts.get(rule_id)))
    return tuple(out)


def posted_rules(tariff_profile: bool = False) -> list[Posted]:
    """Every rule with a post or domain function, in chapter order (the opt-in tariff rules
    only with ``tariff_profile``)."""
    return [p for p in _posted() if tariff_profile or not p.spec.opt_in]


def rules_for(problem: Problem, tariff_profile: bool = False) -> list[Posted]:
    """The rules a model of ``problem`` posts: every posted rule, or, for a pure contract-rule
    problem (``settings.apply_aml`` False: the benchmarks), all but the AML and tariff ones."""
    posted = posted_rules(tariff_profile)
    if not problem.settings.apply_aml:
        posted = [r for r in posted if not r.spec.id.startswith(("AML-", "TAR-"))]
    return posted
