"""What-if changes to the staff: remove employees, add copies of a typical colleague, sick leave.

See :mod:`scheduler.whatif.apply` for the choices made (who is removed, who is copied).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from scheduler.model import Agreement, Employee, Problem, Request, RequestKind
from scheduler.whatif.rebuild import ChangeError, known_ids, rebuild


def select_by_skill(problem: Problem, skill: str, count: int) -> list[Employee]:
    """The last ``count`` employees with ``skill`` in sheet order."""
    having = [e for e in problem.employees if skill in e.skills]
    if count < 1:
        raise ChangeError("give how many employees (1 or more)", "value")
    if count > len(having):
        raise ChangeError(f"only {len(having)} employee(s) have the skill {skill!r}", "value")
    return having[-count:]


def remove_employees(problem: Problem, ids: Iterable[str]) -> Problem:
    """Without these employees and everything that names them."""
    gone = set(known_ids(problem, ids))
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


def sick_leave(problem: Problem, ids: Iterable[str], start: date, end: date) -> Problem:
    """The employees are unavailable from ``start`` to ``end``; their fixed shifts then go."""
    ids = known_ids(problem, ids)
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
