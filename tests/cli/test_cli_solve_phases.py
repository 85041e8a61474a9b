"""``roster solve`` shows each phase's time (read, build, search, check, write) against the one
time limit of the whole command, in English and Norwegian, and says plainly when the limit ran
out while the model was being built, or the problem is too large to build."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scheduler.app import sizing
from scheduler.app.timing import PHASES
from scheduler.cli import solve_thread
from scheduler.solution import Solution
from tests.cli.test_cli_solve import FAST, invoke, make_workbook


@pytest.fixture()
def ward(tmp_path: Path) -> Path:
    return make_workbook(tmp_path / "ward.xlsx")


def test_the_console_shows_every_phase_and_the_limit(ward: Path) -> None:
    result = invoke(str(ward), *FAST)
    assert result.exit_code == 0, result.output
    line = next(x for x in result.stdout.splitlines() if x.startswith("Time:"))
    for word in ("read", "build", "search", "check", "write", "total"):
        assert f"{word} " in line
    assert line.endswith("of --time-limit 900 s")


def test_the_console_shows_the_phases_in_norwegian(ward: Path) -> None:
    result = invoke(str(ward), *FAST, "--lang", "nb")
    assert result.exit_code == 0, result.output
    line = next(x for x in result.stdout.splitlines() if x.startswith("Tid:"))
    for word in ("lesing", "modell", "søk", "kontroll", "skriving", "totalt"):
        assert f"{word} " in line


def test_the_json_gives_every_phase_and_they_fit_in_the_total(ward: Path) -> None:
    result = invoke(str(ward), "--json", *FAST)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    phases = data["phases"]
    assert list(phases) == [*PHASES, "total"]
    assert all(phases[p] > 0 for p in PHASES)  # every phase ran
    assert sum(phases[p] for p in PHASES) <= phases["total"] + 0.01
    assert data["time_limit"] == 900
    # the solver's own time is the build and the search
    assert phases["build"] + phases["search"] >= data["wall_seconds"] - 0.01


def test_a_model_not_built_in_time_is_a_plain_message(ward: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(solve_thread, "run_solver", lambda problem, options, control: Solution(
        status="UNKNOWN", stopped_by="wall_clock", build_seconds=3.0, wall_seconds=3.0,
        model_built=False))
    result = invoke(str(ward), *FAST)
    assert result.exit_code == 1
    assert "ran out while the model was being built" in result.stderr
    assert "building stopped after 3.0 s" in result.stderr
    # a lower bound of the time needed: what was spent, and the check and write still to come
    assert "take about 1 s more" in result.stderr  # 1 s + 2.5 ms x 21 employee-days
    assert "well above " in result.stderr
    assert "Traceback" not in result.output
    assert not ward.with_name("ward.roster.xlsx").exists()
    monkeypatch.setattr(solve_thread, "run_solver", lambda problem, options, control: Solution(
        status="UNKNOWN", build_seconds=3.0, model_built=False))
    data = json.loads(invoke(str(ward), "--json", *FAST).stdout)
    assert data["model_built"] is False and data["output"] is None
    # the solve was all building (capped at the seconds the solve took); no check, no write
    assert data["phases"]["search"] == 0
    assert data["phases"]["check"] == 0 and data["phases"]["write"] == 0


def test_a_problem_too_large_to_build_exits_2_before_solving(
        ward: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def never(*args: object) -> Solution:
        raise AssertionError("the solver ran on a problem too large to build")

    monkeypatch.setattr(solve_thread, "run_solver", never)
    monkeypatch.setattr(sizing, "MAX_CELLS", 41)  # 3 employees x 7 days x 2 shift types = 42
    result = invoke(str(ward), *FAST)
    assert result.exit_code == 2
    assert "3 employees × 7 days × 2 shift types is 42 roster cells" in result.stderr
    assert str(ward) in result.stderr and "Traceback" not in result.output
    assert not ward.with_name("ward.roster.xlsx").exists()


def test_a_limit_used_up_by_reading_builds_nothing_and_says_what_is_needed(ward: Path) -> None:
    result = invoke(str(ward), "--time-limit", "0.001", "--workers", "1", "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["model_built"] is False and data["output"] is None
    assert data["phases"]["read"] > 0.001 and data["phases"]["build"] == 0
    assert "which leaves no time to build the model" in result.stderr
    assert "well above" in result.stderr and "Traceback" not in result.output
    assert not ward.with_name("ward.roster.xlsx").exists()


def test_solve_suggests_more_time_only_when_the_clock_cut_a_search_that_can_improve():
    from datetime import date

    from scheduler.cli.solve_summary import HINT_GAP_PCT, more_time_hint
    from scheduler.solution import OPTIMAL, WALL_CLOCK, WORK_LIMIT, Solution
    from scheduler.summary import CoverageRow

    full = [CoverageRow(date(2026, 4, 1), "D", "", 2, 2, 2)]
    short = [CoverageRow(date(2026, 4, 1), "D", "", 2, 2, 1)]

    def sol(stopped: str, gap: float | None) -> Solution:
        return Solution(status="FEASIBLE", stopped_by=stopped, gap_pct=gap)

    assert more_time_hint(sol(WALL_CLOCK, HINT_GAP_PCT), full, 30) == 120  # at the gap
    assert more_time_hint(sol(WALL_CLOCK, HINT_GAP_PCT - 0.01), full, 30) is None  # under it
    assert more_time_hint(sol(WALL_CLOCK, HINT_GAP_PCT - 0.01), short, 30) == 120  # short
    assert more_time_hint(sol(WALL_CLOCK, 0.0), short, 30) is None  # proven: cannot improve
    assert more_time_hint(sol(WALL_CLOCK, None), full, 100) == 420  # no bound; whole minutes
    assert more_time_hint(sol(WORK_LIMIT, 50.0), short, 30) is None  # a work budget ended it
    assert more_time_hint(sol(OPTIMAL, None), short, 30) is None
