"""How every CP-SAT solver of the project is created and sized."""

from __future__ import annotations

import threading

from ortools.sat.python import cp_model

# Deterministic time per wall-clock second of one CP-SAT worker is about 0.4 on this 2-core
# machine under load (more when idle): a budget of 0.3 x the time limit ends the search by the
# deterministic clock, reproducibly, before the wall-clock limit.
DETERMINISTIC_SHARE = 0.3


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
