"""The ``PostContext`` handed to every rule's ``post`` (and ``DOMAIN``) function.

A family's ``post.py`` may export two tables:

* ``DOMAIN = {rule_id: fn(ctx)}`` — run *before* the decision variables exist; calls
  :meth:`PostContext.forbid` for (employee, day, shift) cells the rule never allows (a night
  shift for a night-exempt employee, a shift type without the break the law requires, …). A
  forbidden cell gets no variable at all. Forbidding a pinned cell becomes a conflict.
* ``POSTS = {rule_id: fn(ctx)}`` — run after the variables exist; adds constraints with
  :meth:`PostContext.add` (which attaches the rule group's enforcement literal when the model is
  built to explain an infeasibility) and soft penalties with :meth:`PostContext.penalize`.

Everything here is plain ints and CP-SAT literals; pydantic objects are read once.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from ortools.sat.python import cp_model

from constraints import limits as lim
from constraints.base import RuleSpec
from constraints.kernel import standby
from constraints.kernel.geometry import Cell, Geometry
from scheduler import calendar as cal
from scheduler.i18n import Msg

Key = tuple[int, int, int]  # (employee index, day index, shift index)
# An overtime tail in a window: (worked minutes per unit, units, most units).
OvertimeTerm = tuple[int, cp_model.IntVar, int]


class OvertimeTails(Protocol):
    """The solver's overtime variables as the rule families see them.

    The solver (``scheduler.solver.overtime.Overtime``) owns the tail variables: per cell of an
    employee who may get overtime, an integer count of tail *units* that are overtime. The
    families read them through this interface only: the normal-hours caps become soft for the
    employees it covers, and the § 10-6 caps (``constraints.overtime.caps``) bound the tails.
    """

    def capable(self, e: int) -> bool:
        """May employee ``e`` get overtime?"""
        ...

    def softens(self, rule: str, e: int) -> bool:
        """Is the normal-hours cap ``rule`` soft (overtime tails count against it) for ``e``?"""
        ...

    def can_stretch(self, e: int, d: int, s: int, limit: int) -> bool:
        """May a shift longer than the daily ``limit`` be given, its excess as overtime?"""
        ...

    def ot(self, e: int, d: int, s: int) -> tuple[int, cp_model.IntVar] | None:
        """(worked minutes per unit, units) of the overtime tail of a cell, if it can have one."""
        ...

    def tails_by_window(self, e: int, windows: list[cal.Window]) -> dict[int, list[OvertimeTerm]]:
        """Window index -> the overtime tails of ``e`` lying in it (windows on day or week
        boundaries: a tail never crosses one)."""
        ...

    def soft_cap(self, rule: str, e: int, windows: list[cal.Window],
                 per_cell: dict[Cell, list[tuple[int, int]]],
                 limit_of: Callable[[cal.Window], int]) -> None:
        """Post the normal-hours cap ``rule`` of ``e`` as *minutes − overtime tails ≤ limit*."""
        ...

    def contract_target(self, e: int) -> int:
        """Contracted minutes of ``e`` over the horizon (pro rata for unavailable days)."""
        ...


def tail_minutes(terms: list[OvertimeTerm]) -> cp_model.LinearExprT:
    """Worked minutes of the overtime tails ``terms``."""
    if not terms:
        return 0
    return cp_model.LinearExpr.weighted_sum([v for _, v, _ in terms], [q for q, _, _ in terms])


@dataclass
class Forbidden:
    rule: str
    why: str | Msg  # a catalogue entry (rendered in the output language), or English text


@dataclass
class Penalty:
    tier: str
    coef: int
    expr: cp_model.LinearExprT
    rule: str = ""


@dataclass
class PostContext:
    geo: Geometry
    specs: dict[str, RuleSpec]
    model: cp_model.CpModel = field(default_factory=cp_model.CpModel)
    explain: bool = False  # attach a group literal per (rule, employee) to every constraint
    naive: bool = False  # benchmark baseline: plain pairwise rest clauses
    active: list[int] = field(default_factory=list)  # employee indices in the model
    x: dict[Key, cp_model.IntVar] = field(default_factory=dict)
    forbidden: dict[Key, Forbidden] = field(default_factory=dict)
    pinned: dict[tuple[int, int], int] = field(default_factory=dict)  # (e, d) -> s, or -1 = OFF
    groups: dict[tuple[str, int], cp_model.IntVar] = field(default_factory=dict)
    penalties: list[Penalty] = field(default_factory=list)
    wanted: dict[int, set[Cell]] | None = None  # cells worth a variable, per employee
    by_emp: dict[int, list[Cell]] = field(default_factory=dict)  # cells with a variable
    symmetry_groups: list[list[int]] = field(default_factory=list)  # ordered by worked minutes
    # The solver's overtime tails when overtime is allowed (scheduler.solver.overtime): the
    # normal-hours caps of the employees it covers become soft; None = no overtime (the default).
    overtime: OvertimeTails | None = None
    _limit_cache: dict[tuple[str, int, date | None], lim.Effective] = field(default_factory=dict)
    # each employee's own and the site's agreements (limits() reads only these: linear in staff)
    _agreements_of: dict[int, tuple] = field(default_factory=dict)

    # -- problem access ---------------------------------------------------------------------

    @property
    def problem(self):  # noqa: ANN201 - Problem
        return self.geo.problem

    @property
    def settings(self):  # noqa: ANN201 - Settings
        return self.geo.problem.settings

    def spec(self, rule_id: str) -> RuleSpec:
        return self.specs[rule_id]

    def applies(self, rule_id: str, e: int) -> bool:
        """Does the rule apply to employee ``e`` (exempt employees skip most of chapter 10)?"""
        spec = self.specs.get(rule_id)
        if spec is None:
            return True
        return spec.applies_to_exempt or not self.geo.emps[e].exempt_10_12

    def employees(self, rule_id: str) -> list[int]:
        return [e for e in self.active if self.applies(rule_id, e)]

    def limits(self, family: str, e: int, on: date | None = None) -> lim.Effective:
        """Limits in force for employee ``e``; with ``on=None`` the strictest over the horizon
        (an agreement that is in force for only part of the horizon does not relax the rest)."""
        key = (family, e, on)
        hit = self._limit_cache.get(key)
        if hit is not None:
            return hit
        emp = self.geo.emps[e].id
        agreements = self._agreements_of.get(e)
        if agreements is None:
            agreements = self._agreements_of[e] = tuple(
                a for a in self.problem.agreements if a.employee is None or a.employee == emp)
        if on is not None:
            start = self._segment_start(family, agreements, on)
            if start is not None and start != on:  # the same agreements are in force
                eff = self.limits(family, e, start)
            else:
                eff = lim.effective(family, agreements, emp, on)
        else:
            eff = _strictest(
                family,
                [lim.effective(family, agreements, emp, d)
                 for d in _boundary_days(self, family, agreements)],
            )
        self._limit_cache[key] = eff
        return eff

    def _segment_start(self, family: str, agreements: tuple, on: date) -> date | None:
        """The first day of the stretch of the horizon holding ``on`` in which the same
        ``agreements`` of ``family`` are in force (None outside the horizon)."""
        s = self.settings
        if not s.start <= on <= s.end:
            return None
        days = _boundary_days(self, family, agreements)  # sorted, days[0] is the start
        return days[bisect.bisect_right(days, on) - 1]

    # -- the domain phase -------------------------------------------------------------------

    def candidate_cells(self, e: int) -> Iterable[Cell]:
        """Cells still open for ``e`` in the domain phase (or with a variable afterwards)."""
        for d, s in self.geo.cells():
            if (e, d, s) not in self.forbidden and self._wanted(e, d, s):
                yield d, s

    def forbid(self, e: int, d: int, s: int, rule: str, why: str | Msg) -> None:
        if (e, d, s) in self.x:
            raise RuntimeError("forbid() is only allowed in the DOMAIN phase")
        self.forbidden.setdefault((e, d, s), Forbidden(rule, why))

    def _wanted(self, e: int, d: int, s: int) -> bool:
        if self.wanted is None:
            return True
        return (d, s) in self.wanted.get(e, ())

    # -- the post phase ---------------------------------------------------------------------

    def var(self, e: int, d: int, s: int) -> cp_model.IntVar | None:
        return self.x.get((e, d, s))

    def cells(self, e: int) -> list[Cell]:
        """Cells of ``e`` that have a variable, sorted by (day, shift)."""
        return self.by_emp.get(e, [])

    def day_vars(self, e: int, d: int) -> list[cp_model.IntVar]:
        return [v for s in range(self.geo.S) if (v := self.x.get((e, d, s))) is not None]

    def group(self, rule_id: str, e: int) -> list[cp_model.IntVar]:
        """Enforcement literals for constraints of ``rule_id`` about employee ``e``."""
        if not self.explain:
            return []
        key = (rule_id, e)
        lit = self.groups.get(key)
        if lit is None:
            lit = self.model.new_bool_var(f"grp[{rule_id},{e}]")
            self.groups[key] = lit
        return [lit]

    def add(self, ct: cp_model.Constraint, rule_id: str, e: int) -> cp_model.Constraint:
        lits = self.group(rule_id, e)
        if lits:
            ct.only_enforce_if(lits)
        return ct

    def at_most_one(self, lits: list[cp_model.IntVar], rule_id: str, e: int) -> None:
        if len(lits) < 2:
            return
        if self.explain:
            self.add(self.model.add(sum(lits) <= 1), rule_id, e)
        else:
            self.model.add_at_most_one(lits)

    def never(self, lit: cp_model.IntVar, rule_id: str, e: int) -> None:
        """``lit`` must be false (a cell a rule rules out after the domain phase)."""
        self.add(self.model.add(lit == 0), rule_id, e)

    def penalize(self, tier: str, coef: int, expr: cp_model.LinearExprT, rule: str = "") -> None:
        if coef and not self.explain:
            self.penalties.append(Penalty(tier, int(coef), expr, rule))

    def counted_minutes(self, e: int, terms: Iterable[tuple[Cell, int]]
                        ) -> list[tuple[cp_model.IntVar, int]]:
        """(``x``, minutes) of the cells that have a variable for ``e``, as ``e``'s totals count
        them (on call from home at ``e``'s own § 10-4 (3) share: ``constraints.kernel.standby``)."""
        scale = standby.scales(self, e)
        if scale:
            terms = standby.scaled(scale, terms)
        return [(self.x[(e, d, s)], m) for (d, s), m in terms if (e, d, s) in self.x]

    def minutes(self, e: int, terms: Iterable[tuple[Cell, int]]) -> cp_model.LinearExprT:
        """Sum of ``minutes * x`` over :meth:`counted_minutes`."""
        acc = self.counted_minutes(e, terms)
        if not acc:
            return 0
        return cp_model.LinearExpr.weighted_sum([v for v, _ in acc], [m for _, m in acc])


def _boundary_days(ctx: PostContext, family: str, agreements: tuple) -> list[date]:
    """The horizon start and every day one of ``agreements`` of ``family`` starts or stops
    applying."""
    s = ctx.settings
    out = {s.start}
    for a in agreements:
        if a.family != family:
            continue
        for d in (a.valid_from, a.valid_to):
            if d is None:
                continue
            for cand in (d, date.fromordinal(d.toordinal() + 1)):
                if s.start <= cand <= s.end:
                    out.add(cand)
    return sorted(out)


def _strictest(family: str, effs: list[lim.Effective]) -> lim.Effective:
    if len(effs) == 1:
        return effs[0]
    fam = lim.FAMILIES[family]
    values: dict[str, float | bool | str] = {}
    tier = effs[0].tier
    for eff in effs:
        if lim.TIER_ORDER.index(eff.tier) < lim.TIER_ORDER.index(tier):
            tier = eff.tier
    for name, p in fam.params.items():
        vals = [eff.values[name] for eff in effs]
        if p.direction == "ceiling":
            values[name] = min(vals, key=float)  # type: ignore[arg-type]
        elif p.direction == "floor":
            values[name] = max(vals, key=float)  # type: ignore[arg-type]
        else:
            values[name] = all(bool(v) for v in vals)
    return lim.Effective(family, tier, values)
