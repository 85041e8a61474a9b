"""Cell parsers: turn what people type into Excel into dates, times, booleans and numbers.

Each parser takes the raw cell value (as openpyxl returns it with ``data_only=True``) and a
:class:`Where` (collector, sheet, A1 cell). It returns the parsed value, or ``None`` after
adding one plain-language :class:`~scheduler.errors.Issue` at that cell. An empty cell returns
``None`` without an issue: the caller decides whether the value was required.

Accepted spellings:

* dates: real Excel dates, Excel serial numbers (e.g. ``46113``), ISO text ``2026-04-01``,
  Norwegian ``1.4.2026`` / ``01.04.2026`` (also with ``/`` or ``-`` instead of dots);
* times: Excel times, fractions of a day (``0.3125``), ``07:30``, ``7:30``, ``7.30``, ``0730``,
  ``7``; ``24:00`` means midnight at the end of the day (stored as 00:00);
* date-times: Excel date-times, serial numbers with a fraction, ``2026-03-31 22:00``,
  ``2026-03-31T22:00``, ``31.03.2026 22:00``;
* booleans: yes/no, ja/nei, true/false, 1/0, x (empty gives the default);
* numbers: numbers, or text with a decimal comma (``7,5``) or thin/no-break spaces;
* percentages: ``80``, ``80 %``, ``80%``, or a fraction (``0.8``) when the column is a percent
  column or the cell is formatted as a percentage.

This is the one date parser of the program: the planning workbook, the what-if sheet, the roster
grid and the timesheet (:mod:`scheduler.io.roster.values`) all read Excel serial numbers through
:func:`excel_datetime` and date text through :func:`date_from_text` /
:func:`datetime_from_text`. A serial number is read in the workbook's own date system
(``epoch``: 1900, or 1904 for workbooks saved with the Mac date system), never assumed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from openpyxl.utils.datetime import WINDOWS_EPOCH, from_excel

from scheduler.clock import TZ
from scheduler.errors import Collector
from scheduler.io.sheets.spec import norm
from scheduler.io.sheets.words import FALSE_WORDS, TRUE_WORDS

_SERIAL_MIN, _SERIAL_MAX = 1, 2_958_465  # 1900-01-01 .. 9999-12-31


@dataclass(frozen=True)
class Where:
    """Where a value came from, for issues."""

    out: Collector
    sheet: str
    cell: str

    def problem(self, message: str) -> None:
        self.out.add(message, self.sheet, self.cell)


def is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not clean(value))


def clean(text: str) -> str:
    return text.replace("\xa0", " ").replace("\u202f", " ").strip()


def text(value: Any) -> str | None:
    """Cell content as stripped text (numbers without a trailing ``.0``), ``None`` if empty."""
    if is_empty(value):
        return None
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, str):
        return clean(value)
    return str(value).strip()


def _show(value: Any) -> str:
    return repr(clean(value)) if isinstance(value, str) else repr(value)


# ---------------------------------------------------------------------------------------------
# Dates and times

_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NO_DATE = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$")
_TIME = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?(?:[:.](\d{2}))?$")
_HHMM = re.compile(r"^(\d{2})(\d{2})$")


def date_from_text(s: str) -> date | None:
    """A date written as text (ISO or Norwegian order), ``None`` when it is not one."""
    m = _ISO_DATE.match(s)
    if m:
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
    else:
        m = _NO_DATE.match(s)
        if not m:
            return None
        d, mo, y = int(m[1]), int(m[2]), int(m[3])
    try:
        return date(y, mo, d)
    except ValueError:
        return None


def excel_datetime(value: float, epoch: datetime = WINDOWS_EPOCH) -> datetime | None:
    """The naive date-time an Excel serial number means in a workbook whose date system starts
    at ``epoch`` (``openpyxl.utils.datetime.WINDOWS_EPOCH`` or ``MAC_EPOCH``, as
    ``Workbook.epoch`` says); ``None`` outside the serials Excel has (also NaN)."""
    if not (_SERIAL_MIN <= value <= _SERIAL_MAX):
        return None
    dt = from_excel(value, epoch)
    if isinstance(dt, datetime):
        return dt
    return None


# Dates a roster can mean. Outside them (year 0001, 9999: typing slips, "never" sentinels) the
# calendar arithmetic of the rules would overflow; the cell is reported instead.
MIN_DATE, MAX_DATE = date(1900, 1, 1), date(2199, 12, 31)


def _in_range(d: date | None, where: Where) -> date | None:
    if d is None or MIN_DATE <= d <= MAX_DATE:
        return d
    where.problem(f"the date {d.isoformat()} is outside the years {MIN_DATE.year}-"
                  f"{MAX_DATE.year} that a roster can use")
    return None


def parse_date(value: Any, where: Where, epoch: datetime = WINDOWS_EPOCH) -> date | None:
    """A date (see the module docstring), within :data:`MIN_DATE` .. :data:`MAX_DATE`."""
    return _in_range(_parse_date(value, where, epoch), where)


def _parse_date(value: Any, where: Where, epoch: datetime = WINDOWS_EPOCH) -> date | None:
    if is_empty(value):
        return None
    d = date_value(value, epoch)
    if d is not None:
        return d
    if isinstance(value, int | float) and not isinstance(value, bool):
        where.problem(f"expected a date, found the number {_show(value)}")
    else:
        where.problem(f"expected a date like 2026-04-01 or 01.04.2026, found {_show(value)}")
    return None


def date_value(value: Any, epoch: datetime = WINDOWS_EPOCH) -> date | None:
    """The date a cell holds (a date, a whole serial number in the workbook's date system, or
    date text), ``None`` when it holds none. Reports nothing: see :func:`parse_date`."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        dt = excel_datetime(float(value), epoch)
        return dt.date() if dt is not None and float(value).is_integer() else None
    if isinstance(value, str):
        s = clean(value)
        d = date_from_text(s)
        if d is None and ("t" in s.lower() or " " in s):
            dt = datetime_from_text(s)
            if dt is not None and dt.time() == time(0, 0):
                d = dt.date()
        return d
    return None


