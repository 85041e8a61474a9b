"""The overtime tail of a shift: its unit, its worked and break minutes per unit, its room.

How a shift is cut into units (one minute, or ``E / gcd(E, B)`` elapsed minutes of a shift with
an unpaid break, or the whole shift for an employee with a Contract) and how many units may be
overtime (inside the shift's last day and week window): :mod:`scheduler.solver.overtime`'s
docstring.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass

from constraints.kernel.geometry import Geometry
from constraints.kernel.posting import PostContext
from scheduler import calendar as cal


@dataclass(frozen=True, slots=True)
class Tail:
    unit: int  # elapsed minutes per unit
    unit_work: int  # worked minutes per unit
    unit_break: int  # unpaid break minutes per unit (0 when the break is paid)
    units: int  # units in the whole shift
    room: int  # most units an overtime tail may take (inside the last day and week window)


def _tail(ctx: PostContext, d: int, s: int, whole: bool) -> Tail:
    geo = ctx.geo
    a, b = geo.start[d][s], geo.end[d][s]
    elapsed, work = b - a, geo.work[d][s]
    unpaid = elapsed - work
    if whole:
        unit, unit_work, unit_break, units = elapsed, work, unpaid, 1
    elif unpaid == 0:
        unit, unit_work, unit_break, units = 1, 1, 0, elapsed
    else:
        g = math.gcd(elapsed, unpaid)
        unit, unit_work, unit_break, units = elapsed // g, work // g, unpaid // g, g
    day_in = _last_overlap(geo, geo.windows.day, a, b)
    week_in = _last_overlap(geo, geo.windows.week, a, b)
    room = min(units, min(day_in, week_in) // unit)
    return Tail(unit, unit_work, unit_break, units, room)


def _last_overlap(geo: Geometry, windows: list[cal.Window], a: int, b: int) -> int:
    """Elapsed minutes of ``[a, b)`` inside the window that holds its last minute."""
    i = bisect.bisect_right(_starts(geo, windows), b - 1) - 1
    if i < 0 or windows[i].end < b:
        return 0
    return b - max(a, windows[i].start)


def _starts(geo: Geometry, windows: list[cal.Window]) -> list[int]:
    key = ("ot-starts", id(windows))
    got = geo.cache.get(key)
    if got is None or got[1] is not windows:
        got = geo.cache[key] = ([w.start for w in windows], windows)
    return got[0]
