"""A greedy, legal-ish starting roster: the first roster and a hint for CP-SAT.

Shifts that touch a Sunday/holiday segment are planned first, all weeks in order, then every
other shift day by day. Each demand cell is filled up to its minimum, then its target (never
with a new Sunday/holiday above the minimum: that costs more than it gains), scarce skills
first. The employee chosen is, in order: one who already works that Sunday/holiday (pairing
Saturday evening with Sunday keeps everyone else's weekly rest on a Sunday); one who takes no
scarcer skill off the market; for a scarce skill, one with the fewest other shifts open that
day; then the one furthest below their contracted hours. Every choice keeps the main rules: one
shift a day, the daily rest (at least 11 h, or the employee's stricter rest) to the neighbouring
days, the daily and weekly normal-hours limits in force, the weekly rest in every fixed week, at
most five days in a row and the red-day run limit (history and ``last_sunday_worked``
included). Then employees behind their contracted hours take extra shifts where one is needed
anyway (never on a Sunday/holiday segment). Without overtime nobody is planned past the
contract plus ``contract_tolerance_shifts`` (the cap :mod:`scheduler.solver.objective` posts). ``solve`` checks the result against the full model;
when it is legal it is the first roster and a complete hint, otherwise CP-SAT repairs it.
"""

from __future__ import annotations

import heapq
import time
from collections import defaultdict

from constraints.kernel.posting import PostContext
from constraints.limits import STATUTORY_WEEK_HOURS, family
from scheduler.solver.objective import (
    capped,
    contract_target_minutes,
    pinned_minutes,
    tolerance_minutes,
)

REST = round(float(family("10-8").params["daily_rest_hours"].default) * 60)  # statutory
WEEK_CAP = round(STATUTORY_WEEK_HOURS * 60)
MAX_RUN = 5


def greedy(ctx: PostContext) -> dict[tuple[int, int, int], int]:
    return greedy_until(ctx, None)[0]


def greedy_until(ctx: PostContext, deadline: float | None
                 ) -> tuple[dict[tuple[int, int, int], int], bool]:
    """The greedy roster, planned until ``deadline`` (a ``time.perf_counter()`` value; None: no
    limit), and whether the deadline cut it short (then later days are left empty: on a very
    large problem a partial roster is still a legal start, the search fills the rest)."""
    geo = ctx.geo
    need: dict[tuple[int, int], list[tuple[str, int, int]]] = defaultdict(list)
    for item in ctx.problem.demand:
        d, s = geo.day_index.get(item.day), geo.shift_index.get(item.shift)
        if d is None or s is None:
            continue
        target = item.target if item.target is not None else item.minimum
        need[(d, s)].append((item.skill, item.minimum, target))
    st = _State(ctx, deadline)
    for (e, d), s in sorted(ctx.pinned.items()):
        if s >= 0 and (e, d, s) in ctx.x:
            st.take(e, d, s)
    # Sunday/holiday segments first, all weeks in order (the next-Sunday-off chain and the
    # Saturday-Sunday pairing decide who can work them), then every other shift day by day.
    for red_pass in (True, False):
        for d in range(geo.D):
            cells = sorted((c for c in need if c[0] == d and bool(geo.red_touch[c]) == red_pass),
                           key=lambda c: geo.start[c[0]][c[1]])
            _fill(st, need, d, cells)
            if not red_pass and not st.late():
                _top_up(ctx, st, d, cells)
    chosen = {(e, d, s): 1 for (e, d), s in st.day_shift.items()}
    if ctx.symmetry_groups:
        chosen = _order_interchangeable(ctx, chosen)
    return chosen, st.cut


def _fill(st: _State, need: dict, d: int, cells: list[tuple[int, int]]) -> None:
    """Fill ``cells`` of day ``d`` up to their minimum, then up to their target."""
    geo = st.geo
    for phase in (1, 2):
        for (_, s) in cells:
            for skill, mn, tg in sorted(need[(d, s)], key=lambda t: st.scarcity(t[0])):
                want = mn if phase == 1 else tg
                have = sum(1 for e in st.on_cell[(d, s)]
                           if not skill or skill in geo.emps[e].skills)
                if have >= want or st.late():
                    continue
                # Taking a shift changes only the taker's standing, so the order of the others
                # stays: the best ``want - have`` in one pass are the picks one by one would be.
                # Above the minimum a new Sunday/holiday costs more than it gains.
                for e in st.ranked(d, s, skill, want - have, new_red_days=phase == 1):
                    st.take(e, d, s)


