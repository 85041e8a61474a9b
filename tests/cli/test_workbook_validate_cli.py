"""``roster validate``: a summary on good input, every issue and exit 2 on bad input."""

from __future__ import annotations

import json

from click.testing import CliRunner

from scheduler.cli import main
from scheduler.cli.validate import summarise
from scheduler.io.read.workbook import read_problem
from tests.conftest import base_sheets


def test_validate_summary_plain_text(make_xlsx):
    path = make_xlsx(base_sheets())
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "no problems found" in out
    assert "2026-04-01 to 2026-04-30 (30 days)" in out
    assert "Maundy Thursday" in out and "Easter Monday" in out
    assert "D     Day      07:30-15:30  8" in out


def test_validate_json(make_xlsx):
    path = make_xlsx(base_sheets())
    result = CliRunner().invoke(main, ["validate", str(path), "--json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["employees"]["by_skill"] == {"HCA": 2, "RN": 2}
    assert data["employees"]["by_position"] == {"100 %": 1, "80 %": 1, "50 %": 1}
    assert list(data["employees"]["by_position"]) == ["100 %", "80 %", "50 %"]
    assert data["demand"]["person_shifts_min"] == 2
    assert data["demand"]["person_shifts_target"] == 3
    assert data["demand"]["hours_min"] == 15.5  # D 8 h + E 7.5 h
    # RN staff: A 100 % + B 80 % of 37.5 h over 30 days; "(any)" counts everyone
    assert data["demand"]["by_skill"]["RN"] == {
        "hours_min": 8.0, "capacity_hours": round(1.8 * 37.5 * 30 / 7, 1),
        "share_pct": round(100 * 8 / (1.8 * 37.5 * 30 / 7), 1)}
    assert data["demand"]["by_skill"]["(any)"]["hours_min"] == 7.5
    # capacity = (100 + 80 + 50) % of 37.5 h per week over 30 days
    assert data["capacity_hours"] == round(2.3 * 37.5 * 30 / 7, 1)
    assert [h["date"] for h in data["holidays"]] == ["2026-04-02", "2026-04-03", "2026-04-05",
                                                    "2026-04-06"]


def test_validate_bad_input_exits_2_with_every_issue(make_xlsx):
    sheets = base_sheets()
    sheets["Employees"].append(["A", "again", 120, "RN"])
    sheets["Demand"].append(["2026-04-02", "X", None, 1, None])
    path = make_xlsx(sheets)
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 2
    assert "2 problems in the input" in result.output
    assert "sheet 'Employees', cell A5: duplicate employee id 'A'" in result.output
    assert "sheet 'Demand', cell B4: unknown shift code 'X'" in result.output
    assert "Traceback" not in result.output


def test_validate_not_a_workbook_exits_2(tmp_path):
    bad = tmp_path / "x.xlsx"
    bad.write_text("hello")
    result = CliRunner().invoke(main, ["validate", str(bad)])
    assert result.exit_code == 2 and "not an Excel .xlsx workbook" in result.output


def test_validate_help_has_an_example():
    result = CliRunner().invoke(main, ["validate", "--help"])
    assert result.exit_code == 0 and "roster validate instances/ward.xlsx" in result.output


def test_summarise_agreements_in_force_only(make_xlsx):
    sheets = base_sheets()
    sheets["Agreements"] = [
        ["scope", "family", "tier", "parameter", "value", "valid_from", "valid_to"],
        ["A", "10-5", "T2", "daily_limit_hours", 10, "2026-01-01", "2026-03-31"],  # expired
        ["B", "10-5", "T2", "daily_limit_hours", 10, "2026-04-30", None],  # starts last day
    ]
    s = summarise(read_problem(make_xlsx(sheets)))
    assert [a["scope"] for a in s["agreements"]] == ["B"]
