"""What-if budgets (issue 17): the time scenarios that reached the target gap left unused goes
to those the clock stopped above it, and a scenario still above it says so.

No solving here: the rounds are driven through :func:`scheduler.whatif.runner._two_rounds` with
a stand-in for a round of solves that records what it was asked (the solving itself is covered
by tests/solver/test_target_gap.py and tests/whatif/test_whatif_comparable.py)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pytest

from scheduler.solution import Assignment, Solution, SolveOptions
from scheduler.whatif import output as out
from scheduler.whatif import runner as rn
from scheduler.whatif import tolerance as tol
from scheduler.whatif.changes import Scenario
from tests.whatif.test_whatif_tolerance import figs

DAY = date(2026, 6, 1)


def roster(employee: str) -> Solution:
    return Solution(status="FEASIBLE", assignments=[Assignment(employee=employee, day=DAY,
                                                               shift="D")])


def result(name: str, *, objective: float = 100.0, bound: float = 50.0,
           stopped_by: str = rn.WALL_CLOCK, target: float | None = 10.0,
           status: str = "FEASIBLE", seconds: float = 30.0, who: str = "E1",
           coverage: float = 100.0) -> rn.ScenarioResult:
    gap = 0.0 if status == "OPTIMAL" else round(100 * (objective - bound) / objective, 4)
    return rn.ScenarioResult(name=name, status=status, objective=objective, best_bound=bound,
                             gap_pct=gap, stopped_by=stopped_by, target_gap_pct=target,
                             solve_seconds=seconds, wall_seconds=seconds, time_given=30.0,
                             figures=figs(coverage), solution=roster(who), from_baseline=True)


@pytest.mark.parametrize(("r", "short"), [
    (result("a"), True),  # gap 50 % > 10 %, the clock ended it
    (result("b", bound=95.0, stopped_by="gap_limit"), False),  # 5 %: reached
    (result("c", bound=90.0), False),  # exactly at the target: reached
    (result("c2", bound=89.96), False),  # 10.04 %: within the 0.05 points the table hides
    (result("d", bound=89.9), True),  # 10.1 %: above
    (result("e", stopped_by="work_limit"), False),  # the work budget ended it: time won't help
    (result("f", target=None), False),  # no target
    (result("g", status="OPTIMAL", bound=100.0), False),
    (rn.ScenarioResult(name="h", status="UNKNOWN", target_gap_pct=10.0,
                       stopped_by=rn.WALL_CLOCK), False),  # no roster: its reason says why
])
def test_short_of_target(r: rn.ScenarioResult, short: bool) -> None:
    assert rn.short_of_target(r) is short
    assert (rn.budget_note(r) is not None) is short


def test_the_note_states_gap_target_seconds_and_what_to_give_in_both_languages() -> None:
    r = result("a", objective=100.0, bound=12.3).model_copy(update={"time_given": 39.4})
    assert rn.budget_note(r) == (
        "gap 87.7 % > target 10.0 % after 39 s of search: give a longer --time-limit to "
        "compare it as well proven as the baseline")
    assert rn.budget_note(r, "nb").startswith("gap 87,7 % > mål 10,0 % etter 39 s søk")
    # the terminal's line and the sheet's last column carry it
    assert out.short_of_target_lines([r]) == [f"a: {rn.budget_note(r)}"]
    assert out.no_roster_lines([r]) == []  # it has a roster
    assert out.result_dict(r)["budget_note"] == rn.budget_note(r)


@pytest.mark.parametrize(("limit", "used", "waiting", "slots", "extra"), [
    (240.0, 120.0, 4, 2, 60.0),  # 120 s left over two waves of two
    (240.0, 120.0, 1, 2, 120.0),  # one waiting: all of it
    (240.0, 120.0, 3, 1, 40.0),   # serial: three waves
    (240.0, 240.0, 2, 2, 0.0),  # nothing left
    (240.0, 250.0, 2, 2, 0.0),  # over already
    (240.0, 120.0, 0, 2, 0.0),   # nobody waiting
    # a restart proves its bound again from nothing: shorter than the first round, not started
    (120.0, 96.0, 4, 2, 0.0),  # 12 s each after 30 s (the ward's default sweep)
    (120.0, 90.0, 1, 2, 30.0),  # exactly the 30 s of the first round
    (120.0, 90.1, 1, 2, 0.0),  # just under
])
def test_spare_seconds(limit: float, used: float, waiting: int, slots: int,
                       extra: float) -> None:
    assert rn.spare_seconds(limit, used, waiting, slots, 30.0) == pytest.approx(extra)


@pytest.mark.parametrize(("asked", "n", "slots", "limit"), [
    (None, 7, 2, 120.0),  # ceil(7 / 2) waves of 30 s: what the sweep takes at its limits
    (None, 16, 2, 240.0),
    (None, 7, 1, 210.0),
    (500.0, 7, 2, 500.0),  # as given
    (0.0, 7, 2, 0.0),  # 0: no second round
])
def test_overall_limit(asked: float | None, n: int, slots: int, limit: float) -> None:
    sweep = rn.SweepOptions(time_limit=30.0, overall_limit=asked)
    assert rn.overall_limit(sweep, n, slots) == limit


def test_merge_keeps_the_better_roster_and_the_better_proven_bound() -> None:
    first = result("a", objective=100.0, bound=60.0, who="E1")
    # the second round found a better roster but, restarted, proved a weaker bound
    again = result("a", objective=90.0, bound=40.0, who="E2", coverage=99.0,
                   seconds=12.0).model_copy(update={"time_given": 12.0})
    merged = rn.merge_rounds(first, again)
    assert merged.objective == 90.0 and merged.best_bound == 60.0
    assert merged.gap_pct == pytest.approx(100 * (90 - 60) / 90, abs=1e-4)
    assert merged.figures == again.figures and merged.solution == again.solution
    assert merged.status == "FEASIBLE" and merged.rounds == 2 and not merged.reproducible
    assert merged.time_given == 42.0 and merged.solve_seconds == 42.0
    # the tolerance rule reads the merged interval, the scenario's real proven gap
    assert tol.interval(merged) == (60.0, 90.0)

    worse = result("a", objective=110.0, bound=70.0, who="E3", coverage=98.0)
    kept = rn.merge_rounds(first, worse)  # a worse roster never replaces the first
    assert kept.objective == 100.0 and kept.best_bound == 70.0 and kept.figures == first.figures
    assert rn.merge_rounds(first, rn.ScenarioResult(name="a", status="ERROR")).objective == 100.0

    proven = result("a", objective=95.0, bound=95.0, status="OPTIMAL", stopped_by="optimal")
    done = rn.merge_rounds(first, proven)
    assert done.status == "OPTIMAL" and done.gap_pct == 0.0 and done.objective == 95.0


class Rounds:
    """A stand-in for a round of solves: the first round answers ``first``, the second
    ``again`` (by scenario name); records what each round was asked."""

    def __init__(self, first: dict[str, rn.ScenarioResult],
                 again: dict[str, rn.ScenarioResult]) -> None:
        self.answers = [first, again]
        self.asked: list[tuple[list[str], float, list[object]]] = []

    def __call__(self, scs: Sequence[Scenario], opts: SolveOptions, starts: rn.Starts,
                 report: rn.OnResult | None) -> list[rn.ScenarioResult]:
        answers = self.answers[len(self.asked)]
        self.asked.append(([s.name for s in scs], opts.time_limit, list(starts)))
        results = [answers[s.name] for s in scs]
        for r in results:
            if report:
                report(r)
        return results


SCENARIOS = [Scenario(name=n) for n in ("Baseline", "Fewer", "More", "Sick")]


def test_the_time_left_unused_goes_to_the_scenarios_above_their_target() -> None:
    first = {
        "Baseline": result("Baseline", bound=95.0, stopped_by="gap_limit", seconds=5.0),
        "Fewer": result("Fewer", who="F1"),  # above the target, the clock stopped it
        "More": result("More", bound=92.0, stopped_by="gap_limit", seconds=7.0),
        "Sick": result("Sick", who="S1"),
    }
    again = {"Fewer": result("Fewer", objective=80.0, bound=75.0, who="F2", seconds=20.0),
             "Sick": result("Sick", objective=120.0, bound=55.0, who="S2", seconds=20.0)}
    rounds, reported = Rounds(first, again), []
    start = [Assignment(employee="B", day=DAY, shift="D")]
    sweep = rn.SweepOptions(time_limit=30.0, overall_limit=100.0)
    times = iter([0.0, 70.0])  # the first round took 70 s of the overall 100: 30 s left
    results = rn._two_rounds(SCENARIOS, sweep, SolveOptions(time_limit=30.0, workers=1), 2,
                             rounds, start, reported.append, clock=times.__next__)
    (names1, limit1, starts1), (names2, limit2, starts2) = rounds.asked
    assert names1 == [s.name for s in SCENARIOS] and limit1 == 30.0 and starts1 == [start] * 4
    # the second round: only those above their target, each from its own roster, with what
    # is left of the overall limit (one wave of two on two slots)
    assert names2 == ["Fewer", "Sick"]
    assert starts2 == [first["Fewer"].solution.assignments, first["Sick"].solution.assignments]
    assert limit2 == 30.0  # the 30 s left, one wave of two on two slots
    fewer, sick = results[1], results[3]
    assert fewer.objective == 80.0 and fewer.best_bound == 75.0 and fewer.rounds == 2
    assert not rn.short_of_target(fewer)  # 6.25 % now: within the 10 % target
    assert sick.objective == 100.0 and sick.best_bound == 55.0 and sick.rounds == 2
    assert rn.short_of_target(sick) and "give a longer --time-limit" in rn.budget_note(sick)
    # each scenario reported once, a continued one after its second round
    assert sorted(r.name for r in reported) == sorted(s.name for s in SCENARIOS)
    assert [r.name for r in reported][-2:] == ["Fewer", "Sick"]
    assert all(r.solution is None for r in results)  # kept only when asked for


def test_no_second_round_when_nothing_is_left_or_it_is_turned_off() -> None:
    first = {s.name: result(s.name) for s in SCENARIOS}  # all above the target
    for sweep, took in ((rn.SweepOptions(time_limit=30.0, overall_limit=0.0), 10.0),  # off
                        (rn.SweepOptions(time_limit=30.0), 61.0)):  # over 2 waves x 30 s
        rounds = Rounds(first, {})
        times = iter([0.0, took])
        results = rn._two_rounds(SCENARIOS, sweep, SolveOptions(time_limit=30.0, workers=1),
                                 2, rounds, None, None, clock=times.__next__)
        assert len(rounds.asked) == 1
        assert all(rn.short_of_target(r) and r.rounds == 1 for r in results)
