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
   roster's shortfall is the least there is); a neighbour rejected by a solve that stopped on
   its limit, or only because a hire would work above the position, leaves it unproven.

Words: the answer's sentences (``message``, ``remaining``, a neighbour's ``change``, the
progress lines) are catalogue entries with their arguments (:class:`scheduler.i18n.Msg`),
rendered in the language in force by whoever shows them (``--lang`` / the Settings language on
the console); the JSON carries them in English.

Limits, stated honestly: the searched space is the one-step neighbourhood — no proof of the
global minimum over every combination of hires; each solve has the time limit, so demand left short that
someone could work is reported as ``not_found`` (not found in the time), never as impossible. Existing staff and hires may work above their contracted hours where the
law allows (extra hours, *merarbeid*), as in any roster the solver makes; the answer lists the
hires' planned hours against their contracts and the extra hours of everyone.
"""

from __future__ import annotations

import math
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, field_serializer

from scheduler import i18n
from scheduler import summary as sm
from scheduler.model import Problem, Tier
from scheduler.solution import Assignment, Solution, SolveOptions, roster_of
from scheduler.whatif.metrics import ANY, uncovered_hours
from scheduler.whatif.rule_changes import set_tier
from scheduler.whatif.staff import add_employees

HIRE_PREFIX = "HIRE"
DEFAULT_POSITIONS = (50.0, 75.0, 100.0)
AVERAGING_FAMILY = "10-5"

# A sentence as a catalogue entry with its arguments; in English in the JSON.
Words = Annotated[i18n.Msg, PlainSerializer(lambda m: m.render("en"), return_type=str,
                                            when_used="json")]


class Hire(BaseModel):
    model_config = ConfigDict(frozen=True)

    skill: str  # "any" for demand open to every skill
    position_pct: float
    count: int

    def text(self, lang: str = "en") -> str:
        return i18n.text("staffing.hire", lang, count=self.count, skill=self.skill,
                         pct=self.position_pct)


class HiredHours(BaseModel):
    model_config = ConfigDict(frozen=True)

    employee: str
    skill: str
    position_pct: float
    hours: float
    contract: float


class Neighbour(BaseModel):
    """One neighbour of the answer tried in the verify step: one hire dropped or lowered."""

    model_config = ConfigDict(frozen=True)

    change: Words  # "drop 1 RN at 75 %", "RN 75 % -> 65 %"
    tried: bool  # False: the solve budget ran out first
    status: str | None = None  # the solver's status of the neighbour's solve
    short: int | None = None  # person-shifts below the minimum in its roster
    within_positions: bool | None = None
    proven: bool = False  # rejected by a proven-optimal solve with more demand short


class StaffingAnswer(BaseModel):
    model_config = ConfigDict(frozen=True)

    label: str
    tier: str | None = None
    status: str  # covered | not_coverable (by hiring) | not_found (in the time) | no_roster
    hires: list[Hire] = Field(default_factory=list)
    coverage_before: float | None = None
    coverage_after: float | None = None
    uncovered_before: dict[str, float] = Field(default_factory=dict)
    uncovered_after: dict[str, float] = Field(default_factory=dict)
    remaining: list[Words] = Field(default_factory=list)  # demand still short, in words
    hired_hours: list[HiredHours] = Field(default_factory=list)
    extra_hours: float | None = None  # extra hours of everyone in the final roster
    violations: int | None = None
    solves: int = 0
    seconds: float = 0.0
    message: Words | None = None  # why not covered (None when covered)
    step_pct: float | None = None  # the step of the position search (None: off)
    searched: list[Neighbour] = Field(default_factory=list)
    minimal_proven: bool = False  # within the searched space (module docstring, step 4)

    @field_serializer("message", when_used="json")
    def _message_json(self, m: i18n.Msg | None) -> str:  # "" when covered, as before
        return "" if m is None else m.render("en")

    @property
    def heads(self) -> int:
        return sum(h.count for h in self.hires)

    @property
    def fte(self) -> float:
        return sum(h.count * h.position_pct for h in self.hires) / 100.0

    def summary(self, lang: str = "en") -> str:
        """``needs +1 RN at 75 % → coverage 92.9 % → 100.0 %`` (and why not, when not)."""
        why = "" if self.message is None else self.message.render(lang)
        if self.status == "no_roster":
            return why
        needs = ", ".join(h.text(lang) for h in self.hires) if self.hires else \
            i18n.text("staffing.no_extra", lang)
        line = i18n.text("staffing.needs", lang, hires=needs)
        if self.coverage_before is not None and self.coverage_after is not None:
            line += i18n.text("staffing.coverage", lang, before=self.coverage_before,
                              after=self.coverage_after)
        if self.status in ("not_coverable", "not_found"):
            line += f"; {why}"
        return line


@dataclass
class _Eval:
    hires: Counter[tuple[str, float]]
    problem: Problem
    solution: Solution
    short: int  # person-shifts below the minimum (a large number when there is no roster)
    uncovered: dict[str, float]
    coverage: float | None
    rows: list[sm.CoverageRow]
    hires_within: bool = True  # every hire planned within contract + one shift

    @property
    def covered(self) -> bool:
        return self.solution.has_roster and self.short == 0


SolveFn = Callable[[Problem, SolveOptions], Solution]


def _default_solve(problem: Problem, options: SolveOptions,
                   start: Sequence[Assignment] | None = None) -> Solution:
    from scheduler.whatif.runner import solve_within

    return solve_within(problem, options, start)


def plan_positions(hours: float, positions: Sequence[float], hours_per_fte: float) -> list[float]:
    """Positions whose contracted hours cover ``hours``: the largest as often as it fits, the
    remainder with the smallest position that covers it (or one more of the largest)."""
    if hours <= 0:
        return []
    ordered = sorted(set(positions))
    big = ordered[-1]
    cap = {p: p / 100.0 * hours_per_fte for p in ordered}
    n = int(hours // cap[big])
    out = [big] * n
    rest = hours - n * cap[big]
    if rest > 1e-6:
        out.append(next((p for p in ordered if cap[p] >= rest - 1e-6), big))
    return out


class _Search:
    def __init__(self, problem: Problem, positions: Sequence[float], options: SolveOptions,
                 max_solves: int, solve_fn: SolveFn,
                 progress: Callable[[i18n.Msg], None] | None, step_pct: float = 0.0) -> None:
        self.base = problem
        self.step = float(step_pct)
        self.positions = sorted({float(p) for p in positions})
        self.options = options
        self.max_solves = max_solves
        self.solve_fn = solve_fn
        self.warm = solve_fn is _default_solve  # trials start from the best roster so far
        self.progress = progress
        self.solves = 0
        self.hours_per_fte = problem.settings.full_time_hours * len(problem.days()) / 7.0
        self.cache: dict[tuple, _Eval] = {}
        self.structural: dict[tuple[date, str, str], int] | None = None

    def with_hires(self, hires: Counter[tuple[str, float]]) -> Problem:
        p = self.base
        for (skill, pct), n in sorted(hires.items()):
            if n > 0:
                template_skill = "" if skill == ANY else skill
                p, _ = add_employees(p, template_skill, n, pct,
                                     prefix=f"{HIRE_PREFIX}-{skill}-{pct:g}")
        return p

    def evaluate(self, hires: Counter[tuple[str, float]],
                 start: _Eval | None = None) -> _Eval:
        """``hires`` solved; from ``start``'s roster (its cells of employees still there are
        hints, and a roster they make is never beaten by a worse one: a hire added to a
        roster cannot make its coverage worse, whatever the solve's luck)."""
        key = tuple(sorted((k, v) for k, v in hires.items() if v > 0))
        if key in self.cache:
            return self.cache[key]
        problem = self.with_hires(hires)
        self.solves += 1
        if self.progress:
            hires = [Hire(skill=s, position_pct=p, count=n) for (s, p), n in key]
            what = i18n.joined((i18n.msg("staffing.hire", count=h.count, skill=h.skill,
                                         pct=h.position_pct) for h in hires), ", ") \
                if hires else i18n.msg("staffing.no_extra")
            self.progress(i18n.msg("staffing.solve", n=self.solves, hires=what))
        if self.warm and start is not None and start.solution.has_roster:
            solution = _default_solve(problem, self.options, start.solution.assignments)
        else:
            solution = self.solve_fn(problem, self.options)
        if solution.has_roster:
            roster = roster_of(problem, solution)
            rows = sm.coverage(problem, roster)
            ev = _Eval(Counter(dict(key)), problem, solution, sum(r.shortfall for r in rows),
                       uncovered_hours(problem, rows), round(sm.coverage_pct(rows), 2), rows,
                       self.hires_within(problem, roster))
        else:
            ev = _Eval(Counter(dict(key)), problem, solution, 10**9, {}, None, [])
        self.cache[key] = ev
        return ev

    def hires_within(self, problem: Problem, roster: Any) -> bool:
        known = {e.id for e in self.base.employees}
        slack = max((st.paid_minutes() for st in problem.shifts), default=0) / 60.0
        hires = [e for e in problem.employees if e.id not in known]
        if not hires:
            return True
        totals = sm.employee_totals(problem.settings, roster, hires,
                                    sm.unavailable_days(problem), problem.agreements)
        ids = {e.id for e in hires}  # the totals also list everyone else the roster names
        return all(t.hours <= t.contract + slack + 1e-6 for t in totals if t.employee in ids)

    def structural_hours(self) -> dict[str, float]:
        paid = {st.code: st.paid_minutes() / 60 for st in self.base.shifts}
        out: dict[str, float] = {}
        for (_, shift, skill), n in (self.structural or {}).items():
            out[skill or ANY] = out.get(skill or ANY, 0.0) + n * paid.get(shift, 0.0)
        return out

    def again(self, ev: _Eval) -> _Eval:
        """``ev``'s hires solved once more, from its own roster (never worse than it); the
        better of the two is kept as that set's answer."""
        key = tuple(sorted((k, v) for k, v in ev.hires.items() if v > 0))
        del self.cache[key]
        trial = self.evaluate(ev.hires, start=ev)
        if trial.short > ev.short or not trial.solution.has_roster:
            self.cache[key] = ev
            return ev
        return trial

    def spare_hours(self, ev: _Eval) -> dict[str, float]:
        """Per skill, the hours the hires in ``ev`` could still work within their positions
        (contract + one shift, less what they are planned): demand short while they have
        room is the search's shortfall, not a lack of staff."""
        if not ev.solution.has_roster or not ev.hires:
            return {}
        known = {e.id for e in self.base.employees}
        slack = max((st.paid_minutes() for st in self.base.shifts), default=0) / 60.0
        hires = [e for e in ev.problem.employees if e.id not in known]
        roster = roster_of(ev.problem, ev.solution)
        totals = sm.employee_totals(ev.problem.settings, roster, hires,
                                    sm.unavailable_days(ev.problem), ev.problem.agreements)
        skill_of = {e.id: e.id[len(HIRE_PREFIX) + 1:].rsplit("-", 2)[0] for e in hires}
        out: dict[str, float] = {}
        for t in totals:
            if t.employee not in skill_of:  # the totals also list everyone else
                continue
            room = max(0.0, t.contract + slack - t.hours)
            out[skill_of[t.employee]] = out.get(skill_of[t.employee], 0.0) + room
        return out

    def coverable_short(self, ev: _Eval) -> int:
        """Person-shifts short that a hire could legally work."""
        if not ev.solution.has_roster:
            return 0
        struct = sum((self.structural or {}).values())
        return max(0, ev.short - struct)

    def accepts(self, trial: _Eval, best: _Eval) -> bool:
        return trial.solution.has_roster and trial.short <= best.short and trial.hires_within

    def budget(self) -> bool:
        return self.solves < self.max_solves

    def run(self) -> tuple[_Eval, _Eval]:
        first = self.evaluate(Counter())
        if not first.solution.has_roster:
            return first, first
        best = current = first
        self.structural = structural_shortfall(self.base, self.positions[-1])
        cap = max(2, len(self.base.employees))
        # grow: from the latest set, so one unlucky solve does not end the search
        while self.coverable_short(current) > 0 and self.budget():
            add: Counter[tuple[str, float]] = Counter()
            room = self.spare_hours(current)
            for skill, h in current.uncovered.items():
                h -= self.structural_hours().get(skill, 0.0) + room.get(skill, 0.0)
                if h > 1e-6:
                    for pct in plan_positions(h, self.positions, self.hours_per_fte):
                        add[(skill, pct)] += 1
            if not add and self.warm:
                # the hires have room for what is short: the shortfall is the search's, so
                # continue it from its roster (a longer search of the same set), while it gains
                again = self.again(current)
                if again.short >= current.short:
                    break
                current = again
                best = again if again.short < best.short else best
                continue
            if not add or sum((current.hires + add).values()) > cap:
                break
            trial = self.evaluate(current.hires + add, start=current)
            if not trial.solution.has_roster:
                break
            current = trial
            if trial.short < best.short:
                best = trial
        # trim: the first acceptable move becomes the answer, until none is; the first move
        # tried fits each hire to the hours it plans (one solve instead of one per step)
        improved = True
        while improved and self.budget():
            improved = False
            moves = [h for _, h in self.neighbours(best.hires)]
            fit = self.fitted(best)
            if fit != best.hires and fit not in moves:
                moves.insert(0, fit)
            for trial_hires in moves:
                if not self.budget():
                    break
                trial = self.evaluate(trial_hires, start=best)
                if self.accepts(trial, best):
                    best, improved = trial, True
                    break
        return first, best


    def fitted(self, ev: _Eval) -> Counter[tuple[str, float]]:
        """``ev``'s hires each at the smallest position that still holds the hours it plans in
        ``ev``'s roster on shifts a minimum needs (rows planned at most at their minimum; not
        those above it, toward a target), as :meth:`accepts` reads "within" (contract + one
        shift), on the grid of the step (without a step, the smallest of the positions that
        does), never larger than its own; a hire no minimum needs is dropped."""
        if not ev.solution.has_roster or not ev.hires:
            return ev.hires
        known = {e.id for e in self.base.employees}
        slack = max((st.paid_minutes() for st in self.base.shifts), default=0) / 60.0
        hires = [e for e in ev.problem.employees if e.id not in known]
        planned = {t.employee: t for t in sm.employee_totals(
            ev.problem.settings, roster_of(ev.problem, ev.solution), hires,
            sm.unavailable_days(ev.problem), ev.problem.agreements)}
        at_minimum = {(r.day, r.shift, r.skill) for r in ev.rows if r.planned <= r.required}
        shifts: dict[str, list[bool]] = {}  # per hire, per shift: does a minimum need it?
        for a in ev.solution.assignments:
            skills = next((x.skills for x in hires if x.id == a.employee), None)
            if skills is not None:
                shifts.setdefault(a.employee, []).append(any(
                    (a.day, a.shift, k) in at_minimum for k in ("", *skills)))
        out: Counter[tuple[str, float]] = Counter()
        for e in hires:
            skill = e.id[len(HIRE_PREFIX) + 1:].rsplit("-", 2)[0]
            pct, t = float(e.position_pct or 0), planned.get(e.id)
            needed = shifts.get(e.id, [])
            if t is not None and not any(needed):
                continue
            if t is None or t.contract <= 0:
                out[(skill, pct)] += 1
                continue
            hours = t.hours * sum(needed) / len(needed)  # the hours the minimum needs
            need = max(1e-6, pct * (hours - slack) / t.contract)  # the position they fill
            if self.step > 0:
                fit = round(self.step * math.ceil(need / self.step - 1e-9), 6)
            else:
                fit = next((p for p in self.positions if p >= need - 1e-9), pct)
            out[(skill, min(pct, fit))] += 1
        return out

    def neighbours(self, hires: Counter[tuple[str, float]]
                   ) -> list[tuple[i18n.Msg, Counter[tuple[str, float]]]]:
        """Each hire dropped (largest positions first), then each lowered by one step."""
        keys = sorted((k for k, n in hires.items() if n > 0), key=lambda k: (-k[1], k[0]))
        out = []
        for skill, pct in keys:
            trial = hires.copy()
            trial[(skill, pct)] -= 1
            out.append((i18n.msg("staffing.drop", count=1, skill=skill, pct=pct), +trial))
        for skill, pct in keys:
            if self.step <= 0:
                break
            lower = round(self.step * math.ceil(pct / self.step - 1 - 1e-9), 6)  # on the grid
            if lower > 0:
                trial = hires.copy()
                trial[(skill, pct)] -= 1
                trial[(skill, lower)] += 1
                out.append((i18n.msg("staffing.lower", skill=skill, before=pct, after=lower),
                            +trial))
        return out

    def verify(self, best: _Eval) -> list[Neighbour]:
        """Every neighbour of ``best`` with what its solve gave (solving those not yet tried,
        within the budget)."""
        out = []
        for change, hires in self.neighbours(best.hires):
            key = tuple(sorted((k, v) for k, v in hires.items() if v > 0))
            if key not in self.cache and not self.budget():
                out.append(Neighbour(change=change, tried=False))
                continue
            ev = self.evaluate(hires, start=best)
            status = ev.solution.status
            short = ev.short if ev.solution.has_roster else None
            proven = status == "OPTIMAL" and short is not None and short > best.short
            out.append(Neighbour(change=change, tried=True, status=status, short=short,
                                 within_positions=ev.hires_within if short is not None else None,
                                 proven=proven))
        return out


