"""A target gap ends the search early, and says so (issue 17: what-if budgets).

``SolveOptions.target_gap_pct`` stops the search once the roster is proven within that gap of
the best; CP-SAT calls that OPTIMAL, the solution calls it FEASIBLE with ``stopped_by ==
"gap_limit"`` and the true gap to the bound, so the what-if tolerance rule never takes it for
proven optimal. The what-if sweep's default target is the gap the first solve reached.
Work budgets and one worker throughout (tests/budgets.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scheduler import summary as sm
from scheduler.cli import main
from scheduler.io.read.workbook import read_problem
from scheduler.model import Problem
from scheduler.solution import GAP_LIMIT, WORK_LIMIT, Solution, SolveOptions
from scheduler.solver import solve
from scheduler.solver.cpsat import Budget
from scheduler.solver.decode import run_facts
from scheduler.whatif import runner as rn
from scheduler.whatif import tolerance as tol
from scheduler.whatif.changes import Scenario
from tests import budgets
from tests.whatif.test_whatif_kit import workbook
from tests.whatif.test_whatif_tolerance import figs

WARD = Path(__file__).resolve().parents[2] / "instances" / "ward.xlsx"
WORK = 3.0  # the ward's search is far from optimal at this budget (a gap of about 35 %)
TARGET = 50.0


@pytest.fixture(scope="module")
def ward() -> Problem:
    return read_problem(WARD)


@pytest.fixture(scope="module")
def limited(ward: Problem) -> Solution:
    return solve(ward, budgets.options(WORK, target_gap_pct=TARGET))


def test_a_target_gap_stops_the_search_feasible_with_its_true_gap(ward: Problem,
                                                                   limited: Solution) -> None:
    assert limited.status == "FEASIBLE" and limited.stopped_by == GAP_LIMIT
    assert limited.objective is not None and limited.best_bound is not None
    assert limited.best_bound < limited.objective  # not proven optimal
    assert limited.gap_pct is not None and 0 < limited.gap_pct <= TARGET
    assert limited.target_gap_pct == TARGET
    assert limited.reproducible  # one worker, a work budget, not the wall clock
    assert limited.work < WORK  # it stopped before the work budget
    # without the target the same budget is used to its end
    full = solve(ward, budgets.options(WORK))
    assert full.stopped_by == WORK_LIMIT and full.target_gap_pct is None
    assert full.work >= WORK


def test_a_target_gap_below_the_reach_of_the_budget_changes_nothing(ward: Problem,
                                                                    limited: Solution) -> None:
    assert limited.gap_pct is not None
    tight = solve(ward, budgets.options(WORK, target_gap_pct=limited.gap_pct / 4))
    assert tight.stopped_by == WORK_LIMIT and tight.gap_pct is not None
    assert tight.gap_pct > limited.gap_pct / 4


def test_the_search_outcome_names_the_target_in_english_and_norwegian(
        limited: Solution) -> None:
    reason, _ = sm.search_outcome(limited, 900.0)
    assert reason == "ended at the target gap of 50 % (not proven optimal)"
    nb, _ = sm.search_outcome(limited, 900.0, "nb")
    assert nb == "stoppet ved målgapet på 50 % (ikke bevist optimal)"


@pytest.mark.parametrize("bad", [0.0, -1.0, 101.0, float("nan")])
def test_solve_options_refuse_a_target_gap_outside_0_to_100(bad: float) -> None:
    with pytest.raises(ValueError):
        SolveOptions(target_gap_pct=bad)


def test_a_gap_limited_scenario_is_not_proven_optimal_for_the_tolerance_rule(
        ward: Problem) -> None:
    r = rn.run_one(ward, Scenario(name="Target"), budgets.options(WORK, target_gap_pct=TARGET))
    assert r.status == "FEASIBLE" and r.stopped_by == GAP_LIMIT and r.target_gap_pct == TARGET
    assert r.objective is not None and r.best_bound is not None and r.figures is not None
    low, high = tol.interval(r)  # type: ignore[misc]
    assert low == r.best_bound < high == r.objective
    # a baseline proven optimal inside the scenario's interval, with other figures: the proofs
    # cannot tell the two apart (were the scenario taken as proven optimal, they would be)
    inside = (r.best_bound + r.objective) / 2
    base = rn.ScenarioResult(name="Baseline", status="OPTIMAL", objective=inside,
                             best_bound=inside, gap_pct=0.0,
                             figures=figs(coverage=r.figures.coverage_pct - 5))
    assert tol.verdict(base, r) == "within"
    assert tol.better_worse(base, r) == ([], [])
    proven = r.model_copy(update={"status": "OPTIMAL"})
    assert tol.verdict(base, proven) == "apart"


def test_the_target_gap_is_said_even_when_the_clock_ended_an_earlier_search() -> None:
    budget = Budget(60.0, None)
    budget.wall_clock = True  # phase one, say, ran to its share of the time limit
    facts = run_facts(SolveOptions(target_gap_pct=5.0, workers=1), budget, GAP_LIMIT)
    assert facts["stopped_by"] == GAP_LIMIT and facts["reproducible"] is False
    assert run_facts(SolveOptions(workers=1), budget, WORK_LIMIT)["stopped_by"] == "wall_clock"


def _first(status: str, gap: float | None) -> rn.ScenarioResult:
    return rn.ScenarioResult(name="Baseline", status=status, gap_pct=gap)


@pytest.mark.parametrize(("asked", "first", "target"), [
    (5.0, _first("FEASIBLE", 12.5), 5.0),  # asked for: used as it is
    (0.0, _first("FEASIBLE", 12.5), None),  # 0: no target
    (None, _first("FEASIBLE", 12.5), 12.5),  # default: the gap the first solve reached
    (None, _first("OPTIMAL", 0.0), rn.DEFAULT_TARGET_GAP),  # ... 2 % when it is proven
    (None, _first("UNKNOWN", None), None),  # ... none when it found no roster
    (None, _first("FEASIBLE", None), None),  # ... or no bound
    (None, None, None),  # no first solve
])
def test_the_sweep_target_gap(asked: float | None, first: rn.ScenarioResult | None,
                              target: float | None) -> None:
    assert rn.target_gap(rn.SweepOptions(target_gap_pct=asked), first) == target


def _whatif(tmp_path: Path, *args: str) -> object:
    path = workbook(tmp_path / "w.xlsx", [["Without R4", "remove_employees", "R4"]])
    return CliRunner().invoke(main, ["whatif", str(path), *budgets.cli(0.6, workers=None),
                                     "--jobs", "1", "--json", *args])


@pytest.mark.parametrize(("args", "target"), [
    ((), rn.DEFAULT_TARGET_GAP),  # the tiny ward's first solve is proven optimal
    (("--target-gap", "7.5"), 7.5),
    (("--target-gap", "0"), None),
])
def test_whatif_target_gap_option(tmp_path: Path, args: tuple[str, ...],
                                  target: float | None) -> None:
    res = _whatif(tmp_path, *args)
    assert res.exit_code == 0, res.output  # type: ignore[attr-defined]
    data = json.loads(res.stdout)  # type: ignore[attr-defined]
    assert data["target_gap_pct"] == target
    assert [s["name"] for s in data["scenarios"]] == ["Baseline", "Without R4"]
    for s in data["scenarios"]:  # proven optimal, or stopped within the target
        if s["status"] != "OPTIMAL":
            assert target is not None and s["status"] == "FEASIBLE"
            assert s["stopped_by"] == GAP_LIMIT and 0 < s["gap_pct"] <= target


@pytest.mark.parametrize("bad", ["-1", "101", "nan", "two"])
def test_whatif_refuses_a_bad_target_gap(tmp_path: Path, bad: str) -> None:
    res = _whatif(tmp_path, "--target-gap", bad)
    assert res.exit_code == 2  # type: ignore[attr-defined]
    assert "Invalid value for '--target-gap'" in res.output  # type: ignore[attr-defined]
