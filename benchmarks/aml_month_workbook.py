"""The generated hospital month (:func:`benchmarks.aml_month.generate`) as a planning workbook.

``python -m benchmarks.aml_month_workbook --staff 800 --days 31 -o big.xlsx`` writes the problem
``benchmarks.aml_month`` solves in memory as the workbook ``roster solve`` reads, so that the
whole command (reading, model building, search, checking, writing) can be measured at any size
(docs/benchmarks.md, "The time limit covers the whole command"). The site-wide § 10-5 agreement
of the generator becomes one individual (T2) row per employee, as a workbook requires.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import datetime, time
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from benchmarks.aml_month import generate
from instances.sheet_kit import _keys, _table
from scheduler.io import sheets as S
from scheduler.io.excel import safe_save
from scheduler.model import Problem

LANG = "en"


def _midnight(d: Any) -> datetime:
    return datetime.combine(d, time())


def planning_workbook(problem: Problem) -> Workbook:
    """The sheets ``roster solve`` reads, holding ``problem`` (English labels)."""
    st = problem.settings
    wb = Workbook()
    wb.remove(wb.active)
    _keys(wb, S.SETTINGS, LANG, S.SETTING_KEYS, [
        ("site_name", st.site_name), ("start", _midnight(st.start)), ("end", _midnight(st.end)),
        ("full_time_hours", st.full_time_hours),
        ("sunday_work_permitted_by_nature", "yes" if st.sunday_work_permitted_by_nature
         else "no"),
        ("night_work_permitted_by_nature", "yes" if st.night_work_permitted_by_nature
         else "no"),
        ("language", LANG),
    ])
    _table(wb, S.SHIFTS, LANG, ("code", "name", "start", "end", "break_minutes",
                                "break_counts_as_work"),
           [[s.code, s.name, s.start, s.end, s.break_minutes, "yes"] for s in problem.shifts])
    _table(wb, S.EMPLOYEES, LANG, ("id", "name", "position_pct", "skills",
                                   "night_work_allowed"),
           [[e.id, e.name, e.position_pct, ", ".join(e.skills),
             "yes" if e.night_work_allowed else "no"] for e in problem.employees])
    _table(wb, S.DEMAND, LANG, ("date", "shift", "skill", "min", "target"),
           [[_midnight(d.day), d.shift, d.skill, d.minimum, d.target] for d in problem.demand])
    _table(wb, S.REQUESTS, LANG, ("employee", "date", "from", "to", "kind", "shift", "weight"),
           [[r.employee, None, _midnight(r.start), _midnight(r.end), r.kind.value, r.shift,
             r.weight] for r in problem.requests])
    last_sunday = {h.employee: h.last_sunday_worked for h in problem.employee_history}
    history: list[list[Any]] = [
        [h.employee, h.start.replace(tzinfo=None), h.end.replace(tzinfo=None), "planned", None,
         None, None] for h in problem.history]
    history += [[e, None, None, None, None, None, _midnight(d)] for e, d in last_sunday.items()
                if d is not None]
    _table(wb, S.HISTORY, LANG, ("employee", "start", "end", "kind", "break_minutes",
                                 "overtime_ytd_hours", "last_sunday_worked"), history)
    rows = [[e.id, a.family, a.tier.value, None, None, None, None]
            for a in problem.agreements for e in problem.employees if a.employee is None]
    ws = _table(wb, S.AGREEMENTS, LANG, ("scope", "family", "tier", "parameter", "value",
                                         "valid_from", "valid_to"), rows)
    for r in range(2, len(rows) + 2):
        ws.cell(row=r, column=2).number_format = "@"
    return wb


def write(path: Path, staff: int, days: int, seed: int = 2026) -> Path:
    """Write the generated month of ``staff`` × ``days`` to ``path`` (atomically)."""
    return safe_save(planning_workbook(generate(staff, days, seed)), path)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--staff", type=int, default=150)
    ap.add_argument("--days", type=int, default=31)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("-o", "--output", type=Path, required=True)
    a = ap.parse_args(argv)
    print(f"wrote {write(a.output, a.staff, a.days, a.seed)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
