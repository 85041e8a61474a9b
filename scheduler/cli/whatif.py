"""``roster whatif`` (scenarios side by side) and ``roster staffing`` (the smallest extra staff).

Exit codes of ``roster whatif``: 0 every scenario found a roster; 1 at least one scenario failed:
it ended in ERROR or found no roster (its row says why: the limit that ended the search before a
first roster, or the conflict that makes it infeasible; the others are still reported and
written); 2 bad input (every problem in the workbook and the Scenarios sheet listed with its
cell) or a cluster that cannot be reached; 70 internal error; 130 interrupted.

Exit codes of ``roster staffing``: 0 an answer was found (the demand is covered with the hires
named); 1 the demand cannot be covered by hiring (or no roster was found in time); 2 bad input.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from pathlib import Path
from typing import Any

import click

from scheduler import i18n
from scheduler.cli.common import EXIT_BAD_INPUT, EXIT_OK, EXIT_VIOLATIONS, input_errors_exit_2
from scheduler.cli.language import settle
from scheduler.cli.paths import guard_outputs
from scheduler.cli.solver_options import SECONDS, SEED, WORK, WORK_LIMIT_HELP, Percent
from scheduler.errors import InputError, Issue

WHATIF_EPILOG = """\b
Examples:
  roster whatif ward.xlsx                          # scenarios from its Scenarios sheet
  roster whatif ward.xlsx --time-limit 20 -o ward.whatif.xlsx --rosters out/
  roster whatif ward.xlsx --scenarios ideas.xlsx --jobs 2 --json
  roster whatif ward.xlsx --cluster tcp://10.0.0.5:8786     # on a Dask cluster

\b
The Scenarios sheet (Norwegian: Scenarier) has one row per scenario and change:
  scenario          | change           | target            | value          | from       | to
  Two fewer RN      | remove_employees | RN                | 2              |            |
  Local averaging   | agreement        | 10-5              | T3_TARIFF_REPS |            |
  Weekend +10 %     | scale_demand     | weekend           | 1.1            |            |
  Three sick week 2 | sick_leave       | W07, W12, W24     |                | 2026-04-06 | 2026-04-12
  Hire an RN        | add_employees    | RN                | 1   (position % column: 80)
Other changes: parameter (target "10-8 daily_rest_hours", value 10), weight (target
fairness, value 40), overtime (value yes). Several rows with the same name form one
scenario. See docs/whatif.md.

\b
A Baseline (no changes) is always solved first; every scenario then starts from its roster
(repaired to the scenario) with the same time limit and seed, and its search stops once
it is proven within --target-gap (default: the gap the baseline reached; 2 % when the
baseline is proven optimal). A difference from the baseline
within the solvers' proven gaps is marked "within solver tolerance" (≈); only outside it is a
scenario better (green) or worse (red). --jobs runs scenarios in parallel processes, each with
cores // jobs solver threads.
Exit codes: 0 every scenario found a roster; 1 some scenario failed (ERROR, or no roster:
the reason is printed); 2 bad input; 70 internal error; 130 interrupted."""

STAFFING_EPILOG = """\b
Examples:
  roster staffing ward.xlsx                        # e.g. "needs +1 RN at 100 %, +1 HCA at 50 %"
  roster staffing ward.xlsx --positions 60,80,100 --time-limit 30
  roster staffing ward.xlsx --compare-tiers        # heads needed under § 10-5 T0, T2, T3
  roster staffing ward.xlsx --scenario "Two fewer RN" --json

\b
A hire is a copy of the most flexible colleague with that skill (night work allowed, and that
colleague's individual agreements) at one of the --positions. Each candidate set of hires is
checked by a full solve: the demand counts as covered when the solver finds a roster with no
shift below the minimum, and every such roster keeps every hard rule. Then each hire is tried
dropped and each position lowered in --step points; the answer lists what was searched, each
hire's planned hours, and whether it is proven minimal within that space (every neighbour
solved to optimality with more demand short). It is no proof of the global minimum, and each
solve has the time limit. See docs/whatif.md.

\b
Exit codes: 0 covered with the hires named; 1 not coverable by hiring (or no roster in time);
2 bad input."""


def _read_problem(path: Path, data: bytes | None = None, lang: str | None = None) -> Any:
    """The planning problem; ``lang`` (--lang) overrides the Settings sheet's language."""
    from scheduler.io.read.workbook import read_problem

    problem = read_problem(path, data)
    if lang is not None:
        problem = problem.model_copy(
            update={"settings": problem.settings.model_copy(update={"language": lang})})
    settle(i18n.language(problem.settings.language))  # for Ctrl-C and internal errors
    return problem


