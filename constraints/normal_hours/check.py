"""Checks for § 10-4 (1): planned hours per 24 h / work period and per 7 days."""

from __future__ import annotations

from constraints import limits
from constraints.base import CheckContext, Finding, RuleSpec, Severity
from constraints.kernel.measure import LimitLookup, blocks_cached
from constraints.kernel.normal_limits import (
    DAILY_NORMAL,
    STATUTORY_DAY,
    STATUTORY_WEEK,
    WEEKLY_NORMAL,
    daily_limit,
    single_week_limit,
)
from constraints.kernel.rate import EPS, PLANNED, WEEK, rate_of
from constraints.kernel.reduced_week import RULE_6, RULE_36, RULE_38, reduced_week
from constraints.kernel.scans import over_daily, over_windows, span_text
from constraints.limits.averaging import AveragingLimits
from constraints.limits.normal_hours import NormalHoursLimits
from constraints.normal_hours import RULES
from constraints.normal_hours.passive import RULE as PASSIVE
from constraints.normal_hours.passive import (
    WEEK_CEILING_HOURS,
    WEEK_EXTRA_MINUTES,
    day_extension_minutes,
    extension_minutes,
    passive_rate,
)
from constraints.spans import STANDBY_SHARE, span_from_period
from scheduler.i18n import msg, term, what_term
from scheduler.model import OnCall, Tier

SPEC: dict[str, RuleSpec] = {r.id: r for r in RULES}
DAILY = SPEC[DAILY_NORMAL]
WEEKLY = SPEC[WEEKLY_NORMAL]


def _floor(values: list[float]) -> float:
    return min(values) if values else 0.0


def _daily_all(ctx: CheckContext) -> dict[str, list[Finding]]:
    """Daily findings per rule (cached per pass): a breach of a limit extended for passive work
    (§ 10-4 (2)) goes to ``AML-10-4-2-passive``."""
    key = ("daily-all", ctx.strict)
    cache = ctx.__dict__.setdefault("_daily_all", {})
    got = cache.get(key)
    if got is None:
        got = cache[key] = _judge_days(ctx)
    return got


def check_daily(ctx: CheckContext) -> list[Finding]:
    return _daily_all(ctx)[DAILY.id]


def check_passive(ctx: CheckContext) -> list[Finding]:
    return _daily_all(ctx)[PASSIVE] + _weekly_all(ctx)[PASSIVE]


def _passive_finding(
    ctx: CheckContext, emp: str, hit, h: float, lim: float, ext: float, what  # noqa: ANN001
) -> Finding:
    return ctx.finding(
        SPEC[PASSIVE], emp, hit.start, hit.end,
        msg("passive.over", emp=emp, hours=h, what=what, span=span_text(hit.start, hit.end),
            limit=lim + ext / 60, base=lim, extra=ext / 60),
        measured=h, limit=lim + ext / 60,
    )


def _judge_days(ctx: CheckContext) -> dict[str, list[Finding]]:
    lk = LimitLookup(ctx)
    out: dict[str, list[Finding]] = {DAILY.id: [], PASSIVE: []}
    for emp in sorted(ctx.timelines):
        floor = min(
            STATUTORY_DAY,
            _floor([e.p.daily_normal_hours for e in lk.all(NormalHoursLimits.KEY, emp)]),
            _floor([e.p.daily_limit_hours for e in lk.all(AveragingLimits.KEY, emp)]),
        )

        def limit_at(m: int, emp: str = emp) -> float:
            return daily_limit(lk, emp, m)

        for hit, lim, _rolling, what in over_daily(ctx, emp, PLANNED, floor, limit_at):
            h = hit.minutes / 60
            tier = lk.at(AveragingLimits.KEY, emp, hit.start).tier
            ext = 0.0
            if tier == Tier.T0_DEFAULT:
                passive = passive_rate(ctx, emp)
                if not passive.empty:
                    ext = day_extension_minutes(lk.at(NormalHoursLimits.KEY, emp, hit.start), lim,
                                                passive.between(hit.start, hit.end))
            if ext > 0:
                if hit.minutes > lim * 60 + ext + EPS:
                    out[PASSIVE].append(
                        _passive_finding(ctx, emp, hit, h, lim, ext, what_term(what)))
                continue
            out[DAILY.id].append(
                ctx.finding(
                    DAILY, emp, hit.start, hit.end,
                    msg("hours.daily_normal", emp=emp, hours=h, what=what_term(what),
                        span=span_text(hit.start, hit.end), tier=tier.value, limit=lim),
                    measured=h, limit=lim,
                    allowed_by=limits.allowed_by(AveragingLimits.KEY, "daily_limit_hours", h),
                )
            )
    return out


