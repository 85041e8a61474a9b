"""What the example builders share: sheet and table writing, settings rows, fixed name lists.

Tables and key/value sheets are written with the labels of :mod:`scheduler.io.sheets` in
the workbook's language; every text goes through ``cell_text`` (never a formula).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from scheduler.io import sheets as S
from scheduler.io.excel import cell_text

_HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
_HEADER_FONT = Font(bold=True, color="FFFFFF")

FIRST = ("Kari", "Ola", "Ingrid", "Lars", "Sofie", "Magnus", "Nora", "Henrik", "Emma", "Jonas",
         "Sara", "Andreas", "Ida", "Eirik", "Marte", "Sindre", "Thea", "Kristian", "Hanne",
         "Tobias", "Silje", "Mathias", "Ane", "Fredrik", "Maja", "Sander", "Julie", "Even",
         "Hilde", "Petter", "Linn", "Vegard", "Amalie", "Øyvind", "Tuva", "Håkon", "Aisha",
         "Mohammed", "Zofia", "Tomasz")
LAST = ("Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen",
        "Kristiansen", "Jensen", "Karlsen", "Johnsen", "Pettersen", "Eriksen", "Berg",
        "Haugen", "Hagen", "Johannessen", "Andreassen", "Jacobsen", "Dahl", "Jørgensen",
        "Halvorsen", "Henriksen", "Lund", "Sørensen", "Bakken", "Moen", "Gundersen",
        "Iversen", "Strand", "Solberg", "Svendsen", "Eide", "Knutsen", "Martinsen", "Ali",
        "Nowak", "Kowalski")


def _names(rng: random.Random, n: int) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    while len(out) < n:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        if name not in seen:
            seen.add(name)
            out.append(name)
    return out


def _days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


# ---------------------------------------------------------------------------------------------
# Writing helpers


def _header_row(ws: Any, labels: Sequence[str]) -> None:
    for i, label in enumerate(labels, start=1):
        c = ws.cell(row=1, column=i, value=cell_text(label))
        c.font = _HEADER_FONT
        c.fill = _HEADER_FILL
        ws.column_dimensions[c.column_letter].width = max(11, len(label) + 3)
    ws.freeze_panes = "A2"


def _rows(ws: Any, rows: Sequence[Sequence[Any]]) -> None:
    for r, values in enumerate(rows, start=2):
        for i, v in enumerate(values, start=1):
            if v is None:
                continue
            c = ws.cell(row=r, column=i, value=cell_text(v))
            if isinstance(v, datetime):
                c.number_format = "yyyy-mm-dd hh:mm" if v.time() != time(0) else "yyyy-mm-dd"
            elif isinstance(v, time):
                c.number_format = "hh:mm"


def _table(wb: Workbook, spec: S.SheetSpec, lang: str, fields: Sequence[str],
           rows: Sequence[Sequence[Any]]) -> Any:
    ws = wb.create_sheet(spec.label(lang))
    _header_row(ws, [spec.column(f).label(lang) for f in fields])
    _rows(ws, rows)
    return ws


def _keys(wb: Workbook, spec: S.SheetSpec, lang: str, keys: Sequence[S.Key],
          values: Sequence[tuple[str, Any]]) -> Any:
    ws = wb.create_sheet(spec.label(lang))
    by = {k.key: k for k in keys}
    _header_row(ws, [c.label(lang) for c in spec.columns])
    _rows(ws, [[by[k].label(lang), v] for k, v in values])
    ws.column_dimensions["A"].width = 34
    return ws


def _dt(d: date, h: int, m: int = 0) -> datetime:
    return datetime(d.year, d.month, d.day, h, m)


def _yes(lang: str, v: bool) -> str:
    return ("ja" if v else "nei") if lang == "nb" else ("yes" if v else "no")


def _settings(lang: str, site: str, month: str, full_time: float, sunday: bool,
              night: bool) -> list[tuple[str, Any]]:
    return [
        ("site_name", site),
        ("month", month),
        ("day_boundary", "00:00"),
        ("week_start", "mandag" if lang == "nb" else "Monday"),
        ("night_start", "21:00"),
        ("night_end", "06:00"),
        ("full_time_hours", full_time),
        ("tariff_bound", _yes(lang, True)),
        ("sunday_work_permitted_by_nature", _yes(lang, sunday)),
        ("night_work_permitted_by_nature", _yes(lang, night)),
        ("language", lang),
    ]


_EMP_FIELDS = ("id", "name", "position_pct", "skills", "night_work_allowed")
