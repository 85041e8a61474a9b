"""Checks for § 10-8: daily rest, weekly rest and the § 10-8 (4) Sunday/holiday rules.

See the package docstring for what is measured and the readings chosen.
"""

from __future__ import annotations

import numpy as np

from constraints import limits
from constraints.base import CheckContext, Finding, Severity
from constraints.kernel.sweep import (
    LimitsFor,
    RedStatus,
    hours,
    limits_for,
    red_day_statuses,
    timelines,
)
from constraints.kernel.timeline import DAY, HOUR, WEEK, Gap, Timeline
from constraints.limits.rest import RestLimits
from constraints.rest import DAILY_REST, NEXT_SUNDAY_OFF, SUNDAY_IN_REST, WEEKLY_REST
from scheduler import calendar as cal
from scheduler.calendar import red_day_after_horizon
from scheduler.i18n import at, length, msg, red_days, term

_FAMILY = RestLimits.KEY
_STAT_DAILY = round(float(limits.family(_FAMILY).params["daily_rest_hours"].default) * HOUR)
_INF = float("inf")


# --------------------------------------------------------------------------------------------
# § 10-8 (1) daily rest


def check_daily_rest(ctx: CheckContext) -> list[Finding]:
    out: list[Finding] = []
    for emp, tl in timelines(ctx):
        lim = limits_for(ctx, _FAMILY, emp)
        reported: set[tuple[int | None, int | None]] = set()
        compensation_seen: set[tuple[int | None, int | None]] = set()
        # Only blocks whose next rest (clipped to the 24 h from their start) is short can fail.
        for k in tl.short_rest_after(_STAT_DAILY, DAY):
            w0 = tl.b_starts[k]
            w1 = w0 + DAY
            if not ctx.in_horizon(w0, w1):
                continue
            best = tl.longest_gap(w0, w1)
            longest = best.length if best is not None else 0
            if longest >= _STAT_DAILY:
                continue
            req = round(lim.on(w0).p.daily_rest_hours * HOUR)
            key = (best.gap_start, best.gap_end) if best is not None else (None, w0)
            if longest < req:
                if key in reported:
                    continue
                reported.add(key)
                out.append(_daily_finding(ctx, emp, w0, w1, best, longest, req))
            elif best is not None and key not in compensation_seen:
                compensation_seen.add(key)
                f = _compensation(ctx, emp, tl, best, _STAT_DAILY - longest, req)
                if f is not None:
                    out.append(f)
    return out


def _daily_finding(
    ctx: CheckContext, emp: str, w0: int, w1: int, best: Gap | None, longest: int, req: int
) -> Finding:
    where: dict[str, object]
    if best is None:
        where = term("rest.daily_where_none")
    else:
        whole: object = ""
        if best.gap_start is not None and best.gap_end is not None and (
            best.gap_start != best.start or best.gap_end != best.end
        ):
            whole = term("rest.daily_where_whole", start=at(best.gap_start),
                         end=at(best.gap_end), length=length(best.gap_end - best.gap_start))
        where = term("rest.daily_where", start=at(best.start), end=at(best.end), whole=whole)
    return ctx.finding(
        DAILY_REST,
        emp,
        w0,
        w1,
        msg("rest.daily_short", longest=length(longest), start=at(w0), where=where,
            required=length(req)),
        measured=hours(longest),
        limit=hours(req),
        allowed_by=limits.allowed_by(_FAMILY, "daily_rest_hours", hours(longest)),
    )


def _compensation(
    ctx: CheckContext, emp: str, tl: Timeline, gap: Gap, shortfall: int, req: int
) -> Finding | None:
    """Hour-for-hour compensatory rest right after the work period that follows a short rest."""
    if gap.gap_start is None or gap.gap_end is None:
        return None
    need = _STAT_DAILY + shortfall
    if gap.gap_end - gap.gap_start >= need:
        return None  # the short rest (clipped by a long work period) ran on long enough
    n = len(tl.b_starts)
    k = tl.block_index_at(gap.gap_end)
    while k + 1 < n and tl.b_starts[k + 1] - tl.b_ends[k] < req:
        k += 1  # the following *main* work period (split duties joined)
    if k + 1 >= n:
        return None  # the following rest runs past the data given: not judged
    r0, r1 = tl.b_ends[k], tl.b_starts[k + 1]
    if r1 - r0 >= need or not ctx.in_horizon(r0, r1):
        return None
    return ctx.finding(
        DAILY_REST,
        emp,
        r0,
        r1,
        msg("rest.compensation", rest=length(gap.end - gap.start), gap_start=at(gap.gap_start),
            gap_end=at(gap.gap_end), shortfall=length(shortfall), start=at(r0),
            measured=length(r1 - r0), need=length(need)),
        measured=hours(r1 - r0),
        limit=hours(need),
        severity=Severity.warning,
    )


# --------------------------------------------------------------------------------------------
# § 10-8 (2) weekly rest


