"""The comparison of a sweep for people and programs: one table in the terminal (rich) and JSON,
with the words both use (statuses, verdicts, labels, reasons for no roster, in the language
given: catalogue entries ``whatif.*``), and the roster files' names.

The result workbook is written by the I/O wing (:mod:`scheduler.io.write.whatif_results`)
from these words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from scheduler import i18n
from scheduler.whatif import tolerance as tol
from scheduler.whatif.changes import BASELINE, Scenario
from scheduler.whatif.runner import ScenarioResult, budget_note, no_roster_reason


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
    return [f"{shown_name(r, lang)}: {reason_text(r, lang) or r.reason}" for r in results
            if r.status != "ERROR" and r.reason]


def short_of_target_lines(results: Sequence[ScenarioResult], lang: str = "en") -> list[str]:
    """``name: gap … > target …`` for every scenario less well proven than its target."""
    return [f"{shown_name(r, lang)}: {note}" for r in results
            if (note := budget_note(r, lang)) is not None]


def reason_text(r: ScenarioResult, lang: str) -> str | None:
    """Why ``r`` has no roster, in ``lang`` (its conflicts too), or why it is less well proven
    than its target gap."""
    conflicts = [c.text(lang) for c in r.conflict_items] or r.conflicts
    return no_roster_reason(r.status, r.stopped_by, conflicts, lang) or budget_note(r, lang)


def failed(results: Sequence[ScenarioResult]) -> bool:
    """At least one scenario ended in ERROR or without a roster."""
    return any(r.status == "ERROR" or not r.ok for r in results)



def caps_of(results: Sequence[ScenarioResult]) -> list[str]:
    """The overtime caps any scenario reports headroom for, shortest first."""
    order = {"7d": 0, "4w": 1, "26w": 2, "52w": 3}
    found = {c for r in results if r.figures is not None for c in r.figures.overtime_headroom_hours}
    return sorted(found, key=lambda c: order.get(c, 9))

def slug(name: str) -> str:
    s = re.sub(r"[^0-9A-Za-zÆØÅæøå._-]+", "-", name).strip("-._")
    return s[:60] or "scenario"


def roster_file_names(results: Sequence[ScenarioResult] | Sequence[Scenario]) -> list[str]:
    """``01-Baseline.xlsx``, ``02-Two-fewer-RN.xlsx``, … (unique, safe file names); the same
    from the scenarios (before solving) as from their results."""
    width = max(2, len(str(len(results))))
    return [f"{i:0{width}d}-{slug(r.name)}.xlsx" for i, r in enumerate(results, start=1)]
