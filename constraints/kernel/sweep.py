"""Timeline sweeps shared by the rest, Sunday, night, tariff and turnus-code families (kernel).

The per-run helpers around :class:`constraints.kernel.timeline.Timeline`: each employee's timeline
built once (:func:`timeline_of`, :func:`timelines`), the limits in force cached per employee
(:func:`limits_for`), windows answered by bisection (:class:`WindowIndex`), the findings of a
permission rule (:func:`permission_findings`) and the red days worked (:func:`red_day_statuses`,
§ 10-8 (4) and the tariff profile's Sunday frequency).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from enum import Enum
from typing import Any, TypeVar

import numpy as np

from constraints import limits
from constraints.base import CheckContext, Finding, RuleSpec, Severity
from constraints.kernel.timeline import HOUR, Timeline
from scheduler.calendar import Window
from scheduler.clock import from_minutes
from scheduler.i18n import Msg, msg

T = TypeVar("T")


class LimitsFor:
    """``ctx.limits(family, emp, on)`` cached: computed once unless agreements carry dates."""

    def __init__(self, ctx: CheckContext, family: str, emp: str) -> None:
        # Holds the agreements, not the context (which caches LimitsFor: no reference cycle).
        self._agreements, self._family, self._emp = ctx.agreements, family, emp
        relevant = [
            a for a in ctx.agreements if a.family == family and a.employee in (None, emp)
        ]
        self._dated = any(a.valid_from is not None or a.valid_to is not None for a in relevant)
        self._one = None if self._dated else ctx.limits(family, emp, ctx.settings.start)
        self._by_day: dict[date, limits.Effective] = {}

    def on(self, minute: int) -> limits.Effective:
        if self._one is not None:
            return self._one
        d = from_minutes(minute).date()
        eff = self._by_day.get(d)
        if eff is None:
            eff = self._by_day[d] = limits.effective(self._family, self._agreements, self._emp, d)
        return eff


def limits_for(ctx: CheckContext, family: str, emp: str) -> LimitsFor:
    """The :class:`LimitsFor` of ``family`` and ``emp``, built once per check run."""
    store: dict[tuple[str, str], LimitsFor] = cached(ctx, "limits_for", dict)
    lim = store.get((family, emp))
    if lim is None:
        lim = store[(family, emp)] = LimitsFor(ctx, family, emp)
    return lim


def hours(minutes: float) -> float:
    return minutes / HOUR


def clock(minute: int) -> str:
    """``Sat 04 Apr 15:00`` for messages."""
    return from_minutes(minute).strftime("%a %d %b %Y %H:%M")


def is_exempt(ctx: CheckContext, emp: str) -> bool:
    return ctx.employee(emp).exempt_10_12


def cached(ctx: CheckContext, key: str, build: Callable[[], T]) -> T:
    """A value computed once per check run (stored on the context, which lives for one run)."""
    store: dict[str, Any] = ctx.__dict__.setdefault("_sweep_cache", {})
    if key not in store:
        store[key] = build()
    return store[key]


def timeline_of(ctx: CheckContext, emp: str) -> Timeline | None:
    """The employee's :class:`Timeline` (history included; built once per check run), or
    ``None`` without any work."""
    spans = ctx.timelines.get(emp)
    if not spans:
        return None
    built: dict[str, Timeline] = cached(ctx, "timelines", dict)
    tl = built.get(emp)
    if tl is None or tl.spans is not spans:
        tl = built[emp] = Timeline(spans)
    return tl


def timelines(ctx: CheckContext, *, skip_exempt: bool = True) -> Iterator[tuple[str, Timeline]]:
    """Each employee with work (history included), in id order, as a :class:`Timeline`."""
    for emp in sorted(ctx.timelines):
        if skip_exempt and is_exempt(ctx, emp):
            continue
        tl = timeline_of(ctx, emp)
        if tl is not None:
            yield emp, tl


def permission_findings(
    ctx: CheckContext,
    spec: RuleSpec,
    family: str,
    agreed_param: str,
    nature: bool | None,
    hits: Iterable[tuple[str, Window, float]],
    message: Callable[[Window, float], Msg],
    unknown_key: str,
) -> list[Finding]:
    """§ 10-10 (2) / § 10-11 (2): work in a protected window (``hits``: employee, window, worked
    minutes, windows reaching into the horizon) needs the nature of the work (``nature``) or an
    agreement in force (``agreed_param`` of ``family``). With ``nature`` unknown, one warning
    for the whole check instead of a finding per window."""
    out: list[Finding] = []
    found = 0
    for emp, w, worked in hits:
        found += 1
        if nature is None:
            continue
        lim = limits_for(ctx, family, emp)
        if bool(lim.on(w.start).values.get(agreed_param, False)):
            continue
        out.append(ctx.finding(
            spec, emp, w.start, w.end, message(w, worked),
            measured=hours(worked), limit=0,
            allowed_by=limits.allowed_by(family, agreed_param, True),
        ))
    if nature is None and found:
        out.append(ctx.finding(spec, None, None, None, msg(unknown_key, count=found),
                               severity=Severity.warning, unit=""))
    return out


# --------------------------------------------------------------------------------------------
# Red days worked (§ 10-8 (4), and the tariff profile's Sunday frequency)


class RedStatus(Enum):
    off = 0
    worked = 1
    eve_only = 2  # only in the eve part of a holiday's segment (spec open question 17)


def _red_day_parts(ctx: CheckContext) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Segment start, segment end and firm start (``RedDay.firm_start``) of each red day."""
    reds = ctx.windows.red
    return (
        np.array([r.segment.start for r in reds], dtype=np.int64),
        np.array([r.segment.end for r in reds], dtype=np.int64),
        np.array([r.firm_start for r in reds], dtype=np.int64),
    )


def red_day_statuses(ctx: CheckContext, emp: str, tl: Timeline) -> list[RedStatus]:
    """Worked / eve-only / off for each of ``ctx.windows.red`` (history carry-in included)."""
    hist = ctx.employee_history.get(emp)
    last = hist.last_sunday_worked if hist is not None else None
    out: list[RedStatus] = []
    seg_start, seg_end, firm = cached(ctx, "red_day_parts", lambda: _red_day_parts(ctx))
    # Work in the firm part (from the firm start) and anywhere in each segment.
    firms = tl.overlaps_work(firm, seg_end).tolist()
    touched = tl.overlaps_work(seg_start, seg_end).tolist()
    for r, main, any_work in zip(ctx.windows.red, firms, touched, strict=True):
        if main or (last is not None and r.day == last):
            out.append(RedStatus.worked)
        elif any_work:
            out.append(RedStatus.eve_only)
        else:
            out.append(RedStatus.off)
    return out
