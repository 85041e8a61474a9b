"""``roster whatif`` and ``roster staffing`` in Norwegian (issue 15, "Norwegian all the way"):
with --lang nb or Language = nb in Settings, the console and the result workbook show no
English catalogue text; JSON keys and statuses stay as they are."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
from click.testing import CliRunner

from scheduler.cli import main
from tests import budgets
from tests.english_text import english_in
from tests.whatif.test_whatif_kit import planning_sheets, workbook, write_xlsx

FAST = [*budgets.cli(0.6, workers=None), "--jobs", "1"]
FIXED = [["employee", "date", "shift"], ["R1", "2026-06-02", "E"], ["R1", "2026-06-03", "E"]]
SCENARIOS: list[list[object]] = [
    ["Uten R4", "remove_employees", "R4"],
    ["Mer hvile", "parameter", "10-8 daily_rest_hours", 17],  # infeasible with FIXED
    ["Overtid", "overtime", None, "yes"],
]


def _sheet_text(path: Path, title: str) -> list[str]:
    wb = openpyxl.load_workbook(path)
    ws = wb[title]
    out = [str(c.value) for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    for chart in ws._charts:
        out.append(" ".join(r.t for p in chart.title.tx.rich.p for r in p.r or []))
    return out


def test_whatif_in_norwegian_console_and_workbook(tmp_path: Path) -> None:
    path = workbook(tmp_path / "w.xlsx", SCENARIOS, Fixed=FIXED)
    out = tmp_path / "out.xlsx"
    res = CliRunner().invoke(main, ["whatif", str(path), *FAST, "--lang", "nb", "-o", str(out)])
    assert res.exit_code == 1, res.output  # one scenario has no roster
    console = res.stdout + res.stderr
    assert english_in(console) == [], console
    assert "Hva-hvis-scenarier" in console and "Dekning %" in console
    assert "INGEN TURNUS i Mer hvile: umulig" in console
    assert "Grunnlag" in res.stdout and "Baseline" not in res.stdout
    assert "Skrevet: " in console and "scenario(er) på" in console
    wb = openpyxl.load_workbook(out)
    assert "Scenarioresultater" in wb.sheetnames  # beside the input's Scenarios sheet
    ws = wb["Scenarioresultater"]
    header = [c.value for c in ws[1]]
    assert header[:3] == ["Scenario", "Endringer", "Status"]
    assert {"Dekning %", "Overtid t", "Merarbeid t", "Overtid tillatt", "Feil"} <= set(header)
    col = {h: i for i, h in enumerate(header)}
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2, max_row=5)]
    assert [r[0] for r in rows] == ["Grunnlag", "Uten R4", "Mer hvile", "Overtid"]
    assert rows[3][col["Overtid tillatt"]] == "ja" and rows[0][col["Overtid tillatt"]] == "nei"
    assert [r[col["Endringer"]] for r in rows] == [
        "ingen endringer", "fjern R4", "§ 10-8: daily_rest_hours = 17 (hele enheten)",
        "overtid tillatt"]
    assert rows[2][col["Status"]] == "umulig"
    assert rows[2][col["Feil"]].startswith("umulig: de harde kravene motsier hverandre")
    # no header is cut: each column is as wide as the header's longest word, the header row
    # as tall as its most-wrapped header needs
    for cell in ws[1]:
        width = ws.column_dimensions[cell.column_letter].width
        assert width >= max(len(w) for w in str(cell.value).split()) + 3, cell.value
        assert cell.alignment.wrap_text
    assert ws.row_dimensions[1].height >= 2 * 15.0  # "Brudd funnet av kontrollen" wraps
    # it prints landscape, one page tall, with the header row and the names on every page
    assert ws.page_setup.orientation == "landscape"
    assert (int(ws.page_setup.fitToWidth), int(ws.page_setup.fitToHeight)) == (0, 1)
    assert ws.print_title_rows == "$1:$1" and ws.print_title_cols == "$A:$A"
    assert ws.oddFooter.left.text.startswith("Skrevet ut")
    assert ws.oddHeader.left.text == "Tiny ward"
    # the long no-roster reason wraps, and its row is tall enough to show it all
    assert ws.cell(row=4, column=col["Feil"] + 1).alignment.wrap_text
    assert ws.row_dimensions[4].height >= 3 * 15.0
    assert ws.cell(row=2, column=col["Nedre grense"] + 1).number_format == "#,##0.0"
    text = _sheet_text(out, "Scenarioresultater")
    assert "Dekning % per scenario" in text
    found = {t: english_in(t) for t in text if english_in(t)}
    assert found == {}
    # the machine-readable output keeps its keys and statuses
    js = CliRunner().invoke(main, ["whatif", str(path), *FAST, "--lang", "nb", "--json"])
    data = json.loads(js.stdout)
    assert [s["status"] for s in data["scenarios"]][2] == "INFEASIBLE"
    assert "coverage_pct" in data["scenarios"][0]


def test_whatif_in_english_keeps_its_words(tmp_path: Path) -> None:
    path = workbook(tmp_path / "w.xlsx", SCENARIOS[:1])
    out = tmp_path / "out.xlsx"
    res = CliRunner().invoke(main, ["whatif", str(path), *FAST, "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert "What-if scenarios" in res.stdout and "Coverage %" in res.stdout
    assert "Written: " in res.stdout
    ws = openpyxl.load_workbook(out)["Scenario results"]
    assert [c.value for c in ws[1]][:3] == ["Scenario", "Changes", "Status"]


def _staffing_workbook(path: Path, *, night: bool = False, language: bool = True) -> Path:
    """Two RNs short (as in test_staffing); ``night``: a 10 h night on Mon/Wed/Fri that needs a
    § 10-5 agreement; ``language``: Language = nb in Settings."""
    sheets = planning_sheets(night=night)
    if night:
        sheets["Demand"] += [[d, "N", "RN", 1] for d in ("Mon", "Wed", "Fri")]
    else:
        sheets["Employees"] = [r for r in sheets["Employees"] if r[0] not in ("R3", "R4")]
    if language:
        sheets["Settings"].append(["language", "nb"])
    return write_xlsx(path, sheets)


def test_staffing_in_norwegian_from_the_settings_sheet(tmp_path: Path) -> None:
    path = _staffing_workbook(tmp_path / "w.xlsx")
    res = CliRunner().invoke(main, ["staffing", str(path), "--positions", "100", "--step", "0",
                                    *budgets.cli(1.0, workers=None)])
    assert res.exit_code == 0, res.output
    console = res.stdout + res.stderr
    assert english_in(console) == [], console
    assert "trenger +1 RN i 100 % stilling → dekning" in res.stdout
    assert "minst mulig innenfor det som ble søkt" in res.stdout
    assert "uten 1 RN i 100 %: mangler 4 personvakt(er)" in res.stdout
    assert "t planlagt, avtalt" in res.stdout and "løsning(er)" in res.stdout
    assert "  løsning 1: ingen ekstra ansatte" in res.stderr  # progress
    js = CliRunner().invoke(main, ["staffing", str(path), "--positions", "100", "--step", "0",
                                   *budgets.cli(1.0, workers=None), "--json"])
    (answer,) = json.loads(js.stdout)["staffing"]
    assert answer["status"] == "covered" and answer["summary"].startswith("needs")  # JSON as is


def test_staffing_compare_tiers_in_norwegian(tmp_path: Path) -> None:
    path = _staffing_workbook(tmp_path / "w.xlsx", night=True, language=False)
    res = CliRunner().invoke(main, ["staffing", str(path), "--positions", "100",
                                    "--compare-tiers", "--max-solves", "4", "--lang", "nb",
                                    *budgets.cli(1.0, workers=None)])
    assert res.exit_code == 0, res.output  # covered under some tier
    console = res.stdout + res.stderr
    assert english_in(console) == [], console
    assert "[T0_DEFAULT] ingen gjennomsnittsavtale" in res.stdout
    assert "forblir udekket: ingen kan lovlig jobbe dem" in res.stdout
    assert "mangler fortsatt: 3 personvakt(er) N RN" in res.stdout
    assert res.stdout.rstrip().splitlines()[-1].startswith(
        "Uten gjennomsnittsavtale kan behovet ikke dekkes")
    assert "§ 10-5 på T2_INDIVIDUAL" in res.stderr


def test_a_search_that_finds_nothing_better_says_so_in_norwegian(tmp_path: Path) -> None:
    from scheduler.cli import staffing_lines as words
    from scheduler.io.read.workbook import read_problem
    from scheduler.solution import Solution, SolveOptions
    from scheduler.solver import solve
    from scheduler.whatif import staffing as stf

    calls: list[int] = []

    def first_real_then_empty(problem: object, options: SolveOptions) -> Solution:
        calls.append(1)
        return solve(problem, options) if len(calls) == 1 else Solution(status="FEASIBLE")

    problem = read_problem(_staffing_workbook(tmp_path / "w.xlsx"))
    answer = stf.find_staffing(problem, [100], budgets.options(1.0, seed=1), max_solves=3,
                               solve_fn=first_real_then_empty)
    assert answer.status == "not_found"
    nb = "\n".join(words.lines(answer, "nb"))
    assert english_in(nb) == [], nb
    assert "selv om noen lovlig kan jobbe" in nb and "prøv en lengre --time-limit" in nb
    assert words.lines(answer, "en")[0] == answer.summary()  # English as the JSON words it
    assert "try a longer --time-limit" in answer.summary()


def test_the_command_lines_own_words_in_norwegian(tmp_path: Path) -> None:
    """The lines the commands write themselves (not read from a workbook) follow --lang."""
    missing = str(tmp_path / "nowhere.xlsx")
    for command in (["whatif", missing], ["staffing", missing], ["solve", missing]):
        res = CliRunner().invoke(main, [*command, "--lang", "nb"])
        assert res.exit_code == 2, res.output
        assert "filen finnes ikke" in res.stderr and english_in(res.stderr) == [], res.stderr
    target = tmp_path / "mal.xlsx"
    made = CliRunner().invoke(main, ["template", str(target), "--lang", "nb"])
    assert made.exit_code == 0 and made.stdout.startswith(f"Skrev {target}.")
    again = CliRunner().invoke(main, ["template", str(target), "--lang", "nb"])
    assert again.exit_code == 2 and "finnes allerede; bruk --force" in again.stderr
    path = workbook(tmp_path / "w.xlsx", SCENARIOS[:1])
    unknown = CliRunner().invoke(main, ["staffing", str(path), "--scenario", "Ukjent",
                                        "--lang", "nb"])
    assert unknown.exit_code == 2
    assert "ingen scenario med navnet 'Ukjent' i arket Scenarier" in unknown.stderr


def test_bad_positions_are_named_in_norwegian(tmp_path: Path) -> None:
    path = _staffing_workbook(tmp_path / "w.xlsx")
    for given, words in (("150", "stilling 150 % er utenfor 1-100"),
                         ("abc", "'abc' er ikke en stillingsprosent"),
                         (",", "gi minst én stillingsprosent")):
        res = CliRunner().invoke(main, ["staffing", str(path), "--positions", given,
                                        "--lang", "nb"])
        assert res.exit_code == 2 and words in res.stderr, res.stderr
        assert english_in(res.stderr) == [], res.stderr