def _window_mode(eff: limits.Effective) -> str:
    return "overlap" if eff.p.weekly_rest_window == "overlap" else "clip"


def _weekly_measure(tl: Timeline, a: int, b: int, mode: str) -> tuple[float, Gap | None]:
    g = tl.longest_gap(a, b, whole=mode == "overlap")
    if g is None:
        return 0.0, None
    return (g.full_length if mode == "overlap" else float(g.length)), g


def check_weekly_rest(ctx: CheckContext) -> list[Finding]:
    out: list[Finding] = []
    weeks = ctx.windows_in_horizon(ctx.windows.week)
    starts = np.array([w.start for w in weeks], dtype=np.int64)
    ends = np.array([w.end for w in weeks], dtype=np.int64)
    for emp, tl in timelines(ctx):
        lim = limits_for(ctx, _FAMILY, emp)
        failed: list[int] = []
        measured_by_mode: dict[str, list[float]] = {}
        last_eff = None
        for i, w in enumerate(weeks):
            eff = lim.on(w.start)
            if eff is not last_eff:
                req = round(eff.p.weekly_rest_hours * HOUR)
                mode = _window_mode(eff)
                last_eff = eff
            measured = measured_by_mode.get(mode)
            if measured is None:
                measured = measured_by_mode[mode] = tl.longest_gap_lengths(
                    starts, ends, whole=mode == "overlap").tolist()
            if measured[i] >= req:
                continue
            failed.append(w.start)
            m, g = _weekly_measure(tl, w.start, w.end, mode)
            out.append(_weekly_finding(ctx, emp, w.start, w.end, m, g, req, mode))
        if ctx.strict:
            out.extend(_rolling_weekly(ctx, emp, tl, lim, failed))
    return out


def _weekly_finding(
    ctx: CheckContext,
    emp: str,
    a: int,
    b: int,
    measured: float,
    g: Gap | None,
    req: int,
    mode: str,
    severity: Severity = Severity.violation,
    rolling: bool = False,
) -> Finding:
    where = (term("rest.weekly_where_none") if g is None
             else term("rest.weekly_where", start=at(g.start), end=at(g.end)))
    kind = term("rest.weekly_kind_rolling" if rolling else "rest.weekly_kind_week")
    reading = term("rest.weekly_reading_clip" if mode == "clip" else "rest.weekly_reading_overlap")
    return ctx.finding(
        WEEKLY_REST,
        emp,
        a,
        b,
        msg("rest.weekly_short", kind=kind, start=at(a), measured=length(measured), where=where,
            reading=reading, required=length(req)),
        measured=hours(measured),
        limit=hours(req),
        severity=severity,
        allowed_by=limits.allowed_by(_FAMILY, "weekly_rest_hours", hours(measured)),
    )


def _rolling_weekly(
    ctx: CheckContext, emp: str, tl: Timeline, lim: LimitsFor, failed: list[int]
) -> list[Finding]:
    """Strict mode, as warnings where no fixed week already failed: within 7 days from the end
    of one qualifying weekly rest (an off-duty stretch of at least the weekly rest), the next
    one must be complete (its start + the required length <= that end + 7 days).

    This catches what rolling windows are meant to catch (a rest early in one fixed week and
    late in the next, with up to 12 days of work between) without flagging a regular free
    weekend: a Monday-Friday day worker's rest ends Monday morning and the next is complete by
    Sunday. The finding's window is the 7 days from the end of the earlier rest.
    """
    eff = lim.on(ctx.horizon_start)
    req = round(eff.p.weekly_rest_hours * HOUR)
    mode = _window_mode(eff)
    n = len(tl.b_starts)
    qualifying: list[tuple[float, float]] = []
    for i in range(n + 1):
        gs: float = tl.b_ends[i - 1] if i > 0 else -_INF
        ge: float = tl.b_starts[i] if i < n else _INF
        if ge - gs >= req:
            qualifying.append((gs, ge))
    out = []
    for (_gs0, ge0), (gs1, _ge1) in zip(qualifying, qualifying[1:], strict=False):
        if gs1 + req <= ge0 + WEEK:
            continue
        a = int(ge0)
        b = a + WEEK
        if not (b > ctx.horizon_start and a < ctx.horizon_end):
            continue
        if any(f < b and f + WEEK > a for f in failed):
            continue
        measured, g = _weekly_measure(tl, a, b, mode)
        out.append(
            _weekly_finding(ctx, emp, a, b, measured, g, req, mode,
                            severity=Severity.warning, rolling=True)
        )
    return out


# --------------------------------------------------------------------------------------------
# § 10-8 (4) the weekly rest should include a Sunday or holiday


