"""The Summary sheet answers the planner first; the solver's figures are at the bottom."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from scheduler import summary as sm
from scheduler.model import roster_from_assignments
from tests.io.writer_kit import (
    _assignments,
    _problem,
    _write,
)


def _column_a(ws) -> list[object]:
    return [r[0] for r in ws.iter_rows(values_only=True)]


def test_planner_figures_first_solver_section_last(planner_book: Path) -> None:  # noqa: F811
    ws = load_workbook(_write(planner_book))["Summary"]
    a = _column_a(ws)
    solver = a.index("The solver")
    for label in ("Coverage %", "Shortfall (person-shifts below minimum)",
                  "Hard violations found by the checker", "Warnings found by the checker",
                  "Requests granted (request-days)", "Shortfalls: demand below its minimum",
                  "Largest deviations from contract hours", "Weekends and nights per person"):
        assert a.index(label) < solver, label
    for label in ("Status", "Objective", "Best bound", "Gap %", "Seed", "Wall time (s)"):
        assert a.index(label) > solver, label


def test_every_shortfall_listed_with_date_shift_skill_and_count(
        planner_book: Path) -> None:  # noqa: F811
    problem = _problem()
    rows = sm.coverage(problem, roster_from_assignments(problem, _assignments()))
    expected = [(r.day, r.shift, r.skill or "(any)", r.shortfall) for r in rows if r.shortfall]
    assert sum(n for *_, n in expected) == 6  # as the Summary's total says
    ws = load_workbook(_write(planner_book, problem))["Summary"]
    a = _column_a(ws)
    first = a.index("Shortfalls: demand below its minimum") + 2  # title, header, rows
    got = [(r[0].date(), r[1], r[2], r[3])
           for r in ws.iter_rows(min_row=first + 1, max_row=first + len(expected),
                                 values_only=True)]
    assert got == expected
    assert (date(2026, 5, 12), "N", "nurse", 1) in got  # two nurses wanted, E1 works it


def test_largest_deviation_first(planner_book: Path) -> None:  # noqa: F811
    ws = load_workbook(_write(planner_book))["Summary"]
    a = _column_a(ws)
    first = a.index("Largest deviations from contract hours") + 2
    devs = [r[4] for r in ws.iter_rows(min_row=first + 1, max_row=first + 3, values_only=True)]
    assert [abs(d) for d in devs] == sorted((abs(d) for d in devs), reverse=True)


def test_objective_figures_have_a_number_format(planner_book: Path) -> None:  # noqa: F811
    # an objective such as 186656.333333333 shows as 186,656.33 (the locale's separators)
    ws = load_workbook(_write(planner_book))["Summary"]
    rows = {r[0].value: r[1] for r in ws.iter_rows(min_col=1, max_col=2) if r[0].value}
    assert rows["Objective"].number_format == "#,##0.00"
    tiers = [cell for label, cell in rows.items()
             if isinstance(label, str) and label.startswith("Objective: ")]
    assert tiers and all(c.number_format == "#,##0.00" for c in tiers)
