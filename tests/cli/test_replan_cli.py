"""``roster replan`` end to end (issue 20): a solved roster re-planned after a sick call from a
CSV, from a Changes sheet in Norwegian, and bad Changes rows (every error with its cell)."""

from __future__ import annotations

import json
from datetime import date, time, timedelta
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from openpyxl import Workbook

from scheduler.cli import main
from scheduler.io.write.printing import LINE_POINTS, MAX_WIDTH
from tests import budgets

WORK = budgets.cli(3.0)
START = date(2026, 6, 1)  # a Monday
DAYS = 14


def _planning(path: Path, changes: list[list[object]] | None = None) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Settings"
    for row in (["key", "value"], ["site_name", "Test ward"], ["start", START],
                ["end", START + timedelta(days=DAYS - 1)],
                ["sunday_work_permitted_by_nature", "yes"],
                ["night_work_permitted_by_nature", "yes"]):
        ws.append(row)
    sh = wb.create_sheet("Shifts")
    sh.append(["code", "name", "start", "end", "break_minutes", "break_counts_as_work"])
    sh.append(["D", "Day", time(7), time(15), 30, "yes"])
    sh.append(["E", "Evening", time(14), time(22), 30, "yes"])
    em = wb.create_sheet("Employees")
    em.append(["id", "name", "position_pct", "skills"])
    for i, pct in enumerate((100, 100, 80, 80, 60, 60), start=1):
        em.append([f"P{i}", f"Person {i}", pct, "RN"])
    de = wb.create_sheet("Demand")
    de.append(["date", "shift", "skill", "min", "target"])
    for wd in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"):
        de.append([wd, "D", "RN", 1, 1])
        de.append([wd, "E", "RN", 1, 1])
    if changes is not None:
        ch = wb.create_sheet("Endringer")
        for row in changes:
            ch.append(row)
    wb.save(path)
    return path


def run(*args: str) -> object:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def solved(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("replan")
    plan = _planning(folder / "plan.xlsx")
    pub = folder / "published.xlsx"
    result = run("solve", str(plan), "-o", str(pub), "-q", *WORK)
    assert result.exit_code == 0, result.output
    return plan, pub


def _grid(path: Path, sheet: str = "Roster") -> dict[tuple[str, int], object]:
    ws = openpyxl.load_workbook(path)[sheet]
    return {(ws.cell(r, 1).value, c): ws.cell(r, c)
            for r in range(2, 8) for c in range(3, 3 + DAYS)}


def test_a_sick_week_from_csv(solved: tuple[Path, Path], tmp_path: Path) -> None:
    plan, pub = solved
    old = {k: c.value for k, c in _grid(pub).items()}
    who = max({k[0] for k in old}, key=lambda e: sum(
        1 for (x, c), v in old.items() if x == e and c >= 10 and v in ("D", "E")))
    csv = tmp_path / "sick.csv"
    csv.write_text(f"kind;employee;from;to\nsyk;{who};2026-06-08;2026-06-12\n",
                   encoding="utf-8")
    before = plan.read_bytes()
    out = tmp_path / "new.xlsx"
    result = run("replan", str(plan), "--published", str(pub), "--changes", str(csv),
                 "--now", "2026-06-05T12:00", "-o", str(out), "--json", *WORK)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert plan.read_bytes() == before  # the input workbook is never modified
    lost = [(who, c) for (x, c), v in old.items()
            if x == who and 10 <= c <= 14 and v in ("D", "E")]
    assert data["lost"] == len(lost) > 0
    assert data["violations"] == 0
    changed = {(c["employee"], c["date"]) for c in data["changes"]}
    for _, col in lost:
        assert (who, (START + timedelta(days=col - 3)).isoformat()) in changed
    assert data["changed"] == len(data["changes"]) <= 3 * len(lost)
    # 2026-06-08 is 2 days and 20 hours after now: within the 14-day notice
    assert all(c["within_notice"] for c in data["changes"] if c["date"] <= "2026-06-18")
    wb = openpyxl.load_workbook(out)
    sheet = wb["Changes"]
    assert sheet.cell(2, 1).value == "Employee"
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=3)]
    assert len(rows) == data["changed"]
    assert all(r[7] == "yes" and "§ 10-3" in r[8] for r in rows if r[7] == "yes")
    # read and printed whole: headers wrap, the note column is wide enough for two lines
    assert all(c.alignment.wrap_text for c in sheet[2] if c.value)
    assert sheet.column_dimensions["I"].width == MAX_WIDTH
    for r in range(3, 3 + len(rows)):
        height = sheet.row_dimensions[r].height
        assert height is None or height <= 3 * LINE_POINTS, (r, height)
    grid = _grid(out)
    for ch in data["changes"]:
        col = 3 + (date.fromisoformat(ch["date"]) - START).days
        cell = grid[(ch["employee"], col)]
        assert cell.fill.fgColor.rgb.endswith("FFD966")
        assert f"published: {ch['old'] or 'day off'}" in cell.comment.text
    unchanged = [k for k in grid if (k[0], (START + timedelta(days=k[1] - 3)).isoformat())
                 not in changed]
    away = grid[(who, 3 + 7)].comment.text  # 8 June: the absence's row, not a Requests row
    assert away.startswith("sick: 2026-06-08 to 2026-06-12 (sick!A2)"), away

    def work(v: object) -> object:  # day-off marks (F1 ..., UT) are not shifts
        return v if v in ("D", "E") else None

    assert all(work(grid[k].value) == work(old[k]) for k in unchanged)


