"""How fast, and in how much memory, does ``roster check`` read and check a large timesheet?

    python -m benchmarks.timesheet_bench --rows 1000000

Writes a CSV timesheet of ``--rows`` rows (``employee,start,end,break_minutes``: 250 shifts a
year per employee, day/evening/night, ISO times with and without an offset; about 55 bytes a
row), then runs, each in a fresh process so peak memory is the process's own:

* ``read``  — :func:`scheduler.io.roster.load.load_check_input` alone;
* ``check`` — the whole ``roster check FILE --format json -o OUT`` command.

Prints rows, file size, seconds, rows per second and peak resident memory (``ru_maxrss``) of
each, as a markdown table for ``docs/reliability.md``.
"""

from __future__ import annotations

import platform
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import click

SHIFTS = ((7, 30, 8 * 60), (15, 0, 7 * 60 + 30), (22, 0, 9 * 60))


def write_timesheet(path: Path, rows: int) -> None:
    per_employee = 250
    start = date(2025, 1, 6)
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("employee,start,end,break_minutes\n")
        written = 0
        emp = 0
        while written < rows:
            emp += 1
            day = start
            for k in range(min(per_employee, rows - written)):
                h, m, minutes = SHIFTS[(k // 5) % 3]
                s = datetime(day.year, day.month, day.day, h, m)
                e = s + timedelta(minutes=minutes)
                fh.write(f"E{emp:05d},{s:%Y-%m-%dT%H:%M},{e:%Y-%m-%dT%H:%M},30\n")
                day += timedelta(days=1 if k % 7 < 4 else 2)
                written += 1


READ = """
import sys
from scheduler.io.roster.load import load_check_input
data = load_check_input(sys.argv[1])
print(len(data.roster.periods))
"""


def _run(args: list[str]) -> tuple[float, float, str]:
    """Seconds, peak RSS in MiB of the child, and its stdout."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    proc = subprocess.run(args, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if proc.returncode not in (0, 1):
        sys.exit(f"{args} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    # ru_maxrss of children is the largest of any child so far: run the smaller job first.
    return seconds, max(peak, before) / 1024, proc.stdout


@click.command()
@click.option("--rows", type=int, default=1_000_000, show_default=True)
def main(rows: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "timesheet.csv"
        write_timesheet(path, rows)
        size = path.stat().st_size / 1024 / 1024
        read_s, read_mb, out = _run([sys.executable, "-c", READ, str(path)])
        check_s, check_mb, _ = _run([str(Path(sys.executable).with_name("roster")), "check", str(path),
                                     "--format", "json", "-o", str(Path(tmp) / "out.json")])
    print(f"### Timesheet of {rows:,} rows ({size:.1f} MB CSV), {platform.python_version()}\n")
    print("| step | seconds | rows/s | peak memory (MiB) |")
    print("|---|---:|---:|---:|")
    print(f"| read (load_check_input) | {read_s:.1f} | {rows / read_s:,.0f} | {read_mb:,.0f} |")
    print(f"| roster check --format json | {check_s:.1f} | {rows / check_s:,.0f} | "
          f"{check_mb:,.0f} |")
    print(f"\nperiods read: {out.strip()}")


if __name__ == "__main__":
    main()
