"""The solver's command-line options (``--time-limit``, ``--work-limit``, ``--seed``), checked
the same way by every command that runs the solver: a clear message and exit code 2 for a value
that is not a finite positive number (``nan``, ``inf``, ``0``, ``-1``) or a seed outside 32 bits.
"""

from __future__ import annotations

import math
from typing import Any

import click

SEED_MIN, SEED_MAX = -(2**31), 2**31 - 1  # CP-SAT's random_seed is a 32-bit integer


class PositiveFinite(click.ParamType):
    """A finite number > 0 (click's FloatRange lets ``nan`` and ``inf`` through)."""

    name = "number"

    def __init__(self, unit: str) -> None:
        self.unit = unit

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> float:
        if isinstance(value, float):
            number = value
        else:
            try:
                number = float(value)
            except (TypeError, ValueError):
                self.fail(f"{value!r} is not a number of {self.unit}.", param, ctx)
        if not math.isfinite(number) or number <= 0:
            self.fail(f"{value!r} is not a finite number of {self.unit} above 0.", param, ctx)
        return number


class Percent(click.ParamType):
    """A finite number from 0 to 100 (a gap in %; ``nan`` and ``inf`` refused)."""

    name = "percent"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> float:
        try:
            number = value if isinstance(value, float) else float(value)
        except (TypeError, ValueError):
            self.fail(f"{value!r} is not a percentage.", param, ctx)
        if not math.isfinite(number) or not 0 <= number <= 100:
            self.fail(f"{value!r} is not a percentage from 0 to 100.", param, ctx)
        return number


SECONDS = PositiveFinite("seconds")
WORK = PositiveFinite("deterministic time units")
SEED = click.IntRange(SEED_MIN, SEED_MAX)

WORK_LIMIT_HELP = (
    "Work budget of the search in CP-SAT deterministic time units (the same on any machine and "
    "under any load). With --workers 1 and a --seed the roster is then reproducible; "
    "--time-limit stays a safety net, and the summary says if it ended the search first. "
    "[default: none: the time limit ends the search, not reproducible]")
