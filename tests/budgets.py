"""Solver limits for tests (issue 18, docs/reliability.md "Reproducible by design").

A test's outcome must not depend on the machine's speed or load, so every test that solves gives
the search a *work budget* (CP-SAT deterministic time, the same on any machine) and one worker:
where the search stops, and so the roster, is then fixed by the input and the seed alone. The
wall-clock limit is only a safety net, generous enough never to end a search of the suite first
(``Solution.stopped_by`` would say ``wall_clock``).
"""

from __future__ import annotations

from typing import Any

from scheduler.solution import SolveOptions

SAFETY_SECONDS = 900.0  # the wall clock: a safety net only


def options(work: float, **kw: Any) -> SolveOptions:
    """One worker, ``work`` units of deterministic time, the generous wall clock."""
    base: dict[str, Any] = {"time_limit": SAFETY_SECONDS, "work_limit": work, "workers": 1}
    base.update(kw)
    return SolveOptions(**base)


def cli(work: float, workers: int | None = 1) -> list[str]:
    """The same limits as command-line options (``workers`` None: the command's default)."""
    out = ["--work-limit", f"{work:g}", "--time-limit", f"{SAFETY_SECONDS:g}"]
    return out + ([] if workers is None else ["--workers", str(workers)])
