"""The solver never plans a shift that is work while the employee is away (DOMAIN)."""

from __future__ import annotations

from datetime import date, timedelta

from constraints.kernel.posting import PostContext
from constraints.requests import UNAVAILABLE
from constraints.requests.measure import Away, away, blocked
from scheduler import i18n


def _domain(ctx: PostContext) -> None:
    geo = ctx.geo
    runs = geo.cache.get("away_runs")
    if runs is None:  # once per geometry (the one-employee row models share it)
        runs = geo.cache["away_runs"] = away(geo.problem.settings, geo.problem.requests)
    active = set(ctx.active)  # a one-employee row model needs that employee's cells alone
    for emp, mine in runs.items():
        e = geo.emp_index.get(emp)
        if e is None or e not in active:
            continue
        for a in mine:
            day = a.first - timedelta(days=2)  # a shift from up to two days before may reach in
            while day <= a.last:
                d = geo.day_index.get(day)
                day += timedelta(days=1)
                if d is None:
                    continue
                for s in range(geo.S):
                    if blocked((a,), geo.start[d][s], geo.end[d][s]) is None:
                        continue
                    ctx.forbid(e, d, s, UNAVAILABLE.id, _why(a, geo.shifts[s].code, geo.days[d]))


def _why(a: Away, code: str, day: date) -> i18n.Msg:
    what = i18n.term("requests.away.vacation" if a.vacation else "requests.away.unavailable")
    if day >= a.first:
        return i18n.msg("requests.away.on", employee=a.employee, what=what,
                        first=a.first.isoformat(), last=a.last.isoformat())
    return i18n.msg("requests.away.reaches", employee=a.employee, shift=code,
                    day=day.isoformat(), what=what, first=a.first.isoformat())


DOMAIN = {UNAVAILABLE.id: _domain}
