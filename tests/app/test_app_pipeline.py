"""The solve-and-check pipeline (scheduler/app): one deadline, each phase timed.

Every test runs on a fake clock that the fake phases move on, so nothing here depends on how
fast the machine is; the real phases are tested end to end in tests/cli/test_cli_solve_phases.py.
"""

from __future__ import annotations

import pytest

from benchmarks.aml_month import generate
from constraints.base import Finding, Severity
from scheduler.app import pipeline, sizing
from scheduler.app.timing import PHASES, Deadline
from scheduler.errors import InputError
from scheduler.model import Problem
from scheduler.solution import Solution, SolveOptions

PROBLEM = generate(staff=6, days=7)  # 42 employee-days, 210 roster cells
RESERVE = sizing.finish_reserve(PROBLEM)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def roster_solution(build: float = 0.0) -> Solution:
    return Solution(status="FEASIBLE", build_seconds=build)


def steps(clock: FakeClock, *, read: float = 2.0, build: float = 1.5, search: float = 4.0,
          check: float = 0.75, write: float = 0.25, solution: Solution | None = None,
          calls: list[str] | None = None, problem: Problem = PROBLEM) -> pipeline.Steps:
    """Fake phases, each taking the given seconds on ``clock``."""
    calls = [] if calls is None else calls
    seen: dict[str, object] = {}

    def do_read() -> Problem:
        calls.append("read")
        clock.advance(read)
        return problem

    def do_solve(p: Problem, options: SolveOptions) -> Solution:
        calls.append("solve")
        seen["options"] = options
        clock.advance(build + search)
        return solution if solution is not None else roster_solution(build)

    def do_check(p: Problem, s: Solution) -> list[Finding]:
        calls.append("check")
        clock.advance(check)
        return [Finding(rule="R", paragraph="§", severity=Severity.warning, employee=None,
                        window_start=None, window_end=None, message="m")]

    def do_write(out: pipeline.Outcome) -> str:
        calls.append("write")
        clock.advance(write)
        return "written"

    made = pipeline.Steps(read=do_read, solve=do_solve, check=do_check, write=do_write,
                          file="big.xlsx")
    made.seen = seen  # type: ignore[attr-defined]
    return made


# --------------------------------------------------------------------------------------------
# The deadline


def test_deadline_counts_from_its_creation_on_the_clock_it_is_given() -> None:
    clock = FakeClock()
    d = Deadline(10.0, clock)
    clock.advance(3.0)
    assert d.elapsed() == pytest.approx(3.0)
    assert d.left() == pytest.approx(7.0)
    clock.advance(8.0)
    assert d.left() == pytest.approx(-1.0)


def test_solver_seconds_are_what_is_left_less_the_reserve() -> None:
    clock = FakeClock()
    d = Deadline(10.0, clock)
    clock.advance(2.0)
    assert d.solver_seconds(1.5) == pytest.approx(6.5)


def test_solver_seconds_are_zero_or_less_once_nothing_is_left() -> None:
    clock = FakeClock()
    d = Deadline(10.0, clock)
    clock.advance(9.5)
    assert d.solver_seconds(0.5) == pytest.approx(0.0)
    clock.advance(5.0)  # past the deadline
    assert d.solver_seconds(0.5) == pytest.approx(-5.0)


def test_phases_add_up_and_report_in_pipeline_order() -> None:
    clock = FakeClock()
    d = Deadline(10.0, clock)
    with d.phase("check"):
        clock.advance(1.0)
    with d.phase("check"):
        clock.advance(0.5)
    d.add("build", 2.0)
    report = d.report()
    assert list(report) == [*PHASES, "total"]
    assert report["check"] == 1.5 and report["build"] == 2.0 and report["read"] == 0.0
    assert report["total"] == 1.5  # the time on the clock, not the sum of the phases


def test_a_phase_that_raises_is_still_timed() -> None:
    clock = FakeClock()
    d = Deadline(10.0, clock)
    with pytest.raises(RuntimeError), d.phase("read"):
        clock.advance(0.25)
        raise RuntimeError("bad")
    assert d.report()["read"] == 0.25


# --------------------------------------------------------------------------------------------
# The pipeline


def test_the_solver_gets_the_time_left_after_reading_less_check_and_write() -> None:
    clock = FakeClock()
    made = steps(clock, read=2.0)
    out = pipeline.run(made, SolveOptions(time_limit=30.0, workers=1, seed=4), clock=clock)
    got = made.seen["options"]  # type: ignore[attr-defined]
    assert got.time_limit == pytest.approx(30.0 - 2.0 - sizing.finish_reserve(PROBLEM))
    assert (got.workers, got.seed) == (1, 4)  # everything else as given
    assert out.options is got


def test_every_phase_is_timed_and_the_solve_is_split_into_build_and_search() -> None:
    clock = FakeClock()
    calls: list[str] = []
    out = pipeline.run(steps(clock, calls=calls), SolveOptions(time_limit=30.0), clock=clock)
    assert calls == ["read", "solve", "check", "write"]
    assert out.phases == {"read": 2.0, "build": 1.5, "search": 4.0, "check": 0.75,
                          "write": 0.25, "total": 8.5}
    assert out.written == "written" and len(out.findings) == 1


