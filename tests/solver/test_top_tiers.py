"""The two-phase solve: the top tiers' bound is a proven bound of the whole objective."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from ortools.sat.python import cp_model

from constraints.checker import check_problem
from scheduler.model import (
    DemandItem,
    Employee,
    Problem,
    Request,
    RequestKind,
    Settings,
    ShiftType,
    Weights,
)
from scheduler.solver import solve, solve_traced, top_tiers
from scheduler.solver.cpsat import full_linear_relaxation, new_solver
from scheduler.solver.objective import Objective
from tests import budgets

D = ShiftType(code="D", start=time(7, 0), end=time(15, 0), break_minutes=30)
E = ShiftType(code="E", start=time(15, 0), end=time(23, 0), break_minutes=30)
SUNDAY_WEEKS = date(2026, 4, 13)  # two plain weeks, each with a Sunday


def month(staff: int = 6, days: int = 14) -> Problem:
    s = Settings(start=SUNDAY_WEEKS, end=SUNDAY_WEEKS + timedelta(days=days - 1),
                 sunday_work_permitted_by_nature=True, night_work_permitted_by_nature=True,
                 # no cap on hours past the contract: demand here is at the staff's contract
                 # hours plus one shift each, which makes the optimum slow to prove
                 contract_tolerance_shifts=31)
    emps = tuple(Employee(id=f"E{i}", skills=("nurse",), position_pct=60 + 10 * (i % 3))
                 for i in range(staff))
    demand = tuple(DemandItem(day=d, shift=c, skill="nurse", minimum=2 if c == "D" else 1)
                   for d in s.days() for c in "DE")
    requests = (Request(employee="E1", start=s.start, end=s.start, kind=RequestKind.shift_wish,
                        shift="E"),
                Request(employee="E2", start=s.start + timedelta(days=2),
                        end=s.start + timedelta(days=2), kind=RequestKind.day_off))
    return Problem(settings=s, shifts=(D, E), employees=emps, demand=demand, requests=requests)


@pytest.fixture
def two_phases(monkeypatch: pytest.MonkeyPatch) -> list[top_tiers.TopTiers]:
    """Two phases on any model; the list collects what each phase one returned."""
    monkeypatch.setattr(top_tiers, "MIN_VARIABLES", 0)
    runs: list[top_tiers.TopTiers] = []
    real = top_tiers.run

    def run(*args, **kw):  # noqa: ANN002, ANN003, ANN202
        runs.append(real(*args, **kw))
        return runs[-1]

    monkeypatch.setattr(top_tiers, "run", run)
    return runs


def test_expression_keeps_only_the_tiers_asked_for() -> None:
    m = cp_model.CpModel()
    a, b = m.new_int_var(0, 5, "a"), m.new_int_var(0, 5, "b")
    obj = Objective()
    obj.add("uncovered", 7, a)
    obj.add("pattern", 3, b)
    m.add(a == 2)
    m.add(b == 4)
    m.minimize(obj.expression(("uncovered",)))
    solver = cp_model.CpSolver()
    assert solver.solve(m) == cp_model.OPTIMAL
    assert solver.objective_value == 14
    m.minimize(obj.expression())
    assert solver.solve(m) == cp_model.OPTIMAL
    assert solver.objective_value == 26


def test_wanted_needs_a_large_model_and_both_kinds_of_tier() -> None:
    m = cp_model.CpModel()
    v = m.new_bool_var("v")
    top, low, both = Objective(), Objective(), Objective()
    top.add("uncovered", 1, v)
    low.add("pattern", 1, v)
    both.add("soft_legal", 1, v)
    both.add("fairness", 1, v)
    n = top_tiers.MIN_VARIABLES
    assert top_tiers.wanted(both, n)
    assert not top_tiers.wanted(both, n - 1)
    assert not top_tiers.wanted(top, n)
    assert not top_tiers.wanted(low, n)


def test_weights_below_zero_are_refused() -> None:
    # every tier >= 0 is what makes the top tiers' bound a bound of the whole objective
    with pytest.raises(ValueError):
        Weights(pattern=-1)


@pytest.mark.parametrize("full_lp", [True, False], ids=["full-lp", "default-lp"])
def test_two_phase_bound_never_exceeds_the_proven_optimum(
        two_phases: list[top_tiers.TopTiers], monkeypatch: pytest.MonkeyPatch,
        full_lp: bool) -> None:
    monkeypatch.setattr(top_tiers, "FULL_LP_VARIABLES", 10**9 if full_lp else 0)
    p = month(staff=5, days=7)
    with monkeypatch.context() as single:
        single.setattr(top_tiers, "MIN_VARIABLES", 10**9)
        one_phase = solve(p, budgets.options(60.0, seed=1, use_hints=False))
    assert one_phase.status == "OPTIMAL"
    assert two_phases == []
    sol, trace = solve_traced(p, budgets.options(0.5, seed=1))
    assert sol.has_roster
    assert sol.best_bound is not None
    assert sol.best_bound <= one_phase.objective + 1e-6
    assert sol.best_bound <= sol.objective + 1e-6
    assert all(b <= one_phase.objective + 1e-6 for _, _, b in trace.points)
    # above the full LP's size limit the bound step (no presolve) comes first
    assert len(two_phases) == (1 if full_lp else 2)
    assert all(top.bound is not None and top.bound <= one_phase.objective + 1e-6
               for top in two_phases)
    # the full objective comes back, not phase one's
    assert sol.objective == pytest.approx(sum(sol.objective_by_tier.values()))
    assert check_problem(p, sol.roster).violations == []


@pytest.mark.parametrize(("staff", "neighbourhoods"), [(6, True), (5, False)],
                         ids=["greedy-roster", "no-roster-to-start-from"])
def test_above_the_full_lp_size_phase_one_searches_neighbourhoods_beside_the_bound(
        two_phases: list[top_tiers.TopTiers], monkeypatch: pytest.MonkeyPatch,
        staff: int, neighbourhoods: bool) -> None:
    """Above the full LP's size, with the LP beside the search (a run without a work budget;
    here forced under one, so that nothing depends on the machine's speed): phase one's search
    is neighbourhoods only, from the greedy roster; when the greedy roster is not legal (5
    staff) there is nothing to start from and CP-SAT's usual portfolio searches. Either way the
    answer is legal and its bound a bound."""
    p = month(staff=staff, days=7)
    with monkeypatch.context() as single:  # any roster's objective is at least the optimum
        single.setattr(top_tiers, "MIN_VARIABLES", 10**9)
        other = solve(p, budgets.options(2.0, seed=1))
    assert other.has_roster
    monkeypatch.setattr(top_tiers, "FULL_LP_VARIABLES", 0)
    tuned: list[tuple[bool, bool]] = []  # (bound step, neighbourhoods only) per CP-SAT solver
    real_tune = top_tiers.tune

    def tune(params, *args, **kw):  # noqa: ANN001, ANN002, ANN003, ANN202
        real_tune(params, *args, **kw)
        tuned.append((not params.cp_model_presolve, params.use_lns_only))

    real_steps = top_tiers.steps
    monkeypatch.setattr(top_tiers, "tune", tune)
    monkeypatch.setattr(top_tiers, "steps",
                        lambda num_vars, deterministic=True: real_steps(num_vars, False))
    sol = solve(p, budgets.options(1.0, seed=1))
    assert len(two_phases) == 1
    assert (False, neighbourhoods) in tuned and (True, False) in tuned  # search, LP beside
    assert sol.has_roster and check_problem(p, sol.roster).violations == []
    assert sol.best_bound is not None
    assert sol.best_bound <= min(other.objective, sol.objective) + 1e-6


def test_two_phases_report_the_full_objective_of_every_roster(
        two_phases: list[top_tiers.TopTiers]) -> None:
    p = month(staff=5, days=7)
    seen: list[tuple[float, float, float]] = []
    sol = solve(p, budgets.options(1.0, seed=3),
                on_solution=lambda t, obj, bound=None: seen.append((t, obj, bound)))
    assert sol.has_roster
    assert two_phases, "phase one did not run"
    assert seen, "no progress was reported"
    # only improving rosters are reported (phase one's rosters are judged on the whole
    # objective), and the best one reported is the one returned
    objectives = [obj for _, obj, _ in seen]
    assert all(b < a for a, b in zip(objectives, objectives[1:], strict=False)), objectives
    assert objectives[-1] == pytest.approx(sol.objective)


@pytest.mark.parametrize("workers", [1, 2])
def test_the_full_lp_holds_the_cover_clauses(workers: int) -> None:
    # 14 days that each need one of 3 people, each contracted for 2 days: at least 8 days
    # over contract. Presolve makes every cover row a clause; with every clause in the LP the
    # root relaxation alone proves the 8 (CP-SAT's default LP leaves clauses out and proves 0).
    m = cp_model.CpModel()
    x = {(e, d): m.new_bool_var(f"x{e}_{d}") for e in range(3) for d in range(14)}
    for d in range(14):
        m.add(sum(x[e, d] for e in range(3)) >= 1)
    devs = []
    for e in range(3):
        dev = m.new_int_var(0, 14, f"dev{e}")
        worked = sum(x[e, d] for d in range(14))
        m.add(dev >= worked - 2)
        m.add(dev >= 2 - worked)
        devs.append(dev)
    m.minimize(sum(devs))
    solver = new_solver()
    solver.parameters.num_workers = workers
    solver.parameters.max_time_in_seconds = 10
    solver.parameters.max_number_of_conflicts = 1  # next to no search: what the LP proves
    full_linear_relaxation(solver.parameters, workers)
    solver.solve(m)
    assert solver.best_objective_bound == 8


def test_phase_one_gets_the_full_lp_only_up_to_its_size_limit() -> None:
    small, large = new_solver().parameters, new_solver().parameters
    top_tiers.tune(small, top_tiers.FULL_LP_VARIABLES, workers=2)
    top_tiers.tune(large, top_tiers.FULL_LP_VARIABLES + 1, workers=2)
    assert list(small.extra_subsolvers) == ["max_lp"]
    assert list(large.extra_subsolvers) == []


def test_the_bound_step_comes_first_and_only_above_the_full_lp_size() -> None:
    n, k = top_tiers.FULL_LP_VARIABLES, len(top_tiers.STEPS)
    assert [s[2:] for s in top_tiers.steps(n)] == [(False, False)] * k
    assert [s[2:] for s in top_tiers.steps(n, deterministic=False)] == [(False, False)] * k
    # with a work budget a step of its own; without, beside phase one's search
    assert [s[2:] for s in top_tiers.steps(n + 1)] == [(True, False)] + [(False, False)] * k
    assert [s[2:] for s in top_tiers.steps(n + 1, deterministic=False)] == [(False, True)] * k
    # phase one's share of what is left: larger above the full-LP size
    assert {s[1] for s in top_tiers.steps(n)} == {share for _, share in top_tiers.STEPS}
    assert [s[1] for s in top_tiers.steps(n + 1, deterministic=False)] == \
        [top_tiers.LARGE_SHARE] * k
    assert top_tiers.steps(n + 1)[1][1] == top_tiers.LARGE_SHARE
    step, plain = new_solver().parameters, new_solver().parameters
    top_tiers.tune(step, n + 1, workers=2, bound_step=True)
    top_tiers.tune(plain, n + 1, workers=2)
    assert not step.cp_model_presolve and plain.cp_model_presolve
    # with the bound's LP beside it, phase one searches neighbourhoods only and grants requests
    search = new_solver().parameters
    top_tiers.tune(search, n + 1, workers=2, beside=True)
    assert search.use_lns_only and not plain.use_lns_only and not step.use_lns_only
    assert [s[0] for s in top_tiers.steps(n + 1, deterministic=False)] == \
        [top_tiers.BESIDE_TIERS] * k
    assert "requests" in top_tiers.BESIDE_TIERS and "requests" not in top_tiers.TOP_TIERS
    assert all(s[0] != top_tiers.BESIDE_TIERS for s in top_tiers.steps(n + 1))


def cover_model(days: int = 14, day: int = 1, contract: int = 2
                ) -> tuple[cp_model.CpModel, Objective]:
    """``days`` days that each need one of 3 people; a day is ``day`` hours, each contract
    ``contract`` hours, every hour away from it costs 1. The default: 14 days of 3 people
    contracted for 2 days, so 8 days over contract."""
    m = cp_model.CpModel()
    x = {(e, d): m.new_bool_var(f"x{e}_{d}") for e in range(3) for d in range(days)}
    for d in range(days):
        m.add(sum(x[e, d] for e in range(3)) >= 1)
    obj = Objective()
    for e in range(3):
        dev = m.new_int_var(0, days * day, f"dev{e}")
        worked = day * sum(x[e, d] for d in range(days))
        m.add(dev >= worked - contract)
        m.add(dev >= contract - worked)
        obj.add("contract", 60, dev)
    return m, obj


def test_the_bound_beside_the_search_is_the_lp_without_presolve() -> None:
    m, obj = cover_model()
    m.minimize(obj.expression())
    side = top_tiers._Beside(m, seconds=600.0)
    side.thread.join()  # it proves the optimum and ends on its own
    assert side.finish() == 8.0


def test_the_bound_beside_is_seen_while_it_runs() -> None:
    m, obj = cover_model()
    m.minimize(obj.expression())
    side = top_tiers._Beside(m, seconds=600.0)
    side.thread.join()
    # in the model's units: above zero, and never above the optimum (8)
    assert side.raw_bound is not None and 0 < side.raw_bound <= 8.0 * 60


def test_phase_one_reports_the_bound_beside_it_with_each_roster() -> None:
    """A search that proves nothing itself (a stub's LP bound stands for the one beside it):
    every roster is reported with that bound, not with the search's own."""
    m, obj = cover_model()
    m.minimize(obj.expression())

    class Side:
        raw_bound = 7.0 * 60

    seen: list[tuple[float, float]] = []
    progress = top_tiers._Progress(obj, lambda full, bound: seen.append((full, bound)),
                                   side=Side())  # type: ignore[arg-type]
    solver = new_solver()
    solver.parameters.num_workers = 1
    solver.parameters.stop_after_first_solution = True
    solver.parameters.cp_model_presolve = False
    solver.parameters.linearization_level = 0
    solver.solve(m, progress)
    assert seen and all(bound >= 7.0 for _, bound in seen)


def test_phase_one_with_the_bound_beside_it_returns_a_proven_bound() -> None:
    m, obj = cover_model()
    solver = new_solver()
    solver.parameters.num_workers = 1
    solver.parameters.max_deterministic_time = 1.0
    top = top_tiers.run(m, obj, solver, tiers=("contract",), beside=True)
    assert top.objective == 8.0 and top.bound is not None and top.bound <= 8.0


def _granted_wish() -> tuple[cp_model.CpModel, Objective, cp_model.IntVar]:
    """A model whose ``change`` tier has a constant of 3 units that ``a`` (a granted wish)
    lowers by one: ``a`` or ``b``, at most one of them."""
    m = cp_model.CpModel()
    a, b = m.new_bool_var("a"), m.new_bool_var("b")
    m.add(a + b <= 1)
    obj = Objective()
    obj.constant["change"] += 3 * 60
    obj.add("change", -60, a)
    return m, obj, a


@pytest.mark.parametrize("beside", [False, True])
def test_the_bound_counts_the_constant_of_the_tiers_it_minimises(beside: bool) -> None:
    """A tier with a constant (a wish granted subtracts from it): 3 change units unless ``a``
    is on, and ``a`` costs 1 in a tier phase one leaves out. The optimum of ``change`` is 2 and
    so is its proven bound; without the constant the bound would be -1, clipped to 0."""
    m, obj, a = _granted_wish()
    obj.add("pattern", 60, a)
    solver = new_solver()
    solver.parameters.num_workers = 1
    solver.parameters.max_deterministic_time = 1.0
    top = top_tiers.run(m, obj, solver, tiers=("change",), beside=beside)
    assert top.status == cp_model.OPTIMAL
    assert top.bound == 2.0 and top.objective == 3.0  # the roster's full objective: 2 + 1


def _hinted(model: cp_model.CpModel) -> dict[int, int]:
    hint = model.proto.solution_hint
    return dict(zip(hint.vars, hint.values, strict=True))


@pytest.mark.parametrize("incumbent", [None, 1.0, 1000.0])
def test_a_step_worse_than_the_hinted_roster_keeps_its_hint(incumbent: float | None) -> None:
    """The step's roster (a on: top tier 0, requests 10) replaces the hint only when it is
    better on the whole objective than the roster hinted now (``incumbent``)."""
    m = cp_model.CpModel()
    a, b = m.new_bool_var("a"), m.new_bool_var("b")
    m.add(a + b == 1)
    obj = Objective()
    obj.add("uncovered", 60, b)
    obj.add("requests", 600, a)
    m.add_hint(a, 0)
    m.add_hint(b, 1)
    solver = new_solver()
    solver.parameters.num_workers = 1
    solver.parameters.max_deterministic_time = 1.0
    top = top_tiers.run(m, obj, solver, tiers=("uncovered",), incumbent=incumbent)
    assert top.objective == 10.0 and top.bound == 0.0
    replaced = incumbent is None or incumbent > top.objective
    assert _hinted(m) == ({a.index: 1, b.index: 0} if replaced else {a.index: 0, b.index: 1})


def test_both_phases_share_the_work_budget_and_repeat_exactly(
        two_phases: list[top_tiers.TopTiers]) -> None:
    # issue 18: phase one gets its share of the work budget, phase two the rest; with one worker
    # the two runs (and the roster's own objective) are identical
    p = month(staff=5, days=7)
    a, b = (solve(p, budgets.options(0.4, seed=2)) for _ in range(2))
    assert len(two_phases) == 2, "phase one did not run"
    assert a.has_roster and a.stopped_by == "work_limit" and a.reproducible
    assert a.assignments == b.assignments
    assert (a.objective, a.objective_by_tier, a.best_bound) == \
        (b.objective, b.objective_by_tier, b.best_bound)
    assert 0.4 <= a.work < 0.41 and a.work == b.work  # every search stopped on its share


@pytest.mark.parametrize("exact", [False, True])
def test_the_step_roster_is_compared_on_its_evaluated_objective(exact: bool) -> None:
    """Phase one minimises ``uncovered`` and leaves the pattern flag ``p`` where its search put
    it (here: 1, its hint, fixed). Scored as the search left it the step's roster costs 1 and
    loses to the hinted roster (0.5); evaluated (the roster's cells fixed, every other variable
    minimised) it costs 0, wins, is reported, and its evaluated values become the hint."""
    m = cp_model.CpModel()
    a, b, p = m.new_bool_var("a"), m.new_bool_var("b"), m.new_bool_var("p")
    m.add(a + b == 1)
    obj = Objective()
    obj.add("uncovered", 60, b)
    obj.add("pattern", 60, p)
    m.add_hint(p, 1)
    solver = new_solver()
    solver.parameters.num_workers = 1
    solver.parameters.max_deterministic_time = 1.0
    solver.parameters.fix_variables_to_their_hinted_value = True

    def evaluate(value):  # noqa: ANN001, ANN202 - as start._evaluate: cells fixed, rest minimised
        probe = m.clone()
        probe.clear_hints()
        for v in (a, b):
            probe.add(probe.get_bool_var_from_proto_index(v.index) == value(v))
        probe.minimize(obj.total())
        scorer = new_solver()
        assert scorer.solve(probe) == cp_model.OPTIMAL
        return scorer.value

    seen: list[tuple[float, float]] = []
    top = top_tiers.run(m, obj, solver, lambda full, bound: seen.append((full, bound)),
                        tiers=("uncovered",), incumbent=0.5, evaluate=evaluate if exact else None)
    assert top.status == cp_model.OPTIMAL and top.value is not None
    assert (top.value(a), top.value(b)) == (1, 0)
    assert top.exact == exact
    if exact:
        assert top.objective == 0.0 and seen[-1] == (0.0, 0.0)
        assert _hinted(m) == {a.index: 1, b.index: 0, p.index: 0}
    else:
        assert top.objective == 1.0
        assert _hinted(m) == {p.index: 1}  # the hinted roster stays


def test_the_solver_evaluates_phase_ones_roster(monkeypatch: pytest.MonkeyPatch) -> None:
    """solve passes phase one an evaluator (the roster's cells fixed, the rest minimised), and
    the answer is never worse than phase one's evaluated roster."""
    monkeypatch.setattr(top_tiers, "MIN_VARIABLES", 0)
    runs: list[tuple[dict, top_tiers.TopTiers]] = []
    real = top_tiers.run

    def run(*args, **kw):  # noqa: ANN002, ANN003, ANN202
        runs.append((kw, real(*args, **kw)))
        return runs[-1][1]

    monkeypatch.setattr(top_tiers, "run", run)
    sol = solve(month(staff=5, days=7), budgets.options(0.4, seed=2))
    assert runs and all(kw.get("evaluate") is not None for kw, _ in runs)
    top = runs[-1][1]
    assert top.objective is not None and sol.objective is not None
    assert sol.objective <= top.objective + 1e-6


def test_an_evaluation_that_cannot_finish_leaves_the_roster_not_exact() -> None:
    """``start._evaluate`` returns the values it was given when it cannot finish: phase one's
    roster is then scored as its search left it, and the solver evaluates it again at the end."""
    m, obj = cover_model()
    solver = new_solver()
    solver.parameters.num_workers = 1
    solver.parameters.max_deterministic_time = 1.0
    top = top_tiers.run(m, obj, solver, tiers=("contract",), evaluate=lambda value: value)
    assert top.value is not None and not top.exact


@pytest.mark.parametrize("beside", [False, True])
def test_a_phase_one_stopped_before_it_proved_anything_claims_no_bound(beside: bool) -> None:
    """CP-SAT says 0 for the bound of a search stopped before its model was loaded. With a tier
    constant (3 change units, a granted wish subtracts one) that 0 would read as a bound of 3
    above the optimum 2: no bound above the optimum is claimed (none at all, unless one was
    proven before the stop; the LP beside it is stopped as early)."""
    m, obj, _ = _granted_wish()
    solver = new_solver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = 0.0
    top = top_tiers.run(m, obj, solver, tiers=("change",), beside=beside)
    assert top.status == cp_model.UNKNOWN
    assert top.bound is None or top.bound <= 2.0


def test_a_reported_bound_counts_when_the_search_ends_without_a_roster() -> None:
    m = cp_model.CpModel()
    a = m.new_bool_var("a")
    m.minimize(-60 * a)
    solver = new_solver()
    solver.parameters.max_time_in_seconds = 0.0
    status = solver.solve(m)
    assert status == cp_model.UNKNOWN
    assert top_tiers._proven(solver, status, None) is None
    assert top_tiers._proven(solver, status, -60.0) == -60.0
