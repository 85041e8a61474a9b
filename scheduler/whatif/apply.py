"""Apply a scenario's changes to a planning problem: pure functions, a new ``Problem`` each time.

The input problem is never modified (every model is frozen); each change returns a new problem
that has been validated again (references between employees, requests, fixed assignments and
agreements stay consistent). A change that cannot be applied raises :class:`ChangeError` with the
column it is about (``target``, ``value``, ``scope``, ``from``, ``to``), so the sheet reader can
name the cell.

Choices made here (also in ``docs/whatif.md``):

* **Removing** an employee also removes everything that names them: requests, fixed
  assignments, history and individual agreements. "Two fewer RN" removes the *last* two employees
  with that skill in the Employees sheet order (deterministic; name the ids to choose).
* **Adding** an employee copies the most flexible colleague with that skill (see
  :func:`typical_employee`): skills, night-work permission, hourly cost, contract rules and that
  colleague's individual agreements; the position is the one asked for, and personal facts (age,
  schooling, exemptions, overtime consent) are not copied.
* **Scaling demand** multiplies the minimum (and the target, where given) of the matching rows.
  The *total* is scaled and rounded to whole people, and the rounding is shared out by largest
  remainder, ties spread evenly over the period (so 10 % more on rows of 1-2 people adds 10 % in
  total instead of nothing, or of doubling every row).
* **Sick leave** adds an ``unavailable`` request for the days and removes the employee's fixed
  shifts on those days (a pinned shift would contradict the leave).
* **Agreement tier** for the site replaces *every* agreement of that family (site-wide and
  individual) by one of the new tier: site-wide, or for ``T2_INDIVIDUAL`` one individual
  agreement per employee (T2 is individual by nature); ``T0_DEFAULT`` removes them. For an
  employee, only that employee's individual agreements of the family are replaced. The new
  agreements carry no parameters, so the tier's own bounds apply (``constraints.limits``); add a
  ``parameter`` change after it to state values.
* **Parameter** sets the value on the matching agreements (site-wide ones, or the employee's
  individual ones); when there is none, a ``T0_DEFAULT`` agreement carrying the value is added,
  which can only make the rule stricter. Every changed agreement is validated against its tier.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date
from typing import Any

from pydantic import ValidationError

from constraints import limits
from scheduler.calendar import public_holidays
from scheduler.model import (
    Agreement,
    DemandItem,
    Employee,
    Problem,
    Request,
    RequestKind,
    Tier,
    Weights,
)
from scheduler.whatif.changes import (
    AddEmployees,
    AllowOvertime,
    RemoveEmployees,
    ScaleDemand,
    Scenario,
    SetAgreementTier,
    SetParameter,
    SetWeight,
    SickLeave,
)


class ChangeError(ValueError):
    """A change that cannot be applied to this problem; ``field`` is the column it is about."""

    def __init__(self, message: str, field: str = "change") -> None:
        super().__init__(message)
        self.message = message
        self.field = field


def rebuild(problem: Problem, **updates: Any) -> Problem:
    """A new problem with some fields replaced, validated again."""
    fields = {name: getattr(problem, name) for name in Problem.model_fields}
    fields.update(updates)
    try:
        return Problem(**fields)
    except ValidationError as exc:
        raise ChangeError("; ".join(str(e.get("msg", "")) for e in exc.errors())) from None


def apply_scenario(problem: Problem, scenario: Scenario) -> Problem:
    """Apply every change of ``scenario`` in order."""
    for change in scenario.changes:
        problem = apply_change(problem, change)
    return problem


def apply_change(problem: Problem, change: Any) -> Problem:
    """Apply one change (any of the models in :mod:`scheduler.whatif.changes`)."""
    if isinstance(change, RemoveEmployees):
        ids = change.employees or tuple(
            e.id for e in select_by_skill(problem, change.skill or "", change.count or 0))
        return remove_employees(problem, ids)
    if isinstance(change, AddEmployees):
        return add_employees(problem, change.skill, change.count, change.position_pct)[0]
    if isinstance(change, ScaleDemand):
        return scale_demand(problem, change)
    if isinstance(change, SickLeave):
        ids = change.employees or tuple(
            e.id for e in select_by_skill(problem, change.skill or "", change.count or 0))
        return sick_leave(problem, ids, change.start, change.end)
    if isinstance(change, SetAgreementTier):
        return set_tier(problem, change.family, change.tier, change.employee,
                        change.valid_from, change.valid_to)
    if isinstance(change, SetParameter):
        return set_parameter(problem, change.family, change.name, change.value, change.employee)
    if isinstance(change, SetWeight):
        return set_weight(problem, change.name, change.value)
    if isinstance(change, AllowOvertime):
        return problem  # a solver option, not a change to the problem
    raise ChangeError(f"unknown change {type(change).__name__}")


# --------------------------------------------------------------------------------------------
# Employees


def select_by_skill(problem: Problem, skill: str, count: int) -> list[Employee]:
    """The last ``count`` employees with ``skill`` in sheet order."""
    having = [e for e in problem.employees if skill in e.skills]
    if count < 1:
        raise ChangeError("give how many employees (1 or more)", "value")
    if count > len(having):
        raise ChangeError(f"only {len(having)} employee(s) have the skill {skill!r}", "value")
    return having[-count:]


def _known(problem: Problem, ids: Iterable[str]) -> list[str]:
    known = {e.id for e in problem.employees}
    ids = list(ids)
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise ChangeError(f"unknown employee(s) {', '.join(map(repr, unknown))}", "target")
    return ids


def remove_employees(problem: Problem, ids: Iterable[str]) -> Problem:
    """Without these employees and everything that names them."""
    gone = set(_known(problem, ids))
    return rebuild(
        problem,
        employees=tuple(e for e in problem.employees if e.id not in gone),
        requests=tuple(r for r in problem.requests if r.employee not in gone),
        fixed=tuple(f for f in problem.fixed if f.employee not in gone),
        history=tuple(h for h in problem.history if h.employee not in gone),
        employee_history=tuple(h for h in problem.employee_history if h.employee not in gone),
        agreements=tuple(a for a in problem.agreements if a.employee not in gone),
    )


def _is_minor(problem: Problem, e: Employee) -> bool:
    return e.is_minor_on(problem.settings.start) or e.in_school


def _pct(problem: Problem, e: Employee) -> float:
    return 100.0 * e.contracted_weekly_hours(problem.settings.full_time_hours) / \
        problem.settings.full_time_hours


def typical_employee(problem: Problem, skill: str, position_pct: float = 100.0) -> Employee:
    """The colleague a new hire with ``skill`` is copied from: the most flexible one.

    Preference, in order: exactly that one skill; night work allowed; not a minor; not § 10-12
    exempt; more individual agreements (e.g. a § 10-5 averaging agreement, so the copy can work
    the same long shifts); the position closest to ``position_pct``; sheet order. ``skill`` ""
    means anyone.
    """
    pool = [e for e in problem.employees if not skill or skill in e.skills]
    if not pool:
        raise ChangeError(f"no employee has the skill {skill!r} to copy", "target")
    own: dict[str, set[str]] = {}
    for a in problem.agreements:
        if a.employee is not None:
            own.setdefault(a.employee, set()).add(a.family)

    def key(item: tuple[int, Employee]) -> tuple[Any, ...]:
        i, e = item
        return (
            0 if (not skill or e.skills == (skill,)) else 1,
            0 if e.night_work_allowed else 1,
            1 if _is_minor(problem, e) else 0,
            1 if e.exempt_10_12 else 0,
            -len(own.get(e.id, ())),
            abs(_pct(problem, e) - position_pct),
            i,
        )

    return min(enumerate(pool), key=key)[1]


def free_ids(problem: Problem, prefix: str, n: int) -> list[str]:
    """``n`` new employee ids ``PREFIX-1``, ``PREFIX-2``, … not used in the problem."""
    taken = {e.id for e in problem.employees}
    out: list[str] = []
    k = 1
    while len(out) < n:
        ident = f"{prefix}-{k}"
        if ident not in taken:
            out.append(ident)
        k += 1
    return out


def clone_employee(problem: Problem, template: Employee, new_id: str, position_pct: float,
                   name: str = "", **overrides: Any) -> tuple[Employee, list[Agreement]]:
    """A copy of ``template`` at ``position_pct`` and copies of its individual agreements."""
    data = template.model_dump()
    data.update(
        id=new_id, name=name or f"New {new_id}", position_pct=position_pct, weekly_hours=None,
        under_18=False, birth_date=None, in_school=False, exempt_10_12=False,
        excused_overtime=False, overtime_consent=False,
    )
    data.update(overrides)
    emp = Employee(**data)
    agreements = [
        Agreement(**{**a.model_dump(), "employee": new_id})
        for a in problem.agreements if a.employee == template.id
    ]
    return emp, agreements


def add_employees(problem: Problem, skill: str, count: int, position_pct: float = 100.0,
                  *, prefix: str | None = None,
                  **overrides: Any) -> tuple[Problem, list[str]]:
    """The problem with ``count`` copies of the typical ``skill`` employee; and their ids."""
    if count < 1:
        raise ChangeError("give how many employees to add (1 or more)", "value")
    if not 0 < position_pct <= 100:
        raise ChangeError(f"position {position_pct:g} % is outside 0-100", "position_pct")
    template = typical_employee(problem, skill, position_pct)
    ids = free_ids(problem, prefix or f"NEW-{skill or 'ANY'}", count)
    employees = list(problem.employees)
    agreements = list(problem.agreements)
    for ident in ids:
        emp, own = clone_employee(problem, template, ident, position_pct,
                                  f"New {skill or 'employee'} {position_pct:g} % ({ident})",
                                  **overrides)
        employees.append(emp)
        agreements += own
    return rebuild(problem, employees=tuple(employees), agreements=tuple(agreements)), ids


# --------------------------------------------------------------------------------------------
# Demand


def _even_pick(items: list[int], k: int) -> list[int]:
    """``k`` of ``items`` spread evenly over the list (deterministic)."""
    n = len(items)
    return [items[math.floor((i + 0.5) * n / k)] for i in range(k)]


def scale_counts(values: list[int], factor: float) -> list[int]:
    """Scale whole numbers so that their total is ``round(total × factor)``.

    Each value gets at least the floor of its exact share; the rest goes to the largest
    remainders, ties spread evenly over the list. ``values`` in period order.
    """
    exact = [v * factor for v in values]
    base = [math.floor(x + 1e-9) for x in exact]
    total = math.floor(sum(exact) + 0.5 + 1e-9)
    rest = max(0, total - sum(base))
    frac: dict[float, list[int]] = {}
    for i, (x, b) in enumerate(zip(exact, base, strict=True)):
        r = round(x - b, 9)
        if r > 0:
            frac.setdefault(r, []).append(i)
    for r in sorted(frac, reverse=True):
        if rest <= 0:
            break
        group = frac[r]
        chosen = group if rest >= len(group) else _even_pick(group, rest)
        for i in chosen:
            base[i] += 1
        rest -= len(chosen)
    return base


def demand_matches(problem: Problem, change: ScaleDemand) -> list[int]:
    """Indexes of the demand rows the change applies to."""
    codes = {s.code for s in problem.shifts}
    for code in change.shifts:
        if code not in codes:
            raise ChangeError(f"unknown shift code {code!r}", "target")
    hols = public_holidays(problem.settings.start, problem.settings.end) if change.holidays else {}
    out = []
    for i, d in enumerate(problem.demand):
        if change.shifts and d.shift not in change.shifts:
            continue
        if change.skills and d.skill not in change.skills:
            continue
        if (change.weekdays or change.holidays) and not (
                d.day.weekday() in change.weekdays or d.day in hols):
            continue
        if change.start is not None and d.day < change.start:
            continue
        if change.end is not None and d.day > change.end:
            continue
        out.append(i)
    return out


def scale_demand(problem: Problem, change: ScaleDemand) -> Problem:
    """Demand × factor on the matching rows (totals rounded, see :func:`scale_counts`)."""
    idx = demand_matches(problem, change)
    if not idx:
        raise ChangeError(f"no demand row matches ({change.describe()})", "target")
    order = sorted(idx, key=lambda i: (problem.demand[i].day, problem.demand[i].shift,
                                       problem.demand[i].skill))
    items = [problem.demand[i] for i in order]
    minimum = scale_counts([d.minimum for d in items], change.factor)
    with_target = [k for k, d in enumerate(items) if d.target is not None]
    targets = scale_counts([items[k].target or 0 for k in with_target], change.factor)
    new_target: dict[int, int] = dict(zip(with_target, targets, strict=True))
    demand = list(problem.demand)
    for k, (i, d) in enumerate(zip(order, items, strict=True)):
        t = new_target.get(k)
        demand[i] = DemandItem(**{**d.model_dump(), "minimum": minimum[k],
                                  "target": None if t is None else max(t, minimum[k])})
    return rebuild(problem, demand=tuple(demand))


# --------------------------------------------------------------------------------------------
# Leave


def sick_leave(problem: Problem, ids: Iterable[str], start: date, end: date) -> Problem:
    """The employees are unavailable from ``start`` to ``end``; their fixed shifts then go."""
    ids = _known(problem, ids)
    if end < start:
        raise ChangeError("the leave ends before it starts", "to")
    s = problem.settings
    if end < s.start or start > s.end:
        raise ChangeError(f"the leave {start.isoformat()} to {end.isoformat()} is outside the "
                          f"horizon {s.start.isoformat()} to {s.end.isoformat()}", "from")
    away = set(ids)
    requests = list(problem.requests) + [
        Request(employee=e, start=start, end=end, kind=RequestKind.unavailable) for e in ids
    ]
    fixed = tuple(f for f in problem.fixed
                  if not (f.employee in away and start <= f.day <= end and f.shift != "OFF"))
    return rebuild(problem, requests=tuple(requests), fixed=fixed)


# --------------------------------------------------------------------------------------------
# Agreements and weights


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
        _known(problem, [employee])
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
        _known(problem, [employee])
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


__all__ = [
    "ChangeError", "add_employees", "apply_change", "apply_scenario", "clone_employee",
    "free_ids", "rebuild", "remove_employees", "scale_counts", "scale_demand", "select_by_skill",
    "set_parameter", "set_tier", "set_weight", "sick_leave", "typical_employee",
]
