"""The objective's terms, per tier: :class:`Objective`, :data:`SCALE` and :data:`TIERS`.

What the parts of :func:`scheduler.solver.objective.build` add their weighted terms to; the
tiers and why everything is an integer are in :mod:`scheduler.solver.objective`'s docstring.
"""

from __future__ import annotations

import contextlib
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

SCALE = 60

TIERS = (
    "uncovered", "overtime", "soft_legal", "below_target", "contract", "requests", "fairness",
    "pattern", "overstaffing",
)


@dataclass
class Objective:
    terms: dict[str, list[tuple[int, cp_model.LinearExprT]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    constant: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    shortfall: list[tuple[int, int, str, int, cp_model.IntVar | int]] = field(default_factory=list)
    # (variable index, least value): a term's variable that no roster takes below that value,
    # which the LP cannot see (it works fractions of shifts), e.g. the contract deviation
    # (:func:`scheduler.solver.objective_contract.least_deviation`). Posted only where they
    # were measured to help (:func:`least_posted`, :func:`scheduler.solver.top_tiers.run`): the
    # bound's LPs and the neighbourhood search beside one; posted in every search model, they
    # made the ward's search worse (issue #19, docs/benchmarks.md).
    least: list[tuple[int, int]] = field(default_factory=list)

    def add(self, tier: str, coef: int, expr: cp_model.LinearExprT) -> None:
        if coef:
            self.terms[tier].append((int(coef), expr))

    def expression(self, tiers: tuple[str, ...] | None = None) -> cp_model.LinearExprT:
        """The weighted sum of the terms of ``tiers`` (default: every tier), without constants."""
        exprs, coefs = [], []
        for tier, items in self.terms.items():
            if tiers is not None and tier not in tiers:
                continue
            for c, e in items:
                exprs.append(e)
                coefs.append(c)
        return cp_model.LinearExpr.weighted_sum(exprs, coefs) if exprs else 0

    def total(self) -> cp_model.LinearExprT:
        """The whole objective: every tier's terms and the constants."""
        return self.expression() + sum(self.constant.values())

    def by_tier(self, value) -> dict[str, float]:  # noqa: ANN001 - solver.value
        out = {}
        for tier in (*TIERS, *(t for t in self.terms if t not in TIERS)):
            total = self.constant.get(tier, 0) + sum(c * value(e) for c, e in self.terms.get(tier, []))
            out[tier] = total / SCALE
        return out


def post_least(model: cp_model.CpModel, obj: Objective) -> list[tuple[int, int]]:
    """Each of ``obj.least`` as its variable's lower bound in ``model``: the (index, old lower
    bound) of the variables it raised."""
    saved = []
    for i, least in obj.least:
        dom = model.proto.variables[i].domain
        if len(dom) == 2 and dom[0] < least <= dom[1]:
            saved.append((i, dom[0]))
            dom[0] = least
    return saved


@contextlib.contextmanager
def least_posted(model: cp_model.CpModel, obj: Objective) -> Iterator[None]:
    """``model`` with :func:`post_least`'s bounds while the block runs, restored after."""
    saved = post_least(model, obj)
    try:
        yield
    finally:
        for i, low in saved:
            model.proto.variables[i].domain[0] = low
