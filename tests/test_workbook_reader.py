"""The workbook reader: layouts, languages, date spellings, and every mistake at its cell."""

from __future__ import annotations

import hashlib
import os
from datetime import date, datetime, time
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils.datetime import to_excel

from scheduler.errors import InputError
from scheduler.model import DemandItem, PeriodKind, RequestKind, Tier
from scheduler.workbook import excel
from scheduler.workbook.reader import read_parts, read_problem
from tests.conftest import base_sheets


def issues_of(path: Path) -> list[tuple[str, str, str]]:
    with pytest.raises(InputError) as exc:
        read_problem(path)
    return [(i.sheet, i.cell, i.message) for i in exc.value.issues]


def demand_map(problem) -> dict[tuple[date, str, str], tuple[int, int | None]]:
    return {(d.day, d.shift, d.skill): (d.minimum, d.target) for d in problem.demand}


# ---------------------------------------------------------------------------------------------
# The basic read


def test_base_workbook_reads(make_xlsx):
    p = read_problem(make_xlsx(base_sheets()))
    assert p.settings.site_name == "Test ward"
    assert (p.settings.start, p.settings.end) == (date(2026, 4, 1), date(2026, 4, 30))
    assert [s.code for s in p.shifts] == ["D", "E", "N"]
    n = p.shift("N")
    assert (n.start, n.end, n.break_minutes, n.break_counts_as_work) == (
        time(22), time(8), 30, True)
    assert p.employee("B").skills == ("RN", "HCA")
    assert p.employee("C").position_pct == 50
    assert p.demand == (
        DemandItem(day=date(2026, 4, 1), shift="D", skill="RN", minimum=1, target=2),
        DemandItem(day=date(2026, 4, 1), shift="E", skill="", minimum=1),
    )


