"""The smallest extra staff that makes the demand coverable without breaking a hard rule.

``roster staffing`` answers "how many people, with which skills and position sizes, does this
demand need?" by solving. A *hire* is a copy of the most flexible colleague with that skill
(:func:`scheduler.whatif.apply.typical_employee`: night work allowed, that colleague's
individual agreements) at one of the offered position sizes. The demand counts as *covered*
when the solver returns a roster with no person-shift below the minimum; every such roster
obeys every hard rule (the solver posts them; the checker confirms it, and the answer reports
the checker's count).

Why a search and not one solve with "expensive candidates": the solver's objective has no fixed
cost per employee, and its contract-hours term is symmetric (hours *below* contract cost as much
as hours above), so an unused candidate would be *rewarded* for taking shifts: reading "who got
shifts" would hire every candidate. A price per shift would also count shifts, not heads.
Instead each set of hires is tried by a full solve:

1. solve the problem as it is; when nothing is short, the answer is "no extra staff";
2. set aside the demand that nobody may legally work, not even a new hire (found from the
   solver's own domain rules without solving: e.g. a 10 h night shift without a § 10-5
   averaging agreement) — hiring cannot cover it, and the answer says so;
   **grow**: per skill that is short, add hires whose contracted hours cover the missing
   person-hours (as many of the largest position as fit, the remainder with the smallest
   position that covers it), solve again, and repeat from the latest set while demand a hire
   could work is still short (within the solve budget and at most as many hires as there are
   employees). Hours the hires already there could still work within their positions are
   counted first: demand short while they have room is the search's shortfall, not a lack of
   staff, so the same set is solved again from its own roster (a longer search) while that
   gains, instead of hiring on the solver's noise. Every solve after the first starts from the
   roster of the set it came from (its cells of employees still there are hints, and a roster
   they make is never beaten by a worse one), so a hire added can never make coverage worse;
3. **trim**: a local search over the *neighbours* of the answer: each hire dropped (largest
   positions first), and each hire's position lowered by one step to the next multiple of
   ``step_pct`` below it (default 10 percentage points: 75 % -> 70 % -> 60 %, down to one step),
   tried after one *fit* move: every hire at once at the smallest position that still holds
   the hours it plans on shifts a minimum needs (not those toward a target), as the condition
   below reads it (contract + one shift, on the grid of the step; a hire no minimum needs
   dropped), so that a 100 % hire with hours for 60 % costs
   one solve, not four, and the solves left verify the answer (:meth:`_Search.fitted`); the
   first move that leaves the shortfall no larger *and* every hire within its position (planned hours at most the contracted hours plus
   one shift: hours come in whole shifts) becomes the answer, and the search starts again from
   it. Without that condition a "50 %" hire could be planned at 90 %, which the law allows
   (extra hours) but is not a 50 % position.
4. **verify**: every neighbour of the final answer is listed (``searched``) with what its solve
   gave. The answer is *proven minimal within the searched space* when every neighbour was
   solved within the solve budget and each ended proven optimal with more demand short than
   the answer (the objective prices uncovered demand far above everything else, so an optimal
   roster's shortfall is the least there is), or, for an answer that covers every minimum,
   when a neighbour's solve that stopped on its limit is followed by a proof of its shortfall
   alone (:mod:`scheduler.solver.coverage_proof`: the uncovered tier minimised over the same
   rules, its proven bound above zero; one more solve of the budget); a neighbour whose
   shortfall is not proven, or rejected only because a hire would work above the position,
   leaves it unproven.

Words: the answer's sentences (``message``, ``remaining``, a neighbour's ``change``, the
progress lines) are catalogue entries with their arguments (:class:`scheduler.i18n.Msg`),
rendered in the language in force by whoever shows them (``--lang`` / the Settings language on
the console); the JSON carries them in English.

Limits, stated honestly: the searched space is the one-step neighbourhood — no proof of the
global minimum over every combination of hires; each solve has the time limit, so demand left short that
someone could work is reported as ``not_found`` (not found in the time), never as impossible. Existing staff and hires may work above their contracted hours where the
law allows (extra hours, *merarbeid*), as in any roster the solver makes; the answer lists the
hires' planned hours against their contracts and the extra hours of everyone.

The module's job is the entry point and the answer's words; the answer's models are
:mod:`scheduler.whatif.staffing_answer`, the search :mod:`scheduler.whatif.staffing_search`.
"""

from __future__ import annotations

import math
import time
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from scheduler import i18n
from scheduler import summary as sm
from scheduler.model import Problem, Tier
from scheduler.solution import SolveOptions, roster_of
from scheduler.whatif.metrics import ANY
from scheduler.whatif.rule_changes import set_tier
from scheduler.whatif.staffing_answer import (
    DEFAULT_POSITIONS,
    HIRE_PREFIX,
    Hire,
    HiredHours,
    Neighbour,
    StaffingAnswer,
    Words,
)
from scheduler.whatif.staffing_search import (
    SolveFn,
    _default_solve,
    _Search,
    plan_positions,
    structural_shortfall,
)

