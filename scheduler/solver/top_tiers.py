"""Phase one of a solve: the top tiers alone, for a proven bound and a strong start.

On a large month CP-SAT's LP cannot carry the full objective (tens of thousands of small
request, fairness and pattern terms): its bound stays where presolve left it, near zero. The top
tiers alone (uncovered demand, overtime, soft legal rules, below target, contracted hours) are
a small objective whose LP bound is strong. Every lower tier is >= 0 on every feasible roster (see
:mod:`scheduler.solver.objective`), so the best bound of the top tiers over the *same* constraints
is a proven lower bound of the full objective. The best roster of phase one becomes the complete
hint of phase two, which optimises the full objective with the work (or time) left.

Phase one's LP holds every clause up to :data:`FULL_LP_VARIABLES` variables (CP-SAT's default
LP leaves out the clauses presolve makes of one-person cover rows, and with them most of the
contract and Sunday-in-rest bound). Phase one gets the share given in :data:`STEPS` of the work
budget left (without one: of the time left; above that size :data:`LARGE_SHARE`), and stops
early once its own gap is below :data:`GAP`; phase two gets the rest. Above that size, with the
bound's LP in a thread beside it, phase one's search is neighbourhoods only and grants the
requests as well (:data:`BESIDE_TIERS`). It is skipped on pure contract-rule problems (their
objective has one tier) and when the model is small (one phase proves those on its own).
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ortools.sat.python import cp_model

from scheduler.solver import objective
from scheduler.solver.cpsat import full_linear_relaxation, hint_roster, new_solver
from scheduler.solver.objective_terms import least_posted
from scheduler.solver.stopping import stop_when

# The top tiers, and the contracted hours: without them phase one's roster ignores everyone's
# hours, and phase two spends its time repairing them. ``change`` is the re-plan's distance from
# the published roster (:mod:`scheduler.replan.model`; empty in a plain solve).
TOP_TIERS = ("uncovered", "overtime", "soft_legal", "below_target", "change", "contract")
STEPS = ((TOP_TIERS, 0.6),)  # (tiers, share of the work or time left) per step
# Above FULL_LP_VARIABLES phase one gets this share instead: phase two's presolve of the whole
# objective takes about 6 s of the 300-staff month, and its search then improves the lower tiers
# less than phase one improves the top ones in the same seconds (60 s, two seeds each, quiet
# machine: gap 2.87 / 2.67 % with 0.6, 2.37 / 1.82 % with 0.8, 2.03 / 1.74 % with 0.9, 1.70 /
# 2.09 % with 0.97; at 150 staff, below this size, 0.6 and 0.9 were within noise: 1.28 / 1.20
# against 1.08 / 1.42 %; docs/benchmarks.md, issue 19).
LARGE_SHARE = 0.9
# Above FULL_LP_VARIABLES a bound step comes first: the top tiers without CP-SAT's presolve.
# Presolve turns each employee's Sunday-in-rest rows (``miss >= x``) into clauses, which the
# default LP leaves out: on the 300-staff month its bound then climbs by cuts alone (3.08 M after
# 30 s); without presolve those rows stay linear and the root LP proves 3.58 M in about 9 s
# (docs/benchmarks.md, issue 19). Its search is slow, so the search keeps presolve. Without a
# work budget that LP runs beside phase one's search (one more worker, in a thread) and ends
# once its bound has not risen for SETTLE seconds; with a work budget it is a step of its own
# before phase one, with its share of the work, so runs repeat exactly.
BOUND_STEP = (TOP_TIERS, 0.4)
# With the bound's LP beside it (and a roster to start from: the solver passes ``beside`` to
# :func:`tune` only then), phase one's search spends no worker on an LP of its own (CP-SAT's
# ``use_lns_only``: both workers search neighbourhoods of the roster) and also grants the
# requests, which are linear in the roster's cells (the fairness and pattern tiers add variables
# of their own and slowed it down). The 300-staff month at 60 s, seeds 1 / 2026: objective 3.663
# / 3.653 M as before, 3.642 / 3.640 M with LNS only, 3.626 / 3.625 M with the requests too (the
# requests tier 16.5 k -> 2 k; with the pattern tier as well 3.693 / 3.727 M). At 150 staff (no
# LNS only below this size) the requests in phase one were within noise and once left a shift
# uncovered, so they stay in phase two there (docs/benchmarks.md, issue 19).
BESIDE_TIERS = (*TOP_TIERS, "requests")
SETTLE = 3.0
GAP = 0.005
MIN_VARIABLES = 5_000
# Phase one's LP holds every clause (:func:`scheduler.solver.cpsat.full_linear_relaxation`) up
# to this size. On the generated month the bound at 60 s then rises from 0.59 M to 0.65 M (50
# staff) and from 1.828 M to 1.845 M (150 staff), the ward's at 30 s from 0.12 M to 0.18 M; on
# 300 staff (97 k variables) that LP does not settle within a minute on 2 cores (bound 2.9 M
# against 3.6 M with the default LP).
FULL_LP_VARIABLES = 60_000


def steps(num_vars: int, deterministic: bool = True
          ) -> list[tuple[tuple[str, ...], float, bool, bool]]:
    """Phase one's steps for a model of ``num_vars`` variables: (tiers, share of the work or
    time left, bound step: no presolve, the bound step's LP beside the search)."""
    large = num_vars > FULL_LP_VARIABLES
    beside = large and not deterministic
    out: list[tuple[tuple[str, ...], float, bool, bool]] = [
        (BESIDE_TIERS if beside else tiers, LARGE_SHARE if large else share, False, beside)
        for tiers, share in STEPS]
    if large and deterministic:
        out.insert(0, (*BOUND_STEP, True, False))
    return out


