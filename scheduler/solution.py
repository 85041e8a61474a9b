"""What a solve returns (shared by the solver, the output writer, what-if and the CLI)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from scheduler.model import Problem, Roster, roster_from_assignments

# Why a solve ended (``Solution.stopped_by``; set by scheduler.solver.cpsat.Budget).
# GAP_LIMIT: the search reached ``SolveOptions.target_gap_pct`` (the roster is FEASIBLE, not
# proven optimal: its gap to the proven bound is at most the target).
OPTIMAL, INFEASIBLE, WORK_LIMIT, WALL_CLOCK, INTERRUPTED, GAP_LIMIT = (
    "optimal", "infeasible", "work_limit", "wall_clock", "interrupted", "gap_limit")


class SolveOptions(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    time_limit: float = Field(60.0, gt=0, allow_inf_nan=False,
                              description="seconds of wall clock: with a work limit a safety net")
    # CP-SAT deterministic time of the whole solve; with one worker and a seed the roster is then
    # the same on any machine and under any load (docs/reliability.md). None: the wall clock is
    # the limit and the result is not reproducible.
    work_limit: float | None = Field(None, gt=0, allow_inf_nan=False,
                                     description="deterministic time units")
    seed: int = Field(0, ge=-(2**31), le=2**31 - 1)
    # Stop the search once the roster is proven within this relative gap (%) of the best
    # possible (CP-SAT's relative_gap_limit); None: search to the limits. A solve stopped by it
    # ends FEASIBLE with stopped_by "gap_limit" and its true gap to the bound.
    target_gap_pct: float | None = Field(None, gt=0, le=100, allow_inf_nan=False)
    workers: int = Field(2, ge=1, le=64)
    allow_overtime: bool = False
    use_hints: bool = True
    log_progress: bool = False


class Assignment(BaseModel):
    model_config = ConfigDict(frozen=True)

    employee: str
    day: date
    shift: str


class Shortfall(BaseModel):
    model_config = ConfigDict(frozen=True)

    day: date
    shift: str
    skill: str
    required: int
    planned: int

    @property
    def missing(self) -> int:
        return max(0, self.required - self.planned)


class Conflict(BaseModel):
    """One item of a minimal set of contradicting hard requirements, in plain words."""

    model_config = ConfigDict(frozen=True)

    rule: str
    employee: str | None = None
    days: list[date] = Field(default_factory=list)
    message: str  # in English (the JSON's "message")
    key: str = ""  # the catalogue entry of ``message`` (scheduler.i18n), with its arguments
    args: dict[str, Any] = Field(default_factory=dict)

    def text(self, lang: str = "en") -> str:
        """The message in ``lang`` (as ``message`` when it has no catalogue entry)."""
        from scheduler import i18n

        return i18n.render(self.key, self.args, lang) if self.key else self.message


class ExtraTime(BaseModel):
    """One stretch of overtime or extra hours (*merarbeid*) in the solved roster: the tail of
    the shift ``shift`` that starts on ``day`` (see :mod:`scheduler.solver.overtime`)."""

    model_config = ConfigDict(frozen=True)

    employee: str
    day: date
    shift: str
    kind: str  # "overtime" | "extra"
    start: datetime
    end: datetime
    minutes: int  # worked minutes (an unpaid break's share deducted)


class Solution(BaseModel):
    model_config = ConfigDict(frozen=True)

    status: str  # OPTIMAL | FEASIBLE | INFEASIBLE | UNKNOWN | MODEL_INVALID
    assignments: list[Assignment] = Field(default_factory=list)
    roster: Roster = Roster(periods=())
    objective: float | None = None
    best_bound: float | None = None
    gap_pct: float | None = None
    wall_seconds: float = 0.0
    first_solution_seconds: float | None = None
    objective_by_tier: dict[str, float] = Field(default_factory=dict)
    shortfall: list[Shortfall] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)
    seed: int = 0
    workers: int = 1
    work_limit: float | None = None
    # Why the search ended: optimal | infeasible | work_limit | wall_clock | interrupted |
    # gap_limit
    # (scheduler.solver.cpsat). ``reproducible``: one worker, a work budget, and no search ended
    # by the wall clock or a stop request, so the same input and seed give this roster again.
    stopped_by: str | None = None
    reproducible: bool = False
    work: float = 0.0  # deterministic time the searches used
    target_gap_pct: float | None = None  # SolveOptions.target_gap_pct
    # seconds of wall_seconds spent building the model; model_built False: the time limit ran
    # out while it was being built (no search ran)
    build_seconds: float = 0.0
    model_built: bool = True
    # Overtime and extra hours (only when overtime was allowed): every stretch, and their cost
    # (hours x Employee.hourly_cost x (1 + premium or supplement); None when a cost is missing).
    extra_time: list[ExtraTime] = Field(default_factory=list)
    overtime_cost: float | None = None
    overtime_premium_cost: float | None = None
    extra_cost: float | None = None

    @property
    def has_roster(self) -> bool:
        return self.status in ("OPTIMAL", "FEASIBLE")

    @property
    def overtime_hours(self) -> float:
        return sum(x.minutes for x in self.extra_time if x.kind == "overtime") / 60

    @property
    def extra_hours(self) -> float:
        return sum(x.minutes for x in self.extra_time if x.kind == "extra") / 60


def roster_of(problem: Problem, solution: Solution) -> Roster:
    """The solution's roster (built from its assignments when the solver left it empty)."""
    if solution.roster.periods or not solution.assignments:
        return solution.roster
    return roster_from_assignments(
        problem, {(a.employee, a.day): a.shift for a in solution.assignments}
    )
