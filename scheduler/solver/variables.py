"""The decision variables: ``x[e, d, s]`` only where the cell is wanted and allowed.

Wanted: some demand item on (day, shift) asks for a skill the employee has (skill ``""`` = any
employee), or the cell is pinned by a fixed assignment. Allowed: no ``DOMAIN`` rule forbids it
(unavailable day, night-exempt, missing break, shift longer than the daily limit, …).

Unavailability (vacation, leave) is the ``DOMAIN`` rule ``REQ-unavailable``
(:mod:`constraints.requests`), judged in clock time as the checker judges it.
"""

from __future__ import annotations

from collections.abc import Callable

from constraints.kernel.posting import PostContext
from constraints.registry import Posted
from scheduler import i18n
from scheduler.solution import Conflict

FIXED = "FIXED-assignment"


def wanted_cells(ctx: PostContext) -> dict[int, set[tuple[int, int]]]:
    geo = ctx.geo
    need: dict[tuple[int, int], set[str]] | None = geo.cache.get("needed_skills")
    if need is None:  # computed once per geometry (the one-employee models share it)
        need = geo.cache["needed_skills"] = {}
        for item in ctx.problem.demand:
            d = geo.day_index.get(item.day)
            s = geo.shift_index.get(item.shift)
            if d is None or s is None:
                continue
            if item.minimum <= 0 and not item.target and item.over_weight is None:
                continue  # (an item that prices its own over-staffing keeps the cell open)
            need.setdefault((d, s), set()).add(item.skill)
    out: dict[int, set[tuple[int, int]]] = {}
    for e in ctx.active:
        skills = set(geo.emps[e].skills)
        out[e] = {c for c, req in need.items() if "" in req or req & skills}
    for (e, d), s in ctx.pinned.items():
        if s >= 0 and e in out:
            out[e].add((d, s))
    return out


def read_pins(ctx: PostContext) -> list[Conflict]:
    """Fill ``ctx.pinned`` from the fixed assignments; return contradictory pins."""
    geo = ctx.geo
    conflicts: list[Conflict] = []
    for f in ctx.problem.fixed:
        e = geo.emp_index.get(f.employee)
        d = geo.day_index.get(f.day)
        if e is None or d is None:
            continue
        s = -1 if f.shift == "OFF" else geo.shift_index[f.shift]
        old = ctx.pinned.get((e, d))
        if old is not None and old != s:
            names = [("OFF" if v < 0 else geo.shifts[v].code) for v in (old, s)]
            args = {"employee": f.employee, "a": names[0], "b": names[1],
                    "day": f.day.isoformat()}
            conflicts.append(Conflict(
                rule=FIXED, employee=f.employee, days=[f.day],
                message=i18n.text("conflict.pinned_both", "en", **args),
                key="conflict.pinned_both", args=args,
            ))
            continue
        ctx.pinned[(e, d)] = s
    return conflicts


def run_domain(ctx: PostContext, rules: list[Posted],
               in_time: Callable[[], None] | None = None) -> list[Conflict]:
    """Run the DOMAIN rules; return conflicts where a rule forbids a pinned shift.
    ``in_time`` is called before each step (it raises to stop: the solver's time limit)."""
    geo = ctx.geo
    if in_time is not None:
        in_time()
    ctx.wanted = wanted_cells(ctx)
    for (e, d), s in ctx.pinned.items():
        if s < 0 and e in ctx.wanted:
            for s2 in range(geo.S):
                ctx.forbid(e, d, s2, FIXED, i18n.msg("domain.pinned_off", employee=geo.emps[e].id,
                                                     day=geo.days[d].isoformat()))
    for r in rules:
        if r.domain is not None:
            if in_time is not None:
                in_time()
            r.domain(ctx)
    conflicts = []
    for (e, d), s in sorted(ctx.pinned.items()):
        if s < 0:
            continue
        f = ctx.forbidden.get((e, d, s))
        if f is None:
            continue
        emp, code, day = geo.emps[e].id, geo.shifts[s].code, geo.days[d]
        why = i18n.term(f.why.key, **f.why.args) if isinstance(f.why, i18n.Msg) else f.why
        args = {"employee": emp, "shift": code, "day": day.isoformat(), "why": why,
                "rule": f.rule}
        conflicts.append(Conflict(
            rule=f.rule, employee=emp, days=[day],
            message=i18n.render("conflict.pinned_forbidden", args, "en"),
            key="conflict.pinned_forbidden", args=args,
        ))
    return conflicts


def create(ctx: PostContext) -> None:
    """Create the variables, one shift a day, and the pins (as constraints)."""
    geo, m = ctx.geo, ctx.model
    assert ctx.wanted is not None
    for e in ctx.active:
        for d, s in sorted(ctx.wanted[e]):
            if (e, d, s) in ctx.forbidden:
                continue
            ctx.x[(e, d, s)] = m.new_bool_var(f"x[{e},{d},{s}]")
            ctx.by_emp.setdefault(e, []).append((d, s))
    split = geo.problem.settings.allow_split_duties
    for e in ctx.active:
        for d in range(geo.D):
            lits = ctx.day_vars(e, d)
            if not split and len(lits) > 1:
                m.add_at_most_one(lits)


def pin(ctx: PostContext) -> dict[tuple[int, int], object]:
    """Post the fixed assignments; in explain mode each is an assumption literal."""
    assumptions: dict[tuple[int, int], object] = {}
    m = ctx.model
    for (e, d), s in sorted(ctx.pinned.items()):
        if e not in ctx.active:
            continue
        lits = ctx.day_vars(e, d)
        if ctx.explain:
            a = m.new_bool_var(f"pin[{e},{d}]")
            assumptions[(e, d)] = a
            enf = [a]
        else:
            enf = []
        if s < 0:
            for v in lits:
                ct = m.add(v == 0)
                if enf:
                    ct.only_enforce_if(enf)
        else:
            v = ctx.x.get((e, d, s))
            if v is None:  # forbidden: reported as a static conflict before we get here
                continue
            ct = m.add(v == 1)
            if enf:
                ct.only_enforce_if(enf)
    return assumptions
