"""How the roster was made (:class:`RunInfo`, for the Summary sheet), and whether the run
shows overtime (the Headroom sheet and the Summary's overtime lines)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from scheduler.model import Problem, Roster
from scheduler.solution import SolveOptions


@dataclass(frozen=True)
class RunInfo:
    """How the roster was made (for the Summary sheet)."""

    input_path: Path
    input_sha256: str
    options: SolveOptions = field(default_factory=SolveOptions)
    interrupted: bool = False  # the planner stopped the search (Ctrl-C)
    written_at: datetime | None = None
    # The input's bytes as read once at the start (``roster solve``): the output is built from
    # them, so a workbook saved during the solve never mixes into it.
    input_bytes: bytes | None = field(default=None, repr=False)


def shows_overtime(problem: Problem, roster: Roster, run: RunInfo) -> bool:
    """Overtime was allowed, or the roster or the history has overtime or extra hours."""
    s = problem.settings
    return bool(
        run.options.allow_overtime or s.allow_overtime
        or any(p.kind != "planned" for p in roster.periods)
        or any(h.kind == "overtime" for h in problem.history)
        or any(h.overtime_ytd_hours > 0 for h in problem.employee_history)
    )
