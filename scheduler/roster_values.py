"""Values in a roster grid or a timesheet: header dates, date-times, breaks, kinds of hours.

Shared by the grid reader (:mod:`scheduler.roster_grid`) and the timesheet reader
(:mod:`scheduler.timesheet`); :mod:`scheduler.roster_input` describes the formats.

Date-times are compared as instants. A time with a UTC offset is that instant (shown in
Europe/Oslo, with ``fold`` set in the autumn DST hour); a time without one is Europe/Oslo wall
clock time: in the autumn DST hour the first of the two instants, and a wall-clock time that does
not exist (02:00-02:59 on the spring DST day) is refused, never silently moved.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time
from functools import lru_cache
from typing import Any

from openpyxl.utils.datetime import from_excel

from scheduler import dayoff
from scheduler.clock import TZ
from scheduler.errors import InputError, Issue
from scheduler.model import OnCall, PeriodKind

GRID_SHEETS = ("roster", "turnus")
TIMESHEET_SHEETS = ("timesheet", "timeliste")
# Sheets read by read_parts (never taken as "the first sheet" of a timesheet workbook).
CONTEXT_SHEETS = frozenset(
    {
        "settings", "innstillinger", "shifts", "vakter", "employees", "ansatte", "demand",
        "bemanning", "requests", "ønsker", "fixed", "faste", "history", "historikk",
        "agreements", "avtaler", "weights", "vekter", "contracts", "kontrakter",
    }
)
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv", ".txt")

# Days off in a grid (any case): see scheduler.dayoff for what each code means.
OFF_CODES = frozenset(c.lower() for c in dayoff.RESERVED_CODES) | {""}

CANONICAL_COLUMNS = ("employee", "start", "end", "break_minutes", "kind", "passive_minutes")
REQUIRED_COLUMNS = ("employee", "start", "end")
# Built-in header aliases (lower case). --columns adds to these.
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "employee": ("employee", "employee_id", "ansatt", "ansattnr", "ansatt_id"),
    "start": ("start", "fra"),
    "end": ("end", "slutt", "til"),
    "break_minutes": ("break_minutes", "break", "pause", "pause_minutter"),
    "kind": ("kind", "type"),
    # § 10-4 (2): minutes of mainly passive work in the row (as the Shifts sheet's "Passiv tid").
    "passive_minutes": ("passive_minutes", "passive", "passiv tid", "passiv_tid", "passiv"),
}
KIND_WORDS: dict[str, PeriodKind] = {
    "": PeriodKind.planned,
    "planned": PeriodKind.planned,
    "plan": PeriodKind.planned,
    "planlagt": PeriodKind.planned,
    "ordinær": PeriodKind.planned,
    "overtime": PeriodKind.overtime,
    "overtid": PeriodKind.overtime,
    "extra": PeriodKind.extra,
    "merarbeid": PeriodKind.extra,
    "mertid": PeriodKind.extra,
}
HEADER_SCAN_ROWS = 20
# Excel serial numbers accepted as dates in a grid header: 1950-01-01 .. 2149-12-31.
SERIAL_MIN, SERIAL_MAX = 18264, 91311


def as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def parse_day(value: Any) -> date | None:
    """A grid header value as a date, or None when it is not a date."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        if SERIAL_MIN <= value <= SERIAL_MAX:
            return from_excel(value).date()
        return None
    if isinstance(value, str):
        text = value.strip()
        for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
            try:
                return datetime.strptime(text, fmt).date()
            except ValueError:
                pass
        try:
            return datetime.fromisoformat(text).date()
        except ValueError:
            return None
    return None


def _localise(dt: datetime) -> datetime:
    """Naive = Europe/Oslo wall clock; aware = the same instant shown in Europe/Oslo.

    A naive time in the spring DST gap does not exist: ValueError, never a silent shift."""
    if dt.tzinfo is not None:
        return dt.astimezone(TZ)
    if _in_gap(dt.year, dt.month, dt.day, dt.hour):
        raise ValueError(
            f"{dt:%Y-%m-%d %H:%M} does not exist in Norway (the clocks jump from 02:00 to 03:00 "
            "that night); give the time with its UTC offset (e.g. +01:00) or as it was on the clock"
        )
    return dt.replace(tzinfo=TZ)


@lru_cache(maxsize=65536)
def _in_gap(year: int, month: int, day: int, hour: int) -> bool:
    """Is this wall-clock hour skipped in Europe/Oslo (the spring DST gap)? In the gap the
    offset before the change (fold 0) is smaller than the one after (fold 1)."""
    dt = datetime(year, month, day, hour, 30)
    before = dt.replace(tzinfo=TZ, fold=0).utcoffset()
    after = dt.replace(tzinfo=TZ, fold=1).utcoffset()
    return before is not None and after is not None and before < after


