"""Which wishes a roster grants, and why the others are not granted.

One row per wish and day (``day_off``, ``shift_wish``, ``avoid_shift``; ``unavailable`` is
hard and shown in the Roster grid as ``FE``). A wish is granted when the roster does what it
asks on that day (shifts counted on the day they start). For a wish not granted the reason is
the first that holds:

* ``rule`` — (a shift wish) a rule forbids that shift that day for the employee: the solver's
  own domain phase (:mod:`scheduler.feasibility`) names the rule and why;
* ``no_demand`` — (a shift wish) no demand row asks for that shift that day for the employee's
  skills, so the shift is never planned for them;
* ``conflict`` — another wish of the same employee on the same day asks the opposite and is
  granted;
* ``cover`` — the shift the employee works is needed for the minimum cover (the row has no one
  to spare), or (a shift wish) the shift is already staffed to its target;
* ``tradeoff`` — none of these: the optimiser weighed it against rules over several days
  (rest, weekly hours), hours against contract, fairness and other wishes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from scheduler import i18n
from scheduler import summary as sm
from scheduler.model import Problem, RequestKind, Roster

WISHES = (RequestKind.day_off, RequestKind.shift_wish, RequestKind.avoid_shift)


@dataclass(frozen=True)
class WishResult:
    number: int  # the wish's position among the problem's requests (1-based)
    employee: str
    day: date
    kind: RequestKind
    shift: str | None
    weight: float
    granted: bool
    reason: str  # "" when granted; else rule / no_demand / conflict / cover / tradeoff
    detail: str = ""  # the rule's id and why, the conflicting wish, the demand row
    why: str | i18n.Msg = ""  # (reason "rule") the rule's why, worded in the sheet's language

    def text(self, lang: str = "en") -> str:
        if self.granted:
            return ""
        detail = self.detail
        if self.why:
            why = self.why.render(lang) if isinstance(self.why, i18n.Msg) else self.why
            detail = f"{detail}: {why}"
        return i18n.text(f"requests.reason.{self.reason}", lang, detail=detail)


def results(problem: Problem, roster: Roster) -> list[WishResult]:
    """Every wish and day with granted / not granted and the reason (see the module docstring)."""
    worked: dict[tuple[str, date], set[str]] = {}
    for p in roster.periods:
        if p.shift is not None:
            worked.setdefault((p.employee, sm.start_day(p.start)), set()).add(p.shift)
    rows = sm.coverage(problem, roster)
    skills = {e.id: set(e.skills) for e in problem.employees}
    horizon = set(problem.days())
    forbidden = None
    out: list[WishResult] = []
    wishes = [(i, r) for i, r in enumerate(problem.requests, start=1) if r.kind in WISHES]
    for number, r in wishes:
        for day in r.days():
            if day not in horizon:
                continue
            shifts = worked.get((r.employee, day), set())
            if r.kind == RequestKind.day_off:
                granted = not shifts
            elif r.kind == RequestKind.shift_wish:
                granted = r.shift in shifts
            else:
                granted = r.shift not in shifts
            reason = detail = ""
            why: str | i18n.Msg = ""
            if not granted:
                if r.kind == RequestKind.shift_wish and forbidden is None:
                    forbidden = _forbidden(problem)
                reason, detail = _why(problem, r, day, shifts, rows, skills.get(r.employee, set()),
                                      forbidden or {}, worked)
                if reason == "rule":
                    detail, why = forbidden[(r.employee, day, r.shift)]  # type: ignore[index]
            out.append(WishResult(number, r.employee, day, r.kind, r.shift, r.weight, granted,
                                  reason, detail, why))
    return out


def _forbidden(problem: Problem) -> dict[tuple[str, date, str], tuple[str, str]]:
    from scheduler.feasibility import domain

    ctx = domain(problem, problem.settings.allow_overtime)
    geo = ctx.geo
    return {(geo.emps[e].id, geo.days[d], geo.shifts[s].code): (f.rule, f.why)
            for (e, d, s), f in ctx.forbidden.items()}


def _why(problem, r, day, shifts, rows, skills, forbidden, worked):  # noqa: ANN001, ANN202
    """(reason, detail) for a wish not granted."""
    if r.kind == RequestKind.shift_wish:
        hit = forbidden.get((r.employee, day, r.shift))
        if hit is not None:
            return "rule", f"{hit[0]}: {hit[1]}"
        mine = [x for x in rows if x.day == day and x.shift == r.shift
                and (not x.skill or x.skill in skills)]
        if not mine:
            return "no_demand", f"{r.shift} {day.isoformat()}"
    for i, other in enumerate(problem.requests, start=1):
        if other is r or other.employee != r.employee or day not in other.days():
            continue
        if _opposite(r, other, shifts):
            return "conflict", f"#{i}"
    if r.kind == RequestKind.shift_wish:
        full = [x for x in rows if x.day == day and x.shift == r.shift and x.planned >= x.target]
        if full and len(full) == len(mine):
            return "cover", f"{r.shift} {day.isoformat()}"
        return "tradeoff", ""
    for s in sorted(shifts if r.kind == RequestKind.day_off else {r.shift}):
        tight = [x for x in rows if x.day == day and x.shift == s
                 and (not x.skill or x.skill in skills) and x.planned <= x.required]
        if tight:
            return "cover", f"{s} {day.isoformat()}"
    return "tradeoff", ""


def _opposite(r, other, shifts) -> bool:  # noqa: ANN001
    """Does ``other`` (granted) ask the opposite of ``r`` on the same day?"""
    if r.kind == RequestKind.day_off:
        return other.kind == RequestKind.shift_wish and other.shift in shifts
    if r.kind == RequestKind.shift_wish:
        return (other.kind == RequestKind.day_off and not shifts) or (
            other.kind == RequestKind.avoid_shift and other.shift == r.shift)
    return other.kind == RequestKind.shift_wish and other.shift == r.shift and r.shift in shifts
