"""How the roster workbook prints (scheduler.io.write.printing): page setup of every output sheet,
row heights of wrapped text, widths from content, and the Norwegian date heads of the grid."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from constraints.base import Severity
from scheduler.io.write import printing
from scheduler.io.write import styles as st
from scheduler.model import Settings
from tests.io.writer_kit import (
    END,
    START,
    _finding,
    _problem,
    _write,
)

OUR_SHEETS = ("Roster", "Coverage", "Hours", "Violations", "Summary")


def _book(planner_book: Path, **kw: object):  # noqa: F811
    return load_workbook(_write(planner_book, **kw))


def test_roster_prints_landscape_one_page_with_titles(planner_book: Path) -> None:  # noqa: F811
    ws = _book(planner_book)["Roster"]
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert (int(ws.page_setup.fitToWidth), int(ws.page_setup.fitToHeight)) == (1, 1)
    assert ws.print_title_rows == "$1:$1"
    assert ws.print_title_cols == "$A:$B"
    assert ws.print_options.gridLines is True


def test_summary_on_one_page_and_the_rest_one_page_wide(planner_book: Path) -> None:  # noqa: F811
    wb = _book(planner_book, findings=[_finding()])
    summary = wb["Summary"]
    assert summary.page_setup.orientation == "portrait"
    assert (int(summary.page_setup.fitToWidth), int(summary.page_setup.fitToHeight)) == (1, 1)
    for name in ("Coverage", "Hours", "Violations"):
        ws = wb[name]
        assert ws.page_setup.orientation == "landscape", name
        assert int(ws.page_setup.fitToWidth) == 1, name
        assert int(ws.page_setup.fitToHeight) == 0, name  # as many pages tall as needed
        assert ws.print_title_rows == "$1:$1", name


def test_header_and_footer_name_unit_period_and_print_date(planner_book: Path) -> None:  # noqa: F811
    wb = _book(planner_book)
    for name in OUR_SHEETS:
        ws = wb[name]
        # The site is "+Ward 7" (written as text, not a formula); & would be doubled.
        assert ws.oddHeader.left.text == "+Ward 7", name
        assert ws.oddHeader.center.text == "&A", name
        assert ws.oddHeader.right.text == f"{START.isoformat()} to {END.isoformat()}", name
        assert "&D" in ws.oddFooter.left.text and "Printed" in ws.oddFooter.left.text, name
        assert "&P" in ws.oddFooter.right.text and "&N" in ws.oddFooter.right.text, name


def test_norwegian_header_footer_and_weekday_heads(planner_book: Path) -> None:  # noqa: F811
    base = _problem()
    problem = base.model_copy(update={"settings": Settings(
        start=START, end=END, site_name="Post A & B", language="nb")})
    wb = _book(planner_book, problem=problem)
    ws = wb["Turnus"]
    assert ws.oddHeader.left.text == "Post A && B"  # a literal & is doubled in header codes
    assert ws.oddHeader.right.text == "11.05.2026 til 24.05.2026"
    assert ws.oddFooter.left.text.startswith("Skrevet ut")
    head = ws.cell(row=1, column=3)
    assert head.value.date() == START  # a date (Excel and LibreOffice show the weekday)
    assert head.number_format == '"man" dd.mm'  # … in Norwegian (Babel): "man 11.05"
    assert ws.cell(row=1, column=7).number_format == '"fre" dd.mm'  # 15 May 2026
    assert head.alignment.textRotation == 90


def test_english_weekday_heads_have_no_locale_tag(planner_book: Path) -> None:  # noqa: F811
    ws = _book(planner_book)["Roster"]
    assert ws.cell(row=1, column=3).number_format == "ddd dd.mm"


def test_violation_messages_get_rows_tall_enough(planner_book: Path) -> None:  # noqa: F811
    long = dataclasses.replace(_finding(Severity.violation), message="word " * 60)
    short = _finding()
    ws = _book(planner_book, findings=[long, short])["Violations"]
    width = ws.column_dimensions["K"].width
    lines = printing.lines_needed("word " * 60, width)
    assert lines > 1
    assert ws.row_dimensions[2].height == lines * printing.LINE_POINTS
    assert ws.row_dimensions[3].height is None  # one line: the default height


def test_day_columns_fit_their_codes_and_the_id_name_columns_their_content(
        planner_book: Path) -> None:  # noqa: F811
    ws = _book(planner_book)["Roster"]
    assert ws.column_dimensions["C"].width == st.DAY_WIDTH
    name = '=HYPERLINK("http://evil.example","click")'
    assert ws.column_dimensions["B"].width >= len(name)


# --------------------------------------------------------------------------------------------
# The rules themselves


@pytest.mark.parametrize(("text", "width", "lines"), [
    ("", 10, 1),
    ("abcdefghi", 10, 1),  # 9 characters: exactly a line of a 10-wide column (one for padding)
    ("abcdefghij", 10, 2),  # one more: two lines
    ("aaaa bbbb cccc", 10, 2),  # words are not split: "aaaa bbbb" / "cccc"
    ("one\ntwo\nthree", 40, 3),  # each paragraph its own line
])
def test_lines_needed(text: str, width: float, lines: int) -> None:
    assert printing.lines_needed(text, width) == lines


def test_wrap_heights_only_for_wrapped_cells() -> None:
    wb = Workbook()
    ws = wb.active
    ws.column_dimensions["A"].width = 10
    ws["A2"] = "abcdefgh ijklmnop"  # wrapped: two lines
    ws["A2"].alignment = st.WRAP
    ws["A3"] = "abcdefgh ijklmnop"  # not wrapped: spills, default height
    printing.wrap_heights(ws)
    assert ws.row_dimensions[2].height == 2 * printing.LINE_POINTS
    assert ws.row_dimensions[3].height is None


def test_fit_widths_widens_to_content_but_lets_text_spill_into_empty_cells() -> None:
    wb = Workbook()
    ws = wb.active
    ws["A1"], ws["B1"] = "Days in period", "x"  # a neighbour: must show whole
    ws["A2"] = "a much longer text that can spill into B2"  # neighbour empty: does not count
    ws["C1"] = 1234.5678
    ws["C1"].number_format = "0.00"
    printing.fit_widths(ws)
    assert ws.column_dimensions["A"].width == len("Days in period") + printing.PADDING
    assert ws.column_dimensions["C"].width == len("1234.57") + printing.PADDING
    ws["F1"] = "Sunday/holiday h"  # a centred header with nothing on its right still counts
    ws["F1"].alignment = st.CENTER
    printing.fit_widths(ws)
    assert ws.column_dimensions["F"].width == len("Sunday/holiday h") + printing.PADDING
    ws.column_dimensions["D"].width = 50
    ws["D1"], ws["E1"] = "short", "y"
    printing.fit_widths(ws)
    assert ws.column_dimensions["D"].width == 50  # never narrowed


@pytest.mark.parametrize(("value", "spec", "text"), [
    (1234.5, ".2f", "1234,50"),  # four digits: no space (Norwegian typography)
    (10000.0, ".1f", "10\u00a0000,0"),  # from five digits: a (no-break) space between thousands
    (-12345.5, "+.1f", "-12\u00a0345,5"),
    (123456.75, "g", "123\u00a0457"),  # as Python's g: six significant digits
    (7.5, "g", "7,5"),
    (25000, "", "25\u00a0000"),
])
def test_norwegian_numbers(value: float, spec: str, text: str) -> None:
    from scheduler import i18n
    from scheduler.i18n import formats

    assert formats.number(value, spec, "nb") == text
    assert formats.number(value, spec, "en") == format(value, spec)
    assert i18n.number(value, spec, "nb") == text


def test_norwegian_weekdays_from_babel() -> None:
    from datetime import date

    from scheduler.i18n import formats

    assert formats.weekday(date(2027, 1, 1), "nb") == "fre"
    assert formats.weekday(date(2027, 1, 1), "en") == "Fri"
    assert [formats.weekday(date(2027, 1, 4 + i), "nb") for i in range(7)] == [
        "man", "tir", "ons", "tor", "fre", "lør", "søn"]
    assert formats.day_header_format(date(2027, 1, 2), "nb") == '"lør" dd.mm'
