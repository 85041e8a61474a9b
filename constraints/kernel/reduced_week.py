"""§ 10-4 (4), (5), (6): which reduced weekly limit applies to an employee, and why.

The conditions are judged per employee over *the period*: the work periods (all kinds, no
history carry-in) that start inside the horizon. The solver (``post_reduced.py``) measures the
same cells, with minutes in windows rounded up, so a plan it accepts is judged no stricter here.

The parameters below are the readings chosen; ``constraints.normal_hours``'s docstring names
them (UNCONFIRMED where the spec says so).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any

import numpy as np

from constraints.base import CheckContext
from constraints.kernel.rate import EPS, Rate, memo, rate_of
from scheduler import calendar as cal
from scheduler.i18n import term

if TYPE_CHECKING:
    from constraints.kernel.posting import PostContext

WEEK_38 = 38.0
WEEK_36 = 36.0
# (c) at least every third Sunday: worked Sundays × 3 >= Sundays in the period.
SUNDAY_EVERY = 3
# (d) mainly at night: night hours × 4 >= all hours × 3 (at least 3/4 in the night window).
NIGHT_SHARE = (3, 4)
# § 10-4 (5) guidance: >= 539 night hours and >= 231 "Sunday" hours (Sat 22-Sun 22) per year.
GUIDANCE_NIGHT_HOURS = 539.0
GUIDANCE_SUNDAY_HOURS = 231.0
DAYS_PER_YEAR = 365.0
# UNCONFIRMED (source cut off): shorter plans are scaled pro rata (days in the horizon / 365).
# Protective: without it no plan shorter than a year could ever meet the test.
PRO_RATA = True
# UNCONFIRMED § 10-4 (6): for three-shift rota work (a 38 h condition holds and the employee
# works night hours) that meets the (5) test only partly, the limit falls from 38 h towards 36 h
# in proportion to the mean of the two guidance shares (night, Sunday), each capped at 1.
THREE_SHIFT_PROPORTIONAL = True

RULE_38 = "AML-10-4-4-weekly-38"
RULE_36 = "AML-10-4-5-weekly-36"
RULE_6 = "AML-10-4-6-three-shift"


@dataclass(frozen=True)
class Measures:
    """What the period holds, in minutes (and Sundays)."""

    total: float
    night: float
    sunday_hours_window: float  # minutes in the guidance "Sunday" (Sat 22:00 - Sun 22:00)
    sundays: int  # Sundays in the period
    sundays_worked: int  # ... with work in their § 10-10 (1) window segment


@dataclass(frozen=True)
class Reduced:
    """The reduced § 10-4 weekly limit in force (``None``: 40 h) and the condition behind it."""

    limit: float | None
    rule: str | None
    reason_key: str = ""
    reason_args: tuple[tuple[str, Any], ...] = ()

    def reason(self) -> dict[str, Any]:
        """The condition as a catalogue sentence part."""
        args = {k: (term(v[0], **v[1]) if isinstance(v, tuple) else v) for k, v in self.reason_args}
        return term(self.reason_key, **args)


def thresholds(days: int) -> tuple[float, float]:
    """The guidance test's night and Sunday thresholds in minutes for a period of ``days``."""
    scale = days / DAYS_PER_YEAR if PRO_RATA else 1.0
    return GUIDANCE_NIGHT_HOURS * 60 * scale, GUIDANCE_SUNDAY_HOURS * 60 * scale


def sunday_segments(red: list[cal.RedDay], first, last) -> list[cal.Window]:  # noqa: ANN001
    """The § 10-10 (1) window segment of each Sunday (holiday Sundays too) in ``[first, last]``."""
    return [r.segment for r in red if r.day.weekday() == cal.SUNDAY and first <= r.day <= last]