def test_no_changes_sheet_leaves_the_roster_as_published(solved: tuple[Path, Path],
                                                         tmp_path: Path) -> None:
    plan, pub = solved
    out = tmp_path / "same.xlsx"
    result = run("replan", str(plan), "--published", str(pub), "--now", "2026-06-03T06:00",
                 "-o", str(out), "--json", *WORK)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    # nothing changed, so no day is within a change's reach: the roster stands as published
    assert data["changes"] == [] and data["changed"] == 0
    assert openpyxl.load_workbook(out)["Changes"].cell(2, 1).value == "Employee"


def test_a_norwegian_changes_sheet(solved: tuple[Path, Path], tmp_path: Path) -> None:
    _, pub = solved
    plan = _planning(tmp_path / "plan_nb.xlsx", [
        ["Type", "Ansatt", "Fra", "Til", "Dato", "Vakt", "Kompetanse", "Endring"],
        ["kurs", "P1", "2026-06-10", "2026-06-10", None, None, None, None],
        ["fast", "P2", None, None, "2026-06-11", "fri", None, None],
        ["bemanning", None, None, None, "2026-06-12", "D", "RN", "+1"],
        ["nå", None, None, None, "2026-06-06 08:00", None, None, None],
    ])
    out = tmp_path / "new_nb.xlsx"
    result = run("replan", str(plan), "--published", str(pub), "-o", str(out), "--lang", "nb",
                 *WORK)
    assert result.exit_code == 0, result.output
    assert "celler endret" in result.output
    wb = openpyxl.load_workbook(out)
    names = wb.sheetnames
    assert "Endringer" in names  # the input sheet is kept ...
    mine = [n for n in names if n.startswith("Endringer") and n != "Endringer"]
    assert len(mine) == 1  # ... and the output's own Changes sheet sits beside it
    assert wb[mine[0]].cell(2, 1).value == "Ansatt"
    grid = _grid(out, "Turnus")
    assert grid[("P1", 3 + 9)].value in (None, "UT")
    assert grid[("P2", 3 + 10)].value in (None, "F1", "F2", "F3", "F4", "F5", "-")
    d_cover = sum(1 for (e, c), cell in grid.items() if c == 3 + 11 and cell.value == "D")
    assert d_cover == 2


def test_bad_changes_rows_give_every_error_with_its_cell(solved: tuple[Path, Path],
                                                         tmp_path: Path) -> None:
    plan, pub = solved
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "kind,employee,from,to,date,shift,skill,change\n"
        "sick,NOBODY,2026-06-08,2026-06-09,,,,\n"       # row 2: unknown employee (B2)
        "holiday,P1,2026-06-08,,,,,\n"                  # row 3: unknown kind (A3)
        "demand,,,,2026-06-09,X,,+1\n"                  # row 4: unknown shift (F4)
        "demand,,,,2026-07-09,D,,+1\n"                  # row 5: outside the horizon (E5)
        "pin,P1,,,2026-06-09,,,\n"                      # row 6: shift missing (F6)
        "demand,,,,2026-06-09,D,,lots\n"                # row 7: not a number (H7)
        "sick,P2,2026-06-10,2026-06-08,,,,\n",          # row 8: ends before it starts (D8)
        encoding="utf-8")
    out = tmp_path / "never.xlsx"
    result = CliRunner().invoke(main, ["replan", str(plan), "--published", str(pub),
                                       "--changes", str(bad), "--now", "2026-06-05T12:00",
                                       "-o", str(out), *WORK], catch_exceptions=False)
    assert result.exit_code == 2
    text = result.output
    for cell in ("B2", "A3", "F4", "E5", "F6", "H7", "D8"):
        assert f"!{cell}" in text or f" {cell}" in text or f"{cell}:" in text, (cell, text)
    assert "NOBODY" in text and "holiday" in text and "'X'" in text
    assert "Traceback" not in text
    assert not out.exists()


