"""Reader for the Curtois & Qu nurse-rostering text format, building the ordinary ``Problem``.

Format (see ``shared/benchmarks/curtois/README.md``): seven sections, comma-separated fields,
``|``-separated sub-lists, ``#`` comments, CRLF line ends, day 0 is a Monday.

Mapping onto the domain model (no separate model):

* shifts → ``ShiftType`` with a clock time chosen from the id's first letter (the format has
  lengths only): E 06:00, D/d 08:00, L 14:00, N 22:00, others 08:00; no break;
* staff → ``Employee`` with its own ``Contract`` (max shifts per type, total minutes, consecutive
  shifts and days off, max weekends) and the global forbidden successions; ``limit = 0`` for a
  shift type makes the employee unqualified for it;
* days off → ``Request(kind=unavailable)``;
* shift-on / shift-off requests → ``shift_wish`` / ``avoid_shift`` with their weights;
* cover → ``DemandItem(minimum=0, target=req, weight=under, over_weight=over)``;
* ``Settings.apply_aml = False``: the benchmark is judged by its own rules only.
"""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path

from scheduler.errors import Collector
from scheduler.model import (
    Contract,
    DemandItem,
    Employee,
    Problem,
    Request,
    RequestKind,
    Settings,
    ShiftType,
    Weights,
)

SECTIONS = (
    "SECTION_HORIZON",
    "SECTION_SHIFTS",
    "SECTION_STAFF",
    "SECTION_DAYS_OFF",
    "SECTION_SHIFT_ON_REQUESTS",
    "SECTION_SHIFT_OFF_REQUESTS",
    "SECTION_COVER",
)
# Day 0 of every instance is a Monday; any Monday will do since AML rules are off.
DAY0 = date(2024, 1, 1)
_START_BY_LETTER = {"E": time(6, 0), "D": time(8, 0), "L": time(14, 0), "N": time(22, 0)}


