"""Reading a timesheet (CSV or a workbook sheet) for ``roster check``, streamed row by row.

The format is described in :mod:`scheduler.io.roster.load`. Rows are read one at a time (a CSV
line by line, a workbook sheet in openpyxl's read-only mode), so memory holds the work periods,
not the file. Every row with a value is read or is an input error at its cell; a row whose
timesheet fields are all empty but that holds something in another column is listed in the
coverage as not read. Columns that are not timesheet fields are listed as ignored.

Times are compared as instants (an offset in the autumn DST hour means what it says); a start or
end that is only a date (an Excel date cell without a time, ``2026-03-02``) is an error, not
midnight; two rows of one employee that overlap are an error.

Why the CSV is read with the standard library's :mod:`csv` and not ``pandas.read_csv``
(issue 15 asked for pandas only where it keeps the same strict errors): the reader's only
hand-written parts are the separator choice (``;`` or ``,``, from the header line) and the UTF-8
check per line; every cell is parsed by the same strict functions as a workbook's cells (a
decimal comma included), which pandas would not replace. pandas would lose what the errors
need: a DataFrame's row is not the file's line once a quoted field holds a line break or a blank
line is skipped, so an error could not name its line; a row longer than the header is an error
there (or, with ``on_bad_lines="skip"``, dropped silently), where here it is read and its extra
cells are named as not read; bytes that are not UTF-8 are named by byte offset, not line. The
tests in ``tests/io/test_timesheet_csv_strict.py`` pin each of these.
"""

from __future__ import annotations

import csv
import io
from array import array
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import WINDOWS_EPOCH

from scheduler import i18n
from scheduler.errors import Collector
from scheduler.io.roster.grid import overlapping
from scheduler.io.roster.source import Coverage, RosterInput, cell_range, part
from scheduler.io.roster.values import (
    CANONICAL_COLUMNS,
    COLUMN_ALIASES,
    ON_CALL_WORDS,
    REQUIRED_COLUMNS,
    Unusable,
    as_text,
    parse_break,
    parse_datetime,
    parse_kind,
)
from scheduler.io.used import MergedRange, UsedRows, row_values, used_rows
from scheduler.model import PeriodKind, Roster, WorkPeriod

# The most timesheet rows one ``roster check`` reads: the check of that many work periods stays
# under 2 GiB of memory (docs/reliability.md, benchmarks/timesheet_bench.py). A longer timesheet
# is refused before it is read to the end; split it by period.
MAX_ROWS = 250_000


def _map_header(
    header: Sequence[Any], columns: dict[str, str], where: Any, col: Collector, sheet: str
) -> dict[str, int] | None:
    """Field -> column index; reports missing required columns. ``where(j)`` gives the cell."""
    folded = [as_text(h).lower() for h in header]
    out: dict[str, int] = {}
    for fld in CANONICAL_COLUMNS:
        wanted = (columns[fld].lower(),) if fld in columns else COLUMN_ALIASES[fld]
        for j, h in enumerate(folded):
            if h in wanted:
                out[fld] = j
                break
        else:
            if fld in columns:
                col.add(
                    i18n.msg("input.ts.no_column", header=repr(columns[fld]), field=fld,
                             has=", ".join(repr(as_text(h)) for h in header if as_text(h))),
                    sheet,
                    where(None),
                )
    missing = [f for f in REQUIRED_COLUMNS if f not in out and f not in columns]
    if missing:
        col.add(
            i18n.msg("input.ts.missing_columns", fields=", ".join(missing)),
            sheet,
            where(None),
        )
    if any(f not in out for f in REQUIRED_COLUMNS):
        return None
    return out