def _weeks_with_red_days(ctx: CheckContext) -> list[tuple[cal.Window, list[cal.RedDay], dict]]:
    """The fixed weeks in the horizon with the red days whose segment ends inside them (and
    those red days as a message argument), leaving out weeks not judged because a red day
    after the horizon may still fall in their rest."""
    out = []
    reds = sorted(ctx.windows.red, key=lambda r: r.segment.end)
    j = 0
    for w in ctx.windows_in_horizon(ctx.windows.week):
        while j < len(reds) and reds[j].segment.end - 1 < w.start:
            j += 1
        k = j
        candidates = []
        while k < len(reds) and reds[k].segment.end - 1 < w.end:
            candidates.append(reds[k])
            k += 1
        if not candidates:
            continue
        if w.end > ctx.horizon_end and red_day_after_horizon(ctx.settings.end, ctx.horizon_end, w.end):
            continue  # a red day after the horizon may still be in the rest: not judged
        out.append((w, candidates, red_days(r.day for r in candidates)))
    return out


def check_sunday_in_rest(ctx: CheckContext) -> list[Finding]:
    out: list[Finding] = []
    weeks = _weeks_with_red_days(ctx)
    segments = [r.segment for _, candidates, _ in weeks for r in candidates]
    seg_start = np.array([g.start for g in segments], dtype=np.int64)
    seg_end = np.array([g.end for g in segments], dtype=np.int64)
    firsts = np.cumsum([0] + [len(candidates) for _, candidates, _ in weeks[:-1]])
    for emp, tl in timelines(ctx):
        lim = limits_for(ctx, _FAMILY, emp)
        # The longest whole rest around a red day's segment, per week (-1: work touches all).
        best = (np.maximum.reduceat(tl.containing_gap_lengths(seg_start, seg_end), firsts)
                if weeks else np.zeros(0))
        req_by_week = [round(lim.on(w.start).p.weekly_rest_hours * HOUR) for w, _, _ in weeks]
        for i in np.flatnonzero(best < req_by_week).tolist():
            w, _, names = weeks[i]
            req = req_by_week[i]
            out.append(
                ctx.finding(
                    SUNDAY_IN_REST,
                    emp,
                    w.start,
                    w.end,
                    msg("rest.sunday_in_rest", required=length(req), start=at(w.start),
                        names=names),
                    measured=0,
                    limit=1,
                    unit="red days in the weekly rest",
                    severity=Severity.warning,
                )
            )
    return out


# --------------------------------------------------------------------------------------------
# § 10-8 (4) after Sunday/holiday work the next Sunday/holiday is off


def check_next_sunday_off(ctx: CheckContext) -> list[Finding]:
    out: list[Finding] = []
    reds = ctx.windows.red
    names = [red_days([r.day]) for r in reds]  # message arguments, shared by the findings
    h_first, h_last = ctx.settings.start, ctx.settings.end
    for emp, tl in timelines(ctx):
        lim = limits_for(ctx, _FAMILY, emp)
        status = red_day_statuses(ctx, emp, tl)
        run = 0
        for i, r in enumerate(reds):
            if status[i] is RedStatus.off:
                run = 0
                continue
            run += 1
            allowed = int(lim.on(r.segment.start).p.red_days_in_a_row)
            if run <= allowed or not ctx.in_horizon(r.segment.start, r.segment.end):
                continue
            involved = status[i - allowed : i + 1]
            eve = RedStatus.eve_only in involved
            note = term("rest.next_sunday_eve_note") if eve else ""
            out.append(
                ctx.finding(
                    NEXT_SUNDAY_OFF,
                    emp,
                    r.segment.start,
                    r.segment.end,
                    msg("rest.next_sunday", day=names[i], prev=names[i - 1], run=run,
                        allowed=allowed, note=note),
                    measured=run,
                    limit=allowed,
                    unit="red days in a row",
                    severity=Severity.warning if eve else Severity.violation,
                    allowed_by=limits.allowed_by(_FAMILY, "red_days_in_a_row", run),
                )
            )
        # A relaxed plan (T2: up to 3 in a row) must still give every other red day off.
        if int(lim.on(ctx.horizon_start).p.red_days_in_a_row) > 1:
            idx = [i for i, r in enumerate(reds) if h_first <= r.day <= h_last]
            worked = sum(1 for i in idx if status[i] is not RedStatus.off)
            if len(idx) >= 2 and worked * 2 > len(idx):
                out.append(
                    ctx.finding(
                        NEXT_SUNDAY_OFF,
                        emp,
                        ctx.horizon_start,
                        ctx.horizon_end,
                        msg("rest.next_sunday_average", worked=worked, total=len(idx)),
                        measured=worked,
                        limit=len(idx) / 2,
                        unit="red days",
                        severity=Severity.warning,
                    )
                )
    return out


CHECKS = {
    DAILY_REST.id: check_daily_rest,
    WEEKLY_REST.id: check_weekly_rest,
    SUNDAY_IN_REST.id: check_sunday_in_rest,
    NEXT_SUNDAY_OFF.id: check_next_sunday_off,
}
