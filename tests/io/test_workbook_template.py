"""The annotated template: it reads back to the problem its example rows describe."""

from __future__ import annotations

from datetime import date, datetime, time

import openpyxl
import pytest
from click.testing import CliRunner

from scheduler.cli import main
from scheduler.clock import TZ
from scheduler.io import sheets as S
from scheduler.io.excel import cell_text, safe_save
from scheduler.io.read.workbook import read_problem
from scheduler.io.template import build_template, write_template
from scheduler.model import (
    Agreement,
    Contract,
    DemandItem,
    Employee,
    EmployeeHistory,
    FixedAssignment,
    HistoryPeriod,
    Problem,
    Request,
    RequestKind,
    Settings,
    ShiftType,
    Tier,
    Weights,
)


def expected_problem(lang: str) -> Problem:
    """The example rows of the template, written out by hand."""
    nurse = "RN" if lang == "en" else "SPL"  # the Norwegian template speaks of sykepleiere
    return Problem(
        settings=Settings(
            site_name="Ward 4B" if lang == "en" else "Post 4B",
            start=date(2026, 4, 1), end=date(2026, 4, 30),
            full_time_hours=35.5, tariff_bound=True,
            sunday_work_permitted_by_nature=True, night_work_permitted_by_nature=True,
            language=lang,
        ),
        shifts=(ShiftType(code="D", name="Day" if lang == "en" else "Dag", start=time(7, 30),
                          end=time(15, 30), break_minutes=30, break_counts_as_work=True),),
        employees=(Employee(id="E1", name="Kari Nordmann", position_pct=80, skills=(nurse,),
                            contract="Std"),),
        # "Mon" repeats on every Monday of April 2026 (Easter Monday included: no Holiday row)
        demand=tuple(DemandItem(day=date(2026, 4, d), shift="D", skill=nurse, minimum=1,
                                target=2) for d in (6, 13, 20, 27)),
        requests=(Request(employee="E1", start=date(2026, 4, 14), end=date(2026, 4, 14),
                          kind=RequestKind.day_off, weight=1),),
        fixed=(FixedAssignment(employee="E1", day=date(2026, 4, 15), shift="OFF"),),
        history=(HistoryPeriod(employee="E1", start=datetime(2026, 3, 31, 7, 30, tzinfo=TZ),
                               end=datetime(2026, 3, 31, 15, 30, tzinfo=TZ),
                               break_minutes=30),),
        employee_history=(EmployeeHistory(employee="E1", overtime_ytd_hours=12,
                                          last_sunday_worked=date(2026, 3, 29)),),
        agreements=(Agreement(family="10-5", tier=Tier.T2_INDIVIDUAL, employee="E1",
                              params={"daily_limit_hours": 10}, valid_from=date(2026, 1, 1),
                              valid_to=date(2026, 12, 31)),),
        contracts=(Contract(id="Std", max_shifts={"D": 20}, max_total_minutes=150 * 60,
                            max_consecutive_shifts=5, min_consecutive_days_off=2,
                            max_weekends=2),),
        weights=Weights(),
    )


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_template_round_trip(tmp_path, lang):
    path = write_template(tmp_path / "t.xlsx", lang)
    assert read_problem(path) == expected_problem(lang)


