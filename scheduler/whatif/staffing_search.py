"""The search of ``roster staffing``: hires tried by full solves, grown, trimmed and verified.

The steps (grow, trim, verify) and why it is a search and not one solve are in
:mod:`scheduler.whatif.staffing`'s docstring; :func:`structural_shortfall` finds the demand that
nobody may legally work, not even a new hire, from the solver's domain rules without solving.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from scheduler import i18n
from scheduler import summary as sm
from scheduler.model import Problem
from scheduler.solution import Assignment, Solution, SolveOptions, roster_of
from scheduler.whatif.metrics import ANY, uncovered_hours
from scheduler.whatif.staff import add_employees
from scheduler.whatif.staffing_answer import HIRE_PREFIX, Hire, Neighbour


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
ProveFn = Callable[[Problem, SolveOptions], bool]  # proven: no legal roster covers every minimum


def _default_solve(problem: Problem, options: SolveOptions,
                   start: Sequence[Assignment] | None = None) -> Solution:
    from scheduler.whatif.scenario_task import solve_within

    return solve_within(problem, options, start)


def _hires_words(key: tuple) -> Any:
    """``+1 RN at 80 %, +1 RN at 40 %`` (or "no extra staff") for a set of hires' key."""
    hires = [Hire(skill=s, position_pct=p, count=n) for (s, p), n in key]
    if not hires:
        return i18n.msg("staffing.no_extra")
    return i18n.joined((i18n.msg("staffing.hire", count=h.count, skill=h.skill,
                                 pct=h.position_pct) for h in hires), ", ")


def _default_prove(problem: Problem, options: SolveOptions) -> bool:
    from scheduler.solver.coverage_proof import proven_short

    return proven_short(problem, options)


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
        # a neighbour's shortfall proven by the uncovered tier alone (with the real solver only:
        # an injected solve_fn answers for problems the model would not know)
        self.prove: ProveFn | None = _default_prove if self.warm else None
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
            self.progress(i18n.msg("staffing.solve", n=self.solves, hires=_hires_words(key)))
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
            if not proven and best.covered and short != 0 and self.prove is not None \
                    and self.budget():
                # the whole objective was not proven: prove the shortfall alone (one solve)
                self.solves += 1
                if self.progress:
                    self.progress(i18n.msg("staffing.prove", n=self.solves,
                                           hires=_hires_words(key)))
                proven = self.prove(self.with_hires(hires), self.options)
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