def _time_from_text(s: str) -> time | None:
    s = s.replace(" ", "")
    m = _HHMM.match(s)
    if m:
        h, mi, sec = int(m[1]), int(m[2]), 0
    else:
        m = _TIME.match(s)
        if not m:
            return None
        h, mi, sec = int(m[1]), int(m[2] or 0), int(m[3] or 0)
    if h == 24 and mi == 0 and sec == 0:
        return time(0, 0)
    if not (0 <= h <= 23 and 0 <= mi <= 59 and 0 <= sec <= 59):
        return None
    return time(h, mi, sec)


def parse_time(value: Any, where: Where) -> time | None:
    if is_empty(value):
        return None
    if isinstance(value, datetime):
        # Excel keeps a time typed as 24:00 or with a date part; the clock part is what counts.
        return value.time().replace(microsecond=0)
    if isinstance(value, time):
        return value.replace(microsecond=0)
    if isinstance(value, timedelta):  # openpyxl gives [h]:mm durations as timedelta
        minutes = round(value.total_seconds() / 60)
        if 0 <= minutes <= 24 * 60:
            minutes %= 24 * 60
            return time(minutes // 60, minutes % 60)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        if 0 <= value < 1:
            minutes = round(float(value) * 24 * 60)
            minutes %= 24 * 60
            return time(minutes // 60, minutes % 60)
        where.problem(
            f"expected a clock time like 07:30, found the number {_show(value)} "
            "(write the time as text, e.g. 07:30)"
        )
        return None
    elif isinstance(value, str):
        t = _time_from_text(clean(value))
        if t is not None:
            return t
    where.problem(f"expected a clock time like 07:30, found {_show(value)}")
    return None


def datetime_from_text(s: str) -> datetime | None:
    """A naive date-time written as text (``2026-03-31 22:00``, ``31.03.2026 22:00``, a date
    alone is midnight), ``None`` when it is not one."""
    parts = s.replace("T", " ").replace("t", " ").split()
    if len(parts) == 1:
        d = date_from_text(parts[0])
        return datetime.combine(d, time(0, 0)) if d else None
    if len(parts) != 2:
        return None
    d = date_from_text(parts[0])
    t = _time_from_text(parts[1])
    if d is None or t is None:
        return None
    return datetime.combine(d, t)


def parse_datetime(value: Any, where: Where, epoch: datetime = WINDOWS_EPOCH) -> datetime | None:
    """A timezone-aware Europe/Oslo date-time (wall-clock time as written)."""
    if is_empty(value):
        return None
    dt: datetime | None = None
    if isinstance(value, datetime):
        dt = value.replace(microsecond=0)
    elif isinstance(value, date):
        dt = datetime.combine(value, time(0, 0))
    elif isinstance(value, int | float) and not isinstance(value, bool):
        dt = excel_datetime(float(value), epoch)
        if dt is not None:
            dt = dt.replace(second=0, microsecond=0) + timedelta(
                minutes=round(dt.second / 60)
            )
    elif isinstance(value, str):
        dt = datetime_from_text(clean(value))
    if dt is None:
        where.problem(f"expected a date and time like 2026-03-31 22:00, found {_show(value)}")
        return None
    if _in_range(dt.date(), where) is None:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=TZ)
    return dt.astimezone(TZ)


# ---------------------------------------------------------------------------------------------
# Booleans and numbers


def parse_bool(value: Any, where: Where, default: bool | None = None) -> bool | None:
    if is_empty(value):
        return default
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        n = norm(value)
        if n in {norm(w) for w in TRUE_WORDS}:
            return True
        if n in {norm(w) for w in FALSE_WORDS} or value.strip() == "-":
            return False
    where.problem(f"expected yes or no, found {_show(value)}")
    return default


def _number_from_text(s: str) -> float | None:
    s = clean(s).replace(" ", "").replace("\u2009", "")
    if s.count(",") == 1 and "." not in s:
        s = s.replace(",", ".")
    try:
        return float(s)
    except ValueError:
        return None


def parse_number(
    value: Any,
    where: Where,
    *,
    integer: bool = False,
    minimum: float | None = None,
    maximum: float | None = None,
    what: str = "a number",
) -> float | int | None:
    if is_empty(value):
        return None
    x: float | None = None
    if isinstance(value, bool):
        x = None
    elif isinstance(value, int | float):
        x = float(value)
    elif isinstance(value, str):
        x = _number_from_text(value)
    if x is None or x != x:  # NaN
        kind = "text" if isinstance(value, str) else "the value"
        where.problem(f"expected {what}, found {kind} {_show(value)}")
        return None
    if integer and not x.is_integer():
        where.problem(f"expected a whole number, found {_show(value)}")
        return None
    if minimum is not None and x < minimum:
        where.problem(f"{_fmt(x)} is below the smallest allowed value {_fmt(minimum)}")
        return None
    if maximum is not None and x > maximum:
        where.problem(f"{_fmt(x)} is above the largest allowed value {_fmt(maximum)}")
        return None
    return int(x) if integer else x


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def parse_percent(
    value: Any, where: Where, *, fraction_ok: bool = True, cell_is_percent: bool = False
) -> float | None:
    """A percentage 0-100.

    ``80``, ``"80 %"`` and ``"80%"`` give 80. A number in (0, 1] gives 100 times it when the cell
    is formatted as a percentage (Excel stores 80 % as 0.8), or when ``fraction_ok`` (the column
    header says %) and the number has decimals: 0.8 -> 80, 1.0 -> 100, but a whole 1 stays
    1 %. Anything outside 0-100 is an issue.
    """
    if is_empty(value):
        return None
    x: float | None = None
    if isinstance(value, str):
        s = clean(value)
        had_sign = s.endswith("%")
        x = _number_from_text(s.rstrip("%").strip())
        if x is None:
            where.problem(f"expected a percentage like 80 or 80 %, found text {_show(value)}")
            return None
        if not had_sign and fraction_ok and 0 < x <= 1 and "." in s.replace(",", "."):
            x *= 100
    elif isinstance(value, int | float) and not isinstance(value, bool):
        x = float(value)
        if cell_is_percent or (fraction_ok and 0 < x <= 1 and isinstance(value, float)):
            x *= 100
    else:
        where.problem(f"expected a percentage like 80 or 80 %, found {_show(value)}")
        return None
    x = round(x, 6)
    if not (0 <= x <= 100):
        where.problem(f"percentage {_fmt(x)} is outside 0-100")
        return None
    return x
