"""A sheet as a table: its header row, the columns it maps, the rows under it.

Also the merged ranges a table refuses and the key | value sheets (Settings, Weights).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from openpyxl.utils import get_column_letter

from scheduler.errors import Collector
from scheduler.io import cells as C
from scheduler.io import sheets as S
from scheduler.io.used import UsedSheet


@dataclass
class Row:
    r: int
    cells: dict[int, Any]  # column index -> openpyxl cell
    cols: dict[str, int]  # field -> column index (shared with the table)

    def cell(self, fld: str) -> Any | None:
        col = self.cols.get(fld)
        return None if col is None else self.cells.get(col)

    def get(self, fld: str) -> Any:
        c = self.cell(fld)
        if c is None:
            return None
        v = c.value
        if isinstance(v, str) and not C.clean(v):
            return None
        return v

    def ref(self, fld: str | None) -> str:
        c = self.cell(fld) if fld else None
        if c is not None:
            return str(c.coordinate)
        if fld in self.cols:  # an empty cell of a known column (only used cells are kept)
            return f"{col_letter(self.cols[fld])}{self.r}"
        first = min(self.cells) if self.cells else 1
        return f"{col_letter(first)}{self.r}"


def col_letter(col: int) -> str:

    return str(get_column_letter(col))


@dataclass
class Table:
    title: str
    header_row: int
    cols: dict[str, int]
    headers: dict[int, tuple[str, str]]  # column index -> (header text, A1 of the header cell)
    rows: list[Row]


NOTE_HEADERS = {
    S.norm(x)
    for x in ("note", "notes", "comment", "comments", "kommentar", "merknad", "merknader",
              "sum", "total", "totalt", "help", "hjelp", "description", "forklaring")
}


def read_table(
    ws: Any, spec: S.SheetSpec, out: Collector, *, row_filter_extra: bool = False
) -> Table | None:
    """Find the header row, map its cells to ``spec`` columns, and collect non-empty rows."""
    title = ws.title
    all_rows = list(ws.iter_rows())  # only the rows that hold data (see scheduler.io.used)
    at = next((i for i, row_cells in enumerate(all_rows)
               if any(not C.is_empty(c.value) for c in row_cells)), None)
    if at is None:
        return Table(title, 0, {}, {}, [])
    header_row = all_rows[at][0].row
    lookup: dict[str, str] = {}
    for col in spec.columns:
        for n in col.names():
            lookup.setdefault(n, col.field)
    cols: dict[str, int] = {}
    headers: dict[int, tuple[str, str]] = {}
    for c in all_rows[at]:
        if C.is_empty(c.value) or getattr(c, "merged_from", None):
            continue  # a merged header is refused (merge_issues), never read twice
        label = C.text(c.value) or ""
        headers[c.column] = (label, c.coordinate)
        fld = lookup.get(S.norm(label))
        if fld is None:
            continue
        if fld in cols:
            out.add(f"the column {label!r} appears twice (as {spec.column(fld).en!r})", title,
                    c.coordinate)
            continue
        cols[fld] = c.column
    rows: list[Row] = []
    # The wide Demand layout also reads column A, whose header cell may be left blank.
    keep = set(headers) | ({1} if row_filter_extra else set())
    watched = keep if row_filter_extra else set(cols.values())
    for row_cells in all_rows[at + 1:]:
        cells = {c.column: c for c in row_cells if c.column in keep}
        if all(C.is_empty(c.value) for col, c in cells.items() if col in watched):
            continue
        rows.append(Row(row_cells[0].row, cells, cols))
    return Table(title, header_row, cols, headers, rows)


def merge_issues(ws: UsedSheet, table: Table, out: Collector, *, wide: bool = False) -> None:
    """Merged ranges a table refuses, each named (docs/workbook-format.md, "Merged cells").

    The loader already reads a merged range as its value in every covered cell
    (:mod:`scheduler.io.used`); that is what a planner means by "no" merged down the
    night-work column over three nurses. Refused instead, since one value cannot be meant
    for each: a range that touches the header row (each column needs its own header), and a
    range in the data rows across two or more columns that are read (two fields, or two
    shifts of the wide Demand layout). Ranges only in columns that are not read are ignored."""
    if not table.header_row:
        return
    if wide and not ("shift" in table.cols or "min" in table.cols):  # as read_demand decides
        mapped = set(table.cols.values())
        read = {table.cols.get("date", 1)} | {
            c for c, (label, _) in table.headers.items()
            if S.norm(label) not in NOTE_HEADERS and c not in mapped}
    else:
        read = set(table.cols.values())
    for m in getattr(ws, "merged", ()):
        covered = {c for c in read if m.min_col <= c <= m.max_col}
        if m.max_row < table.header_row or not covered:
            continue
        if m.min_row <= table.header_row:
            out.add(f"the cells {m.ref} are merged over the header row; unmerge them so that "
                    "each column has its own header", table.title, m.ref)
        elif len(covered) > 1:
            out.add(f"the cells {m.ref} are merged across {len(covered)} columns that are "
                    "read; unmerge them and give each column its own value", table.title,
                    m.ref)
        else:
            continue
        for row in table.rows:  # a refused range's copies are not read (no follow-on issues)
            row.cells = {c: cell for c, cell in row.cells.items()
                         if getattr(cell, "merged_from", None) != m.ref}


def missing_columns(table: Table, spec: S.SheetSpec, out: Collector,
                     needed: tuple[str, ...] | None = None) -> bool:
    """Report required columns that are absent; True when all are there."""
    ok = True
    fields = needed if needed is not None else tuple(c.field for c in spec.columns if c.required)
    for fld in fields:
        if fld not in table.cols:
            col = spec.column(fld)
            anchor = f"A{table.header_row}" if table.header_row else "A1"
            out.add(f"the required column {col.en!r} (Norwegian {col.nb!r}) is missing",
                    table.title, anchor)
            ok = False
    return ok


_HEADER_KEYS = {S.norm(x) for x in ("key", "setting", "innstilling", "nøkkel", "weight", "vekt",
                                    "name", "navn", "parameter")}


def key_values(ws: Any, keys: Any, what: str, out: Collector) -> dict[str, tuple[Any, str]]:
    """A key | value sheet (Settings, Weights): known key -> (raw value, A1 of the value).

    A header row ("key | value", "nøkkel | verdi") is skipped; unknown and repeated keys are
    reported at their cell."""
    lookup = {n: k.key for k in keys for n in k.names()}
    raw: dict[str, tuple[Any, str]] = {}
    for row in ws.iter_rows(min_col=1, max_col=2):
        by_col = {c.column: c for c in row}  # only used cells: B may be absent
        kcell, vcell = by_col.get(1), by_col.get(2)
        if kcell is None or C.is_empty(kcell.value):
            continue
        label = C.text(kcell.value) or ""
        n = S.norm(label)
        if n in _HEADER_KEYS and (vcell is None or S.norm(vcell.value or "") in
                                  {S.norm("value"), S.norm("verdi"), ""}):
            continue
        key = lookup.get(n)
        if key is None:
            known = ", ".join(k.key for k in keys)
            out.add(f"unknown {what} {label!r} (known: {known})", ws.title,
                         kcell.coordinate)
            continue
        if key in raw:
            out.add(f"the {what} {key!r} is given twice", ws.title, kcell.coordinate)
            continue
        ref = vcell.coordinate if vcell is not None else f"B{kcell.row}"
        raw[key] = (vcell.value if vcell is not None else None, ref)
    return raw
