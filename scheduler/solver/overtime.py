"""Overtime and extra hours as priced decisions within the § 10-6 caps.

Switched on by ``SolveOptions.allow_overtime`` or ``Settings.allow_overtime`` (and only when the
AML applies). Off, nothing here runs: no planned hour exceeds the normal-hours limit.

**Who.** Overtime goes only to employees the normal-hours rules apply to (not § 10-12 exempt),
who are not excused (§ 10-6 (10), ``Employee.excused_overtime``) and who are 18 or older on every
day of the horizon (overtime for under-18s, ``AML-11-youth-overtime``, is UNCONFIRMED: the
protective reading bans it, :data:`NO_OVERTIME_FOR_MINORS`). Extra hours are marked for everyone
but excused and exempt employees. With the option on, an excused employee's worked minutes over
the horizon stay within the contract (the objective's contract target), so the plan never relies
on extra hours from them (``AML-10-6-10-excuse``, hard).

**Overtime is the tail of a shift.** Per cell (employee, day, shift) an integer ``k`` counts the
tail *units* that are overtime. A unit is one minute for a shift whose break is paid (or that has
none). For a shift of ``E`` elapsed minutes with an unpaid break ``B`` a unit is
``E / gcd(E, B)`` elapsed minutes carrying its pro-rata ``B / gcd(E, B)`` minutes of the break, so
each part of a split shift has the worked-minutes density of the whole shift: splitting never
moves worked minutes between windows and every other measure of the checker (totals, night,
Sunday, youth, breaks) is unchanged. An employee with a ``Contract`` (contract rules count a
shift by its code) has one unit per shift: the whole shift is overtime or none of it. The tail
lies inside the shift's last fixed day window and last fixed week window (``k`` × unit ≤ the
shift's elapsed minutes there); every multi-week block tiles on week boundaries, so the tail lies
in exactly one window of each kind and is counted there exactly. In the roster the shift becomes a
planned period with the shift code, then (touching) an ``extra`` and an ``overtime`` period; the
checker joins them into one work period and counts exactly the overtime the model counted
(the tail records no break of its own beyond its unpaid share, so § 10-9 (2) deducts nothing).

**Caps.** The normal-hours caps of a covered employee (§ 10-4 per fixed day window, per work
period and per fixed week; § 10-5 8-week and averaging blocks) become *minutes in the window −
overtime tails in it ≤ limit* (history: planned periods only, as the checker counts). A shift
longer than the daily limit is allowed when its tail can take the excess. The § 10-6 caps on the
tails (per fixed 7-day window, 4-week and 52-week block with the year-to-date carry; the default
caps without consent, § 10-6 (7); the excused employee's contract, § 10-6 (10)) are the overtime
family's posts, :mod:`constraints.overtime.caps`: the families read the tails through
:class:`constraints.kernel.posting.OvertimeTails`, which :class:`Overtime` implements. The total-hours caps (§ 10-6 (8): 13 h per 24 h, 48 h on the
8-week average, 69 h in a week) stay hard on all worked minutes (``constraints.overtime.post``
never skips them as implied while overtime is on).

**Price** (objective tier ``overtime``, between ``uncovered`` and ``soft_legal``): overtime in a
fixed week costs the employee :data:`FIXED_SOFT_LEGAL` × ``weights.soft_legal`` once, plus a price
per minute small enough that a 16 h tail and the fixed charge together stay below one uncovered
person-shift; ``Settings.overtime_premium_pct`` scales the per-minute price (40 % → 0.7, 100 % or
more → 1), and an employee's ``hourly_cost`` relative to the dearest employee scales it further.
So overtime covers minimum demand only: it is never worth a target, a request, fairness or a
pattern, each of which is worth less than the fixed charge.

**Extra hours** (*merarbeid*) are the worked minutes above the contract over the horizon
(overtime not counted; the contract target of the objective: contracted weekly hours pro rata
for the days not on leave), all within the normal-hours limits. A roster's agreed hours are
averaged over the plan, as in a turnus: a part-timer's long week followed by a short one is not
extra work. They are priced only when ``Settings.extra_hours_supplement_pct`` > 0 (contract
tier, ``weights.contract_deviation`` × pct / 100 per hour on top of the contract term, which
already prices a normal hour). After solving they are marked on the tails of the horizon's last
shifts (latest first, just before an overtime tail, whole units only: a remainder shorter than a
unit of an unpaid-break shift stays planned). The Hours sheet (``scheduler.summary``) shows the
marked extra hours in their week (``scheduler.extra_time.ledger``, as the Summary and Headroom
sheets); planned hours above a week's share of the contract are its deviation, not extra hours.

**Attribution.** Overtime over a daily limit is the tail of that day's shift. Overtime over a
weekly (or multi-week) limit goes to the *last* shifts of the week the caps allow: the per-minute
price carries a nudge of one objective unit per minute for each day between the shift's end and
the end of its week, so of two otherwise equal plans the one with the later overtime wins.

Known limitations: the 30-minute § 10-9 (2) break a tail of more than 2 h calls for is not
planned (the tail is counted in full towards the caps, which is on the safe side); the rolling
windows of strict mode are not posted (they give warnings only).

This module decides who may get overtime and posts its variables and the soft normal-hours caps;
the tail's units are :mod:`~scheduler.solver.overtime_tail`, the price
:mod:`~scheduler.solver.overtime_price`, the solved roster's periods
:mod:`~scheduler.solver.overtime_roster`.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from constraints.averaging.check import RULE_FOR_TIER
from constraints.kernel.normal_limits import DAILY_NORMAL as DAILY
from constraints.kernel.normal_limits import WEEKLY_NORMAL as WEEKLY
from constraints.kernel.normal_limits import daily_limit_minutes
from constraints.kernel.posting import Key, OvertimeTerm, PostContext, tail_minutes
from constraints.kernel.window_caps import max_sum
from constraints.youth.check import NO_OVERTIME_FOR_MINORS
from scheduler import calendar as cal
from scheduler.clock import from_minutes
from scheduler.model import PeriodKind
from scheduler.solver.objective import contract_target_minutes
from scheduler.solver.overtime_price import FIXED_SOFT_LEGAL, LONGEST_TAIL_HOURS, Pricing
from scheduler.solver.overtime_roster import Periods, Result
from scheduler.solver.overtime_tail import Tail, _last_overlap, _starts, _tail

NORMAL_RULES = frozenset({DAILY, WEEKLY, *RULE_FOR_TIER.values()})
_PLANNED = {PeriodKind.planned}


def allowed(problem_settings, options) -> bool:  # noqa: ANN001 - Settings, SolveOptions
    """Is overtime allowed for this solve?"""
    return bool(problem_settings.apply_aml and (
        options.allow_overtime or problem_settings.allow_overtime))


def enable(ctx: PostContext) -> Overtime:
    """Switch overtime on for ``ctx`` (before the domain phase)."""
    ctx.overtime = Overtime(ctx)
    return ctx.overtime


def follow(main: PostContext, ctx: PostContext) -> None:
    """Give an explanation model (one employee, explain mode) the main model's overtime; call
    after its variables exist."""
    if main.overtime is not None:
        enable(ctx).create()


@dataclass(eq=False)
class Overtime(Pricing, Periods):
    ctx: PostContext = field(repr=False)
    k: dict[Key, cp_model.IntVar] = field(default_factory=dict)
    has: dict[tuple[int, int], cp_model.IntVar] = field(default_factory=dict)  # (e, week)
    excess: list[tuple[int, cp_model.IntVar]] = field(default_factory=list)
    _capable: dict[int, bool] = field(default_factory=dict)
    _tails: dict[tuple[int, int, bool], Tail] = field(default_factory=dict)

    # -- who and how ------------------------------------------------------------------------

    def capable(self, e: int) -> bool:
        """May employee ``e`` get overtime?"""
        got = self._capable.get(e)
        if got is None:
            ctx = self.ctx
            emp = ctx.geo.emps[e]
            got = (
                not emp.excused_overtime
                and not emp.exempt_10_12
                and all(r in ctx.specs and ctx.applies(r, e) for r in (DAILY, WEEKLY))
                and not (NO_OVERTIME_FOR_MINORS and any(emp.is_minor_on(d) for d in ctx.geo.days))
            )
            self._capable[e] = got
        return got

    def marks_extra(self, e: int) -> bool:
        emp = self.ctx.geo.emps[e]
        return not emp.excused_overtime and not emp.exempt_10_12

    def softens(self, rule: str, e: int) -> bool:
        """Is this normal-hours cap soft (overtime tails count against it) for ``e``?"""
        return rule in NORMAL_RULES and self.capable(e)

    def tail(self, e: int, d: int, s: int) -> Tail:
        whole = self.ctx.geo.emps[e].contract is not None
        key = (d, s, whole)
        t = self._tails.get(key)
        if t is None:
            t = self._tails[key] = _tail(self.ctx, d, s, whole)
        return t

    def can_stretch(self, e: int, d: int, s: int, limit: int) -> bool:
        """May a shift longer than the daily limit be given, its excess as overtime?"""
        if not self.capable(e):
            return False
        t = self.tail(e, d, s)
        return self.ctx.geo.work[d][s] - t.room * t.unit_work <= limit

    def ot(self, e: int, d: int, s: int) -> tuple[int, cp_model.IntVar] | None:
        """(worked minutes per unit, units) of the overtime tail of a cell, if it can have one."""
        v = self.k.get((e, d, s))
        return None if v is None else (self.tail(e, d, s).unit_work, v)

    # -- variables ---------------------------------------------------------------------------

    def create(self) -> None:
        """One tail variable per cell of a covered employee (after ``variables.create``), and
        one "has overtime" literal per employee and fixed week (for the fixed charge)."""
        ctx, m, geo = self.ctx, self.ctx.model, self.ctx.geo
        starts = _starts(geo, geo.windows.week)
        for e in ctx.active:
            if not self.capable(e):
                continue
            weeks: dict[int, list[tuple[int, cp_model.IntVar]]] = defaultdict(list)
            for d, s in ctx.cells(e):
                t = self.tail(e, d, s)
                if t.room <= 0:
                    continue
                k = m.new_int_var(0, t.room, f"ot[{e},{d},{s}]")
                m.add(k <= t.room * ctx.x[(e, d, s)])
                self.k[(e, d, s)] = k
                weeks[bisect.bisect_right(starts, geo.end[d][s] - 1) - 1].append((t.room, k))
            for wi, tails in weeks.items():
                h = self.has[(e, wi)] = m.new_bool_var(f"has_ot[{e},{wi}]")
                m.add(sum(k for _, k in tails) <= sum(r for r, _ in tails) * h)

    def tails_by_window(self, e: int, windows: list[cal.Window]) -> dict[int, list[OvertimeTerm]]:
        """Window index -> overtime tails of ``e`` lying in it: (minutes per unit, units, most
        units). Every window list here has day or week boundaries, so a tail never crosses one."""
        geo = self.ctx.geo
        starts = _starts(geo, windows)
        out: dict[int, list[OvertimeTerm]] = defaultdict(list)
        for d, s in self.ctx.cells(e):
            got = self.ot(e, d, s)
            if got is None:
                continue
            t = self.tail(e, d, s)
            end = geo.end[d][s]
            i = bisect.bisect_right(starts, end - 1) - 1
            if i < 0 or windows[i].end < end or windows[i].start > end - t.room * t.unit:
                raise AssertionError("an overtime tail crosses a window boundary")
            out[i].append((got[0], got[1], t.room))
        return out

    # -- soft normal-hours caps (called from constraints.kernel.window_caps) ------------------

    def soft_cap(self, rule: str, e: int, windows: list[cal.Window], per_cell: dict,
                 limit_of: Callable[[cal.Window], int]) -> None:
        ctx, geo, m = self.ctx, self.ctx.geo, self.ctx.model
        terms: dict[int, list[tuple[tuple[int, int], int]]] = defaultdict(list)
        for d, s in ctx.cells(e):
            for wi, mins in per_cell[(d, s)]:
                terms[wi].append(((d, s), mins))
        tails = self.tails_by_window(e, windows)
        for wi, tl in terms.items():
            w = windows[wi]
            if not (w.end > geo.horizon_start and w.start < geo.horizon_end):
                continue
            cap = max(0, limit_of(w) - geo.history_in(e, w.start, w.end, _PLANNED))
            if max_sum(ctx, e, tl) <= cap:
                continue
            expr = ctx.minutes(e, tl) - tail_minutes(tails.get(wi, []))
            ctx.add(m.add(expr <= cap), rule, e)
        if rule == DAILY:
            self._long_shifts(e)

    def _long_shifts(self, e: int) -> None:
        """A work period's planned minutes stay within the daily limit: a longer shift has at
        least its excess as overtime."""
        ctx, geo = self.ctx, self.ctx.geo
        for d, s in ctx.cells(e):
            limit = daily_limit_minutes(ctx, e, from_minutes(geo.start[d][s]).date())
            excess = geo.work[d][s] - limit
            if excess <= 0:
                continue
            x = ctx.x[(e, d, s)]
            got = self.ot(e, d, s)
            if got is None:
                ctx.never(x, DAILY, e)
                continue
            q, k = got
            ctx.add(ctx.model.add(k >= -(-excess // q) * x), DAILY, e)

    def contract_target(self, e: int) -> int:
        """Contracted minutes of ``e`` over the horizon (the objective's contract target)."""
        return contract_target_minutes(self.ctx, e)


__all__ = [
    "FIXED_SOFT_LEGAL", "LONGEST_TAIL_HOURS", "NORMAL_RULES", "Overtime", "Result", "Tail",
    "_last_overlap", "_starts", "_tail", "allowed", "enable", "follow",
]