def _weekly_all(ctx: CheckContext) -> dict[str, list[Finding]]:
    """Every fixed (strict: rolling) week judged once, against the lowest § 10-4 limit in force;
    the finding goes to the rule whose limit that is (cached per pass)."""
    key = ("weekly-all", ctx.strict)
    cache = ctx.__dict__.setdefault("_weekly_all", {})
    got = cache.get(key)
    if got is None:
        got = cache[key] = _judge_weeks(ctx)
    return got


def _judge_weeks(ctx: CheckContext) -> dict[str, list[Finding]]:
    lk = LimitLookup(ctx)
    out: dict[str, list[Finding]] = {WEEKLY.id: [], RULE_38: [], RULE_36: [], RULE_6: [],
                                     PASSIVE: []}
    for emp in sorted(ctx.timelines):
        rate = rate_of(ctx, emp, PLANNED)
        if rate.empty:
            continue
        red = reduced_week(ctx, emp)
        floor = min(
            STATUTORY_WEEK,
            _floor([e.p.weekly_normal_hours for e in lk.all(NormalHoursLimits.KEY, emp)]),
            _floor([e.p.weekly_max_hours for e in lk.all(AveragingLimits.KEY, emp)]),
            red.limit if red.limit is not None else STATUTORY_WEEK,
        )

        def limit_at(m: int, emp: str = emp) -> float:
            return single_week_limit(lk, emp, m)

        for hit, lim, rolling, in over_windows(ctx, rate, ctx.windows.week, WEEK, floor, limit_at):
            h = hit.minutes / 60
            what = term("term.rolling_7_day_window" if rolling else "term.7_day_window")
            site = lk.at(NormalHoursLimits.KEY, emp, hit.start).p.weekly_normal_hours
            ext = 0.0
            if lk.at(AveragingLimits.KEY, emp, hit.start).tier == Tier.T0_DEFAULT:
                ext = extension_minutes(ctx, emp, hit.start, hit.end, WEEK_EXTRA_MINUTES)
                ext = max(0.0, min(ext, (WEEK_CEILING_HOURS - lim) * 60))
            if ext > 0:
                if hit.minutes > lim * 60 + ext + EPS:
                    out[PASSIVE].append(_passive_finding(ctx, emp, hit, h, lim, ext, what))
                continue
            if red.rule is not None and lim == red.limit and red.limit < site:
                spec = SPEC[red.rule]
                text = msg("reduced.weekly", emp=emp, hours=h, what=what,
                           span=span_text(hit.start, hit.end), limit=lim,
                           paragraph=spec.paragraph, reason=red.reason())
            else:
                spec = WEEKLY
                text = msg("hours.weekly_normal", emp=emp, hours=h, what=what,
                           span=span_text(hit.start, hit.end), limit=lim)
            out[spec.id].append(
                ctx.finding(
                    spec, emp, hit.start, hit.end, text,
                    measured=h, limit=lim,
                    allowed_by=limits.allowed_by(AveragingLimits.KEY, "weekly_max_hours", h),
                )
            )
        out[WEEKLY.id].extend(_eight_week_average(ctx, lk, emp))
    return out


def check_weekly(ctx: CheckContext) -> list[Finding]:
    return _weekly_all(ctx)[WEEKLY.id]


def _reduced_check(rule_id: str):  # noqa: ANN202
    def check(ctx: CheckContext) -> list[Finding]:
        return _weekly_all(ctx)[rule_id]

    return check