LANG_HELP = ("Language of the tables, sheets and messages: en or nb (norsk bokmål) [default: "
             "the Settings sheet's language, else en]. JSON keys and statuses stay the same.")


@click.command("whatif", epilog=WHATIF_EPILOG)
@click.argument("workbook", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--scenarios", "scenario_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Read the Scenarios sheet from this workbook instead of WORKBOOK.")
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help="Scenarios solved at the same time [default: number of cores].")
@click.option("--cluster", metavar="ADDRESS",
              help="Run on an existing Dask scheduler, e.g. tcp://host:8786 "
                   "(needs pip install 'aml-roster[dask]').")
@click.option("--time-limit", type=SECONDS, default=30.0,
              show_default=True, help="Seconds the solver may search, per scenario.")
@click.option("--work-limit", type=WORK, default=None, help=WORK_LIMIT_HELP + " Per scenario.")
@click.option("--target-gap", "target_gap", type=Percent(), default=None, metavar="PCT",
              help="Stop each scenario's search once its roster is proven within PCT % of the "
                   "best, within --time-limit [default: the gap the baseline's first solve "
                   "reached; 2 when it is proven optimal]. 0: no target, search to the limits.")
@click.option("--seed", type=SEED, default=0, show_default=True,
              help="Solver seed (all scenarios).")
@click.option("--json", "as_json", is_flag=True, help="Print {\"scenarios\": [...]} on stdout.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write a copy of WORKBOOK with a Scenarios result sheet and charts.")
@click.option("--rosters", "rosters_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write each scenario's full roster workbook into this folder.")
@click.option("-q", "--quiet", is_flag=True, help="No progress lines.")
@click.option("--lang", type=click.Choice(i18n.LANGUAGES), default=None, help=LANG_HELP)
@input_errors_exit_2
def whatif(workbook: Path, scenario_file: Path | None, jobs: int | None, cluster: str | None,
           time_limit: float, work_limit: float | None, target_gap: float | None, seed: int,
           as_json: bool, output: Path | None,
           rosters_dir: Path | None, quiet: bool, lang: str | None) -> None:
    """Solve what-if SCENARIOS of the planning WORKBOOK and compare them side by side.

    Coverage, uncovered person-hours per skill, overtime and extra hours, labour cost (when
    hourly costs are given), contract-hours deviation, requests granted, fairness spread
    (nights, weekends), solver status and gap, and time, for each scenario and the baseline.
    """
    from scheduler.io.read.scenarios import read_scenarios
    from scheduler.io.write.whatif_results import write_results_workbook
    from scheduler.whatif import output as out
    from scheduler.whatif.changes import with_baseline
    from scheduler.whatif.runner import RunnerError, SweepOptions, cores, run_sweep

    if not workbook.exists():
        raise InputError([Issue(i18n.msg("cli.file_not_found"), file=str(workbook))])
    inputs = {"WORKBOOK": workbook, "--scenarios": scenario_file}
    guard_outputs({"-o": output}, inputs)
    from scheduler.io.excel import read_input_bytes

    data = read_input_bytes(workbook)  # read once: problem, scenarios, outputs and digest
    problem = _read_problem(workbook, data, lang)
    lang_ = i18n.language(problem.settings.language)
    source = scenario_file or workbook
    scenarios = with_baseline(read_scenarios(
        source, problem, required=True,
        data=data if scenario_file is None else read_input_bytes(scenario_file)))
    if rosters_dir is not None:  # every roster file is known now, before anything is solved
        from scheduler.whatif.output import roster_file_names

        rosters_dir.mkdir(parents=True, exist_ok=True)
        guard_outputs({f"--rosters file {name}": rosters_dir / name
                       for name in roster_file_names(scenarios)}, inputs)
    n_jobs = 1 if cluster else (jobs or cores())
    sweep = SweepOptions(time_limit=time_limit, work_limit=work_limit, seed=seed, jobs=n_jobs,
                         cluster=cluster, keep_solutions=rosters_dir is not None,
                         target_gap_pct=target_gap)
    say = (lambda m: None) if (quiet or as_json) else (lambda m: click.echo(m, err=True))
    where = i18n.text("whatif.cli.where_cluster", lang_, address=cluster) if cluster else \
        i18n.text("whatif.cli.where_processes", lang_, n=min(n_jobs, len(scenarios))) \
        if n_jobs > 1 else i18n.text("whatif.cli.where_here", lang_)
    say(i18n.text("whatif.cli.solving", lang_, n=len(scenarios), limit=time_limit, where=where))
    done = {"n": 0}

    def on_result(r: Any) -> None:
        done["n"] += 1
        extra = f" – {r.error}" if r.error else ""
        say(f"  [{done['n']}/{len(scenarios)}] {out.shown_name(r, lang_)}: "
            f"{out.status_text(r.status, lang_)}"
            f"{extra}")

    t0 = time.perf_counter()
    try:
        results = run_sweep(problem, scenarios, sweep, on_result)
    except RunnerError as exc:
        click.echo(str(exc), err=True)
        sys.exit(EXIT_BAD_INPUT)
    wall = time.perf_counter() - t0

    written: dict[str, Any] = {}
    if output is not None:
        try:
            written["output"] = str(output)
            written["sheet"] = write_results_workbook(
                workbook, results, output, data, lang=lang_,
                changes=[sc.describe(lang_) for sc in scenarios],
                page=lambda ws: _print_setup(ws, problem.settings, lang_))
        except OSError as exc:
            click.echo(i18n.text("cli.could_not_write", lang_, path=str(output),
                                 reason=exc.strerror or str(exc)), err=True)
            sys.exit(EXIT_VIOLATIONS)
    if rosters_dir is not None:
        written["rosters"] = _write_rosters(problem, scenarios, results, workbook, rosters_dir,
                                            time_limit, seed, data)
    if as_json:
        click.echo(json.dumps(out.json_report(results, time_limit=time_limit,
                                              work_limit=work_limit, seed=seed,
                                              target_gap_pct=_target_of(results),
                                              jobs=n_jobs, cluster=cluster,
                                              wall_seconds=round(wall, 3), **written),
                              indent=2, default=str))
    else:
        from rich.console import Console

        console = Console(stderr=False)
        for table in out.rich_tables(results, width=console.width, lang=lang_):
            console.print(table)
        for line in out.error_lines(results, lang_):
            click.echo(i18n.text("whatif.cli.error_in", lang_, line=line))
        for line in out.no_roster_lines(results, lang_):
            click.echo(i18n.text("whatif.cli.no_roster_in", lang_, line=line))
        for line in out.short_of_target_lines(results, lang_):
            click.echo(i18n.text("whatif.cli.short_of_target", lang_, line=line))
        click.echo(i18n.text("whatif.cli.done", lang_, n=len(results), seconds=wall))
        if "output" in written:
            click.echo(i18n.text("whatif.cli.written", lang_, path=written["output"]))
        if "rosters" in written:
            click.echo(i18n.text("whatif.cli.rosters", lang_, n=len(written["rosters"]),
                                 folder=str(rosters_dir)))
    sys.exit(EXIT_VIOLATIONS if out.failed(results) else EXIT_OK)


