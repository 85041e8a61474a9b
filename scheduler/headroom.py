"""How much overtime each employee may still work under each § 10-6 cap after the horizon.

For the next month's planner (and what-if): per employee and cap — 7 days, 4 weeks, 52 weeks
(a T5 agreement judges the year cap per 26 weeks) — the fixed window that holds the first moment
after the horizon (the window the next plan starts in), the cap in force for it, the overtime
already in it and what remains. Everything is measured by the checker's own code
(``constraints.overtime.counted``: its overtime spans with the § 10-9 (2) break deducted, its
year-to-date carry, its fixed windows and blocks, its limits lookup), so the figures agree with
what ``roster check`` would judge; no window is derived here.

Without consent (§ 10-6 (7), ``Employee.overtime_consent``) the cap is the default (10 / 25 /
200 h) even where a tier allows more. An employee who may not be given overtime (excused under
§ 10-6 (10), exempt under § 10-12, under 18) is listed with ``may_work_overtime=False``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import datetime

from constraints import limits
from constraints.base import CheckContext
from constraints.kernel.measure import LimitLookup
from constraints.overtime.counted import CAPS, cap_windows, ot_rate, ot_year_rate
from scheduler import calendar as cal
from scheduler.clock import from_minutes
from scheduler.model import Employee, Problem, Roster, Tier

CAP_NAMES = {1: "7d", 4: "4w", 52: "52w", 26: "26w"}


@dataclass(frozen=True, slots=True)
class Headroom:
    employee: str
    cap: str  # "7d" | "4w" | "52w" | "26w" (T5: the year cap per 26 weeks)
    rule: str
    window_start: datetime
    window_end: datetime
    limit: float  # hours
    used: float  # overtime hours already in the window (history and year-to-date included)
    consent_cap: bool  # the default cap applies because the employee has not consented to more
    may_work_overtime: bool

    @property
    def remaining(self) -> float:
        return max(0.0, self.limit - self.used) if self.may_work_overtime else 0.0


def may_work_overtime(problem: Problem, emp: Employee) -> bool:
    from constraints.youth.check import NO_OVERTIME_FOR_MINORS

    minor = NO_OVERTIME_FOR_MINORS and any(emp.is_minor_on(d) for d in problem.days())
    return not (emp.excused_overtime or emp.exempt_10_12 or minor)


def context(problem: Problem, roster: Roster) -> CheckContext:
    """The checker's context for the roster (as ``constraints.checker.check_problem``)."""
    return CheckContext(
        settings=problem.settings,
        roster=roster,
        employees={e.id: e for e in problem.employees},
        agreements=tuple(problem.agreements),
        employee_history={h.employee: h for h in problem.employee_history},
        history=tuple(problem.history),
        contracts={c.id: c for c in problem.contracts},
        shifts={st.code: st for st in problem.shifts},
    )


def headroom(problem: Problem, roster: Roster) -> list[Headroom]:
    """Remaining overtime per employee and cap (employee order, then 7d, 4w, 52w)."""
    ctx = context(problem, roster)
    lk = LimitLookup(ctx)
    fam = limits.family("10-6")
    moment = ctx.horizon_end  # the first minute after the horizon
    out: list[Headroom] = []
    for emp in problem.employees:
        able = may_work_overtime(problem, emp)
        for rule, param, weeks in CAPS:
            default = float(fam.params[param].default)
            options: list[tuple[float, Headroom]] = []
            plans = [weeks]
            if weeks == 52:
                plans = [26] if lk.at("10-6", emp.id, moment).tier == Tier.T5_ARBEIDSTILSYNET \
                    else [52]
                if not emp.overtime_consent and plans == [26]:
                    plans.append(52)  # § 10-6 (7) judges the default 200 h per 52 weeks
            for w_weeks in plans:
                w = _window_at(cap_windows(ctx, w_weeks), moment)
                if w is None:
                    continue
                eff = lk.at("10-6", emp.id, w.start)
                tier_cap = eff.num(param)
                if w_weeks == 52 and eff.tier == Tier.T5_ARBEIDSTILSYNET:
                    tier_cap = float("inf")  # T5's year cap is judged per 26 weeks
                cap = tier_cap if emp.overtime_consent else min(tier_cap, default)
                if cap == float("inf"):
                    continue
                rate = ot_year_rate(ctx, emp.id) if w_weeks == 52 else ot_rate(ctx, emp.id)
                used = rate.between(w.start, w.end) / 60
                h = Headroom(
                    employee=emp.id, cap=CAP_NAMES[w_weeks], rule=rule,
                    window_start=from_minutes(w.start), window_end=from_minutes(w.end),
                    limit=cap, used=round(used, 4), consent_cap=cap < tier_cap,
                    may_work_overtime=able,
                )
                options.append((cap - used, h))
            if options:
                out.append(min(options, key=lambda o: o[0])[1])
    return out


def _window_at(windows: list[cal.Window], minute: int) -> cal.Window | None:
    i = bisect.bisect_right([w.start for w in windows], minute) - 1
    if i < 0 or not windows[i].start <= minute < windows[i].end:
        return None
    return windows[i]
