"""The objective's terms, per tier: :class:`Objective`, :data:`SCALE` and :data:`TIERS`.

What the parts of :func:`scheduler.solver.objective.build` add their weighted terms to; the
tiers and why everything is an integer are in :mod:`scheduler.solver.objective`'s docstring.
"""

from __future__ import annotations

from collections import defaultdict
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