def _clock_for(shift_id: str, minutes: int) -> tuple[time, time]:
    start = _START_BY_LETTER.get(shift_id[:1].upper(), time(8, 0))
    end_min = (start.hour * 60 + start.minute + minutes) % (24 * 60)
    return start, time(end_min // 60, end_min % 60)


def _sections(text: str, col: Collector) -> dict[str, list[tuple[int, str]]]:
    out: dict[str, list[tuple[int, str]]] = {}
    current: str | None = None
    for no, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r").strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("SECTION_"):
            if line not in SECTIONS:
                col.add(f"line {no}: unknown section {line!r}")
            current = line
            out.setdefault(line, [])
            continue
        if current is None:
            col.add(f"line {no}: data before the first section")
            continue
        out[current].append((no, line))
    for name in SECTIONS:
        if name not in out:
            col.add(f"missing section {name}")
    return out


def _int(value: str, no: int, what: str, col: Collector) -> int:
    try:
        return int(value)
    except ValueError:
        col.add(f"line {no}: {what} must be a whole number, got {value!r}")
        return 0


def read_instance(path: str | Path, name: str | None = None) -> Problem:
    """Parse one instance file into a ``Problem`` (raises ``InputError`` with every problem)."""
    path = Path(path)
    col = Collector(str(path))
    try:
        text = path.read_text(encoding="ascii", errors="replace")
    except OSError as exc:
        col.add(f"cannot read the file: {exc.strerror}")
        col.raise_if_any()
        raise AssertionError from exc  # unreachable
    sec = _sections(text, col)
    col.raise_if_any()

    horizon_lines = sec["SECTION_HORIZON"]
    days = _int(horizon_lines[0][1], horizon_lines[0][0], "the horizon", col) if horizon_lines else 0
    if days <= 0:
        col.add("the horizon must be a positive number of days")
        col.raise_if_any()

    shifts: list[ShiftType] = []
    successions: list[tuple[str, str]] = []
    lengths: dict[str, int] = {}
    for no, line in sec["SECTION_SHIFTS"]:
        parts = line.split(",")
        if len(parts) < 2:
            col.add(f"line {no}: a shift line needs ShiftID,Length,ForbiddenNext")
            continue
        sid, length = parts[0], _int(parts[1], no, "the shift length", col)
        lengths[sid] = length
        start, end = _clock_for(sid, length)
        shifts.append(ShiftType(code=sid, name=f"{sid} ({length} min)", start=start, end=end))
        nxt = parts[2] if len(parts) > 2 else ""
        successions.extend((sid, t) for t in nxt.split("|") if t)

    employees: list[Employee] = []
    contracts: list[Contract] = []
    for no, line in sec["SECTION_STAFF"]:
        p = line.split(",")
        if len(p) != 8:
            col.add(f"line {no}: a staff line needs 8 fields, got {len(p)}")
            continue
        max_shifts: dict[str, int] = {}
        for item in p[1].split("|"):
            if not item:
                continue
            sid, _, lim = item.partition("=")
            if sid not in lengths:
                col.add(f"line {no}: unknown shift {sid!r} in MaxShifts")
                continue
            max_shifts[sid] = _int(lim, no, f"MaxShifts for {sid}", col)
        eid = p[0]
        contracts.append(
            Contract(
                id=eid,
                max_shifts=max_shifts,
                max_total_minutes=_int(p[2], no, "MaxTotalMinutes", col),
                min_total_minutes=_int(p[3], no, "MinTotalMinutes", col),
                max_consecutive_shifts=_int(p[4], no, "MaxConsecutiveShifts", col),
                min_consecutive_shifts=_int(p[5], no, "MinConsecutiveShifts", col),
                min_consecutive_days_off=_int(p[6], no, "MinConsecutiveDaysOff", col),
                max_weekends=_int(p[7], no, "MaxWeekends", col),
                forbidden_successions=tuple(successions),
            )
        )
        skills = tuple(sorted(s for s, lim in max_shifts.items() if lim > 0))
        employees.append(Employee(id=eid, name=eid, skills=skills, contract=eid))
    emp_ids = {e.id for e in employees}

    def day_of(value: str, no: int) -> date | None:
        d = _int(value, no, "the day", col)
        if not 0 <= d < days:
            col.add(f"line {no}: day {d} is outside the horizon 0..{days - 1}")
            return None
        return DAY0 + timedelta(days=d)

    requests: list[Request] = []
    for no, line in sec["SECTION_DAYS_OFF"]:
        p = line.split(",")
        if p[0] not in emp_ids:
            col.add(f"line {no}: unknown employee {p[0]!r}")
            continue
        for v in p[1:]:
            if v and (d := day_of(v, no)) is not None:
                requests.append(Request(employee=p[0], start=d, end=d, kind=RequestKind.unavailable))
    for section, kind in (
        ("SECTION_SHIFT_ON_REQUESTS", RequestKind.shift_wish),
        ("SECTION_SHIFT_OFF_REQUESTS", RequestKind.avoid_shift),
    ):
        for no, line in sec[section]:
            p = line.split(",")
            if len(p) != 4 or p[0] not in emp_ids or p[2] not in lengths:
                col.add(f"line {no}: expected EmployeeID,Day,ShiftID,Weight with known ids")
                continue
            if (d := day_of(p[1], no)) is not None:
                requests.append(
                    Request(employee=p[0], start=d, end=d, kind=kind, shift=p[2],
                            weight=_int(p[3], no, "the weight", col))
                )

    demand: list[DemandItem] = []
    for no, line in sec["SECTION_COVER"]:
        p = line.split(",")
        if len(p) != 5 or p[1] not in lengths:
            col.add(f"line {no}: expected Day,ShiftID,Requirement,WeightUnder,WeightOver")
            continue
        if (d := day_of(p[0], no)) is not None:
            demand.append(
                DemandItem(day=d, shift=p[1], minimum=0, target=_int(p[2], no, "Requirement", col),
                           weight=_int(p[3], no, "WeightForUnder", col),
                           over_weight=_int(p[4], no, "WeightForOver", col))
            )
    col.raise_if_any()
    settings = Settings(
        site_name=name or path.stem,
        start=DAY0,
        end=DAY0 + timedelta(days=days - 1),
        apply_aml=False,
        sunday_work_permitted_by_nature=True,
        night_work_permitted_by_nature=True,
    )
    # Benchmark objective: only cover and requests count, with the file's own weights.
    weights = Weights(uncovered=1, soft_legal=0, below_target=1, contract_deviation=0, request=1,
                      fairness=0, pattern=0, overstaffing=1)
    return Problem(
        settings=settings,
        shifts=tuple(shifts),
        employees=tuple(employees),
        demand=tuple(demand),
        requests=tuple(requests),
        contracts=tuple(contracts),
        weights=weights,
    )