def test_template_sheets_comments_and_drop_downs(tmp_path):
    path = write_template(tmp_path / "t.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["About", "Settings", "Shifts", "Employees", "Demand", "Requests",
                             "Fixed", "History", "Agreements", "Contracts", "Weights", "Scenarios"]
    for spec in (S.SHIFTS, S.EMPLOYEES, S.DEMAND, S.REQUESTS, S.FIXED, S.HISTORY,
                 S.AGREEMENTS, S.CONTRACTS, S.SETTINGS, S.WEIGHTS):
        ws = wb[spec.en]
        headers = [c for c in ws[1] if c.value is not None]
        assert headers and all(c.comment is not None and c.comment.text for c in headers)

    def lists(title: str) -> dict[str, str]:
        return {str(dv.sqref): dv.formula1 for dv in wb[title].data_validations.dataValidation}

    assert lists("Demand")["B2:B500"] == "='Shifts'!$A$2:$A$500"
    assert lists("Fixed")["C2:C500"] == "='Shifts'!$A$2:$A$500"
    assert lists("Requests")["F2:F500"] == "='Shifts'!$A$2:$A$500"
    assert lists("Requests")["E2:E500"] == '"vacation,unavailable,day_off,shift_wish,avoid_shift"'
    assert "T2_INDIVIDUAL" in lists("Agreements")["C2:C500"]
    assert lists("Employees")["O2:O500"] == "='Contracts'!$A$2:$A$500"
    assert lists("Agreements")["B2:B500"].strip('"').split(",")[:2] == ["10-4", "10-5"]
    about = wb["About"]
    text = "\n".join(str(c.value) for c in about["A"] if c.value)
    assert "Demand" in text and "Holiday" in text


def test_template_norwegian_names(tmp_path):
    wb = openpyxl.load_workbook(write_template(tmp_path / "t.xlsx", "nb"))
    assert wb.sheetnames == ["Om", "Innstillinger", "Vakter", "Ansatte", "Bemanning", "Ønsker",
                             "Faste", "Historikk", "Avtaler", "Kontrakter", "Vekter", "Scenarier"]
    assert [c.value for c in wb["Vakter"][1]][:4] == ["Kode", "Navn", "Start", "Slutt"]


def test_formula_looking_user_text_stays_text_through_read(tmp_path):
    wb = build_template()
    ws = wb["Employees"]
    ws["B2"] = cell_text("=HYPERLINK(\"http://evil\",\"click\")")
    ws["E2"] = cell_text("-RN")
    wb["Demand"]["C2"] = cell_text("-RN")
    wb["Settings"]["B2"] = cell_text("@ward")
    path = tmp_path / "t.xlsx"
    safe_save(wb, path)
    raw = openpyxl.load_workbook(path)
    assert raw["Employees"]["B2"].data_type == "s"
    p = read_problem(path)
    assert p.employees[0].name == "=HYPERLINK(\"http://evil\",\"click\")"
    assert p.settings.site_name == "@ward"
    assert p.employees[0].skills == ("-RN",) and p.demand[0].skill == "-RN"


def test_write_template_refuses_to_overwrite(tmp_path):
    path = tmp_path / "t.xlsx"
    path.write_bytes(b"keep")
    with pytest.raises(FileExistsError):
        write_template(path)
    assert path.read_bytes() == b"keep"


def test_cli_template(tmp_path):
    runner = CliRunner()
    path = tmp_path / "ward.xlsx"
    result = runner.invoke(main, ["template", str(path)])
    assert result.exit_code == 0, result.output
    assert read_problem(path) == expected_problem("en")
    again = runner.invoke(main, ["template", str(path)])
    assert again.exit_code == 2 and "--force" in again.output
    forced = runner.invoke(main, ["template", str(path), "--force", "--lang", "nb"])
    assert forced.exit_code == 0
    assert openpyxl.load_workbook(path).sheetnames[1] == "Innstillinger"
    assert "Example" in runner.invoke(main, ["template", "--help"]).output


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_template_scenarios_read_and_apply(tmp_path, lang):
    """The template's Scenarios sheet reads (each scenario is applied once while reading), so
    `roster whatif` works on a workbook made by `roster template`."""
    from scheduler.io.read.scenarios import read_scenarios

    path = write_template(tmp_path / "t.xlsx", lang)
    scenarios = read_scenarios(path, read_problem(path))
    assert len(scenarios) == 4
    assert [len(s.changes) for s in scenarios] == [1, 1, 1, 2]  # agreement + its parameter
    if lang == "nb":
        assert scenarios[0].name == "Én sykepleier mindre"
