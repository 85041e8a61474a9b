"""Who may take an open shift in a published roster (``roster candidates``), ranked by cost.

The shift is open because an employee is out (their shift on that day is taken out of the roster)
or because it was never filled. For every other employee the shift is added to the roster and the
real checker (:func:`constraints.checker.run_check`, the same as ``roster check``, with the
problem's History, agreements, contracts and requests) judges the result against the roster
without it. An employee is a candidate only when the findings hold no new violation: no
violation the roster did not have before, and no violation that got worse (same rule and window,
measured further past its limit). Violations the published roster already has do not block.

How a candidate takes the shift: as planned work when that breaks nothing; else, when the
employee may work overtime (not excused, exempt or a minor), with its last hours as overtime (as
many as the checker measures past the § 10-4 normal-hours limit in force, 40 h a week or a
reduced week; written as the solver writes overtime, the tail of the shift), else as overtime in
full. The first way that adds no violation is the one listed.

Speed: every rule judges one employee at a time, so the check runs on the candidate's own work
(and History, requests and day marks); the rest of the roster cannot change their findings.
``tests/replan/test_candidates.py`` holds this with the full check (the property test), and
docs/candidates.md has the measured time on a 30-employee month.

Ranking (cheapest first), in this order: overtime hours, hours above the contract over the
period (extra hours), a wish against it (a day-off wish or a wish to avoid the shift), no wish
for it, hours planned against the contract after (furthest below first), night and Sunday hours
so far (fewest first), then the employee id.

This module finds and ranks; the answer's models are :mod:`scheduler.replan.candidate_report`,
the per-employee check :mod:`scheduler.replan.candidate_judge`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any, Literal

from constraints import limits
from scheduler import calendar as cal
from scheduler import dayoff, i18n
from scheduler import summary as sm
from scheduler.clock import TZ, to_minutes
from scheduler.headroom import may_work_overtime
from scheduler.model import (
    Employee,
    PeriodKind,
    Problem,
    RequestKind,
    Roster,
    WorkPeriod,
    shift_period,
)
from scheduler.replan.candidate_judge import _Judge, _overtime_needed, _rules
from scheduler.replan.candidate_report import (
    Candidate,
    CandidateReport,
    Effect,
    NotRostered,
    Rejection,
    TakenAs,
)

_AWAY_MARKS = {dayoff.VACATION, dayoff.VACATION_WORD, dayoff.UNAVAILABLE}


def without_absent(roster: Roster, employee: str, day: date, shift: str) -> Roster:
    """``roster`` without ``employee``'s ``shift`` on ``day`` (and the overtime or extra
    periods that continue it); :class:`NotRostered` when there is none."""
    mine = [p for p in roster.periods
            if p.employee == employee and p.start.astimezone(TZ).date() == day]
    hit = [p for p in mine if p.shift == shift]
    if not hit:
        raise NotRostered(employee, day, shift,
                          "+".join(p.shift or "?" for p in mine) or None)
    drop = {id(p) for p in hit}
    ends = {p.end.timestamp() for p in hit}
    for p in sorted(roster.for_employee(employee), key=lambda q: q.start.timestamp()):
        if p.shift is None and p.start.timestamp() in ends:  # its overtime/extra tail
            drop.add(id(p))
            ends.add(p.end.timestamp())
    return Roster.model_construct(periods=tuple(p for p in roster.periods if id(p) not in drop),
                                  day_marks=roster.day_marks)


def _needed_skills(problem: Problem, roster: Roster, day: date, shift: str,
                   absent: Employee | None) -> list[str]:
    """Skills the demand for (day, shift) now lacks below its minimum (that the absent
    employee had, when one is out)."""
    skills = {e.id: set(e.skills) for e in problem.employees}
    on = [p.employee for p in roster.periods
          if p.shift == shift and p.start.astimezone(TZ).date() == day]
    out = []
    for d in problem.demand:
        if d.day != day or d.shift != shift or not d.skill:
            continue
        planned = sum(1 for e in on if d.skill in skills.get(e, set()))
        if planned < d.minimum and (absent is None or d.skill in absent.skills):
            out.append(d.skill)
    return sorted(set(out))


def _ways(problem: Problem, emp: Employee, st_code: str, start: datetime,
          end: datetime) -> dict[TakenAs, Any]:
    """How the shift may be worked: planned, planned with its last minutes as overtime
    (a function of the minutes), or as overtime in full."""
    st = problem.shift(st_code)
    planned = shift_period(emp.id, st, start, end)

    def tail(minutes: int) -> list[WorkPeriod]:
        cut = datetime.fromtimestamp(end.timestamp() - minutes * 60, TZ)
        head = shift_period(emp.id, st, start, cut)  # keeps the shift's break
        return [head, WorkPeriod(employee=emp.id, start=cut, end=end, shift=None,
                                 break_minutes=0, kind=PeriodKind.overtime)]

    return {"planned": [planned], "overtime_tail": tail,
            "overtime": [planned.model_copy(update={"kind": PeriodKind.overtime})]}


def _week_hours(problem: Problem, periods: list[WorkPeriod], emp: Employee,
                start: datetime) -> tuple[float, float]:
    """(hours worked, overtime hours) in the fixed week that holds ``start``."""
    s = problem.settings
    weeks = sm.weekly_hours(s, Roster.model_construct(periods=tuple(periods), day_marks=()),
                            [emp], problem.agreements)
    minute = to_minutes(start)
    for w in cal.week_windows(s.start, s.end + timedelta(days=1), s.week_start,
                              s.week_start_time):
        if w.start <= minute < w.end:
            for wh in weeks:
                if wh.week_start.isoformat() == w.label:
                    return wh.hours, wh.overtime
    return 0.0, 0.0


def _overtime_cap(problem: Problem, emp: Employee, day: date) -> float:
    """The § 10-6 cap per 7 days in force (the default without the employee's consent)."""
    fam = limits.family("10-6")
    default = float(fam.params["overtime_7d_hours"].default)  # type: ignore[arg-type]
    eff = limits.effective("10-6", tuple(problem.agreements), emp.id, day)
    cap = eff.num("overtime_7d_hours")
    return cap if emp.overtime_consent else min(cap, default)


def _wish(problem: Problem, emp: str, day: date, shift: str) -> Literal["for", "against", "none"]:
    against = for_ = False
    for r in problem.requests:
        if r.employee != emp or not r.start <= day <= r.end:
            continue
        if r.kind == RequestKind.day_off or (r.kind == RequestKind.avoid_shift
                                             and r.shift == shift):
            against = True
        if r.kind == RequestKind.shift_wish and r.shift == shift:
            for_ = True
    return "against" if against else "for" if for_ else "none"


def find_candidates(problem: Problem, published: Roster, *, day: date, shift: str,
                    absent: str | None = None, skills: Iterable[str] = (),
                    tariff_profile: bool = False) -> CandidateReport:
    """Every employee who may take ``shift`` on ``day`` in ``published`` (``absent``'s shift
    taken out first), ranked cheapest first, and every other employee with the reason."""
    st = problem.shift(shift)
    start, end = st.interval_on(day)
    absent_emp = problem.employee(absent) if absent is not None else None
    base = without_absent(published, absent, day, shift) if absent is not None else published
    need = sorted(set(skills) | set(_needed_skills(problem, base, day, shift, absent_emp)))
    judge = _Judge(problem, base, tariff_profile)
    marks = {(m[0], m[1]): m[2] for m in base.day_marks}
    totals = {t.employee: t for t in sm.employee_totals(
        problem.settings, base, problem.employees, sm.unavailable_days(problem),
        problem.agreements)}
    t0, t1 = start.timestamp(), end.timestamp()
    found: list[Candidate] = []
    rejected: list[Rejection] = []
    for emp in problem.employees:
        if emp.id == absent:
            continue
        mine = judge.periods.get(emp.id, [])
        if any(p.start.astimezone(TZ).date() == day or
               (p.start.timestamp() < t1 and t0 < p.end.timestamp()) for p in mine):
            rejected.append(Rejection(employee=emp.id, name=emp.name, reason="works_that_day"))
            continue
        if dayoff.mark_of(marks.get((emp.id, day), "")) in _AWAY_MARKS:
            rejected.append(Rejection(employee=emp.id, name=emp.name, reason="away"))
            continue
        if any(s not in emp.skills for s in need):
            rejected.append(Rejection(employee=emp.id, name=emp.name, reason="skill"))
            continue
        week_before, _ = _week_hours(problem, mine, emp, start)
        ways = _ways(problem, emp, shift, start, end)
        bad, warn = judge.added(emp.id, day, ways["planned"])
        chosen: tuple[TakenAs, list[WorkPeriod], list[str], int] | None = None
        if not bad:
            chosen = ("planned", ways["planned"], warn, 0)
        elif may_work_overtime(problem, emp):
            minutes = _overtime_needed(bad)
            length = int((end.timestamp() - start.timestamp()) // 60)
            if minutes is not None and 0 < minutes < length:
                new = ways["overtime_tail"](minutes)
                tail_bad, tail_warn = judge.added(emp.id, day, new)
                if not tail_bad:
                    chosen = ("overtime_tail", new, tail_warn, minutes)
            if chosen is None:
                full_bad, full_warn = judge.added(emp.id, day, ways["overtime"])
                if not full_bad:
                    chosen = ("overtime", ways["overtime"], full_warn, length)
        if chosen is None:
            rejected.append(Rejection(employee=emp.id, name=emp.name, reason="rules",
                                      rules=_rules(bad)))
            continue
        found.append(_candidate(problem, emp, day, shift, start, chosen, mine, totals,
                                week_before))
    found.sort(key=_rank_key)
    ranked = [c.model_copy(update={"rank": i}) for i, c in enumerate(found, start=1)]
    return CandidateReport(day=day, shift=shift, start=start, end=end, absent=absent,
                           skills=need, candidates=ranked, rejected=rejected, checks=judge.runs)


def _rank_key(c: Candidate) -> tuple[Any, ...]:
    return (round(c.overtime_hours, 4), round(c.extra_hours, 4), c.wish == "against",
            c.wish != "for", round(c.hours_after - c.contract_hours, 4),
            round(c.night_hours + c.sunday_hours, 4), c.employee)


def _candidate(problem: Problem, emp: Employee, day: date, shift: str, start: datetime,
               chosen: tuple[TakenAs, list[WorkPeriod], list[str], int], mine: list[WorkPeriod],
               totals: dict[str, sm.EmployeeTotals], week_before: float) -> Candidate:
    taken_as, new, warn, overtime_minutes = chosen
    able = may_work_overtime(problem, emp)
    s = problem.settings
    work = sum(p.work_minutes for p in new) / 60
    overtime = sum(p.work_minutes for p in new if p.kind == PeriodKind.overtime) / 60
    week_after, ot_after = _week_hours(problem, [*mine, *new], emp, start)
    t = totals.get(emp.id)
    hours_before = t.hours if t else 0.0
    contract = t.contract if t else 0.0
    planned_added = work - overtime
    extra = max(0.0, hours_before + planned_added - max(hours_before, contract))
    cap = _overtime_cap(problem, emp, day) if able else None
    rate = emp.hourly_cost
    cost = None if rate is None else round(
        overtime * rate * (1 + s.overtime_premium_pct / 100) + planned_added * rate, 2)
    wish = _wish(problem, emp.id, day, shift)
    effects: list[Effect] = []
    if not warn:
        effects.append(Effect(key="cand.effect.no_rule"))
    else:
        effects.append(Effect(key="cand.effect.warnings", args={"rules": ", ".join(warn)}))
    if overtime > 0:
        effects.append(Effect(key="cand.effect.overtime", args={
            "hours": i18n.length(overtime * 60), "cap": i18n.length((cap or 0) * 60),
            "used": i18n.length(ot_after * 60), "pct": s.overtime_premium_pct}))
    if extra > 0:
        effects.append(Effect(key="cand.effect.extra", args={"hours": i18n.length(extra * 60)}))
    effects.append(Effect(key="cand.effect.week", args={
        "after": i18n.length(week_after * 60), "before": i18n.length(week_before * 60)}))
    effects.append(Effect(key="cand.effect.contract", args={
        "after": i18n.length((hours_before + work) * 60), "contract": i18n.length(contract * 60)}))
    if wish != "none":
        effects.append(Effect(key=f"cand.effect.wish_{wish}"))
    return Candidate(
        rank=0, employee=emp.id, name=emp.name, taken_as=taken_as, shift_hours=round(work, 4),
        overtime_hours=round(overtime, 4), extra_hours=round(extra, 4), cost=cost,
        week_hours_before=round(week_before, 4), week_hours_after=round(week_after, 4),
        overtime_week_used=round(ot_after, 4), overtime_week_cap=cap,
        hours_before=round(hours_before, 4), hours_after=round(hours_before + work, 4),
        contract_hours=round(contract, 4), night_hours=round(t.night if t else 0.0, 4),
        sunday_hours=round(t.sunday if t else 0.0, 4), wish=wish, new_warnings=warn,
        effects=effects)


def apply(published: Roster, problem: Problem, *, day: date, shift: str, absent: str | None,
          candidate: Candidate, overtime_minutes: int | None = None) -> Roster:
    """The published roster with ``candidate`` taking the shift as they take it (its overtime
    tail from ``candidate.overtime_hours``) and the absent employee's shift taken out (for a
    full check of the result)."""
    st = problem.shift(shift)
    start, end = st.interval_on(day)
    base = without_absent(published, absent, day, shift) if absent is not None else published
    emp = problem.employee(candidate.employee)
    ways = _ways(problem, emp, shift, start, end)
    new = ways[candidate.taken_as]
    if candidate.taken_as == "overtime_tail":
        new = new(overtime_minutes if overtime_minutes is not None
                  else round(candidate.overtime_hours * 60))
    marks = tuple(m for m in base.day_marks if (m[0], m[1]) != (emp.id, day))
    return Roster.model_construct(periods=(*base.periods, *new), day_marks=marks)


__all__ = [
    "Candidate", "CandidateReport", "Effect", "NotRostered", "Rejection", "TakenAs", "apply",
    "find_candidates", "without_absent",
]
