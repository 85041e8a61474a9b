"""``roster check``: find every breach of AML chapter 10 in a roster or a timesheet."""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

import click

from scheduler import i18n
from scheduler.cli.common import EXIT_OK, EXIT_VIOLATIONS, input_errors_exit_2
from scheduler.cli.language import settle
from scheduler.cli.paths import guard_outputs

HELP = """Check a roster or a timesheet against AML chapter 10 and list every breach.

\b
PATH is either
  * a roster workbook (.xlsx) with a sheet "Roster" (or "Turnus"): one row per employee
    (id, optional name), one column per date, shift codes in the cells; blank, -, F1-F5,
    FE and Ferie are days off. Shift codes are explained by a "Shifts" sheet in the same
    workbook or in --problem. The file "roster solve" writes can be checked as it is.
  * a timesheet (.csv with , or ; or .xlsx) with one row per work period: columns
    employee, start, end and optionally break_minutes and kind (planned, overtime, extra;
    planlagt, overtid, merarbeid). Times are ISO 8601 (2026-03-02T07:30, with or without
    +01:00; without an offset they are Norwegian local time) or Excel date-times. At most
    250,000 rows per check.

Settings, Employees, Agreements and History come from the same workbook or from
--problem. The checked period is --start/--end, else the Settings sheet, else the span
of the roster. Work outside that period is an input error; --exclude-outside checks
only the period and lists that work as excluded.

\b
Nothing is skipped silently: every report ends with its coverage (rows read, the period
checked, and every cell or row not read, with its cells). A report that left anything
out says "NOT A FULL CHECK" and never "no findings"; in JSON, "coverage.complete" is
false. A shift code the grid cannot place (no employee id, no date above it, merged
cells) and overlapping shifts are input errors at their cells.

\b
Output: a table grouped by employee, worst first (default); --format json (the same
input gives byte-identical JSON; "input_sha256" is the SHA-256 of PATH, or with --problem
the SHA-256 of the two files' SHA-256 digests; "coverage" says what was read);
--format xlsx (a Findings sheet and the roster grid with offending cells marked and
commented; the Check sheet shows the coverage).

\b
Exit code: 0 no violation (warnings allowed), 1 at least one violation, 2 bad input.

\b
For unions — a timesheet exported with Norwegian headers (Ansatt;Fra;Til;Pause;Type):
  roster check timeliste.csv \\
      --columns employee=Ansatt,start=Fra,end=Til,break_minutes=Pause,kind=Type
  roster check timeliste.csv --problem avdeling.xlsx --format json -o funn.json
  roster check forslag.xlsx --strict        (also every rolling 24 h / 7-day window,
                                             reported as warnings)

\b
For planners — the proposed roster, with the ward workbook for shifts and agreements:
  roster check ward.roster.xlsx
  roster check march.xlsx --problem ward.xlsx --format xlsx -o march.check.xlsx
  roster check march.xlsx --start 2026-03-01 --end 2026-03-31 --tariff-profile
  roster check turnus.xlsx --lang nb          (meldinger og overskrifter på norsk)

\b
Day-off codes in a grid (KS/Spekter practice): F1 ukefridag (carries the weekly rest),
F2 ekstra ukefridag, F3 helgedagsfri, F4 godtgjøringsfri, F5 erstatningsfridag. When a grid
uses them, the checker warns about a week without one F1 (or with two), an F1 whose rest is
shorter than the weekly rest in force, and an F3 that is not on a Sunday or holiday.
"""


def _day(value: datetime | None) -> date | None:
    return None if value is None else value.date()


@click.command("check", help=HELP)
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--problem",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Workbook with Settings/Shifts/Employees/Agreements/History (the ward's planning file).",
)
@click.option(
    "--columns",
    metavar="FIELD=HEADER,...",
    help="Map timesheet headers, e.g. employee=Ansatt,start=Fra,end=Til,break_minutes=Pause,kind=Type.",
)
@click.option("--strict", is_flag=True, help="Also check every rolling window (findings only this finds are warnings).")
@click.option("--tariff-profile", is_flag=True, help="Also check the hospital tariff rules (TAR-*).")
@click.option("--presume-breaks", is_flag=True,
              help="Presume an unrecorded § 10-9 (2) overtime break was taken (default: not "
              "presumed; findings that depend on it are named in one warning per employee).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "xlsx"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report here (needed for xlsx; default PATH stem + .check.xlsx).",
)
@click.option("--start", type=click.DateTime(formats=["%Y-%m-%d"]), help="First day to check (YYYY-MM-DD).")
@click.option("--end", type=click.DateTime(formats=["%Y-%m-%d"]), help="Last day to check (YYYY-MM-DD).")
@click.option(
    "--exclude-outside",
    is_flag=True,
    help="Check only the period (--start/--end, else Settings) and list work outside it as "
    "excluded in the report (without this flag such work is an input error).",
)
@click.option(
    "--lang",
    type=click.Choice(i18n.LANGUAGES),
    default=None,
    help="Language of messages and headings: en or nb (norsk bokmål) [default: the Settings "
    "sheet's language, else en]. Rule ids and JSON keys stay the same.",
)
@input_errors_exit_2
def check(
    path: Path,
    problem: Path | None,
    columns: str | None,
    strict: bool,
    tariff_profile: bool,
    presume_breaks: bool,
    fmt: str,
    output: Path | None,
    start: datetime | None,
    end: datetime | None,
    exclude_outside: bool,
    lang: str | None,
) -> None:
    from constraints.checker import run_check
    from scheduler.io.report import text as rp
    from scheduler.io.report.xlsx import write_xlsx
    from scheduler.io.roster.load import load_check_input, parse_columns

    target = output or (path.with_name(f"{path.stem}.check.xlsx") if fmt == "xlsx" else None)
    guard_outputs({"the report": target}, {"PATH": path, "--problem": problem})
    data = load_check_input(
        path, problem=problem, columns=parse_columns(columns), start=_day(start), end=_day(end),
        exclude_outside=exclude_outside,
    )
    coverage = data.coverage
    settings = data.settings
    if lang is not None:
        settings = settings.model_copy(update={"language": lang})
    if presume_breaks:
        settings = settings.model_copy(update={"presume_breaks": True})
    lang = i18n.language(settings.language)
    settle(lang)  # for Ctrl-C and internal errors
    result = run_check(
        settings,
        data.roster,
        employees=data.employees,
        agreements=data.agreements,
        history=data.history,
        employee_history=data.employee_history,
        strict=strict or data.settings.strict,
        tariff_profile=tariff_profile,
        contracts={c.id: c for c in data.contracts},
        shifts={s.code: s for s in data.shifts},
    )
    if fmt == "json":
        text = rp.to_json_text(result, data.input_sha256, coverage)
        if output is not None:
            _write_text_atomically(output, text)
        else:
            click.echo(text, nl=False)
    elif fmt == "xlsx":
        out = target or path.with_name(f"{path.stem}.check.xlsx")
        write_xlsx(result, data, out, lang)
        written = i18n.text("report.written", lang, path=out)
        click.echo(f"{rp.headline(result, path.name, lang, coverage)}\n{written}")
    else:
        if output is not None:
            _write_text_atomically(output, rp.render_text(result, path.name, lang, coverage))
        elif sys.stdout.isatty():
            from rich.console import Console

            rp.print_table(result, Console(), path.name, lang, coverage)
        else:
            click.echo(rp.render_text(result, path.name, lang, coverage), nl=False)
    sys.exit(EXIT_VIOLATIONS if result.violations else EXIT_OK)


def _write_text_atomically(path: Path, text: str) -> None:
    import os
    import tempfile

    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
