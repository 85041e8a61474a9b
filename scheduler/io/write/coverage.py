"""The ``Coverage`` sheet: planned against required per date × shift × skill (a shortfall says
why when no one may legally work it), a daily table and a bar chart of it."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.chart import BarChart, Reference
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from scheduler import i18n
from scheduler import summary as sm
from scheduler.io.write import styles as st
from scheduler.io.write.cells import (
    header,
    labels,
    put,
    put_text,
    widths,
)
from scheduler.model import Problem, Roster

COVERAGE_KEYS = tuple(f"sheet.coverage.{k}" for k in (
    "date", "weekday", "shift", "skill", "required", "target", "planned", "shortfall", "why"))
DAILY_KEYS = ("sheet.coverage.date", "sheet.coverage.required", "sheet.coverage.planned")
COVERAGE_HEADERS = labels(COVERAGE_KEYS)
DAILY_HEADERS = labels(DAILY_KEYS)


def write_coverage_sheet(
    ws: Worksheet, problem: Problem, rows: Sequence[sm.CoverageRow], lang: str = "en",
    *, allow_overtime: bool = False, roster: Roster | None = None,
) -> None:
    """Coverage per demand row; a shortfall no one may legally work says why (the paragraph and
    the reason, from :mod:`scheduler.feasibility`)."""
    header(ws, 1, labels(COVERAGE_KEYS, lang))
    analysis = None
    if any(r.shortfall for r in rows):
        from scheduler import feasibility

        analysis = feasibility.analyse(problem, allow_overtime)
    for i, row in enumerate(rows):
        r = 2 + i
        put(ws, r, 1, row.day, st.DATE_FMT)
        put(ws, r, 2, i18n.text(f"weekday_short.{row.day.weekday()}", lang))
        put_text(ws, r, 3, row.shift)
        put_text(ws, r, 4, row.skill or i18n.text("sheet.coverage.any_skill", lang))
        put(ws, r, 5, row.required)
        put(ws, r, 6, row.target)
        put(ws, r, 7, row.planned)
        short = put(ws, r, 8, row.shortfall)
        if row.shortfall:
            for col in range(1, 9):
                ws.cell(row=r, column=col).fill = st.fill(st.SHORTFALL)
            short.font = st.RED_TEXT
            ws.cell(row=r, column=7).font = st.RED_TEXT
            if analysis is not None:
                why = (analysis.reason_for(row.day, row.shift, row.skill, lang) if roster is None
                       else feasibility.after_solve(problem, roster, analysis, row.day, row.shift,
                                                    row.skill, allow_overtime, lang))
                put_text(ws, r, 9, why)
    if not rows:
        put(ws, 2, 1, i18n.text("sheet.coverage.no_demand", lang))
    else:
        ws.auto_filter.ref = f"A1:I{1 + len(rows)}"
    ws.freeze_panes = "A2"
    widths(ws, {1: 12, 2: 9, 3: 9, 4: 14, 5: 10, 6: 9, 7: 9, 8: 10, 9: 60})

    daily = sm.daily_coverage(rows)
    col0 = len(COVERAGE_HEADERS) + 2  # one blank column between the tables
    header(ws, 1, labels(DAILY_KEYS, lang), col0)
    for i, (d, req, got) in enumerate(daily):
        put(ws, 2 + i, col0, d, st.DATE_FMT)
        put(ws, 2 + i, col0 + 1, req)
        put(ws, 2 + i, col0 + 2, got)
    widths(ws, {col0: 12, col0 + 1: 10, col0 + 2: 10})
    if daily:
        chart = BarChart()
        chart.type = "col"
        chart.title = i18n.text("sheet.coverage.chart_title", lang)
        chart.y_axis.title = i18n.text("sheet.coverage.chart_y", lang)
        chart.x_axis.title = i18n.text("sheet.coverage.chart_x", lang)
        chart.x_axis.number_format = "dd.mm"
        chart.x_axis.delete = False  # openpyxl 3.1 otherwise leaves the axes hidden in Excel
        chart.y_axis.delete = False
        data = Reference(ws, min_col=col0 + 1, max_col=col0 + 2, min_row=1, max_row=1 + len(daily))
        cats = Reference(ws, min_col=col0, min_row=2, max_row=1 + len(daily))
        chart.add_data(data, titles_from_data=True)
        chart.set_categories(cats)
        chart.legend.position = "b"  # below the plot: the series names are never cut
        chart.width = max(16.0, 0.6 * len(daily))
        chart.height = 8.0
        ws.add_chart(chart, f"{get_column_letter(col0 + 4)}2")
