"""The period a ``roster check`` covers, and the work outside it.

The horizon is ``--start``/``--end`` when given, else the Settings sheet's start/end, else the
roster's own span: the grid's first to last date column, or a timesheet's first to last day
worked. Work outside the horizon is an input error naming it, unless ``exclude_outside``
(``--exclude-outside``) is given: then periods that lie entirely before the horizon become history
(carry-in for windows that reach back), periods entirely after it are left out, and the report's
coverage lists both as excluded (the report then never says "no findings").
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from scheduler import i18n
from scheduler.clock import TZ
from scheduler.errors import InputError, Issue
from scheduler.io.roster.source import RosterInput, part
from scheduler.model import (
    HistoryPeriod,
    Roster,
    Settings,
    WorkPeriod,
)


def date_runs(days: list[date]) -> list[tuple[date, date]]:
    out: list[tuple[date, date]] = []
    for d in days:
        if out and d == out[-1][1] + timedelta(days=1):
            out[-1] = (out[-1][0], d)
        else:
            out.append((d, d))
    return out


def settings_file(settings_parts: Any, problem_parts: Any, problem: Path | None,
                   path: Path) -> str:
    if settings_parts is not None and settings_parts is problem_parts and problem is not None:
        return problem.name
    return path.name


def horizon(
    path: Path, source: RosterInput, settings_parts: Any, start: date | None, end: date | None
) -> tuple[Settings, str]:
    """The settings with the horizon to check, and where the horizon came from:
    ``options`` (--start/--end), ``settings`` (the Settings sheet) or ``roster`` (its span)."""
    span = source.span()
    h_start = start or (settings_parts.start if settings_parts else None) or (span[0] if span else None)
    h_end = end or (settings_parts.end if settings_parts else None) or (span[1] if span else None)
    if start is not None or end is not None:
        origin = "options"
    elif settings_parts is not None and settings_parts.start and settings_parts.end:
        origin = "settings"
    else:
        origin = "roster"
    if h_start is None or h_end is None:
        raise InputError(
            [
                Issue(i18n.msg("input.roster.no_horizon"), str(path))
            ]
        )
    if h_end < h_start:
        raise InputError(
            [Issue(i18n.msg("input.roster.horizon_order", end=str(h_end), start=str(h_start)),
                   str(path))]
        )
    if settings_parts is not None:
        return settings_parts.settings(h_start, h_end), origin
    try:
        return Settings(start=h_start, end=h_end), origin
    except ValueError as exc:
        raise InputError(
            [Issue(i18n.msg("input.roster.horizon_bad", start=str(h_start), end=str(h_end),
                            why=str(exc)), str(path))]
        ) from None


def split_at_horizon(
    path: Path,
    source: RosterInput,
    settings: Settings,
    origin: str,
    exclude_outside: bool,
    settings_file: str,
) -> tuple[Roster, list[HistoryPeriod]]:
    """The periods that reach into the horizon, and those before it as history. Work outside
    the horizon is an input error, or with ``exclude_outside`` listed as excluded."""
    h0 = datetime.combine(settings.start, settings.day_boundary, tzinfo=TZ).timestamp()
    h1 = datetime.combine(settings.end + timedelta(days=1), settings.day_boundary,
                          tzinfo=TZ).timestamp()
    inside: list[WorkPeriod] = []
    carried: list[HistoryPeriod] = []
    before: list[int] = []
    after: list[int] = []
    for i, p in enumerate(source.roster.periods):
        if source.ends[i] <= h0:
            before.append(i)
            carried.append(
                HistoryPeriod(
                    employee=p.employee,
                    start=p.start,
                    end=p.end,
                    kind=p.kind,
                    break_minutes=p.break_minutes or 0,
                )
            )
        elif source.starts[i] < h1:
            inside.append(p)
        else:
            after.append(i)
    if before or after:
        where = {
            "options": "--start/--end",
            "settings": i18n.term("input.roster.from_settings", file=settings_file),
            "roster": i18n.term("input.roster.from_roster"),
        }[origin]
        found = [_outside(source, idx, side) for idx, side in ((before, "before"),
                                                                 (after, "after")) if idx]
        if not exclude_outside:
            raise InputError([
                Issue(
                    i18n.msg("input.roster.outside", what=text, start=str(settings.start),
                             end=str(settings.end), source=where),
                    str(path), source.sheet, place if source.kind == "grid" else "",
                )
                for text, n, place, _, _ in found
            ])
        coverage = source.coverage
        assert coverage is not None
        for _, _, place, side, args in found:
            coverage.excluded.append(part(place or "-", f"coverage.excluded_{side}",
                                          start=str(settings.start), end=str(settings.end),
                                          **args))
    marks = tuple(m for m in source.roster.day_marks if settings.start <= m[1] <= settings.end)
    return Roster.model_construct(periods=tuple(inside), day_marks=marks), carried


def _outside(
    source: RosterInput, idx: list[int], side: str
) -> tuple[str, int, str, str, dict[str, Any]]:
    """("12 work periods of 2 employees from 2026-05-01 07:30 to 2026-05-31 07:00 (the first
    at C2)", count, where the first is, side, the same as catalogue arguments)."""
    periods = [source.roster.periods[i] for i in idx]
    first = min(range(len(idx)), key=lambda k: source.starts[idx[k]])
    last = max(range(len(idx)), key=lambda k: source.ends[idx[k]])
    emps = len({p.employee for p in periods})
    n = len(periods)
    place = source.place(idx[first])
    args = {
        "n": n, "emps": emps,
        "first": f"{periods[first].start.astimezone(TZ):%Y-%m-%d %H:%M}",
        "last": f"{periods[last].end.astimezone(TZ):%Y-%m-%d %H:%M}",
    }
    text = i18n.term("input.roster.outside_periods_one" if n == 1 else "input.roster.outside_periods",
                     n=n, emps=emps, first=args["first"], last=args["last"],
                     place=place or i18n.term("input.roster.the_roster"))
    return text, n, place, side, args
