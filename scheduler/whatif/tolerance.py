"""Is a scenario's difference from the baseline real, or within the solvers' proven gaps?

Each solve that is not proven optimal ends with a roster (its objective) and a proven lower
bound: the best roster of that problem costs somewhere in ``[bound, objective]``. When the
baseline's interval and a scenario's interval overlap, the proofs cannot tell which problem has
the better optimum, so every difference in their figures may come from where the searches
stopped: it is *within solver tolerance*, and the scenario is called neither better nor worse
on any figure. Only when the intervals are apart (one problem's bound is above the other's
roster) is a figure's difference called better or worse, by the figure's own direction.

Objectives are compared as the solver computed them, so a scenario that changes the objective
weights is compared only when both solves are proven optimal (their intervals are points).
"""

from __future__ import annotations

from typing import Literal

from scheduler.whatif.metrics import Figures
from scheduler.whatif.runner import ScenarioResult

Verdict = Literal["baseline", "same", "within", "apart", "none"]

# figure -> +1 when more is better, -1 when less is better
DIRECTION: dict[str, int] = {
    "coverage_pct": 1,
    "uncovered_total": -1,
    "overtime_hours": -1,
    "extra_hours": -1,
    "labour_cost": -1,
    "contract_deviation_hours": -1,
    "requests_granted_pct": 1,
    "nights_spread": -1,
    "weekend_spread": -1,
}
EPS = 1e-6


def interval(r: ScenarioResult) -> tuple[float, float] | None:
    """``[bound, objective]`` of a result with a roster (the bound is the objective when proven
    optimal, and unknown bounds count as 0: every objective tier is >= 0)."""
    if not r.ok or r.objective is None:
        return None
    if r.status == "OPTIMAL":
        return (r.objective, r.objective)
    bound = r.best_bound if r.best_bound is not None else 0.0
    return (min(bound, r.objective), r.objective)


def verdict(base: ScenarioResult, r: ScenarioResult) -> Verdict:
    """``baseline`` (the Baseline row itself), ``none`` (either has no roster), ``same`` (the
    same figures), ``within`` (different figures, within the solvers' proven gaps) or ``apart``
    (the proofs separate the two)."""
    if r is base:
        return "baseline"
    a, b = interval(base), interval(r)
    if a is None or b is None or base.figures is None or r.figures is None:
        return "none"
    if all(value(base.figures, k) == value(r.figures, k) for k in DIRECTION):
        return "same"
    if r.weights_changed and not (a[0] == a[1] and b[0] == b[1]):
        return "within"
    overlap = a[0] <= b[1] + EPS and b[0] <= a[1] + EPS
    return "within" if overlap else "apart"


def value(f: Figures, key: str) -> float | None:
    v = f.uncovered_total if key == "uncovered_total" else getattr(f, key)
    return None if v is None else float(v)


def change(base: ScenarioResult, r: ScenarioResult, key: str) -> int:
    """+1 better than the baseline on ``key``, -1 worse, 0 equal or within tolerance."""
    if verdict(base, r) != "apart" or base.figures is None or r.figures is None:
        return 0
    x, y = value(base.figures, key), value(r.figures, key)
    if x is None or y is None or abs(x - y) <= EPS:
        return 0
    return DIRECTION[key] * (1 if y > x else -1)


def better_worse(base: ScenarioResult, r: ScenarioResult) -> tuple[list[str], list[str]]:
    """The figures (keys of :data:`DIRECTION`) on which ``r`` is better / worse than the
    baseline, outside the tolerance."""
    better = [k for k in DIRECTION if change(base, r, k) > 0]
    worse = [k for k in DIRECTION if change(base, r, k) < 0]
    return better, worse


def baseline_of(results: list[ScenarioResult]) -> ScenarioResult | None:
    """The Baseline row (the first one, as the runner puts it)."""
    for r in results:
        if r.name == "Baseline":
            return r
    return None


__all__ = ["DIRECTION", "Verdict", "baseline_of", "better_worse", "change", "interval",
           "verdict"]
