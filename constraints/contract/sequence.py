"""A redundant, LP-tight encoding of an employee's work/off sequence under a ``Contract``.

The consecutive-day rules (max/min consecutive shifts, min consecutive days off) and the weekend
limit are posted by ``constraints.contract.post`` as sliding windows, clauses and a weekend sum:
exact for the search, but the LP relaxation of their conjunction is weak (on the Curtois & Qu
instances the root bound is 30-40 % below the optimum). This module adds, per employee, the
layered graph of the automaton that reads the days one by one:

* a state is ``(kind, length, weekends)``: ``kind`` W (worked) or O (off), ``length`` the block
  so far (capped at the maximum consecutive shifts, or at the minimum with a self-loop when there
  is no maximum; off blocks capped at the minimum days off, with a self-loop), ``weekends`` the
  weekends worked so far (only when the weekend limit binds and the graph stays small);
* a block may end only once it reached its minimum, or when it started on day 0 (blocks touching
  a horizon end are exempt, as in ``constraints.contract.check``); every state may end the
  horizon; a weekend counts when its Saturday is worked, or its Sunday after an off Saturday;
* one Boolean per reachable (day, state) with exactly one state a day, the day's W states summing
  to the day's shifts, and flow conservation between consecutive days.

A path through the graph is exactly a legal sequence, and the flow polytope of a layered graph
is integral, so the LP sees the convex hull of the legal sequences (with the weekend count: the
root bound reaches 1715.4 on Instance4, optimum 1716). Arcs that are the only way out of their
source or the only way into their target reuse that node's variable, so a variable is created
only for an arc that is a real choice.

The graph is redundant (the rules' own constraints stay, and explanations of infeasibility use
those); it is left out when ``ctx.naive``/``ctx.explain`` is set, with split duties, and when the
whole model would get more than :data:`MAX_NODES` states (then the LP costs more than it gives:
measured on Instances 8-10).
"""

from __future__ import annotations

from dataclasses import dataclass

from ortools.sat.python import cp_model

from constraints.kernel.posting import PostContext
from scheduler.model import Contract

State = tuple[str, int, int]  # kind (W/O), block length so far, weekends worked so far
MAX_NODES = 20000  # all employees together; above it the weekend count is left out, then all


@dataclass(frozen=True)
class Shape:
    """The parameters of one employee's graph."""

    cmax: int | None
    cmin: int
    bmin: int
    wmax: int | None  # weekend limit tracked in the graph, None = not tracked

    @property
    def wcap(self) -> int:
        return self.cmax if self.cmax is not None else self.cmin


def shape(c: Contract, n_weekends: int, weekends: bool) -> Shape | None:
    """The graph's parameters, or None when no rule it encodes binds."""
    cmax = c.max_consecutive_shifts
    cmin = max(1, c.min_consecutive_shifts or 1)
    bmin = max(1, c.min_consecutive_days_off or 1)
    wmax = c.max_weekends if weekends else None
    if wmax is not None and wmax >= n_weekends:
        wmax = None
    if cmax is not None and cmax < 1:
        return None  # no work at all: the windows already say so
    if cmax is None and cmin <= 1 and bmin <= 1 and wmax is None:
        return None
    return Shape(cmax, cmin, bmin, wmax)