def _eight_week_average(ctx: CheckContext, lk: LimitLookup, emp: str) -> list[Finding]:
    """While averaging: planned hours on the 8-week average ≤ 48 (``weekly_limit_hours``)."""
    out: list[Finding] = []
    segs = [e for e in lk.all(AveragingLimits.KEY, emp) if e.tier != Tier.T0_DEFAULT]
    if not segs:
        return out
    rate = rate_of(ctx, emp, PLANNED)
    seen: set[tuple[int, int]] = set()
    for eff in segs:
        weeks = int(eff.p.average_weeks) or 8
        anchor = ctx.windows.averaging_anchor(emp, eff.tier)
        windows = blocks_cached(ctx, weeks, anchor)
        per_week = min(e.p.weekly_limit_hours for e in segs)

        def limit_at(m: int, weeks: int = weeks, tier: Tier = eff.tier) -> float:
            e = lk.at(AveragingLimits.KEY, emp, m)
            if e.tier != tier:
                return float("inf")
            return e.p.weekly_limit_hours * weeks

        for hit, total_lim, rolling in over_windows(
            ctx, rate, windows, weeks * WEEK, per_week * weeks, limit_at
        ):
            if (hit.start, hit.end) in seen:
                continue
            seen.add((hit.start, hit.end))
            avg = hit.minutes / 60 / weeks
            lim = total_lim / weeks
            partial = hit.end > ctx.horizon_end
            tail = (
                term("hours.avg_limit_tail", weeks=weeks, total=total_lim) if partial else ""
            )
            what = term("term.rolling_n_week_window" if rolling else "term.n_week_block",
                        weeks=weeks)
            out.append(
                ctx.finding(
                    WEEKLY, emp, hit.start, hit.end,
                    msg("hours.avg_limit", emp=emp, avg=avg, what=what,
                        span=span_text(hit.start, hit.end), tier=eff.tier.value, limit=lim,
                        tail=tail),
                    measured=avg, limit=lim, unit=f"hours per week ({weeks}-week average)",
                )
            )
    return out


def check_standby(ctx: CheckContext) -> list[Finding]:
    """One warning per employee with on-call periods from home: the hours counted."""
    spec = SPEC["AML-10-4-3-standby"]
    out: list[Finding] = []
    home = {(p.employee, p.start, p.end) for p in ctx.roster.periods if p.on_call == OnCall.home}
    if not home:
        return out
    by_emp: dict[str, list[tuple[int, int, int, tuple[int, int]]]] = {}
    for p in ctx.roster.periods:
        if p.on_call != OnCall.home:
            continue
        a, b = ctx.minute_of(p.start), ctx.minute_of(p.end)
        if not ctx.in_horizon(a, b):
            continue
        share = ctx.standby_share(p.employee, p.start.date())
        sp = span_from_period(p, share)
        by_emp.setdefault(p.employee, []).append((a, b, sp.work, share))
    for emp in sorted(by_emp):
        items = sorted(by_emp[emp])
        elapsed = sum(b - a for a, b, _, _ in items) / 60
        counted = sum(w for _, _, w, _ in items) / 60
        shares = sorted({sh for _, _, _, sh in items}, key=lambda f: f[0] / f[1])
        out.append(
            ctx.finding(
                spec, emp, items[0][0], items[-1][1],
                msg("standby.counted", emp=emp, n=len(items), hours=elapsed, counted=counted,
                    share=", ".join(_share_text(f) for f in shares)),
                measured=counted, limit=None, severity=Severity.warning,
            )
        )
    return out


def _share_text(f: tuple[int, int]) -> str:
    """1/7 as a fraction; an agreement's decimal share as written (0.25)."""
    num, den = f
    return f"{num}/{den}" if f == STANDBY_SHARE else f"{num / den:g}"


CHECKS = {
    "AML-10-4-3-standby": check_standby,
    DAILY.id: check_daily,
    WEEKLY.id: check_weekly,
    RULE_38: _reduced_check(RULE_38),
    RULE_36: _reduced_check(RULE_36),
    RULE_6: _reduced_check(RULE_6),
    PASSIVE: check_passive,
}
