"""What-if's result workbook (``roster whatif``): a copy of the input workbook with one sheet added.

The sheet is ``Scenarios``, or ``Scenario results`` when the input already has a ``Scenarios``
sheet (the scenario input); in Norwegian ``Scenarioresultater`` (every header, status, chart and
reason in the language given, catalogue entries ``whatif.*``, worded by
:mod:`scheduler.whatif.output`). It holds one row per scenario and two native bar charts
(coverage %, and uncovered / overtime / extra hours). The sheet carries the roster writer's
output marker, so a later run replaces it and the scenario reader never mistakes it for input.
Every user text (scenario names, messages) is written formula-safe; the file is saved
atomically.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName

from scheduler import i18n
from scheduler.io.excel import safe_save
from scheduler.io.sheets.columns import SCENARIOS
from scheduler.io.sheets.spec import norm
from scheduler.io.write import styles as st
from scheduler.io.write.book import MARKER, is_output_sheet
from scheduler.io.write.cells import put, put_text
from scheduler.io.write.printing import LINE_POINTS
from scheduler.whatif import tolerance as tol
from scheduler.whatif.output import (
    cap_text,
    caps_of,
    kpi_names,
    label,
    reason_text,
    shown_name,
    skills_of,
    status_text,
    verdict_text,
)
from scheduler.whatif.runner import ScenarioResult

HEADER_ALIGNMENT = Alignment(horizontal="center", vertical="center", wrap_text=True)
TOP = Alignment(vertical="top")
HEADER_PADDING = 3  # characters of a header cell taken by its margins and the filter button
NUMBER_FORMATS = {False: "#,##0.0", True: "0.00"}  # figures; the gap % (first) with 2 decimals


def result_title(wb: Any, lang: str = "en") -> str:
    """``Scenarios``, or ``Scenario results`` beside an input ``Scenarios`` sheet (Norwegian:
    ``Scenarioresultater``, never the input's ``Scenarier``)."""
    taken = {norm(ws.title) for ws in wb.worksheets}
    beside = bool(taken & SCENARIOS.names())
    base = i18n.text("whatif.sheet.results_beside_input" if beside else "whatif.sheet.results",
                     lang)
    title, n = base, 2
    while norm(title) in taken:
        title = f"{base} {n}"
        n += 1
    return title

def _headers(skills: list[str], caps: list[str], lang: str = "en") -> list[str]:
    def h(key: str, **args: Any) -> str:
        return label(key, lang, **args)

    return [h("scenario"), h("changes"), h("status"), h("gap"), h("bound"), h("vs_baseline"),
            h("better_on"), h("worse_on"), h("coverage"), h("shortfall"),
            *[h("uncovered", skill=s) for s in skills], h("overtime"), h("extra"), h("premium"),
            *[h("headroom", cap=cap_text(cap, lang)) for cap in caps], h("labour_cost"),
            h("contract_deviation"), h("requests"), h("nights_spread"), h("weekend_spread"),
            h("violations"), h("solve_s"), h("wall_s"), h("workers"), h("seed"),
            h("overtime_allowed"), h("error")]


def write_results_sheet(wb: Any, results: Sequence[ScenarioResult], lang: str = "en",
                        changes: Sequence[str] | None = None) -> str:
    """Add the result sheet (replacing our earlier one); returns its title. ``lang``: the
    language of the headers, verdicts, statuses, charts and reasons for no roster;
    ``changes``: each result's changes in words in that language (as the scenarios'
    ``describe(lang)``; else the English words the results carry)."""
    for ws in list(wb.worksheets):
        if is_output_sheet(ws) and norm(ws.title).startswith(norm("Scenario")):
            wb.remove(ws)
    title = result_title(wb, lang)
    ws = wb.create_sheet(title)
    quoted = title.replace("'", "''")
    ws.defined_names[MARKER] = DefinedName(MARKER, attr_text=f"'{quoted}'!$A$1", hidden=True)
    skills = skills_of(results)
    caps = caps_of(results)
    headers = _headers(skills, caps, lang)
    for c, header in enumerate(headers, start=1):
        cell = put(ws, 1, c, header)
        cell.font, cell.fill, cell.alignment = st.HEADER_FONT, st.HEADER_FILL, HEADER_ALIGNMENT
    base = tol.baseline_of(list(results))
    for i, r in enumerate(results):
        row = 2 + i
        f = r.figures
        better, worse = tol.better_worse(base, r) if base is not None else ([], [])
        values: list[Any] = [
            r.gap_pct, r.best_bound, verdict_text(results, r, lang), kpi_names(better, lang),
            kpi_names(worse, lang), None if f is None else f.coverage_pct,
            None if f is None else f.shortfall_person_shifts,
            *[None if f is None else f.uncovered_hours.get(s, 0.0) for s in skills],
            None if f is None else f.overtime_hours, None if f is None else f.extra_hours,
            None if f is None else f.overtime_premium_cost,
            *[None if f is None else f.overtime_headroom_hours.get(cap) for cap in caps],
            None if f is None else f.labour_cost,
            None if f is None else f.contract_deviation_hours,
            None if f is None else f.requests_granted_pct,
            None if f is None else f.nights_spread, None if f is None else f.weekend_spread,
            None if f is None else f.violations,
            r.solve_seconds, r.wall_seconds, r.workers, r.seed,
            i18n.text("whatif.yes" if r.allow_overtime else "whatif.no", lang),
        ]
        name = put_text(ws, row, 1, shown_name(r, lang))
        name.font, name.alignment = st.BOLD, TOP
        put_text(ws, row, 2, r.changes if changes is None else changes[i]).alignment = st.WRAP
        put(ws, row, 3, status_text(r.status, lang)).alignment = TOP
        for k, v in enumerate(values):
            cell = put(ws, row, 4 + k, v, NUMBER_FORMATS[k == 0] if isinstance(v, float) else None)
            # verdicts and figures named wrap in their column; a row reads from its top
            cell.alignment = st.WRAP if isinstance(v, str) else TOP
        put_text(ws, row, len(headers), r.error or reason_text(r, lang) or "").alignment = st.WRAP
        if r.status == "ERROR":
            ws.cell(row=row, column=3).font = st.RED_TEXT
        elif f is not None and f.coverage_pct < 100:
            ws.cell(row=row, column=headers.index(label("coverage", lang)) + 1).font = \
                st.RED_TEXT
    ws.freeze_panes = "B2"
    widths = {1: 26, 2: 48, 3: max([11, *(len(status_text(r.status, lang)) + 2 for r in results)])}
    for c in range(4, len(headers) + 1):
        widths[c] = 12
    for c in (6, 7, 8):  # vs baseline, better on, worse on: words
        widths[c] = 20
    widths[len(headers)] = 60
    lines = 1
    for c, w in widths.items():
        # a header wraps between its words, never inside one (the filter button takes ~3)
        w = max(w, max(len(word) for word in headers[c - 1].split()) + HEADER_PADDING)
        ws.column_dimensions[get_column_letter(c)].width = w
        lines = max(lines, len(textwrap.wrap(headers[c - 1], int(w) - HEADER_PADDING)))
    ws.row_dimensions[1].height = lines * LINE_POINTS
    if results:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{1 + len(results)}"
        _charts(ws, results, headers, skills, lang)
    return title


def _charts(ws: Any, results: Sequence[ScenarioResult], headers: list[str],
            skills: list[str], lang: str = "en") -> None:
    n = len(results)
    last = 1 + n
    anchor_row = last + 3
    col = headers.index
    cats = Reference(ws, min_col=1, min_row=2, max_row=last)

    cover = BarChart()
    cover.type = "col"
    cover.title = i18n.text("whatif.chart.coverage", lang)
    cover.y_axis.title = i18n.text("whatif.chart.coverage_axis", lang)
    cover.y_axis.scaling.min = 0
    cover.y_axis.scaling.max = 100
    cover.x_axis.delete = False
    cover.y_axis.delete = False
    c = col(label("coverage", lang)) + 1
    cover.add_data(Reference(ws, min_col=c, max_col=c, min_row=1, max_row=last),
                   titles_from_data=True)
    cover.set_categories(cats)
    cover.width, cover.height = max(16.0, 1.6 * n), 8.0
    ws.add_chart(cover, f"A{anchor_row}")

    hours = BarChart()
    hours.type = "col"
    hours.grouping = "clustered"
    hours.title = i18n.text("whatif.chart.hours", lang)
    hours.y_axis.title = i18n.text("whatif.chart.hours_axis", lang)
    hours.x_axis.delete = False
    hours.y_axis.delete = False
    for name in [*[label("uncovered", lang, skill=s) for s in skills], label("overtime", lang),
                 label("extra", lang)]:
        k = col(name) + 1
        hours.add_data(Reference(ws, min_col=k, max_col=k, min_row=1, max_row=last),
                       titles_from_data=True)
    hours.set_categories(cats)
    hours.width, hours.height = max(16.0, 1.6 * n), 8.0
    ws.add_chart(hours, f"A{anchor_row + 18}")


def write_results_workbook(input_path: Path, results: Sequence[ScenarioResult],
                           output_path: Path, input_bytes: bytes | None = None,
                           lang: str = "en", changes: Sequence[str] | None = None,
                           page: Callable[[Any], None] | None = None) -> str:
    """A copy of the input workbook (``input_bytes``: as read once at the start) with the
    result sheet, saved atomically; its title. ``page``: sets up how the result sheet prints
    (the caller's: the page setup lives with the workbook writer)."""
    source = io.BytesIO(input_bytes) if input_bytes is not None else input_path
    wb = load_workbook(source, keep_vba=False, keep_links=True)  # macros are never kept
    title = write_results_sheet(wb, results, lang, changes)
    if page is not None:
        page(wb[title])
    for ws in wb.worksheets:
        ws.sheet_view.tabSelected = ws.title == title
    wb.active = wb.sheetnames.index(title)
    safe_save(wb, output_path)
    return title
