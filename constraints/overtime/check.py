"""Checks for § 10-6: overtime caps, consent, total working time, the right to be excused."""

from __future__ import annotations

from collections.abc import Callable

from constraints import limits
from constraints.base import CheckContext, Finding, RuleSpec, Severity
from constraints.kernel.measure import LimitLookup, fixed_hits, rolling_peaks
from constraints.kernel.rate import WEEK, window_arrays
from constraints.kernel.scans import over_windows, span_text
from constraints.limits.overtime import OvertimeLimits
from constraints.overtime import RULES
from constraints.overtime.counted import (
    CAPS,
    OT_BREAK_MINUTES,
    cap_windows,
    depends_on_unrecorded_break,
    ot_rate,
    ot_year_rate,
    presumes_breaks,
    unrecorded_breaks,
    window_word,
    ytd_carry_minutes,
)
from constraints.overtime.totals import check_total_7d, check_total_24h, check_total_max_week
from scheduler.i18n import msg, term
from scheduler.model import PeriodKind, Tier

SPEC: dict[str, RuleSpec] = {r.id: r for r in RULES}



def _cap_plan(lk: LimitLookup, emp: str, param: str, weeks: int) -> list[tuple[int, set[Tier]]]:
    """(window weeks, tiers judged on them). T5 judges the 52-week cap per 26 weeks."""
    if weeks != 52:
        return [(weeks, set(Tier))]
    tiers = {e.tier for e in lk.all(OvertimeLimits.KEY, emp)}
    plan = [(52, set(Tier) - {Tier.T5_ARBEIDSTILSYNET})]
    if Tier.T5_ARBEIDSTILSYNET in tiers:
        plan.append((26, {Tier.T5_ARBEIDSTILSYNET}))
    return plan


def _cap_check(rule_id: str, param: str, weeks: int) -> Callable[[CheckContext], list[Finding]]:
    spec = SPEC[rule_id]

    def check(ctx: CheckContext) -> list[Finding]:
        lk = LimitLookup(ctx)
        out: list[Finding] = []
        for emp in sorted(ctx.timelines):
            if ot_rate(ctx, emp).empty and not (weeks == 52 and ytd_carry_minutes(ctx, emp)):
                continue
            floor = min(e.num(param) for e in lk.all(OvertimeLimits.KEY, emp))
            for w, tiers in _cap_plan(lk, emp, param, weeks):
                rate = ot_year_rate(ctx, emp) if w == 52 else ot_rate(ctx, emp)

                def limit_at(m: int, tiers: set[Tier] = tiers, emp: str = emp) -> float:
                    e = lk.at(OvertimeLimits.KEY, emp, m)
                    return e.num(param) if e.tier in tiers else float("inf")

                hits = over_windows(ctx, rate, cap_windows(ctx, w), w * WEEK, floor, limit_at)
                for hit, lim, rolling in hits:
                    h = hit.minutes / 60
                    out.append(
                        ctx.finding(
                            spec, emp, hit.start, hit.end,
                            msg("ot.cap", emp=emp, hours=h, what=window_word(w, rolling),
                                span=span_text(hit.start, hit.end), limit=lim),
                            measured=h, limit=lim,
                            allowed_by=limits.allowed_by(OvertimeLimits.KEY, param, h),
                        )
                    )
        return out

    return check


def check_consent(ctx: CheckContext) -> list[Finding]:
    """Overtime above a default cap (10 / 25 / 200 h) for an employee without consent."""
    spec = SPEC["AML-10-6-7-consent"]
    fam = limits.family(OvertimeLimits.KEY)
    out: list[Finding] = []
    for emp in sorted(ctx.timelines):
        if ctx.employee(emp).overtime_consent:
            continue
        for _rule, param, weeks in CAPS:
            rate = ot_year_rate(ctx, emp) if weeks == 52 else ot_rate(ctx, emp)
            if rate.empty:
                continue
            cap = float(fam.params[param].default)  # type: ignore[arg-type]
            s, e = window_arrays(ctx, cap_windows(ctx, weeks))
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
                        msg("ot.consent", emp=emp, hours=h, what=window_word(weeks, rolling),
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
