"""A first roster for pure contract-rule problems in plain Python, legal by construction.

The employee sweep (:mod:`scheduler.solver.decompose`) plans one row at a time in CP-SAT. On
150 staff x 364 days x 32 shift types building and solving 150 row models takes minutes on a
busy machine, longer than a whole time limit. This module plans each row in one forward walk
over the days instead, keeping every hard rule of the row by construction:

* only cells the employee may work: a demand cell they are wanted for, not made unavailable by
  the ``DOMAIN`` rule of ``constraints.requests`` (run for this one employee), no shift type
  their contract allows 0 of;
* ``CONTRACT-max-shifts``: a shift type is not taken once at its limit;
* ``CONTRACT-max/min-total-minutes``: a shift is not taken past the maximum; the walk paces the
  minutes towards the middle of [minimum, maximum] (else towards whichever is given);
* ``CONTRACT-max-consecutive-shifts``, ``-min-consecutive-shifts``, ``-min-consecutive-days-off``:
  a block starts only after enough days off and only where its minimum length can be worked,
  goes on until it is long enough and stops at its maximum (stricter than the rule at the
  horizon's ends, which the rule exempts: still legal);
* ``CONTRACT-max-weekends``: no work on a weekend not yet worked once the limit is reached;
* ``CONTRACT-forbidden-succession``: never a forbidden shift after the previous day's.

Among the shifts open on a day the walk takes the one whose cover is still missing most (the
exact marginal cost of the cover terms of :mod:`scheduler.solver.objective` for one more
worker, and the employee's own requests). The walk is tried at a few paces; the row is then
checked against every rule above by :func:`scheduler.solver.row_walk.violations` (an independent count, not the walk's
state). An employee whose row cannot be planned this way (an unknown rule applies, a pinned
shift, or every pace ends illegal) gets ``None``: :func:`scheduler.solver.decompose.sweep` plans
that row in CP-SAT instead (the repair), so the first roster never silently fails.

:func:`roster_cost` prices a whole roster per tier exactly as the row models of the sweep do
(cover per cell, requests per employee), so the sweep can go on improving from it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import timedelta

import numpy as np

from constraints.contract import post as contract
from constraints.kernel.geometry import Geometry
from constraints.kernel.posting import PostContext
from constraints.registry import Posted
from constraints.requests import UNAVAILABLE
from constraints.requests.measure import away, blocked
from scheduler.model import Contract, RequestKind
from scheduler.solver import objective, variables
from scheduler.solver.objective import SCALE
from scheduler.solver.row_walk import PACES, Row, RowRules, violations, walk

Cost = dict[str, int]  # tier -> scaled cost
KNOWN = {contract.MAX_SHIFTS, contract.MAX_TOTAL, contract.MIN_TOTAL, contract.MAX_CONSEC,
         contract.MIN_CONSEC, contract.MIN_OFF, contract.MAX_WEEKENDS, contract.SUCCESSION,
         UNAVAILABLE.id}
COVER_TIERS = ("uncovered", "below_target", "overstaffing")


def _weekends(geo: Geometry) -> list[int]:
    """Day -> weekend number, for the (Saturday, Sunday) pairs inside the horizon (as posted)."""
    out = [-1] * geo.D
    k = 0
    for sat in range(geo.D - 1):
        if geo.windows.is_saturday(geo.days[sat]):
            out[sat] = out[sat + 1] = k
            k += 1
    return out


class Planner:
    """Plans rows one employee at a time against the cover of the rows planned before."""

    def __init__(self, geo: Geometry, rules: list[Posted]) -> None:
        self.geo, self.rules = geo, rules
        self.specs = {r.spec.id: r.spec for r in rules}
        self.contracts = {c.id: c for c in geo.problem.contracts}
        self.weekend = _weekends(geo)
        self.workers: dict[tuple[int, int], list[int]] = defaultdict(list)
        self.cells = _cells(geo)
        # the gain of one more worker on each cell whose demand names no skill (then every
        # worker counts the same); cells with a skill are priced per employee
        self.general = [[0] * geo.S for _ in range(geo.D)]
        self.skilled: set[tuple[int, int]] = set()
        for (d, s), items in self.cells.items():
            if any(item.skill for item in items):
                self.skilled.add((d, s))
            else:
                self.general[d][s] = self._gain(-1, d, s)
        self.any_skill = np.zeros((geo.D, geo.S), dtype=bool)  # cells anyone is wanted for
        self.by_skill: dict[str, np.ndarray] = {}  # skill -> cells someone with it is wanted for
        for (d, s), items in self.cells.items():
            if any(item.minimum > 0 or item.target or item.over_weight is not None for item in items):
                for skill in {item.skill for item in items}:
                    if not skill:
                        self.any_skill[d, s] = True
                    else:
                        self.by_skill.setdefault(skill, np.zeros((geo.D, geo.S), dtype=bool))[d, s] = True
        self.requests: dict[str, list] = defaultdict(list)
        for r in geo.problem.requests:
            self.requests[r.employee].append(r)
        self._open_by_skills: dict[frozenset[str], np.ndarray] = {}
        self.runs = away(geo.problem.settings, geo.problem.requests)
        self.cell_count = 0  # cells open to the employees planned (the whole model's size)
        self._rules: dict[int, RowRules | None] = {}

    # -- one employee's rules ---------------------------------------------------------------

    def _wanted(self, skills: frozenset[str]) -> np.ndarray:
        """Cells some demand wants an employee with ``skills`` for (``variables.wanted_cells``)."""
        got = self._open_by_skills.get(skills)
        if got is None:
            got = self.any_skill.copy()
            for skill in skills & self.by_skill.keys():
                got |= self.by_skill[skill]
            self._open_by_skills[skills] = got
        return got

    def row_rules(self, e: int) -> RowRules | None:
        """``e``'s rules, or None when a rule the walk does not know applies to ``e``, or a
        shift is pinned (the CP-SAT row plans such rows)."""
        if e not in self._rules:
            self._rules[e] = self._row_rules(e)
        return self._rules[e]

    def _row_rules(self, e: int) -> RowRules | None:
        geo = self.geo
        ctx = PostContext(geo, self.specs, naive=True, active=[e])
        if variables.read_pins(ctx):
            return None
        pins = {d: s for (ee, d), s in ctx.pinned.items() if ee == e}  # (all employees' are read)
        if any(s >= 0 for s in pins.values()):
            return None
        for r in self.rules:
            if (r.post is not None or r.domain is not None) and r.spec.id not in KNOWN \
                    and ctx.employees(r.spec.id):
                return None
        c = self.contracts.get(geo.emps[e].contract or "")
        if c is None:
            return None
        mask = self._wanted(frozenset(geo.emps[e].skills)).copy()
        for d in pins:  # pinned days off
            mask[d, :] = False
        for s, st in enumerate(geo.shifts):
            if c.max_shifts.get(st.code) == 0:
                mask[:, s] = False
        if ctx.employees(UNAVAILABLE.id):  # the DOMAIN rule of constraints.requests, for e
            for a in self.runs.get(geo.emps[e].id, []):
                near = (a.first + timedelta(days=k) for k in range(-2, (a.last - a.first).days + 1))
                for d in (geo.day_index[day] for day in near if day in geo.day_index):
                    for s in range(geo.S):
                        if blocked((a,), geo.start[d][s], geo.end[d][s]) is not None:
                            mask[d, s] = False
        open_: list[list[int]] = [[] for _ in range(geo.D)]
        for d, s in zip(*(a.tolist() for a in np.nonzero(mask)), strict=True):
            open_[d].append(s)
        self.cell_count += int(mask.sum())
        cap = {s: c.max_shifts[st.code] for s, st in enumerate(geo.shifts) if st.code in c.max_shifts}
        return _rules_of(c, geo, open_, cap, self.weekend)

    # -- the walk ---------------------------------------------------------------------------

    def gains(self, e: int, rr: RowRules) -> list[list[int]]:
        """[day][shift]: the scaled objective decrease of ``e`` working the cell, given the
        cover so far."""
        out = list(self.general)  # the days ``e`` changes get their own copy below
        mine: set[int] = set()

        def own(d: int) -> list[int]:
            if d not in mine:
                out[d] = list(out[d])
                mine.add(d)
            return out[d]

        for d, s in self.skilled:
            own(d)[s] = self._gain(e, d, s)
        for (d, s), delta in _request_gains(self.geo, e, self.requests[self.geo.emps[e].id]).items():
            day = own(d)
            if s < 0:  # a day-off wish: every shift that day
                for k in range(len(day)):
                    day[k] += delta
            else:
                day[s] += delta
        return out

    def _gain(self, e: int, d: int, s: int) -> int:
        items = self.cells.get((d, s))
        if not items:
            return 0
        fixed = self.workers.get((d, s), [])
        before = _cost(self.geo, items, fixed)
        after = _cost(self.geo, items, [*fixed, e])
        return sum(before.values()) - sum(after.values())

    def row(self, e: int) -> Row | None:
        """A legal row for ``e`` (checked by :func:`violations`), or None."""
        rr = self.row_rules(e)
        if rr is None:
            return None
        gain = self.gains(e, rr)
        for pace in PACES:
            row = walk(rr, gain, pace)
            if not violations(rr, row):
                return row
        return None

    def improve(self, rows: dict[int, Row], stop: Callable[[], bool] | None = None) -> int:
        """One pass over the employees: each row walked again against the others' cover (at
        every pace), the best legal one kept when it lowers the objective. Returns the scaled
        decrease of the whole objective (exact: a cell's price depends on its workers alone)."""
        gained = 0
        for e in sorted(rows):
            if stop is not None and stop():
                break
            rr = self.row_rules(e)
            if rr is None:
                continue  # a repaired row: the CP-SAT sweeps re-plan it
            old = rows[e]
            self.untake(e, old)
            gain = self.gains(e, rr)
            best, value = old, _value(old, gain)
            for pace in PACES:
                row = walk(rr, gain, pace)
                v = _value(row, gain)
                if v > value and not violations(rr, row):
                    best, value = row, v
            gained += value - _value(old, gain)
            rows[e] = best
            self.take(e, best)
        return gained

    def untake(self, e: int, row: Row) -> None:
        """Take ``row`` out of the cover again."""
        for d, s in row.items():
            self.workers[(d, s)].remove(e)
            if (d, s) in self.cells and (d, s) not in self.skilled:
                self.general[d][s] = self._gain(-1, d, s)

    def take(self, e: int, row: Row) -> None:
        """Count ``row`` into the cover the later rows are planned against."""
        for d, s in row.items():
            self.workers[(d, s)].append(e)
            if (d, s) in self.cells and (d, s) not in self.skilled:
                self.general[d][s] = self._gain(-1, d, s)


def _value(row: Row, gain: list[list[int]]) -> int:
    return sum(gain[d][s] for d, s in row.items())


def _rules_of(c: Contract, geo: Geometry, open_: list[list[int]], cap: dict[int, int],
              weekend: list[int]) -> RowRules:
    index = geo.shift_index
    forbidden = {(index[a], index[b]) for a, b in c.forbidden_successions
                 if a in index and b in index}
    return RowRules(open=open_, minutes=[st.paid_minutes() for st in geo.shifts], cap=cap,
                    min_total=c.min_total_minutes, max_total=c.max_total_minutes,
                    max_consec=c.max_consecutive_shifts, min_consec=c.min_consecutive_shifts or 1,
                    min_off=c.min_consecutive_days_off or 1, max_weekends=c.max_weekends,
                    weekend=weekend, forbidden=forbidden)


def _request_gains(geo: Geometry, e: int, requests: list) -> dict[tuple[int, int], int]:
    """(day, shift) -> scaled objective decrease of working it from ``e``'s own ``requests``
    (shift -1: any shift that day), as ``objective._requests`` prices them."""
    out: dict[tuple[int, int], int] = defaultdict(int)
    emp = geo.emps[e].id
    w = geo.problem.weights
    for r in requests:
        if r.employee != emp or r.kind == RequestKind.unavailable:
            continue
        coef = round(w.request * r.weight * SCALE)
        s = geo.shift_index.get(r.shift) if r.shift else None
        for day in r.days():
            d = geo.day_index.get(day)
            if d is None:
                continue
            if r.kind == RequestKind.day_off:
                out[(d, -1)] -= coef
            elif r.kind == RequestKind.avoid_shift and s is not None:
                out[(d, s)] -= coef
            elif r.kind == RequestKind.shift_wish and s is not None:
                out[(d, s)] += coef
    return out


def roster_cost(geo: Geometry, rows: dict[int, Row]) -> tuple[dict[int, Cost], Cost]:
    """Each employee's own scaled cost per tier (requests) and the cover's, for ``rows``: what
    the sweep's row models price (``objective.build(pattern=False, fairness=False)`` with no
    contract-deviation weight; :func:`usable` says when that holds)."""
    workers: dict[tuple[int, int], list[int]] = defaultdict(list)
    for e, row in rows.items():
        for d, s in row.items():
            workers[(d, s)].append(e)
    cover: Cost = dict.fromkeys(COVER_TIERS, 0)
    for item_cell, items in _cells(geo).items():
        for tier, c in _cost(geo, items, workers.get(item_cell, [])).items():
            cover[tier] = cover.get(tier, 0) + c
    own: dict[int, Cost] = {e: {"requests": 0} for e in rows}
    w = geo.problem.weights
    for r in geo.problem.requests:  # as ``objective._requests`` prices them
        e = geo.emp_index.get(r.employee)
        if e is None or e not in rows or r.kind == RequestKind.unavailable:
            continue
        coef = round(w.request * r.weight * SCALE)
        s = geo.shift_index.get(r.shift) if r.shift else None
        row = rows[e]
        for day in r.days():
            d = geo.day_index.get(day)
            if d is None:
                continue
            if r.kind == RequestKind.day_off and d in row:
                own[e]["requests"] += coef
            elif r.kind == RequestKind.avoid_shift and s is not None and row.get(d) == s:
                own[e]["requests"] += coef
            elif r.kind == RequestKind.shift_wish and s is not None and row.get(d) != s:
                own[e]["requests"] += coef
    return own, cover


def _cells(geo: Geometry) -> dict[tuple[int, int], list]:
    """(day, shift) -> its demand items (once per geometry)."""
    cells = geo.cache.get("greedy_demand_cells")
    if cells is None:
        cells = defaultdict(list)
        for item in geo.problem.demand:
            d, s = geo.day_index.get(item.day), geo.shift_index.get(item.shift)
            if d is not None and s is not None:
                cells[(d, s)].append(item)
        geo.cache["greedy_demand_cells"] = cells
    return cells


def _cost(geo: Geometry, items: list, workers: list[int]) -> dict[str, int]:
    """``objective.cell_cost``, memoised by the items' terms and the number of workers when no
    item names a skill (then only their number counts)."""
    if any(item.skill for item in items):
        return objective.cell_cost(geo, items, workers)
    memo = geo.cache.setdefault("greedy_cell_cost", {})
    key = (tuple((i.minimum, i.target, i.weight, i.over_weight) for i in items), len(workers))
    got = memo.get(key)
    if got is None:
        got = memo[key] = dict(objective.cell_cost(geo, items, workers))
    return got


def usable(geo: Geometry, rules: list[Posted]) -> bool:
    """Are the walk and :func:`roster_cost` good for this problem? Only when every rule is one
    the walk keeps (so no soft-rule penalty exists), without the AML and without a
    contract-deviation weight (terms :func:`roster_cost` does not price)."""
    p = geo.problem
    return not p.settings.apply_aml and not p.weights.contract_deviation and all(
        r.spec.id in KNOWN for r in rules if r.post is not None or r.domain is not None)
