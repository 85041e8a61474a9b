"""Issue 14 item 3: a near-miss header or sheet name is an error naming the cell and the name meant;
unrelated extra columns and sheets stay allowed."""

from __future__ import annotations

import pytest

from scheduler.errors import InputError
from scheduler.io.read import near_miss
from scheduler.io.read.workbook import read_problem
from tests.conftest import base_sheets


def _nb_employees(*headers: str) -> list[list[object]]:
    return [["Ansattnr", "Navn", *headers], ["A", "Anne", *(["nei"] * len(headers))],
            ["B", "Bjørn", *(["nei"] * len(headers))], ["C", "Cecilie", *(["nei"] * len(headers))]]


def _sheets_with(employees: list[list[object]]) -> dict[str, list[list[object]]]:
    sheets = base_sheets()
    del sheets["Employees"]
    emp = [list(r) for r in employees]
    emp[0].append("Ferdigheter")
    for r, skills in zip(emp[1:], ("RN", "RN, HCA", "HCA"), strict=True):
        r.append(skills)
    sheets["Ansatte"] = emp
    return sheets


def _issues(make_xlsx, sheets) -> list[str]:
    with pytest.raises(InputError) as info:
        read_problem(make_xlsx(sheets))
    return [str(i) for i in info.value.issues]


def test_a_header_one_letter_short_is_an_error_naming_cell_and_column(make_xlsx) -> None:
    (issue,) = _issues(make_xlsx, _sheets_with(_nb_employees("Nattarbeid tilatt")))
    assert "sheet 'Ansatte', cell C1" in issue
    assert "Ansatte!C1 'Nattarbeid tilatt': did you mean 'Nattarbeid tillatt'?" in issue


def test_case_spaces_and_diacritics_are_folded(make_xlsx) -> None:
    issues = _issues(make_xlsx, _sheets_with(_nb_employees("STILLINGS %", "Fodselsdatto")))
    assert any("'STILLINGS %': did you mean 'Stilling %'?" in i for i in issues)
    assert any("'Fodselsdatto': did you mean 'Fødselsdato'?" in i for i in issues)
    assert len(issues) == 2  # all problems at once


def test_unrelated_extra_columns_and_sheets_are_still_ignored(make_xlsx) -> None:
    sheets = _sheets_with(_nb_employees("Telefon", "Kommentar", "Nattarbeid tillatt"))
    sheets["Ferieliste 2027"] = [["hvem", "når"], ["A", "juli"]]
    sheets["Scenarier"] = [["Scenario", "Endring"]]
    problem = read_problem(make_xlsx(sheets))
    assert [e.night_work_allowed for e in problem.employees] == [False, False, False]


def test_a_near_miss_sheet_name_is_an_error(make_xlsx) -> None:
    sheets = base_sheets()
    sheets["Historik"] = [["employee", "start", "end"], ["A", "2026-03-31 07:00",
                                                         "2026-03-31 15:00"]]
    (issue,) = _issues(make_xlsx, sheets)
    assert "sheet 'Historik': did you mean 'History'?" in issue or \
        "sheet 'Historik': did you mean 'Historikk'?" in issue


def test_a_present_column_is_not_asked_for_again(make_xlsx) -> None:
    # 'Stilling %' is there; 'Stillinger' (the planner's own column) is close but not meant.
    sheets = _sheets_with(_nb_employees())
    sheets["Ansatte"][0] += ["Stilling %", "Stillinger"]
    for r in sheets["Ansatte"][1:]:
        r += [50, "x"]
    problem = read_problem(make_xlsx(sheets))
    assert [e.position_pct for e in problem.employees] == [50, 50, 50]


def test_closeness_limits() -> None:
    known = {near_miss.fold("Nattarbeid tillatt"): "Nattarbeid tillatt"}
    assert near_miss.closest("nattarbeid  TILLÅTT", known) == "Nattarbeid tillatt"
    assert near_miss.closest("Nattarbeid tilatt", known) == "Nattarbeid tillatt"
    assert near_miss.closest("Nattarbeid", known) is None  # too far
    assert near_miss.closest("Natt", {"natt": "x"}) == "x"  # exact after folding
    assert near_miss.closest("D:N", {"dn": "x"}) is None  # too short to judge
