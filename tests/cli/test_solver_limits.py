"""The solver's limits on the command line and in the output (issue 18, docs/reliability.md
section 7): bad values of --time-limit / --work-limit / --seed are refused with exit 2 by every
command that solves; why the search ended and whether the roster is reproducible is said in words
(console and Summary sheet)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from scheduler import summary as sm
from scheduler.cli import main
from scheduler.solution import Solution, SolveOptions
from tests.io.writer_kit import _problem, _solution
from tests.io.writer_kit import _run as _run_info

WARD = Path(__file__).resolve().parents[2] / "instances" / "ward.xlsx"

BAD = [
    ("--time-limit", "nan"), ("--time-limit", "inf"), ("--time-limit", "-inf"),
    ("--time-limit", "-1"), ("--time-limit", "0"), ("--time-limit", "ten"),
    ("--work-limit", "nan"), ("--work-limit", "inf"), ("--work-limit", "0"),
    ("--work-limit", "-2"), ("--seed", str(2**31)), ("--seed", str(-(2**31) - 1)),
]


@pytest.mark.parametrize("command", ["solve", "whatif", "staffing"])
@pytest.mark.parametrize(("option", "value"), BAD)
def test_bad_solver_options_exit_2_with_a_clear_message(command: str, option: str,
                                                         value: str) -> None:
    result = CliRunner().invoke(main, [command, str(WARD), option, value])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert f"Invalid value for '{option}'" in result.output
    assert value in result.output


@pytest.mark.parametrize("seed", [str(2**31 - 1), str(-(2**31)), "0"])
def test_every_32_bit_seed_is_accepted(seed: str) -> None:
    assert SolveOptions(seed=int(seed)).seed == int(seed)
    result = CliRunner().invoke(main, ["solve", "--help"])
    assert result.exit_code == 0 and "--work-limit" in result.output


@pytest.mark.parametrize("bad", [{"time_limit": float("nan")}, {"time_limit": float("inf")},
                                 {"work_limit": float("nan")}, {"work_limit": 0.0},
                                 {"seed": 2**31}])
def test_solve_options_refuse_the_same_values(bad: dict) -> None:
    with pytest.raises(ValueError):
        SolveOptions(**bad)


def _sol(**kw: object) -> Solution:
    base: dict[str, object] = {"status": "FEASIBLE", "seed": 7, "workers": 1,
                               "work_limit": 20.0, "work": 20.0001}
    base.update(kw)
    return Solution(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(("sol", "reason", "repro"), [
    (_sol(stopped_by="work_limit", reproducible=True),
     "ended by the work limit (20.00 of 20 units)",
     "reproducible: the same workbook with --seed 7 --workers 1 --work-limit 20"),
    (_sol(stopped_by="wall_clock", work=3.5),
     "ended by the wall clock (time limit 60 s)",
     "NOT reproducible: the wall clock ended the search before the work limit"),
    (_sol(stopped_by="wall_clock", work_limit=None), "ended by the wall clock",
     "not reproducible: the wall clock was the limit (give --work-limit and --workers 1"),
    (_sol(stopped_by="work_limit", workers=2), "ended by the work limit",
     "not reproducible: 2 workers share the search"),
    (_sol(stopped_by="optimal", reproducible=True), "proven optimal", "reproducible: "),
    (_sol(stopped_by="interrupted"), "stopped early by Ctrl-C",
     "not reproducible: the search was stopped by hand"),
])
def test_the_search_outcome_in_words(sol: Solution, reason: str, repro: str) -> None:
    got_reason, got_repro = sm.search_outcome(sol, 60.0)
    assert got_reason.startswith(reason) and got_repro.startswith(repro)
    nb_reason, nb_repro = sm.search_outcome(sol, 60.0, "nb")
    assert nb_reason != got_reason and nb_repro != got_repro  # the Norwegian text


def test_the_summary_sheet_says_when_the_wall_clock_ended_the_search(
        planner_book: Path) -> None:  # noqa: F811 - the fixture
    problem = _problem()
    sol = _solution(problem).model_copy(update={
        "stopped_by": "wall_clock", "reproducible": False, "work_limit": 20.0, "work": 3.25})
    out = planner_book.with_name("ward.roster.xlsx")
    from scheduler.io.write import workbook as rw

    rw.write_roster_workbook(problem, sol, [], _run_info(planner_book), out)
    rows = {r[0]: r[1] for r in load_workbook(out)["Summary"].iter_rows(values_only=True)
            if r[0] is not None}
    assert rows["Work limit (deterministic time units)"] == 20.0
    assert rows["Work used (deterministic time units)"] == 3.25
    assert rows["Search ended by"].startswith("ended by the wall clock (time limit 3 s)")
    assert rows["Reproducible"].startswith("NOT reproducible: the wall clock ended the search")