def _timesheet_rows(
    rows: Iterable[tuple[int, Sequence[Any]]],
    header: Sequence[Any],
    header_line: int,
    mapping: dict[str, int],
    path: Path,
    sheet: str,
    col: Collector,
    csv_mode: bool,
    epoch: datetime = WINDOWS_EPOCH,
) -> RosterInput:
    periods: list[WorkPeriod] = []
    lines = array("l")  # line of each period, for messages
    starts = array("d")  # epoch seconds of each period's start and end
    ends = array("d")
    coverage = Coverage("timesheet", sheet)
    used = set(mapping.values())
    unused = [j for j, h in enumerate(header) if j not in used and as_text(h)]
    if unused:
        coverage.ignored.append(part(
            ", ".join(f"{get_column_letter(j + 1)} ({as_text(header[j])})" for j in unused),
            "coverage.not_a_field"))
    fields = tuple(mapping.items())

    def ref(line: int, fld: str) -> tuple[str, str]:
        j = mapping[fld]
        a1 = f"{get_column_letter(j + 1)}{line}"
        name = as_text(header[j])
        prefix = (i18n.term("input.ts.at_line", line=line, column=repr(name)) if csv_mode
                  else i18n.term("input.ts.at_column", column=repr(name)))
        return a1, prefix

    has_break = "break_minutes" in mapping
    has_kind = "kind" in mapping
    has_passive = "passive_minutes" in mapping
    intern: dict[str, str] = {}  # one string per employee id, not one per row
    width = len(header)
    headless: list[tuple[int, int, int]] = []  # (line, first, last column) of headless cells
    count = 0
    for line, row in rows:
        vals = {f: (row[j] if j < len(row) else None) for f, j in fields}
        if all(as_text(v) == "" for v in vals.values()):
            extra = [j for j, v in enumerate(row) if as_text(v)]
            if extra:
                coverage.not_read.append(part(
                    cell_range(extra[0], line, extra[-1], line), "coverage.row_no_fields"))
            continue
        if len(row) > width:  # cells right of the header: no field, not read
            beyond = [j for j in range(width, len(row)) if as_text(row[j])]
            if beyond:
                headless.append((line, beyond[0], beyond[-1]))
        count += 1
        if count > MAX_ROWS:
            col.add(
                i18n.msg("input.ts.too_many_csv" if csv_mode else "input.ts.too_many",
                         line=line, max=f"{MAX_ROWS:,}"),
                sheet,
                f"A{line}",
            )
            break
        ok = True
        emp = as_text(vals["employee"])
        emp = intern.setdefault(emp, emp)
        if not emp:
            a1, pre = ref(line, "employee")
            col.add(i18n.msg("input.ts.no_employee", pre=pre), sheet, a1)
            ok = False
        parsed: dict[str, datetime] = {}
        for fld in ("start", "end"):
            try:
                parsed[fld] = parse_datetime(vals[fld], epoch)
            except ValueError as exc:
                a1, pre = ref(line, fld)
                col.add(i18n.msg(f"input.ts.bad_{fld}", pre=pre, why=_why(exc)), sheet, a1)
                ok = False
        brk: int | None = None
        if has_break:
            try:
                brk = parse_break(vals["break_minutes"])
            except ValueError as exc:
                a1, pre = ref(line, "break_minutes")
                col.add(i18n.msg("input.ts.bad_break", pre=pre, why=_why(exc)), sheet, a1)
                ok = False
        passive = 0
        if has_passive:
            try:
                passive = parse_break(vals["passive_minutes"]) or 0
            except ValueError as exc:
                a1, pre = ref(line, "passive_minutes")
                col.add(i18n.msg("input.ts.bad_passive", pre=pre, why=_why(exc)), sheet, a1)
                ok = False
        kind = PeriodKind.planned
        on_call = ON_CALL_WORDS.get(as_text(vals.get("kind")).lower()) if has_kind else None
        if has_kind and on_call is None:
            try:
                kind = parse_kind(vals["kind"])
            except ValueError as exc:
                a1, pre = ref(line, "kind")
                col.add(i18n.msg("input.ts.bad_kind", pre=pre, why=_why(exc)), sheet, a1)
                ok = False
        if not ok:
            continue
        t0, t1 = parsed["start"].timestamp(), parsed["end"].timestamp()
        seconds = t1 - t0
        if seconds <= 0:
            a1, pre = ref(line, "end")
            col.add(
                i18n.msg("input.ts.end_before", pre=pre, end=parsed["end"].isoformat(),
                         start=parsed["start"].isoformat()),
                sheet,
                a1,
            )
            continue
        if brk is not None and brk * 60 >= seconds:
            a1, pre = ref(line, "break_minutes")
            col.add(i18n.msg("input.ts.long_break", pre=pre, minutes=brk), sheet, a1)
            continue
        if passive * 60 > seconds:
            a1, pre = ref(line, "passive_minutes")
            col.add(i18n.msg("input.ts.long_passive", pre=pre, minutes=passive), sheet, a1)
            continue
        # Aware, end after start by instant (checked above): the WorkPeriod invariants hold.
        periods.append(
            WorkPeriod.model_construct(
                employee=emp,
                start=parsed["start"],
                end=parsed["end"],
                shift=None,
                break_minutes=brk,
                break_counts_as_work=True,
                kind=kind,
                on_call=on_call,
                passive_minutes=passive,  # § 10-4 (2)
            )
        )
        lines.append(line)
        starts.append(t0)
        ends.append(t1)
    for line, c0, c1 in headless:
        coverage.not_read.append(part(cell_range(c0, line, c1, line), "coverage.no_header"))
    # Overlapping rows of one employee would count the same hours twice.
    for a, b in overlapping(periods, starts, ends):
        pa, pb = periods[a], periods[b]
        a1 = ref(lines[b], "start")[0]
        col.add(
            i18n.msg("input.ts.overlap_csv" if csv_mode else "input.ts.overlap",
                     line=lines[b], employee=repr(pb.employee),
                     b=f"{pb.start:%Y-%m-%d %H:%M%z}–{pb.end:%Y-%m-%d %H:%M%z}", other=lines[a],
                     a=f"{pa.start:%Y-%m-%d %H:%M%z}–{pa.end:%Y-%m-%d %H:%M%z}"),
            sheet,
            a1,
        )
    order = sorted(range(len(periods)), key=lambda i: (periods[i].employee, starts[i]))
    employees = sorted({p.employee for p in periods})
    coverage.rows_read = len(periods)
    coverage.employees = len(employees)
    coverage.periods_read = len(periods)
    return RosterInput(
        path=path,
        kind="timesheet",
        roster=Roster.model_construct(periods=tuple(periods[i] for i in order)),
        sheet=sheet,
        employee_order=employees,
        lines=array("l", (lines[i] for i in order)),
        starts=array("d", (starts[i] for i in order)),
        ends=array("d", (ends[i] for i in order)),
        coverage=coverage,
    )


