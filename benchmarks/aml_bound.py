"""How phase one's lower bound rises over time on the generated AML month, per LP variant.

``python -m benchmarks.aml_bound --staff 300 --seconds 60`` builds the month of
:func:`benchmarks.aml_month.generate`, minimises the tiers phase one minimises with the LP
beside its search (:data:`scheduler.solver.top_tiers.BESIDE_TIERS`) on one worker, configured
as that LP (:func:`scheduler.solver.top_tiers.tune` with ``bound_step``: no presolve), and
prints each new proven bound with its time (objective units, the tiers' constants included).
The least contract deviations are posted as that LP has them
(:attr:`scheduler.solver.objective_terms.Objective.least`).
``--presolve`` turns CP-SAT's presolve back on (one round, as the solver's searches),
``--linearization 2`` puts every constraint in the LP, ``--cap V`` adds the constraint "those
tiers cost at most V" (an incumbent's value: it lets CP-SAT fix variables by reduced cost).
Issue #19; results in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import time

from benchmarks.aml_month import generate
from scheduler.solution import SolveOptions
from scheduler.solver import objective, top_tiers
from scheduler.solver.build import build
from scheduler.solver.cpsat import new_solver
from scheduler.solver.objective_terms import post_least


def main(argv: list[str] | None = None) -> float:
    """Run it; the last proven bound (objective units)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--staff", type=int, default=300)
    ap.add_argument("--days", type=int, default=31)
    ap.add_argument("--seconds", type=float, default=60.0, help="wall-clock limit of the LP")
    ap.add_argument("--presolve", action="store_true", help="CP-SAT's presolve on")
    ap.add_argument("--linearization", type=int, choices=(0, 1, 2), default=None,
                    help="CP-SAT's linearization_level (default: CP-SAT's own)")
    ap.add_argument("--cap", type=float, default=None,
                    help="the tiers' cost at most this (objective units)")
    args = ap.parse_args(argv)

    problem = generate(args.staff, args.days, 2026)
    built = build(problem, SolveOptions(time_limit=3600, workers=1))
    if built.obj is None:  # the generated month's hard rules contradict each other
        raise SystemExit(f"no model: {len(built.conflicts)} conflict(s), the first: "
                         f"{built.conflicts[0] if built.conflicts else '-'}")
    tiers = top_tiers.BESIDE_TIERS
    expr = built.obj.expression(tiers)
    offset = sum(built.obj.constant.get(t, 0) for t in tiers)
    model = built.ctx.model
    post_least(model, built.obj)  # as the LP beside phase one (top_tiers.run)
    model.minimize(expr)
    if args.cap is not None:
        model.add(expr <= round(args.cap * objective.SCALE) - offset)
    solver = new_solver()
    p = solver.parameters
    p.num_workers = 1
    p.max_time_in_seconds = args.seconds
    top_tiers.tune(p, top_tiers.FULL_LP_VARIABLES + 1, 1, bound_step=True)
    if args.presolve:  # as the solver's searches of a large model (one presolve round)
        p.cp_model_presolve = True
        p.cp_model_probing_level = 2
        p.max_presolve_iterations = 1
    if args.linearization is not None:
        p.linearization_level = args.linearization
    t0 = time.perf_counter()

    def seen(raw: float) -> None:
        print(f"{time.perf_counter() - t0:7.1f} s  bound {(raw + offset) / objective.SCALE:12,.0f}",
              flush=True)

    solver.best_bound_callback = seen
    status = solver.solve(model)
    final = (solver.best_objective_bound + offset) / objective.SCALE
    print(f"{solver.status_name(status)} after {solver.wall_time:.1f} s: bound {final:,.0f}")
    return final


if __name__ == "__main__":
    main()
