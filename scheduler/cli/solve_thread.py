"""``roster solve``'s solver thread: the stop request and progress shared with the solver, the
first Ctrl-C asking the solver to stop (the best roster so far is kept), a second one aborting,
and the live progress line."""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import FrameType
from typing import Any

import click

from scheduler import i18n
from scheduler.model import Problem
from scheduler.solution import Solution, SolveOptions


@dataclass
class SolveControl:
    """Shared between the CLI and the solver thread."""

    stop: threading.Event = field(default_factory=threading.Event)
    started: float = field(default_factory=time.monotonic)
    objective: float | None = None
    bound: float | None = None
    solutions: int = 0
    interrupted: bool = False

    def on_solution(self, seconds: float, objective: float, bound: float | None = None) -> None:
        """The solver's callback for each improving roster (the bound when it passes one)."""
        self.objective = objective
        self.solutions += 1
        if bound is not None:
            self.bound = bound

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    @property
    def gap_pct(self) -> float | None:
        if self.objective is None or self.bound is None:
            return None
        denom = max(abs(self.objective), 1e-9)
        return 100.0 * abs(self.objective - self.bound) / denom




def _solver() -> Callable[..., Solution]:
    from scheduler.solver import solve

    return solve


def run_solver(problem: Problem, options: SolveOptions, control: SolveControl) -> Solution:
    """Call ``scheduler.solver.solve`` with the stop event and the progress callback."""
    return _solver()(problem, options, stop=control.stop, on_solution=control.on_solution)


@contextmanager
def sigint_stops(control: SolveControl, say: Callable[[str], None],
                  lang: str = "en") -> Iterator[None]:
    """First Ctrl-C: ask the solver to stop (keep the best roster); second: abort."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: FrameType | None) -> None:
        if control.stop.is_set():
            raise KeyboardInterrupt
        control.stop.set()
        control.interrupted = True
        say(i18n.text("solve.stopping", lang))

    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


class ProgressView:
    """What rich shows while the solver runs."""

    def __init__(self, control: SolveControl, limit: float, lang: str = "en") -> None:
        self.control = control
        self.limit = limit
        self.lang = lang

    def __rich__(self) -> str:
        c, lang = self.control, self.lang
        parts = [i18n.text("solve.live.solving", lang, elapsed=c.elapsed, limit=self.limit)]
        parts.append(i18n.text("solve.live.objective", lang, value=c.objective)
                     if c.objective is not None else i18n.text("solve.live.no_roster", lang))
        if c.bound is not None:
            parts.append(i18n.text("solve.live.bound", lang, value=c.bound))
        if c.gap_pct is not None:
            parts.append(i18n.text("solve.live.gap", lang, value=c.gap_pct))
        if c.stop.is_set():
            parts.append(f"[bold yellow]{i18n.text('solve.live.stopping', lang)}[/]")
        return "  |  ".join(parts)


def solve_in_thread(
    problem: Problem, options: SolveOptions, control: SolveControl, *, live: bool,
    limit: float | None = None,
) -> Solution:
    """Run the solver in a worker thread; the main thread waits, shows progress, takes Ctrl-C."""
    result: dict[str, Any] = {}

    def work() -> None:
        try:
            result["solution"] = run_solver(problem, options, control)
        except BaseException as exc:  # re-raised in the main thread
            result["error"] = exc

    worker = threading.Thread(target=work, name="roster-solver", daemon=True)

    def wait() -> None:
        worker.start()
        while worker.is_alive():
            worker.join(0.1)

    lang = i18n.language(problem.settings.language)
    with sigint_stops(control, lambda m: click.echo(m, err=True), lang):
        if live:
            from rich.console import Console
            from rich.live import Live

            with Live(ProgressView(control, options.time_limit if limit is None else limit,
                                    lang),
                      console=Console(stderr=True), refresh_per_second=4, transient=True):
                wait()
        else:
            wait()
    if "error" in result:
        raise result["error"]
    return result["solution"]


# --------------------------------------------------------------------------------------------
# Reading and checking
