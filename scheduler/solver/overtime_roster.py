"""The solved roster with overtime: each shift split into planned, extra and overtime periods.

A mixin of :class:`scheduler.solver.overtime.Overtime`: extra hours are marked on the tails of
the horizon's last shifts, latest first (:mod:`scheduler.solver.overtime`'s docstring).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from ortools.sat.python import cp_model

from constraints.kernel.posting import Key, PostContext
from scheduler.clock import from_minutes
from scheduler.extra_time import Costs, costs, stretches
from scheduler.model import PeriodKind, Roster, WorkPeriod
from scheduler.solution import ExtraTime
from scheduler.solver.objective import contract_target_minutes


@dataclass
class Result:
    """What :meth:`Overtime.finish` makes of a solved model."""

    roster: Roster
    items: list[ExtraTime]
    costs: Costs


class Periods:
    """Overtime's methods that read the solved model (``self`` is an
    :class:`~scheduler.solver.overtime.Overtime`)."""

    ctx: PostContext
    k: dict[Key, cp_model.IntVar]

    def finish(self, value: Callable, cells: list[Key]) -> Result:
        """Split the solved shifts into planned / extra / overtime periods."""
        ctx, geo = self.ctx, self.ctx.geo
        cells = sorted(cells, key=lambda c: (geo.emps[c[0]].id, geo.start[c[1]][c[2]]))
        units = {c: (int(value(self.k[c])) if c in self.k else 0) for c in cells}
        extra = self._mark_extra(cells, units)
        roster = Roster(periods=tuple(
            p for c in cells for p in self._periods(c, units[c], extra.get(c, 0))))
        items = stretches(roster)
        return Result(roster, items, costs(ctx.problem, items))

    def _mark_extra(self, cells: list[Key], ot: dict[Key, int]) -> dict[Key, int]:
        """Units of extra hours per cell: each employee's worked minutes above the contract over
        the horizon (overtime not counted), on the horizon's last shifts."""
        ctx, geo = self.ctx, self.ctx.geo
        mine: dict[int, list[Key]] = defaultdict(list)
        for c in cells:
            mine[c[0]].append(c)
        out: dict[Key, int] = {}
        for e, cs in mine.items():
            if not self.marks_extra(e):
                continue
            worked = sum(geo.work[d][s] - ot[(e, d, s)] * self.tail(e, d, s).unit_work
                         for _, d, s in cs)
            left = worked - contract_target_minutes(ctx, e)
            for c in sorted(cs, key=lambda c: geo.start[c[1]][c[2]], reverse=True):
                if left <= 0:
                    break
                t = self.tail(*c)
                n = max(0, min(t.units - ot[c], left // t.unit_work))
                if n:
                    out[c] = n
                    left -= n * t.unit_work
        return out

    def _periods(self, c: Key, ot_units: int, extra_units: int) -> list[WorkPeriod]:
        """The shift of cell ``c`` as planned, extra and overtime periods (in that order)."""
        e, d, s = c
        geo = self.ctx.geo
        st = geo.shifts[s]
        t = self.tail(e, d, s)
        a = geo.start[d][s]
        planned = t.units - extra_units - ot_units
        assert planned >= 0
        parts = [(PeriodKind.planned, planned), (PeriodKind.extra, extra_units),
                 (PeriodKind.overtime, ot_units)]
        out: list[WorkPeriod] = []
        done = 0  # units already written
        coded = False
        for kind, n in parts:
            if n <= 0:
                continue
            cursor, end = a + done * t.unit, a + (done + n) * t.unit
            done += n
            if t.unit_break:
                brk, paid = n * t.unit_break, False
            else:
                brk, paid = (0 if coded else st.break_minutes), st.break_counts_as_work
            out.append(WorkPeriod(
                employee=geo.emps[e].id, start=from_minutes(cursor), end=from_minutes(end),
                shift=None if coded else st.code, break_minutes=brk, break_counts_as_work=paid,
                kind=kind,
            ))
            coded = True
        assert done == t.units and a + done * t.unit == geo.end[d][s]
        return out
