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
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

import click

from constraints.base import RULESET_VERSION, Finding, Severity
from constraints.finding import Source
from scheduler import i18n
from scheduler import summary as sm
from scheduler.app import pipeline, sizing
from scheduler.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_INFEASIBLE,
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
from scheduler.cli.solver_options import SECONDS, SEED, WORK, WORK_LIMIT_HELP
from scheduler.errors import InputError, Issue
from scheduler.model import Problem
from scheduler.solution import WALL_CLOCK, Solution, SolveOptions
from scheduler.workbook import roster_writer as rw
from scheduler.workbook.excel import read_input_bytes

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


# --------------------------------------------------------------------------------------------
# Solver control: stop request and progress


@dataclass
class SolveControl:
    """Shared between the CLI and the solver thread."""

    stop: threading.Event = field(default_factory=threading.Event)
    started: float = field(default_factory=time.monotonic)
    objective: float | None = None
    bound: float | None = None
    solutions: int = 0
    interrupted: bool = False

    def on_solution(self, seconds: float, objective: float, bound: float | None = None) -> None:
        """The solver's callback for each improving roster (the bound when it passes one)."""
        self.objective = objective
        self.solutions += 1
        if bound is not None:
            self.bound = bound

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    @property
    def gap_pct(self) -> float | None:
        if self.objective is None or self.bound is None:
            return None
        denom = max(abs(self.objective), 1e-9)
        return 100.0 * abs(self.objective - self.bound) / denom




def _solver() -> Callable[..., Solution]:
    from scheduler.solver import solve

    return solve


def run_solver(problem: Problem, options: SolveOptions, control: SolveControl) -> Solution:
    """Call ``scheduler.solver.solve`` with the stop event and the progress callback."""
    return _solver()(problem, options, stop=control.stop, on_solution=control.on_solution)