def instant(dt: datetime) -> float:
    """Seconds since the epoch: compare aware date-times by this, never by wall clock (two
    Europe/Oslo times in the autumn DST hour compare by wall clock in Python)."""
    return dt.timestamp()


def parse_datetime(value: Any) -> datetime:
    """A timesheet start/end as an aware Europe/Oslo datetime; ValueError with a plain reason."""
    if isinstance(value, datetime):
        return _localise(value)
    if isinstance(value, date):
        raise ValueError(f"{value.isoformat()} is a date without a time of day")
    if isinstance(value, bool) or value is None:
        raise ValueError("it is empty")
    if isinstance(value, int | float):
        if not SERIAL_MIN <= value <= SERIAL_MAX:  # also NaN; a fraction < 1 is a bare time
            raise ValueError(f"{value!r} is not an Excel date-time between 1950 and 2149")
        return _localise(from_excel(value))
    text = str(value).strip()
    if not text:
        raise ValueError("it is empty")
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        parsed = None
    if parsed is not None:
        if len(text) <= 10 and "T" not in text and " " not in text:
            raise ValueError(f"{text!r} is a date without a time of day")
        return _localise(parsed)
    for fmt in ("%d.%m.%Y %H:%M", "%d.%m.%Y %H:%M:%S", "%d.%m.%Y kl. %H:%M"):
        try:
            return _localise(datetime.strptime(text, fmt))
        except ValueError:
            pass
    try:
        serial = float(text.replace(",", "."))
    except ValueError:
        serial = None
    if serial is not None and SERIAL_MIN <= serial <= SERIAL_MAX:
        return _localise(from_excel(serial))
    raise ValueError(
        f"{text!r} is not a date and time (use ISO 8601 such as 2026-03-01T07:30 or "
        "2026-03-01T07:30+01:00)"
    )


def parse_break(value: Any) -> int | None:
    """Break minutes: a whole number of minutes or ``h:mm``; empty = not recorded (None)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, time):
        return value.hour * 60 + value.minute
    if isinstance(value, bool):
        raise ValueError("it is not a number of minutes")
    if isinstance(value, int | float):
        minutes = float(value)
    else:
        text = str(value).strip()
        m = re.fullmatch(r"(\d+):(\d{2})", text)
        if m:
            minutes = int(m.group(1)) * 60 + int(m.group(2))
        else:
            try:
                minutes = float(text.replace(",", "."))
            except ValueError:
                raise ValueError(f"{text!r} is not a number of minutes") from None
    if not math.isfinite(minutes) or minutes < 0 or minutes != int(minutes):
        raise ValueError(f"{value!r} is not a whole, non-negative number of minutes")
    if minutes > 24 * 60:
        raise ValueError(f"{value!r} minutes is longer than a day")
    return int(minutes)


# § 10-4 (3): a timesheet row of on-call time (planned hours; from home a share counts).
ON_CALL_WORDS: dict[str, OnCall] = {
    "on_call_home": OnCall.home, "on call home": OnCall.home, "hjemmevakt": OnCall.home,
    "on_call_site": OnCall.site, "on call site": OnCall.site, "tilstedevakt": OnCall.site,
}


def parse_kind(value: Any) -> PeriodKind:
    text = as_text(value).lower()
    if text in KIND_WORDS:
        return KIND_WORDS[text]
    raise ValueError(
        f"{text!r} is not a kind of hours (planned, overtime, extra, on_call_home or "
        "on_call_site; planlagt, overtid, merarbeid, hjemmevakt or tilstedevakt)"
    )


def parse_columns(spec: str | None) -> dict[str, str]:
    """``"employee=Ansatt,start=Fra"`` -> ``{"employee": "Ansatt", "start": "Fra"}``."""
    if not spec:
        return {}
    out: dict[str, str] = {}
    issues: list[Issue] = []
    for part in spec.split(","):
        if not part.strip():
            continue
        key, sep, header = part.partition("=")
        key, header = key.strip().lower(), header.strip()
        if not sep or not header:
            issues.append(Issue(f"--columns: {part.strip()!r} is not of the form field=Header"))
        elif key not in CANONICAL_COLUMNS:
            issues.append(
                Issue(
                    f"--columns: {key!r} is not a timesheet field "
                    f"(one of {', '.join(CANONICAL_COLUMNS)})"
                )
            )
        else:
            out[key] = header
    if issues:
        raise InputError(issues)
    return out
