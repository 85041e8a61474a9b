"""The plain CP-SAT baseline for the Curtois & Qu instances: the textbook model, nothing more.

One Boolean ``x[e, d, t]`` per employee, day and shift type, every hard rule of the format's
README posted directly, the objective as the README states it, no hints, no neighbourhood
tuning, CP-SAT's default parameters (only the time limit, the worker count, the seed and
optionally a work limit set).
The runner (``python -m benchmarks.curtois … --plain``) solves every instance with this model
side by side with the project's solver, so the table shows whether the project's search is ever
worse than what a plain model gets in the same time.

It reads the same ``Problem`` the project's solver reads (``benchmarks/curtois/reader.py``) and
returns ``(employee, day) -> shift`` assignments that the independent evaluator scores.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ortools.sat.python import cp_model

from scheduler.model import Problem, RequestKind


@dataclass(frozen=True)
class PlainResult:
    assignments: dict[tuple[str, date], str] | None
    status: str
    objective: float | None
    bound: float | None


def build(problem: Problem) -> tuple[cp_model.CpModel, dict[tuple[int, int, int], cp_model.IntVar]]:
    """The textbook model of the README's ten hard rules and its objective."""
    m = cp_model.CpModel()
    days = problem.days()
    shifts = [s.code for s in problem.shifts]
    length = {s.code: s.nominal_minutes() for s in problem.shifts}
    contracts = {c.id: c for c in problem.contracts}
    n_days = len(days)
    x: dict[tuple[int, int, int], cp_model.IntVar] = {}
    work: dict[tuple[int, int], cp_model.IntVar] = {}
    day_index = {d: i for i, d in enumerate(days)}
    terms: list[cp_model.LinearExpr] = []
    for e, emp in enumerate(problem.employees):
        c = contracts[emp.contract]
        for d in range(n_days):
            for t in range(len(shifts)):
                x[e, d, t] = m.new_bool_var(f"x{e}_{d}_{t}")
            w = m.new_bool_var(f"w{e}_{d}")
            m.add(sum(x[e, d, t] for t in range(len(shifts))) == w)  # 1. one shift per day
            work[e, d] = w
        code_index = {code: t for t, code in enumerate(shifts)}
        for a, b in c.forbidden_successions:  # 2. shift rotation
            for d in range(n_days - 1):
                m.add_bool_or([x[e, d, code_index[a]].Not(), x[e, d + 1, code_index[b]].Not()])
        for code, limit in c.max_shifts.items():  # 3. max shifts per type
            m.add(sum(x[e, d, code_index[code]] for d in range(n_days)) <= limit)
        minutes = sum(length[code] * x[e, d, t] for d in range(n_days)
                      for t, code in enumerate(shifts))
        if c.max_total_minutes is not None:  # 4.
            m.add(minutes <= c.max_total_minutes)
        if c.min_total_minutes is not None:  # 5.
            m.add(minutes >= c.min_total_minutes)
        if c.max_consecutive_shifts:  # 6. every window of cmax+1 days has a day off
            k = c.max_consecutive_shifts
            for d in range(n_days - k):
                m.add(sum(work[e, d + i] for i in range(k + 1)) <= k)
        for s in range(1, (c.min_consecutive_shifts or 1)):  # 7. forbid off, s x work, off
            for d in range(1, n_days - s):
                m.add_bool_or([work[e, d - 1]] + [work[e, d + i].Not() for i in range(s)]
                              + [work[e, d + s]])
        for s in range(1, (c.min_consecutive_days_off or 1)):  # 8. forbid work, s x off, work
            for d in range(1, n_days - s):
                m.add_bool_or([work[e, d - 1].Not()] + [work[e, d + i] for i in range(s)]
                              + [work[e, d + s].Not()])
        if c.max_weekends is not None:  # 9. worked weekends
            weekends = []
            for k in range(n_days // 7):
                sat, sun = 7 * k + 5, 7 * k + 6
                wk = m.new_bool_var(f"wk{e}_{k}")
                m.add_max_equality(wk, [work[e, sat], work[e, sun]])
                weekends.append(wk)
            m.add(sum(weekends) <= c.max_weekends)
    emp_index = {emp.id: e for e, emp in enumerate(problem.employees)}
    code_index = {code: t for t, code in enumerate(shifts)}
    for r in problem.requests:
        e = emp_index[r.employee]
        for day in r.days():
            d = day_index[day]
            if r.kind == RequestKind.unavailable:  # 10. days off
                m.add(work[e, d] == 0)
            elif r.kind == RequestKind.shift_wish:
                terms.append(int(r.weight) * (1 - x[e, d, code_index[r.shift]]))
            elif r.kind == RequestKind.avoid_shift:
                terms.append(int(r.weight) * x[e, d, code_index[r.shift]])
    n_emp = len(problem.employees)
    for item in problem.demand:
        d, t = day_index[item.day], code_index[item.shift]
        y = sum(x[e, d, t] for e in range(n_emp))
        req = item.target if item.target is not None else item.minimum
        under = m.new_int_var(0, max(req, 0), f"u{d}_{t}")
        over = m.new_int_var(0, n_emp, f"o{d}_{t}")
        m.add(y + under - over == req)
        terms.append(int(item.weight or 0) * under + int(item.over_weight or 0) * over)
    m.minimize(sum(terms))
    return m, x


def solve_plain(problem: Problem, time_limit: float, workers: int = 2, seed: int = 0,
                work_limit: float | None = None) -> PlainResult:
    """Solve the plain model with CP-SAT's defaults within ``time_limit`` seconds and, if given,
    ``work_limit`` units of CP-SAT deterministic time (with one worker: the same result on any
    machine)."""
    model, x = build(problem)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    if work_limit is not None:
        solver.parameters.max_deterministic_time = work_limit
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed
    status = solver.solve(model)
    name = solver.status_name(status)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return PlainResult(None, name, None, None)
    days = problem.days()
    shifts = [s.code for s in problem.shifts]
    assignments = {
        (problem.employees[e].id, days[d]): shifts[t]
        for (e, d, t), var in x.items()
        if solver.boolean_value(var)
    }
    return PlainResult(assignments, name, solver.objective_value, solver.best_objective_bound)
