"""A roster as read for ``roster check``, and what of the input was read (its coverage).

:class:`RosterInput` is what the grid reader (:mod:`scheduler.io.roster.grid`) and the timesheet
reader (:mod:`scheduler.io.roster.timesheet`) return: the work periods, where each sits in the source, and
a :class:`Coverage` that says what was read and what was not, with the cells.

Coverage has three lists, each item a cell range and a reason (catalogue key, so the table and
the xlsx report show it in English or Norwegian; the JSON uses English):

* ``not_read`` — cells in the input that were not read because they hold nothing the reader
  takes as roster data (no shift or day-off code: notes, totals, a stray far cell). Cells that do
  look like roster data are always read or are an input error (exit 2), never listed here.
* ``excluded`` — work periods outside the period checked, left out because ``--exclude-outside``
  asked for it (without it they are an input error).
* ``ignored`` — parts known not to be roster data: the legend and totals ``roster solve`` writes
  into its own Roster sheet, timesheet columns that are not one of its fields.

A report says "no findings" only when ``not_read`` and ``excluded`` are empty (:attr:`complete`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Literal

from openpyxl.utils import get_column_letter

from scheduler import i18n
from scheduler.clock import TZ
from scheduler.model import Roster

SourceKind = Literal["grid", "timesheet"]


@dataclass(frozen=True)
class Part:
    """A part of the input (cells, rows, lines or periods) and why it was not read or checked."""

    cells: str
    key: str  # catalogue key of the reason
    args: tuple[tuple[str, Any], ...] = ()

    def reason(self, lang: str = "en") -> str:
        return i18n.text(self.key, lang, **dict(self.args))

    def text(self, lang: str = "en") -> str:
        return f"{self.cells}: {self.reason(lang)}"

    def to_json(self) -> dict[str, str]:
        return {"cells": self.cells, "reason": self.reason("en")}


def part(cells: str, key: str, **args: Any) -> Part:
    return Part(cells, key, tuple(sorted(args.items())))


@dataclass
class Coverage:
    """What of the input was read and checked."""

    kind: SourceKind
    sheet: str = ""
    rows_read: int = 0  # grid: employee rows; timesheet: rows that became work periods
    employees: int = 0
    periods_read: int = 0
    periods_checked: int = 0
    period: tuple[date, date] | None = None
    period_from: str = ""  # "options", "settings" or "roster"
    not_read: list[Part] = field(default_factory=list)
    excluded: list[Part] = field(default_factory=list)
    ignored: list[Part] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        """Every part of the input that could hold work was read and checked."""
        return not self.not_read and not self.excluded

    def gaps(self) -> list[Part]:
        """What makes the check incomplete: cells not read, then periods excluded."""
        return [*self.not_read, *self.excluded]

    def summary(self, lang: str = "en") -> str:
        start, end = self.period or (None, None)
        return i18n.text(
            "coverage.summary", lang, rows=self.rows_read, employees=self.employees,
            periods=self.periods_checked, start=str(start or "-"), end=str(end or "-"),
            source=i18n.text(f"coverage.from_{self.period_from or 'roster'}", lang),
        )

    def to_json(self) -> dict[str, Any]:
        start, end = self.period or (None, None)
        return {
            "complete": self.complete,
            "source": self.kind,
            "sheet": self.sheet,
            "rows_read": self.rows_read,
            "employees": self.employees,
            "work_periods_read": self.periods_read,
            "work_periods_checked": self.periods_checked,
            "period_checked": {
                "start": start.isoformat() if start else None,
                "end": end.isoformat() if end else None,
                "from": self.period_from or "roster",
            },
            "not_read": [p.to_json() for p in self.not_read],
            "excluded": [p.to_json() for p in self.excluded],
            "ignored": [p.to_json() for p in self.ignored],
        }


@dataclass
class RosterInput:
    """The roster as read, with where each (employee, day) sits in the source grid."""

    path: Path
    kind: SourceKind
    roster: Roster
    sheet: str = ""  # source sheet ("" for CSV)
    days: list[date] = field(default_factory=list)  # grid date columns (grid only)
    employee_order: list[str] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)
    cells: dict[tuple[str, date], str] = field(default_factory=dict)  # A1 of each grid cell
    codes: dict[tuple[str, date], str] = field(default_factory=dict)  # cell text (grid only)
    # Timesheet: the line (CSV) or row (xlsx) of each period, in the order of roster.periods.
    lines: Sequence[int] = field(default_factory=list)
    # Epoch seconds of each period's start and end, in the order of roster.periods.
    starts: Sequence[float] = field(default_factory=list)
    ends: Sequence[float] = field(default_factory=list)
    coverage: Coverage | None = None

    def __post_init__(self) -> None:
        if self.coverage is None:
            self.coverage = Coverage(self.kind, self.sheet)
        if len(self.starts) != len(self.roster.periods):
            self.starts = [p.start.timestamp() for p in self.roster.periods]
            self.ends = [p.end.timestamp() for p in self.roster.periods]

    def span(self) -> tuple[date, date] | None:
        """The roster's own span: grid date columns, or first to last day worked."""
        if self.kind == "grid" and self.days:
            return self.days[0], self.days[-1]
        if not self.roster.periods:
            return None
        first, last = min(self.starts), max(self.ends)
        return (
            datetime.fromtimestamp(first, TZ).date(),
            (datetime.fromtimestamp(last, TZ) - timedelta(minutes=1)).date(),
        )

    def place(self, index: int) -> str:
        """Where period ``index`` of ``roster.periods`` is in the input (cell or line)."""
        p = self.roster.periods[index]
        if self.kind == "grid":
            return self.cells.get((p.employee, p.start.astimezone(TZ).date()), "")
        if index < len(self.lines):
            line = self.lines[index]
            return f"line {line}" if not self.sheet else f"row {line}"
        return ""


def cell_range(col0: int, row0: int, col1: int, row1: int) -> str:
    """``A9:AF31`` (0-based columns, Excel rows); one cell is ``A9``."""
    a = f"{get_column_letter(col0 + 1)}{row0}"
    b = f"{get_column_letter(col1 + 1)}{row1}"
    return a if a == b else f"{a}:{b}"


def runs(numbers: list[int]) -> list[tuple[int, int]]:
    """Consecutive runs of sorted ints: [3, 4, 5, 9] -> [(3, 5), (9, 9)]."""
    out: list[tuple[int, int]] = []
    for n in numbers:
        if out and n == out[-1][1] + 1:
            out[-1] = (out[-1][0], n)
        else:
            out.append((n, n))
    return out
