"""The sequence graph accepts exactly the work/off patterns the contract checks accept.

Every pattern of a short horizon is tried against the automaton (``Graph``) and against the
checks of ``constraints.contract.check``; then the CP-SAT encoding (``sequence.post``) is
counted: it must have one solution per legal pattern (no more: it would admit illegal rosters;
no fewer: it would cut legal ones).
"""

from __future__ import annotations

import itertools
from datetime import date, time, timedelta

import pytest
from ortools.sat.python import cp_model

from constraints.base import CheckContext
from constraints.contract import sequence
from constraints.contract.check import CHECKS
from scheduler.model import (
    Contract,
    DemandItem,
    Employee,
    Problem,
    Settings,
    ShiftType,
    roster_from_assignments,
)
from scheduler.solution import SolveOptions
from scheduler.solver.build import build

START = date(2024, 1, 4)  # a Thursday: days 2-3 and 9-10 are weekends
DAYS = 11
SHIFT = ShiftType(code="D", start=time(8), end=time(16))
SEQUENCE_RULES = ("CONTRACT-max-consecutive-shifts", "CONTRACT-min-consecutive-shifts",
                  "CONTRACT-min-consecutive-days-off", "CONTRACT-max-weekends")

CONTRACTS = [
    Contract(id="a", max_consecutive_shifts=3, min_consecutive_shifts=2, min_consecutive_days_off=2),
    Contract(id="b", max_consecutive_shifts=4, min_consecutive_days_off=3, max_weekends=1),
    Contract(id="c", min_consecutive_shifts=3),  # no maximum: the work states loop
    Contract(id="d", max_consecutive_shifts=2, max_weekends=0),
    Contract(id="e", max_consecutive_shifts=5, min_consecutive_shifts=2, min_consecutive_days_off=2,
             max_weekends=1),
]


def _problem(c: Contract, days: int = DAYS) -> Problem:
    end = START + timedelta(days=days - 1)
    return Problem(
        settings=Settings(start=START, end=end, apply_aml=False),
        shifts=(SHIFT,),
        employees=(Employee(id="A", contract=c.id),),
        demand=tuple(DemandItem(day=START + timedelta(days=d), shift="D", minimum=0, target=1)
                     for d in range(days)),
        contracts=(c,),
    )


def _legal(problem: Problem, c: Contract, pattern: tuple[int, ...]) -> bool:
    roster = roster_from_assignments(
        problem, {("A", START + timedelta(days=d)): "D" for d, w in enumerate(pattern) if w})
    ctx = CheckContext(settings=problem.settings, roster=roster,
                       employees={e.id: e for e in problem.employees}, contracts={c.id: c},
                       shifts={"D": SHIFT})
    return not any(CHECKS[r](ctx) for r in SEQUENCE_RULES)


def _accepts(g: sequence.Graph, pattern: tuple[int, ...]) -> bool:
    states = [st for st in g.layers[0] if (st[0] == "W") == bool(pattern[0])]
    for d in range(1, len(pattern)):
        states = list({t for st in states for t in g.successors(st, d)
                       if (t[0] == "W") == bool(pattern[d]) and t in g.layers[d]})
    return bool(states)


def _sats(days: int) -> set[int]:
    return {d for d in range(days - 1) if (START + timedelta(days=d)).weekday() == 5}


@pytest.mark.parametrize("c", CONTRACTS, ids=lambda c: c.id)
@pytest.mark.parametrize("weekends", [True, False])
def test_graph_accepts_exactly_the_legal_patterns(c: Contract, weekends: bool) -> None:
    problem = _problem(c)
    sh = sequence.shape(c, len(_sats(DAYS)), weekends)
    assert sh is not None
    g = sequence.Graph(sh, [None] * DAYS, _sats(DAYS))
    checked = dict(c.model_dump())
    if not weekends:  # without the weekend count the graph knows nothing of weekends
        checked["max_weekends"] = None
    plain = Contract(**checked)
    wrong = [p for p in itertools.product((0, 1), repeat=DAYS)
             if _accepts(g, p) != _legal(problem, plain, p)]
    assert wrong == []


def test_shape_is_none_when_nothing_binds() -> None:
    assert sequence.shape(Contract(id="x"), 2, True) is None
    assert sequence.shape(Contract(id="x", max_weekends=2), 2, True) is None  # cannot bind
    assert sequence.shape(Contract(id="x", max_weekends=1), 2, True) is not None
    assert sequence.shape(Contract(id="x", max_weekends=1), 2, False) is None
    assert sequence.shape(Contract(id="x", max_consecutive_shifts=0), 2, True) is None


def _count_solutions(model: cp_model.CpModel) -> int:
    class Count(cp_model.CpSolverSolutionCallback):
        def __init__(self) -> None:
            super().__init__()
            self.n = 0

        def on_solution_callback(self) -> None:
            self.n += 1

    solver = cp_model.CpSolver()
    solver.parameters.enumerate_all_solutions = True
    solver.parameters.num_workers = 1
    cb = Count()
    assert solver.solve(model, cb) in (cp_model.OPTIMAL, cp_model.FEASIBLE, cp_model.INFEASIBLE)
    return cb.n


@pytest.mark.parametrize("c", CONTRACTS[:3], ids=lambda c: c.id)
def test_posted_graph_has_one_solution_per_legal_pattern(c: Contract) -> None:
    days = 9
    problem = _problem(c, days)
    built = build(problem, SolveOptions(workers=1))
    ctx = built.ctx
    # a model with the one-shift-a-day variables and the graph only (no rule constraints)
    ctx.model = cp_model.CpModel()
    ctx.x = {k: ctx.model.new_bool_var(f"x{k}") for k in ctx.x}
    graphs = sequence.graphs(ctx, [(0, c)])
    assert set(graphs) == {0}
    sequence.post(ctx, 0, graphs[0])
    legal = sum(_legal(problem, c, p) for p in itertools.product((0, 1), repeat=days))
    assert _count_solutions(ctx.model) == legal


def test_graph_is_left_out_for_explanations_and_the_naive_model() -> None:
    problem = _problem(CONTRACTS[0])
    full = build(problem, SolveOptions(workers=1))
    naive = build(problem, SolveOptions(workers=1), naive=True)
    assert any(v.name.startswith("seq[") for v in _vars(full.ctx.model))
    assert not any(v.name.startswith("seq[") for v in _vars(naive.ctx.model))


def _vars(model: cp_model.CpModel) -> list:
    return [model.proto.variables[i] for i in range(len(model.proto.variables))]


def test_graph_size_limit_drops_weekends_then_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    c = CONTRACTS[4]
    problem = _problem(c)
    ctx = build(problem, SolveOptions(workers=1)).ctx
    with_weekends = sequence.graphs(ctx, [(0, c)])[0].size
    monkeypatch.setattr(sequence, "MAX_NODES", with_weekends)
    assert sequence.graphs(ctx, [(0, c)])[0].sh.wmax == 1
    monkeypatch.setattr(sequence, "MAX_NODES", with_weekends - 1)
    g = sequence.graphs(ctx, [(0, c)])[0]
    assert g.sh.wmax is None and g.size <= with_weekends - 1
    monkeypatch.setattr(sequence, "MAX_NODES", g.size - 1)
    assert sequence.graphs(ctx, [(0, c)]) == {}
