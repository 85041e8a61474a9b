"""Why is the model infeasible? A small set of contradicting hard requirements, in plain words.

Demand is soft, so with no fixed assignments an empty roster is always legal: infeasibility
comes from pins (fixed shifts) meeting the hard rules (and history). Employees are independent
apart from demand, so each pinned employee gets a model of their own in which every pin and
every (rule, employee) group is switched on by an assumption literal; CP-SAT's
``SufficientAssumptionsForInfeasibility`` then names the pins and rules that cannot all hold.

Every independent conflict is listed in one run (up to :data:`MAX_CONFLICTS`): after a core is
found, its pins (or, for a core without pins, its rules) are released for that employee and the
model is solved again, so the next core shares no pin with the ones before it.

Each employee's search gets a share of the work budget when there is one (so the explanation is
as reproducible as the roster would be), else of the time limit; the wall clock stays a safety
net (:class:`scheduler.solver.cpsat.Budget`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from ortools.sat.python import cp_model

from constraints.kernel.geometry import Geometry
from constraints.kernel.posting import PostContext
from constraints.registry import Posted
from scheduler import i18n
from scheduler.model import Problem
from scheduler.solution import Conflict, SolveOptions
from scheduler.solver import overtime, variables
from scheduler.solver.cpsat import MIN_SECONDS, Budget, new_solver

if TYPE_CHECKING:
    from scheduler.solver.build import Built


MAX_UNPINNED = 50  # employees without pins examined when no pinned one explains it
MAX_CONFLICTS = 20  # conflicts listed in one run (each a core disjoint from the ones before)
ROW_WORK = 2.0  # deterministic seconds for one test of an employee's row (explain_rows)


def explain(problem: Problem, built: Built, options: SolveOptions,
            budget: Budget | None = None) -> list[Conflict]:
    budget = budget or Budget(options.time_limit, options.work_limit)
    main = built.ctx
    geo = main.geo
    pinned_emps = sorted({e for (e, _d) in main.pinned})
    out: list[Conflict] = []
    limit = options.work_limit if options.work_limit is not None else options.time_limit
    per_emp = max(0.5, min(5.0, limit / max(1, len(pinned_emps))))
    for e in pinned_emps:
        if len(out) >= MAX_CONFLICTS:
            break
        out.extend(_explain_one(built, e, per_emp, options.seed, budget,
                                MAX_CONFLICTS - len(out)))
    if not out:  # a hard rule that needs work (a contract minimum) can fail without pins
        others = [e for e in main.active if e not in set(pinned_emps)][:MAX_UNPINNED]
        for e in others:
            if len(out) >= MAX_CONFLICTS:
                break
            out.extend(_explain_one(built, e, 1.0, options.seed, budget,
                                    MAX_CONFLICTS - len(out)))
    if not out:
        names: object = ", ".join(geo.emps[e].id for e in pinned_emps) or \
            i18n.term("conflict.nobody")
        out.append(_conflict(variables.FIXED, None, [], "conflict.none_explains", names=names))
    return out


def explain_rows(geo: Geometry, rules: list[Posted], employees: Sequence[int],
                 options: SolveOptions, budget: Budget) -> list[Conflict]:
    """The conflicts of employees whose rules alone admit no row at all (the contract search
    proved it, :mod:`scheduler.solver.decompose`): for each, a minimal set of their rules that
    no row meets together, found by deletion on the employee's own model (one solve per rule,
    :data:`ROW_WORK` each), without the whole model. The assumption literals
    :func:`_explain_one` uses weaken the LP that proves such a row infeasible (a count argument
    over the whole horizon): measured on a generated instance, no core in 10 s where the row
    without them is infeasible in 0.1 s. A rule whose removal cannot be decided within the work
    is kept (the set stays proven). The employee's days off and fixed shifts (the domain) are
    always part of the row and are not named: the conflicts name rules only."""
    from scheduler.solver.decompose import RowModels  # (decompose imports nothing from here)

    out: list[Conflict] = []
    everything = RowModels(geo, rules)  # every rule, one row model per employee (cached)
    for e in employees[:MAX_CONFLICTS]:
        whole = everything.base(e)
        posted = [r.spec.id for r in rules
                  if r.post is not None and (whole is None or whole.employees(r.spec.id))]

        def infeasible(kept: list[str], e: int = e) -> bool:
            base = RowModels(geo, [r for r in rules if r.post is None or r.spec.id in kept]).base(e)
            if base is None:  # the employee's domain alone (days off, pins) leaves nothing
                return True
            solver = new_solver()
            p = solver.parameters
            p.num_workers = 1
            p.random_seed = options.seed
            p.max_deterministic_time = ROW_WORK
            # as _core: with a work budget the wall clock is a safety net only
            p.max_time_in_seconds = max(ROW_WORK, budget.seconds_left()) if budget.deterministic \
                else max(MIN_SECONDS, budget.seconds_to_end())
            status = solver.solve(base.model)
            budget.charge(solver, status)
            return status == cp_model.INFEASIBLE

        def spent() -> bool:  # the rest of the rules is kept (the set stays proven)
            return budget.work_left() <= 0 or \
                (not budget.deterministic and budget.seconds_to_end() <= 0)

        needed = list(posted)
        for rule in posted:
            if spent():
                break
            without = [r for r in needed if r != rule]
            if infeasible(without):
                needed = without
        emp = geo.emps[e].id
        for rule in needed:
            named = {"rule": rule,
                     "paragraph": i18n.paragraph_term(rule, everything.specs[rule].paragraph),
                     "title": i18n.rule_title_term(rule)}
            out.append(_conflict(rule, emp, [], "conflict.rule_horizon", employee=emp, **named))
    return out


def _explain_one(built: Built, e: int, limit: float, seed: int, budget: Budget,
                 most: int = MAX_CONFLICTS) -> list[Conflict]:
    """Every independent conflict of employee ``e`` (at most ``most``): find a core, release
    its pins (its rules when it has none), solve again, until the rest is feasible. Each core
    search gets ``limit`` (work units with a work budget, else seconds; the wall clock's safety
    net is at least as long)."""
    main = built.ctx
    geo = main.geo
    ctx = PostContext(geo, main.specs, explain=True, active=[e])
    ctx.pinned = {k: v for k, v in main.pinned.items() if k[0] == e}
    ctx.forbidden = {k: v for k, v in main.forbidden.items() if k[0] == e}
    ctx.wanted = {e: main.wanted[e]} if main.wanted is not None else None
    variables.create(ctx)
    pins = variables.pin(ctx)
    overtime.follow(main, ctx)  # the same overtime as the main model (when allowed)
    for r in built.rules:
        if r.post is not None and ctx.employees(r.spec.id):
            r.post(ctx)
    lits: dict[int, tuple[str, object]] = {}
    assumptions = []
    for key, a in pins.items():
        lits[a.index] = ("pin", key)
        assumptions.append(a)
    for key, g in ctx.groups.items():
        lits[g.index] = ("rule", key)
        assumptions.append(g)
    out: list[Conflict] = []
    while assumptions and len(out) < most:
        ctx.model.clear_assumptions()
        ctx.model.add_assumptions(assumptions)
        core = _core(ctx.model, limit, seed, budget)
        if not core:
            break
        out.extend(_conflicts(main, e, lits, core))
        released = {i for i in core if lits.get(i, ("",))[0] == "pin"} or set(core)
        assumptions = [a for a in assumptions if a.index not in released]
    return out[:most]


def _core(model: cp_model.CpModel, limit: float, seed: int, budget: Budget) -> list[int]:
    """Assumption indices that cannot all hold ([] when the model is feasible or undecided)."""
    solver = new_solver()
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = seed
    if budget.deterministic:
        solver.parameters.max_deterministic_time = limit
        solver.parameters.max_time_in_seconds = max(limit, budget.seconds_left())
    else:  # never past the time limit of the whole solve
        solver.parameters.max_time_in_seconds = max(MIN_SECONDS,
                                                     min(limit, budget.seconds_to_end()))
    status = solver.solve(model)
    budget.charge(solver, status)
    if status != cp_model.INFEASIBLE:
        return []
    return list(solver.sufficient_assumptions_for_infeasibility())


def _conflicts(main, e: int, lits: dict[int, tuple[str, object]],  # noqa: ANN001 - PostContext
               core: list[int]) -> list[Conflict]:
    geo = main.geo
    pins_in = sorted(lits[i][1] for i in core if lits.get(i, ("",))[0] == "pin")
    rules_in = sorted({lits[i][1][0] for i in core if lits.get(i, ("",))[0] == "rule"})
    emp = geo.emps[e].id
    days = [geo.days[d] for (_e, d) in pins_in]
    pins = [i18n.term("conflict.pin", day=geo.days[k[1]].isoformat(),
                      shift="OFF" if main.pinned[k] < 0 else geo.shifts[main.pinned[k]].code)
            for k in pins_in]
    out = []
    for rule in rules_in or [variables.FIXED]:
        # the rule named by its paragraph and title (the title in the language in force)
        if rule not in main.specs:  # the fixed shifts alone
            out.append(_conflict(rule, emp, days, "conflict.fixed_only", employee=emp,
                                 pins=_joined(pins)))
            continue
        named = {"rule": rule, "paragraph": i18n.paragraph_term(rule, main.specs[rule].paragraph),
                 "title": i18n.rule_title_term(rule)}
        if pins_in:
            out.append(_conflict(rule, emp, days, "conflict.fixed_rule", employee=emp,
                                 pins=_joined(pins), **named))
        else:
            out.append(_conflict(rule, emp, days, "conflict.rule_horizon", employee=emp,
                                 **named))
    return out


def _joined(terms: list[dict[str, object]]) -> dict[str, object]:
    """Sentence parts joined by ``, `` (nested terms, so each renders in the language)."""
    if len(terms) == 1:
        return terms[0]
    return i18n.term("conflict.joined", first=terms[0], rest=_joined(terms[1:]))


def _conflict(rule: str, employee: str | None, days: list[date], key: str, /,
              **args: object) -> Conflict:
    """A conflict worded by the catalogue entry ``key`` (``message``: in English)."""
    return Conflict(rule=rule, employee=employee, days=days, key=key, args=args,
                    message=i18n.render(key, args, "en"))
