"""Variable neighbourhood search over the whole model, from a complete roster.

For pure contract-rule problems (:mod:`scheduler.solver.contract_search`): the roster's cells are
fixed except those of one neighbourhood, and CP-SAT solves the rest of the *full* model (with the
sequence graphs of ``constraints.contract.sequence``, whose LP is tight, so a neighbourhood of a
week or two of every employee usually solves to optimality in about a second), with the
incumbent as its hint. The neighbourhood structures, visited in turn (as in the IP + VNS of
Rahimian et al. 2017):

* ``days``: ``n`` consecutive days of every employee, around a day the incumbent leaves short of
  its cover when there is one (:func:`short_days`);
* ``employees``: the whole horizon of ``k`` employees drawn at random;
* ``block``: ``2n`` consecutive days of ``k`` employees drawn at random.

Each size grows by a quarter after a neighbourhood proven optimal in less than half its budget
(the incumbent is then a local optimum of that size) and shrinks by a fifth after one that was
not solved. A roster is kept when it is no worse (sideways moves leave plateaus). A
neighbourhood that grows to free every cell ends the search: solved to optimality it proves the
roster optimal; not solved within its budget, the whole model is better left to the caller's
own search on it (on small models, Curtois Instances 1-4, CP-SAT's LP-driven search on the whole
model finds and proves the optimum where restarted neighbourhoods do not: Instance4 at 60 s,
1716 proven with 65 % of the limit for it, 1815 with 10 %).

Every neighbourhood stops on CP-SAT's deterministic time (:data:`SUB_WORK`), so the search takes
the same steps on a busy machine as on an idle one, only more slowly (unless the machine is so
busy that :data:`SUB_SECONDS` cuts a neighbourhood); the wall clock (the limit the caller gives)
ends the search. The model is cloned once: a neighbourhood narrows the
domains of the fixed cells in that clone and restores them after its solve.
"""

from __future__ import annotations

import logging
import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from ortools.sat.python import cp_model

from constraints.kernel.posting import PostContext
from scheduler.solver.cpsat import full_linear_relaxation, new_solver

log = logging.getLogger(__name__)

SUB_WORK = 1.5  # deterministic seconds for one neighbourhood
SUB_SECONDS = 6.0  # ... and at most this many wall-clock seconds (a busy machine)
FIRST_K = 4  # employees freed in the first employee neighbourhood
FIRST_DAYS = 7  # days freed (of every employee) in the first day neighbourhood
KINDS = ("days", "employees", "block")

Key = tuple[int, int, int]


@dataclass
class Result:
    values: list[int]  # every model variable's value in the best roster
    objective: int  # its objective (scaled, as in the model)
    steps: int  # neighbourhoods solved
    optimal: bool  # a neighbourhood freeing every cell proved it optimal
    whole: bool = False  # the search ended at a neighbourhood freeing every cell