AVERAGING_FAMILY = "10-5"


def _why_unstaffable(problem: Problem) -> list[i18n.Msg]:
    """The rules that keep everyone off the uncovered demand (``scheduler.feasibility``)."""
    from scheduler.feasibility import analyse

    return [u.msg() for u in analyse(problem, problem.settings.allow_overtime).unstaffable]


def _because(head: i18n.Msg, why: Sequence[Any]) -> i18n.Msg:
    """``head: why; why`` (just ``head`` without reasons)."""
    return i18n.msg("staffing.because", h=head, why=i18n.joined(why)) if why else head


def _remaining(rows: list[sm.CoverageRow], limit: int = 6) -> list[i18n.Msg]:
    """Shortfall in words, grouped by shift and skill."""
    groups: Counter[tuple[str, str]] = Counter()
    days: dict[tuple[str, str], list[str]] = {}
    for r in rows:
        if r.shortfall:
            k = (r.shift, r.skill or ANY)
            groups[k] += r.shortfall
            days.setdefault(k, []).append(r.day.isoformat())
    out = []
    for (shift, skill), n in groups.most_common(limit):
        d = days[(shift, skill)]
        span = d[0] if len(d) == 1 else f"{d[0]} … {d[-1]}"
        out.append(i18n.msg("staffing.remaining", n=n, shift=shift, skill=skill, days=len(d),
                            span=span))
    return out


def find_staffing(
    problem: Problem,
    positions: Sequence[float] = DEFAULT_POSITIONS,
    options: SolveOptions | None = None,
    *,
    label: str = "as given",
    tier: str | None = None,
    max_solves: int = 10,
    solve_fn: SolveFn | None = None,
    progress: Callable[[i18n.Msg], None] | None = None,
    step_pct: float = 10.0,
) -> StaffingAnswer:
    """Search the smallest set of hires (see the module docstring); ``step_pct``: the step of
    the position search (0: hires keep the sizes of ``positions``)."""
    t0 = time.perf_counter()
    if not positions or any(not 0 < p <= 100 for p in positions):
        raise ValueError("positions must be percentages above 0 and at most 100")
    search = _Search(problem, positions, options or SolveOptions(), max(1, max_solves),
                     solve_fn or _default_solve, progress, step_pct)
    first, best = search.run()
    if not first.solution.has_roster:
        head = i18n.msg("staffing.no_roster_at_all", status=first.solution.status)
        conflicts = [i18n.msg(c.key, **c.args) if c.key else c.message
                     for c in first.solution.conflicts[:3]]
        return StaffingAnswer(
            label=label, tier=tier, status="no_roster", solves=search.solves,
            seconds=round(time.perf_counter() - t0, 2),
            message=_because(head, conflicts) if conflicts else
            i18n.msg("staffing.then", h=head, then=i18n.msg("staffing.try_longer")),
        )
    searched = search.verify(best) if best.covered else []
    hires = [Hire(skill=s, position_pct=p, count=n)
             for (s, p), n in sorted(best.hires.items(), key=lambda kv: (kv[0][0], -kv[0][1]))
             if n > 0]
    from constraints.checker import check_problem

    roster = roster_of(best.problem, best.solution)
    violations = len(check_problem(best.problem, roster).roster_violations)
    away = sm.unavailable_days(best.problem)
    totals = {t.employee: t for t in sm.employee_totals(best.problem.settings, roster,
                                                       best.problem.employees, away,
                                                       best.problem.agreements)}
    hired = []
    for e in best.problem.employees:
        if e.id.startswith(f"{HIRE_PREFIX}-") and e.id not in {x.id for x in problem.employees}:
            t = totals[e.id]
            skill = e.id[len(HIRE_PREFIX) + 1:].rsplit("-", 2)[0]
            hired.append(HiredHours(employee=e.id, skill=skill, position_pct=e.position_pct or 0,
                                    hours=round(t.hours, 2), contract=round(t.contract, 2)))
    weeks = sm.weekly_hours(best.problem.settings, roster, best.problem.employees,
                            best.problem.agreements, away)
    remaining = _remaining(best.rows)
    structural = sum((search.structural or {}).values())
    message: i18n.Msg | None = None
    if best.covered:
        status = "covered"
    elif search.structural is not None and best.short <= structural:
        status = "not_coverable"
        message = _because(i18n.msg("staffing.not_coverable", n=best.short),
                           _why_unstaffable(best.problem))
    else:
        status = "not_found"
        message = i18n.msg("staffing.not_found", n=best.short, m=best.short - structural,
                           solves=search.solves, limit=float(search.options.time_limit))
    return StaffingAnswer(
        label=label, tier=tier, status=status, hires=hires,
        coverage_before=first.coverage, coverage_after=best.coverage,
        uncovered_before=first.uncovered, uncovered_after=best.uncovered,
        remaining=remaining, hired_hours=hired,
        extra_hours=round(sum(w.extra for w in weeks), 2), violations=violations,
        solves=search.solves, seconds=round(time.perf_counter() - t0, 2), message=message,
        step_pct=step_pct or None, searched=searched,
        minimal_proven=best.covered and all(n.proven for n in searched),
    )


