"""``roster solve`` marks days off F1/F2/F3; the solved workbook reads back through
``roster check`` without marking warnings; Norwegian output with ``--lang nb``."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from datetime import date, time, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook, load_workbook

from scheduler.cli import main
from scheduler.io.write import workbook as rw
from scheduler.model import (
    EmployeeHistory,
    Problem,
    Settings,
    ShiftType,
    roster_from_assignments,
)
from scheduler.solution import Assignment, Solution, SolveOptions
from scheduler.turnus_marks import turnus_marks
from tests import budgets
from tests.rosterkit import employee

START, END = date(2026, 3, 2), date(2026, 3, 15)  # Monday .. Sunday, two full weeks
DAYS = [START + timedelta(days=i) for i in range(14)]
SHIFTS = (ShiftType(code="D", name="Day", start=time(7), end=time(15)),
          ShiftType(code="E", name="Evening", start=time(14), end=time(22)))


def _problem(**settings: object) -> Problem:
    return Problem(
        settings=Settings(start=START, end=END, **settings),  # type: ignore[arg-type]
        shifts=SHIFTS,
        employees=(employee("E1", position_pct=100), employee("E2", position_pct=100),
                   employee("E3", position_pct=50), employee("E4", position_pct=50)),
        employee_history=(EmployeeHistory(employee="E3", last_sunday_worked=date(2026, 3, 1)),),
    )


def _assignments() -> dict[tuple[str, date], str]:
    a: dict[tuple[str, date], str] = {}
    # E1: Mon-Fri days and Sunday 8 (evening) in week 1; Mon-Thu in week 2; Sunday 15 off.
    a.update({("E1", d): "D" for d in DAYS[0:5]})
    a[("E1", DAYS[6])] = "E"
    a.update({("E1", d): "D" for d in DAYS[7:11]})
    # E2: Mon-Fri both weeks.
    a.update({("E2", d): "D" for d in DAYS[0:5] + DAYS[7:12]})
    # E3: worked Sunday 1 March (history); Tue-Thu in week 1, Tue-Wed in week 2.
    a.update({("E3", d): "E" for d in DAYS[1:4] + DAYS[8:10]})
    # E4: nothing in week 2.
    a.update({("E4", d): "D" for d in DAYS[0:3]})
    return a


def test_marks_f1_once_per_full_week_f3_after_sunday_work_and_f2_next_to_f1() -> None:
    problem = _problem()
    marks = turnus_marks(problem, roster_from_assignments(problem, _assignments()))
    per_week = Counter((e, (d - START).days // 7) for (e, d), c in marks.items() if c == "F1")
    assert per_week == {("E1", 0): 1, ("E1", 1): 1, ("E2", 0): 1, ("E2", 1): 1,
                        ("E3", 0): 1, ("E3", 1): 1, ("E4", 0): 1}
    # E1 worked Sunday 8 March: Sunday 15 March is kept off under § 10-8 (4) -> F3.
    assert marks[("E1", date(2026, 3, 15))] == "F3"
    # E1 week 1: six days worked, Saturday the only day off -> F1 there, no F2.
    assert marks[("E1", date(2026, 3, 7))] == "F1"
    assert [c for (e, d), c in marks.items() if e == "E1" and d <= date(2026, 3, 8)] == ["F1"]
    # E1 week 2: works Mon-Thu; F1 in the long rest (not on the F3 Sunday), F2 the day after.
    assert marks[("E1", date(2026, 3, 13))] == "F1"
    assert marks[("E1", date(2026, 3, 14))] == "F2"
    # E3 worked Sunday 1 March (history): Sunday 8 March is F3.
    assert marks[("E3", date(2026, 3, 8))] == "F3"
    # No mark ever sits on a worked day; days off beyond F1/F2/F3 stay blank.
    assert not set(marks) & set(_assignments())
    assert set(marks.values()) <= {"F1", "F2", "F3"}
    assert sum(1 for (e, _), c in marks.items() if e == "E3" and c == "F2") == 2
    assert len([k for k in marks if k[0] == "E3"]) == 5  # 2 x (F1 + F2) + F3


def test_partial_weeks_get_no_f1() -> None:
    problem = Problem(settings=Settings(start=date(2026, 3, 4), end=END), shifts=SHIFTS,
                      employees=(employee("E1"),))
    a = {("E1", d): "D" for d in DAYS[2:5] + DAYS[7:12]}
    marks = turnus_marks(problem, roster_from_assignments(problem, a))
    # Week 2 only; its weekend is one rest: F1 on the Sunday, F2 the day before.
    assert [d for (_, d), c in marks.items() if c == "F1"] == [date(2026, 3, 15)]
    assert marks[("E1", date(2026, 3, 14))] == "F2"


# --------------------------------------------------------------------------------------------
# Round trip: the written workbook, read back by roster check


def _ward(path: Path, *, language: str | None = None, weeks: int = 2) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Settings"
    rows: list[list[object]] = [["key", "value"], ["site_name", "Post 4B"], ["start", START],
                                ["end", START + timedelta(days=7 * weeks - 1)],
                                ["sunday_work_permitted_by_nature", "yes"],
                                ["night_work_permitted_by_nature", "yes"]]
    if language:
        rows.append(["language", language])
    for row in rows:
        ws.append(row)
    sh = wb.create_sheet("Shifts")
    sh.append(["code", "name", "start", "end", "break_minutes", "break_counts_as_work"])
    for s in SHIFTS:
        sh.append([s.code, s.name, s.start, s.end, 30, "yes"])
    em = wb.create_sheet("Employees")
    em.append(["id", "name", "position_pct", "skills"])
    for i, pct in enumerate((100, 100, 100, 60, 60), start=1):
        em.append([f"E{i}", f"Person {i}", pct, "RN"])
    de = wb.create_sheet("Demand")
    de.append(["date", "shift", "skill", "min", "target"])
    for wd in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"):
        de.append([wd, "D", "", 1, 1])
        de.append([wd, "E", "", 1, 1])
    wb.save(path)
    return path


def _check_json(path: Path, *extra: str) -> dict:
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json", *extra])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def _marking_findings(report: dict) -> list[dict]:
    return [f for f in report["findings"] if f["rule"].startswith("TAR-")
            or (f["rule"] == "AML-10-8-2-weekly-rest" and "F1" in f["message"])]


def test_written_workbook_reads_back_without_marking_warnings(tmp_path: Path) -> None:
    book = _ward(tmp_path / "ward.xlsx")
    problem = _problem()
    asg = _assignments()
    sol = Solution(status="FEASIBLE", roster=roster_from_assignments(problem, asg),
                   assignments=[Assignment(employee=e, day=d, shift=c)
                                for (e, d), c in sorted(asg.items())])
    out = tmp_path / "ward.roster.xlsx"
    run = rw.RunInfo(book, hashlib.sha256(book.read_bytes()).hexdigest(), SolveOptions())
    rw.write_roster_workbook(problem, sol, [], run, out)
    grid = load_workbook(out)["Roster"]
    assert grid.cell(row=2, column=3 + 5).value == "F1"  # E1, Saturday 7 March
    assert grid.cell(row=3, column=3 + 6).value == "F1"  # E2, Sunday 8 March
    report = _check_json(out)
    assert _marking_findings(report) == []
    # A planner who moves an F1 onto a worked week's short rest is told.
    wb = load_workbook(out)
    ws = wb["Roster"]
    ws.cell(row=3, column=3 + 5).value = "F1"  # E2: a second F1 in week 1 (Sunday is F1)
    wb.save(tmp_path / "edited.xlsx")
    rules = {f["rule"] for f in _marking_findings(_check_json(tmp_path / "edited.xlsx"))}
    assert rules == {"TAR-f1-weekly-rest-marking"}


@pytest.fixture(scope="module")
def solved_nb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    book = _ward(tmp_path_factory.mktemp("solve") / "ward.xlsx", weeks=3)
    result = CliRunner().invoke(main, ["solve", str(book), *budgets.cli(1.0),
                                       "--lang", "nb"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "Dekning:" in result.stdout and "Kontroll:" in result.stdout
    return book.with_name("ward.roster.xlsx")


def test_solve_marks_f1_in_every_full_week_and_reads_back_clean(solved_nb: Path) -> None:
    wb = load_workbook(solved_nb)
    ws = wb["Turnus"]
    days = [ws.cell(row=1, column=c).value.date() for c in range(3, 3 + 21)]
    shift_codes = {s.code for s in SHIFTS}
    for r in range(2, 7):
        cells = [ws.cell(row=r, column=c).value for c in range(3, 3 + 21)]
        for w in range(3):
            week = cells[7 * w:7 * w + 7]
            if shift_codes & set(week):
                assert week.count("F1") == 1, (ws.cell(row=r, column=1).value, days[7 * w], week)
        assert set(cells) <= shift_codes | {"F1", "F2", "F3", None}
    assert _marking_findings(_check_json(solved_nb)) == []


def test_solve_in_norwegian_writes_norwegian_sheets(solved_nb: Path) -> None:
    wb = load_workbook(solved_nb)
    assert wb.sheetnames[-5:] == ["Turnus", "Dekning", "Timer", "Brudd", "Sammendrag"]
    ws = wb["Turnus"]
    assert [ws.cell(row=1, column=c).value for c in (1, 2)] == ["Ansatt", "Navn"]
    column_a = [ws.cell(row=r, column=1).value for r in range(1, ws.max_row + 1)]
    assert "Tegnforklaring" in column_a and "Koder for fridager" in column_a
    legend = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2).value
              for r in range(1, ws.max_row + 1)}
    assert legend["F1"].startswith("Ukefridag") and legend["F3"].startswith("Helgedagsfri")
    assert [c.value for c in wb["Dekning"][1]][:3] == ["Dato", "Ukedag", "Vakt"]
    assert wb["Timer"]["C1"].value == "Uke fra"
    assert [c.value for c in wb["Brudd"][1]][:2] == ["Alvorlighet", "Regel"]
    summary = {r[0]: r[1] for r in wb["Sammendrag"].iter_rows(min_row=2, values_only=True)
               if r[0]}
    assert summary["Brudd funnet av kontrollen"] == 0 and summary["Enhet"] == "Post 4B"
    # Findings (warnings here) are Norwegian sentences; rule ids stay.
    rows = list(wb["Brudd"].iter_rows(min_row=2, values_only=True))
    for row in rows:
        if row[1]:
            assert row[0] in ("advarsel", "brudd") and row[1].startswith(("AML-", "TAR-"))


# --------------------------------------------------------------------------------------------
# roster check --lang nb


def _grid(path: Path, language: str | None = None) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Roster"
    ws.append(["Employee", "Name", *DAYS[:7]])
    ws.append(["E1", "Kari", "E", "D", "D", "D", "D", "F2", "F3"])  # quick return; F3 on Sunday
    ws.append(["E2", "Ola", "D", "D", "D", "D", "D", "D", "D"])  # no F1, no weekly rest
    sh = wb.create_sheet("Shifts")
    sh.append(["code", "name", "start", "end", "break_minutes"])
    for s in SHIFTS:
        sh.append([s.code, s.name, s.start, s.end, 30])
    if language:
        st = wb.create_sheet("Settings")
        st.append(["key", "value"])
        st.append(["language", language])
        st.append(["start", START])
        st.append(["end", DAYS[6]])
    wb.save(path)
    return path


def test_check_in_norwegian_json_keeps_ids_and_keys(tmp_path: Path) -> None:
    path = _grid(tmp_path / "turnus.xlsx")
    en_report = _check_json(path)
    nb_report = _check_json(path, "--lang", "nb")
    assert list(nb_report) == list(en_report)
    assert nb_report["summary"] == en_report["summary"]
    assert {"AML-10-8-1-daily-rest", "AML-10-8-2-weekly-rest",
            "TAR-f1-weekly-rest-marking"} <= set(nb_report["summary"])
    assert len(nb_report["findings"]) == len(en_report["findings"])
    for f_en, f_nb in zip(en_report["findings"], nb_report["findings"], strict=True):
        assert list(f_nb) == list(f_en)
        assert {k: v for k, v in f_nb.items() if k != "message"} == {
            k: v for k, v in f_en.items() if k != "message"}
        assert f_nb["message"] != f_en["message"]
    messages = " ".join(f["message"] for f in nb_report["findings"])
    for word in ("hvile", "kreves", "Ingen F1 (ukefridag)", "døgnet fra"):
        assert word in messages
    for word in (" required", "Longest", "continuous rest"):
        assert word not in messages


def test_settings_language_nb_is_used_and_lang_en_overrides_it(tmp_path: Path) -> None:
    path = _grid(tmp_path / "turnus.xlsx", language="nb")
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 1
    assert "brudd og" in result.stdout and "Sammendrag (regel: antall):" in result.stdout
    assert "[brudd] AML-10-8-1-daily-rest" in result.stdout
    english = CliRunner().invoke(main, ["check", str(path), "--lang", "en"])
    assert "Summary (rule: count):" in english.stdout and "[violation]" in english.stdout


def test_check_xlsx_report_in_norwegian(tmp_path: Path) -> None:
    path = _grid(tmp_path / "turnus.xlsx")
    out = tmp_path / "funn.xlsx"
    result = CliRunner().invoke(main, ["check", str(path), "--format", "xlsx", "-o", str(out),
                                       "--lang", "nb"])
    assert result.exit_code == 1 and "Rapporten er skrevet til" in result.stdout
    wb = load_workbook(out)
    assert wb.sheetnames == ["Funn", "Turnus", "Kontroll"]
    assert wb["Funn"]["A1"].value == "Alvorlighet" and wb["Funn"]["K1"].value == "Melding"
