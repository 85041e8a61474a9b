"""Safe Excel I/O: atomic saves, formula-safe text, guarded loading, defused XML."""

from __future__ import annotations

import os

import openpyxl
import pytest

from scheduler.errors import InputError
from scheduler.io import excel


class Exploding:
    """A workbook stand-in whose save writes half a file and then fails."""

    def save(self, path):
        with open(path, "wb") as fh:
            fh.write(b"half")
        raise RuntimeError("disk full")


def test_safe_save_writes_and_replaces(tmp_path):
    target = tmp_path / "out.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "first"
    excel.safe_save(wb, target)
    wb.active["A1"] = "second"
    excel.safe_save(wb, target)
    assert openpyxl.load_workbook(target).active["A1"].value == "second"
    assert os.listdir(tmp_path) == ["out.xlsx"]


def test_safe_save_gives_normal_permissions_and_keeps_existing_ones(tmp_path):
    new = tmp_path / "new.xlsx"
    old_mask = os.umask(0o022)
    try:
        excel.safe_save(openpyxl.Workbook(), new)
    finally:
        os.umask(old_mask)
    assert new.stat().st_mode & 0o777 == 0o644
    existing = tmp_path / "existing.xlsx"
    existing.write_bytes(b"x")
    existing.chmod(0o600)
    excel.safe_save(openpyxl.Workbook(), existing)
    assert existing.stat().st_mode & 0o777 == 0o600


def test_safe_save_failure_keeps_the_old_file_and_leaves_no_temp(tmp_path):
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"original")
    with pytest.raises(RuntimeError, match="disk full"):
        excel.safe_save(Exploding(), target)
    assert target.read_bytes() == b"original"
    assert os.listdir(tmp_path) == ["out.xlsx"]


@pytest.mark.parametrize("text", ["=1+2", "+47 22 00 00 00", "-5", "@SUM(A1)", "=HYPERLINK(\"x\")",
                                  "#N/A"])
def test_formula_looking_text_is_stored_as_text(tmp_path, text):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = excel.cell_text(text)
    excel.set_text(ws["A2"], text)
    path = tmp_path / "t.xlsx"
    excel.safe_save(wb, path)
    for data_only in (True, False):
        back = openpyxl.load_workbook(path, data_only=data_only).active
        for ref in ("A1", "A2"):
            assert back[ref].value == text
            assert back[ref].data_type == "s"
        assert back["A2"].quotePrefix


def test_plain_values_pass_through():
    assert excel.cell_text("Kari") == "Kari"
    assert excel.cell_text(3) == 3
    assert excel.cell_text(None) is None


def test_openpyxl_parses_with_defusedxml():
    assert excel.XML_DEFUSED is True


def test_entity_expansion_is_refused(tmp_path):
    """A workbook whose XML declares entities ("billion laughs") is an input error."""
    import zipfile

    src = tmp_path / "ok.xlsx"
    openpyxl.Workbook().save(src)
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(bomb, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/workbook.xml":
                text = data.decode()
                assert not text.startswith("<?xml")
                decl = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
                data = ('<?xml version="1.0"?>' + decl + text).encode()
            zout.writestr(item, data)
    with pytest.raises(InputError) as exc:
        excel.load_workbook_safely(bomb)
    assert "could not be read" in str(exc.value)


def test_zip_that_unpacks_too_large_is_refused(tmp_path, monkeypatch):
    src = tmp_path / "ok.xlsx"
    openpyxl.Workbook().save(src)
    monkeypatch.setattr(excel, "MAX_UNPACKED_BYTES", 10)
    with pytest.raises(InputError, match="unsafe"):
        excel.load_workbook_safely(src)
