"""What-if changes to the rules: an agreement tier for a family, a parameter, a weight."""

from __future__ import annotations

from datetime import date

from constraints import limits
from scheduler.model import Agreement, Problem, Tier, Weights
from scheduler.whatif.rebuild import ChangeError, known_ids, rebuild


def _family(key: str) -> limits.Family:
    fam = limits.FAMILIES.get(key)
    if fam is None:
        raise ChangeError(f"unknown rule family {key!r} (known: {', '.join(limits.FAMILIES)})",
                          "target")
    return fam


def _validated(agreement: Agreement) -> Agreement:
    problems = limits.validate(agreement)
    if problems:
        raise ChangeError("; ".join(problems), "value")
    return agreement


def set_tier(problem: Problem, family: str, tier: Tier, employee: str | None = None,
             valid_from: date | None = None, valid_to: date | None = None) -> Problem:
    """Replace the family's agreements (site: all of them; employee: theirs) by ``tier``."""
    fam = _family(family)
    if tier not in fam.tiers:
        allowed = ", ".join(t.value for t in fam.tiers)
        raise ChangeError(f"tier {tier.value} cannot relax § {family} (allowed: {allowed})",
                          "value")
    tariff = problem.settings.tariff_bound
    if tier == Tier.T3_TARIFF_REPS and not tariff:
        raise ChangeError("T3_TARIFF_REPS needs an employer bound by a collective agreement "
                          "(tariff_bound is no); use T3b_NONTARIFF_REPS", "value")
    if tier == Tier.T3b_NONTARIFF_REPS and tariff:
        raise ChangeError("T3b_NONTARIFF_REPS is only for an employer without a collective "
                          "agreement (tariff_bound is yes); use T3_TARIFF_REPS", "value")
    if employee is not None:
        known_ids(problem, [employee])
    if valid_from and valid_to and valid_to < valid_from:
        raise ChangeError("valid to is before valid from", "to")

    def replaced(a: Agreement) -> bool:
        return a.family == family and (employee is None or a.employee == employee)

    kept = [a for a in problem.agreements if not replaced(a)]
    new: list[Agreement] = []
    if tier != Tier.T0_DEFAULT:
        if employee is not None:
            scopes: list[str | None] = [employee]
        elif tier == Tier.T2_INDIVIDUAL:
            scopes = [e.id for e in problem.employees]
        else:
            scopes = [None]
        new = [_validated(Agreement(family=family, tier=tier, employee=s, valid_from=valid_from,
                                    valid_to=valid_to,
                                    reading=problem.settings.open_tier_powers))
               for s in scopes]
    return rebuild(problem, agreements=tuple(kept + new))


def set_parameter(problem: Problem, family: str, name: str, value: float | int | bool | str,
                  employee: str | None = None) -> Problem:
    """Set ``name`` on the family's agreements for the scope (a stricter T0 one if none)."""
    fam = _family(family)
    if name not in fam.params:
        known = ", ".join(sorted(fam.params))
        raise ChangeError(f"§ {family} has no parameter {name!r} (known: {known})", "target")
    if employee is not None:
        known_ids(problem, [employee])
    agreements = list(problem.agreements)
    hits = [i for i, a in enumerate(agreements) if a.family == family and a.employee == employee]
    if not hits:
        agreements.append(_validated(Agreement(family=family, tier=Tier.T0_DEFAULT,
                                               employee=employee, params={name: value})))
    for i in hits:
        a = agreements[i]
        agreements[i] = _validated(Agreement(**{**a.model_dump(),
                                                "params": {**a.params, name: value}}))
    return rebuild(problem, agreements=tuple(agreements))


def set_weight(problem: Problem, name: str, value: int) -> Problem:
    if name not in Weights.model_fields:
        known = ", ".join(Weights.model_fields)
        raise ChangeError(f"unknown weight {name!r} (known: {known})", "target")
    if value < 0:
        raise ChangeError("a weight is 0 or more", "value")
    weights = Weights(**{**problem.weights.model_dump(), name: int(value)})
    return rebuild(problem, weights=weights)
