"""The comparison of a sweep: one table in the terminal (rich), JSON, and a result workbook.

The result workbook is a copy of the input workbook with one sheet added: ``Scenarios``, or
``Scenario results`` when the input already has a ``Scenarios`` sheet (the scenario input);
in Norwegian ``Scenarioresultater`` (every header, status, chart and reason in the language
given, catalogue entries ``whatif.*``). It
holds one row per scenario and two native bar charts (coverage %, and uncovered / overtime /
extra hours). The sheet carries the roster writer's output marker, so a later run replaces it and
the scenario reader never mistakes it for input. Every user text (scenario names, messages) is
written formula-safe; the file is saved atomically.
"""

from __future__ import annotations

import io
import re
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
from scheduler.whatif import tolerance as tol
from scheduler.whatif.changes import BASELINE, Scenario
from scheduler.whatif.runner import ScenarioResult, budget_note, no_roster_reason
from scheduler.workbook import styles as st
from scheduler.workbook.excel import safe_save
from scheduler.workbook.read.scenarios import SCENARIOS
from scheduler.workbook.roster_writer import MARKER, is_output_sheet, put, put_text
from scheduler.workbook.sheets import norm

HEADER_ALIGNMENT = Alignment(horizontal="center", vertical="center", wrap_text=True)
TOP = Alignment(vertical="top")
HEADER_PADDING = 3  # characters of a header cell taken by its margins and the filter button
LINE_POINTS = 15.0  # one line of 11 pt text
NUMBER_FORMATS = {False: "#,##0.0", True: "0.00"}  # figures; the gap % (first) with 2 decimals


def skills_of(results: Sequence[ScenarioResult]) -> list[str]:
    seen: dict[str, None] = {}
    for r in results:
        if r.figures:
            for k in r.figures.uncovered_hours:
                seen.setdefault(k, None)
    return list(seen)


def result_dict(r: ScenarioResult, base: ScenarioResult | None = None) -> dict[str, Any]:
    """One scenario as a flat JSON object (figures inline); against ``base`` (the Baseline
    row) its verdict (:mod:`scheduler.whatif.tolerance`) and the figures it is better / worse
    on, outside the solvers' tolerance."""
    out: dict[str, Any] = {
        "name": r.name,
        "status": r.status,
        "changes": r.changes,
        "error": r.error,
        "reason": r.reason,
        "gap_pct": r.gap_pct,
        "objective": r.objective,
        "best_bound": r.best_bound,
        "from_baseline": r.from_baseline,
        "rounds": r.rounds,
        "time_given": r.time_given,
        "budget_note": budget_note(r),
        "solve_seconds": r.solve_seconds,
        "wall_seconds": r.wall_seconds,
        "seed": r.seed,
        "workers": r.workers,
        "stopped_by": r.stopped_by,
        "reproducible": r.reproducible,
        "allow_overtime": r.allow_overtime,
    }
    if r.figures is not None:
        figs = r.figures.model_dump()
        figs["uncovered_hours_total"] = r.figures.uncovered_total
        out.update(figs)
    if r.conflicts:
        out["conflicts"] = r.conflicts
    if base is not None:
        better, worse = tol.better_worse(base, r)
        out.update(vs_baseline=tol.verdict(base, r), better_on=better, worse_on=worse)
    return out


def json_report(results: Sequence[ScenarioResult], **run: Any) -> dict[str, Any]:
    base = tol.baseline_of(list(results))
    return {"scenarios": [result_dict(r, base) for r in results], **run}


def verdict_text(results: Sequence[ScenarioResult], r: ScenarioResult, lang: str = "en") -> str:
    base = tol.baseline_of(list(results))
    return "" if base is None else i18n.text(f"whatif.verdict.{tol.verdict(base, r)}", lang)


def kpi_names(keys: Sequence[str], lang: str = "en") -> str:
    return ", ".join(i18n.text(f"whatif.kpi.{k}", lang) for k in keys)


# --------------------------------------------------------------------------------------------
# Terminal


def _num(x: float | int | None, nd: int = 1, lang: str = "en") -> str:
    if x is None:
        return "–"
    if isinstance(x, int):
        return i18n.number(x, "", lang) if lang == "nb" else str(x)
    # Norwegian: a decimal comma and a space between thousands (from 10 000)
    return i18n.number(x, f".{nd}f", lang) if lang == "nb" else f"{x:,.{nd}f}"


