"""Generate Curtois & Qu style instances of any size, in the benchmark's own text format.

    python -m benchmarks.curtois.generate OUT_DIR --staff 150 --days 364 --shifts 32 --seed 1
    python -m benchmarks.curtois.generate OUT_DIR --ladder --seed 1   # Instance13..24 sizes

The published set reaches 150 staff × 364 days × 32 shift types (Instance24); the large ones are
held out, so the runner is tested on generated instances of the same shape. What the format
description (``shared/benchmarks/curtois/README.md``) says is kept: seven sections in order,
comma-separated fields with ``|`` sub-lists, CRLF line ends, day 0 a Monday, shift lengths 480,
600 or 720 minutes, every shift type listed in every staff line (``=0`` for a skill the employee
lacks), exactly one days-off line per employee, request weights 1–3 with no duplicates, no
request on a fixed day off and never an on and an off request on one day, one cover line per
(day, shift) with weights 100 and 1.

The numbers are drawn so that a feasible roster exists by construction: the generator first
builds a legal *witness* roster (blocks of 2–5 working days with at least 2 days off between
them, at most every second weekend, only qualified shifts, no forbidden succession) and derives
every employee's limits around it (its minutes within [min, max], its shift counts within the
per-type maxima). Cover is drawn around the witness's own cover, so the optimum is well below
the trivial one but not zero.

Every instance written also gets its witness's objective (scored by the benchmark's evaluator)
in ``witness.csv`` beside it: a legal roster of that cost exists, so a solver's answer should
lie below it, and the runner shows it beside the answer (the *witness* column).
``--ladder`` writes one instance of each size of the published Instances 13-24
(:data:`LADDER`: 120 staff x 28 days x 18 shift types up to Instance24's 150 x 364 x 32), numbered
as those, the large instances the runner is measured on without having them.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from pathlib import Path

import click

LENGTHS = (480, 600, 720)
WITNESS_CSV = "witness.csv"
# (staff, days, shift types) of the published Instances 13-24 as recalled from Curtois & Qu
# (2014); only Instance24's is confirmed here (issue #19), the others are not checked against
# the files, which are held out
LADDER = {13: (120, 28, 18), 14: (32, 42, 4), 15: (45, 42, 6), 16: (20, 56, 3),
          17: (32, 84, 4), 18: (22, 84, 3), 19: (40, 84, 5), 20: (50, 182, 6),
          21: (100, 182, 8), 22: (50, 364, 10), 23: (100, 364, 16), 24: (150, 364, 32)}


@dataclass(frozen=True)
class Shape:
    staff: int
    days: int
    shifts: int
    seed: int = 0


def _employee_ids(n: int) -> list[str]:
    """A..Z, AA..AZ, BA.. as in the published files."""
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = list(letters)
    for a in letters:
        for b in letters:
            out.append(a + b)
    return out[:n]


def _shift_ids(n: int) -> list[str]:
    base = ["D", "E", "L", "N"]
    if n <= len(base):
        return base[:n]
    out = []
    groups = ("d", "e", "l", "n", "a")
    k = 0
    while len(out) < n:
        out.append(f"{groups[k % len(groups)]}{k // len(groups) + 1}")
        k += 1
    return out


def generate(shape: Shape) -> tuple[str, dict[str, dict[int, str]]]:
    """The instance text (CRLF line ends) for ``shape``, and its witness roster
    (employee -> day index -> shift id), which keeps every hard rule."""
    if shape.days % 7 or shape.days <= 0:
        raise ValueError("days must be a positive multiple of 7")
    rng = random.Random(shape.seed)
    shifts = _shift_ids(shape.shifts)
    length = {s: rng.choice(LENGTHS) for s in shifts}
    late = {s for s in shifts if s[0] in "lLnN"}
    early = {s for s in shifts if s[0] in "eEdD"}
    forbidden = {s: sorted(early) if s in late else [] for s in shifts}
    emps = _employee_ids(shape.staff)
    n_days = shape.days

    # Skills: every employee can do 1..min(6, shifts) types, every type has some staff.
    skills: dict[str, list[str]] = {}
    for i, e in enumerate(emps):
        k = rng.randint(1, min(6, len(shifts)))
        chosen = set(rng.sample(shifts, k))
        chosen.add(shifts[i % len(shifts)])
        skills[e] = sorted(chosen, key=shifts.index)

    # Witness roster: work blocks of 2-5 days separated by 2-4 days off.
    witness: dict[str, dict[int, str]] = {}
    for e in emps:
        plan: dict[int, str] = {}
        d = rng.randint(0, 3)
        while d < n_days:
            block = rng.randint(2, 5)
            prev: str | None = None
            for day in range(d, min(d + block, n_days)):
                # never empty: after a late shift another late one is allowed, and the
                # employee has a late skill whenever prev is late
                options = [s for s in skills[e] if prev is None or s not in forbidden[prev]]
                prev = plan[day] = rng.choice(options)
            d += block + rng.randint(2, 4)
        witness[e] = plan

    lines: list[str] = ["# Generated by benchmarks/curtois/generate.py", f"# {shape}", ""]
    lines += ["SECTION_HORIZON", "# All instances start on a Monday", str(n_days), ""]
    lines += ["SECTION_SHIFTS", "# ShiftID, Length in mins, Shifts which cannot follow this shift"]
    lines += [f"{s},{length[s]},{'|'.join(forbidden[s])}" for s in shifts]
    lines += [""]
    lines += ["SECTION_STAFF", "# ID, MaxShifts, MaxTotalMinutes, MinTotalMinutes, "
              "MaxConsecutiveShifts, MinConsecutiveShifts, MinConsecutiveDaysOff, MaxWeekends"]
    days_off: dict[str, list[int]] = {}
    for e in emps:
        plan = witness[e]
        counts = {s: sum(1 for v in plan.values() if v == s) for s in shifts}
        minutes = sum(length[v] for v in plan.values())
        max_shifts = "|".join(
            f"{s}={counts[s] + rng.randint(1, 3) + n_days // 28 if s in skills[e] else 0}"
            for s in shifts
        )
        max_total = minutes + rng.choice(LENGTHS) * rng.randint(1, 3)
        min_total = max(0, minutes - rng.choice(LENGTHS) * rng.randint(1, 3))
        weekends = sum(1 for k in range(n_days // 7) if (7 * k + 5) in plan or (7 * k + 6) in plan)
        lines.append(f"{e},{max_shifts},{max_total},{min_total},5,2,2,{weekends + rng.randint(0, 1)}")
        free = [d for d in range(n_days) if d not in plan]
        days_off[e] = sorted(rng.sample(free, min(len(free), rng.randint(1, 1 + n_days // 28))))
    lines += ["", "SECTION_DAYS_OFF", "# EmployeeID, DayIndexes (start at zero)"]
    lines += [",".join([e] + [str(d) for d in days_off[e]]) for e in emps]

    on: list[str] = []
    off: list[str] = []
    for e in emps:
        blocked = set(days_off[e])
        for _ in range(rng.randint(0, 2 + n_days // 14)):
            d = rng.randrange(n_days)
            if d in blocked:
                continue
            blocked.add(d)
            if rng.random() < 0.5:
                on.append(f"{e},{d},{rng.choice(skills[e])},{rng.randint(1, 3)}")
            else:
                off.append(f"{e},{d},{rng.choice(shifts)},{rng.randint(1, 3)}")
    lines += ["", "SECTION_SHIFT_ON_REQUESTS", "# EmployeeID, Day, ShiftID, Weight"] + on
    lines += ["", "SECTION_SHIFT_OFF_REQUESTS", "# EmployeeID, Day, ShiftID, Weight"] + off

    lines += ["", "SECTION_COVER", "# Day, ShiftID, Requirement, Weight for under, Weight for over"]
    for d in range(n_days):
        for s in shifts:
            have = sum(1 for e in emps if witness[e].get(d) == s)
            req = max(0, have + rng.randint(-1, 2))
            lines.append(f"{d},{s},{req},100,1")
    return "\r\n".join(lines) + "\r\n", witness


def write(shape: Shape, directory: Path, number: int) -> Path:
    """Write ``Instance<number>.txt`` and its witness's objective into ``witness.csv``."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"Instance{number}.txt"
    text, witness = generate(shape)
    tmp = path.with_suffix(".txt.tmp")
    tmp.write_bytes(text.encode("ascii"))
    tmp.replace(path)
    _record_witness(directory, path.stem, witness_objective(path, witness))
    return path