class Graph:
    """The reachable states of one employee, day by day."""

    def __init__(self, sh: Shape, fixed: list[int | None], sats: set[int]) -> None:
        self.sh, self.fixed, self.sats = sh, fixed, sats
        self.suns = {d + 1 for d in sats}
        first = [(k, 1, self._count(k, None, 0, 0)) for k in ("W", "O") if self._open(k, 0)]
        self.layers: list[list[State]] = [[st for st in first if self._fits(st)]]
        for d in range(1, len(fixed)):
            nxt = dict.fromkeys(t for st in self.layers[-1] for t in self.successors(st, d))
            self.layers.append(list(nxt))

    @property
    def size(self) -> int:
        return sum(len(layer) for layer in self.layers)

    def _open(self, kind: str, d: int) -> bool:
        f = self.fixed[d]
        return f is None or (kind == "W") == bool(f)

    def _fits(self, st: State) -> bool:
        return self.sh.wmax is None or st[2] <= self.sh.wmax

    def _count(self, kind: str, prev: str | None, d: int, n: int) -> int:
        if self.sh.wmax is None or kind != "W":
            return n
        if d in self.sats or (d in self.suns and prev != "W"):
            return n + 1
        return n

    def successors(self, st: State, d: int) -> list[State]:
        """States on day ``d`` that may follow ``st`` on day ``d - 1``."""
        sh = self.sh
        kind, k, n = st
        nxt: list[tuple[str, int]] = []
        if kind == "W":
            if k < sh.wcap:
                nxt.append(("W", k + 1))
            elif sh.cmax is None:
                nxt.append(("W", k))
            if k >= sh.cmin or k == d:  # k == d: the block started on day 0
                nxt.append(("O", 1))
        else:
            nxt.append(("O", min(k + 1, sh.bmin)))
            if k >= sh.bmin or k == d:
                nxt.append(("W", 1))
        out = []
        for kind2, k2 in nxt:
            if self._open(kind2, d):
                cand = (kind2, k2, self._count(kind2, kind, d, n))
                if self._fits(cand):
                    out.append(cand)
        return out


def _worked(ctx: PostContext, e: int) -> list[cp_model.LinearExprT | int]:
    return [sum(v) if (v := ctx.day_vars(e, d)) else 0 for d in range(ctx.geo.D)]


def graphs(ctx: PostContext, contracts: list[tuple[int, Contract]]) -> dict[int, Graph]:
    """The graphs to post: with weekend counts if they all fit :data:`MAX_NODES`, else without,
    else none."""
    if ctx.naive or ctx.explain or ctx.settings.allow_split_duties:
        return {}
    geo = ctx.geo
    sats = {d for d in range(geo.D - 1) if geo.windows.is_saturday(geo.days[d])}
    fixed = {e: [None if not isinstance(v, int) else v for v in _worked(ctx, e)]
             for e, _ in contracts}
    for weekends in (True, False):
        out: dict[int, Graph] = {}
        for e, c in contracts:
            sh = shape(c, len(sats), weekends)
            if sh is not None:
                out[e] = Graph(sh, fixed[e], sats)
        if sum(g.size for g in out.values()) <= MAX_NODES:
            return out
    return {}


def post(ctx: PostContext, e: int, g: Graph) -> int:
    """Post employee ``e``'s graph; return the number of state variables."""
    m = ctx.model
    w = _worked(ctx, e)
    node: dict[tuple[int, State], cp_model.IntVar] = {}
    for d, here in enumerate(g.layers):
        for st in here:
            node[(d, st)] = m.new_bool_var(f"seq[{e},{d},{st[0]}{st[1]}.{st[2]}]")
        if not isinstance(w[d], int):
            m.add(sum(node[(d, st)] for st in here if st[0] == "W") == w[d])
        m.add_exactly_one([node[(d, st)] for st in here])
    for d in range(1, len(g.layers)):
        arcs = [(a, b) for a in g.layers[d - 1] for b in g.successors(a, d)]
        outs: dict[State, list[State]] = {}
        ins: dict[State, list[State]] = {}
        for a, b in arcs:
            outs.setdefault(a, []).append(b)
            ins.setdefault(b, []).append(a)
        flow: dict[tuple[State, State], cp_model.IntVar] = {}
        for a, b in arcs:
            if len(outs[a]) == 1:
                flow[(a, b)] = node[(d - 1, a)]
            elif len(ins[b]) == 1:
                flow[(a, b)] = node[(d, b)]
            else:
                flow[(a, b)] = m.new_bool_var("")
        for a in g.layers[d - 1]:
            _conserve(m, [flow[(a, b)] for b in outs.get(a, [])], node[(d - 1, a)])
        for b in g.layers[d]:
            _conserve(m, [flow[(a, b)] for a in ins.get(b, [])], node[(d, b)])
    return len(node)


def _conserve(m: cp_model.CpModel, terms: list[cp_model.IntVar], total: cp_model.IntVar) -> None:
    if len(terms) == 1 and terms[0] is total:
        return
    m.add(sum(terms) == total)