def tiers_to_compare(problem: Problem) -> list[Tier]:
    """T0, T2 and T3 for § 10-5 (T3b instead of T3 for an employer without a tariff)."""
    t3 = Tier.T3_TARIFF_REPS if problem.settings.tariff_bound else Tier.T3b_NONTARIFF_REPS
    return [Tier.T0_DEFAULT, Tier.T2_INDIVIDUAL, t3]


def compare_tiers(
    problem: Problem,
    positions: Sequence[float] = DEFAULT_POSITIONS,
    options: SolveOptions | None = None,
    *,
    max_solves: int = 10,
    solve_fn: SolveFn | None = None,
    progress: Callable[[i18n.Msg], None] | None = None,
    step_pct: float = 10.0,
) -> list[StaffingAnswer]:
    """The same search with every § 10-5 agreement replaced by one tier for everyone."""
    out = []
    for tier in tiers_to_compare(problem):
        variant = set_tier(problem, AVERAGING_FAMILY, tier)
        if progress:
            progress(i18n.msg("staffing.progress_tier", tier=tier.value))
        out.append(find_staffing(variant, positions, options,
                                 label=i18n.text(f"staffing.tier.{tier.value}"),
                                 tier=tier.value, max_solves=max_solves, solve_fn=solve_fn,
                                 progress=progress, step_pct=step_pct))
    return out


def tier_value_sentence(answers: Sequence[StaffingAnswer], lang: str = "en") -> str:
    """The value of an agreement in heads, e.g. "T3_TARIFF_REPS saves 2 head(s) (1.5 FTE)
    compared with no averaging agreement"."""
    by = {a.tier: a for a in answers}
    t0 = by.get(Tier.T0_DEFAULT.value)
    others = [a for a in answers if a is not t0]
    if t0 is None or not others:
        return ""

    def need(a: StaffingAnswer) -> str:
        return i18n.text("staffing.need", lang, heads=a.heads, fte=a.fte)

    if t0.status != "covered":
        parts = [i18n.text("staffing.t0_not_covered", lang)]
        for a in others:
            parts.append(i18n.text("staffing.with_tier", lang, tier=a.tier, need=need(a))
                         if a.status == "covered"
                         else i18n.text("staffing.with_tier_not", lang, tier=a.tier))
        return "; ".join(parts) + "."
    parts = []
    for a in others:
        if a.status != "covered":
            parts.append(i18n.text("staffing.tier_not", lang, tier=a.tier))
        else:
            parts.append(i18n.text("staffing.tier_saves", lang, tier=a.tier,
                                   heads=t0.heads - a.heads, fte=t0.fte - a.fte))
    return "; ".join(parts) + i18n.text("staffing.compared", lang) + "."


class PositionsError(ValueError):
    """A bad ``--positions`` value; ``msg`` says why in any language."""

    def __init__(self, msg: i18n.Msg) -> None:
        super().__init__(str(msg))
        self.msg = msg


def positions_from_text(text: str) -> list[float]:
    """``"50,75,100"`` → ``[50.0, 75.0, 100.0]`` (:class:`PositionsError` saying why)."""
    out = []
    for part in text.replace(";", ",").split(","):
        part = part.strip().rstrip("%").strip()
        if not part:
            continue
        try:
            x = float(part.replace(",", "."))
        except ValueError:
            raise PositionsError(i18n.msg("staffing.positions.not_number",
                                          part=repr(part))) from None
        if not 0 < x <= 100 or math.isnan(x):
            raise PositionsError(i18n.msg("staffing.positions.outside", part=part))
        out.append(x)
    if not out:
        raise PositionsError(i18n.msg("staffing.positions.none"))
    return sorted(set(out))


__all__ = [
    "HIRE_PREFIX", "HiredHours", "Neighbour", "Words", "structural_shortfall",
    "DEFAULT_POSITIONS", "Hire", "PositionsError", "StaffingAnswer", "compare_tiers", "find_staffing",
    "plan_positions", "positions_from_text", "tier_value_sentence", "tiers_to_compare",
]