def test_without_a_roster_nothing_is_checked_or_written() -> None:
    clock = FakeClock()
    calls: list[str] = []
    none = Solution(status="UNKNOWN", build_seconds=9.0, model_built=False)
    out = pipeline.run(steps(clock, calls=calls, solution=none, build=9.0, search=0.0),
                       SolveOptions(time_limit=10.0), clock=clock)
    assert calls == ["read", "solve"]
    assert out.written is None and out.findings == []
    assert out.phases["build"] == 9.0 and out.phases["search"] == 0.0


@pytest.mark.parametrize("read, solved", [(30.0 - RESERVE - 0.5, True),
                                          (30.0 - RESERVE + 0.01, False), (40.0, False)])
def test_no_model_is_built_when_reading_left_no_time_for_it(read: float, solved: bool) -> None:
    clock = FakeClock()
    calls: list[str] = []
    out = pipeline.run(steps(clock, calls=calls, read=read), SolveOptions(time_limit=30.0),
                       clock=clock)
    assert out.solution is not None
    if solved:
        assert calls == ["read", "solve", "check", "write"]
        assert out.options.time_limit == pytest.approx(0.5)
        return
    assert calls == ["read"]
    assert not out.solution.model_built and not out.solution.has_roster
    assert out.solution.stopped_by == "wall_clock"
    assert out.phases["build"] == 0 and out.phases["total"] == read


def test_a_build_time_longer_than_the_solve_is_capped_at_the_solve() -> None:
    clock = FakeClock()
    out = pipeline.run(steps(clock, solution=roster_solution(build=50.0), build=1.0,
                             search=2.0), SolveOptions(time_limit=30.0), clock=clock)
    assert out.phases["build"] == 3.0 and out.phases["search"] == 0.0


# --------------------------------------------------------------------------------------------
# Size: the reserve and the largest model


def test_the_reserve_grows_linearly_with_employee_days() -> None:
    small, big = generate(staff=6, days=7), generate(staff=12, days=14)
    assert sizing.employee_days(small) == 42 and sizing.employee_days(big) == 168
    extra = sizing.finish_reserve(big) - sizing.finish_reserve(small)
    assert extra == pytest.approx(126 * sizing.FINISH_SECONDS_PER_EMPLOYEE_DAY)


@pytest.mark.parametrize("most, refused", [(211, False), (210, False), (209, True)])
def test_a_model_over_the_cell_limit_is_refused_before_anything_is_solved(
        monkeypatch: pytest.MonkeyPatch, most: int, refused: bool) -> None:
    assert sizing.cells(PROBLEM) == 210
    monkeypatch.setattr(sizing, "MAX_CELLS", most)
    clock = FakeClock()
    calls: list[str] = []
    if not refused:
        pipeline.run(steps(clock, calls=calls), SolveOptions(time_limit=30.0), clock=clock)
        assert calls == ["read", "solve", "check", "write"]
        return
    with pytest.raises(InputError) as err:
        pipeline.run(steps(clock, calls=calls), SolveOptions(time_limit=30.0), clock=clock)
    assert calls == ["read"]
    issue = err.value.issues[0]
    assert issue.file == "big.xlsx"
    assert "6 employees × 7 days × 5 shift types is 210 roster cells" in issue.message
    assert "at most 209 at once" in issue.message and "at most 6 days at a time" in issue.message


def test_the_size_message_is_in_the_workbooks_language(monkeypatch: pytest.MonkeyPatch) -> None:
    nb = PROBLEM.model_copy(update={"settings": PROBLEM.settings.model_copy(
        update={"language": "nb"})})
    monkeypatch.setattr(sizing, "MAX_CELLS", 100)
    with pytest.raises(InputError) as err:
        sizing.refuse_too_large(nb, "stor.xlsx")
    assert "6 ansatte × 7 dager × 5 vakttyper er 210 turnusceller" in err.value.issues[0].message


def test_the_analysis_runs_in_the_read_phase_and_never_on_a_problem_too_large(
        monkeypatch: pytest.MonkeyPatch) -> None:
    clock = FakeClock()
    made = steps(clock, read=1.0)
    seen: list[int] = []

    def analyse(problem: Problem) -> str:
        seen.append(sizing.cells(problem))
        clock.advance(0.5)
        return "why uncovered"

    made.analyse = analyse
    out = pipeline.run(made, SolveOptions(time_limit=30.0), clock=clock)
    assert out.analysis == "why uncovered" and out.phases["read"] == 1.5
    monkeypatch.setattr(sizing, "MAX_CELLS", 10)
    with pytest.raises(InputError):
        pipeline.run(made, SolveOptions(time_limit=30.0), clock=clock)
    assert seen == [210]  # only the first run analysed