@contextmanager
def _sigint_stops(control: SolveControl, say: Callable[[str], None],
                  lang: str = "en") -> Iterator[None]:
    """First Ctrl-C: ask the solver to stop (keep the best roster); second: abort."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: FrameType | None) -> None:
        if control.stop.is_set():
            raise KeyboardInterrupt
        control.stop.set()
        control.interrupted = True
        say(i18n.text("solve.stopping", lang))

    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


class _ProgressView:
    """What rich shows while the solver runs."""

    def __init__(self, control: SolveControl, limit: float, lang: str = "en") -> None:
        self.control = control
        self.limit = limit
        self.lang = lang

    def __rich__(self) -> str:
        c, lang = self.control, self.lang
        parts = [i18n.text("solve.live.solving", lang, elapsed=c.elapsed, limit=self.limit)]
        parts.append(i18n.text("solve.live.objective", lang, value=c.objective)
                     if c.objective is not None else i18n.text("solve.live.no_roster", lang))
        if c.bound is not None:
            parts.append(i18n.text("solve.live.bound", lang, value=c.bound))
        if c.gap_pct is not None:
            parts.append(i18n.text("solve.live.gap", lang, value=c.gap_pct))
        if c.stop.is_set():
            parts.append(f"[bold yellow]{i18n.text('solve.live.stopping', lang)}[/]")
        return "  |  ".join(parts)


def solve_in_thread(
    problem: Problem, options: SolveOptions, control: SolveControl, *, live: bool,
    limit: float | None = None,
) -> Solution:
    """Run the solver in a worker thread; the main thread waits, shows progress, takes Ctrl-C."""
    result: dict[str, Any] = {}

    def work() -> None:
        try:
            result["solution"] = run_solver(problem, options, control)
        except BaseException as exc:  # re-raised in the main thread
            result["error"] = exc

    worker = threading.Thread(target=work, name="roster-solver", daemon=True)

    def wait() -> None:
        worker.start()
        while worker.is_alive():
            worker.join(0.1)

    lang = i18n.language(problem.settings.language)
    with _sigint_stops(control, lambda m: click.echo(m, err=True), lang):
        if live:
            from rich.console import Console
            from rich.live import Live

            with Live(_ProgressView(control, options.time_limit if limit is None else limit,
                                    lang),
                      console=Console(stderr=True), refresh_per_second=4, transient=True):
                wait()
        else:
            wait()
    if "error" in result:
        raise result["error"]
    return result["solution"]


# --------------------------------------------------------------------------------------------
# Reading and checking


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def read_problem(path: Path, data: bytes | None = None) -> Problem:
    from scheduler.workbook.reader import read_problem as _read

    return _read(path, data)


def check_findings(problem: Problem, solution: Solution) -> list[Finding]:
    from constraints.checker import check_problem

    report = check_problem(problem, rw.roster_of(problem, solution))
    return list(report.findings)


# --------------------------------------------------------------------------------------------
# Words


def _fmt_days(days: list[Any]) -> str:
    return ", ".join(d.isoformat() for d in days)


def conflict_lines(solution: Solution, lang: str = "en") -> list[str]:
    out = []
    for c in solution.conflicts:
        who = i18n.text("solve.conflict_employee", lang, employee=c.employee) if c.employee \
            else i18n.text("solve.conflict_everyone", lang)
        when = i18n.text("solve.conflict_days", lang, days=_fmt_days(c.days)) if c.days else ""
        out.append(f"  - {c.rule} ({who}{when}): {c.text(lang)}")
    return out


def _hours_spread(totals: list[sm.EmployeeTotals], lang: str = "en") -> str:
    if not totals:
        return i18n.text("solve.no_employees", lang)
    lo = min(totals, key=lambda t: t.deviation)
    hi = max(totals, key=lambda t: t.deviation)
    mean_abs = sum(abs(t.deviation) for t in totals) / len(totals)
    return i18n.text("solve.hours_spread", lang, lo=lo.deviation, lo_emp=lo.employee,
                     hi=hi.deviation, hi_emp=hi.employee, mean=mean_abs)


def _shortfall_text(rows: list[sm.CoverageRow], limit: int = 5, lang: str = "en") -> str:
    short = [r for r in rows if r.shortfall]
    if not short:
        return i18n.text("solve.none", lang)
    missing = sum(r.shortfall for r in short)
    shown = "; ".join(
        i18n.text("solve.slot", lang, day=r.day.isoformat(),
                  shift=f"{r.shift}{' ' + r.skill if r.skill else ''}", planned=r.planned,
                  required=r.required)
        for r in short[:limit]
    )
    more = (i18n.text("solve.more", lang, n=len(short) - limit, sheet=i18n.text(
        "sheet.name.Coverage", lang)) if len(short) > limit else "")
    return i18n.text("solve.shortfalls", lang, missing=missing, slots=len(short), shown=shown,
                     more=more)


# --------------------------------------------------------------------------------------------
# The command


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
        _no_roster(solution, options, as_json=as_json, quiet=quiet, phases=done.phases,
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
        _loud_violation_warning(violations, out_path, lang_)
    from_history = [f for f in findings
                    if f.severity == Severity.violation and f.source == Source.history]
    if from_history and not quiet:
        click.echo(history_note(from_history, lang_), err=as_json)
    analysis = done.analysis
    if as_json:
        click.echo(json.dumps(_json_summary(solution, rows, findings, out_path, read["digest"],
                                            control, titles)
                              | {"why_uncovered": analysis.lines(), "time_limit": time_limit,
                                 "solver_time_limit": round(done.options.time_limit, 3),
                                 "phases": done.phases}, indent=2))
    elif not quiet:
        _human_summary(solution, rows, totals, findings, out_path, control, lang_,
                       options.time_limit)
        click.echo(time_line(done.phases, time_limit, lang_))
        for line in analysis.lines(lang_):
            click.echo(f"  ! {line}")
    sys.exit(EXIT_VIOLATIONS if violations else EXIT_OK)


def time_line(phases: dict[str, float], limit: float, lang: str = "en") -> str:
    """The console line with each phase's time and the total against the time limit."""
    return i18n.text("solve.line_time", lang, limit=limit, **phases)


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