def _target_of(results: list[Any]) -> float | None:
    """The target gap the scenarios' searches had (the same for all; None: none)."""
    return next((r.target_gap_pct for r in results if r.status != "ERROR"), None)


def _print_setup(ws: Any, settings: Any, lang: str) -> None:
    """The result sheet prints landscape, one page tall (the table and its charts), as many
    pages wide as its columns need, with the header row and the scenario names on every page
    (scheduler.io.write.printing, as the roster workbook)."""
    from scheduler.io.write import printing

    printing.wrap_heights(ws)  # each wrapped reason / verdict shows whole
    printing.setup_page(ws, printing.Page(pages_wide=0, pages_tall=1, title_cols=1),
                        unit=settings.site_name, start=settings.start, end=settings.end,
                        lang=lang)


def _write_rosters(problem: Any, scenarios: list[Any], results: list[Any], workbook: Path,
                   folder: Path, time_limit: float, seed: int, data: bytes) -> list[str]:
    """Each scenario's roster workbook (through the roster writer); the files written."""
    from constraints.checker import check_problem
    from scheduler.io.write import workbook as rw
    from scheduler.solution import SolveOptions, roster_of
    from scheduler.whatif.apply import apply_scenario
    from scheduler.whatif.output import roster_file_names

    folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256(data).hexdigest()
    paths = []
    for sc, res, name in zip(scenarios, results, roster_file_names(results), strict=True):
        if res.solution is None or not res.solution.has_roster:
            continue
        changed = apply_scenario(problem, sc)
        roster = roster_of(changed, res.solution)
        findings = list(check_problem(changed, roster).findings)
        options = SolveOptions(time_limit=time_limit, seed=seed, workers=res.workers,
                               allow_overtime=res.allow_overtime)
        run = rw.RunInfo(workbook, digest, options, written_at=rw.now(), input_bytes=data)
        rw.write_roster_workbook(changed, res.solution, findings, run, folder / name)
        paths.append(str(folder / name))
    return paths


