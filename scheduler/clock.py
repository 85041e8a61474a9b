"""Clock time in Europe/Oslo: the one place that turns wall-clock times into elapsed minutes.

All measuring code works on integer minutes since the Unix epoch (UTC). That makes every
duration real elapsed time: a 22:00-07:00 night shift lasts 10 h on the night the clocks go
back (last Sunday of October) and 8 h on the night they go forward (last Sunday of March).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

TZ = ZoneInfo("Europe/Oslo")
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def local(day: date, clock: time) -> datetime:
    """Aware datetime for a wall-clock time on a date in Europe/Oslo.

    A time that does not exist (inside the spring-forward gap) is taken with ``fold=0``, which
    zoneinfo maps to the instant one hour later; an ambiguous autumn time is the first one.
    """
    return datetime.combine(day, clock, tzinfo=TZ)


def to_minutes(dt: datetime) -> int:
    """Minutes since the Unix epoch; naive datetimes are read as Europe/Oslo wall-clock time."""
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=TZ)
    return int(dt.timestamp() // 60)


def from_minutes(minutes: int) -> datetime:
    """Aware Europe/Oslo datetime for minutes since the Unix epoch."""
    return (_EPOCH + timedelta(minutes=minutes)).astimezone(TZ)


def local_minutes(day: date, clock: time) -> int:
    return to_minutes(local(day, clock))


def elapsed_minutes(start: datetime, end: datetime) -> int:
    """Real elapsed minutes between two instants (DST-safe)."""
    return to_minutes(end) - to_minutes(start)


def iso(minutes: int) -> str:
    """ISO 8601 with offset, for findings and JSON."""
    return from_minutes(minutes).isoformat()
