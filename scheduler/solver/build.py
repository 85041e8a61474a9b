"""Build the CP-SAT model of a planning problem (:func:`build`): the geometry, the DOMAIN rules,
the variables, every rule's posts and the objective, step by step on the time limit."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from constraints.kernel.geometry import Geometry
from constraints.kernel.posting import PostContext
from constraints.registry import Posted, rules_for
from scheduler.model import Problem
from scheduler.solution import Conflict, SolveOptions
from scheduler.solver import objective, overtime, variables
from scheduler.solver.cpsat import Budget
from scheduler.solver.symmetry import break_symmetry


@dataclass
class Built:
    ctx: PostContext
    obj: objective.Objective | None
    rules: list[Posted]
    conflicts: list[Conflict]


Extend = Callable[[PostContext, objective.Objective], None]


class OutOfTime(Exception):
    """The time limit ran out while the model was being built (raised by :func:`build`)."""


def build(problem: Problem, options: SolveOptions, *, naive: bool = False,
          tariff_profile: bool = False, symmetry: bool = False,
          budget: Budget | None = None, extend: Extend | None = None,
          ready: Callable[[PostContext], None] | None = None) -> Built:
    """The model. With ``budget``, :class:`OutOfTime` when its time runs out between two
    steps (reading the domain, creating the variables, each rule's posts, the objective's
    parts): on a problem too large for the time limit nothing more is built (or held in memory).

    ``extend(ctx, obj)``: called once the objective is built, to add constraints and terms of
    a caller's own (the minimal-change re-plan, :mod:`scheduler.replan.model`); the model's
    objective is then set again from ``obj``.

    ``ready(ctx)``: called once the variables exist and the pins are set, before any rule is
    posted (the early start of :mod:`scheduler.solver.aml_start`)."""

    def in_time() -> None:
        if budget is not None and budget.seconds_left() <= 0:
            raise OutOfTime

    geo = Geometry(problem)
    rules = rules_for(problem, tariff_profile)
    ctx = PostContext(geo, {r.spec.id: r.spec for r in rules}, naive=naive,
                      active=list(range(geo.E)))
    if overtime.allowed(problem.settings, options):
        overtime.enable(ctx)
    conflicts = variables.read_pins(ctx)
    conflicts += variables.run_domain(ctx, rules, in_time)
    if conflicts:
        return Built(ctx, None, rules, conflicts)
    in_time()
    variables.create(ctx)
    variables.pin(ctx)
    if ctx.overtime is not None:
        ctx.overtime.create()
    if ready is not None:
        ready(ctx)
    for r in rules:
        if r.post is not None and ctx.employees(r.spec.id):
            in_time()
            r.post(ctx)
    in_time()
    obj = objective.build(ctx, in_time=in_time)
    if extend is not None:
        extend(ctx, obj)
        ctx.model.minimize(obj.total())
    if symmetry and not naive:
        break_symmetry(ctx)
    return Built(ctx, obj, rules, [])