@click.command("staffing", epilog=STAFFING_EPILOG)
@click.argument("workbook", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--positions", default="50,75,100", show_default=True,
              help="Position sizes (%) a hire may have, comma-separated.")
@click.option("--compare-tiers", is_flag=True,
              help="Answer under each § 10-5 averaging tier (T0, T2, T3) for everyone.")
@click.option("--scenario", "scenario_name",
              help="Apply this scenario from the Scenarios sheet first.")
@click.option("--time-limit", type=SECONDS, default=30.0,
              show_default=True, help="Seconds per solve (the search solves several times).")
@click.option("--work-limit", type=WORK, default=None, help=WORK_LIMIT_HELP + " Per solve.")
@click.option("--max-solves", type=click.IntRange(1, 200), default=10, show_default=True,
              help="Most solves per answer.")
@click.option("--step", "step_pct", type=click.FloatRange(0, 100), default=10.0,
              show_default=True,
              help="Percentage points a hire's position is lowered by in the minimality "
                   "search (0: only the --positions sizes).")
@click.option("--seed", type=SEED, default=0, show_default=True, help="Solver seed.")
@click.option("--json", "as_json", is_flag=True, help="Print the answer(s) as JSON on stdout.")
@click.option("-q", "--quiet", is_flag=True, help="No progress lines.")
@click.option("--lang", type=click.Choice(i18n.LANGUAGES), default=None, help=LANG_HELP)
@input_errors_exit_2
def staffing(workbook: Path, positions: str, compare_tiers: bool, scenario_name: str | None,
             time_limit: float, work_limit: float | None, max_solves: int, step_pct: float,
             seed: int, as_json: bool, quiet: bool, lang: str | None) -> None:
    """Find the smallest extra staff that makes the demand of WORKBOOK coverable legally.

    Prints which hires are needed per skill and position size, and the coverage before and
    after; with --compare-tiers, the same under each § 10-5 averaging tier, so the value of a
    local agreement can be stated in heads.
    """
    from scheduler.cli import staffing_lines as words
    from scheduler.solution import SolveOptions
    from scheduler.whatif import staffing as stf
    from scheduler.whatif.runner import cores

    if not workbook.exists():
        raise InputError([Issue(i18n.msg("cli.file_not_found"), file=str(workbook))])
    try:
        pcts = stf.positions_from_text(positions)
    except stf.PositionsError as exc:
        raise click.BadParameter(exc.msg.render(i18n.language(lang)),
                                 param_hint="--positions") from None
    problem = _read_problem(workbook, lang=lang)
    lang_ = i18n.language(problem.settings.language)
    if scenario_name:
        problem = _apply_named(problem, workbook, scenario_name)
    options = SolveOptions(time_limit=time_limit, work_limit=work_limit, seed=seed,
                           workers=min(64, cores()))
    say = (lambda m: None) if (quiet or as_json) else \
        words.progress(lang_, lambda m: click.echo(f"  {m}", err=True))
    if compare_tiers:
        answers = stf.compare_tiers(problem, pcts, options, max_solves=max_solves,
                                    progress=say, step_pct=step_pct)
    else:
        answers = [stf.find_staffing(problem, pcts, options, max_solves=max_solves,
                                     progress=say, step_pct=step_pct)]
    if as_json:
        payload: dict[str, Any] = {"staffing": [
            a.model_dump(mode="json") | {"summary": a.summary(), "heads": a.heads, "fte": a.fte}
            for a in answers]}
        if compare_tiers:
            payload["tier_value"] = stf.tier_value_sentence(answers)
        click.echo(json.dumps(payload, indent=2, default=str))
    else:
        for a in answers:
            for line in words.lines(a, lang_):
                click.echo(line)
            if a.violations:
                click.secho(words.violations_line(a, lang_), fg="red", err=True)
            click.echo(words.solves_line(a, lang_))
        if compare_tiers:
            sentence = stf.tier_value_sentence(answers, lang_)
            if sentence:
                click.echo(sentence)
    covered = all(a.status == "covered" for a in answers) if not compare_tiers else \
        any(a.status == "covered" for a in answers)
    sys.exit(EXIT_OK if covered else EXIT_VIOLATIONS)


def _apply_named(problem: Any, workbook: Path, name: str) -> Any:
    from scheduler.io.read.scenarios import read_scenarios
    from scheduler.io.sheets.spec import norm
    from scheduler.whatif.apply import apply_scenario

    for sc in read_scenarios(workbook, problem, required=True):
        if norm(sc.name) == norm(name):
            return apply_scenario(problem, sc)
    raise InputError([Issue(i18n.msg("whatif.no_scenario_named", name=repr(name)),
                            file=str(workbook))])


__all__ = ["staffing", "whatif"]
