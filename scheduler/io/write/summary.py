"""The ``Summary`` sheet: what a planner asks first (coverage, shortfalls, violations, wishes,
overtime, the largest deviations from contract hours, weekends and nights per person), then the
solver's figures at the bottom."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from openpyxl.worksheet.worksheet import Worksheet

from constraints.base import RULESET_VERSION, Finding, Severity
from scheduler import __version__, i18n, weekends
from scheduler import extra_time as xt
from scheduler import summary as sm
from scheduler.io.write import styles as st
from scheduler.io.write.cells import (
    header,
    labels,
    local_naive,
    put,
    put_text,
    round_hours,
    widths,
)
from scheduler.io.write.run import RunInfo, shows_overtime
from scheduler.model import Problem, Roster
from scheduler.solution import Solution, roster_of
from scheduler.whatif import metrics


def write_summary_sheet(
    ws: Worksheet,
    problem: Problem,
    solution: Solution,
    findings: Sequence[Finding],
    rows: Sequence[sm.CoverageRow],
    run: RunInfo,
    lang: str = "en",
    extra: xt.Ledger | None = None,
) -> None:
    """What a planner asks first (coverage, every shortfall, violations and warnings, requests
    granted, overtime, the largest deviations from contract hours, weekends and nights per
    person), then the solver's figures in a section at the bottom."""
    def t(key: str, **args: object) -> str:
        return i18n.text(f"sheet.summary.{key}", lang, **args)

    roster = roster_of(problem, solution)
    header(ws, 1, [t("item"), t("value")])
    n_viol = sum(1 for f in findings if f.severity == Severity.violation)
    granted, wished = metrics.requests_granted(problem, roster)
    items: list[tuple[str, object, str | None]] = [
        (t("horizon_start"), problem.settings.start, st.DATE_FMT),
        (t("horizon_end"), problem.settings.end, st.DATE_FMT),
        (t("coverage"), round(sm.coverage_pct(rows), 2), None),
        (t("shortfall"), sum(r.shortfall for r in rows), None),
        (t("violations"), n_viol, None),
        (t("warnings"), len(findings) - n_viol, None),
        (t("requests_granted"), granted, None),
        (t("requests_total"), wished, None),
    ]
    items += _overtime_items(problem, roster, run, t, extra)
    r = _items(ws, 2, items)
    r = _texts(ws, r, ((t("site"), problem.settings.site_name),))
    r = _shortfall_table(ws, r + 1, rows, lang)
    r = _deviation_table(ws, r + 1, problem, roster, lang)
    r = _per_person_table(ws, r + 1, problem, roster, lang)
    if solution.conflicts:
        put(ws, r + 1, 1, t("conflicts")).font = st.BOLD
        header(ws, r + 2, [t("conflict_rule"), t("conflict_employee"), t("conflict_days"),
                            t("conflict_explanation")])
        for k, con in enumerate(solution.conflicts):
            put(ws, r + 3 + k, 1, con.rule)
            put_text(ws, r + 3 + k, 2, con.employee or "")
            put(ws, r + 3 + k, 3, ", ".join(d.isoformat() for d in con.days))
            put_text(ws, r + 3 + k, 4, con.message)
        r += 3 + len(solution.conflicts)

    # The solver's figures, at the bottom.
    search = sm.search_outcome(solution, run.options.time_limit, lang)
    solver: list[tuple[str, object, str | None]] = [
        (t("status"), _status(solution.status, lang) + (t("stopped") if run.interrupted else ""),
         None),
        (t("objective"), solution.objective, st.OBJECTIVE_FMT),
    ]
    for tier, value in solution.objective_by_tier.items():
        solver.append((t("objective_tier", tier=_known(f"sheet.summary.tier.{tier}", tier, lang)),
                       value, st.OBJECTIVE_FMT))
    solver += [
        (t("best_bound"), solution.best_bound, st.OBJECTIVE_FMT),
        (t("gap"), None if solution.gap_pct is None else round(solution.gap_pct, 3), None),
        (t("wall_time"), round(solution.wall_seconds, 2), None),
        (t("first_solution"),
         None if solution.first_solution_seconds is None else round(solution.first_solution_seconds, 2),
         None),
        (t("time_limit"), run.options.time_limit, None),
        (t("work_limit"), solution.work_limit, None),
        (t("work"), round(solution.work, 4), None),
        (t("stopped_by"), search[0], None),
        (t("reproducible"), search[1], None),
        (t("seed"), solution.seed, None),
        (t("workers"), solution.workers, None),
        (t("ruleset"), RULESET_VERSION, None),
        (t("version"), __version__, None),
        (t("sha"), run.input_sha256, None),
    ]
    if run.written_at is not None:
        solver.append((t("written_at"), local_naive(run.written_at), st.DATETIME_FMT))
    header(ws, r + 1, [t("solver_section"), ""])
    r = _items(ws, r + 2, solver)
    _texts(ws, r, ((t("input_file"), run.input_path.name),))
    widths(ws, {1: 40, 2: 40})


def _items(ws: Worksheet, row: int, items: Sequence[tuple[str, object, str | None]]) -> int:
    """Label/value rows from ``row``; returns the next free row."""
    for i, (label, value, fmt) in enumerate(items):
        put(ws, row + i, 1, label).font = st.BOLD
        put(ws, row + i, 2, value, fmt).alignment = st.WRAP
    return row + len(items)


