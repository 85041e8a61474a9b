"""Input problems: collected, never raised one at a time, and shown with file, sheet and cell.

A problem's text is a catalogue entry (:func:`scheduler.i18n.msg`) where it can be, so it is
shown in the language in force (``--lang``, or the workbook's Settings language once it is
known): :meth:`Issue.text` and :meth:`InputError.render`. ``Issue.message`` is always the
English text (for logs, JSON and callers that compare it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem in the user's input, located as precisely as we can."""

    message: Any  # str, or an i18n.Msg (then turned into the English text, kept in ``msg``)
    file: str = ""
    sheet: str = ""
    cell: str = ""  # A1 reference ("B7"), a column ("C"), or "" for the whole sheet/file
    msg: Any = None  # the catalogue entry behind ``message`` (an i18n.Msg), if any

    def __post_init__(self) -> None:
        from scheduler.i18n import Msg

        if isinstance(self.message, Msg):
            object.__setattr__(self, "msg", self.message)
            object.__setattr__(self, "message", self.message.render("en"))

    def text(self, lang: str = "en") -> str:
        """The problem with its place, in ``lang``."""
        from scheduler import i18n

        message = self.msg.render(lang) if self.msg is not None else self.message
        where = ", ".join(
            part
            for part in (
                self.file,
                i18n.text("input.where_sheet", lang, sheet=repr(self.sheet)) if self.sheet else "",
                i18n.text("input.where_cell", lang, cell=self.cell) if self.cell else "",
            )
            if part
        )
        return f"{where}: {message}" if where else message

    def __str__(self) -> str:
        return self.text("en")


@dataclass
class InputError(Exception):
    """Bad input. Carries every problem found; the CLI prints them all and exits with code 2."""

    issues: list[Issue] = field(default_factory=list)
    lang: str = "en"  # the language of the input, once known (its Settings sheet)

    def render(self, lang: str | None = None) -> str:
        from scheduler import i18n

        lang = lang or self.lang
        n = len(self.issues)
        head = i18n.text("input.head_one" if n == 1 else "input.head", lang, n=n)
        return "\n".join([head, *(f"  - {i.text(lang)}" for i in self.issues)])

    def __str__(self) -> str:
        return self.render("en")


class Collector:
    """Accumulates issues while reading; ``raise_if_any`` raises them all at once."""

    def __init__(self, file: str = "") -> None:
        self.file = file
        self.issues: list[Issue] = []
        self.lang = "en"  # set by a reader once the input's language is known

    def add(self, message: Any, sheet: str = "", cell: str = "") -> None:
        """Add a problem: English text, or a catalogue entry (:func:`scheduler.i18n.msg`)."""
        self.issues.append(Issue(message, self.file, sheet, cell))

    def raise_if_any(self) -> None:
        if self.issues:
            raise InputError(list(self.issues), self.lang)
