"""Our sheets in the planner's workbook: the hidden marker name (:data:`MARKER`) that lets a
second run replace its own earlier output sheets and nothing else, free titles in the output
language, the active sheet, and how each of our sheets prints (:mod:`scheduler.io.write.printing`)."""

from __future__ import annotations

from typing import Any

from openpyxl import Workbook
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.worksheet import Worksheet

from scheduler import i18n
from scheduler.io.write import printing
from scheduler.model import Problem

MARKER = "AmlRosterOutput"
OUTPUT_SHEETS: tuple[str, ...] = ("Roster", "Coverage", "Hours", "Violations", "Summary")
MAX_TITLE = 31


PAGES: dict[str, printing.Page] = {
    "Roster": printing.Page(pages_tall=1, title_cols=2),
    "Summary": printing.Page(landscape=False, pages_tall=1),
    "Coverage": printing.Page(),
    "Hours": printing.Page(title_cols=2),
    "Violations": printing.Page(),
    "Headroom": printing.Page(title_cols=2),
    "Wishes": printing.Page(),
}


def print_setup(wb: Workbook, titles: dict[str, str], problem: Problem, lang: str) -> None:
    """Widths from content, heights of wrapped rows, and the page setup of each of our sheets
    (:mod:`scheduler.io.write.printing`)."""
    s = problem.settings
    for name, title in titles.items():
        ws = wb[title]
        if name != "Roster":  # the Roster sizes its day columns itself
            printing.fit_widths(ws)
        printing.wrap_heights(ws)
        printing.setup_page(ws, PAGES[name], unit=s.site_name, start=s.start, end=s.end,
                            lang=lang)


def is_output_sheet(ws: Any) -> bool:
    """Was this sheet written by us (it carries the marker name)?"""
    names = getattr(ws, "defined_names", None)
    return bool(names) and MARKER in names


# --------------------------------------------------------------------------------------------
# Sheet bookkeeping


def make_room(wb: Workbook, lang: str = "en") -> dict[str, str]:
    """Drop our earlier output sheets; pick a free title for each of ours (``{English name:
    title}``; the titles are in the output language)."""
    for ws in list(wb.worksheets):
        if is_output_sheet(ws):
            wb.remove(ws)
    taken = {name.casefold() for name in wb.sheetnames}
    titles: dict[str, str] = {}
    for name in OUTPUT_SHEETS:
        label = i18n.text(f"sheet.name.{name}", lang)
        title = label
        n = 1
        while title.casefold() in taken:
            suffix = (i18n.text("sheet.solved_suffix", lang) if n == 1
                      else i18n.text("sheet.solved_suffix_n", lang, n=n))
            title = label[: MAX_TITLE - len(suffix)] + suffix
            n += 1
        taken.add(title.casefold())
        titles[name] = title
    return titles


def new_sheet(wb: Workbook, title: str) -> Worksheet:
    ws = wb.create_sheet(title)
    quoted = title.replace("'", "''")
    ws.defined_names[MARKER] = DefinedName(MARKER, attr_text=f"'{quoted}'!$A$1", hidden=True)
    return ws


def activate(wb: Workbook, title: str) -> None:
    for ws in wb.worksheets:
        ws.sheet_view.tabSelected = ws.title == title
    wb.active = wb.sheetnames.index(title)


def free_title(wb: Workbook, name: str, lang: str) -> str:
    """A title for one more output sheet that no sheet in ``wb`` has yet."""
    taken = {n.casefold() for n in wb.sheetnames}
    label = i18n.text(f"sheet.name.{name}", lang)
    title, n = label, 1
    while title.casefold() in taken:
        suffix = (i18n.text("sheet.solved_suffix", lang) if n == 1
                  else i18n.text("sheet.solved_suffix_n", lang, n=n))
        title = label[: MAX_TITLE - len(suffix)] + suffix
        n += 1
    return title
