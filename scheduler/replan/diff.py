"""The difference of two rosters, cell by cell (employee x day), with the § 10-3 notice flag.

A *cell* is what an employee works on one local day: the work periods that start on it (a roster
grid's cell). Two cells differ when their periods differ (shift code, start, end or kind), so a
timesheet whose clock times moved shows up even when the shift code stayed. A cell with no work
is *off* (``None``).

Each change takes effect at the earliest moment it touches: the earlier of the old and the new
start, and the start of the day when either side is a day off (a day off is the whole day). The
change lies within the notice period of § 10-3 when that moment is less than the notice before
the moment it is made known (``as_of``; :mod:`scheduler.replan.notice`).

>>> changes = diff_rosters(old, new, as_of=datetime(2026, 12, 1, 12, tzinfo=TZ))
>>> diff_frame(changes)            # one row per changed cell, in date then employee order
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time
from enum import StrEnum

import pandas as pd
from pydantic import BaseModel, ConfigDict

from scheduler.clock import TZ
from scheduler.model import Roster, WorkPeriod
from scheduler.replan.notice import NOTICE_DAYS, day_start, within_notice

DIFF_COLUMNS = ("employee", "date", "old", "new", "old_start", "new_start", "old_end", "new_end",
                "change", "effective", "within_notice", "started")


class ChangeKind(StrEnum):
    added = "added"  # a day off became a shift
    removed = "removed"  # a shift became a day off
    changed = "changed"  # one shift became another (or its times moved)


class CellChange(BaseModel):
    """One changed cell. ``old``/``new``: the shift code(s) of the cell joined by ``+`` (a
    period without a code shows its clock times, ``07:00-15:00``), ``None`` for a day off."""

    model_config = ConfigDict(frozen=True)

    employee: str
    day: date
    old: str | None
    new: str | None
    old_start: datetime | None = None
    new_start: datetime | None = None
    old_end: datetime | None = None
    new_end: datetime | None = None
    kind: ChangeKind
    effective: datetime  # the moment the change takes effect (see the module docstring)
    within_notice: bool  # § 10-3: made known less than the notice before ``effective``
    started: bool  # ``effective`` lies at or before ``as_of`` (the change touches the past)


def _label(p: WorkPeriod) -> str:
    if p.shift:
        return p.shift
    s, e = p.start.astimezone(TZ), p.end.astimezone(TZ)
    return f"{s:%H:%M}-{e:%H:%M}"


def _sig(p: WorkPeriod) -> tuple:
    return (p.shift, p.start.timestamp(), p.end.timestamp(), p.kind.value)


def cells(roster: Roster) -> dict[tuple[str, date], list[WorkPeriod]]:
    """The roster's work periods by (employee, local day they start on), each list in start
    order."""
    out: dict[tuple[str, date], list[WorkPeriod]] = defaultdict(list)
    for p in roster.periods:
        out[(p.employee, p.start.astimezone(TZ).date())].append(p)
    for ps in out.values():
        ps.sort(key=lambda p: p.start.timestamp())
    return dict(out)


def cell_text(periods: list[WorkPeriod]) -> str | None:
    """A cell as the grid shows it: its shift codes joined by ``+``, ``None`` when off."""
    return "+".join(_label(p) for p in periods) if periods else None


def diff_rosters(old: Roster, new: Roster, *, as_of: datetime,
                 notice_days: int = NOTICE_DAYS,
                 day_boundary: time = time(0, 0)) -> list[CellChange]:
    """Every cell that differs between ``old`` and ``new``, sorted by day then employee.

    ``as_of``: the moment the change is made known (aware; see
    :func:`scheduler.replan.notice.made_known_at` for a bare date). ``day_boundary``: when a
    rostered day starts (Settings ``day_boundary``), the moment a change to a day off takes
    effect.
    """
    before, after = cells(old), cells(new)
    changes: list[CellChange] = []
    for key in sorted(set(before) | set(after), key=lambda k: (k[1], k[0])):
        o, n = before.get(key, []), after.get(key, [])
        if [_sig(p) for p in o] == [_sig(p) for p in n]:
            continue
        emp, day = key
        moments = [ps[0].start for ps in (o, n) if ps]
        if not o or not n:
            moments.append(day_start(day, day_boundary))
        effective = min(moments, key=lambda m: m.timestamp()).astimezone(TZ)
        kind = (ChangeKind.added if not o else ChangeKind.removed if not n
                else ChangeKind.changed)
        changes.append(CellChange(
            employee=emp, day=day, old=cell_text(o), new=cell_text(n),
            old_start=o[0].start if o else None, new_start=n[0].start if n else None,
            old_end=o[-1].end if o else None, new_end=n[-1].end if n else None,
            kind=kind, effective=effective,
            within_notice=within_notice(as_of, effective, notice_days),
            started=effective.timestamp() <= as_of.timestamp()))
    return changes


def diff_frame(changes: list[CellChange]) -> pd.DataFrame:
    """The changes as a DataFrame, one row each (columns :data:`DIFF_COLUMNS`; ``change`` is
    added, removed or changed)."""
    rows = [(c.employee, c.day, c.old, c.new, c.old_start, c.new_start, c.old_end, c.new_end,
             c.kind.value, c.effective, c.within_notice, c.started) for c in changes]
    return pd.DataFrame(rows, columns=list(DIFF_COLUMNS))
