"""When an employee is away, in epoch minutes: the one definition post and check share."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time, timedelta

from scheduler.clock import local_minutes
from scheduler.model import Request, RequestKind, Settings


@dataclass(frozen=True, slots=True)
class Away:
    """Consecutive days away: ``[start, end)`` from the first day's midnight to the midnight
    after the last day."""

    employee: str
    first: date
    last: date
    start: int
    end: int
    vacation: bool  # every request on the first day is a vacation
    free_until: int | None  # a period begun before ``start`` may end at or before this minute
    requests: tuple[int, ...]  # 1-based positions in the problem's requests


def away(settings: Settings, requests: Iterable[Request]) -> dict[str, list[Away]]:
    """Each employee's runs of days away (``unavailable`` requests), in time order."""
    days: dict[str, dict[date, list[tuple[int, Request]]]] = {}
    for i, r in enumerate(requests, start=1):
        if r.kind != RequestKind.unavailable:
            continue
        mine = days.setdefault(r.employee, {})
        for d in r.days():
            mine.setdefault(d, []).append((i, r))
    allowance = settings.vacation_first_morning_until
    out: dict[str, list[Away]] = {}
    for emp, by_day in days.items():
        runs: list[list[date]] = []
        for d in sorted(by_day):
            if runs and runs[-1][-1] + timedelta(days=1) == d:
                runs[-1].append(d)
            else:
                runs.append([d])
        for run in runs:
            first, last = run[0], run[-1]
            vacation = all(r.vacation for _, r in by_day[first])
            free = (local_minutes(first, allowance)
                    if vacation and allowance is not None else None)
            numbers = sorted({i for d in run for i, _ in by_day[d]})
            out.setdefault(emp, []).append(Away(
                emp, first, last, local_minutes(first, time(0)),
                local_minutes(last + timedelta(days=1), time(0)), vacation, free,
                tuple(numbers)))
    return out


def blocked(runs: Iterable[Away], start: int, end: int) -> Away | None:
    """The run of days away that work in ``[start, end)`` falls in, if any (a period begun the
    day before a vacation may end on its first morning up to ``free_until``)."""
    for a in runs:
        if start < a.end and end > a.start:
            if a.free_until is not None and start < a.start and end <= a.free_until:
                continue
            return a
    return None
