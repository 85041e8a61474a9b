"""The header of a roster grid: where the ids, names and dates are (:class:`Grid`), found in the
first rows; a date twice, dates out of order and merged cells over the grid are input errors."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from openpyxl.utils import get_column_letter

from scheduler import i18n
from scheduler.errors import Collector
from scheduler.io.roster.values import HEADER_SCAN_ROWS, as_text, parse_day
from scheduler.io.used import MergedRange

NAME_HEADERS = ("name", "navn", "employee name", "ansattnavn")


class Grid:
    """The header of a grid sheet: where the ids, names and dates are."""

    def __init__(self, header_row: int, header: Sequence[Any], epoch: datetime) -> None:
        self.row = header_row
        self.header = header
        self.id_col = next((j for j, v in enumerate(header) if as_text(v)), 0)
        first_date = next(j for j, v in enumerate(header)
                          if j > 0 and parse_day(v, epoch) is not None)
        if first_date <= self.id_col:
            self.id_col = 0
        self.date_cols: list[tuple[int, date]] = []
        for j in range(first_date, len(header)):
            d = parse_day(header[j], epoch)
            if d is not None:
                self.date_cols.append((j, d))
        self.name_col: int | None = None
        between = list(range(self.id_col + 1, first_date))
        for j in between:
            if as_text(header[j]).lower() in NAME_HEADERS:
                self.name_col = j
                break
        if self.name_col is None and between:
            self.name_col = between[0]
        self.read_cols = {self.id_col, *(j for j, _ in self.date_cols)}
        if self.name_col is not None:
            self.read_cols.add(self.name_col)


def find_header(rows: Sequence[tuple[int, tuple[Any, ...]]], epoch: datetime) -> int | None:
    for i, (r, row) in enumerate(rows):
        if r > HEADER_SCAN_ROWS:
            return None
        if any(parse_day(v, epoch) is not None for v in row[1:]):
            return i
    return None


def refuse_merged(g: Grid, merged: Sequence[MergedRange], sheet: str, col: Collector) -> None:
    """A merged range in the grid (from the header row down, over the id, name or date
    columns) holds its value in its first cell only: the other days would read as days off and
    the other employees as blank. Refused, with the range named."""
    last = max(j for j, _ in g.date_cols)
    for m in merged:
        ref = m.ref
        if None in (m.max_row, m.max_col, m.min_col, m.min_row):
            continue
        if m.max_row < g.row or m.min_col - 1 > last:
            continue  # a title above the grid, or cells right of the dates
        col.add(
            i18n.msg("input.grid.merged", ref=ref, first=ref.split(":")[0]),
            sheet,
            ref,
        )


def check_header(g: Grid, sheet: str, col: Collector) -> None:
    seen: dict[date, int] = {}
    for j, d in g.date_cols:
        if d in seen:
            col.add(
                i18n.msg("input.grid.date_twice", day=d.isoformat(),
                         cell=f"{get_column_letter(seen[d] + 1)}{g.row}"),
                sheet,
                f"{get_column_letter(j + 1)}{g.row}",
            )
        seen.setdefault(d, j)
    for (_, a), (j, b) in zip(g.date_cols, g.date_cols[1:], strict=False):
        if b < a:
            col.add(
                i18n.msg("input.grid.dates_order", b=b.isoformat(), a=a.isoformat()),
                sheet,
                f"{get_column_letter(j + 1)}{g.row}",
            )
            break