def _why(exc: ValueError) -> Any:
    """A parser's reason: its catalogue entry (shown in the language in force) when it has one."""
    return exc.msg if isinstance(exc, Unusable) else str(exc)


def _csv_lines(fh: Any, col: Collector) -> Iterator[str]:
    """Decoded lines of a CSV file (UTF-8, BOM dropped); stops at the first line that is not
    UTF-8, naming it."""
    for n, raw in enumerate(fh, start=1):
        try:
            text = raw.decode("utf-8-sig" if n == 1 else "utf-8")
        except UnicodeDecodeError:
            col.add(i18n.msg("input.ts.not_utf8", line=n))
            return
        if "\r" in text.rstrip("\r\n"):  # old Mac line ends (CR only) inside this line
            yield from io.StringIO(text, newline="")
        else:
            yield text


def read_csv_timesheet(path: Path, columns: dict[str, str], col: Collector) -> RosterInput:
    from scheduler.io.excel import MAX_BYTES

    empty = RosterInput(path, "timesheet", Roster(periods=()))
    size = path.stat().st_size
    if size > MAX_BYTES:
        col.add(i18n.msg("input.ts.too_big", file=path.name, mb=round(size / 1024 / 1024, 1),
                         max=MAX_BYTES // (1024 * 1024)))
        return empty
    with path.open("rb") as fh:
        lines = _csv_lines(fh, col)
        first: list[str] = []
        for text in lines:
            first.append(text)
            if text.strip():
                break
        if not first or not first[-1].strip():
            if not col.issues:
                col.add(i18n.msg("input.ts.csv_empty"))
            return empty
        delimiter = ";" if first[-1].count(";") > first[-1].count(",") else ","
        reader = csv.reader(_chain(first, lines), delimiter=delimiter)

        def body() -> Iterator[tuple[int, list[str]]]:
            for row in reader:
                yield reader.line_num, row

        try:
            header = [c.strip() for c in next(reader)]
            header_line = reader.line_num
            mapping = _map_header(header, columns, lambda j: "", col, "")
            if mapping is None:
                return empty
            return _timesheet_rows(body(), header, header_line, mapping, path, "", col,
                                   csv_mode=True)
        except csv.Error as exc:  # a NUL byte, a field over the csv module's size limit, ...
            col.add(i18n.msg("input.ts.bad_csv", line=reader.line_num, why=str(exc)))
            return empty


def _chain(first: list[str], rest: Iterator[str]) -> Iterator[str]:
    yield from first
    yield from rest


def read_sheet_timesheet(
    ws: Any, path: Path, columns: dict[str, str], col: Collector,
    epoch: datetime = WINDOWS_EPOCH,
) -> RosterInput:
    """A timesheet sheet; ``epoch``: the workbook's date system, for serial-number times."""
    sheet = ws.title
    stream = used_rows(ws)
    rows = _sheet_rows(stream)
    for r, values in rows:
        if any(as_text(v) for v in values):
            header, header_line = values, r
            break
    else:
        col.add(i18n.msg("input.ts.sheet_empty"), sheet)
        return RosterInput(path, "timesheet", Roster(periods=()), sheet)
    mapping = _map_header(header, columns, lambda j: f"A{header_line}", col, sheet)
    if mapping is None:
        return RosterInput(path, "timesheet", Roster(periods=()), sheet)
    out = _timesheet_rows(rows, header, header_line, mapping, path, sheet, col, csv_mode=False,
                          epoch=epoch)
    for _ in rows:  # read to the end: the merged ranges follow the rows
        pass
    _refuse_merged(stream.merged, header_line, max(mapping.values()), sheet, col)
    return out


def _sheet_rows(stream: UsedRows) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """(row, values) of each used row; a date cell whose number format shows no time of day
    (``yyyy-mm-dd``) is a :class:`datetime.date`, not midnight, so that it can be refused."""
    for r, cells in stream:
        values = row_values([c._replace(value=c.value.date()) if _date_only(c.value, c.number_format)
                             else c for c in cells])
        if values:
            yield r, values


def _date_only(value: Any, fmt: str) -> bool:
    return (isinstance(value, datetime) and value.time() == datetime.min.time()
            and "h" not in fmt.lower())


def _refuse_merged(merged: tuple[MergedRange, ...], header_line: int, last_col: int, sheet: str,
                   col: Collector) -> None:
    """A merged range over the timesheet's rows holds its value in its first cell only: the
    other rows would lose their employee, start or end. Refused, with the range named."""
    for m in merged:
        ref, c0, r1 = m.ref, m.min_col, m.max_row
        if r1 is None or c0 is None or r1 < header_line or c0 - 1 > last_col:
            continue
        col.add(
            i18n.msg("input.ts.merged", ref=ref, first=ref.split(":")[0]),
            sheet,
            ref,
        )
