"""One deadline shared by every phase of a command, and the time each phase took.

The clock is injected (``time.monotonic`` by default), so the arithmetic is tested with a fake
clock, never with real solves.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

Clock = Callable[[], float]

PHASES = ("read", "build", "search", "check", "write")


@dataclass
class Deadline:
    """``limit`` seconds from now on ``clock``, and the seconds each named phase took."""

    limit: float
    clock: Clock = time.monotonic
    start: float = field(init=False)
    seconds: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.start = self.clock()

    def elapsed(self) -> float:
        return self.clock() - self.start

    def left(self) -> float:
        """Seconds until the deadline (negative once it has passed)."""
        return self.limit - self.elapsed()

    def solver_seconds(self, reserve: float) -> float:
        """The solver's time limit: what is left less ``reserve`` (the seconds the phases after
        it need); 0 or less when nothing is left for it."""
        return self.left() - reserve

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        """Time the block as phase ``name`` (added up when a phase runs more than once)."""
        t = self.clock()
        try:
            yield
        finally:
            self.add(name, self.clock() - t)

    def add(self, name: str, seconds: float) -> None:
        self.seconds[name] = self.seconds.get(name, 0.0) + max(0.0, seconds)

    def report(self) -> dict[str, float]:
        """Every phase in pipeline order (0 for one that did not run), and the total."""
        out = {p: round(self.seconds.get(p, 0.0), 3) for p in PHASES}
        out.update({p: round(s, 3) for p, s in self.seconds.items() if p not in out})
        out["total"] = round(self.elapsed(), 3)
        return out
