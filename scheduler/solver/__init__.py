"""The CP-SAT roster optimiser: ``solve(problem, options) -> Solution``.

Modules: ``variables`` (decision variables, pins), ``objective`` (tiers), ``overtime`` (priced
overtime tails), ``hints`` (greedy start), ``symmetry``, ``explain`` (infeasibility in plain
words), ``solve`` (the search), ``start`` (its first roster, and a roster's objective
recomputed from the roster alone), ``progress`` (the trace of improving rosters),
``stopping`` (a stop event and Ctrl-C). The per-problem geometry and the ``PostContext`` every
rule's ``post`` receives live beside the law, in :mod:`constraints.kernel`; the rules come from
:mod:`constraints.registry`.
"""

from scheduler.solver.solve import solve, solve_traced
from scheduler.solver.stopping import stop_on_sigint

__all__ = ["solve", "solve_traced", "stop_on_sigint"]
