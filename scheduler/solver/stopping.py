"""Stopping a search from outside: a condition watched beside CP-SAT (:func:`stop_when`, :func:`_watch` for an event), and Ctrl-C
turned into that event (:func:`stop_on_sigint`), so the best roster so far is returned."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Callable, Iterator

from ortools.sat.python import cp_model


def _stopped(stop: threading.Event | None) -> bool:
    return stop is not None and stop.is_set()


@contextlib.contextmanager
def stop_when(solver: cp_model.CpSolver, should_stop: Callable[[], bool], *, poll: float,
              name: str) -> Iterator[None]:
    """Stop ``solver``'s search from a thread beside it once ``should_stop()`` holds (asked
    every ``poll`` seconds while the ``with`` block runs)."""
    done = threading.Event()

    def run() -> None:
        while not done.wait(poll):
            if should_stop():
                solver.stop_search()
                return

    th = threading.Thread(target=run, name=name, daemon=True)
    th.start()
    try:
        yield
    finally:
        done.set()
        th.join(timeout=1.0)


@contextlib.contextmanager
def _watch(stop: threading.Event | None, solver: cp_model.CpSolver) -> Iterator[None]:
    """Stop the search from another thread as soon as ``stop`` is set."""
    if stop is None:
        yield
        return
    with stop_when(solver, stop.is_set, poll=0.05, name="cp-sat-stop"):
        yield


@contextlib.contextmanager
def stop_on_sigint() -> Iterator[threading.Event]:
    """``with stop_on_sigint() as stop: solve(problem, options, stop=stop)`` — Ctrl-C stops the
    search and the best roster so far is returned (a second Ctrl-C interrupts as usual)."""
    event = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield event
        return
    previous = signal.getsignal(signal.SIGINT)

    def handler(signum, frame):  # noqa: ANN001, ANN202
        if event.is_set():
            signal.signal(signal.SIGINT, previous)
            raise KeyboardInterrupt
        event.set()

    signal.signal(signal.SIGINT, handler)
    try:
        yield event
    finally:
        signal.signal(signal.SIGINT, previous)
