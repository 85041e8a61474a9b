"""The sweep's budgets: each scenario's target gap and the time the others left unused.

:class:`SweepOptions`, the target gap (:func:`target_gap`), whether a scenario stopped short of
it (:func:`short_of_target`, :func:`budget_note`), the overall limit and each waiting scenario's
share of what is left (:func:`overall_limit`, :func:`spare_seconds`), and one scenario's two
rounds as one result (:func:`merge_rounds`); the rules are in :mod:`scheduler.whatif.runner`'s
docstring.
"""

from __future__ import annotations

from dataclasses import dataclass

from scheduler.whatif.scenario_result import WALL_CLOCK, ScenarioResult

DEFAULT_RETRIES = 2
# A second round restarts the search from the scenario's roster and proves its bound again from
# nothing, so one shorter than the first cannot be expected to prove more: it is not started
# below this share of time_limit (measured on the ward: 4.5 s second rounds after 30 s moved no
# gap, docs/benchmarks.md "What-if budgets")
MIN_EXTRA_SHARE = 1.0
MIN_EXTRA_SECONDS = 1.0
# percentage points a gap may exceed its target and still count as reached: half the 0.1 the
# table shows (a scenario at 35.32 % against a target of 35.32 % is as well proven)
TARGET_SLACK = 0.05
DEFAULT_TARGET_GAP = 2.0  # % — the scenarios' target when the first solve is proven optimal


@dataclass(frozen=True)
class SweepOptions:
    time_limit: float = 30.0
    work_limit: float | None = None  # per scenario (SolveOptions.work_limit)
    seed: int = 0
    jobs: int = 0  # 0 = number of cores
    cluster: str | None = None
    retries: int = DEFAULT_RETRIES
    keep_solutions: bool = False
    from_baseline: bool = True  # solve the baseline first and start every scenario from it
    # % at which each scenario's search stops (module docstring): None = the first solve's
    # gap (DEFAULT_TARGET_GAP when it is proven optimal); 0 = no target, the limits alone
    target_gap_pct: float | None = None
    # wall seconds for the scenarios (after the first solve), within which the time left
    # unused goes to scenarios above their target: None = ceil(scenarios / slots) x time_limit,
    # what the sweep takes when every scenario runs to its limit; 0 = no second round
    overall_limit: float | None = None


def target_gap(sweep: SweepOptions, first: ScenarioResult | None) -> float | None:
    """The target gap (%) of every scenario: the one asked for (0: none), else the gap the
    first solve reached (:data:`DEFAULT_TARGET_GAP` when it is proven optimal; none when it
    found no roster or no bound)."""
    if sweep.target_gap_pct is not None:
        return sweep.target_gap_pct or None
    if first is None or not first.ok:
        return None
    if first.status == "OPTIMAL" or first.gap_pct == 0:
        return DEFAULT_TARGET_GAP
    return first.gap_pct


def short_of_target(r: ScenarioResult) -> bool:
    """A roster whose search the clock ended above its target gap (more time might help)."""
    return (r.ok and r.status != "OPTIMAL" and r.target_gap_pct is not None
            and r.gap_pct is not None and r.gap_pct > r.target_gap_pct + TARGET_SLACK
            and r.stopped_by == WALL_CLOCK)


def budget_note(r: ScenarioResult, lang: str = "en") -> str | None:
    """Why a scenario with a roster is less well proven than the target (None when it is not):
    its gap, the target and the seconds it had, and what to give."""
    from scheduler import i18n

    if not short_of_target(r):
        return None
    assert r.gap_pct is not None and r.target_gap_pct is not None
    return i18n.text("whatif.budget.short", lang, gap=float(r.gap_pct),
                     target=float(r.target_gap_pct),
                     seconds=float(r.time_given or r.solve_seconds or 0))


def overall_limit(sweep: SweepOptions, n: int, slots: int) -> float:
    """The scenarios' wall seconds in all (:attr:`SweepOptions.overall_limit`)."""
    if sweep.overall_limit is not None:
        return sweep.overall_limit
    return -(-max(1, n) // max(1, slots)) * sweep.time_limit


def spare_seconds(limit: float, used: float, waiting: int, slots: int,
                  time_limit: float) -> float:
    """Each waiting scenario's extra seconds: what is left of ``limit`` after ``used``, shared
    over the waves of ``waiting`` scenarios on ``slots``; 0 when that is too short to help
    (under :data:`MIN_EXTRA_SHARE` of ``time_limit`` and :data:`MIN_EXTRA_SECONDS`)."""
    if waiting <= 0 or limit <= used:
        return 0.0
    extra = (limit - used) / -(-waiting // max(1, slots))
    return extra if extra >= max(MIN_EXTRA_SECONDS, MIN_EXTRA_SHARE * time_limit) else 0.0


def merge_rounds(first: ScenarioResult, again: ScenarioResult) -> ScenarioResult:
    """One scenario's two rounds as one result: the better roster (the first on a tie), the
    better of the two proven bounds (both bound the same scenario), the gap between them, and
    the time of both."""
    seconds = {"solve_seconds": round((first.solve_seconds or 0) + (again.solve_seconds or 0), 3),
               "wall_seconds": round(first.wall_seconds + again.wall_seconds, 3),
               "time_given": round((first.time_given or 0) + (again.time_given or 0), 3),
               "rounds": first.rounds + 1}
    if not again.ok or again.objective is None or first.objective is None:
        return first.model_copy(update=seconds)
    best = again if again.status == "OPTIMAL" or again.objective < first.objective - 1e-6 \
        else first
    assert best.objective is not None
    bounds = [b for b in (first.best_bound, again.best_bound) if b is not None]
    bound = max(bounds) if bounds else None
    optimal = again.status == "OPTIMAL" and best is again
    gap = 0.0 if optimal else None if bound is None else \
        round(100.0 * abs(best.objective - bound) / max(1.0, abs(best.objective)), 4)
    return best.model_copy(update={
        **seconds, "best_bound": bound, "gap_pct": gap,
        "status": "OPTIMAL" if optimal else "FEASIBLE",
        "stopped_by": again.stopped_by, "reproducible": False,
        "from_baseline": first.from_baseline, "target_gap_pct": first.target_gap_pct})
