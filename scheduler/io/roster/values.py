"""Values in a roster grid or a timesheet: header dates, date-times, breaks, kinds of hours.

Shared by the grid reader (:mod:`scheduler.io.roster.grid`) and the timesheet reader
(:mod:`scheduler.io.roster.timesheet`); :mod:`scheduler.io.roster.load` describes the formats.

Dates and Excel serial numbers are read by the one cell parser (:mod:`scheduler.io.cells`),
in the workbook's own date system (``epoch``: a workbook saved with the 1904 date system gives
other serial numbers for the same day).

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

from openpyxl.utils.datetime import WINDOWS_EPOCH

from scheduler import dayoff, i18n
from scheduler.clock import TZ
from scheduler.errors import InputError, Issue
from scheduler.io import cells
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
# The days an Excel serial number in a grid header or a timesheet may mean (a smaller number,
# such as a week number, is no date).
FIRST_DAY, LAST_DAY = date(1950, 1, 1), date(2149, 12, 31)


def as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _serial(value: float, epoch: datetime) -> datetime | None:
    """An Excel serial number of a day from :data:`FIRST_DAY` to :data:`LAST_DAY`, else None."""
    dt = cells.excel_datetime(value, epoch)
    return dt if dt is not None and FIRST_DAY <= dt.date() <= LAST_DAY else None


def parse_day(value: Any, epoch: datetime = WINDOWS_EPOCH) -> date | None:
    """A grid header value as a date, or None when it is not a date. ``epoch``: the workbook's
    date system (``Workbook.epoch``)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        dt = _serial(value, epoch)
        return None if dt is None else dt.date()
    if isinstance(value, str):
        text = cells.clean(value)
        d = cells.date_from_text(text)
        if d is None:
            dt = cells.datetime_from_text(text)
            d = None if dt is None else dt.date()
        return d
    return None


class Unusable(ValueError):
    """A value that cannot be used, with its reason as a catalogue entry (``msg``: shown in the
    language in force; ``str()`` is the English text)."""

    def __init__(self, key: str, **args: Any) -> None:
        self.msg = i18n.msg(key, **args)
        super().__init__(self.msg.render("en"))


def _localise(dt: datetime) -> datetime:
    """Naive = Europe/Oslo wall clock; aware = the same instant shown in Europe/Oslo.

    A naive time in the spring DST gap does not exist: ValueError, never a silent shift."""
    if dt.tzinfo is not None:
        return dt.astimezone(TZ)
    if _in_gap(dt.year, dt.month, dt.day, dt.hour):
        raise Unusable("input.value.dst_gap", when=f"{dt:%Y-%m-%d %H:%M}")
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


def parse_datetime(value: Any, epoch: datetime = WINDOWS_EPOCH) -> datetime:
    """A timesheet start/end as an aware Europe/Oslo datetime; ValueError with a plain reason.
    ``epoch``: the workbook's date system, for serial numbers."""
    if isinstance(value, datetime):
        return _localise(value)
    if isinstance(value, date):
        raise Unusable("input.value.date_only", value=value.isoformat())
    if isinstance(value, bool) or value is None:
        raise Unusable("input.value.empty")
    if isinstance(value, int | float):
        dt = _serial(value, epoch)  # None also for NaN, and for a fraction < 1 (a bare time)
        if dt is None:
            raise Unusable("input.value.serial", value=repr(value))
        return _localise(dt)
    text = str(value).strip()
    if not text:
        raise Unusable("input.value.empty")
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        parsed = None
    if parsed is not None:
        if len(text) <= 10 and "T" not in text and " " not in text:
            raise Unusable("input.value.date_only", value=repr(text))
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
    dt = None if serial is None else _serial(serial, epoch)
    if dt is not None:
        return _localise(dt)
    raise Unusable("input.value.not_datetime", value=repr(text))


def parse_break(value: Any) -> int | None:
    """Break minutes: a whole number of minutes or ``h:mm``; empty = not recorded (None)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, time):
        return value.hour * 60 + value.minute
    if isinstance(value, bool):
        raise Unusable("input.value.no_minutes")
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
                raise Unusable("input.value.not_minutes", value=repr(text)) from None
    if not math.isfinite(minutes) or minutes < 0 or minutes != int(minutes):
        raise Unusable("input.value.not_whole", value=repr(value))
    if minutes > 24 * 60:
        raise Unusable("input.value.too_long", value=repr(value))
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
    raise Unusable("input.value.not_kind", value=repr(text))


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
            issues.append(Issue(i18n.msg("input.columns.form", part=repr(part.strip()))))
        elif key not in CANONICAL_COLUMNS:
            issues.append(Issue(i18n.msg("input.columns.field", name=repr(key),
                                         fields=", ".join(CANONICAL_COLUMNS))))
        else:
            out[key] = header
    if issues:
        raise InputError(issues)
    return out