def structural_shortfall(problem: Problem,
                         position_pct: float = 100.0) -> dict[tuple[date, str, str], int] | None:
    """Person-shifts per demand row that nobody may legally work, not even a new hire.

    Per demand row (day, shift, skill): the minimum less the employees whom no rule forbids
    that shift on that day (the solver's own domain rules: daily hour limits, night-work
    exemptions, unavailability, pins), counted only where a new hire with that skill would be
    forbidden it too. Built from the solver's model without solving (a fraction of a second);
    ``None`` when the model cannot be built.
    """
    try:
        from scheduler.solver.build import build

        skills = sorted({d.skill for d in problem.demand})
        probe = problem
        probe_ids: dict[str, str] = {}
        for skill in skills:
            try:
                probe, ids = add_employees(probe, skill, 1, position_pct, prefix="PROBE")
            except ValueError:  # nobody has the skill: no hire can be copied
                continue
            probe_ids[skill] = ids[0]
        built = build(probe, SolveOptions())
        if built.conflicts:
            return None
        geo, have = built.ctx.geo, set(built.ctx.x)
        index = {emp.id: e for e, emp in enumerate(geo.emps)}
    except Exception:
        return None
    hires = set(probe_ids.values())
    out: dict[tuple[date, str, str], int] = {}
    for item in problem.demand:
        d, s = geo.day_index.get(item.day), geo.shift_index.get(item.shift)
        if d is None or s is None or item.minimum <= 0:
            continue
        hire = probe_ids.get(item.skill)
        if hire is not None and (index[hire], d, s) in have:
            continue
        able = sum(1 for e, emp in enumerate(geo.emps)
                   if emp.id not in hires and (e, d, s) in have
                   and (not item.skill or item.skill in emp.skills))
        if able < item.minimum:
            key = (item.day, item.shift, item.skill)
            out[key] = out.get(key, 0) + item.minimum - able
    return out


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
    "DEFAULT_POSITIONS", "Hire", "PositionsError", "StaffingAnswer", "compare_tiers", "find_staffing",
    "plan_positions", "positions_from_text", "tier_value_sentence", "tiers_to_compare",
]
