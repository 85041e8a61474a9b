"""Reading the Scenarios sheet: changes, grouping, Norwegian names, every problem at its cell."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from scheduler.errors import InputError
from scheduler.io.read.scenarios import read_scenarios
from scheduler.io.read.workbook import read_problem
from scheduler.io.write.workbook import MARKER
from scheduler.model import Tier
from scheduler.whatif.changes import (
    BASELINE,
    AddEmployees,
    AllowOvertime,
    RemoveEmployees,
    ScaleDemand,
    Scenario,
    SetAgreementTier,
    SetParameter,
    SetWeight,
    SickLeave,
    with_baseline,
)
from tests.whatif.test_whatif_kit import planning_sheets, workbook, write_xlsx


def read(path: Path) -> list[Scenario]:
    return read_scenarios(path, read_problem(path))


def issues(path: Path) -> list[str]:
    with pytest.raises(InputError) as err:
        read(path)
    return [f"{i.sheet}!{i.cell}: {i.message}" for i in err.value.issues]


def test_every_kind_of_change_is_read(tmp_path: Path) -> None:
    path = workbook(tmp_path / "w.xlsx", [
        ["Fewer RN", "remove_employees", "RN", 2],
        ["Without R1", "remove", "R1, H2"],
        ["Hire", "add_employees", "RN", 2, 80],
        ["Hire", "add", "HCA", None, None],  # same scenario, second row; defaults 1 × 100 %
        ["Busy weekend", "scale_demand", "weekend, E", "110 %", None, None, "2026-06-06",
         "2026-06-07"],
        ["Busy", "demand", None, 1.25],
        ["Sick", "sick_leave", "R2", None, None, None, "2026-06-02", "2026-06-04"],
        ["Sick skill", "sick", "HCA", 1, None, None, "2026-06-05", "2026-06-05"],
        ["Local avg", "agreement", "10-5", "T3", None, "site"],
        ["R3 avg", "tier", "10-5", "T2_INDIVIDUAL", None, "R3"],
        ["Stricter rest", "parameter", "10-8 daily_rest_hours", 12],
        ["Fair", "weight", "fairness", 40],
        ["OT", "overtime", None, None],
        ["No OT", "overtime", None, "no"],
    ])
    got = {s.name: s.changes for s in read(path)}
    assert got["Fewer RN"] == (RemoveEmployees(skill="RN", count=2),)
    assert got["Without R1"] == (RemoveEmployees(employees=("R1", "H2")),)
    assert got["Hire"] == (AddEmployees(skill="RN", count=2, position_pct=80),
                           AddEmployees(skill="HCA", count=1, position_pct=100))
    assert got["Busy weekend"] == (ScaleDemand(factor=1.1, shifts=("E",), weekdays=(5, 6),
                                               start=date(2026, 6, 6), end=date(2026, 6, 7)),)
    assert got["Busy"] == (ScaleDemand(factor=1.25),)
    assert got["Sick"] == (SickLeave(employees=("R2",), start=date(2026, 6, 2),
                                     end=date(2026, 6, 4)),)
    assert got["Sick skill"] == (SickLeave(skill="HCA", count=1, start=date(2026, 6, 5),
                                           end=date(2026, 6, 5)),)
    assert got["Local avg"] == (SetAgreementTier(family="10-5", tier=Tier.T3_TARIFF_REPS),)
    assert got["R3 avg"] == (SetAgreementTier(family="10-5", tier=Tier.T2_INDIVIDUAL,
                                              employee="R3"),)
    assert got["Stricter rest"] == (SetParameter(family="10-8", name="daily_rest_hours",
                                                 value=12.0),)
    assert got["Fair"] == (SetWeight(name="fairness", value=40),)
    assert got["OT"] == (AllowOvertime(allow=True),)
    assert got["No OT"] == (AllowOvertime(allow=False),)
    assert [s.name for s in read(path)][:3] == ["Fewer RN", "Without R1", "Hire"]


def test_blank_name_continues_the_scenario_above(tmp_path: Path) -> None:
    path = workbook(tmp_path / "w.xlsx", [
        ["Two changes", "remove", "R4"],
        [None, "weight", "pattern", 0],
        ["Other", "overtime"],
    ])
    got = read(path)
    assert [s.name for s in got] == ["Two changes", "Other"]
    assert got[0].changes == (RemoveEmployees(employees=("R4",)), SetWeight(name="pattern", value=0))
    assert got[1].allow_overtime is True and got[0].allow_overtime is False


def test_norwegian_sheet_and_columns(tmp_path: Path) -> None:
    sheets = planning_sheets()
    sheets["Scenarier"] = [
        ["Scenario", "Endring", "Gjelder", "Verdi", "Stilling %", "Omfang", "Fra", "Til"],
        ["Færre", "fjern ansatte", "R4"],
        ["Syk", "sykefravær", "R1", None, None, None, "01.06.2026", "02.06.2026"],
        ["Helg", "skaler bemanning", "lør, søn", 2],
        ["Ny", "legg til", "RN", 1, "60 %"],
    ]
    path = write_xlsx(tmp_path / "nb.xlsx", sheets)
    got = {s.name: s.changes[0] for s in read(path)}
    assert got["Færre"] == RemoveEmployees(employees=("R4",))
    assert got["Syk"] == SickLeave(employees=("R1",), start=date(2026, 6, 1), end=date(2026, 6, 2))
    assert got["Helg"] == ScaleDemand(factor=2, weekdays=(5, 6))
    assert got["Ny"] == AddEmployees(skill="RN", count=1, position_pct=60)


def test_every_problem_is_reported_at_its_cell(tmp_path: Path) -> None:
    path = workbook(tmp_path / "w.xlsx", [
        ["A", "fire everyone", "R1"],                      # row 2: unknown change
        ["B", "remove", "R9"],                              # row 3: unknown employee
        ["C", "scale_demand", "N", 1.1],                    # row 4: unknown shift token
        ["D", "scale_demand", None, "lots"],                # row 5: bad factor
        ["E", "sick_leave", "R1"],                          # row 6: from and to missing
        ["F", "agreement", "10-5", "T9"],                   # row 7: unknown tier
        ["G", "parameter", "10-8 daily_rest_hours", 9],     # row 8: beyond T0's floor
        ["H", "weight", "kindness", 3],                     # row 9: unknown weight
        ["I", "add", "Surgeon", 1],                         # row 10: unknown skill
        ["J", "remove", "RN", 5],                           # row 11: only 4 RNs
        [BASELINE, "remove", "R1"],                         # row 12: reserved name
        ["K", "sick_leave", "R1", None, None, None, "2026-07-01", "2026-07-02"],  # row 13
        ["L", "agreement", "10-5", "T3", None, "nobody"],   # row 14: unknown scope
        ["M", "parameter", "10-8 no_such_thing", 1],        # row 15: unknown parameter
    ])
    found = issues(path)
    cells = [f.split(":")[0] for f in found]
    assert cells == ["Scenarios!B2", "Scenarios!C3", "Scenarios!C4", "Scenarios!D5",
                     "Scenarios!G6", "Scenarios!H6", "Scenarios!D7", "Scenarios!D8",
                     "Scenarios!C9", "Scenarios!C10", "Scenarios!D11", "Scenarios!A12",
                     "Scenarios!G13", "Scenarios!F14", "Scenarios!C15"]
    text = "\n".join(found)
    assert "unknown change 'fire everyone'" in text
    assert "'R9'" in text
    assert "below the floor" in text and "T3_TARIFF_REPS would allow it" in text
    assert "only 4 employee(s) have the skill 'RN'" in text
    assert "outside the horizon" in text


def test_a_parameter_is_checked_against_the_tier_set_before_it(tmp_path: Path) -> None:
    """Changes apply in row order: after a T3 agreement on § 10-8, 9 h rest is allowed."""
    path = workbook(tmp_path / "w.xlsx", [
        ["Quick returns", "agreement", "10-8", "T3_TARIFF_REPS"],
        [None, "parameter", "10-8 daily_rest_hours", 9],
        ["Too quick", "agreement", "10-8", "T3_TARIFF_REPS"],
        [None, "parameter", "daily_rest_hours", 7.5],
    ])
    found = issues(path)
    assert len(found) == 1 and found[0].startswith("Scenarios!D5:")
    assert "7.5 is below the floor of 8.0" in found[0]


def test_missing_sheet_is_an_input_error_unless_optional(tmp_path: Path) -> None:
    path = workbook(tmp_path / "w.xlsx")
    with pytest.raises(InputError) as err:
        read(path)
    assert "Scenarios" in str(err.value) and "Scenarier" in str(err.value)
    assert read_scenarios(path, read_problem(path), required=False) == []


def test_missing_columns_are_reported(tmp_path: Path) -> None:
    sheets = planning_sheets()
    sheets["Scenarios"] = [["scenario", "target"], ["A", "R1"]]
    path = write_xlsx(tmp_path / "w.xlsx", sheets)
    found = issues(path)
    assert len(found) == 1 and "'change'" in found[0] and found[0].startswith("Scenarios!A1")


def test_our_own_result_sheet_is_not_read_as_input(tmp_path: Path) -> None:
    path = workbook(tmp_path / "w.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb.create_sheet("Scenarios")
    ws.append(["Scenario", "Changes", "Status"])
    ws.append(["Baseline", "no changes", "OPTIMAL"])
    from openpyxl.workbook.defined_name import DefinedName

    ws.defined_names[MARKER] = DefinedName(MARKER, attr_text="'Scenarios'!$A$1", hidden=True)
    wb.save(path)
    assert read_scenarios(path, read_problem(path), required=False) == []


def test_with_baseline_puts_the_baseline_first_once() -> None:
    user = [Scenario(name="baseline"), Scenario(name="X", changes=(AllowOvertime(),))]
    got = with_baseline(user)
    assert [s.name for s in got] == [BASELINE, "X"]
    assert got[0].changes == ()


def test_scenario_travels_as_json() -> None:
    sc = Scenario(name="All", changes=(
        RemoveEmployees(skill="RN", count=1), AddEmployees(skill="RN", position_pct=75),
        ScaleDemand(factor=1.1, weekdays=(5, 6), holidays=True),
        SickLeave(employees=("R1",), start=date(2026, 6, 1), end=date(2026, 6, 2)),
        SetAgreementTier(family="10-5", tier=Tier.T3_TARIFF_REPS),
        SetParameter(family="10-8", name="daily_rest_hours", value=10.0),
        SetWeight(name="fairness", value=3), AllowOvertime(),
    ))
    assert Scenario.model_validate_json(sc.model_dump_json()) == sc
    assert "demand × 1.1 (Sat/Sun/holidays)" in sc.describe()


def test_the_ward_example_has_realistic_scenarios() -> None:
    ward = Path(__file__).resolve().parents[2] / "instances" / "ward.xlsx"
    problem = read_problem(ward)
    got = read_scenarios(ward, problem)
    kinds = {type(ch).__name__ for s in got for ch in s.changes}
    assert len(got) >= 4
    assert {"RemoveEmployees", "SetAgreementTier", "ScaleDemand", "SickLeave"} <= kinds
