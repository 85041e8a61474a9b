"""Build the example planning workbooks (``python -m instances.generate`` rebuilds all).

Every workbook is generated from a fixed seed, so its content is the same on every run (the
files differ only in the save timestamp openpyxl writes into the package properties).

``ward.xlsx`` — a hospital medical ward, April 2026 (Easter: Maundy Thursday 2 April to Easter
    Monday 6 April), 30 staff (16 RN, 14 HCA; 100/80/75/50 %), full time 35.5 h (three-shift
    rota). Shifts D 07:30-15:30, E 15:00-22:30, N 22:00-08:00 (breaks counted as work). Demand
    is a weekday pattern with a Holiday row, by shift and skill (wide layout, ``D:RN`` columns).
    Agreements:

    * the night shift is 10 h, above the 9 h normal-hours limit of § 10-4 (1), so the five RNs
      and five HCAs who work nights each have an individual § 10-5 averaging agreement
      (``T2_INDIVIDUAL``, ``daily_limit_hours`` 10, ``weekly_limit_hours`` 40 on average,
      ``weekly_max_hours`` 48); nobody else can be given N legally;
    * every employee has an individual written agreement under § 10-8 (4)
      (``T2_INDIVIDUAL``, ``red_days_in_a_row`` 3: up to three Sunday/holiday days in a row,
      one Agreements row per employee). § 10-8 (4) gives this relaxation to the employee
      alone; an agreement with the representatives (T3) cannot. Without it Easter is
      impossible to staff: an E shift on Maundy Thursday or Easter Sunday ends at 22:30, inside
      the next holiday's window, so it alone is two holidays in a row;
    * a site agreement with the representatives under § 10-8 (3) (``T3_TARIFF_REPS``) states
      ``daily_rest_hours`` 11 and ``weekly_rest_hours`` 35, so it does **not** allow quick
      returns: E (ends 22:30) followed by D (07:30) is a 9 h rest and stays illegal; the roster
      must avoid it. (The what-if "Quick returns: 10 h rest" changes this agreement.)

``care_home.xlsx`` — a care home, May 2026 (1 May, Ascension 14 May, 17 May on a Sunday, Whit
    Monday 25 May), 15 staff (5 nurses "SP", 10 care workers "HF"; mostly 50-80 %), day and
    evening shifts only (D 07:30-15:00, E 14:30-22:00). Norwegian sheet and column names, long
    demand layout with weekday rows, a Holiday row, minimum and target. The same individual
    § 10-8 (4) agreements (T2, one row per employee) on Sunday/holiday days in a row; rest
    stays at 11 h / 35 h.

``call_centre.xlsx`` — a customer-service centre, June 2026 (no public holidays), 60 agents
    (100/80/60/50 %), five day shifts of 8 h with an unpaid 30-minute break, open Monday to
    Saturday (Saturday shifts end by 18:00, before the Sunday window opens), demand by date in
    the wide layout, no agreements. Sunday and night work are not permitted by the nature of
    the work.

``planner_month(night_agreement)`` — a ward planner's first month (issue 14), January 2027, in
    Norwegian: 25 nurses (``SYP``) and specialist nurses (``SPL``, also ``SYP``) at 40-100 %,
    D 07:00-15:00, A 14:30-22:00 and a 9.5 h N 21:30-07:00, a weekday demand pattern, vacations
    and wishes, and a History sheet with the December Sundays and a New Year night (employee 1011
    worked Sunday 27 December and the night into 1 January, so History alone breaks § 10-8 (4)).
    Without ``night_agreement`` the night shift is longer than the 9 h daily limit for everyone,
    so no night can be covered; with it, the night staff have an individual § 10-5 agreement.
    Built in tests (not written by :func:`generate`).

Demand is sized at about 75-80 % of contracted hours for each skill group, so a legal roster
(11 h daily rest, 35 h weekly rest, hours at or below contract) can cover it.

This module writes them; each workbook's builder is its own module (:mod:`instances.ward`,
:mod:`instances.care_home`, :mod:`instances.call_centre`, :mod:`instances.planner_month`), and
:mod:`instances.sheet_kit` holds what they share.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from instances.call_centre import build_call_centre
from instances.care_home import build_care_home
from instances.planner_month import build_planner_month
from instances.ward import build_ward, build_ward_changes
from scheduler.io.excel import safe_save

HERE = Path(__file__).resolve().parent


BUILDERS = {
    "ward.xlsx": build_ward,
    "care_home.xlsx": build_care_home,
    "call_centre.xlsx": build_call_centre,
}


def generate(out_dir: Path = HERE) -> list[Path]:
    """Write every example workbook into ``out_dir`` (atomically); return the paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, build in BUILDERS.items():
        wb = build()
        wb.properties.creator = "aml-roster instances.generate"
        wb.properties.created = datetime(2026, 1, 1)
        paths.append(safe_save(wb, out_dir / name))
    return paths


EXAMPLES = {"ward_changes.xlsx": build_ward_changes}  # inputs that are not planning workbooks


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    out = Path(args[0]) if args else HERE
    for p in generate(out):
        print(f"wrote {p}")
    for name, build in EXAMPLES.items():
        wb = build()
        wb.properties.creator = "aml-roster instances.generate"
        wb.properties.created = datetime(2026, 1, 1)
        print(f"wrote {safe_save(wb, out / name)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


__all__ = [
    "BUILDERS", "EXAMPLES", "HERE", "build_call_centre", "build_care_home", "build_planner_month",
    "build_ward", "build_ward_changes", "generate", "main",
]
