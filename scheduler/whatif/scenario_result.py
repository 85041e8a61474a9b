"""What one scenario of a sweep gave (:class:`ScenarioResult`), and why it has no roster.

The result travels back from a worker as JSON; :func:`error_result` is the row of a scenario
that failed, :func:`no_roster_reason` the plain words for a solve without a roster. The sweep
itself is :mod:`scheduler.whatif.runner`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from pydantic import BaseModel, ConfigDict, Field

from scheduler.solution import Conflict, Solution, SolveOptions
from scheduler.whatif.changes import Scenario
from scheduler.whatif.metrics import Figures

ERROR = "ERROR"
WALL_CLOCK = "wall_clock"  # scheduler.solution.WALL_CLOCK: the clock ended the search


class RunnerError(Exception):
    """The sweep could not start (Dask missing, scheduler unreachable)."""


class ScenarioResult(BaseModel):
    """What one scenario gave; travels back from a worker as JSON."""

    model_config = ConfigDict(frozen=True)

    name: str
    status: str  # OPTIMAL | FEASIBLE | INFEASIBLE | UNKNOWN | MODEL_INVALID | ERROR
    changes: str = ""
    error: str | None = None
    objective: float | None = None
    best_bound: float | None = None
    gap_pct: float | None = None
    solve_seconds: float | None = None
    wall_seconds: float = 0.0
    seed: int = 0
    workers: int = 1
    stopped_by: str | None = None  # Solution.stopped_by
    target_gap_pct: float | None = None  # the gap its search was to stop at (None: none)
    reproducible: bool = False
    allow_overtime: bool = False
    figures: Figures | None = None
    conflicts: list[str] = Field(default_factory=list)
    conflict_items: list[Conflict] = Field(default_factory=list)  # to word them in a language
    weights_changed: bool = False  # its objective is weighted otherwise than the baseline's
    from_baseline: bool = False  # started from the baseline's first roster (module docstring)
    rounds: int = 1  # 2: continued with time others left unused (module docstring)
    time_given: float | None = None  # seconds its search(es) had in all (time_limit + extra)
    reason: str | None = None  # why there is no roster (status UNKNOWN / INFEASIBLE / …)
    solution: Solution | None = None  # assignments only (no roster periods), when asked for

    @property
    def ok(self) -> bool:
        return self.status in ("OPTIMAL", "FEASIBLE")


OnResult = Callable[[ScenarioResult], None]


def error_result(scenario: Scenario, message: str, seconds: float = 0.0,
                 options: SolveOptions | None = None) -> ScenarioResult:
    return ScenarioResult(name=scenario.name, status=ERROR, changes=scenario.describe(),
                          error=message, wall_seconds=round(seconds, 3),
                          seed=options.seed if options else 0,
                          workers=options.workers if options else 1,
                          allow_overtime=scenario.allow_overtime)


def no_roster_reason(status: str, stopped_by: str | None = None,
                     conflicts: Sequence[str] = (), lang: str = "en") -> str | None:
    """Why a solve that ended with ``status`` has no roster, in plain words (None when it has
    one): the limit that ended the search before a first roster, or the conflict named."""
    from scheduler import i18n

    if status in ("OPTIMAL", "FEASIBLE", ERROR):
        return None
    if status == "INFEASIBLE":
        named = "; ".join(c.rstrip(". ") for c in conflicts[:3])
        more = f" (+{len(conflicts) - 3})" if len(conflicts) > 3 else ""
        return i18n.text("whatif.no_roster.infeasible", lang,
                         conflicts=f": {named}{more}" if named else "")
    if status == "UNKNOWN":
        which = stopped_by if stopped_by in ("work_limit", "wall_clock", "interrupted") \
            else "other"
        return i18n.text("whatif.no_roster.limit", lang,
                         limit=i18n.text(f"whatif.limit.{which}", lang))
    return i18n.text("whatif.no_roster.status", lang, status=status)
