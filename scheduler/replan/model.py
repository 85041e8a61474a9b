"""The minimal-change re-plan's additions to the solver's model (:func:`extender`).

* **The frozen past.** Every shift that has started by ``now`` keeps its published value: worked
  if the published roster has it, not worked otherwise. The rules see those shifts as part of
  the month, so every rule (rest, hours, weeks, Sundays) holds across ``now``.
* **The change tier** (``change`` in :mod:`scheduler.solver.objective`): each cell (employee x
  day) the re-plan changes costs, by kind and by how soon it takes effect:

  ============================  ==================  ==========================
  change                        within 14 days      later
  ============================  ==================  ==========================
  day off <-> work              ``near_off``        ``far_off``
  one shift type for another    ``near_type``       ``far_type``
  ============================  ==================  ==========================

  "Within 14 days" is the § 10-3 notice (``AML-10-3-plan``, :mod:`scheduler.replan.notice`):
  the day begins less than 14 days after ``now``. On top, each employee's number of changed cells ``n`` costs
  ``spread`` x (max(0, n-1) + max(0, n-2) + ... + max(0, n-steps)): 0, 0, 1, 3, 6, 10 ... for
  n = 0, 1, 2 ..., so one person does not absorb every change.

  The prices (:class:`ChangeWeights`) sit above a person below target (1,000), the contract
  hours (100 an hour), requests (50 per wish), fairness (20) and pattern (5), and below a person
  short of the minimum (100,000) and a soft legal rule (10,000): a re-plan covers the minimum
  demand the changes leave open and keeps the soft legal rules, and otherwise keeps the
  published roster (a person below target alone is no reason to change it). A cell that must
  change (its employee is now absent) costs nothing: every roster pays it alike.

Every term is >= 0 on every roster (the solver's two phases rely on it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from ortools.sat.python import cp_model

from constraints.kernel.posting import PostContext
from scheduler.clock import to_minutes
from scheduler.replan.notice import day_start, within_notice
from scheduler.solution import Assignment
from scheduler.solver.build import Extend
from scheduler.solver.objective import SCALE, Objective

TIER = "change"


@dataclass(frozen=True)
class ChangeWeights:
    """Prices per changed cell (objective units, like :class:`scheduler.model.Weights`)."""

    near_off: int = 4000
    near_type: int = 2500
    far_off: int = 2000
    far_type: int = 1200
    spread: int = 500
    steps: int = 4


def extender(published: list[Assignment], now: datetime,
             weights: ChangeWeights | None = None,
             free_days: set[date] | None = None) -> Extend:
    """The ``extend`` hook of :func:`scheduler.solver.solve` for a re-plan of ``published``
    at ``now``. ``free_days``: the days that may change at all (the changes' neighbourhood,
    :func:`scheduler.replan.run.neighbourhood`); every other day keeps its published cells, as
    the past does. ``None``: every day after ``now``."""
    w = weights or ChangeWeights()
    now_min = to_minutes(now)

    def extend(ctx: PostContext, obj: Objective) -> None:
        geo, m = ctx.geo, ctx.model
        pub: dict[tuple[int, int], int] = {}
        for a in published:
            e, d = geo.emp_index.get(a.employee), geo.day_index.get(a.day)
            s = geo.shift_index.get(a.shift)
            if e is not None and d is not None and s is not None:
                pub[(e, d)] = s
        boundary = ctx.problem.settings.day_boundary
        day_near = [within_notice(now, day_start(day, boundary)) for day in geo.days]
        for e in ctx.active:
            count: list[tuple[int, cp_model.LinearExprT]] = []  # the changed-cell indicators
            const = 0
            for d in range(geo.D):
                day = {s: v for s in range(geo.S) if (v := ctx.x.get((e, d, s))) is not None}
                p = pub.get((e, d))
                free = {}
                fixed = free_days is not None and geo.days[d] not in free_days
                for s, v in day.items():
                    if fixed or geo.start[d][s] <= now_min:
                        m.add(v == int(p == s))  # the frozen past, or beyond the changes' reach
                    else:
                        free[s] = v
                if not free or (p is not None and p not in free):
                    continue  # nothing to choose, or the published shift is frozen or gone
                off = w.near_off if day_near[d] else w.far_off
                kind = w.near_type if day_near[d] else w.far_type
                if p is None:  # a day off: working any shift changes it
                    for v in free.values():
                        obj.add(TIER, off * SCALE, v)
                        count.append((1, v))
                    continue
                # published p: kept costs 0, another shift ``kind``, a day off ``off``
                obj.constant[TIER] += off * SCALE
                for s, v in free.items():
                    obj.add(TIER, -(off if s == p else off - kind) * SCALE, v)
                const += 1
                count.append((-1, free[p]))
            if count and w.spread and w.steps > 1:
                n = const + sum(c * v for c, v in count)
                most = len(count)
                for k in range(1, w.steps + 1):
                    if most <= k:
                        break
                    t = m.new_int_var(0, most - k, f"change_spread[{e},{k}]")
                    m.add(t >= n - k)
                    obj.add(TIER, w.spread * SCALE, t)

    return extend
