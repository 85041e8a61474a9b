"""``roster candidates`` end to end: JSON, the plain table, Norwegian, errors with cells."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from click.testing import CliRunner
from openpyxl import Workbook

from scheduler.cli import main
from tests.conftest import base_sheets, write_xlsx

APRIL = [date(2026, 4, 1) + timedelta(days=i) for i in range(30)]


def files(tmp_path: Path) -> tuple[Path, Path]:
    planning = write_xlsx(tmp_path / "ward.xlsx", base_sheets())
    wb = Workbook()
    ws = wb.active
    ws.title = "Roster"
    ws.append(["Employee", "Name", *APRIL])
    row = {e: [e, n, *([None] * 30)] for e, n in (("A", "Anne"), ("B", "Bjørn"),
                                                  ("C", "Cecilie"))}
    row["A"][2 + 7] = "D"  # 8 April
    row["B"][2 + 6] = "E"  # 7 April: ends 22:30, 9 h before 07:30
    for r in row.values():
        ws.append(r)
    published = tmp_path / "published.xlsx"
    wb.save(published)
    return planning, published


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["candidates", *args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def test_json_lists_the_legal_candidates_and_why_not_the_others(tmp_path: Path) -> None:
    planning, published = files(tmp_path)
    code, out, err = run(str(planning), "--published", str(published), "--employee", "A",
                         "--date", "2026-04-08", "--shift", "D", "--json")
    assert code == 0, err
    doc = json.loads(out)
    assert list(doc) == ["planning", "published", "date", "shift", "start", "end", "absent",
                         "skills", "candidates", "rejected", "checks"]
    assert (doc["date"], doc["shift"], doc["absent"]) == ("2026-04-08", "D", "A")
    assert doc["start"] == "2026-04-08T07:30:00+02:00"
    (c,) = doc["candidates"]
    assert (c["rank"], c["employee"], c["name"], c["taken_as"]) == (1, "C", "Cecilie",
                                                                     "planned")
    assert c["effects"][0] == {"key": "cand.effect.no_rule", "text": "breaks no rule"}
    assert c["hours_after"] == c["hours_before"] + 8.0
    assert doc["rejected"] == [{"employee": "B", "name": "Bjørn", "reason": "rules",
                                "rules": ["AML-10-8-1-daily-rest"],
                                "text": "would break AML-10-8-1-daily-rest"}]


def test_plain_output_in_english_and_norwegian(tmp_path: Path) -> None:
    planning, published = files(tmp_path)
    args = [str(planning), "--published", str(published), "--employee", "A", "--date",
            "2026-04-08", "--shift", "D"]
    code, out, _ = run(*args)
    assert code == 0
    assert "Who may take D on 2026-04-08 (07:30-15:30) for A: 1 of 3 employees" in out
    assert "breaks no rule" in out and "would break AML-10-8-1-daily-rest" in out
    code, out, _ = run(*args, "--lang", "nb")
    assert code == 0
    assert "Hvem kan ta D 2026-04-08 (07:30-15:30) i stedet for A: 1 av 3 ansatte" in out
    assert "bryter ingen regel" in out and "ville brutt AML-10-8-1-daily-rest" in out
    assert "Ikke mulig" in out


def test_an_open_shift_without_an_absent_employee(tmp_path: Path) -> None:
    planning, published = files(tmp_path)
    code, out, _ = run(str(planning), "--published", str(published), "--date", "2026-04-10",
                       "--shift", "N", "--json")
    assert code == 0
    doc = json.loads(out)
    assert doc["absent"] is None
    assert {c["employee"] for c in doc["candidates"]} == {"A", "B", "C"}


def test_the_absent_employee_without_that_shift_is_an_error_at_the_cell(tmp_path: Path) -> None:
    planning, published = files(tmp_path)
    code, _, err = run(str(planning), "--published", str(published), "--employee", "C",
                       "--date", "2026-04-08", "--shift", "D")
    assert code == 2 and "Traceback" not in err
    assert "C has no D on 2026-04-08 in the published roster (the cell holds a day off)" in err
    assert "published.xlsx" in err and "J4" in err
    code, _, err = run(str(planning), "--published", str(published), "--employee", "C",
                       "--date", "2026-04-08", "--shift", "D", "--lang", "nb")
    assert code == 2 and "C har ikke D 2026-04-08 i den publiserte turnusen" in err


def test_every_bad_option_is_named_at_once(tmp_path: Path) -> None:
    planning, published = files(tmp_path)
    code, _, err = run(str(planning), "--published", str(published), "--employee", "Z",
                       "--date", "2026-05-08", "--shift", "Q")
    assert code == 2
    assert "--shift Q is not in the Shifts sheet (known: D, E, N)" in err
    assert "--employee Z is not in the Employees sheet" in err
    assert "--date 2026-05-08 is outside the period 2026-04-01 to 2026-04-30" in err
    code, _, err = run(str(planning), "--published", str(tmp_path / "nope.xlsx"), "--date",
                       "2026-04-08", "--shift", "D")
    assert code == 2 and "nope.xlsx" in err


def test_terminal_table_one_effect_a_line(tmp_path: Path) -> None:
    from rich.console import Console

    from scheduler.cli.candidates import load, print_rich
    from scheduler.replan.candidates import find_candidates

    planning, published = files(tmp_path)
    problem, data = load(planning, published, "A", date(2026, 4, 8), "D")
    rep = find_candidates(problem, data.roster, day=date(2026, 4, 8), shift="D", absent="A")
    console = Console(record=True, width=140)
    print_rich(rep, 3, "nb", console)
    text = console.export_text()
    assert "Ansatt" in text and "Kostnad" not in text  # nobody has an hourly cost
    assert "│ bryter ingen regel" in text and "Cecilie" in text
    assert "ville brutt AML-10-8-1-daily-rest" in text


def test_help_has_examples() -> None:
    result = CliRunner().invoke(main, ["candidates", "--help"])
    assert result.exit_code == 0
    assert "roster candidates ward.xlsx --published ward.roster.xlsx" in result.output
