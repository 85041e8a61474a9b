"""Before phase one: cover the minimum demand of a scarce skill that the first roster leaves short.

The greedy roster can leave a scarce skill's shifts short at the end of the month: whoever has
the skill has reached the cap on their hours (the contract plus the tolerance) by then. Covering
such a shift takes a chain of moves across the month: one who has the skill drops an earlier
shift, where someone else takes their place, and works the short one instead. CP-SAT's own
neighbourhoods seldom hold that chain: phase one (:mod:`scheduler.solver.top_tiers`) left one
specialist shift of the generated 150-staff month uncovered in 7 of 22 runs of 60 s (gap
5.6-6.4 % against about 1 %), and the uncovered tier alone covers it only by breaking hundreds
of Sundays in the weekly rest (the soft legal tier).

So one neighbourhood is searched first (:func:`cover`), on the top tiers: the whole month of
everyone with a short skill, and every day off of everyone else (who may take over a shift but
keeps every shift they have). The generated month's short cells are covered within 2-6 s,
the Sundays in the weekly rest kept (docs/benchmarks.md, issue 19): at 60 s, 1 run of 13
ended short (7 of 22 before). Each round (:data:`ROUNDS`) stops at the first roster that leaves
no minimum short, or at its part of :data:`SHARE` of the work (or time) left; the best roster
goes on to phase one as the complete hint when its full objective is better. Phase one's
roster can still leave a cell short (1 run in 13): the solve then calls :func:`cover` again,
with new seeds, before phase two. It is
not tried when the short demand needs no particular skill: the neighbourhood would then be the
whole model, which is what phase one searches anyway.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from ortools.sat.python import cp_model

from constraints.kernel.posting import PostContext
from scheduler.solver import objective
from scheduler.solver.cpsat import Budget, hint_roster, new_solver
from scheduler.solver.start import _evaluate, _Fallback, _fixed
from scheduler.solver.stopping import _stopped, _watch
from scheduler.solver.top_tiers import TOP_TIERS

SHARE = 0.2  # of the work (or time) left, at most
# A search that stalls one cell short of a cover often covers it with another seed: on the
# generated 150-staff month, one round of seed 7 stayed one cell short for its whole share twice
# (it covered in 2.1 s when run alone); with two rounds, seed 1's second round covered in 2.1 s
# (docs/benchmarks.md, issue 19).
ROUNDS = 2


def short_skills(obj: objective.Objective, value: Callable) -> set[str]:
    """The skills of the minimum demand the roster ``value`` describes leaves short, where a
    search could cover it ("" for demand of no particular skill; a cell nobody can work is a
    constant, not a variable, and is left out)."""
    return {skill or "" for _, _, skill, _, short in obj.shortfall
            if not isinstance(short, int) and value(short) > 0}


def neighbourhood(ctx: PostContext, skills: set[str], value: Callable) -> dict[int, int]:
    """The cells :func:`cover` keeps as they are (model index -> value): everyone's who has
    none of ``skills``, on the days they work. Those with a short skill, and every day off,
    are free."""
    geo = ctx.geo
    holders = {e for e in ctx.active if skills & set(geo.emps[e].skills)}
    working = {(e, d) for (e, d, _), v in ctx.x.items() if e not in holders and value(v)}
    return {v.index: int(value(v)) for (e, d, _), v in ctx.x.items() if (e, d) in working}


def cover(ctx: PostContext, obj: objective.Objective, start: _Fallback, workers: int, seed: int,
          budget: Budget, stop: threading.Event | None = None) -> _Fallback | None:
    """The best roster of the neighbourhood searches (see the module's docstring), evaluated
    on the full model, or None when they found none better than ``start``. Up to
    :data:`ROUNDS` searches, each with :data:`SHARE` / :data:`ROUNDS` of the work (or time)
    left, a seed of its own and the neighbourhood of the best roster so far, while a short
    skill is left. When a roster better than ``start`` is found, every variable of
    ``ctx.model`` is hinted with its values."""
    best = start
    for r in range(ROUNDS):
        skills = short_skills(obj, best.value)
        if not skills or "" in skills or _stopped(stop):
            break
        found = _search(ctx, obj, best, skills, workers, seed + r, budget, stop)
        if found is not None:
            best = found
    if best is start:
        return None
    hint_roster(ctx.model, best.value)
    return best


def _search(ctx: PostContext, obj: objective.Objective, start: _Fallback, skills: set[str],
            workers: int, seed: int, budget: Budget,
            stop: threading.Event | None) -> _Fallback | None:
    """One search of the neighbourhood of ``start`` for ``skills``: its roster evaluated, or
    None when it is not better than ``start``."""
    model = _fixed(ctx, neighbourhood(ctx, skills, start.value))
    hint_roster(model, start.value)
    model.minimize(obj.expression(TOP_TIERS))
    solver = new_solver()
    p = solver.parameters
    p.num_workers = workers
    p.random_seed = seed
    p.max_presolve_iterations = 1
    budget.limit(solver, SHARE / ROUNDS)
    with _watch(stop, solver):
        status = solver.solve(model, _Covered(obj))
    budget.charge(solver, int(status), stop)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    searched = solver.value
    value = _evaluate(ctx, searched, budget)
    found = sum(obj.by_tier(value).values())
    if found >= start.objective:
        return None
    return _Fallback(value, found, exact=value is not searched)


class _Covered(cp_model.CpSolverSolutionCallback):
    """Stops the search at the first roster that leaves no minimum short (a chain that covers
    the scarce skill can leave another skill's cell short for a while: the search goes on)."""

    def __init__(self, obj: objective.Objective) -> None:
        super().__init__()
        self.obj = obj

    def on_solution_callback(self) -> None:
        if not short_skills(self.obj, self.value):
            self.stop_search()