def test_reading_leaves_the_file_untouched(make_xlsx):
    path = make_xlsx(base_sheets())
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    mtime = os.stat(path).st_mtime_ns
    read_problem(path)
    read_parts(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert os.stat(path).st_mtime_ns == mtime
    assert sorted(os.listdir(path.parent)) == [path.name]


def test_empty_rows_unknown_columns_and_sheets_are_ignored(make_xlsx):
    sheets = base_sheets()
    sheets["Employees"] = [
        ["id", "name", "position_pct", "skills", "favourite colour"],
        ["A", "Anne", 100, "RN", "blue"],
        [None, None, None, None, None],
        [None, None, None, None, None],
        ["B", "Bjørn", 80, "RN, HCA", None],
        ["C", "Cecilie", 50, "HCA", None],
    ]
    sheets["My notes"] = [["anything", "goes"], [1, 2]]
    p = read_problem(make_xlsx(sheets))
    assert [e.id for e in p.employees] == ["A", "B", "C"]


def test_numeric_employee_ids_match_across_sheets(make_xlsx):
    sheets = base_sheets()
    sheets["Employees"].append([1042, "Dag", 75, "RN"])
    sheets["Fixed"] = [["employee", "date", "shift"], [1042, "2026-04-02", "off"]]
    p = read_problem(make_xlsx(sheets))
    assert p.employee("1042").position_pct == 75
    assert p.fixed[0].employee == "1042" and p.fixed[0].shift == "OFF"


# ---------------------------------------------------------------------------------------------
# Demand layouts


def test_demand_long_layout_with_weight(make_xlsx):
    sheets = base_sheets()
    sheets["Demand"] = [
        ["Date", "Shift", "Skill", "Min", "Target", "Weight"],
        ["2026-04-01", "D", "RN", 1, 2, 3.5],
        ["2026-04-02", "N", None, 2, None, None],
    ]
    p = read_problem(make_xlsx(sheets))
    assert p.demand[0] == DemandItem(day=date(2026, 4, 1), shift="D", skill="RN", minimum=1,
                                     target=2, weight=3.5)
    assert p.demand[1] == DemandItem(day=date(2026, 4, 2), shift="N", skill="", minimum=2)


def test_demand_wide_layout_by_date_with_skill_columns(make_xlsx):
    sheets = base_sheets()
    sheets["Demand"] = [
        ["Date", "D", "D:RN", "E", "Notes"],
        [datetime(2026, 4, 1), 2, 1, 1, "anything"],
        [datetime(2026, 4, 2), 0, None, 3, None],
    ]
    p = read_problem(make_xlsx(sheets))
    assert demand_map(p) == {
        (date(2026, 4, 1), "D", ""): (2, None),
        (date(2026, 4, 1), "D", "RN"): (1, None),
        (date(2026, 4, 1), "E", ""): (1, None),
        (date(2026, 4, 2), "E", ""): (3, None),  # the 0 makes no item
    }


def test_weekday_pattern_expands_with_holiday_row(make_xlsx):
    sheets = base_sheets()
    sheets["Demand"] = [
        ["Day", "D", "N"],
        ["Mon", 3, 1], ["Tue", 3, 1], ["Wed", 3, 1], ["Thu", 3, 1], ["Fri", 3, 1],
        ["Sat", 2, 1], ["Sun", 2, 1],
        ["Holiday", 1, 1],
        [datetime(2026, 4, 15), 5, None],  # a dated row overrides the pattern for D only
    ]
    p = read_problem(make_xlsx(sheets))
    m = demand_map(p)
    assert len(p.demand) == 60
    assert m[date(2026, 4, 1), "D", ""] == (3, None)  # Wednesday
    for holiday in (2, 3, 5, 6):  # Maundy Thursday .. Easter Monday
        assert m[date(2026, 4, holiday), "D", ""] == (1, None)
    assert m[date(2026, 4, 4), "D", ""] == (2, None)  # Easter Saturday is a Saturday
    assert m[date(2026, 4, 13), "D", ""] == (3, None)  # an ordinary Monday
    assert m[date(2026, 4, 15), "D", ""] == (5, None)
    assert m[date(2026, 4, 15), "N", ""] == (1, None)


def test_weekday_pattern_without_holiday_row_uses_the_weekday(make_xlsx):
    sheets = base_sheets()
    sheets["Demand"] = [["dag", "vakt", "min"], ["man", "D", 2], ["søn", "D", 1]]
    p = read_problem(make_xlsx(sheets))
    days = sorted(d.day for d in p.demand)
    assert date(2026, 4, 6) in days  # Easter Monday is still a Monday
    assert len(days) == 4 + 4  # four Mondays and four Sundays in April 2026


# ---------------------------------------------------------------------------------------------
# Languages and date spellings


def test_norwegian_sheet_and_column_names(make_xlsx):
    sheets = {
        "Innstillinger": [["Innstilling", "Verdi"], ["Måned", "2026-04"], ["Ukestart", "søndag"],
                          ["Tariffbundet", "nei"], ["Søndagsarbeid nødvendig", "ja"]],
        "VAKTER": [["Kode", "Navn", "Start", "Slutt", "Pause", "Pause er arbeidstid"],
                   ["D", "Dag", "7.30", "1530", 30, "nei"]],
        "ansatte": [["Ansattnr", "Navn", "Stilling %", "Ferdigheter", "Nattarbeid tillatt"],
                    ["1", "Kari", "80 %", "SP", "nei"], ["2", "Ola", 0.5, "HF", "ja"]],
        "Bemanning": [["Dato", "Vakt", "Ferdighet", "Min", "Mål"], ["01.04.2026", "D", "SP", 1, 1]],
        "Ønsker": [["Ansatt", "Fra", "Til", "Type"], ["1", "2026-04-10", "2026-04-12", "fri"]],
        "Faste": [["Ansatt", "Dato", "Vakt"], ["2", "2026-04-03", "FRI"]],
        "Avtaler": [["Gjelder", "Paragraf", "Nivå", "Parameter", "Verdi"],
                    ["alle", "§ 10-8", "T3b", "daily_rest_hours", 10]],
    }
    p = read_problem(make_xlsx(sheets))
    s = p.shift("D")
    assert (s.start, s.end, s.break_counts_as_work) == (time(7, 30), time(15, 30), False)
    assert p.settings.week_start == 6 and p.settings.tariff_bound is False
    assert p.settings.sunday_work_permitted_by_nature is True
    assert p.settings.night_work_permitted_by_nature is None
    assert p.employee("1").position_pct == 80 and not p.employee("1").night_work_allowed
    assert p.employee("2").position_pct == 50
    assert p.requests[0].kind == RequestKind.day_off
    assert (p.requests[0].start, p.requests[0].end) == (date(2026, 4, 10), date(2026, 4, 12))
    assert p.fixed[0].shift == "OFF"
    assert p.agreements[0].tier == Tier.T3b_NONTARIFF_REPS
    assert p.agreements[0].employee is None and p.agreements[0].params == {"daily_rest_hours": 10}


def test_serial_iso_and_norwegian_dates(make_xlsx):
    sheets = base_sheets()
    serial = int(to_excel(datetime(2026, 4, 3)))
    assert serial == 46115
    sheets["Settings"] = [["key", "value"], ["start", to_excel(datetime(2026, 4, 1))],
                          ["end", "30.04.2026"]]
    sheets["Demand"] = [
        ["date", "shift", "min"],
        [serial, "D", 1],  # a serial number
        ["2026-04-04", "D", 1],  # ISO text
        ["5.4.2026", "D", 1],  # Norwegian short text
        [datetime(2026, 4, 6, 0, 0), "D", 1],  # a real date cell
    ]
    p = read_problem(make_xlsx(sheets))
    assert p.settings.start == date(2026, 4, 1) and p.settings.end == date(2026, 4, 30)
    assert [d.day.day for d in p.demand] == [3, 4, 5, 6]


def test_start_without_end_gives_one_calendar_month(make_xlsx):
    sheets = base_sheets()
    sheets["Settings"] = [["start", "2026-03-16"]]
    sheets["Demand"] = [["date", "shift", "min"], ["2026-04-15", "D", 1]]
    p = read_problem(make_xlsx(sheets))
    assert (p.settings.start, p.settings.end) == (date(2026, 3, 16), date(2026, 4, 15))


def test_month_typed_into_excel_becomes_a_date_cell(make_xlsx):
    sheets = base_sheets()
    sheets["Settings"] = [["month", datetime(2026, 4, 1)], ["night_start", time(22, 0)],
                          ["night_end", 0.25], ["week_start", 2], ["full_time_hours", "35,5"]]
    p = read_problem(make_xlsx(sheets))
    assert p.settings.end == date(2026, 4, 30)
    assert (p.settings.night_start, p.settings.night_end) == (time(22), time(6))
    assert p.settings.week_start == 2 and p.settings.full_time_hours == 35.5


# ---------------------------------------------------------------------------------------------
# Requests, fixed, history, agreements, weights


def test_requests_fixed_history_agreements_and_weights(make_xlsx):
    sheets = base_sheets()
    sheets["Requests"] = [
        ["employee", "date", "from", "to", "kind", "shift", "weight"],
        ["A", None, "2026-03-28", "2026-04-03", "unavailable", None, None],  # clipped
        ["B", "2026-04-08", None, None, "shift_wish", "N", 2],
        ["C", "2026-04-09", None, None, "avoid shift", "d", None],
    ]
    sheets["Fixed"] = [["employee", "date", "shift"], ["B", "2026-04-20", "N"]]
    sheets["History"] = [
        ["employee", "start", "end", "kind", "break_minutes", "overtime_ytd_hours",
         "last_sunday_worked"],
        ["A", "2026-03-31 22:00", "08:00", "overtime", 30, None, None],
        ["B", datetime(2026, 3, 29, 7, 30), datetime(2026, 3, 29, 15, 30), None, None, 12.5,
         "2026-03-29"],
        ["C", None, None, None, None, 3, None],
    ]
    sheets["Agreements"] = [
        ["scope", "family", "tier", "parameter", "value", "valid_from", "valid_to"],
        ["A", "10-5", "T2_INDIVIDUAL", "daily_limit_hours", 10, "2026-01-01", None],
        ["A", "10-5", "T2_INDIVIDUAL", "weekly_max_hours", 45, None, "2026-12-31"],
        ["site", datetime(2026, 10, 8), "T3_TARIFF_REPS", None, None, None, None],
    ]
    sheets["Weights"] = [["key", "value"], ["uncovered", 5000], ["request", 7]]
    p = read_problem(make_xlsx(sheets))
    r0, r1, r2 = p.requests
    assert (r0.start, r0.end, r0.kind) == (date(2026, 4, 1), date(2026, 4, 3),
                                           RequestKind.unavailable)
    assert (r1.kind, r1.shift, r1.weight) == (RequestKind.shift_wish, "N", 2)
    assert (r2.kind, r2.shift) == (RequestKind.avoid_shift, "D")
    assert p.fixed[0].shift == "N"
    h0, h1 = p.history
    assert h0.kind == PeriodKind.overtime
    assert (h0.start.isoformat(), h0.end.isoformat()) == (
        "2026-03-31T22:00:00+02:00", "2026-04-01T08:00:00+02:00")
    assert h1.kind == PeriodKind.planned and h1.break_minutes == 0
    eh = {e.employee: e for e in p.employee_history}
    assert eh["B"].overtime_ytd_hours == 12.5 and eh["B"].last_sunday_worked == date(2026, 3, 29)
    assert eh["C"].overtime_ytd_hours == 3 and eh["C"].last_sunday_worked is None
    a_ind, a_site = p.agreements
    assert a_ind.employee == "A" and a_ind.family == "10-5"
    assert a_ind.params == {"daily_limit_hours": 10, "weekly_max_hours": 45}
    assert (a_ind.valid_from, a_ind.valid_to) == (date(2026, 1, 1), date(2026, 12, 31))
    assert (a_site.employee, a_site.family, a_site.params) == (None, "10-8", {})
    assert p.weights.uncovered == 5000 and p.weights.request == 7
    assert p.weights.fairness == 20  # untouched default


def test_agreement_at_the_bound_passes_and_just_over_fails(make_xlsx):
    sheets = base_sheets()
    sheets["Agreements"] = [
        ["scope", "family", "tier", "parameter", "value"],
        ["A", "10-5", "T2_INDIVIDUAL", "daily_limit_hours", 10],
    ]
    assert read_problem(make_xlsx(sheets, "ok.xlsx")).agreements[0].params == {
        "daily_limit_hours": 10}
    sheets["Agreements"][1][4] = 10.25
    found = issues_of(make_xlsx(sheets, "over.xlsx"))
    assert [(s, c) for s, c, _ in found] == [("Agreements", "E2")]
    assert "above the ceiling of 10.0" in found[0][2]
    assert "T3_TARIFF_REPS would allow it" in found[0][2]


def test_t3_needs_tariff_bound(make_xlsx):
    sheets = base_sheets()
    sheets["Settings"].append(["tariff_bound", "no"])
    sheets["Agreements"] = [["scope", "family", "tier"], ["site", "10-8", "T3_TARIFF_REPS"]]
    found = issues_of(make_xlsx(sheets))
    assert [(s, c) for s, c, _ in found] == [("Agreements", "C2")]


def test_validation_error_from_the_model_lands_on_the_cell(make_xlsx):
    sheets = base_sheets()
    sheets["Shifts"].append(["S", "Short", "10:00", "10:30", 30, "yes"])
    found = issues_of(make_xlsx(sheets))
    assert found == [("Shifts", "E5", "break is as long as the shift")]


# ---------------------------------------------------------------------------------------------
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


def test_wide_layout_reports_unknown_code_headers_and_ignores_note_columns(make_xlsx):
    sheets = base_sheets()
    sheets["Demand"] = [["Date", "D", "Dx", "N:ICU", "Sum"],
                        ["2026-04-01", 1, 1, 1, 3]]
    found = issues_of(make_xlsx(sheets))
    assert [(s, c) for s, c, _ in found] == [("Demand", "C1"), ("Demand", "D1")]
    assert "unknown shift code 'Dx'" in found[0][2]
    assert "no employee has the skill 'ICU'" in found[1][2]


def test_family_spellings(make_xlsx):
    sheets = base_sheets()
    sheets["Agreements"] = [
        ["scope", "family", "tier"],
        ["A", 10.5, "T2"],
        ["B", "§ 10-5", "individuell"],
        ["C", datetime(2026, 5, 10), "T2"],  # Norwegian Excel turned 10-5 into 10 May
        ["site", 10.1, "T3"],  # 10-10 typed as a number
    ]
    p = read_problem(make_xlsx(sheets))
    assert [(a.employee, a.family, a.tier) for a in p.agreements] == [
        ("A", "10-5", Tier.T2_INDIVIDUAL), ("B", "10-5", Tier.T2_INDIVIDUAL),
        ("C", "10-5", Tier.T2_INDIVIDUAL), (None, "10-10", Tier.T3_TARIFF_REPS)]


def test_conflicting_horizon_and_fixed_on_unavailable_day(make_xlsx):
    sheets = base_sheets()
    sheets["Settings"].append(["start", "2026-04-01"])
    sheets["Requests"] = [["employee", "date", "kind"], ["A", "2026-04-03", "ferie"]]
    sheets["Fixed"] = [["employee", "date", "shift"], ["A", "2026-04-03", "D"]]
    found = issues_of(make_xlsx(sheets))
    assert [(s, c) for s, c, _ in found] == [("Settings", "B3"), ("Fixed", "C2")]
    sheets["Settings"].pop()
    found = issues_of(make_xlsx(sheets, "b.xlsx"))
    assert [(s, c) for s, c, _ in found] == [("Fixed", "C2")]
    assert "unavailable that day (Requests row 2)" in found[0][2]


def test_wide_layout_with_blank_corner_cell(make_xlsx):
    sheets = base_sheets()
    sheets["Demand"] = [[None, "D", "N"], ["Mon", 2, 1], ["2026-04-07", 1, None]]
    p = read_problem(make_xlsx(sheets))
    m = demand_map(p)
    assert m[date(2026, 4, 13), "D", ""] == (2, None)
    assert m[date(2026, 4, 7), "D", ""] == (1, None)
    assert len(p.demand) == 4 * 2 + 1
