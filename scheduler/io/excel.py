"""Safe Excel input and output: atomic saves, formula-safe text, guarded loading.

* :func:`safe_save` writes to a temporary file in the target's folder and renames it over the
  target with :func:`os.replace`, so a crash never leaves a half-written workbook behind and the
  user's input file is never opened for writing.
* :func:`cell_text` makes user text that starts with ``=``, ``+``, ``-`` or ``@`` (or looks like
  an Excel error such as ``#N/A``) a plain string cell: openpyxl would otherwise store ``=...``
  as a formula. The value is wrapped in a one-run :class:`CellRichText`, which openpyxl always
  writes as an inline *string* (cell type ``s`` when read back). :func:`set_text` also sets the
  cell's ``quotePrefix`` style so Excel keeps it as text when the user edits the cell.
* :func:`load_workbook_safely` refuses files over :data:`MAX_BYTES`, files that are not a zip
  (not ``.xlsx``), and zip bombs, and reads cached values (``data_only=True``), never evaluating
  anything. openpyxl parses the package XML with ``defusedxml`` when it is installed (it is a
  dependency of this project); :data:`XML_DEFUSED` reports it, and the test suite asserts it, so
  entity-expansion ("billion laughs") and external-entity attacks are refused by the parser.
"""

from __future__ import annotations

import io
import os
import stat
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.cell.rich_text import CellRichText
from openpyxl.xml import DEFUSEDXML

from scheduler.errors import InputError, Issue

MAX_BYTES = 50 * 1024 * 1024  # refuse input files larger than 50 MB
MAX_UNPACKED_BYTES = 500 * 1024 * 1024  # refuse packages that unpack to more than 500 MB
XML_DEFUSED: bool = bool(DEFUSEDXML)

_RISKY_START = ("=", "+", "-", "@", "\t", "\r")
_ERROR_CODES = {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"}


def safe_save(workbook: Any, path: str | os.PathLike[str]) -> Path:
    """Save ``workbook`` (anything with ``.save(path)``) atomically to ``path``.

    The workbook is written to a temporary file in the same folder, then moved over ``path``
    with :func:`os.replace`. On any error the temporary file is removed and the error re-raised;
    an existing file at ``path`` is then left exactly as it was.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    os.close(fd)
    try:
        workbook.save(tmp_name)
        os.chmod(tmp_name, _file_mode(target))
        os.replace(tmp_name, target)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except FileNotFoundError:
            pass
        raise
    return target


def _file_mode(target: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0666 less the umask."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def needs_text_guard(value: object) -> bool:
    """True for text that Excel (or openpyxl) would take as a formula or an error value."""
    return isinstance(value, str) and (
        value.startswith(_RISKY_START) or value.strip() in _ERROR_CODES
    )


def visible_controls(text: str) -> str:
    """``text`` with each control character that a worksheet cannot hold (all of U+0000-U+001F
    but tab, line feed and carriage return) shown as its Unicode control picture (U+0001 ->
    ``␁``): nothing is dropped, and openpyxl never raises IllegalCharacterError."""
    return ILLEGAL_CHARACTERS_RE.sub(lambda m: chr(0x2400 + ord(m.group())), text)


def cell_text(value: Any) -> Any:
    """A value that is safe to assign to a cell: risky user text becomes a string cell, and
    control characters become visible (:func:`visible_controls`).

    Non-text values (numbers, dates, ``None``) are returned unchanged, as is ordinary text.
    """
    if isinstance(value, str):
        value = visible_controls(value)
    if needs_text_guard(value):
        return CellRichText([value])
    return value


def set_text(cell: Any, value: Any) -> Any:
    """Assign ``value`` to ``cell`` formula-safely; risky text also gets the quote-prefix style."""
    cell.value = cell_text(value)
    if needs_text_guard(visible_controls(value) if isinstance(value, str) else value):
        cell.quotePrefix = True
    return cell


def read_input_bytes(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a user's workbook, read once (the file is not touched), after the checks of
    :func:`load_workbook_safely`: it exists, is at most :data:`MAX_BYTES`, is a zip package
    that unpacks to at most :data:`MAX_UNPACKED_BYTES`. Raises :class:`InputError`."""
    p = Path(path)
    name = str(path)

    def fail(message: str) -> InputError:
        return InputError([Issue(message, file=name)])

    if not p.exists():
        raise fail("file not found")
    if not p.is_file():
        raise fail("is not a file")
    size = p.stat().st_size
    if size > MAX_BYTES:
        raise fail(
            f"the file {p.name} is {size / 1024 / 1024:.1f} MB; workbooks larger than "
            f"{MAX_BYTES // (1024 * 1024)} MB are refused"
        )
    data = p.read_bytes()
    if len(data) > MAX_BYTES:  # grew after the check
        raise fail(f"the file {p.name} is larger than {MAX_BYTES // (1024 * 1024)} MB; refused")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise fail(
            f"{p.name} is not an Excel .xlsx workbook (old .xls files and CSV must be saved as "
            ".xlsx first)"
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            unpacked = sum(info.file_size for info in zf.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise fail(f"{p.name} is a damaged .xlsx file ({exc})") from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise fail(f"{p.name} unpacks to {unpacked // (1024 * 1024)} MB; refused as unsafe")
    return data


def load_workbook_safely(path: str | os.PathLike[str], *, read_only: bool = False,
                         data: bytes | None = None) -> Any:
    """Open a user's workbook, the one way every reader does (the file is not touched).

    ``data``: the file's bytes when the caller has read them already (with
    :func:`read_input_bytes`); otherwise they are read once here. ``read_only``: openpyxl's
    read-only mode, whose sheets are streamed (:mod:`scheduler.io.used` reads them so that
    memory follows the cells that hold data, not a sheet's stated dimension).

    Raises :class:`InputError` (never a traceback) when the file is missing, too large, not an
    ``.xlsx`` package, or unreadable.
    """
    if data is None:
        data = read_input_bytes(path)
    name = Path(path).name
    try:
        return openpyxl.load_workbook(io.BytesIO(data), read_only=read_only, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for damaged packages
        raise InputError([Issue(f"{name} could not be read as an Excel workbook "
                                f"({type(exc).__name__}: {exc})", file=str(path))]) from None
