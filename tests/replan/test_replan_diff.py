"""Two rosters compared cell by cell (scheduler.replan.diff), with the § 10-3 notice flag."""

from __future__ import annotations

from datetime import date, time

from scheduler.model import Problem, Settings, ShiftType, roster_from_assignments
from scheduler.replan.diff import (
    DIFF_COLUMNS,
    ChangeKind,
    diff_frame,
    diff_problem,
    diff_rosters,
)
from scheduler.solution import Assignment, Solution
from tests.rosterkit import dt, employee, period, roster

SHIFTS = (ShiftType(code="D", start=time(7), end=time(15)),
          ShiftType(code="N", start=time(21), end=time(7)))


def _problem() -> Problem:
    return Problem(settings=Settings(start=date(2026, 12, 1), end=date(2026, 12, 31)),
                   shifts=SHIFTS, employees=(employee("A"), employee("B")))


def _roster(cells: dict[tuple[str, int], str]):
    return roster_from_assignments(
        _problem(), {(e, date(2026, 12, d)): code for (e, d), code in cells.items()})


def test_the_same_roster_has_no_changes() -> None:
    r = _roster({("A", 3): "D", ("B", 3): "N"})
    assert diff_rosters(r, r, as_of=dt("2026-12-01 12:00")) == []
    assert list(diff_frame([]).columns) == list(DIFF_COLUMNS)


def test_changes_sorted_by_day_then_employee_with_kinds() -> None:
    old = _roster({("B", 20): "D", ("A", 20): "D", ("A", 3): "D", ("B", 5): "N"})
    new = _roster({("B", 20): "N", ("A", 3): "D", ("A", 5): "D", ("B", 5): "N", ("A", 20): "D"})
    old2 = _roster({("B", 20): "D", ("A", 20): "D", ("A", 3): "D", ("B", 5): "N", ("A", 25): "N"})
    changes = diff_rosters(old2, new, as_of=dt("2026-12-01 12:00"))
    assert [(c.employee, c.day.day, c.old, c.new, c.kind) for c in changes] == [
        ("A", 5, None, "D", ChangeKind.added),
        ("B", 20, "D", "N", ChangeKind.changed),
        ("A", 25, "N", None, ChangeKind.removed),
    ]
    assert len(diff_rosters(old, new, as_of=dt("2026-12-01 12:00"))) == 2


def test_notice_flag_at_exactly_fourteen_days() -> None:
    # Made known 1 December 07:00: a day shift on 15 December (07:00) changed to a night is in
    # time; the same change on 14 December is not. A day off is changed from the day's start.
    old = _roster({("A", 15): "D", ("A", 14): "D", ("B", 15): "D"})
    new = _roster({("A", 15): "N", ("A", 14): "N"})
    by_cell = {(c.employee, c.day.day): c
               for c in diff_rosters(old, new, as_of=dt("2026-12-01 07:00"))}
    assert by_cell[("A", 15)].effective == dt("2026-12-15 07:00")
    assert not by_cell[("A", 15)].within_notice
    assert by_cell[("A", 14)].within_notice
    off = by_cell[("B", 15)]
    assert off.kind == ChangeKind.removed and off.effective == dt("2026-12-15 00:00")
    assert off.within_notice
    assert not any(c.started for c in by_cell.values())


def test_changes_in_the_past_are_marked_started() -> None:
    old = _roster({("A", 3): "D"})
    new = _roster({("A", 3): "N"})
    (c,) = diff_rosters(old, new, as_of=dt("2026-12-03 08:00"))
    assert c.started and c.within_notice
    (c,) = diff_rosters(old, new, as_of=dt("2026-12-03 06:59"))
    assert not c.started


def test_timesheet_times_that_moved_are_a_change() -> None:
    old = roster(period("A", "2026-12-03 07:00", "2026-12-03 15:00"))
    new = roster(period("A", "2026-12-03 07:00", "2026-12-03 16:30"))
    (c,) = diff_rosters(old, new, as_of=dt("2026-11-01 07:00"))
    assert (c.old, c.new, c.kind) == ("07:00-15:00", "07:00-16:30", ChangeKind.changed)
    assert c.old_end == dt("2026-12-03 15:00") and c.new_end == dt("2026-12-03 16:30")
    assert not c.within_notice


def test_frame_has_one_row_per_change() -> None:
    old = _roster({("A", 3): "D", ("B", 4): "N"})
    new = _roster({("A", 3): "N"})
    df = diff_frame(diff_rosters(old, new, as_of=dt("2026-12-01 12:00")))
    assert list(df.columns) == list(DIFF_COLUMNS)
    assert df[["employee", "old", "change"]].values.tolist() == [
        ["A", "D", "changed"], ["B", "N", "removed"]]
    assert df["new"].iloc[0] == "N" and df["new"].isna().iloc[1]  # off
    assert df["within_notice"].tolist() == [True, True]


def test_solutions_and_assignments_compare_like_rosters() -> None:
    problem = _problem()
    old = [Assignment(employee="A", day=date(2026, 12, 20), shift="D")]
    new = Solution(status="OPTIMAL",
                   assignments=[Assignment(employee="A", day=date(2026, 12, 20), shift="N")])
    (c,) = diff_problem(problem, old, new, as_of=dt("2026-12-01 12:00"))
    assert (c.old, c.new, c.within_notice) == ("D", "N", False)
    assert diff_problem(problem, old, _roster({("A", 20): "D"}), as_of=dt("2026-12-01 12:00")) \
        == []