def _top_up(ctx: PostContext, st: _State, d: int, cells: list[tuple[int, int]]) -> None:
    """Phase 3: employees behind their contracted hours (paced over the horizon) take an extra
    shift on day ``d`` where one is needed anyway, never on a Sunday/holiday segment (that costs a
    soft legal penalty) — over-staffing is far cheaper than missing contract hours."""
    if not ctx.problem.weights.contract_deviation:
        return
    geo = ctx.geo
    pace = (d + 1) / geo.D
    open_cells = [c for c in cells if not geo.red_touch[c]]
    if not open_cells:
        return
    behind = sorted(
        (st.worked[e] / st.target[e], e) for e in ctx.active
        if (e, d) not in st.day_shift and (e, d) not in ctx.pinned
    )
    for _, e in behind:
        if st.late():
            return
        best = None
        for dd, s in open_cells:
            if (e, dd, s) not in ctx.x:
                continue
            if st.worked[e] + geo.work[dd][s] > st.target[e] * pace + 4 * 60:
                continue
            if not st.ok(e, dd, s):
                continue
            load = len(st.on_cell[(dd, s)])
            if best is None or load < best[0]:
                best = (load, s)
        if best is not None:
            st.take(e, d, best[1])


def _order_interchangeable(ctx: PostContext, chosen: dict) -> dict:
    """Give interchangeable employees' rows in the order the symmetry constraints demand (most
    worked minutes first); swapping identical employees keeps the roster legal."""
    geo = ctx.geo
    rows: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for e, d, s in chosen:
        rows[e].append((d, s))
    out = dict(chosen)
    for group in ctx.symmetry_groups:
        ranked = sorted(group, key=lambda e: -sum(geo.work[d][s] for d, s in rows.get(e, [])))
        for e in group:
            for d, s in rows.get(e, []):
                out.pop((e, d, s), None)
        for target, source in zip(group, ranked, strict=True):
            for d, s in rows.get(source, []):
                out[(target, d, s)] = 1
    return out


