"""Reading the planning workbook (scheduler.io.read.workbook): the basic read, demand layouts, languages and date spellings."""

from __future__ import annotations

import hashlib
import os
from datetime import date, datetime, time

from openpyxl.utils.datetime import to_excel

from scheduler.io.read.workbook import read_parts, read_problem
from scheduler.model import DemandItem, RequestKind, Tier
from tests.conftest import base_sheets
from tests.io.reader_kit import demand_map, issues_of

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

def test_wide_layout_reports_unknown_code_headers_and_ignores_note_columns(make_xlsx):
    sheets = base_sheets()
    sheets["Demand"] = [["Date", "D", "Dx", "N:ICU", "Sum"],
                        ["2026-04-01", 1, 1, 1, 3]]
    found = issues_of(make_xlsx(sheets))
    assert [(s, c) for s, c, _ in found] == [("Demand", "C1"), ("Demand", "D1")]
    assert "unknown shift code 'Dx'" in found[0][2]
    assert "no employee has the skill 'ICU'" in found[1][2]



def test_wide_layout_with_blank_corner_cell(make_xlsx):
    sheets = base_sheets()
    sheets["Demand"] = [[None, "D", "N"], ["Mon", 2, 1], ["2026-04-07", 1, None]]
    p = read_problem(make_xlsx(sheets))
    m = demand_map(p)
    assert m[date(2026, 4, 13), "D", ""] == (2, None)
    assert m[date(2026, 4, 7), "D", ""] == (1, None)
    assert len(p.demand) == 4 * 2 + 1