def _no_roster(solution: Solution, options: SolveOptions, *, as_json: bool, quiet: bool,
               phases: dict[str, float] | None = None, lang: str = "en",
               solver_limit: float | None = None, reserve: float = 0.0) -> None:
    infeasible = solution.status == "INFEASIBLE"
    phases = phases or {}
    if as_json:
        click.echo(json.dumps({
            "status": solution.status,
            "wall_seconds": round(solution.wall_seconds, 3),
            **_search_json(solution),
            "model_built": solution.model_built,
            "time_limit": options.time_limit,
            "solver_time_limit": None if solver_limit is None else round(solver_limit, 3),
            "phases": phases,
            "conflicts": [
                {"rule": c.rule, "employee": c.employee,
                 "days": [d.isoformat() for d in c.days], "message": c.message}
                for c in solution.conflicts
            ],
            "output": None,
        }, indent=2))
    if infeasible:
        if not as_json or not quiet:
            lines = [i18n.text("solve.infeasible_head", lang)]
            lines += conflict_lines(solution, lang) or [
                "  - " + i18n.text("solve.infeasible_unnamed", lang)]
            lines.append(i18n.text("solve.infeasible_tail", lang))
            click.echo("\n".join(lines), err=as_json)
        sys.exit(EXIT_INFEASIBLE)
    if not solution.model_built:
        read, built = phases.get("read", 0.0), solution.build_seconds
        click.echo(i18n.text("solve.not_built" if built else "solve.no_time", lang,
                             limit=options.time_limit, read=read, build=built,
                             reserve=reserve, need=read + built + reserve), err=True)
    elif solution.status == "UNKNOWN":
        what = (i18n.text("solve.within_work", lang, limit=options.work_limit)
                if solution.stopped_by == "work_limit"
                else i18n.text("solve.within_time", lang, limit=options.time_limit))
        more = "--work-limit" if solution.stopped_by == "work_limit" else "--time-limit"
        click.echo(i18n.text("solve.not_found_within", lang, what=what, more=more), err=True)
    else:
        click.echo(i18n.text("solve.stopped_status", lang, status=solution.status), err=True)
    sys.exit(EXIT_VIOLATIONS)


def history_note(findings: list[Finding], lang: str = "en", limit: int = 20) -> str:
    """The breaches History alone causes, as a note (no roster for the horizon can undo them)."""
    lines = [i18n.text("history.head", lang, n=len(findings))]
    for f in findings[:limit]:
        lines.append(i18n.text("history.line", lang, rule=f.rule,
                               paragraph=i18n.paragraph(f.rule, f.paragraph, lang),
                               emp=f.employee or "-"))
    if len(findings) > limit:
        lines.append(i18n.text("history.more", lang, n=len(findings) - limit))
    return "\n".join(lines)


def _search_json(solution: Solution) -> dict[str, Any]:
    """How the search ended and whether the roster is reproducible (docs/reliability.md)."""
    return {"stopped_by": solution.stopped_by, "reproducible": solution.reproducible,
            "work_limit": solution.work_limit, "work": round(solution.work, 4)}


def _status_words(status: str, lang: str) -> str:
    """The solver's status as the Summary sheet words it (``FEASIBLE`` in English)."""
    key = f"sheet.summary.status.{status}"
    return i18n.text(key, lang) if key in i18n.catalogue(lang) else status


def _loud_violation_warning(violations: list[Finding], out_path: Path,
                            lang: str = "en") -> None:
    bar = "!" * 78
    lines = [bar, i18n.text("solve.loud.head", lang), ""]
    for f in violations[:20]:
        lines.append(i18n.text("solve.loud.line", lang, rule=f.rule,
                               paragraph=i18n.paragraph(f.rule, f.paragraph, lang),
                               employee=f.employee or "-", message=f.message))
    if len(violations) > 20:
        lines.append(i18n.text("solve.loud.more", lang, n=len(violations) - 20))
    lines += ["", i18n.text("solve.loud.written", lang, path=str(out_path)), bar]
    click.secho("\n".join(lines), err=True, fg="red", bold=True)