def tune(params, num_vars: int, workers: int,  # noqa: ANN001 - SatParameters
         bound_step: bool = False, beside: bool = False) -> None:
    """Phase one's solver: the bound is what it is for, so its LP holds every clause when the
    model is small enough for that LP to settle (:data:`FULL_LP_VARIABLES`); the bound step
    (:data:`BOUND_STEP`) runs without presolve; with that LP ``beside`` the search, the search
    is neighbourhoods only (:data:`BESIDE_TIERS`)."""
    if num_vars <= FULL_LP_VARIABLES:
        full_linear_relaxation(params, workers)
    if beside:
        params.use_lns_only = True
    if bound_step:  # no presolve, and no probing while loading the model (7 s, not 11 s)
        params.cp_model_presolve = False
        params.cp_model_probing_level = 0


@dataclass
class TopTiers:
    status: int  # CP-SAT's status of phase one's search
    bound: float | None  # proven lower bound of the full objective (objective units)
    value: Callable | None  # every variable's value in the best roster of phase one, if any
    objective: float | None  # the full objective of that roster
    exact: bool = False  # ``value`` is the roster's evaluation (``run``'s ``evaluate``)


def wanted(obj: objective.Objective, num_vars: int) -> bool:
    """Two phases pay off when the model is large and the lower tiers are not empty."""
    lower = [t for t in obj.terms if t not in TOP_TIERS and obj.terms[t]]
    top = [t for t in TOP_TIERS if obj.terms.get(t)]
    return num_vars >= MIN_VARIABLES and bool(lower) and bool(top)


def run(model: cp_model.CpModel, obj: objective.Objective, solver: cp_model.CpSolver,
        on_solution: Callable[[float, float], None] | None = None,
        tiers: tuple[str, ...] = TOP_TIERS, incumbent: float | None = None,
        settle: float | None = None, beside: bool = False,
        evaluate: Callable[[Callable], Callable] | None = None,
        bound_step: bool = False) -> TopTiers:
    """Minimise ``tiers`` on ``model`` with ``solver`` (limits already set), then put the full
    objective back and hint this step's best roster unless ``incumbent`` (the full objective of
    the roster hinted now) is better.
    ``on_solution(full objective, bound)`` is called for every roster the step finds (improving
    on ``tiers``, not always on the full objective). ``settle``: stop the search once a bound
    above zero has not risen for that many seconds (:data:`SETTLE`). ``beside``: the bound
    step's LP (:data:`BOUND_STEP`) runs in a thread beside the search, on a copy of the model.
    ``evaluate(value)``: the values of the roster ``value`` describes with every other variable
    minimised (:func:`scheduler.solver.start._evaluate`). The step leaves the helper variables of
    the tiers it does not minimise (fairness spreads, pattern flags) wherever the search put
    them, so without it the roster's full objective is overstated, and a better roster than
    the one hinted can be dropped for that (the 300-staff month at 15 s kept the greedy roster);
    with it the full objective is exact, reported through ``on_solution`` and compared, and the
    evaluated values are the hint (``evaluate`` returns ``value`` itself when it cannot finish:
    ``TopTiers.exact`` is then False). The least values no roster goes below (``obj.least``)
    are posted for the ``bound_step`` and, with the LP ``beside``, for that LP and the search
    (its neighbourhoods' LPs see them too: on the 300-staff month the contract tier ended at
    17.6–28.1 k against 24.3–37.5 k without them, six seeds each); never for the whole-model
    search of a smaller model (the ward's search found worse rosters with them)."""
    model.minimize(obj.expression(tiers))
    # the tiers' constants (a granted wish's, a re-plan's kept cell) are not in the expression
    offset = sum(obj.constant.get(t, 0) for t in tiers)
    solver.parameters.relative_gap_limit = GAP
    bounds: list[float] = []  # every bound the search reported
    with least_posted(model, obj) if bound_step or beside else contextlib.nullcontext():
        side = _Beside(model.clone(), solver.parameters.max_time_in_seconds) if beside else None
        progress = _Progress(obj, on_solution, offset, side)
        with _settled(solver, settle, seen=bounds.append):
            status = solver.solve(model, progress)
        side_bound = side.finish(offset) if side is not None else None
    model.minimize(obj.total())
    if status == cp_model.INFEASIBLE:
        return TopTiers(status, None, None, None)
    raw = _proven(solver, status, bounds[-1] if bounds else None)
    known = [b for b in ((raw + offset) / objective.SCALE if raw is not None else None,
                         side_bound) if b is not None]
    bound = max(0.0, *known) if known else None  # every tier >= 0
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return TopTiers(status, bound, None, None)
    found = solver.value
    value = found if evaluate is None else evaluate(found)
    full = sum(obj.by_tier(value).values())
    if evaluate is not None and on_solution is not None:
        on_solution(full, bound)
    if incumbent is None or full < incumbent:
        hint_roster(model, value)
    return TopTiers(status, bound, value, full, exact=value is not found)