def label(key: str, lang: str = "en", **args: Any) -> str:
    """A column / row label of the comparison (``whatif.col.*``)."""
    return i18n.text(f"whatif.col.{key}", lang, **args)


def status_text(status: str, lang: str = "en") -> str:
    """The solver's status as people read it (the JSON keeps the status itself)."""
    key = f"whatif.status.{status}"
    return i18n.text(key, lang) if key in i18n.catalogue("en") else status


def shown_name(r: ScenarioResult, lang: str = "en") -> str:
    """The scenario's name as people read it: the baseline's in the language (the JSON and the
    roster files keep ``Baseline``)."""
    return i18n.text("whatif.baseline_name", lang) if r.name == BASELINE else r.name


def cap_text(cap: str, lang: str = "en") -> str:
    key = f"whatif.cap.{cap}"
    return i18n.text(key, lang) if key in i18n.catalogue("en") else cap


def _rows(results: Sequence[ScenarioResult], baseline: ScenarioResult | None = None,
          lang: str = "en") -> list[tuple[str, list[str]]]:
    """(figure, value per scenario) for the terminal table."""
    skills = skills_of(results)

    base = tol.baseline_of(list(results)) if baseline is None else baseline

    def num(x: float | int | None, nd: int = 1) -> str:
        return _num(x, nd, lang)

    def marked(r: ScenarioResult, key: str | None, text: str) -> str:
        """``≈`` after a figure that differs within the tolerance; green / red outside it."""
        if key is None or base is None or r is base or r.figures is None:
            return text
        v = tol.verdict(base, r)
        if v == "within" and base.figures is not None and \
                tol.value(base.figures, key) != tol.value(r.figures, key):
            return f"{text} ≈"
        c = tol.change(base, r, key)
        return f"[green]{text}[/]" if c > 0 else f"[red]{text}[/]" if c < 0 else text

    def fig(get: Any, nd: int = 1, key: str | None = None) -> list[str]:
        return [marked(r, key, num(get(r.figures), nd)) if r.figures is not None else "–"
                for r in results]

    def status(r: ScenarioResult) -> str:
        words = status_text(r.status, lang)
        return f"[red]{words}[/]" if r.status == "ERROR" else words

    rows: list[tuple[str, list[str]]] = [
        (label("status", lang), [status(r) for r in results]),
        (label("vs_baseline", lang), [verdict_text(results, r, lang) if base is not None else ""
                                      for r in results]),
        (label("coverage", lang), [
            ("–" if r.figures is None else marked(r, "coverage_pct",
             (f"[yellow]{num(r.figures.coverage_pct)}[/]" if r.figures.coverage_pct < 100
              else num(r.figures.coverage_pct)))) for r in results]),
    ]
    for s in skills:
        rows.append((label("uncovered", lang, skill=s),
                     fig(lambda f, s=s: f.uncovered_hours.get(s, 0.0))))
    rows += [
        (label("overtime", lang), fig(lambda f: f.overtime_hours, key="overtime_hours")),
        (label("extra", lang), fig(lambda f: f.extra_hours, key="extra_hours")),
        (label("premium", lang), fig(lambda f: f.overtime_premium_cost, 0)),
        *[(label("headroom", lang, cap=cap_text(cap, lang)),
           fig(lambda f, cap=cap: f.overtime_headroom_hours.get(cap)))
          for cap in caps_of(results)],
        (label("labour_cost", lang), fig(lambda f: f.labour_cost, 0, key="labour_cost")),
        (label("contract_deviation", lang), fig(lambda f: f.contract_deviation_hours,
                                                key="contract_deviation_hours")),
        (label("requests", lang), fig(lambda f: f.requests_granted_pct,
                                      key="requests_granted_pct")),
        (label("nights_spread", lang), fig(lambda f: f.nights_spread, key="nights_spread")),
        (label("weekend_spread", lang), fig(lambda f: f.weekend_spread, key="weekend_spread")),
        (label("violations", lang), fig(lambda f: f.violations)),
        (label("gap", lang), [num(r.gap_pct, 2) for r in results]),
        (label("bound", lang), [num(r.best_bound, 1) for r in results]),
        (label("wall_s", lang), [num(r.wall_seconds) for r in results]),
    ]
    return rows


