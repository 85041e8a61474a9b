"""From a search's answer to the parts of a ``Solution``: the roster of the assignments, and the
facts that say how the search ran and whether it is reproducible."""

from __future__ import annotations

from scheduler.model import Problem, Roster, roster_from_assignments
from scheduler.solution import (
    GAP_LIMIT,
    INFEASIBLE,
    INTERRUPTED,
    WALL_CLOCK,
    Assignment,
    SolveOptions,
)
from scheduler.solver.cpsat import Budget


def run_facts(options: SolveOptions, budget: Budget, stopped_by: str) -> dict:
    """The Solution fields that say how the solve ran and whether it is reproducible."""
    if budget.interrupted:
        stopped_by = INTERRUPTED
    elif budget.wall_clock and stopped_by not in (INFEASIBLE, GAP_LIMIT):
        # a search that reached its target gap ended there, whatever ended an earlier one
        # (reproducible says whether the clock ended any)
        stopped_by = WALL_CLOCK
    return dict(seed=options.seed, workers=options.workers, work_limit=options.work_limit,
                stopped_by=stopped_by, work=round(budget.spent, 6),
                target_gap_pct=options.target_gap_pct,
                reproducible=(options.workers == 1 and budget.deterministic
                              and not budget.wall_clock and not budget.interrupted))


def roster_of_assignments(problem: Problem, assignments: list[Assignment]) -> Roster:
    """The roster of the assignments (``roster_from_assignments`` when one shift a day; split
    duties can give two shifts on a day)."""
    keyed = {(a.employee, a.day): a.shift for a in assignments}
    if len(keyed) == len(assignments):
        return roster_from_assignments(problem, keyed)
    parts = [roster_from_assignments(problem, {(a.employee, a.day): a.shift}).periods[0]
             for a in assignments]
    return Roster(periods=tuple(parts))
