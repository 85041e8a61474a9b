"""The progress of one solve: the :class:`Trace` of its improving rosters (seconds, objective,
best bound), the CP-SAT callback that records them (:class:`_Progress`, which also stops a search
once its roster is within a target gap of the best proven bound), and the gap arithmetic."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from scheduler.solver import objective


@dataclass
class Trace:
    """Progress of one solve: (seconds, objective, best bound) per improving solution."""

    build_seconds: float = 0.0
    points: list[tuple[float, float, float]] = field(default_factory=list)
    num_vars: int = 0
    num_constraints: int = 0
    hinted_ones: int = 0
    built: bool = True  # False: the time limit ran out while the model was being built
    greedy_cut: bool = False  # the time limit cut the greedy start short (a partial roster)
    # a lower bound proven before the final search, by a search of the same problem on
    # another model (the contract search's lean model: scheduler.solver.contract_search)
    floor: float | None = None

    def prove(self, bound: float) -> None:
        """Keep ``bound`` (objective units) when it is better than the floor known."""
        self.floor = _best(bound, self.floor)

    def objective_at(self, seconds: float) -> float | None:
        best = None
        for t, obj, _ in self.points:
            if t <= seconds:
                best = obj
        return best


class _Progress(cp_model.CpSolverSolutionCallback):
    """Records every improving roster; with a ``target`` gap (%), stops the search once a
    roster is within it of the best bound known (the solver's own or phase one's ``floor``,
    which the solver's relative_gap_limit does not see) and sets ``reached``."""

    def __init__(self, trace: Trace, t0: float, on_solution: Callable[..., None] | None,
                 floor: float | None = None, target: float | None = None):
        super().__init__()
        self.trace, self.t0, self.on_solution, self.floor = trace, t0, on_solution, floor
        self.target, self.reached = target, False

    def on_solution_callback(self) -> None:
        t = time.perf_counter() - self.t0
        obj = self.objective_value / objective.SCALE
        if self.target is not None and not self.reached:
            known = _best(self.best_objective_bound / objective.SCALE, self.floor)
            if known is not None and _gap(obj, known) <= self.target:
                self.reached = True
                self.stop_search()
        if self.trace.points and obj >= self.trace.points[-1][1]:
            return  # not better than a roster found before this search (the start, phase one)
        bound = _best(self.best_objective_bound / objective.SCALE, self.floor)
        self.trace.points.append((t, obj, bound))
        if self.on_solution is not None:
            self.on_solution(t, obj, bound)


def _best(bound: float | None, floor: float | None) -> float | None:
    """The better of two proven lower bounds (either may be unknown)."""
    known = [b for b in (bound, floor) if b is not None]
    return max(known) if known else None


def _gap(obj: float, bound: float) -> float:
    return round(100.0 * abs(obj - bound) / max(1.0, abs(obj)), 4)