class _Size:
    """The adaptive size of one kind of neighbourhood."""

    def __init__(self, first: int, most: int) -> None:
        self.value, self.most = min(first, most), most

    def update(self, optimal: bool, quick: bool) -> None:
        if optimal and quick:
            self.value = min(self.most, self.value + max(1, self.value // 4))
        elif not optimal:
            self.value = max(min(2, self.most), self.value - max(1, self.value // 5))


def search(ctx: PostContext, values: list[int], objective: int, *, seed: int, workers: int,
           left: Callable[[], float], work_left: Callable[[], float] | None = None,
           improved: Callable[[int], None] | None = None,
           charge: Callable[[cp_model.CpSolver, int], None] | None = None) -> Result:
    """Improve the roster ``values`` (every variable of ``ctx.model``, objective ``objective``)
    until ``left()`` (wall-clock seconds) or ``work_left()`` (deterministic time, when given)
    runs out. ``improved(objective)`` is called for every better roster, ``charge(solver,
    status)`` after every neighbourhood."""
    base = ctx.model.clone()
    base.clear_hints()
    proto_vars = base.proto.variables
    n_vars = len(proto_vars)
    hint = base.proto.solution_hint
    hint.vars.extend(range(n_vars))
    hint.values.extend(values)
    cells = {key: v.index for key, v in ctx.x.items()}
    emps = sorted({e for e, _, _ in cells})
    n_days = ctx.geo.D
    rng = random.Random(seed)
    sizes = {"days": _Size(FIRST_DAYS, n_days), "employees": _Size(FIRST_K, len(emps)),
             "block": _Size(FIRST_K, len(emps))}
    vals, best = list(values), objective
    steps, optimal_proof, whole = 0, False, False
    while emps:
        # with a work budget only the caller's wall clock (a safety net) may cut a neighbourhood
        seconds = left() if work_left is not None else min(SUB_SECONDS, left())
        work = SUB_WORK if work_left is None else min(SUB_WORK, work_left())
        if seconds < 0.2 or work < 0.01:
            break
        kind = KINDS[steps % len(KINDS)]
        steps += 1
        short = short_days(ctx, cells, vals) if kind == "days" else []
        free = _neighbourhood(kind, sizes, cells, emps, n_days, rng, short)
        kept = [i for key, i in cells.items() if key not in free]
        saved = [(proto_vars[i].domain[0], proto_vars[i].domain[1]) for i in kept]
        for i in kept:
            dom = proto_vars[i].domain
            dom[0] = dom[1] = vals[i]
        hint.values.clear()
        hint.values.extend(vals)
        solver = new_solver()
        p = solver.parameters
        p.num_workers = workers
        p.random_seed = _int32(seed + steps)
        full_linear_relaxation(p, workers)
        p.max_deterministic_time = work
        p.max_time_in_seconds = seconds
        status = solver.solve(base)
        for i, (lo, hi) in zip(kept, saved, strict=True):
            dom = proto_vars[i].domain
            dom[0], dom[1] = lo, hi
        if charge is not None:
            charge(solver, status)
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE) and solver.objective_value <= best:
            if solver.objective_value < best and improved is not None:
                improved(int(solver.objective_value))
            best = int(solver.objective_value)
            vals = list(solver.response_proto.solution)
        optimal = status == cp_model.OPTIMAL
        log.debug("neighbourhood %d: %s %d freed %s in %.2f s (%.2f work), best %d", steps,
                  kind, len(free), solver.status_name(status), solver.wall_time,
                  solver.deterministic_time, best)
        if not kept:  # the whole model: proven optimal, or left to the caller's own search
            optimal_proof, whole = optimal, True
            break
        sizes[kind].update(optimal, solver.deterministic_time < work / 2)
    return Result(vals, best, steps, optimal_proof, whole)


def short_days(ctx: PostContext, cells: dict[Key, int], values: list[int]) -> list[int]:
    """The days of the roster ``values`` with a demand line (day, shift, skill) covered below
    its target (its minimum when it has none), once per line."""
    geo = ctx.geo
    cover: Counter[tuple[int, int, str | None]] = Counter()
    for (e, d, s), i in cells.items():
        if values[i]:
            cover[d, s, None] += 1
            for skill in geo.emps[e].skills:
                cover[d, s, skill] += 1
    days = []
    for item in ctx.problem.demand:
        d, s = geo.day_index.get(item.day), geo.shift_index.get(item.shift)
        need = item.target if item.target is not None else item.minimum
        if d is not None and s is not None and cover[d, s, item.skill or None] < need:
            days.append(d)
    return days


def _neighbourhood(kind: str, sizes: dict[str, _Size], cells: dict[Key, int], emps: list[int],
                   n_days: int, rng: random.Random, short: list[int] | None = None) -> set[Key]:
    """The cells freed by one neighbourhood of ``kind`` at its current size; a ``days``
    neighbourhood holds a day of ``short`` (drawn at random) when there is one."""
    size = sizes[kind].value
    if kind == "days":
        if short:  # a window of ``size`` days holding the short day, placed at random
            day = rng.choice(short)
            first = max(0, min(n_days - size, day - rng.randrange(size)))
        else:
            first = rng.randrange(0, max(1, n_days - size + 1))
        return {k for k in cells if first <= k[1] < first + size}
    if kind == "employees":
        chosen = set(rng.sample(emps, min(size, len(emps))))
        return {k for k in cells if k[0] in chosen}
    # block: 2n consecutive days of k employees drawn at random
    days = min(n_days, 2 * sizes["days"].value)
    first = rng.randrange(0, max(1, n_days - days + 1))
    chosen = set(rng.sample(emps, min(size, len(emps))))
    return {k for k in cells if k[0] in chosen and first <= k[1] < first + days}


def _int32(n: int) -> int:
    """``n`` wrapped into CP-SAT's 32-bit seed range."""
    return (n + 2**31) % 2**32 - 2**31

