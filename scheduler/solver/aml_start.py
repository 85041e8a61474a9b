"""The first roster of a whole-law problem, before the whole model is built (issue 19).

On the AML path (the full law, not the contract rules of :mod:`scheduler.solver.contract_search`)
the greedy start (:mod:`scheduler.solver.hints`) needs only what the domain rules leave open:
the variables of each employee, day and shift, and the pins. :func:`first` runs it at that point
of :func:`scheduler.solver.build.build` (its ``ready`` hook), before the rules are posted and the
objective is built (most of the build), and checks the roster with the checker
(:func:`constraints.checker.check_problem`): when no shift of it breaks a rule, it is a legal
roster at that moment. The solve then hints it (its objective is known once the model is built)
and, through :func:`fallback`, returns it when the build or the search runs out of time before
anything better is found: a start that cannot be lost silently.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from constraints.checker import check_problem
from constraints.kernel.posting import PostContext
from scheduler.model import Problem, Roster
from scheduler.solution import WALL_CLOCK, WORK_LIMIT, Assignment, Shortfall, Solution, SolveOptions
from scheduler.solver import hints
from scheduler.solver.cpsat import Budget
from scheduler.solver.decode import roster_of_assignments, run_facts

Key = tuple[int, int, int]
GREEDY_SHARE = 0.5  # most of the time left that the greedy may take (no work budget)


@dataclass
class Early:
    """The greedy roster found before the rules were posted, checked legal by the checker."""

    cells: dict[Key, int]  # (employee, day, shift) -> 1, as ``hints.greedy_until`` gives them
    seconds: float  # since the start of the solve, when it was found and checked
    cut: bool  # the deadline cut the greedy short (a partial roster, still legal)
    assignments: list[Assignment]
    roster: Roster


def applies(problem: Problem, options: SolveOptions, *, naive: bool, symmetry: bool,
            start: object, extend: object) -> bool:
    """Whole-law problems solved with hints and no start, extension or symmetry ordering of
    the caller's own (those change which roster the model takes first)."""
    return (problem.settings.apply_aml and options.use_hints and not naive and not symmetry
            and start is None and extend is None)


class Starter:
    """The ``ready`` hook of :func:`scheduler.solver.build.build`: runs :func:`first` once the
    variables exist and keeps what it found in ``early``."""

    def __init__(self, budget: Budget) -> None:
        self.budget = budget
        self.early: Early | None = None

    def __call__(self, ctx: PostContext) -> None:
        self.early = first(ctx, self.budget)


def first(ctx: PostContext, budget: Budget) -> Early | None:
    """The greedy roster on ``ctx`` (variables created and pinned, nothing posted yet), if the
    checker finds no rule broken by it; None otherwise (the solve then starts as before)."""
    left = budget.seconds_left()
    deadline = time.perf_counter() + (left if budget.deterministic else GREEDY_SHARE * left)
    cells, cut = hints.greedy_until(ctx, deadline)
    if cut and budget.deterministic:
        budget.wall_clock = True  # the safety net ended the greedy: not reproducible
    assignments = _assignments(ctx, cells)
    roster = roster_of_assignments(ctx.problem, assignments)
    if check_problem(ctx.problem, roster).roster_violations:
        return None
    return Early(cells, time.perf_counter() - budget.t0, cut, assignments, roster)


def fallback(problem: Problem, options: SolveOptions, budget: Budget,
             early: Early | None) -> Solution | None:
    """The early roster as the answer when nothing else was found (the build ran out of time,
    or the search ended without a roster): FEASIBLE, no objective (the model that prices it
    was not built or not solved), its uncovered demand listed. None without an early roster."""
    if early is None:
        return None
    stopped_by = WORK_LIMIT if budget.deterministic else WALL_CLOCK
    return Solution(status="FEASIBLE", assignments=early.assignments, roster=early.roster,
                    wall_seconds=time.perf_counter() - budget.t0,
                    first_solution_seconds=early.seconds,
                    shortfall=_shortfall(problem, early.assignments),
                    **run_facts(options, budget, stopped_by))


def _assignments(ctx: PostContext, cells: dict[Key, int]) -> list[Assignment]:
    geo = ctx.geo
    return sorted(
        (Assignment(employee=geo.emps[e].id, day=geo.days[d], shift=geo.shifts[s].code)
         for (e, d, s), v in cells.items() if v),
        key=lambda a: (a.employee, a.day,
                       geo.start[geo.day_index[a.day]][geo.shift_index[a.shift]]))


def _shortfall(problem: Problem, assignments: list[Assignment]) -> list[Shortfall]:
    skills = {e.id: set(e.skills) for e in problem.employees}
    on: dict[tuple, list[str]] = {}
    for a in assignments:
        on.setdefault((a.day, a.shift), []).append(a.employee)
    out = []
    for item in problem.demand:
        if item.minimum <= 0:
            continue
        planned = sum(1 for e in on.get((item.day, item.shift), [])
                      if not item.skill or item.skill in skills[e])
        if planned < item.minimum:
            out.append(Shortfall(day=item.day, shift=item.shift, skill=item.skill,
                                 required=item.minimum, planned=planned))
    return out