def witness_objective(path: Path, witness: dict[str, dict[int, str]]) -> int:
    """The benchmark objective of ``witness`` on the instance at ``path`` (the evaluator's)."""
    from datetime import timedelta

    from benchmarks.curtois.evaluator import evaluate
    from benchmarks.curtois.reader import DAY0, read_instance

    assignments = {(e, DAY0 + timedelta(days=d)): s
                   for e, plan in witness.items() for d, s in plan.items()}
    evaluation = evaluate(read_instance(path), assignments)
    if not evaluation.feasible:  # by construction it is; a broken generator must not pass
        raise AssertionError(f"{path.name}: the witness breaks {evaluation.breaches[:3]}")
    return evaluation.objective


def read_witnesses(directory: Path) -> dict[str, int]:
    """instance name -> its witness's objective, from ``witness.csv`` (empty without one)."""
    path = directory / WITNESS_CSV
    if not path.exists():
        return {}
    out: dict[str, int] = {}
    with path.open(newline="") as fh:
        for line, row in enumerate(csv.DictReader(fh), start=2):
            try:
                out[row["instance"]] = int(row["witness"])
            except (KeyError, TypeError, ValueError):
                raise ValueError(f"{path}, line {line}: expected 'instance,witness' with a whole "
                                 f"number, got {row}") from None
    return out


