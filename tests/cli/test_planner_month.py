"""Issue 14, done when: a planner's first month (25 staff, Norwegian sheets, vacations, History
with December Sundays and a New Year night, a 9.5 h night shift with and without a § 10-5
agreement) solves with exit 0, every uncovered demand explained, and no false "bug" message."""

from __future__ import annotations

import json
import re
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from instances.generate import build_planner_month
from scheduler.cli import main
from scheduler.io.excel import safe_save
from tests import budgets

# One worker and a work budget (tests/budgets.py): the roster is the same on any machine. With
# the night agreement the first roster needs 0.35-0.45 units (measured: none at 0.35, every
# assertion below holds at 0.45); 1.0 leaves twice that.
SOLVE = [*budgets.cli(1.0), "--seed", "3"]


def _book(tmp_path: Path, night_agreement: bool) -> Path:
    return safe_save(build_planner_month(night_agreement), tmp_path / f"jan_{night_agreement}.xlsx")


def test_validate_explains_the_nights_and_history_before_solving(tmp_path: Path) -> None:
    path = _book(tmp_path, night_agreement=False)
    result = CliRunner().invoke(main, ["validate", str(path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [(h["rule"], h["employee"]) for h in data["history_breaches"]] == [
        ("AML-10-8-4-next-sunday-off", "1011")]
    (night,) = data["unstaffable"]
    assert (night["shift"], night["skill"], night["person_shifts"], len(night["days"])) == (
        "N", "SYP", 62, 31)
    assert night["reasons"][0]["paragraph"] == "§ 10-4 (1)"
    assert night["reasons"][0]["allowed_by"] == "T2_INDIVIDUAL"
    assert any("§ 10-4 (1)" in w and "T2_INDIVIDUAL" in w for w in data["warnings"])
    # with the agreement every night can be worked by someone
    data = json.loads(CliRunner().invoke(
        main, ["validate", str(_book(tmp_path, True)), "--json"]).output)
    assert data["unstaffable"] == []


@pytest.mark.parametrize("night_agreement", [False, True])
def test_the_month_solves_with_exit_0_and_every_shortfall_explained(
        tmp_path: Path, night_agreement: bool) -> None:
    path = _book(tmp_path, night_agreement)
    out = tmp_path / "roster.xlsx"
    result = CliRunner().invoke(main, ["solve", str(path), "-o", str(out), *SOLVE])
    assert result.exit_code == 0, result.output
    text = result.output
    assert "feil i aml-roster" not in text.lower() and "bug" not in text.lower()
    assert "Historikken bryter allerede § 10-8 (4) for 1011" in text
    wb = openpyxl.load_workbook(out)
    ws = wb["Dekning"]
    head = [c.value for c in ws[1]]
    col = {h: i for i, h in enumerate(head) if h}
    short = [r for r in ws.iter_rows(min_row=2, values_only=True)
             if r[col["Mangler"]]]
    assert all(r[col["Hvorfor udekket"]] for r in short)  # every shortfall says why
    if night_agreement:  # only what the contract hours cannot cover stays open
        for r in short:
            full = re.search(r"(\d+) har nådd avtalt stilling", r[col["Hvorfor udekket"]])
            assert full and int(full.group(1)) >= 1, r
        assert len(short) <= 10
    else:
        assert {r[col["Vakt"]] for r in short} == {"N"} and len(short) == 31
        assert all("§ 10-4 (1)" in r[col["Hvorfor udekket"]] for r in short)
        assert "§ 10-4 (1)" in text and "T2_INDIVIDUAL" in text
    wishes = list(wb["Ønsker innfridd"].iter_rows(min_row=2, values_only=True))
    assert [w[0] for w in wishes] == [4, 5, 6, 7]  # the four wishes (1-3 are absences)
    assert all(w[6] == "ja" or w[7] for w in wishes)  # a wish not granted says why
    turnus = wb["Turnus"]
    top = [c.value for c in turnus[1]]
    dev = top.index("Avvik")
    # part-timers within one shift (9.5 h, the longest) of their contract (issue 14 item 5)
    devs = [r[dev] for r in turnus.iter_rows(min_row=2, max_row=26, values_only=True)]
    assert len(devs) == 25 and max(devs) <= 9.5 + 0.5
    timer = wb["Timer"]
    head = [c.value for c in timer[1]]
    k = head.index("Helger arbeidet")
    helger = [r[k] for r in timer.iter_rows(min_row=2, max_row=26, values_only=True)]
    assert len(helger) == 25 and all(0 <= h <= 5 for h in helger) and sum(helger) > 0
    assert {r[k + 1] for r in timer.iter_rows(min_row=2, max_row=26, values_only=True)} == {5}
    brudd = wb["Brudd"]
    rows = list(brudd.iter_rows(min_row=2, values_only=True))
    sources = {r[11] for r in rows if r[0] == "brudd"}
    assert sources == {"Historikk"}