def _texts(ws: Worksheet, row: int, items: Sequence[tuple[str, str]]) -> int:
    """Label/user-text rows (written as text, never a formula); returns the next free row."""
    for i, (label, text) in enumerate(items):
        put(ws, row + i, 1, label).font = st.BOLD
        put_text(ws, row + i, 2, text)
    return row + len(items)


def _table(ws: Worksheet, row: int, title: str, headers: Sequence[str],
           body: Sequence[Sequence[tuple[object, str | None]]], empty: str = "") -> int:
    """A titled table from ``row`` (user text in the first two columns goes in as text);
    returns the row after it."""
    put(ws, row, 1, title).font = st.BOLD
    header(ws, row + 1, headers)
    if not body and empty:
        put(ws, row + 2, 1, empty)
        return row + 3
    for i, values in enumerate(body):
        for k, (value, fmt) in enumerate(values):
            if isinstance(value, str):
                put_text(ws, row + 2 + i, 1 + k, value)
            else:
                put(ws, row + 2 + i, 1 + k, value, fmt)
    return row + 2 + len(body)


def _shortfall_table(ws: Worksheet, row: int, rows: Sequence[sm.CoverageRow], lang: str) -> int:
    """Every demand row below its minimum: date, shift, skill, how many are missing."""
    body = [[(r.day, st.DATE_FMT), (r.shift, None),
             (r.skill or i18n.text("sheet.coverage.any_skill", lang), None), (r.shortfall, None)]
            for r in rows if r.shortfall]
    end = _table(ws, row, i18n.text("sheet.summary.shortfalls", lang),
                 labels(("sheet.coverage.date", "sheet.coverage.shift", "sheet.coverage.skill",
                          "sheet.coverage.shortfall"), lang),
                 body, i18n.text("sheet.summary.no_shortfalls", lang))
    for k in range(len(body)):
        ws.cell(row=row + 2 + k, column=4).font = st.RED_TEXT
    return end


SUMMARY_DEVIATIONS = 5  # the largest deviations from contract hours shown in the Summary


def _deviation_table(ws: Worksheet, row: int, problem: Problem, roster: Roster, lang: str) -> int:
    """The employees furthest from their contract hours (largest |hours - contract| first)."""
    totals = sm.employee_totals(problem.settings, roster, problem.employees,
                                sm.unavailable_days(problem), problem.agreements)
    names = {e.id: e.name for e in problem.employees}
    top = sorted(totals, key=lambda t: (-abs(t.deviation), t.employee))[:SUMMARY_DEVIATIONS]
    body = [[(t.employee, None), (names.get(t.employee, ""), None),
             (round_hours(t.hours), st.HOURS_FMT), (round_hours(t.contract), st.HOURS_FMT),
             (round_hours(t.deviation), st.HOURS_FMT)] for t in top]
    return _table(ws, row, i18n.text("sheet.summary.deviations", lang),
                  labels(("sheet.roster.employee", "sheet.roster.name", "sheet.roster.hours",
                           "sheet.roster.contract", "sheet.roster.deviation"), lang), body)


def _per_person_table(ws: Worksheet, row: int, problem: Problem, roster: Roster,
                      lang: str) -> int:
    """Weekends worked and night shifts per employee (the solver's fairness measures)."""
    days = problem.days()
    starts: dict[str, set[date]] = {}
    for p in roster.periods:
        starts.setdefault(p.employee, set()).add(sm.start_day(p.start))
    nights, _ = metrics.shift_counts(problem, roster)
    body = [[(e.id, None), (e.name, None),
             (sum(weekends.worked(days, starts.get(e.id, set()))), None),
             (nights.get(e.id, 0), None)] for e in problem.employees]
    return _table(ws, row, i18n.text("sheet.summary.per_person", lang),
                  labels(("sheet.roster.employee", "sheet.roster.name", "sheet.weekends.worked",
                           "sheet.summary.nights"), lang), body)


def _known(key: str, fallback: str, lang: str) -> str:
    """The catalogue entry ``key`` in ``lang``, or ``fallback`` (an identifier) without one."""
    return i18n.text(key, lang) if key in i18n.catalogue("en") else fallback


def _status(status: str, lang: str) -> str:
    """The solver status in words (``FEASIBLE`` → ``feasible`` / ``gjennomførbar``)."""
    return _known(f"sheet.summary.status.{status}", status, lang)


def _overtime_items(problem: Problem, roster: Roster, run: RunInfo, t: Any,
                    extra: xt.Ledger | None = None) -> list[tuple[str, object, str | None]]:
    if not shows_overtime(problem, roster, run):
        return []
    c = xt.costs(problem, extra if extra is not None else xt.ledger(problem, roster))
    unknown = t("cost_unknown")

    def money(x: float | None) -> object:
        return unknown if x is None else x

    return [
        (t("overtime_hours"), c.overtime_hours, st.HOURS_FMT),
        (t("extra_hours"), c.extra_hours, st.HOURS_FMT),
        (t("overtime_cost"), money(c.overtime_cost), None),
        (t("overtime_premium_cost", pct=problem.settings.overtime_premium_pct),
         money(c.overtime_premium_cost), None),
        (t("extra_cost"), money(c.extra_cost), None),
    ]