def _record_witness(directory: Path, name: str, objective: int) -> None:
    known = read_witnesses(directory)
    known[name] = objective
    path = directory / WITNESS_CSV
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["instance", "witness"])
        for key in sorted(known, key=lambda k: (len(k), k)):
            out.writerow([key, known[key]])
    tmp.replace(path)


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--staff", default=150, show_default=True, help="Employees.")
@click.option("--days", default=364, show_default=True, help="Horizon (a multiple of 7).")
@click.option("--shifts", default=32, show_default=True, help="Shift types.")
@click.option("--seed", default=0, show_default=True)
@click.option("--number", default=101, show_default=True,
              help="Written as Instance<NUMBER>.txt, so the runner's --instances can pick it.")
@click.option("--ladder", is_flag=True,
              help="Instead of one instance, write Instance13..24 at the sizes of the published "
                   "Instances 13-24 (--staff/--days/--shifts/--number are then ignored).")
def main(directory: Path, staff: int, days: int, shifts: int, seed: int, number: int,
         ladder: bool) -> None:
    """Write one generated instance of the given size into DIRECTORY, and its witness
    roster's objective into DIRECTORY/witness.csv."""
    todo = {n: Shape(*size, seed) for n, size in LADDER.items()} if ladder \
        else {number: Shape(staff, days, shifts, seed)}
    for n, shape in todo.items():
        try:
            path = write(shape, directory, n)
        except ValueError as exc:
            raise click.BadParameter(str(exc)) from exc
        click.echo(f"{path}  {shape.staff} staff x {shape.days} days x {shape.shifts} shift types"
                   f"  witness {read_witnesses(directory)[path.stem]}")


if __name__ == "__main__":
    main()
