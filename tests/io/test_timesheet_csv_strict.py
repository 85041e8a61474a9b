"""What the CSV timesheet reader keeps that pandas.read_csv would lose (issue 15, "pandas where
it replaces hand-written code ... only if it keeps the same strict errors"): an error names the
file's own line even after a quoted line break and a blank line, a row longer than the header is
said to be not read (pandas raises or, with ``on_bad_lines="skip"``, drops it silently), and
bytes that are not UTF-8 are named by line (pandas names a byte offset)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scheduler.errors import InputError
from scheduler.io.roster.load import load_check_input


def _csv(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


def test_an_error_names_the_files_line_after_a_quoted_line_break_and_a_blank_line(
        tmp_path: Path) -> None:
    path = _csv(tmp_path / "t.csv",
                'employee;start;end;note\n'
                'E1;2026-03-02T07:30;2026-03-02T15:30;"two\nlines"\n'  # lines 2-3
                '\n'  # line 4
                'E1;yesterday;2026-03-03T15:30;\n')  # line 5: the DataFrame's row 1
    with pytest.raises(InputError) as exc:
        load_check_input(path)
    (issue,) = exc.value.issues
    assert issue.cell == "B5" and issue.message.startswith("line 5, column 'start'")
    assert issue.file == str(path)


def test_a_row_longer_than_the_header_is_read_and_its_extra_cells_named(tmp_path: Path) -> None:
    path = _csv(tmp_path / "t.csv",
                "employee,start,end\n"
                "E1,2026-03-02T07:30,2026-03-02T15:30,stray,more\n"
                "E1,2026-03-03T07:30,2026-03-03T15:30\n")
    data = load_check_input(path)
    assert len(data.roster.periods) == 2  # neither an error nor dropped
    assert [(p.cells, p.key) for p in data.coverage.not_read] == [("D2:E2", "coverage.no_header")]


def test_bytes_that_are_not_utf8_are_named_by_their_line(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes(b"employee,start,end\nE1,2026-03-02T07:30,2026-03-02T15:30\n"
                     b"B\xf8rre,2026-03-03T07:30,2026-03-03T15:30\n")
    with pytest.raises(InputError) as exc:
        load_check_input(path)
    assert exc.value.issues[0].message.startswith("line 3")
