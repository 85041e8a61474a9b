"""Hostile files: every command refuses them cleanly (exit 2, the file named), never executes or
keeps anything active, and never reads a huge file before refusing it.

Not a zip, a damaged zip, a zip bomb (520 MB of XML in 0.5 MB), XML entity bombs and external
entities (refused by defusedxml, which openpyxl uses), a 200 MB file (refused by its size), an
.xlsm with a VBA project (never written back out), and formula-looking text (written as text).
"""

from __future__ import annotations

import hashlib
import io
import pathlib
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from scheduler.io import excel
from tests import budgets
from tests.fuzz import cases, hostile
from tests.fuzz.mutate import seeds, write_sheets

# --------------------------------------------------------------------------------------------
# Every command, with the hostile file in each input position


def _commands(tmp: Path) -> dict[str, Callable[[Path], list[object]]]:
    grid = seeds()["grid"]
    return {
        "validate": lambda f: ["validate", f],
        "check": lambda f: ["check", f, "--format", "json"],
        "check --problem": lambda f: ["check", grid, "--problem", f, "--format", "json"],
        "check xlsx": lambda f: ["check", f, "--format", "xlsx", "-o", tmp / "report.xlsx"],
        "solve": lambda f: ["solve", f, "-o", tmp / "out.xlsx", *budgets.cli(0.3), "-q"],
        "solve beside": lambda f: ["solve", f, *budgets.cli(0.3), "-q"],
    }


