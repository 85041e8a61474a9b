"""``roster replan``: re-plan a published roster after a sick call, a demand change or a pinned
shift, changing as little as the changes require (issue 20; docs/replan.md)."""

from __future__ import annotations

import hashlib
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import click

from scheduler import i18n
from scheduler.cli.common import (
    EXIT_INFEASIBLE,
    EXIT_OK,
    EXIT_VIOLATIONS,
    input_errors_exit_2,
)
from scheduler.cli.paths import guard_outputs, refuse_open_outputs
from scheduler.cli.solver_options import SECONDS, SEED, WORK, WORK_LIMIT_HELP
from scheduler.clock import TZ
from scheduler.errors import InputError, Issue

EPILOG = """\b
Example:
  roster replan ward.xlsx --published ward.roster.xlsx --changes sick.csv \\
      --now 2026-04-10T12:00 -o ward.replanned.xlsx
\b
sick.csv (or a sheet Changes / Endringer in ward.xlsx):
  kind,employee,from,to,date,shift,skill,change
  sick,W04,2026-04-13,2026-04-19,,,,
  demand,,,,2026-04-20,E,nurse,+1
  pin,W16,,,2026-04-21,D,,
  now,,,,2026-04-10 12:00,,,
\b
Shifts that started before "now" never change. Every other published cell is kept unless the
changes need it; each change is listed in the Changes sheet with the § 10-3 notice flag (within
14 days: needs the employee's agreement or a reason the law accepts), and marked in the grid.
Exit codes: 0 written; 1 no usable roster or a violation; 2 bad input; 3 contradicting hard
requirements."""


@click.command("replan", epilog=EPILOG)
@click.argument("workbook", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--published", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The published roster: a `roster solve` workbook or a roster grid (sheet "
                   "Roster/Turnus).")
@click.option("--changes", "changes_file", type=click.Path(dir_okay=False, path_type=Path),
              help="The changes (.xlsx or .csv) [default: the Changes / Endringer sheet of "
                   "WORKBOOK].")
@click.option("--now", "now_text", metavar="ISO",
              help="The moment of re-planning, e.g. 2026-04-10T12:00 (Oslo time) [default: "
                   "the changes' 'now' row, else the clock].")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The new roster workbook (.xlsx).")
@click.option("--time-limit", type=SECONDS, default=30.0, show_default=True,
              help="Seconds the solver may search.")
@click.option("--work-limit", type=WORK, default=None, help=WORK_LIMIT_HELP)
@click.option("--seed", type=SEED, default=0, show_default=True, help="Solver seed.")
@click.option("--workers", type=click.IntRange(1, 64), default=2, show_default=True,
              help="Solver threads.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON on stdout.")
@click.option("--lang", type=click.Choice(i18n.LANGUAGES), default=None,
              help="Language of the sheets and messages: en or nb (norsk bokmål) [default: the "
                   "Settings sheet's language, else en].")
@click.option("--force", is_flag=True,
              help="Write even when the output file is open in Excel or LibreOffice.")
