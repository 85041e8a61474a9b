"""The Contracts sheet (Kontrakter) and the Employees ``contract`` column of the workbook."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from constraints.checker import check_problem
from scheduler.errors import InputError
from scheduler.io.read.workbook import read_parts, read_problem
from scheduler.model import Contract, roster_from_assignments
from scheduler.solver import solve
from tests import budgets
from tests.conftest import base_sheets

HEADER = ["id", "max_shifts", "min_hours", "max_hours", "max_consecutive_shifts",
          "min_consecutive_shifts", "min_consecutive_days_off", "max_weekends",
          "forbidden_successions"]


def _with_contracts(rows: list[list], employee_contracts: dict[str, str] | None = None,
                    header: list[str] | None = None, title: str = "Contracts") -> dict:
    sheets = base_sheets()
    sheets[title] = [header or HEADER, *rows]
    if employee_contracts is not None:
        emp = sheets["Employees"]
        emp[0] = [*emp[0], "contract"]
        for row in emp[1:]:
            row.append(employee_contracts.get(row[0]))
    return sheets


def issues_of(path: Path) -> list[tuple[str, str, str]]:
    with pytest.raises(InputError) as exc:
        read_problem(path)
    return [(i.sheet, i.cell, i.message) for i in exc.value.issues]


def test_contracts_sheet_reads_every_column(make_xlsx) -> None:
    sheets = _with_contracts(
        [["Night80", "N=8|D=4", 110, 130.5, 4, 2, 2, 2, "N>D|N>E"],
         ["DayOnly", "N=0", None, 150, 5, None, 2, None, None]],
        {"A": "Night80", "B": "DayOnly"})
    p = read_problem(make_xlsx(sheets))
    night, day = p.contracts
    assert night == Contract(id="Night80", max_shifts={"N": 8, "D": 4}, min_total_minutes=110 * 60,
                             max_total_minutes=7830, max_consecutive_shifts=4,
                             min_consecutive_shifts=2, min_consecutive_days_off=2, max_weekends=2,
                             forbidden_successions=(("N", "D"), ("N", "E")))
    assert day == Contract(id="DayOnly", max_shifts={"N": 0}, max_total_minutes=150 * 60,
                           max_consecutive_shifts=5, min_consecutive_days_off=2)
    assert [e.contract for e in p.employees] == ["Night80", "DayOnly", None]


def test_norwegian_sheet_and_columns_and_other_separators(make_xlsx) -> None:
    header = ["Kontrakt", "Maks vakter per type", "Min timer", "Maks timer", "Maks vakter på rad",
              "Min vakter på rad", "Min fridager på rad", "Maks helger", "Forbudte overganger"]
    sheets = _with_contracts([["K1", "n=3; d=10", "37,5", None, None, None, None, 1, "N>D, E>D"]],
                             {"C": "K1"}, header=header, title="Kontrakter")
    sheets["Employees"][0][-1] = "Kontrakt"
    p = read_problem(make_xlsx(sheets))
    (c,) = p.contracts
    assert c.max_shifts == {"N": 3, "D": 10}  # shift codes match case-insensitively
    assert c.min_total_minutes == 2250 and c.max_weekends == 1
    assert c.forbidden_successions == (("N", "D"), ("E", "D"))
    assert p.employee("C").contract == "K1"


def test_read_parts_carries_the_contracts(make_xlsx) -> None:
    parts = read_parts(make_xlsx(_with_contracts([["K1", None, None, None, 5, None, None, None,
                                                   None]], {"A": "K1"})))
    assert [c.id for c in parts.contracts] == ["K1"]
    assert parts.employees[0].contract == "K1"


def test_planted_mistakes_are_reported_at_their_cells(make_xlsx) -> None:
    rows = [
        ["K1", "N=5|X=2", "abc", 100, 3, 4, None, -1, "N>Q"],  # row 2
        ["K1", None, None, None, None, None, None, None, None],  # row 3: duplicate id
        [None, "D=1", None, None, None, None, None, None, None],  # row 4: no id
        ["K2", "N5", 120, 100, 2.5, None, None, None, "N-D"],  # row 5
        ["K3", "D=two", None, None, None, None, 401, None, None],  # row 6
    ]
    found = issues_of(make_xlsx(_with_contracts(rows, {"A": "K9", "B": "K2"})))
    at = {(sheet, cell) for sheet, cell, _ in found}
    expected = {
        ("Contracts", "B2"),  # unknown shift X
        ("Contracts", "C2"),  # hours not a number
        ("Contracts", "F2"),  # min in a row 4 > max 3
        ("Contracts", "H2"),  # negative weekends
        ("Contracts", "I2"),  # unknown shift Q
        ("Contracts", "A3"),  # duplicate id
        ("Contracts", "A4"),  # missing id
        ("Contracts", "B5"),  # N5 has no '='
        ("Contracts", "C5"),  # min hours above max hours
        ("Contracts", "E5"),  # 2.5 days
        ("Contracts", "I5"),  # N-D has no '>'
        ("Contracts", "B6"),  # 'two' shifts
        ("Contracts", "G6"),  # 401 days
        ("Employees", "E2"),  # unknown contract K9
    }
    assert at == expected, found
    text = {cell: msg for _, cell, msg in found}
    assert "unknown shift code 'X'" in text["B2"]
    assert "unknown contract 'K9'" in text["E2"] and "K1" in text["E2"]
    assert "write it like N=5|D=20" in text["B5"]
    assert "write it like N>D|E>D" in text["I5"]
    assert "above the maximum" in text["C5"] and "above the maximum" in text["F2"]
    assert "duplicate contract id 'K1'" in text["A3"]


@pytest.mark.parametrize("lo,hi,ok", [(3, 4, True), (4, 4, True), (5, 4, False)])
def test_min_consecutive_at_and_over_the_maximum(make_xlsx, lo: int, hi: int, ok: bool) -> None:
    path = make_xlsx(_with_contracts([["K", None, None, None, hi, lo, None, None, None]]))
    if ok:
        assert read_problem(path).contracts[0].min_consecutive_shifts == lo
    else:
        assert [cell for _, cell, _ in issues_of(path)] == ["F2"]


def test_employee_without_contracts_sheet_naming_a_contract(make_xlsx) -> None:
    sheets = base_sheets()
    sheets["Employees"][0].append("contract")
    sheets["Employees"][1].append("K1")
    found = issues_of(make_xlsx(sheets))
    assert [(s, c) for s, c, _ in found] == [("Employees", "E2")]
    assert "known: none" in found[0][2]


def test_workbook_contract_is_kept_by_the_solver_and_checked(make_xlsx) -> None:
    """A contract from the workbook binds the solver (with AML on) and the checker finds its
    breach in a hand-made roster."""
    sheets = base_sheets()
    sheets["Settings"] = [["key", "value"], ["site_name", "T"], ["start", "2026-04-06"],
                          ["end", "2026-04-12"]]
    sheets["Demand"] = [["date", "shift", "skill", "min"],
                        *[[f"2026-04-{d:02d}", "D", "", 1] for d in range(6, 13)]]
    sheets = _with_contracts([["K", "D=2", None, None, None, None, None, None, None]],
                             {"A": "K", "B": "K", "C": "K"}) | {
        k: v for k, v in sheets.items() if k in ("Settings", "Demand")}
    p = read_problem(make_xlsx(sheets))
    sol = solve(p, budgets.options(3.0))
    assert sol.has_roster
    per_emp: dict[str, int] = {}
    for a in sol.assignments:
        per_emp[a.employee] = per_emp.get(a.employee, 0) + (a.shift == "D")
    assert max(per_emp.values()) <= 2
    assert check_problem(p, sol.roster).violations == []
    start = date(2026, 4, 6)
    three = roster_from_assignments(p, {("A", start + timedelta(days=2 * i)): "D" for i in range(3)})
    assert "CONTRACT-max-shifts" in {f.rule for f in check_problem(p, three).violations}
