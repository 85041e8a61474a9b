"""How every CP-SAT solver of the project is created, sized and stopped.

Two limits end a solve (:class:`Budget`):

* the **work budget** (``SolveOptions.work_limit``), in CP-SAT's deterministic time: a count of
  the solver's own work, the same on any machine and under any load. With one worker, a seed and
  a work budget the roster is reproducible: every search of the solve stops on its share of the
  budget, which is split between the searches by how much work the earlier ones used (itself
  reproducible);
* the **wall clock** (``SolveOptions.time_limit``): always a limit, and with a work budget only a
  safety net. A search it ends is not reproducible, and the solution says so
  (``Solution.stopped_by == "wall_clock"``, ``Solution.reproducible`` False). Without a work
  budget the wall clock is the limit, split between the searches by their shares.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from scheduler.solution import (
    GAP_LIMIT,
    INFEASIBLE,
    INTERRUPTED,
    OPTIMAL,
    WALL_CLOCK,
    WORK_LIMIT,
)

MIN_SECONDS = 0.05  # the least wall-clock time a search is given
MIN_WORK = 0.001  # the least work (deterministic time) a search is given



def new_solver() -> cp_model.CpSolver:
    """A CP-SAT solver that leaves Ctrl-C to us when it runs off the main thread.

    CP-SAT installs its own SIGINT handler by default; off the main thread (as in ``roster
    solve``) that handler aborts the process. The CLI stops the search through ``stop``.
    """
    solver = cp_model.CpSolver()
    solver.parameters.catch_sigint_signal = threading.current_thread() is threading.main_thread()
    return solver


def full_linear_relaxation(params, workers: int) -> None:  # noqa: ANN001 - SatParameters
    """Put every Boolean constraint into the LP relaxation (CP-SAT's linearization level 2).

    Presolve turns many rows into clauses (a night that needs one person, the choice of a
    Sunday-in-rest miss), and the LP of CP-SAT's default worker (``default_lp``, level 1)
    leaves clauses out. Several workers: ``max_lp`` (level 2) is put first in the portfolio,
    in place of ``default_lp`` on 2 workers; one worker: its own search gets level 2.
    """
    if workers >= 2:
        params.extra_subsolvers.append("max_lp")
    else:
        params.linearization_level = 2


def hint_roster(model: cp_model.CpModel, value: Callable[[cp_model.IntVar], int]) -> None:
    """Replace ``model``'s hints with ``value`` of every variable: a complete hint. ``value``
    may come from a search of a copy of the model (CP-SAT looks variables up by index)."""
    model.clear_hints()
    for i in range(len(model.proto.variables)):
        v = model.get_int_var_from_proto_index(i)
        model.add_hint(v, value(v))


def stopped_at_gap(solver: cp_model.CpSolver) -> bool:
    """The search ended OPTIMAL because it reached its ``relative_gap_limit``, not because the
    roster is proven best (its proven bound is still below its objective; objectives are
    integers in the model, so half a unit tells them apart)."""
    return (solver.parameters.relative_gap_limit > 0
            and solver.best_objective_bound < solver.objective_value - 0.5)


@dataclass
class Budget:
    """The limits of one solve and what its searches used of them.

    ``work_limit`` None: the wall clock is the limit (a search's share is a share of the time
    left). Otherwise each search gets a share of the work left and the rest of the time limit as
    a safety net."""

    time_limit: float  # seconds, from t0
    work_limit: float | None  # deterministic time of every search together
    t0: float = field(default_factory=time.perf_counter)
    spent: float = 0.0  # deterministic time used so far
    wall_clock: bool = False  # some search was ended by the wall clock
    interrupted: bool = False  # some search was ended by a stop request
    # seconds kept at the end of the time limit for turning the answer into a roster (the
    # evaluation and decoding after the last search): the searches' limits leave it out
    reserve: float = 0.0

    @property
    def deterministic(self) -> bool:
        return self.work_limit is not None

    def seconds_left(self) -> float:
        """Seconds the searches may still use (the time limit less the reserve)."""
        return self.seconds_to_end() - self.reserve

    def seconds_to_end(self) -> float:
        """Seconds until the time limit."""
        return self.time_limit - (time.perf_counter() - self.t0)

    def work_left(self) -> float:
        """Deterministic time left of the work budget (infinite without one)."""
        return math.inf if self.work_limit is None else max(0.0, self.work_limit - self.spent)

    def limit(self, solver: cp_model.CpSolver, share: float = 1.0, *,
              seconds: float | None = None, work: float | None = None) -> None:
        """Limit one search. With a work budget: ``work`` (default ``share`` of the work left)
        and the rest of the time limit as a safety net; without: ``seconds`` (default ``share``
        of the time left)."""
        p = solver.parameters
        left = self.seconds_left()
        if self.work_limit is not None:
            p.max_deterministic_time = max(MIN_WORK, share * self.work_left() if work is None
                                           else work)
            p.max_time_in_seconds = max(MIN_SECONDS, left)
        else:
            p.max_time_in_seconds = max(MIN_SECONDS, share * left if seconds is None
                                        else min(seconds, left))

    def charge(self, solver: cp_model.CpSolver, status: int,
               stop: threading.Event | None = None, at_gap: bool = False) -> str:
        """Count the work of a finished search; why it ended (one of the names above).
        ``at_gap``: the search was stopped (``stop_search``) because its roster reached the
        target gap against a bound the solver itself does not know (phase one's)."""
        self.spent += solver.deterministic_time
        if status == cp_model.OPTIMAL:  # CP-SAT says OPTIMAL at a relative gap limit too
            return GAP_LIMIT if stopped_at_gap(solver) else OPTIMAL
        if status == cp_model.INFEASIBLE:
            return INFEASIBLE
        if stop is not None and stop.is_set():
            self.interrupted = True
            return INTERRUPTED
        if at_gap and status == cp_model.FEASIBLE:
            return GAP_LIMIT
        cap = solver.parameters.max_deterministic_time
        if self.work_limit is not None and solver.deterministic_time >= cap:
            return WORK_LIMIT
        self.wall_clock = True
        return WALL_CLOCK