def test_a_bad_now_and_a_missing_file_exit_2(solved: tuple[Path, Path], tmp_path: Path) -> None:
    plan, pub = solved
    result = run("replan", str(plan), "--published", str(pub), "--now", "soon",
                 "-o", str(tmp_path / "x.xlsx"), *WORK)
    assert result.exit_code == 2 and "soon" in result.output
    result = run("replan", str(plan), "--published", str(pub), "--now", "2026-07-01T00:00",
                 "-o", str(tmp_path / "x.xlsx"), *WORK)
    assert result.exit_code == 2 and "after the horizon" in result.output
    result = run("replan", str(plan), "--published", str(tmp_path / "nope.xlsx"),
                 "-o", str(tmp_path / "x.xlsx"), *WORK)
    assert result.exit_code == 2 and "nope.xlsx" in result.output


def test_help_teaches_with_an_example() -> None:
    result = run("replan", "--help")
    assert result.exit_code == 0
    assert "roster replan ward.xlsx --published" in result.output
    assert "§ 10-3" in result.output


def test_the_bundled_ward_changes_read_against_the_ward(tmp_path: Path) -> None:
    from datetime import datetime

    from instances.generate import build_ward_changes
    from scheduler.clock import TZ
    from scheduler.io.read.changes import read_changes
    from scheduler.io.read.workbook import read_problem

    here = Path(__file__).resolve().parents[2] / "instances"
    ward = read_problem(here / "ward.xlsx")
    changes = read_changes(here / "ward_changes.xlsx", ward)
    assert changes.now == datetime(2026, 4, 10, 12, 0, tzinfo=TZ)
    assert [(a.employee, a.start, a.end, a.kind.value) for a in changes.absences] == [
        ("W04", date(2026, 4, 13), date(2026, 4, 19), "sick")]
    assert [(d.day, d.shift, d.skill, d.delta) for d in changes.demand] == [
        (date(2026, 4, 21), "D", "RN", 1)]
    assert [(p.employee, p.day, p.shift) for p in changes.pins] == [
        ("W16", date(2026, 4, 25), "OFF")]
    # the committed file is what the generator writes
    build_ward_changes().save(tmp_path / "fresh.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "fresh.xlsx").active
    committed = openpyxl.load_workbook(here / "ward_changes.xlsx").active
    assert [[c.value for c in r] for r in ws.iter_rows()] == \
        [[c.value for c in r] for r in committed.iter_rows()]


def test_what_of_the_published_roster_is_not_read_is_said(solved: tuple[Path, Path],
                                                           tmp_path: Path) -> None:
    plan, pub = solved
    wb = openpyxl.load_workbook(pub)
    wb["Roster"].cell(row=3, column=30, value="swap with P3?")  # a note beside the grid
    noted = tmp_path / "noted.xlsx"
    wb.save(noted)
    result = CliRunner().invoke(main, ["replan", str(plan), "--published", str(noted), "--now",
                                       "2026-06-05T12:00", "-o", str(tmp_path / "n.xlsx"),
                                       *WORK], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "--published: not read: AD3" in result.output
    # a Changes sheet in WORKBOOK beside --changes: said not to be read
    nb_plan = _planning(tmp_path / "with_sheet.xlsx", [["kind", "employee", "from"],
                                                       ["sick", "P1", "2026-06-10"]])
    csv = tmp_path / "none.csv"
    csv.write_text("kind,employee,from\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["replan", str(nb_plan), "--published", str(pub),
                                       "--changes", str(csv), "--now", "2026-06-05T12:00",
                                       "-o", str(tmp_path / "m.xlsx"), *WORK],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "not read: the sheet 'Endringer' of WORKBOOK" in result.output


def test_bad_changes_rows_in_norwegian(solved: tuple[Path, Path], tmp_path: Path) -> None:
    from tests.english_text import english_in

    plan, pub = solved
    bad = tmp_path / "feil.csv"
    bad.write_text("Type;Ansatt;Fra;Til;Dato;Vakt\nsyk;INGEN;2026-06-08;;;\nferie;P1;;;;\n"
                   "fast;P1;;;2026-06-09;X\nsyk;;2026-06-08;;;\n", encoding="utf-8")
    result = run("replan", str(plan), "--published", str(pub), "--changes", str(bad),
                 "--now", "2026-06-05T12:00", "-o", str(tmp_path / "n.xlsx"), "--lang", "nb",
                 *WORK)
    assert result.exit_code == 2
    assert "ukjent ansatt 'INGEN'" in result.output
    assert "ukjent type 'ferie'" in result.output
    assert "ukjent vaktkode 'X'" in result.output
    assert "Ansatt mangler" in result.output  # the column named as the Norwegian sheet names it
    assert english_in(result.output) == [], result.output
