"""The ``Wishes granted`` sheet: each wish of the Requests sheet, granted or not, and why."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.worksheet.worksheet import Worksheet

from scheduler import i18n, request_results
from scheduler.io.write import styles as st
from scheduler.io.write.cells import (
    header,
    labels,
    put,
    put_text,
    widths,
)

WISH_KEYS = tuple(f"sheet.wishes.{k}" for k in (
    "number", "employee", "date", "kind", "shift", "weight", "granted", "reason"))


def write_wishes_sheet(ws: Worksheet, wishes: Sequence[request_results.WishResult],
                       lang: str = "en") -> None:
    header(ws, 1, labels(WISH_KEYS, lang))
    for i, w in enumerate(wishes):
        r = 2 + i
        put(ws, r, 1, w.number)
        put_text(ws, r, 2, w.employee)
        put(ws, r, 3, w.day, st.DATE_FMT)
        put(ws, r, 4, i18n.text(f"sheet.wishes.kind.{w.kind.value}", lang))
        put_text(ws, r, 5, w.shift or "")
        put(ws, r, 6, w.weight)
        granted = put(ws, r, 7, i18n.text("sheet.wishes.yes" if w.granted else "sheet.wishes.no",
                                          lang))
        if not w.granted:
            granted.font = st.RED_TEXT
        put_text(ws, r, 8, w.text(lang)).alignment = st.WRAP
    ws.auto_filter.ref = f"A1:H{1 + len(wishes)}"
    ws.freeze_panes = "A2"
    widths(ws, {1: 6, 2: 12, 3: 12, 4: 16, 5: 8, 6: 8, 7: 10, 8: 80})
