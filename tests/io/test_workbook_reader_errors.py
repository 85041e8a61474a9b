"""The planning-workbook reader's errors: every mistake at its cell, files that are not workbooks, and the lenient read of `roster check` (scheduler.io.read.workbook)."""

from __future__ import annotations

from datetime import date, time

import openpyxl
import pytest

from scheduler.errors import InputError
from scheduler.io import excel
from scheduler.io.read.workbook import read_parts, read_problem
from tests.conftest import base_sheets
from tests.io.reader_kit import issues_of

# Every mistake, at its exact cell, and nothing else


def test_planted_mistakes_are_all_reported_at_their_cells(make_xlsx):
    sheets = {
        "Settings": [["key", "value"], ["month", "2026-04"], ["site_name", "Ward"],
                     ["full_time_hours", "lots"], ["night_strat", "21:00"]],
        "Shifts": [
            ["code", "start", "end", "break_minutes"],
            ["D", "07:30", "15:30", 30],
            ["d", "08:00", "16:00", 0],  # duplicate code (case-insensitive)
            ["E", "25:00", "22:30", 30],  # impossible start time
            ["N", "22:00", "08:00", 30],
        ],
        "Employees": [
            ["id", "name", "Stilling %", "skills"],
            ["A", "Anne", 100, "RN"],
            ["B", "Bjørn", 80, "HCA"],
            ["A", "Another Anne", 50, "RN"],  # duplicate id
            ["C", "Cecilie", 120, "HCA"],  # percentage outside 0-100
        ],
        "Demand": [
            ["date", "shift", "skill", "min", "target"],
            ["2026-04-01", "D", "RN", 1, None],
            ["2026-04-02", "X", None, 1, None],  # unknown shift code
            ["2026-05-03", "D", None, 1, None],  # outside the horizon
            ["2026-04-04", "D", None, "two", None],  # text in a number cell
            ["2026-04-05", "N", None, 3, 1],  # target below minimum
            ["2026-04-06", "N", "ICU", 1, None],  # a skill nobody has
        ],
        "Requests": [
            ["employee", "from", "to", "kind"],
            ["Z", "2026-04-10", "2026-04-11", "day_off"],  # unknown employee
            ["A", "2026-04-10", "2026-04-05", "day_off"],  # ends before it starts
            ["B", "2026-04-12", None, "holiday"],  # unknown kind
        ],
        "Fixed": [["employee", "date", "shift"], ["A", "2026-04-03", "Q"]],  # unknown shift
        "History": [["employee", "start", "end"],
                    ["B", "2026-03-31 22:00", "2026-03-30 08:00"]],  # end before start
        "Agreements": [
            ["scope", "family", "tier", "parameter", "value"],
            ["A", "10-5", "T9", "daily_limit_hours", 10],  # unknown tier
            ["B", "10-5", "T2_INDIVIDUAL", "daily_limit_hours", 11],  # beyond the tier
            ["site", "10-99", "T3_TARIFF_REPS", None, None],  # unknown family
        ],
        "Weights": [["key", "value"], ["speed", 3]],  # unknown weight
    }
    found = issues_of(make_xlsx(sheets))
    expected = {
        ("Settings", "B4"): "expected hours per week, found text 'lots'",
        ("Settings", "A5"): "unknown setting 'night_strat'",
        ("Shifts", "A3"): "the shift code 'd' is already used in A2",
        ("Shifts", "B4"): "expected a clock time like 07:30, found '25:00'",
        ("Employees", "A4"): "duplicate employee id 'A' (also in A2)",
        ("Employees", "C5"): "percentage 120 is outside 0-100",
        ("Demand", "B3"): "unknown shift code 'X'",
        ("Demand", "A4"): "the date 2026-05-03 is outside the horizon 2026-04-01 to 2026-04-30",
        ("Demand", "D5"): "expected a whole number of staff, found text 'two'",
        ("Demand", "E6"): "the target 1 is below the minimum 3",
        ("Demand", "C7"): "no employee has the skill 'ICU'",
        ("Requests", "A2"): "unknown employee 'Z'",
        ("Requests", "C3"): "the request ends (2026-04-05) before it starts (2026-04-10)",
        ("Requests", "D4"): "unknown kind of request 'holiday'",
        ("Fixed", "C2"): "unknown shift code 'Q'",
        ("History", "C2"): "is not after the start",
        ("Agreements", "C2"): "unknown tier 'T9'",
        ("Agreements", "E3"): "daily_limit_hours = 11.0 is above the ceiling of 10.0",
        ("Agreements", "B4"): "unknown rule family '10-99'",
        ("Weights", "A2"): "unknown weight 'speed'",
    }
    got = {(s, c): m for s, c, m in found}
    assert len(found) == len(got), "one issue per cell"
    assert set(got) == set(expected)
    for where, fragment in expected.items():
        assert fragment in got[where], (where, got[where])


