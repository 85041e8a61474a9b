"""``roster solve``: read a planning workbook, solve it, check the result, write the roster.

Exit codes: 0 roster written and the checker found no hard violation the roster causes (breaches
History alone forces are listed as such: no roster can change them); 1 no usable roster (the
checker found a hard violation the solver's roster causes — a bug, said loudly — or the solver
found no roster within the time limit); 2 bad input (every problem listed, with sheet and cell);
3 the hard requirements contradict each other (each conflicting requirement in plain words).

The solver runs in a worker thread so that the main thread can take Ctrl-C: the first Ctrl-C asks
the solver to stop and the best roster found so far is still checked and written; a second one
aborts.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

import click

from constraints.base import Finding, Severity
from constraints.finding import Source
from scheduler import i18n
from scheduler import summary as sm
from scheduler.app import pipeline, sizing
from scheduler.cli.common import (
    EXIT_OK,
    EXIT_VIOLATIONS,
    input_errors_exit_2,
)
from scheduler.cli.language import settle
from scheduler.cli.paths import (
    guard_outputs,
    open_input_warnings,
    refuse_open_outputs,
    same_file,
)
from scheduler.cli.solve_summary import (
    history_note,
    human_summary,
    json_summary,
    loud_violation_warning,
    no_roster,
    time_line,
)
from scheduler.cli.solve_thread import SolveControl, solve_in_thread
from scheduler.cli.solver_options import SECONDS, SEED, WORK, WORK_LIMIT_HELP
from scheduler.errors import InputError, Issue
from scheduler.io.excel import read_input_bytes
from scheduler.io.write import workbook as rw
from scheduler.model import Problem
from scheduler.solution import Solution, SolveOptions

EPILOG = """\b
Example:
  roster solve ward.xlsx                      # writes ward.roster.xlsx beside ward.xlsx
  roster solve ward.xlsx -o out/june.xlsx --time-limit 120 --seed 7
  roster solve ward.xlsx --workers 1 --seed 7 --work-limit 20   # the same roster on any machine
  roster solve ward.xlsx --json --quiet       # machine-readable summary on stdout
  roster solve post4b.xlsx --lang nb          # Norwegian sheets: Turnus, Dekning, Timer ...

\b
The output is a copy of WORKBOOK with five sheets added: Roster, Coverage, Hours,
Violations and Summary; also Headroom (the overtime still allowed after the horizon) when
overtime is allowed or the roster or History has overtime or extra hours, and Wishes granted
when the Requests sheet has wishes. Days off in the Roster grid carry the turnus codes F1 (weekly day
off with the weekly rest), F2 (extra day off of a five-day week) and F3 (Sunday/holiday off
after Sunday/holiday work); a legend below the grid explains codes and colours. WORKBOOK itself is never changed (unless --in-place, which first
copies it to NAME.bak.xlsx, or NAME.bak-2.xlsx … when that exists). Press Ctrl-C once to stop early and keep the best roster so far.