def rich_tables(results: Sequence[ScenarioResult], width: int = 100,
                title: str | None = None, lang: str = "en") -> list[Any]:
    """Figures as rows, scenarios as columns; as many tables as the terminal width needs."""
    title = i18n.text("whatif.title", lang) if title is None else title
    from rich.table import Table
    from rich.text import Text

    label_width, col_width = 22, 12
    per = max(1, (width - label_width - 4) // (col_width + 3))
    tables = []
    for start in range(0, len(results), per):
        chunk = list(results[start:start + per])
        t = Table(title=title if start == 0 else None, header_style="bold")
        t.add_column("", style="bold", overflow="fold", min_width=label_width)
        for r in chunk:
            # Text, not markup: a scenario named "[week 2]" or "[/b]" is shown as written,
            # folded over lines when long, never cut.
            t.add_column(Text(shown_name(r, lang), overflow="fold"), justify="right", overflow="fold",
                         max_width=col_width)
        for name, values in _rows(chunk, tol.baseline_of(list(results)), lang):
            # labels may name a skill from the workbook (plain text); values are ours
            t.add_row(Text(name), *(Text.from_markup(v) for v in values))
        tables.append(t)
    return tables


def error_lines(results: Sequence[ScenarioResult], lang: str = "en") -> list[str]:
    return [f"{shown_name(r, lang)}: {r.error}" for r in results if r.status == "ERROR"]


def no_roster_lines(results: Sequence[ScenarioResult], lang: str = "en") -> list[str]:
    """``name: why`` for every scenario that ran but found no roster (``why`` in ``lang``)."""
    return [f"{shown_name(r, lang)}: {_reason(r, lang) or r.reason}" for r in results
            if r.status != "ERROR" and r.reason]


def short_of_target_lines(results: Sequence[ScenarioResult], lang: str = "en") -> list[str]:
    """``name: gap … > target …`` for every scenario less well proven than its target."""
    return [f"{shown_name(r, lang)}: {note}" for r in results
            if (note := budget_note(r, lang)) is not None]


def _reason(r: ScenarioResult, lang: str) -> str | None:
    """Why ``r`` has no roster, in ``lang`` (its conflicts too), or why it is less well proven
    than its target gap."""
    conflicts = [c.text(lang) for c in r.conflict_items] or r.conflicts
    return no_roster_reason(r.status, r.stopped_by, conflicts, lang) or budget_note(r, lang)


def failed(results: Sequence[ScenarioResult]) -> bool:
    """At least one scenario ended in ERROR or without a roster."""
    return any(r.status == "ERROR" or not r.ok for r in results)


# --------------------------------------------------------------------------------------------
# Workbook


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


def caps_of(results: Sequence[ScenarioResult]) -> list[str]:
    """The overtime caps any scenario reports headroom for, shortest first."""
    order = {"7d": 0, "4w": 1, "26w": 2, "52w": 3}
    found = {c for r in results if r.figures is not None for c in r.figures.overtime_headroom_hours}
    return sorted(found, key=lambda c: order.get(c, 9))


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
        put_text(ws, row, len(headers), r.error or _reason(r, lang) or "").alignment = st.WRAP
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


def slug(name: str) -> str:
    s = re.sub(r"[^0-9A-Za-zÆØÅæøå._-]+", "-", name).strip("-._")
    return s[:60] or "scenario"


def roster_file_names(results: Sequence[ScenarioResult] | Sequence[Scenario]) -> list[str]:
    """``01-Baseline.xlsx``, ``02-Two-fewer-RN.xlsx``, … (unique, safe file names); the same
    from the scenarios (before solving) as from their results."""
    width = max(2, len(str(len(results))))
    return [f"{i:0{width}d}-{slug(r.name)}.xlsx" for i, r in enumerate(results, start=1)]


__all__ = ["error_lines", "failed", "json_report", "no_roster_lines", "short_of_target_lines", "verdict_text", "result_dict", "rich_tables", "roster_file_names",
           "write_results_sheet", "write_results_workbook"]
