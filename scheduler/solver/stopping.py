"""Stopping a search from outside: an event watched beside CP-SAT (:func:`_watch`), and Ctrl-C
turned into that event (:func:`stop_on_sigint`), so the best roster so far is returned."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator

from ortools.sat.python import cp_model


def _stopped(stop: threading.Event | None) -> bool:
    return stop is not None and stop.is_set()


@contextlib.contextmanager
def _watch(stop: threading.Event | None, solver: cp_model.CpSolver) -> Iterator[None]:
    """Stop the search from another thread as soon as ``stop`` is set."""
    if stop is None:
        yield
        return
    done = threading.Event()

    def run() -> None:
        while not done.is_set():
            if stop.wait(0.05):
                solver.stop_search()
                return

    th = threading.Thread(target=run, name="cp-sat-stop", daemon=True)
    th.start()
    try:
        yield
    finally:
        done.set()
        th.join(timeout=1.0)


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
