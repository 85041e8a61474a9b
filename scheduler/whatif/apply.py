"""Apply a scenario's changes to a planning problem: pure functions, a new ``Problem`` each time.

The input problem is never modified (every model is frozen); each change returns a new problem
that has been validated again (references between employees, requests, fixed assignments and
agreements stay consistent). A change that cannot be applied raises
:class:`~scheduler.whatif.rebuild.ChangeError` with the
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

from typing import Any

from scheduler.model import Problem
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
from scheduler.whatif.demand import scale_demand
from scheduler.whatif.rebuild import ChangeError
from scheduler.whatif.rule_changes import set_parameter, set_tier, set_weight
from scheduler.whatif.staff import add_employees, remove_employees, select_by_skill, sick_leave


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


__all__ = ["apply_change", "apply_scenario"]
