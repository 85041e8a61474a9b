"""The CP-SAT roster optimiser: ``solve(problem, options) -> Solution``.

Modules: ``geometry`` (per-problem precompute in plain ints), ``context`` (the ``PostContext``
every rule's ``post`` receives), ``variables`` (decision variables, pins), ``objective`` (tiers),
``hints`` (greedy start), ``symmetry``, ``explain`` (infeasibility in plain words), ``solve``.
"""

from scheduler.solver.solve import solve, solve_traced, stop_on_sigint

__all__ = ["solve", "solve_traced", "stop_on_sigint"]