def _json_summary(
    solution: Solution,
    rows: list[sm.CoverageRow],
    findings: list[Finding],
    out_path: Path,
    digest: str,
    control: SolveControl,
    titles: dict[str, str],
) -> dict[str, Any]:
    n_viol = sum(1 for f in findings if f.severity == Severity.violation)
    n_hist = sum(1 for f in findings
                 if f.severity == Severity.violation and f.source == Source.history)
    return {
        "status": solution.status,
        "interrupted": control.interrupted,
        "objective": solution.objective,
        "objective_by_tier": solution.objective_by_tier,
        "best_bound": solution.best_bound,
        "gap_pct": solution.gap_pct,
        "wall_seconds": round(solution.wall_seconds, 3),
        "coverage_pct": round(sm.coverage_pct(rows), 2),
        "shortfall_count": sum(1 for r in rows if r.shortfall),
        "shortfall_person_shifts": sum(r.shortfall for r in rows),
        "violations": n_viol - n_hist,
        "history_violations": n_hist,
        "warnings": len(findings) - n_viol,
        "output": str(out_path),
        "sheets": titles,
        "seed": solution.seed,
        "workers": solution.workers,
        **_search_json(solution),
        "ruleset_version": RULESET_VERSION,
        "input_sha256": digest,
        "overtime_hours": round(solution.overtime_hours, 2),
        "extra_hours": round(solution.extra_hours, 2),
        "overtime_cost": solution.overtime_cost,
        "overtime_premium_cost": solution.overtime_premium_cost,
        "extra_cost": solution.extra_cost,
    }


def _human_summary(
    solution: Solution,
    rows: list[sm.CoverageRow],
    totals: list[sm.EmployeeTotals],
    findings: list[Finding],
    out_path: Path,
    control: SolveControl,
    lang: str = "en",
    time_limit: float = 0.0,
) -> None:
    def t(key: str, **args: Any) -> str:
        return i18n.text(f"solve.{key}", lang, **args)

    gap = "" if solution.gap_pct is None else t("gap", gap=solution.gap_pct)
    stopped = t("stopped") if control.interrupted else ""
    n_viol = sum(1 for f in findings if f.severity == Severity.violation)
    n_hist = sum(1 for f in findings
                 if f.severity == Severity.violation and f.source == Source.history)
    reason, repro = sm.search_outcome(solution, time_limit, lang)
    lines = [
        t("line_status", status=_status_words(solution.status, lang), stopped=stopped, gap=gap,
          seconds=solution.wall_seconds, seed=solution.seed, workers=solution.workers),
        t("line_search", reason=reason, repro=repro),
        t("line_coverage", pct=sm.coverage_pct(rows)),
        t("line_shortfalls", text=_shortfall_text(rows, lang=lang)),
        t("line_hours", text=_hours_spread(totals, lang)),
        t("line_checker", v=n_viol - n_hist, w=len(findings) - n_viol)
        + (i18n.text("history.count", lang, n=n_hist) if n_hist else ""),
        *([t("line_overtime", ot=solution.overtime_hours, extra=solution.extra_hours,
             cost="" if solution.overtime_cost is None
             else t("overtime_cost", cost=solution.overtime_cost))]
          if solution.extra_time else []),
        t("line_written", path=str(out_path)),
    ]
    longer = more_time_hint(solution, rows, time_limit)
    if longer is not None:
        lines.append(t("more_time", limit=longer))
    click.echo("\n".join(lines))


HINT_GAP_PCT = 2.0  # a gap at or above this, with the time run out, is worth more time


def more_time_hint(solution: Solution, rows: list[sm.CoverageRow],
                   time_limit: float) -> int | None:
    """A longer ``--time-limit`` to suggest when the answer is likely to improve with more time:
    the search was stopped by the clock (not proven optimal, not a work budget) with a gap of
    ``HINT_GAP_PCT`` or more, or with demand uncovered and the roster not proven best. None
    otherwise. The suggestion is four times the limit, rounded up to whole minutes."""
    if solution.stopped_by != WALL_CLOCK or time_limit <= 0:
        return None
    gap = solution.gap_pct
    short = any(r.shortfall for r in rows)
    if not ((gap is None or gap >= HINT_GAP_PCT) or (short and gap > 0)):
        return None
    return int(-(-4 * time_limit // 60) * 60)


__all__ = ["EXIT_BAD_INPUT", "EXIT_INFEASIBLE", "SolveControl", "run_solver", "solve_command"]
