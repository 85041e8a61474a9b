"""Done when (issue 15): with --lang nb every command shows no English word outside rule ids,
codes and JSON keys, on the console and in the workbooks it writes (what-if has its own test,
tests/whatif/test_whatif_nb.py). Each output is searched twice: for English catalogue text
(tests.english_text.english_in) and for English words (english_words), leaving out the input's
own text (names, shift names, sheet names the user gave)."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
from click.testing import CliRunner

from scheduler.cli import main
from tests import budgets
from tests.english_text import english_in, english_words
from tests.whatif.test_whatif_kit import planning_sheets, write_xlsx

FAST = budgets.cli(0.5)


def _input_text(path: Path) -> tuple[set[str], set[str]]:
    """The words of the input workbook's own strings, and its sheet titles."""
    wb = openpyxl.load_workbook(path)
    words = {w for ws in wb.worksheets for row in ws.iter_rows() for c in row
             if isinstance(c.value, str) for w in re.findall(r"[A-Za-z]+", c.value)}
    return words, set(wb.sheetnames)


def _workbook_text(path: Path, skip: set[str]) -> list[tuple[str, str]]:
    """(where, text) of every string a person reads in the sheets the command wrote."""
    wb = openpyxl.load_workbook(path)
    out = []
    for ws in wb.worksheets:
        if ws.title in skip:  # a sheet copied from the input as it was
            continue
        out.append((ws.title, ws.title))
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str):
                    out.append((f"{ws.title}!{c.coordinate}", c.value))
                if c.comment is not None:
                    out.append((f"{ws.title}!{c.coordinate} comment", c.comment.text))
        for part in (ws.oddHeader, ws.oddFooter):
            for side in (part.left, part.center, part.right):
                if side.text:
                    out.append((f"{ws.title} header/footer", side.text))
        for chart in ws._charts:
            for title in (chart.title, chart.x_axis.title, chart.y_axis.title):
                if title is not None and title.tx is not None and title.tx.rich is not None:
                    out.append((f"{ws.title} chart", " ".join(
                        r.t for p in title.tx.rich.p for r in p.r or [])))
    return out


def _english(text: str, allowed: set[str]) -> list[str]:
    return english_in(text) + english_words(text, allowed)


def test_every_command_in_norwegian(tmp_path: Path) -> None:
    sheets = planning_sheets()
    sheets["Employees"] = [r for r in sheets["Employees"] if r[0] not in ("R3", "R4")]  # RN short
    path = write_xlsx(tmp_path / "w.xlsx", sheets)
    allowed, input_sheets = _input_text(path)
    runner = CliRunner(env={"LC_ALL": "C.UTF-8"})  # only --lang says Norwegian
    roster = tmp_path / "w.roster.xlsx"
    report = tmp_path / "w.check.xlsx"
    runs = {
        "solve": ["solve", str(path), *FAST, "-o", str(roster), "--lang", "nb"],
        "validate": ["validate", str(path), "--lang", "nb"],
        "check": ["check", str(roster), "--problem", str(path), "--lang", "nb"],
        "check xlsx": ["check", str(roster), "--problem", str(path), "--lang", "nb",
                       "--format", "xlsx", "-o", str(report)],
        "staffing": ["staffing", str(path), "--positions", "100", "--max-solves", "3",
                     "--lang", "nb", *budgets.cli(0.5, workers=None)],
    }
    found: dict[str, list[str]] = {}
    consoles = {}
    for name, args in runs.items():
        res = runner.invoke(main, args)
        assert res.exit_code in (0, 1), (name, res.output)
        consoles[name] = res.stdout + res.stderr
        for line in consoles[name].splitlines():
            if _english(line, allowed):
                found.setdefault(name, []).append(f"{_english(line, allowed)}: {line}")
    for out in (roster, report):
        for where, text in _workbook_text(out, input_sheets):
            if _english(text, allowed):
                found.setdefault(out.name, []).append(f"{where}: {_english(text, allowed)}")
    assert found == {}, "\n".join(f"{k}: {x}" for k, v in found.items() for x in v)
    # each command did speak Norwegian (not an empty or failed run)
    assert "Dekning:" in consoles["solve"] and "Skrevet:" in consoles["solve"]
    assert "Oversikt" in consoles["validate"]
    assert "brudd" in consoles["check"] and "modus faste vinduer" in consoles["check"]
    assert "trenger +1 RN i " in consoles["staffing"] and "løsning 2: +1 RN i 100 % stilling" \
        in consoles["staffing"]
    assert {"Turnus", "Brudd", "Sammendrag"} <= set(openpyxl.load_workbook(roster).sheetnames)


def test_the_net_catches_english_outside_the_catalogue_and_leaves_codes_and_names() -> None:
    assert english_words("Coverage: 98 % of the demand is planned") == [
        "Coverage", "demand", "is", "of", "planned", "the"]
    assert english_words("Dekning: 98,0 %; AML-10-8-1-daily-rest; RN OFF; --time-limit") == []
    assert english_words("Skrevet: /tmp/of/the.xlsx; roster solve") == []
    assert english_words("Day shift", allowed={"Day"}) == ["shift"]