class _State:
    """What the greedy has planned so far, with the checks it needs."""

    def __init__(self, ctx: PostContext, deadline: float | None = None) -> None:
        from constraints.kernel.normal_limits import daily_limit_minutes, weekly_limit_minutes
        from constraints.kernel.rest import daily_rest_minutes, weekly_rest_minutes

        self.ctx = ctx
        self.deadline, self.cut = deadline, False
        self._caps: dict[tuple[int, int, int], int] = {}
        geo = self.geo = ctx.geo
        self.target = {e: max(1, contract_target_minutes(ctx, e)) for e in ctx.active}
        # without overtime, never past the contract plus the tolerance (objective._contract)
        tol = tolerance_minutes(ctx)
        self.cap = {e: max(contract_target_minutes(ctx, e) + tol, pinned_minutes(ctx, e))
                    for e in capped(ctx)}
        self.worked = dict.fromkeys(ctx.active, 0)
        self.day_shift: dict[tuple[int, int], int] = {}
        self.on_cell: dict[tuple[int, int], set[int]] = defaultdict(set)
        self.win_day: dict[tuple[int, int], int] = defaultdict(int)
        self.win_week: dict[tuple[int, int], int] = defaultdict(int)
        self.rest = {e: max(REST, daily_rest_minutes(ctx, e)) for e in ctx.active}
        self.wrest = {e: weekly_rest_minutes(ctx, e) for e in ctx.active}
        self.red_k = {e: int(ctx.limits("10-8", e).num("red_days_in_a_row")) for e in ctx.active}
        self.red: dict[int, set[int]] = {}
        self.spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for e in ctx.active:
            self.spans[e] = [(h.start, h.end) for h in geo.history[e]]
            fixed = geo.red_touched_by_history(e)
            hist = next((h for h in ctx.problem.employee_history
                         if h.employee == geo.emps[e].id), None)
            if hist is not None and hist.last_sunday_worked is not None:
                fixed |= {i for i, r in enumerate(geo.windows.red) if r.day == hist.last_sunday_worked}
            self.red[e] = set(fixed)
        self._dlim, self._wlim = daily_limit_minutes, weekly_limit_minutes
        self._scarce = len(ctx.active) / 4  # a skill fewer than a quarter of the staff have
        self._holders: dict[str, int] = defaultdict(int)
        for e in ctx.active:
            for k in geo.emps[e].skills:
                self._holders[k] += 1

    def _day_cap(self, e: int, wi: int) -> int:
        """The daily normal-hours limit of ``e`` in day window ``wi`` (minutes; cached)."""
        cap = self._caps.get((0, e, wi))
        if cap is None:
            w = self.geo.windows.day[wi]
            cap = self._caps[(0, e, wi)] = self._dlim(self.ctx, e, _date(w.start))
        return cap

    def _week_cap(self, e: int, wi: int) -> int:
        """The weekly limit of ``e`` in week window ``wi``, at most 40 h (minutes; cached)."""
        cap = self._caps.get((1, e, wi))
        if cap is None:
            w = self.geo.windows.week[wi]
            cap = self._caps[(1, e, wi)] = min(WEEK_CAP, self._wlim(self.ctx, e, _date(w.start)))
        return cap

    def late(self) -> bool:
        """Has the deadline passed (then nothing more is planned)?"""
        if not self.cut and self.deadline is not None and time.perf_counter() >= self.deadline:
            self.cut = True
        return self.cut

    def take(self, e: int, d: int, s: int) -> None:
        geo = self.geo
        self.day_shift[(e, d)] = s
        self.on_cell[(d, s)].add(e)
        self.worked[e] += geo.work[d][s]
        for wi, mins in geo.in_day[(d, s)]:
            self.win_day[(e, wi)] += mins
        for wi, mins in geo.in_week[(d, s)]:
            self.win_week[(e, wi)] += mins
        self.red[e] |= set(geo.red_touch[(d, s)])
        self.spans[e].append((geo.start[d][s], geo.end[d][s]))

    def pick(self, d: int, s: int, skill: str, new_red_days: bool = True) -> int | None:
        """The best employee for one more ``s`` on day ``d`` with ``skill`` (None: nobody)."""
        best = self.ranked(d, s, skill, 1, new_red_days)
        return best[0] if best else None

    def ranked(self, d: int, s: int, skill: str, n: int, new_red_days: bool = True) -> list[int]:
        """The ``n`` best employees for ``s`` on day ``d`` with ``skill``, best first: who may
        take it, ranked by new Sunday/holiday days, scarcer skills taken off the market, other
        options that day (for a scarce skill), then hours worked against target."""
        keyed = []
        for e in self.ctx.active:
            if (e, d, s) not in self.ctx.x or (e, d) in self.day_shift:
                continue
            if skill and skill not in self.geo.emps[e].skills:
                continue
            if (e, d) in self.ctx.pinned or not self.ok(e, d, s):
                continue
            red = self._new_red_days(e, d, s)
            if red and not new_red_days:
                continue
            # a scarce skill goes first to whoever could do the fewest other shifts that day
            flexible = self._options(e, d) if self.scarcity(skill) < self._scarce else 0
            keyed.append((red, self._spare_skills(e, skill), flexible,
                          self.worked[e] / self.target[e], e))
        return [k[-1] for k in heapq.nsmallest(n, keyed)]

    def scarcity(self, skill: str) -> int:
        """How many employees have ``skill`` (everyone for no skill): scarce skills go first."""
        return self._holders.get(skill, len(self.ctx.active)) if skill else len(self.ctx.active)

    def _options(self, e: int, d: int) -> int:
        return sum(1 for s in range(self.geo.S) if (e, d, s) in self.ctx.x)

    def _spare_skills(self, e: int, skill: str) -> int:
        """Scarcer skills than ``skill`` that ``e`` would take off the market by this shift."""
        need = self.scarcity(skill)
        return sum(1 for k in self.geo.emps[e].skills if k != skill and self.scarcity(k) < need)

    def _new_red_days(self, e: int, d: int, s: int) -> int:
        """Sunday/holiday segments this shift touches that ``e`` does not work yet: pairing a
        Saturday evening with the Sunday keeps the other employees' weekly rest on a Sunday."""
        return sum(1 for i in self.geo.red_touch[(d, s)] if i not in self.red[e])

    def ok(self, e: int, d: int, s: int) -> bool:
        geo = self.geo
        if e in self.cap and self.worked[e] + geo.work[d][s] > self.cap[e]:
            return False
        a, b = geo.start[d][s], geo.end[d][s]
        for dd in (d - 1, d + 1):
            prev = self.day_shift.get((e, dd))
            if prev is None:
                continue
            pa, pb = geo.start[dd][prev], geo.end[dd][prev]
            gap = a - pb if dd < d else pa - b
            if gap < self.rest[e]:
                return False
        run = 1  # days in a row with this one (days are not planned in order)
        for step in (-1, 1):
            dd = d + step
            while (e, dd) in self.day_shift:
                run += 1
                dd += step
        if run > MAX_RUN:
            return False
        if self.ctx.overtime is not None and geo.work[d][s] > self._dlim(self.ctx, e, _date(a)):
            return False  # longer than the daily limit: only as overtime, never in the greedy
        for wi, mins in geo.in_day[(d, s)]:
            if self.win_day[(e, wi)] + mins > self._day_cap(e, wi):
                return False
        for wi, mins in geo.in_week[(d, s)]:
            if self.win_week[(e, wi)] + mins > self._week_cap(e, wi):
                return False
        touches = geo.red_touch[(d, s)]
        if touches:
            worked = self.red[e] | set(touches)
            k = self.red_k[e]
            for i in touches:
                lo = i
                while lo - 1 in worked:
                    lo -= 1
                hi = i
                while hi + 1 in worked:
                    hi += 1
                if hi - lo + 1 > k:
                    return False
        spans = sorted([*self.spans[e], (a, b)])
        for wi, _ in geo.in_week[(d, s)]:
            w = geo.windows.week[wi]
            if _longest_off(spans, w.start, w.end) < self.wrest[e]:
                return False
        return True


def _date(minute: int):  # noqa: ANN202
    from scheduler.clock import from_minutes

    return from_minutes(minute).date()


def _longest_off(spans: list[tuple[int, int]], a: int, b: int) -> int:
    t, best = a, 0
    for x, y in spans:
        if y <= a or x >= b:
            continue
        best = max(best, x - t)
        t = max(t, y)
    return max(best, b - t)


def add_hints(ctx: PostContext) -> int:
    """Hint every decision variable; return how many are hinted 1."""
    chosen = greedy(ctx)
    for k, v in ctx.x.items():
        ctx.model.add_hint(v, chosen.get(k, 0))
    return sum(chosen.values())