def test_missing_required_sheets_and_columns(make_xlsx):
    sheets = base_sheets()
    del sheets["Demand"]
    sheets["Shifts"] = [["code", "start"], ["D", "07:30"]]
    found = issues_of(make_xlsx(sheets))
    assert ("Shifts", "A1") in {(s, c) for s, c, _ in found}
    assert any("'end'" in m and s == "Shifts" for s, _, m in found)
    assert any(s == "" and "'Demand'" in m for s, _, m in found)


def test_missing_horizon_is_reported(make_xlsx):
    sheets = base_sheets()
    sheets["Settings"] = [["key", "value"], ["site_name", "x"]]
    found = issues_of(make_xlsx(sheets))
    assert [(s, c) for s, c, _ in found] == [("Settings", "A1")]
    assert "horizon is missing" in found[0][2]


# ---------------------------------------------------------------------------------------------
# Files that are not workbooks


def test_not_a_zip_is_a_clean_input_error(tmp_path):
    bad = tmp_path / "roster.xlsx"
    bad.write_text("employee;start;end\n")
    with pytest.raises(InputError) as exc:
        read_problem(bad)
    assert "not an Excel .xlsx workbook" in str(exc.value)
    assert exc.value.issues[0].file == str(bad)


def test_missing_file_is_a_clean_input_error(tmp_path):
    with pytest.raises(InputError, match="file not found"):
        read_problem(tmp_path / "nope.xlsx")


def test_too_large_file_is_refused_naming_it(make_xlsx, monkeypatch):
    path = make_xlsx(base_sheets(), "big.xlsx")
    monkeypatch.setattr(excel, "MAX_BYTES", path.stat().st_size - 1)
    with pytest.raises(InputError) as exc:
        read_problem(path)
    assert "big.xlsx" in str(exc.value) and "refused" in str(exc.value)
    monkeypatch.setattr(excel, "MAX_BYTES", path.stat().st_size)  # exactly at the limit: fine
    read_problem(path)


def test_other_extension_is_read_by_content(make_xlsx, tmp_path):
    src = make_xlsx(base_sheets())
    odd = tmp_path / "exported.dat"
    odd.write_bytes(src.read_bytes())
    assert read_problem(odd).settings.site_name == "Test ward"


# ---------------------------------------------------------------------------------------------
# The lenient read for `roster check`


def test_read_parts_reads_only_what_is_there(make_xlsx):
    sheets = {
        "Vakter": [["Kode", "Start", "Slutt"], ["D", "07:30", "15:30"]],
        "Ansatte": [["Ansattnr", "Navn"], ["1", "Kari"]],
        "Roster": [["id", "2026-04-01"], ["1", "D"]],
    }
    parts = read_parts(make_xlsx(sheets))
    assert parts.sheet_names == ("Vakter", "Ansatte", "Roster")
    assert parts.found == {"shifts": "Vakter", "employees": "Ansatte"}
    assert [s.code for s in parts.shifts] == ["D"]
    assert [e.id for e in parts.employees] == ["1"]
    assert parts.start is None and parts.settings_values == {}
    st = parts.settings(date(2026, 4, 1), date(2026, 4, 7))
    assert (st.start, st.end, st.week_start) == (date(2026, 4, 1), date(2026, 4, 7), 0)
    with pytest.raises(InputError, match="horizon is unknown"):
        parts.settings()


def test_read_parts_keeps_settings_values_and_reports_bad_cells(make_xlsx):
    sheets = {"Settings": [["strict", "yes"], ["day_boundary", "06:00"], ["month", "2026-04"]],
              "Shifts": [["code", "start", "end"], ["D", "07:30", "soon"]]}
    path = make_xlsx(sheets)
    with pytest.raises(InputError) as exc:
        read_parts(path)
    assert [(i.sheet, i.cell) for i in exc.value.issues] == [("Shifts", "C2")]
    sheets["Shifts"][1][2] = "15:30"
    parts = read_parts(make_xlsx(sheets, "ok.xlsx"))
    assert parts.settings_values == {"strict": True, "day_boundary": time(6, 0)}
    st = parts.settings()
    assert (st.start, st.end, st.strict) == (date(2026, 4, 1), date(2026, 4, 30), True)


def test_formula_cells_are_read_as_their_cached_value_never_evaluated(tmp_path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    from tests.conftest import base_sheets as bs

    for title, rows in bs().items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb["Employees"]["B2"] = "=HYPERLINK(\"http://x\",\"x\")"  # a formula without cached value
    path = tmp_path / "f.xlsx"
    wb.save(path)
    p = read_problem(path)
    assert p.employee("A").name == ""  # no cached value: empty, nothing evaluated
