"""The § 10-3 notice: a work plan is made known at least 14 days before it starts
(``AML-10-3-plan`` in aml-rules.md).

A change to a published roster that takes effect sooner than that after it is made known lies
*within the notice period*: it needs the employee's agreement or a reason the law accepts.

UNCONFIRMED: the 14-day figure is confirmed only through Spekter's summary of the law, so it is a
parameter (``notice_days``, default :data:`NOTICE_DAYS`). The reading is protective (a change is
flagged whenever either way of counting finds it short):

* 14 days are counted both on the wall clock (the same local clock time 14 calendar days later)
  and as real elapsed time (14 x 24 h). Across the spring change to summer time the wall-clock
  reading is one hour short of 14 x 24 h, across the autumn change one hour long: the later of
  the two moments is the deadline.
* A change made known exactly ``notice_days`` before it takes effect is in time (the law says
  "at least"); one minute later it is within the notice period.
* A change to a day off takes effect at the start of that day (``day_start``), not at the
  shift's start; a change made known only as a date (no clock time) is made known at the end of
  that day (``made_known_at``).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from scheduler.clock import TZ

RULE_ID = "AML-10-3-plan"
NOTICE_DAYS = 14


def _aware(moment: datetime, what: str) -> datetime:
    if moment.tzinfo is None:
        raise ValueError(f"{what} must be timezone-aware (Europe/Oslo)")
    return moment


def notice_deadline(made_known: datetime, notice_days: int = NOTICE_DAYS) -> datetime:
    """The first moment a change made known at ``made_known`` may take effect outside the
    notice period: the later of ``notice_days`` calendar days on the Oslo wall clock and
    ``notice_days`` x 24 h of real time (aware, Europe/Oslo)."""
    if notice_days < 0:
        raise ValueError("notice_days must be >= 0")
    local = _aware(made_known, "the moment a change is made known").astimezone(TZ)
    wall = datetime.combine(local.date() + timedelta(days=notice_days), local.time(),
                            tzinfo=TZ)
    real = (local.astimezone(UTC) + timedelta(days=notice_days)).astimezone(TZ)
    return max(wall, real, key=lambda m: m.timestamp())


def within_notice(made_known: datetime, starts: datetime,
                  notice_days: int = NOTICE_DAYS) -> bool:
    """True when a change made known at ``made_known`` to something that starts at ``starts``
    (a shift's start, or ``day_start`` of a day off) lies within the § 10-3 notice period,
    i.e. was made known less than ``notice_days`` before it starts (also when it has already
    started)."""
    _aware(starts, "the start of a changed shift")
    return starts.timestamp() < notice_deadline(made_known, notice_days).timestamp()


def day_start(day: date, boundary: time = time(0, 0)) -> datetime:
    """The moment a rostered day begins (the start of a day off), Europe/Oslo."""
    return datetime.combine(day, boundary, tzinfo=TZ)


def made_known_at(as_of: date | datetime) -> datetime:
    """The moment a change is made known: an aware datetime as it is (a naive one is read as
    Oslo wall-clock time); a bare date is the end of that day (protective: the notice then runs
    from the last moment of the day)."""
    if isinstance(as_of, datetime):
        return as_of if as_of.tzinfo is not None else as_of.replace(tzinfo=TZ)
    return datetime.combine(as_of + timedelta(days=1), time(0, 0), tzinfo=TZ)

