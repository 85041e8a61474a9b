"""Other processes that keep the machine's cores busy while a test (or the suite) runs."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager


def cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


@contextmanager
def busy_cores(n: int | None = None) -> Iterator[list[int]]:
    """Run ``n`` (default: one per core) busy-looping Python processes for the duration of the
    block; they are killed, by their own process ids, when it ends."""
    procs = [subprocess.Popen([sys.executable, "-c", "while True: pass"])
             for _ in range(n or cores())]
    try:
        yield [p.pid for p in procs]
    finally:
        for p in procs:
            p.kill()
        for p in procs:
            p.wait()
