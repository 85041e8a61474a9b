"""The what-if demand change: the matching demand rows × a factor, rounded to whole people."""

from __future__ import annotations

import math

from scheduler.calendar import public_holidays
from scheduler.model import DemandItem, Problem
from scheduler.whatif.changes import ScaleDemand
from scheduler.whatif.rebuild import ChangeError, rebuild


def _even_pick(items: list[int], k: int) -> list[int]:
    """``k`` of ``items`` spread evenly over the list (deterministic)."""
    n = len(items)
    return [items[math.floor((i + 0.5) * n / k)] for i in range(k)]


def scale_counts(values: list[int], factor: float) -> list[int]:
    """Scale whole numbers so that their total is ``round(total × factor)``.

    Each value gets at least the floor of its exact share; the rest goes to the largest
    remainders, ties spread evenly over the list. ``values`` in period order.
    """
    exact = [v * factor for v in values]
    base = [math.floor(x + 1e-9) for x in exact]
    total = math.floor(sum(exact) + 0.5 + 1e-9)
    rest = max(0, total - sum(base))
    frac: dict[float, list[int]] = {}
    for i, (x, b) in enumerate(zip(exact, base, strict=True)):
        r = round(x - b, 9)
        if r > 0:
            frac.setdefault(r, []).append(i)
    for r in sorted(frac, reverse=True):
        if rest <= 0:
            break
        group = frac[r]
        chosen = group if rest >= len(group) else _even_pick(group, rest)
        for i in chosen:
            base[i] += 1
        rest -= len(chosen)
    return base


def demand_matches(problem: Problem, change: ScaleDemand) -> list[int]:
    """Indexes of the demand rows the change applies to."""
    codes = {s.code for s in problem.shifts}
    for code in change.shifts:
        if code not in codes:
            raise ChangeError(f"unknown shift code {code!r}", "target")
    hols = public_holidays(problem.settings.start, problem.settings.end) if change.holidays else {}
    out = []
    for i, d in enumerate(problem.demand):
        if change.shifts and d.shift not in change.shifts:
            continue
        if change.skills and d.skill not in change.skills:
            continue
        if (change.weekdays or change.holidays) and not (
                d.day.weekday() in change.weekdays or d.day in hols):
            continue
        if change.start is not None and d.day < change.start:
            continue
        if change.end is not None and d.day > change.end:
            continue
        out.append(i)
    return out


def scale_demand(problem: Problem, change: ScaleDemand) -> Problem:
    """Demand × factor on the matching rows (totals rounded, see :func:`scale_counts`)."""
    idx = demand_matches(problem, change)
    if not idx:
        raise ChangeError(f"no demand row matches ({change.describe()})", "target")
    order = sorted(idx, key=lambda i: (problem.demand[i].day, problem.demand[i].shift,
                                       problem.demand[i].skill))
    items = [problem.demand[i] for i in order]
    minimum = scale_counts([d.minimum for d in items], change.factor)
    with_target = [k for k, d in enumerate(items) if d.target is not None]
    targets = scale_counts([items[k].target or 0 for k in with_target], change.factor)
    new_target: dict[int, int] = dict(zip(with_target, targets, strict=True))
    demand = list(problem.demand)
    for k, (i, d) in enumerate(zip(order, items, strict=True)):
        t = new_target.get(k)
        demand[i] = DemandItem(**{**d.model_dump(), "minimum": minimum[k],
                                  "target": None if t is None else max(t, minimum[k])})
    return rebuild(problem, demand=tuple(demand))
