"""The ``Violations`` sheet: the checker's findings on this roster."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.worksheet.worksheet import Worksheet

from constraints.base import Finding, Severity
from scheduler import i18n
from scheduler.io.write import styles as st
from scheduler.io.write.cells import (
    header,
    labels,
    local_naive,
    put,
    put_text,
    widths,
)

VIOLATION_KEYS = tuple(f"findings.{k}" for k in (
    "severity", "rule", "paragraph", "employee", "window_start", "window_end", "measured",
    "limit", "unit", "allowed_by", "message", "source"))
VIOLATION_HEADERS = labels(VIOLATION_KEYS)


def write_violations_sheet(ws: Worksheet, findings: Sequence[Finding], lang: str = "en") -> None:
    header(ws, 1, labels(VIOLATION_KEYS, lang))
    if not findings:
        put(ws, 2, 1, i18n.text("findings.none", lang))
        put(ws, 2, 11, i18n.text("findings.nothing", lang))
    for i, f in enumerate(findings):
        r = 2 + i
        put(ws, r, 1, i18n.severity(f.severity.value, lang))
        put(ws, r, 2, f.rule)
        put(ws, r, 3, i18n.paragraph(f.rule, f.paragraph, lang))
        put_text(ws, r, 4, f.employee or "")
        put(ws, r, 5, local_naive(f.window_start), st.DATETIME_FMT)
        put(ws, r, 6, local_naive(f.window_end), st.DATETIME_FMT)
        put(ws, r, 7, f.measured)
        put(ws, r, 8, f.limit)
        put(ws, r, 9, i18n.unit(f.unit, lang))
        put(ws, r, 10, f.allowed_by.value if f.allowed_by else "")
        put_text(ws, r, 11, f.message).alignment = st.WRAP
        put(ws, r, 12, i18n.text(f"findings.source.{f.source.value}", lang))
        colour = st.VIOLATION if f.severity == Severity.violation else st.WARNING
        ws.cell(row=r, column=1).fill = st.fill(colour)
    if findings:
        ws.auto_filter.ref = f"A1:L{1 + len(findings)}"
    ws.freeze_panes = "A2"
    widths(ws, {1: 10, 2: 30, 3: 12, 4: 12, 5: 17, 6: 17, 7: 10, 8: 8, 9: 8, 10: 20, 11: 80,
                 12: 10})