def _refused_everywhere(tmp: Path, bad: Path, *, words: tuple[str, ...]) -> None:
    before = hashlib.sha256(bad.read_bytes()).hexdigest() if bad.stat().st_size < 10**7 else None
    entries_before = set(tmp.iterdir())
    for name, argv in _commands(tmp).items():
        result = cases.invoke(argv(bad))
        cases.assert_no_traceback(result)
        assert result.exit_code == 2, (name, cases.describe(result))
        text = result.stderr.lower()
        assert bad.name.lower() in text, (name, result.stderr)
        assert any(w in text for w in words), (name, result.stderr)
        assert "traceback" not in result.output.lower()
    # nothing written, nothing left behind, the file itself untouched
    assert set(tmp.iterdir()) == entries_before
    if before is not None:
        assert hashlib.sha256(bad.read_bytes()).hexdigest() == before


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"employee,start,end\nA,2026-04-06T07:30,2026-04-06T15:30\n",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600,  # an old binary .xls
        b"PK\x03\x04" + b"\x00" * 100,  # starts like a zip, is not one
        "<html><body>Ikke en arbeidsbok 🙃</body></html>".encode(),
    ],
    ids=["empty", "csv-renamed", "xls", "fake-zip-header", "html"],
)
def test_a_file_that_is_not_an_xlsx_is_refused(tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "ward.xlsx"
    bad.write_bytes(content)
    _refused_everywhere(tmp_path, bad, words=("not an excel", "xlsx", "damaged", "could not"))


def test_a_truncated_workbook_is_refused(tmp_path: Path) -> None:
    data = seeds()["plan"].read_bytes()
    bad = tmp_path / "half.xlsx"
    bad.write_bytes(data[: len(data) // 2])
    _refused_everywhere(tmp_path, bad, words=("not an excel", "damaged", "could not"))


def test_a_zip_that_is_not_a_workbook_is_refused(tmp_path: Path) -> None:
    bad = hostile.write_zip(tmp_path / "photos.xlsx", [("img/1.txt", b"hello")])
    _refused_everywhere(tmp_path, bad, words=("could not be read", "damaged"))


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    bomb = hostile.zip_bomb(seeds()["plan"], tmp_path / "bomb.xlsx", unpacked_mb=520)
    assert bomb.stat().st_size < 2 * hostile.MB
    with zipfile.ZipFile(bomb) as zf:  # it really is a 520 MB package, not a lie in a header
        info = zf.getinfo("xl/worksheets/sheet1.xml")
        assert info.file_size > 520 * hostile.MB
        with zf.open(info) as fh:
            assert fh.read(hostile.MB).count(b" ") > hostile.MB // 2
    _refused_everywhere(tmp_path, bomb, words=("unsafe", "unpacks"))


def test_a_zip_bomb_that_hides_its_size_is_refused(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The headers claim 4 kB: unpacking stops at the claimed size and the checksum fails, so
    no more than 4 kB is ever inflated (counted here) and the file is refused as damaged."""
    bomb = hostile.zip_bomb(seeds()["plan"], tmp_path / "liar.xlsx", unpacked_mb=520, lie=True)
    inflated = [0]
    real = zipfile.ZipExtFile.read

    def counting_read(self: zipfile.ZipExtFile, n: int = -1) -> bytes:
        data = real(self, n)
        if self.name == "xl/worksheets/sheet1.xml":
            inflated[0] += len(data)
        return data

    monkeypatch.setattr(zipfile.ZipExtFile, "read", counting_read)
    _refused_everywhere(tmp_path, bomb, words=("could not be read", "damaged"))
    assert 0 < inflated[0] <= 4096 * len(_commands(tmp_path))


@pytest.mark.parametrize(
    "part", ["xl/worksheets/sheet1.xml", "xl/workbook.xml", "docProps/core.xml", "xl/styles.xml"]
)
@pytest.mark.parametrize("kind", ["billion-laughs", "external-entity"])
def test_xml_entities_are_refused(tmp_path: Path, part: str, kind: str) -> None:
    doctype, entity = ((hostile.BILLION_LAUGHS, "lol9") if kind == "billion-laughs"
                       else (hostile.XXE, "xxe"))
    bad = hostile.entity_bomb(seeds()["plan"], tmp_path / "entities.xlsx", part, doctype, entity)
    assert excel.XML_DEFUSED
    # The refusal comes from defusedxml (not from a parse error of our own making).
    with pytest.raises(Exception) as info:
        openpyxl.load_workbook(bad)
    chain, exc = [], info.value
    while exc is not None:
        chain.append(type(exc).__name__)
        exc = exc.__cause__ or exc.__context__
    assert "EntitiesForbidden" in chain, chain
    _refused_everywhere(tmp_path, bad, words=("could not be read",))


@pytest.fixture
def never_read(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], None]:
    """Fail the test if the given file's bytes are read (read_bytes, open for reading)."""
    watched: set[Path] = set()
    real_read_bytes, real_open = pathlib.Path.read_bytes, pathlib.Path.open

    def read_bytes(self: Path) -> bytes:
        if self.resolve() in watched:
            raise AssertionError(f"{self} was read before being refused")
        return real_read_bytes(self)

    def open_(self: Path, mode: str = "r", *args: object, **kw: object) -> io.IOBase:
        if self.resolve() in watched and "r" in mode:
            raise AssertionError(f"{self} was opened before being refused")
        return real_open(self, mode, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(pathlib.Path, "read_bytes", read_bytes)
    monkeypatch.setattr(pathlib.Path, "open", open_)
    return lambda p: watched.add(p.resolve())


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_200_mb_file_is_refused_by_its_size_before_loading(
    tmp_path: Path, suffix: str, never_read: Callable[[Path], None]
) -> None:
    big = hostile.sparse_file(tmp_path / f"huge{suffix}", 200 * hostile.MB)
    never_read(big)
    argvs: list[list[object]] = [["check", big, "--format", "json"]]
    if suffix == ".xlsx":
        argvs += [["validate", big], ["check", seeds()["grid"], "--problem", big],
                  ["solve", big, "-o", tmp_path / "out.xlsx", *budgets.cli(0.3), "-q"]]
    for argv in argvs:
        result = cases.invoke(argv)
        cases.assert_no_traceback(result)
        assert result.exit_code == 2, cases.describe(result)
        assert "200.0 MB" in result.stderr and "refused" in result.stderr, result.stderr
        assert big.name in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [big.name]


def test_the_size_limit_is_exact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """At the limit the file is read (and here found damaged); one byte over, it is refused."""
    limit = 4096
    monkeypatch.setattr(excel, "MAX_BYTES", limit)
    for size, refused in ((limit - 1, False), (limit, False), (limit + 1, True)):
        f = hostile.sparse_file(tmp_path / f"s{size}.xlsx", size)
        result = cases.invoke(["validate", f])
        assert result.exit_code == 2
        assert ("refused" in result.stderr) is refused, (size, result.stderr)
        c = hostile.sparse_file(tmp_path / f"s{size}.csv", size)
        result = cases.invoke(["check", c])
        assert result.exit_code == 2
        assert ("refused" in result.stderr) is refused, (size, result.stderr)


# --------------------------------------------------------------------------------------------
# Macros are never kept


@pytest.fixture
def xlsm(tmp_path: Path) -> Path:
    path = hostile.with_macros(seeds()["plan"], tmp_path / "ward.xlsm")
    # a macro workbook as openpyxl sees it when asked to keep VBA: the test file is real
    assert openpyxl.load_workbook(path, keep_vba=True).vba_archive is not None
    assert cases.has_macros(path)
    return path


def test_xlsm_can_be_validated_and_solved_and_the_output_has_no_macros(xlsm: Path) -> None:
    digest = cases.sha256(xlsm)
    assert cases.invoke(["validate", xlsm]).exit_code == 0
    out = xlsm.with_name("out.xlsx")
    result = cases.invoke(["solve", xlsm, "-o", out, *budgets.cli(0.3), "-q"])
    assert result.exit_code == 0, cases.describe(result)
    assert not cases.has_macros(out)
    # the default output name beside the input is an .xlsx, also without macros
    result = cases.invoke(["solve", xlsm, *budgets.cli(0.3), "-q"])
    assert result.exit_code == 0, cases.describe(result)
    beside = xlsm.with_name("ward.roster.xlsx")
    assert beside.exists() and not cases.has_macros(beside)
    assert not xlsm.with_name("ward.roster.xlsm").exists()
    assert cases.sha256(xlsm) == digest


def test_xlsm_output_names_are_refused(xlsm: Path) -> None:
    digest = cases.sha256(xlsm)
    for argv in (["solve", xlsm, "-o", xlsm.with_name("o.xlsm"), *budgets.cli(0.3), "-q"],
                 ["solve", xlsm, "--in-place", *budgets.cli(0.3), "-q"]):
        result = cases.invoke(argv)
        cases.assert_no_traceback(result)
        assert result.exit_code == 2, cases.describe(result)
        assert "macros" in result.stderr
    assert cases.sha256(xlsm) == digest
    assert sorted(p.name for p in xlsm.parent.iterdir()) == ["ward.xlsm"]


def test_check_of_an_xlsm_grid_writes_a_report_without_macros(tmp_path: Path) -> None:
    grid = hostile.with_macros(seeds()["grid"], tmp_path / "turnus.xlsm")
    out = tmp_path / "report.xlsx"
    result = cases.invoke(["check", grid, "--format", "xlsx", "-o", out])
    assert result.exit_code in (0, 1), cases.describe(result)
    assert not cases.has_macros(out)


# --------------------------------------------------------------------------------------------
# Formula-looking text is written as text

RISKY = ["=HYPERLINK(\"http://evil.example\",\"klikk\")", "=cmd|' /C calc'!A0", "+47 1234",
         "-2+3", "@SUM(A1:A9)", "=1+1", "\t=1+1"]


def test_formula_looking_csv_cells_come_back_as_text_in_the_xlsx_report(tmp_path: Path) -> None:
    lines = ["employee,start,end,break_minutes,kind"]
    for i, name in enumerate(RISKY):
        quoted = '"' + name.replace('"', '""') + '"'
        lines.append(f"{quoted},2026-04-{6 + i:02d}T07:00,2026-04-{6 + i:02d}T20:00,30,planned")
    src = tmp_path / "=timeliste.csv"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "report.xlsx"
    result = cases.invoke(["check", src, "--format", "xlsx", "-o", out])
    assert result.exit_code == 1, cases.describe(result)  # 13 h days: § 10-4 violations
    assert cases.formula_sheets(out) == []
    wb = openpyxl.load_workbook(out)
    texts = {str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row
             if c.value is not None}
    for name in RISKY:
        assert any(name.strip() in t for t in texts), name  # ids are trimmed
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", (ws.title, c.coordinate, c.value)


def test_formula_looking_workbook_text_stays_text_in_the_solved_roster(tmp_path: Path) -> None:
    from tests.fuzz.mutate import plan_sheets

    sheets = plan_sheets()
    sheets["Settings"][1][1] = RISKY[0]  # site name
    sheets["Shifts"][1][1] = RISKY[1]  # shift name
    sheets["Employees"][1][1] = RISKY[2]
    sheets["Employees"][2][1] = RISKY[3]
    src = tmp_path / "plan.xlsx"
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():  # write risky text the way a planner would see it
        ws = wb.create_sheet(title)
        for r, row in enumerate(rows, start=1):
            for c, v in enumerate(row, start=1):
                if v is not None:
                    excel.set_text(ws.cell(row=r, column=c), v)
    wb.save(src)
    assert cases.formula_sheets(src) == []
    out = tmp_path / "out.xlsx"
    result = cases.invoke(["solve", src, "-o", out, *budgets.cli(0.3), "-q"])
    assert result.exit_code == 0, cases.describe(result)
    assert cases.formula_sheets(out) == []
    values = {str(c.value) for ws in openpyxl.load_workbook(out).worksheets
              for row in ws.iter_rows() for c in row}
    assert RISKY[2] in values and RISKY[3] in values


def test_write_sheets_helper_matches_the_conftest_layout(tmp_path: Path) -> None:
    """The seed writer used above produces a workbook the reader accepts (sanity of the tests)."""
    from tests.fuzz.mutate import plan_sheets

    path = write_sheets(tmp_path / "p.xlsx", plan_sheets())
    assert cases.invoke(["validate", path]).exit_code == 0