\b
Exit codes: 0 roster written (breaches History alone causes are listed, not counted as a
bug); 1 no usable roster (solver found none in time, or the checker found a hard violation the
new roster causes: a bug); 2 bad input (also an output over an input, or an output folder
that cannot be written); 3 the hard requirements contradict each other; 70 internal error;
130 interrupted."""


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def read_problem(path: Path, data: bytes | None = None) -> Problem:
    from scheduler.io.read.workbook import read_problem as _read

    return _read(path, data)


def check_findings(problem: Problem, solution: Solution) -> list[Finding]:
    from constraints.checker import check_problem

    report = check_problem(problem, rw.roster_of(problem, solution))
    return list(report.findings)


@click.command("solve", epilog=EPILOG)
@click.argument("workbook", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the roster workbook [default: NAME.roster.xlsx beside WORKBOOK].")
@click.option("--time-limit", type=SECONDS, default=60.0, show_default=True,
              help="Seconds the solver may search (wall clock; a safety net with --work-limit).")
@click.option("--work-limit", type=WORK, default=None, help=WORK_LIMIT_HELP)
@click.option("--seed", type=SEED, default=0, show_default=True,
              help="Random seed of the solver's search (a 32-bit integer).")
@click.option("--workers", type=click.IntRange(1, 64), default=2, show_default=True,
              help="Solver threads.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON on stdout.")
@click.option("-q", "--quiet", is_flag=True, help="No progress display and no summary text.")
@click.option("--in-place", is_flag=True,
              help="Write the sheets into WORKBOOK itself, after copying the bytes read to the first free "
                   "NAME.bak.xlsx / NAME.bak-2.xlsx …")
@click.option("--allow-overtime", is_flag=True,
              help="Let the solver plan overtime and extra hours within the § 10-6 caps, priced "
                   "so they are used only to cover minimum demand (also the Settings key "
                   "allow_overtime). For an exceptional, time-limited need only (§ 10-6 (1)).")
@click.option("--lang", type=click.Choice(i18n.LANGUAGES), default=None,
              help="Language of the roster sheets, legend, summary and findings: en or nb "
                   "(norsk bokmål) [default: the Settings sheet's language, else en].")
@click.option("--force", is_flag=True,
              help="Write the roster even when the output file is open in Excel or LibreOffice "
                   "(its ~$ lock file lies beside it).")
@input_errors_exit_2
def solve_command(
    workbook: Path,
    output: Path | None,
    time_limit: float,
    work_limit: float | None,
    seed: int,
    workers: int,
    as_json: bool,
    quiet: bool,
    in_place: bool,
    allow_overtime: bool,
    lang: str | None,
    force: bool = False,
) -> None:
    """Make a legal, fair roster for the planning WORKBOOK and write it to a new workbook.

    Reads the Settings, Shifts, Employees, Demand (and optional Requests, Fixed, History,
    Agreements, Weights) sheets, finds the best roster the time limit allows, checks it against
    every AML chapter 10 rule, and writes it with coverage, hours and the checker's findings.
    """
    if in_place and output is not None:
        raise click.UsageError(i18n.text("solve.in_place_and_output", i18n.language(lang)))
    if not workbook.exists():
        raise InputError([Issue(i18n.msg("cli.file_not_found"), file=str(workbook))])
    if in_place:
        out_path = workbook
    else:
        out_path = output if output is not None else rw.default_output_path(workbook)
        if same_file(out_path, workbook):
            raise click.UsageError(i18n.text("solve.output_over_input", i18n.language(lang)))
    if out_path.suffix.lower() == ".xlsm":
        raise InputError([Issue(i18n.msg("solve.no_macros_in_place" if in_place else
                                         "solve.no_macros"), file=str(out_path))])
    # Before anything is read or solved: no output over an input, every folder writable.
    guard_outputs({"the backup": rw.free_backup_path(workbook)} if in_place else
                  {"the roster": out_path}, {"WORKBOOK": workbook})
    refuse_open_outputs({"the roster": out_path}, force)  # open in Excel: refuse (issue #15)
    for line in open_input_warnings({"WORKBOOK": workbook}, i18n.language(lang)):
        click.echo(line, err=True)

    options = SolveOptions(time_limit=time_limit, work_limit=work_limit, seed=seed,
                           workers=workers, allow_overtime=allow_overtime)
    control = SolveControl()
    live = sys.stderr.isatty() and not quiet
    read: dict[str, Any] = {}

    def read_step() -> Problem:
        data = read["data"] = read_input_bytes(workbook)  # read once: problem, digest, output
        problem = read_problem(workbook, data)
        if lang is not None:
            problem = problem.model_copy(
                update={"settings": problem.settings.model_copy(update={"language": lang})})
        read["digest"] = hashlib.sha256(data).hexdigest()
        settle(i18n.language(problem.settings.language))  # for Ctrl-C and internal errors
        return problem

    def analyse_step(problem: Problem) -> Any:
        from scheduler.feasibility import analyse

        return analyse(problem, options.allow_overtime or problem.settings.allow_overtime)

    def write_step(done: pipeline.Outcome) -> tuple[Path, dict[str, str]]:
        return _write(workbook, out_path, in_place, read["data"], read["digest"], options,
                      control, done)

    done = pipeline.run(pipeline.Steps(
        read=read_step,
        solve=lambda problem, opts: solve_in_thread(problem, opts, control, live=live,
                                                    limit=time_limit),
        check=lambda problem, solution: check_findings(problem, solution),
        write=write_step, file=str(workbook), analyse=analyse_step), options)
    problem, solution = done.problem, done.solution
    assert problem is not None and solution is not None
    lang_ = i18n.language(problem.settings.language)
    if not solution.has_roster:
        no_roster(solution, options, as_json=as_json, quiet=quiet, phases=done.phases,
                   lang=lang_, solver_limit=done.options.time_limit,
                   reserve=sizing.finish_reserve(problem))
        return
    findings = done.findings
    out_path, titles = done.written
    violations = [f for f in findings
                  if f.severity == Severity.violation and f.source == Source.roster]
    roster = rw.roster_of(problem, solution)
    rows = sm.coverage(problem, roster)
    totals = sm.employee_totals(problem.settings, roster, problem.employees,
                                sm.unavailable_days(problem), problem.agreements)
    if violations:
        loud_violation_warning(violations, out_path, lang_)
    from_history = [f for f in findings
                    if f.severity == Severity.violation and f.source == Source.history]
    if from_history and not quiet:
        click.echo(history_note(from_history, lang_), err=as_json)
    analysis = done.analysis
    if as_json:
        click.echo(json.dumps(json_summary(solution, rows, findings, out_path, read["digest"],
                                            control, titles)
                              | {"why_uncovered": analysis.lines(), "time_limit": time_limit,
                                 "solver_time_limit": round(done.options.time_limit, 3),
                                 "phases": done.phases}, indent=2))
    elif not quiet:
        human_summary(solution, rows, totals, findings, out_path, control, lang_,
                       options.time_limit)
        click.echo(time_line(done.phases, time_limit, lang_))
        for line in analysis.lines(lang_):
            click.echo(f"  ! {line}")
    sys.exit(EXIT_VIOLATIONS if violations else EXIT_OK)


def _write(workbook: Path, out_path: Path, in_place: bool, data: bytes, digest: str,
           options: SolveOptions, control: SolveControl,
           done: pipeline.Outcome) -> tuple[Path, dict[str, str]]:
    """The write phase: the roster workbook (and the backup with --in-place); where it went
    and the sheet titles."""
    assert done.problem is not None and done.solution is not None
    lang = i18n.language(done.problem.settings.language)
    run = rw.RunInfo(workbook, digest, options, interrupted=control.interrupted,
                     written_at=rw.now(), input_bytes=data)
    if in_place and _changed_since(workbook, digest):
        out_path = rw.default_output_path(workbook)
        click.echo(i18n.text("solve.changed_meanwhile", lang, workbook=str(workbook),
                             path=str(out_path)), err=True)
        in_place = False
    try:
        if in_place:
            _atomic_write(data, rw.free_backup_path(workbook))  # the bytes read, never newer
        titles = rw.write_roster_workbook(done.problem, done.solution, done.findings, run,
                                          out_path)
    except OSError as exc:
        click.echo(i18n.text("cli.could_not_write", lang, path=str(out_path),
                             reason=exc.strerror or str(exc)) + " "
                   + i18n.text("solve.nothing_written", lang), err=True)
        sys.exit(EXIT_VIOLATIONS)
    return out_path, titles


def _changed_since(path: Path, digest: str) -> bool:
    """Is ``path`` no longer the file whose bytes had SHA-256 ``digest`` (saved meanwhile)?"""
    try:
        return sha256_of(path) != digest
    except OSError:
        return True


def _atomic_write(data: bytes, target: Path) -> None:
    """Write ``data`` to ``target`` through a temporary file in the target's folder."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


__all__ = ["SolveControl", "solve_command"]
