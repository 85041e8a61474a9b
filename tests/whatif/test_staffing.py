"""The minimum-staffing search on tiny one-week problems (each solve well under a second)."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from scheduler.cli import main
from scheduler.io.read.workbook import read_problem
from scheduler.model import Problem
from scheduler.solution import SolveOptions
from scheduler.whatif import staffing as stf
from tests import budgets
from tests.whatif.test_whatif_kit import MONDAY, planning_sheets, write_xlsx

FAST = budgets.options(1.0, seed=1)
WEEK_100 = 37.5  # contracted hours of a 100 % position over the one-week horizon


def short_of_rn(path: Path) -> Path:
    """Only two RNs (100 %) for 14 RN shifts a week: each may work at most 5 (40 h)."""
    sheets = planning_sheets()
    sheets["Employees"] = [r for r in sheets["Employees"] if r[0] not in ("R3", "R4")]
    return write_xlsx(path, sheets)


def with_nights(path: Path) -> Path:
    """Four RNs, plus a 10 h night shift on Mon/Wed/Fri that needs a § 10-5 agreement."""
    sheets = planning_sheets(night=True)
    sheets["Demand"] += [[d, "N", "RN", 1] for d in ("Mon", "Wed", "Fri")]
    return write_xlsx(path, sheets)


@pytest.mark.parametrize(("hours", "expected"), [
    (0, []),
    (WEEK_100 * 0.5, [50.0]),          # exactly a 50 % position
    (WEEK_100 * 0.5 + 0.1, [75.0]),    # just over: the next size up
    (WEEK_100 * 0.75, [75.0]),
    (WEEK_100 - 0.1, [100.0]),
    (WEEK_100, [100.0]),
    (WEEK_100 + 0.1, [100.0, 50.0]),   # just over a full position
    (2 * WEEK_100, [100.0, 100.0]),
])
def test_plan_positions(hours: float, expected: list[float]) -> None:
    assert stf.plan_positions(hours, [50, 75, 100], WEEK_100) == expected


def test_positions_from_text() -> None:
    assert stf.positions_from_text("100, 50,75 %") == [50.0, 75.0, 100.0]
    assert stf.positions_from_text("100") == [100.0]
    for bad in ("", "abc", "0", "101", "50,,x"):
        with pytest.raises(ValueError):
            stf.positions_from_text(bad)


def test_finds_the_smallest_hire_that_covers_the_demand(tmp_path: Path) -> None:
    problem = read_problem(short_of_rn(tmp_path / "w.xlsx"))
    answer = stf.find_staffing(problem, [50, 75, 100], FAST)
    assert answer.status == "covered"
    # 4 RN shifts (32 h) are missing. A hire may work at most one shift (8 h) above the
    # contract: 70 % (26.25 h + 8 h) just holds them, 60 % (22.5 h + 8 h) is too small.
    assert [(h.skill, h.position_pct, h.count) for h in answer.hires] == [("RN", 70.0, 1)]
    assert answer.coverage_before is not None and answer.coverage_before < 100
    assert answer.coverage_after == 100.0
    assert answer.uncovered_after == {"HCA": 0.0, "RN": 0.0}
    assert answer.violations == 0
    (hired,) = answer.hired_hours
    assert hired.hours <= hired.contract + 8.0
    assert answer.summary().startswith("needs +1 RN at 70 %")
    assert answer.heads == 1 and answer.fte == 0.7
    assert hired.hours == 32.0  # the hours the hire works: the four missing shifts
    # what was searched: the hire dropped, and lowered one step to 60 %
    assert [str(n.change) for n in answer.searched] == ["drop 1 RN at 70 %", "RN 70 % -> 60 %"]
    drop, lower = answer.searched
    assert drop.tried and drop.short == 4  # without a hire, four shifts stay short
    assert lower.tried and lower.short is not None
    assert lower.short > 0 or lower.within_positions is False
    assert answer.minimal_proven == all(n.proven for n in answer.searched)
    assert drop.proven == (drop.status == "OPTIMAL")


def test_no_hire_when_the_demand_is_already_covered(tmp_path: Path) -> None:
    problem = read_problem(write_xlsx(tmp_path / "w.xlsx", planning_sheets()))
    answer = stf.find_staffing(problem, [50, 100], FAST)
    assert answer.status == "covered" and answer.hires == [] and answer.solves == 1
    assert answer.summary().startswith("needs no extra staff")


def test_compare_tiers_states_the_value_of_an_averaging_agreement(tmp_path: Path) -> None:
    problem: Problem = read_problem(with_nights(tmp_path / "w.xlsx"))
    answers = stf.compare_tiers(problem, [100], FAST, max_solves=4)
    assert [a.tier for a in answers] == ["T0_DEFAULT", "T2_INDIVIDUAL", "T3_TARIFF_REPS"]
    t0, t2, t3 = answers
    # without averaging nobody may work a 10 h shift: hiring cannot help
    assert t0.status == "not_coverable" and t0.hires == []
    assert any(" N RN " in str(line) for line in t0.remaining)
    assert t0.uncovered_after["RN"] == 3 * 10.0
    assert t2.status == t3.status == "covered" and t2.hires == t3.hires == []
    sentence = stf.tier_value_sentence(answers)
    assert sentence.startswith("Without an averaging agreement")
    assert "with T3_TARIFF_REPS: +0 head(s)" in sentence


def test_cli_staffing_json(tmp_path: Path) -> None:
    path = short_of_rn(tmp_path / "w.xlsx")
    res = CliRunner().invoke(main, ["staffing", str(path), "--positions", "75,100",
                                    *budgets.cli(1.0, workers=None), "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    (answer,) = data["staffing"]
    assert answer["status"] == "covered" and answer["heads"] == 1
    assert answer["hires"] == [{"skill": "RN", "position_pct": 70.0, "count": 1}]
    assert answer["summary"].startswith("needs +1 RN at 70 %")
    assert answer["step_pct"] == 10.0 and len(answer["searched"]) == 2
    assert isinstance(answer["minimal_proven"], bool)


def test_cli_staffing_text_and_bad_positions(tmp_path: Path) -> None:
    path = short_of_rn(tmp_path / "w.xlsx")
    res = CliRunner().invoke(main, ["staffing", str(path), "--positions", "100", "--step", "0",
                                    *budgets.cli(1.0, workers=None), "-q"])
    assert res.exit_code == 0, res.output
    assert "needs +1 RN at 100 %" in res.stdout and "coverage" in res.stdout
    assert "minimal within the searched space" in res.stdout
    assert "drop 1 RN at 100 %: 4 person-shift(s) short" in res.stdout
    stepped = CliRunner().invoke(main, ["staffing", str(path), "--positions", "100",
                                        "--step", "25", *budgets.cli(1.0, workers=None), "-q"])
    assert stepped.exit_code == 0, stepped.output
    assert "needs +1 RN at 75 %" in stepped.stdout  # 100 -> 75; 50 is too small
    bad = CliRunner().invoke(main, ["staffing", str(path), "--positions", "150"])
    assert bad.exit_code == 2 and "outside 1-100" in bad.output


def test_structural_shortfall_finds_what_no_one_may_work(tmp_path: Path) -> None:
    from scheduler.model import Tier
    from scheduler.whatif.rule_changes import set_tier

    problem = read_problem(with_nights(tmp_path / "w.xlsx"))
    t0 = stf.structural_shortfall(set_tier(problem, "10-5", Tier.T0_DEFAULT))
    assert t0 == {(d, "N", "RN"): 1 for d in (MONDAY, MONDAY + timedelta(days=2),
                                              MONDAY + timedelta(days=4))}
    assert stf.structural_shortfall(set_tier(problem, "10-5", Tier.T3_TARIFF_REPS)) == {}
    # as given: only R1 has an averaging agreement, and a hire copies R1: nothing structural
    assert stf.structural_shortfall(problem) == {}


def test_shortfall_someone_could_work_is_not_found_never_impossible(tmp_path: Path) -> None:
    """When later solves find nothing better (a solver out of time), the answer says so."""
    from scheduler.solution import Solution
    from scheduler.solver import solve

    calls: list[int] = []

    def first_real_then_empty(problem: Problem, options: SolveOptions) -> Solution:
        calls.append(1)
        if len(calls) == 1:
            return solve(problem, options)
        return Solution(status="FEASIBLE")  # a roster with nothing planned

    problem = read_problem(short_of_rn(tmp_path / "w.xlsx"))
    answer = stf.find_staffing(problem, [100], FAST, max_solves=3,
                               solve_fn=first_real_then_empty)
    assert answer.status == "not_found" and answer.hires == []
    assert "try a longer --time-limit" in str(answer.message)
    assert answer.solves == len(calls) >= 2