@input_errors_exit_2
def replan_command(workbook: Path, published: Path, changes_file: Path | None,
                   now_text: str | None, output: Path, time_limit: float,
                   work_limit: float | None, seed: int, workers: int, as_json: bool,
                   lang: str | None, force: bool = False) -> None:
    """Re-plan the PUBLISHED roster of the planning WORKBOOK after changes (absences, demand
    changes, pinned shifts), changing as few published shifts as the changes require.

    Keeps every rule of AML chapter 10 (with the month's frozen past and the History sheet),
    writes the new Roster with the changed cells marked and a Changes sheet, each change with
    its § 10-3 notice flag.
    """
    from scheduler.cli.solve import check_findings, read_problem
    from scheduler.io.excel import read_input_bytes
    from scheduler.io.read.changes import parse_now, read_changes
    from scheduler.io.roster.load import load_check_input
    from scheduler.io.write.replan import write_replan_workbook
    from scheduler.io.write.workbook import RunInfo
    from scheduler.replan import problem as rp
    from scheduler.replan.diff import diff_rosters
    from scheduler.replan.run import lost_cells, replan
    from scheduler.solution import SolveOptions
    from scheduler.solver import stop_on_sigint

    missing = [p for p in (workbook, published, changes_file) if p is not None and not p.exists()]
    if missing:
        raise InputError([Issue(i18n.msg("cli.file_not_found"), file=str(p)) for p in missing])
    if output.suffix.lower() != ".xlsx":
        raise InputError([Issue(i18n.msg("solve.no_macros"), file=str(output))])
    guard_outputs({"the roster": output},
                  {"WORKBOOK": workbook, "--published": published, "--changes": changes_file})
    refuse_open_outputs({"the roster": output}, force)
    now_arg = None
    if now_text is not None:
        now_arg = parse_now(now_text)
        if now_arg is None:
            raise click.UsageError(i18n.text("replan.input.bad_now", i18n.language(lang),
                                             text=now_text))
    data = read_input_bytes(workbook)
    problem = read_problem(workbook, data)
    if lang is not None:
        problem = problem.model_copy(
            update={"settings": problem.settings.model_copy(update={"language": lang})})
    lang_ = i18n.language(problem.settings.language)
    issues: list[Issue] = []
    gaps: list[str] = []
    try:
        source = load_check_input(published, problem=workbook)
        roster = source.roster
        gaps = [p.text(lang_) for p in source.coverage.gaps()]
    except InputError as exc:
        issues += exc.issues
        roster = None
    try:
        changes = (read_changes(changes_file, problem) if changes_file is not None
                   else read_changes(workbook, problem, in_planning=True))
    except InputError as exc:
        issues += exc.issues
        changes = None
    if roster is not None:
        ids = {e.id for e in problem.employees}
        for emp in sorted({p.employee for p in roster.periods} - ids):
            issues.append(Issue(i18n.msg("replan.input.published_employee", employee=emp),
                                file=str(published)))
        left = rp.unplaced(problem, roster)
        if roster.periods and len(left) == len(roster.periods):
            issues.append(Issue(i18n.msg("replan.input.no_published"), file=str(published)))
        gaps += [i18n.text("replan.published_period_left_out", lang_, employee=p.employee,
                           start=p.start.strftime("%Y-%m-%d %H:%M"),
                           end=p.end.strftime("%Y-%m-%d %H:%M")) for p in left]
    if issues or roster is None or changes is None:
        raise InputError(issues, lang_)
    s = problem.settings
    if now_arg is not None or changes.now is not None:
        given = now_arg or changes.now
        assert given is not None
        if given.astimezone(TZ).date() > s.end:
            raise InputError([Issue(i18n.msg("replan.input.outside_now",
                                             now=given.strftime("%Y-%m-%d %H:%M"),
                                             start=s.start.isoformat(), end=s.end.isoformat()),
                                    file=str(changes_file or workbook))], lang_)
    if changes_file is not None:
        from scheduler.io.read.changes import find_changes_sheet
        from scheduler.io.used import open_used

        book = open_used(workbook, data)
        try:
            own = find_changes_sheet(list(book.sheetnames))
        finally:
            book.close()
        if own is not None:
            gaps.append(i18n.text("replan.own_sheet_not_read", lang_, sheet=own))
    for gap in gaps:  # nothing left out silently
        click.echo(i18n.text("replan.published_not_read", lang_, what=gap), err=True)
    now = now_arg or changes.now
    if now is None:
        now = datetime.now(TZ)
        if not as_json:
            click.echo(i18n.text("replan.now_from_clock", lang_,
                                 now=now.strftime("%Y-%m-%d %H:%M")), err=True)
    options = SolveOptions(time_limit=time_limit, work_limit=work_limit, seed=seed,
                           workers=workers)
    with stop_on_sigint() as stop:
        result = replan(problem, roster, changes, now, options, stop=stop)
    if result.clashes:
        source = str(changes_file or workbook)
        raise InputError([Issue(i18n.msg(c.key, **c.args), source, *_split(c.ref))
                          for c in result.clashes], lang_)
    solution = result.solution
    assert solution is not None
    if not solution.has_roster:
        click.echo(i18n.text("replan.no_roster", lang_, status=solution.status), err=True)
        for c in solution.conflicts:
            click.echo(f"  {c.message}", err=True)
        sys.exit(EXIT_INFEASIBLE if solution.status == "INFEASIBLE" else EXIT_VIOLATIONS)
    new_problem = result.problem
    findings = check_findings(new_problem, solution)
    diff = diff_rosters(roster, solution.roster, as_of=now,
                        day_boundary=problem.settings.day_boundary)
    run = RunInfo(workbook, hashlib.sha256(data).hexdigest(), options, input_bytes=data)
    titles = write_replan_workbook(new_problem, solution, findings, run, diff, now,
                                   changes.absences, output)
    violations = [f for f in findings if f.severity == "violation" and f.source == "roster"]
    lost = len(lost_cells(result.published, changes.absences, problem, now))
    summary = _summary(diff, lost)
    if as_json:
        click.echo(json.dumps({
            "status": solution.status, "now": now.isoformat(), "output": str(output),
            "sheets": titles, **summary, "violations": len(violations),
            "published_not_read": gaps,
            "objective_by_tier": solution.objective_by_tier,
            "changes": [{"employee": c.employee, "date": c.day.isoformat(), "old": c.old,
                         "new": c.new, "change": c.kind.value,
                         "effective": c.effective.isoformat(),
                         "within_notice": c.within_notice} for c in diff],
        }, indent=2))
    else:
        click.echo(i18n.text("replan.summary", lang_, **summary))
        click.echo(i18n.text("replan.written", lang_, path=str(output)))
    sys.exit(EXIT_VIOLATIONS if violations else EXIT_OK)


def _split(ref: str) -> tuple[str, str]:
    """``Sheet!A2`` -> (sheet, cell)."""
    sheet, _, cell = ref.rpartition("!")
    return sheet, cell


def _summary(diff: list[Any], lost: int) -> dict[str, int]:
    return {"changed": len(diff), "within": sum(1 for c in diff if c.within_notice),
            "employees": len({c.employee for c in diff}), "lost": lost}
