"""How long does ``roster check`` take next to just opening the workbook?

    python -m benchmarks.check_bench --employees 1000 --days 365

Generates a roster workbook of that size (``Roster`` grid plus ``Shifts``): a three-week forward
rotation (a week of days, a week of evenings with every third weekend, three nights), each
employee starting in one of its weeks, with a few planted breaches (quick returns E→D, runs of
eight day shifts, 12-hour days). Then times, in one run:

* ``load``  — ``openpyxl.load_workbook(path, read_only=False)``, what every reader pays;
* ``parse`` — turning the already-loaded sheet into work periods (for information);
* ``check`` — ``constraints.checker.run_check`` in fixed mode with every rule, on the already
  parsed roster.

Each is run ``--repeats`` times (default 3); the medians and the check/load ratio are printed as
a markdown section for ``docs/benchmarks.md``. Target: the check costs less than the load.
"""

from __future__ import annotations

import platform
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from datetime import date, timedelta
from datetime import time as clock
from pathlib import Path
from typing import Any, TypeVar

import click
import openpyxl

SHIFTS = (
    ("D", "Day", clock(7, 30), clock(15, 0), 30),
    ("E", "Evening", clock(14, 30), clock(22, 0), 30),
    ("N", "Night", clock(22, 0), clock(7, 0), 30),
    ("L", "Long day", clock(7, 30), clock(19, 30), 30),
)
# A three-week forward rotation (Monday first): days, then evenings with every third weekend,
# then three nights. 37.5 / 37.5 / 27 hours; employees start in week 1, 2 or 3 of it.
CYCLE = (
    "D", "D", "D", "D", "D", "", "",
    "E", "E", "", "", "E", "E", "E",
    "", "", "N", "N", "N", "", "",
)


def build_grid(employees: int, days: int, start: date, seed: int) -> tuple[list[str], list[list[str]]]:
    """Employee ids and their row of cell codes; about 2 % of rows carry each planted breach."""
    rng = random.Random(seed)
    ids = [f"E{i:05d}" for i in range(1, employees + 1)]
    rows: list[list[str]] = []
    first = start.weekday()  # align the cycle's Mondays with the calendar
    for i in range(employees):
        offset = 7 * (i % 3) + first
        row = [CYCLE[(d + offset) % len(CYCLE)] for d in range(days)]
        # Days off as the planners write them.
        for d, code in enumerate(row):
            if code == "" and rng.random() < 0.3:
                row[d] = rng.choice(("F1", "-", "F2"))
        if rng.random() < 0.02:  # quick return: an evening, then a day shift
            d = rng.randrange(days - 1)
            row[d], row[d + 1] = "E", "D"
        if rng.random() < 0.02:  # a long run of day shifts
            d = rng.randrange(max(1, days - 8))
            for k in range(8):
                if d + k < days:
                    row[d + k] = "D"
        if rng.random() < 0.02:  # a 12-hour day
            row[rng.randrange(days)] = "L"
        rows.append(row)
    return ids, rows


def write_workbook(path: Path, employees: int, days: int, start: date, seed: int) -> None:
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Roster")
    dates = [start + timedelta(days=i) for i in range(days)]
    ws.append(["Employee", "Name", *dates])
    ids, rows = build_grid(employees, days, start, seed)
    for emp, row in zip(ids, rows, strict=True):
        ws.append([emp, f"Employee {emp[1:]}", *(c or None for c in row)])
    sh = wb.create_sheet("Shifts")
    sh.append(["code", "name", "start", "end", "break_minutes"])
    for code, name, s, e, b in SHIFTS:
        sh.append([code, name, s, e, b])
    wb.save(path)


T = TypeVar("T")


def _median_time(fn: Callable[[], T], repeats: int) -> tuple[float, T]:
    times: list[float] = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


@click.command()
@click.option("--employees", type=int, default=1000, show_default=True)
@click.option("--days", type=int, default=365, show_default=True)
@click.option("--repeats", type=int, default=3, show_default=True)
@click.option("--seed", type=int, default=7, show_default=True)
@click.option("--start", "start_text", default="2026-01-05", show_default=True, help="First date.")
@click.option("--keep", type=click.Path(dir_okay=False, path_type=Path), help="Also save the workbook here.")
def main(employees: int, days: int, repeats: int, seed: int, start_text: str, keep: Path | None) -> None:
    from constraints import registry
    from constraints.checker import run_check
    from scheduler.errors import Collector
    from scheduler.io.roster.load import read_grid
    from scheduler.model import Settings, ShiftType

    start = date.fromisoformat(start_text)
    shifts = [
        ShiftType(code=c, name=n, start=s, end=e, break_minutes=b) for c, n, s, e, b in SHIFTS
    ]
    with tempfile.TemporaryDirectory() as tmp:
        path = keep or Path(tmp) / "bench_roster.xlsx"
        t0 = time.perf_counter()
        write_workbook(path, employees, days, start, seed)
        gen = time.perf_counter() - t0
        size_mb = path.stat().st_size / 1024 / 1024

        load_s, wb = _median_time(lambda: openpyxl.load_workbook(path, read_only=False), repeats)

        def parse() -> Any:
            col = Collector(str(path))
            src = read_grid(wb["Roster"], path, shifts, col)
            col.raise_if_any()
            return src

        parse_s, src = _median_time(parse, repeats)
        roster = src.roster
        settings = Settings(
            start=start,
            end=start + timedelta(days=days - 1),
            sunday_work_permitted_by_nature=True,
            night_work_permitted_by_nature=True,
        )

        def check() -> Any:
            return run_check(settings, roster, strict=False, tariff_profile=False)

        check_s, report = _median_time(check, repeats)

    rules = [r for r in registry.rules() if r.check is not None and not r.spec.opt_in]
    findings = report.findings
    n_viol = sum(1 for f in findings if f.severity.value == "violation")
    by_rule = Counter(f.rule for f in findings)
    ratio = check_s / load_s if load_s else float("inf")
    lines = [
        "## roster check: check time against workbook load time",
        "",
        f"`python -m benchmarks.check_bench --employees {employees} --days {days}` "
        f"(median of {repeats} runs each; Python {platform.python_version()}, "
        f"openpyxl {openpyxl.__version__}, {platform.machine()}).",
        "",
        f"Workbook: {employees} employees × {days} days, {len(roster.periods):,} work periods, "
        f"{size_mb:.1f} MB (generated in {gen:.1f} s). Rules with a check: {len(rules)} "
        f"(fixed mode, no tariff profile). Findings: {len(findings):,} "
        f"({n_viol:,} violations).",
        "",
        "| step | median seconds |",
        "|---|---:|",
        f"| openpyxl `load_workbook(read_only=False)` | {load_s:.2f} |",
        f"| parse the Roster grid into work periods | {parse_s:.2f} |",
        f"| `run_check` (fixed mode, all rules) | {check_s:.2f} |",
        "",
        f"Check / load ratio: **{ratio:.2f}** "
        f"({'meets' if ratio < 1 else 'misses'} the target of < 1).",
        "",
        "Findings by rule: "
        + ", ".join(f"`{rule}` {n:,}" for rule, n in sorted(by_rule.items()))
        + ".",
    ]
    click.echo("\n".join(lines))


if __name__ == "__main__":
    main(sys.argv[1:])
