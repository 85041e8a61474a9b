"""What a problem's size means for the phases of a solve: the seconds the check and the write
need after the search, and the largest model ``roster solve`` builds at once.

Both are linear in roster cells (employees × days × shift types), measured on the generated
hospital month (``benchmarks.aml_month_workbook``; figures in docs/benchmarks.md, "The time
limit covers the whole command").
"""

from __future__ import annotations

from scheduler import i18n
from scheduler.errors import InputError, Issue
from scheduler.model import Problem

# Checking and writing a roster: a fixed part and a part per employee-day. Measured on a 2-core
# machine at a load average of 7 (docs/benchmarks.md): 800 staff x 31 days took 12.5 s to check
# and 48.3 s to write (2.5 ms an employee-day); the 30-staff ward 0.1 s and 1.0 s.
FINISH_FIXED_SECONDS = 1.0
FINISH_SECONDS_PER_EMPLOYEE_DAY = 2.5e-3
# The largest model built at once, in roster cells (employees x days x shift types). Measured:
# about 2.5 KB a cell for the model and up to 7 KB a cell at the peak of a solve (800 staff x 31
# days x 5 shift types: 124,000 cells, 0.9 GiB), so this keeps a solve near 4 GiB.
MAX_CELLS = 600_000


def employee_days(problem: Problem) -> int:
    return len(problem.employees) * len(problem.settings.days())


def cells(problem: Problem) -> int:
    """Roster cells: one per employee, day and shift type (an upper bound of the model's
    decision variables)."""
    return employee_days(problem) * len(problem.shifts)


def finish_reserve(problem: Problem) -> float:
    """Seconds to keep at the end of the time limit for checking and writing the roster."""
    return FINISH_FIXED_SECONDS + FINISH_SECONDS_PER_EMPLOYEE_DAY * employee_days(problem)


def refuse_too_large(problem: Problem, file: str | None = None) -> None:
    """An :class:`InputError` (exit 2, nothing built) when the model would exceed
    :data:`MAX_CELLS`: building it would take more memory than a solve may use."""
    n = cells(problem)
    if n <= MAX_CELLS:
        return
    days = len(problem.settings.days())
    most = max(1, MAX_CELLS // max(1, len(problem.employees) * len(problem.shifts)))
    raise InputError([Issue(i18n.text(
        "solve.too_large", problem.settings.language, employees=len(problem.employees),
        days=days, shifts=len(problem.shifts), cells=n, most_cells=MAX_CELLS, most_days=most),
        file=file or "")])
