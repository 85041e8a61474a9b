"""Weekends of a plan period and the weekend rhythm (issue 14 item 6).

A weekend is the Saturday and Sunday of one calendar week (either day may lie outside the
horizon at its edges); it is *worked* when a shift starts on either day. Hospitals expect a nurse
to work at most one weekend in ``weekend_rhythm`` (Settings, default 3: every third weekend). The
solver prices each weekend worked beyond that, in any run of ``weekend_rhythm`` weekends in a
row, in the fairness tier (:mod:`scheduler.solver.objective`); the Hours sheet shows the weekends
each employee works.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from scheduler.calendar import is_weekend


def weekends(days: Iterable[date]) -> list[list[date]]:
    """The weekends among ``days``, in order: each the Saturday and/or Sunday it holds."""
    out: dict[tuple[int, int], list[date]] = {}
    for d in sorted(days):
        if is_weekend(d):
            out.setdefault(d.isocalendar()[:2], []).append(d)
    return list(out.values())


def worked(days: Iterable[date], shift_days: set[date]) -> list[bool]:
    """For each weekend among ``days``: does a shift start on it?"""
    return [any(d in shift_days for d in wk) for wk in weekends(days)]
