"""Checks for § 10-6: overtime caps, consent, total working time, the right to be excused."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from constraints import limits
from constraints.base import CheckContext, Finding, RuleSpec, Severity
from constraints.kernel.measure import LimitLookup, blocks_cached, fixed_hits, rolling_peaks
from constraints.kernel.rate import ALL_KINDS, EPS, WEEK, Rate, memo, rate_of, window_arrays
from constraints.kernel.scans import groups_of, over_daily, over_windows, span_text
from constraints.overtime import RULES
from constraints.spans import Span
from scheduler import calendar as cal
from scheduler.i18n import msg, term, what_term
from scheduler.model import PeriodKind, Tier

SPEC: dict[str, RuleSpec] = {r.id: r for r in RULES}

# § 10-9 (2): a 30-minute break is due when overtime runs more than 2 h past normal hours.
OT_BREAK_AFTER_MINUTES = 120
OT_BREAK_MINUTES = 30
# Protective reading: the 69 h single-week total applies to everyone (see the docstring).
TOTAL_MAX_WEEK_FOR_EVERYONE = True

# (rule id, limits parameter, weeks per window)
CAPS: tuple[tuple[str, str, int], ...] = (
    ("AML-10-6-4-ot-7d", "overtime_7d_hours", 1),
    ("AML-10-6-4-ot-4w", "overtime_4w_hours", 4),
    ("AML-10-6-4-ot-52w", "overtime_52w_hours", 52),
)


# --------------------------------------------------------------------------------------------
# Overtime as counted towards the caps


def presumes_breaks(ctx: CheckContext) -> bool:
    """Is an unrecorded § 10-9 (2) break presumed taken (Settings ``presume_breaks``, or the
    ``--presume-breaks`` flag)? Off by default: the protective reading."""
    return bool(ctx.settings.presume_breaks)


def overtime_spans(ctx: CheckContext, emp: str, presume: bool | None = None) -> list[Span]:
    """Overtime spans of ``emp`` with the § 10-9 (2) break taken off (cached).

    The break taken off is the one recorded on the overtime periods (capped at 30 min). Where the
    timesheet records no break, the break is taken off only when ``presume`` (default:
    :func:`presumes_breaks`); otherwise the period is noted in :func:`unrecorded_breaks`."""
    if presume is None:
        presume = presumes_breaks(ctx)
    key = ("ot_spans", emp, presume)
    c = memo(ctx)
    got = c.get(key)
    if got is not None:
        return got
    unrecorded: list[tuple[int, int]] = []
    out: list[Span] = []
    spans, gid = groups_of(ctx, emp)
    with_ot = {g for sp, g in zip(spans, gid, strict=True) if sp.kind == PeriodKind.overtime}
    members: dict[int, list[Span]] = {g: [] for g in with_ot}
    for sp, g in zip(spans, gid, strict=True):
        if g in members:
            members[g].append(sp)
    for g in sorted(members):
        period = members[g]
        ots = [s for s in period if s.kind == PeriodKind.overtime]
        planned = [s for s in period if s.kind == PeriodKind.planned]
        if not planned:
            out.extend(ots)
            continue
        normal_end = max(s.end for s in planned)
        run = [s for s in ots if s.start >= normal_end]
        rest = [s for s in ots if s.start < normal_end]
        out.extend(rest)
        period_end = max(s.end for s in period)
        if not run or period_end - normal_end <= OT_BREAK_AFTER_MINUTES:
            out.extend(run)
            continue
        recorded = [s.break_minutes for s in run]
        if any(r is None for r in recorded) and presume:
            due = OT_BREAK_MINUTES
        else:
            due = min(OT_BREAK_MINUTES, sum(r or 0 for r in recorded))
            if any(r is None for r in recorded) and due < OT_BREAK_MINUTES:
                unrecorded.append((min(x.start for x in period), period_end))
        already_unpaid = sum(s.elapsed - s.work for s in run)
        deduct = max(0, due - already_unpaid)
        adjusted: list[Span] = []
        for s in reversed(run):  # the break is taken off the latest overtime first
            take = min(deduct, s.work)
            deduct -= take
            adjusted.append(replace(s, work=s.work - take) if take else s)
        out.extend(reversed(adjusted))
    out.sort(key=lambda s: (s.start, s.end))
    c[key] = out
    c[("ot_unrecorded", emp, presume)] = unrecorded
    return out


def unrecorded_breaks(ctx: CheckContext, emp: str) -> list[tuple[int, int]]:
    """Work periods of ``emp`` whose § 10-9 (2) break is due but not recorded and not presumed."""
    presume = presumes_breaks(ctx)
    overtime_spans(ctx, emp, presume)
    return memo(ctx)[("ot_unrecorded", emp, presume)]


def depends_on_unrecorded_break(ctx: CheckContext, f: Finding) -> bool:
    """Would an overtime-cap finding fall away if the unrecorded breaks had been taken?"""
    if f.employee is None or f.window_start is None or f.window_end is None or f.limit is None:
        return False
    if not unrecorded_breaks(ctx, f.employee):
        return False
    a, b = ctx.minute_of(f.window_start), ctx.minute_of(f.window_end)
    spans = list(overtime_spans(ctx, f.employee, presume=True))
    extra = _ytd_carry_minutes(ctx, f.employee) if f.rule == "AML-10-6-4-ot-52w" else 0.0
    if extra > EPS:
        hs = ctx.horizon_start
        spans.append(Span(hs - 1, hs, round(extra), PeriodKind.overtime, history=True))
    presumed = Rate(spans).between(a, b)
    return presumed <= f.limit * 60 + EPS


def _ot_rate(ctx: CheckContext, emp: str) -> Rate:
    key = ("ot_rate", emp)
    c = memo(ctx)
    r = c.get(key)
    if r is None:
        r = Rate(overtime_spans(ctx, emp))
        c[key] = r
    return r


def _ytd_carry_minutes(ctx: CheckContext, emp: str) -> float:
    """Overtime before the horizon in the current 52-week block not already in the history."""
    eh = ctx.employee_history.get(emp)
    if eh is None or eh.overtime_ytd_hours <= 0:
        return 0.0
    hs = ctx.horizon_start
    block = next((w for w in blocks_cached(ctx, 52) if w.start < hs <= w.end), None)
    if block is None:
        return 0.0
    in_history = _ot_rate(ctx, emp).between(block.start, hs)
    return max(0.0, eh.overtime_ytd_hours * 60 - in_history)


def _ot_year_rate(ctx: CheckContext, emp: str) -> Rate:
    """Overtime for the 52-week cap: the YTD carry is a one-minute span just before the horizon."""
    key = ("ot_year_rate", emp)
    c = memo(ctx)
    r = c.get(key)
    if r is None:
        extra = _ytd_carry_minutes(ctx, emp)
        spans = list(overtime_spans(ctx, emp))
        if extra > EPS:
            hs = ctx.horizon_start
            spans.append(Span(hs - 1, hs, round(extra), PeriodKind.overtime, history=True))
        r = Rate(spans)
        c[key] = r
    return r


def _cap_windows(ctx: CheckContext, weeks: int) -> list[cal.Window]:
    return ctx.windows.week if weeks == 1 else blocks_cached(ctx, weeks)


def _cap_plan(lk: LimitLookup, emp: str, param: str, weeks: int) -> list[tuple[int, set[Tier]]]:
    """(window weeks, tiers judged on them). T5 judges the 52-week cap per 26 weeks."""
    if weeks != 52:
        return [(weeks, set(Tier))]
    tiers = {e.tier for e in lk.all("10-6", emp)}
    plan = [(52, set(Tier) - {Tier.T5_ARBEIDSTILSYNET})]
    if Tier.T5_ARBEIDSTILSYNET in tiers:
        plan.append((26, {Tier.T5_ARBEIDSTILSYNET}))
    return plan


def _window_word(weeks: int, rolling: bool) -> dict[str, Any]:
    if weeks == 1:
        return term("term.rolling_7_day_window" if rolling else "term.7_day_window")
    return term("term.rolling_n_week_window" if rolling else "term.n_week_block", weeks=weeks)


def _cap_check(rule_id: str, param: str, weeks: int) -> Callable[[CheckContext], list[Finding]]:
    spec = SPEC[rule_id]

    def check(ctx: CheckContext) -> list[Finding]:
        lk = LimitLookup(ctx)
        out: list[Finding] = []
        for emp in sorted(ctx.timelines):
            if _ot_rate(ctx, emp).empty and not (weeks == 52 and _ytd_carry_minutes(ctx, emp)):
                continue
            floor = min(e.num(param) for e in lk.all("10-6", emp))
            for w, tiers in _cap_plan(lk, emp, param, weeks):
                rate = _ot_year_rate(ctx, emp) if w == 52 else _ot_rate(ctx, emp)

                def limit_at(m: int, tiers: set[Tier] = tiers, emp: str = emp) -> float:
                    e = lk.at("10-6", emp, m)
                    return e.num(param) if e.tier in tiers else float("inf")

                hits = over_windows(ctx, rate, _cap_windows(ctx, w), w * WEEK, floor, limit_at)
                for hit, lim, rolling in hits:
                    h = hit.minutes / 60
                    out.append(
                        ctx.finding(
                            spec, emp, hit.start, hit.end,
                            msg("ot.cap", emp=emp, hours=h, what=_window_word(w, rolling),
                                span=span_text(hit.start, hit.end), limit=lim),
                            measured=h, limit=lim,
                            allowed_by=limits.allowed_by("10-6", param, h),
                        )
                    )
        return out

    return check


def check_consent(ctx: CheckContext) -> list[Finding]:
    """Overtime above a default cap (10 / 25 / 200 h) for an employee without consent."""
    spec = SPEC["AML-10-6-7-consent"]
    fam = limits.family("10-6")
    out: list[Finding] = []
    for emp in sorted(ctx.timelines):
        if ctx.employee(emp).overtime_consent:
            continue
        for _rule, param, weeks in CAPS:
            rate = _ot_year_rate(ctx, emp) if weeks == 52 else _ot_rate(ctx, emp)
            if rate.empty:
                continue
            cap = float(fam.params[param].default)  # type: ignore[arg-type]
            s, e = window_arrays(ctx, _cap_windows(ctx, weeks))
            hits = [(h, False) for h in fixed_hits(rate, s, e, cap * 60)]
            if ctx.strict:
                hits += [
                    (h, True)
                    for h in rolling_peaks(rate, weeks * WEEK, ctx.horizon_start, ctx.horizon_end, cap * 60)
                ]
            for hit, rolling in hits:
                h = hit.minutes / 60
                out.append(
                    ctx.finding(
                        spec, emp, hit.start, hit.end,
                        msg("ot.consent", emp=emp, hours=h, what=_window_word(weeks, rolling),
                            span=span_text(hit.start, hit.end), cap=cap),
                        measured=h, limit=cap,
                    )
                )
    return out


def check_unrecorded_breaks(ctx: CheckContext) -> list[Finding]:
    """One warning per employee whose overtime findings hold only because an unrecorded § 10-9
    (2) break is not presumed taken (spec: what the input does not record is reported once)."""
    spec = SPEC["AML-10-9-2-ot-break"]
    if presumes_breaks(ctx) or not any(unrecorded_breaks(ctx, e) for e in sorted(ctx.timelines)):
        return []
    dependent: dict[str, list[Finding]] = {}
    for rule_id, param, weeks in CAPS:
        for f in _cap_check(rule_id, param, weeks)(ctx):
            if depends_on_unrecorded_break(ctx, f):
                dependent.setdefault(f.employee or "", []).append(f)
    for f in check_consent(ctx):
        if depends_on_unrecorded_break(ctx, f):
            dependent.setdefault(f.employee or "", []).append(f)
    out: list[Finding] = []
    for emp in sorted(dependent):
        periods = unrecorded_breaks(ctx, emp)
        fs = dependent[emp]
        rules = ", ".join(sorted({f.rule for f in fs}))
        first, last = periods[0][0], periods[-1][1]
        out.append(
            ctx.finding(
                spec, emp, first, last,
                msg("ot.unrecorded_break", emp=emp, n=len(fs), rules=rules,
                    periods=len(periods), minutes=OT_BREAK_MINUTES),
                measured=float(len(fs)), limit=0.0, unit="findings",
                severity=Severity.warning,
            )
        )
    return out


# --------------------------------------------------------------------------------------------
# Total working time


def check_total_24h(ctx: CheckContext) -> list[Finding]:
    spec = SPEC["AML-10-6-8-total-24h"]
    lk = LimitLookup(ctx)
    out: list[Finding] = []
    for emp in sorted(ctx.timelines):
        floor = min(e.num("total_24h_hours") for e in lk.all("10-6", emp))

        def limit_at(m: int, emp: str = emp) -> float:
            return lk.at("10-6", emp, m).num("total_24h_hours")

        for hit, lim, _rolling, what in over_daily(ctx, emp, ALL_KINDS, floor, limit_at):
            h = hit.minutes / 60
            out.append(
                ctx.finding(
                    spec, emp, hit.start, hit.end,
                    msg("ot.total_24h", emp=emp, hours=h, what=what_term(what),
                        span=span_text(hit.start, hit.end), limit=lim),
                    measured=h, limit=lim,
                    allowed_by=limits.allowed_by("10-6", "total_24h_hours", h),
                )
            )
    return out


TOTAL_AVERAGE_WEEKS = 8


def check_total_7d(ctx: CheckContext) -> list[Finding]:
    spec = SPEC["AML-10-6-8-total-7d"]
    lk = LimitLookup(ctx)
    weeks = TOTAL_AVERAGE_WEEKS
    windows = blocks_cached(ctx, weeks)
    out: list[Finding] = []
    for emp in sorted(ctx.timelines):
        rate = rate_of(ctx, emp, ALL_KINDS)
        floor = min(e.num("total_7d_hours") for e in lk.all("10-6", emp)) * weeks

        def limit_at(m: int, emp: str = emp) -> float:
            return lk.at("10-6", emp, m).num("total_7d_hours") * weeks

        for hit, total, rolling in over_windows(ctx, rate, windows, weeks * WEEK, floor, limit_at):
            avg, lim = hit.minutes / 60 / weeks, total / weeks
            partial = hit.end > ctx.horizon_end
            tail = (
                term("ot.total_7d_tail", known=hit.minutes / 60, total=total) if partial else ""
            )
            out.append(
                ctx.finding(
                    spec, emp, hit.start, hit.end,
                    msg("ot.total_7d", emp=emp, avg=avg, what=_window_word(weeks, rolling),
                        span=span_text(hit.start, hit.end), limit=lim, tail=tail),
                    measured=avg, limit=lim, unit=f"hours per week ({weeks}-week average)",
                )
            )
    return out


def check_total_max_week(ctx: CheckContext) -> list[Finding]:
    spec = SPEC["AML-10-6-8-total-max-week"]
    lk = LimitLookup(ctx)
    out: list[Finding] = []
    for emp in sorted(ctx.timelines):
        if not TOTAL_MAX_WEEK_FOR_EVERYONE:
            combined = any(
                e.tier != Tier.T0_DEFAULT and e.tier != Tier.T2_INDIVIDUAL
                for e in lk.all("10-5", emp)
            )
            if not combined:
                continue
        rate = rate_of(ctx, emp, ALL_KINDS)
        floor = min(e.num("total_max_week_hours") for e in lk.all("10-6", emp))

        def limit_at(m: int, emp: str = emp) -> float:
            return lk.at("10-6", emp, m).num("total_max_week_hours")

        for hit, lim, rolling in over_windows(ctx, rate, ctx.windows.week, WEEK, floor, limit_at):
            h = hit.minutes / 60
            out.append(
                ctx.finding(
                    spec, emp, hit.start, hit.end,
                    msg("ot.total_max_week", emp=emp, hours=h, what=_window_word(1, rolling),
                        span=span_text(hit.start, hit.end), limit=lim),
                    measured=h, limit=lim,
                )
            )
    return out


def check_excuse(ctx: CheckContext) -> list[Finding]:
    spec = SPEC["AML-10-6-10-excuse"]
    out: list[Finding] = []
    for emp in sorted(ctx.timelines):
        if not ctx.employee(emp).excused_overtime:
            continue
        for s in ctx.timelines[emp]:
            if s.history or s.kind == PeriodKind.planned or not ctx.in_horizon(s.start, s.end):
                continue
            out.append(
                ctx.finding(
                    spec, emp, s.start, s.end,
                    msg("ot.excuse", emp=emp, kind=term(f"term.kind.{s.kind.value}"),
                        span=span_text(s.start, s.end)),
                    measured=s.work / 60, limit=0.0,
                )
            )
    return out


CHECKS = {
    **{rule_id: _cap_check(rule_id, param, weeks) for rule_id, param, weeks in CAPS},
    "AML-10-6-7-consent": check_consent,
    "AML-10-6-8-total-24h": check_total_24h,
    "AML-10-6-8-total-7d": check_total_7d,
    "AML-10-6-8-total-max-week": check_total_max_week,
    "AML-10-6-10-excuse": check_excuse,
    "AML-10-9-2-ot-break": check_unrecorded_breaks,
}