def _proven(solver: cp_model.CpSolver, status: int, reported: float | None) -> float | None:
    """The search's proven bound (the model's units), None if it proved none. A search that
    ended without a roster says 0 when it was stopped before proving anything (before its
    model was loaded), which is no bound when the objective can be negative (a granted wish
    subtracts): only a bound it reported while searching counts then."""
    raw = solver.best_objective_bound if status in (cp_model.OPTIMAL, cp_model.FEASIBLE) \
        else reported
    return raw if raw is not None and abs(raw) < 1e30 else None


class _Progress(cp_model.CpSolverSolutionCallback):
    """Each roster's full objective, with the best bound so far: the search's own, or the LP's
    beside it (a search of neighbourhoods only proves next to nothing itself)."""

    def __init__(self, obj: objective.Objective,
                 on_solution: Callable[[float, float], None] | None, offset: int = 0,
                 side: _Beside | None = None) -> None:
        super().__init__()
        self.obj, self.on_solution, self.offset, self.side = obj, on_solution, offset, side

    def on_solution_callback(self) -> None:
        if self.on_solution is not None:
            full = sum(self.obj.by_tier(self.value).values())
            raw = self.best_objective_bound
            if self.side is not None and self.side.raw_bound is not None:
                raw = max(raw, self.side.raw_bound)
            self.on_solution(full, max(0.0, (raw + self.offset) / objective.SCALE))


@contextlib.contextmanager
def _settled(solver: cp_model.CpSolver, settle: float | None,
             seen: Callable[[float], None] | None = None) -> Iterator[None]:
    """Stop ``solver``'s search once its bound has stayed put for ``settle`` seconds;
    ``seen(bound)`` is told every new bound."""
    if settle is None and seen is None:
        yield
        return
    last: list[float] = []  # when the bound last rose above zero

    def risen(bound: float) -> None:
        if seen is not None:
            seen(bound)
        if bound > 0:
            last.append(time.perf_counter())

    solver.best_bound_callback = risen
    if settle is None:
        yield
        return
    with stop_when(solver, lambda: bool(last) and time.perf_counter() - last[-1] >= settle,
                   poll=0.1, name="bound-settled"):
        yield


class _Beside:
    """The bound step's LP (one worker, no presolve) in a thread beside phase one's search."""

    def __init__(self, model: cp_model.CpModel, seconds: float) -> None:
        self.model, self.status = model, cp_model.UNKNOWN
        self.raw_bound: float | None = None  # its best bound so far, in the model's units
        self.solver = new_solver()
        p = self.solver.parameters
        p.num_workers = 1
        p.max_time_in_seconds = seconds
        tune(p, FULL_LP_VARIABLES + 1, 1, bound_step=True)
        self.thread = threading.Thread(target=self._run, name="bound-beside", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        with _settled(self.solver, SETTLE, seen=self._seen):
            self.status = self.solver.solve(self.model)

    def _seen(self, bound: float) -> None:
        self.raw_bound = bound

    def finish(self, offset: int = 0) -> float | None:
        """Stop it (if still running): its proven bound (``offset``: the constant its objective
        leaves out), None if it has none."""
        while self.thread.is_alive():  # a stop asked before its search began is not seen
            self.solver.stop_search()
            self.thread.join(timeout=0.1)
        if self.status == cp_model.INFEASIBLE:
            return None
        raw = _proven(self.solver, self.status, self.raw_bound)
        return None if raw is None else max(0.0, (raw + offset) / objective.SCALE)