def _window_arrays(ctx: CheckContext) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Start/end arrays of the night windows, the guidance Sundays and the Sunday segments of
    the horizon (once per check run)."""
    key = ("reduced-windows",)
    c = memo(ctx)
    got = c.get(key)
    if got is None:
        s = ctx.settings

        def arr(ws: list[cal.Window]) -> tuple[np.ndarray, np.ndarray]:
            return (np.array([w.start for w in ws], dtype=np.int64),
                    np.array([w.end for w in ws], dtype=np.int64))

        got = c[key] = {
            "night": arr(ctx.windows_in_horizon(ctx.windows.night)),
            "sunday": arr(cal.guidance_sunday_windows(s.start, s.end + timedelta(days=1))),
            "segments": arr(sunday_segments(ctx.windows.red, s.start, s.end)),
        }
    return got


def measures(ctx: CheckContext, emp: str) -> Measures:
    key = ("reduced-measures", emp)
    c = memo(ctx)
    got = c.get(key)
    if got is not None:
        return got
    every = ctx.timelines.get(emp, [])
    spans = [x for x in every if not x.history and ctx.horizon_start <= x.start < ctx.horizon_end]
    # The period is usually the whole timeline: then it has the cached rate of all spans.
    rate = rate_of(ctx, emp) if len(spans) == len(every) else Rate(spans)
    win = _window_arrays(ctx)
    night = float(rate.sums(*win["night"]).sum()) if len(win["night"][0]) else 0.0
    sun = float(rate.sums(*win["sunday"]).sum()) if len(win["sunday"][0]) else 0.0
    seg_a, seg_b = win["segments"]
    worked = 0
    if spans and len(seg_a):
        starts = np.array([x.start for x in spans], dtype=np.int64)  # sorted by start
        reach = np.maximum.accumulate(np.array([x.end for x in spans], dtype=np.int64))
        idx = np.searchsorted(starts, seg_b, side="left")  # spans starting before the end
        worked = int(((idx > 0) & (reach[np.maximum(idx - 1, 0)] > seg_a)).sum())
    got = c[key] = Measures(rate.total, night, sun, len(seg_a), worked)
    return got


def horizon_days(ctx: CheckContext) -> int:
    return (ctx.settings.end - ctx.settings.start).days + 1


def reduced_week(ctx: CheckContext, emp: str) -> Reduced:
    """The lowest § 10-4 (4)/(5)/(6) weekly limit that applies to ``emp`` (cached)."""
    key = ("reduced-week", emp)
    c = memo(ctx)
    got = c.get(key)
    if got is None:
        got = c[key] = _reduced(ctx, emp)
    return got


def _reduced(ctx: CheckContext, emp: str) -> Reduced:
    s = ctx.settings
    m = measures(ctx, emp)
    thr_n, thr_s = thresholds(horizon_days(ctx))
    nh, sh = round(m.night / 60, 2), round(m.sunday_hours_window / 60, 2)
    if s.continuous_rota is True:
        return Reduced(WEEK_36, RULE_36, "reduced.cond.36_settings")
    if s.continuous_rota is None and m.night >= thr_n - EPS and m.sunday_hours_window >= thr_s - EPS:
        return Reduced(WEEK_36, RULE_36, "reduced.cond.36_test", (
            ("night", nh), ("night_min", round(thr_n / 60, 2)),
            ("sunday", sh), ("sunday_min", round(thr_s / 60, 2))))
    cond: tuple[str, tuple[tuple[str, Any], ...]] | None = None
    if s.rota_10_4_4:
        cond = ("reduced.cond.38_settings", ())
    elif m.sundays and m.sundays_worked * SUNDAY_EVERY >= m.sundays:
        cond = ("reduced.cond.38_sundays", (("worked", m.sundays_worked), ("sundays", m.sundays)))
    elif m.total > EPS and m.night * NIGHT_SHARE[1] >= m.total * NIGHT_SHARE[0] - EPS:
        cond = ("reduced.cond.38_night", (("pct", round(100 * m.night / m.total, 1)),))
    if cond is None:
        return Reduced(None, None)
    if THREE_SHIFT_PROPORTIONAL and m.night > EPS:
        share = (min(1.0, m.night / thr_n) + min(1.0, m.sunday_hours_window / thr_s)) / 2
        limit = WEEK_38 - (WEEK_38 - WEEK_36) * share
        if limit < WEEK_38 - 1e-9:
            return Reduced(limit, RULE_6, "reduced.cond.6", (
                ("cond", (cond[0], dict(cond[1]))), ("night", nh), ("night_min", round(thr_n / 60, 2)),
                ("sunday", sh), ("sunday_min", round(thr_s / 60, 2))))
    return Reduced(WEEK_38, RULE_38, cond[0], cond[1])


def lowest_possible_week(ctx: PostContext, e: int) -> float:
    """The lowest § 10-4 week the plan could make apply to ``e`` (for the § 10-5 long-run
    average, posted without the Booleans): 36 h unless Settings rule the reductions out."""
    st = ctx.settings
    if st.continuous_rota is True or st.continuous_rota is None or THREE_SHIFT_PROPORTIONAL:
        return WEEK_36
    return WEEK_38
