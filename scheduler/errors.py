"""Input problems: collected, never raised one at a time, and shown with file, sheet and cell."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem in the user's input, located as precisely as we can."""

    message: str
    file: str = ""
    sheet: str = ""
    cell: str = ""  # A1 reference ("B7"), a column ("C"), or "" for the whole sheet/file

    def __str__(self) -> str:
        where = ", ".join(
            part
            for part in (
                self.file,
                f"sheet {self.sheet!r}" if self.sheet else "",
                f"cell {self.cell}" if self.cell else "",
            )
            if part
        )
        return f"{where}: {self.message}" if where else self.message


@dataclass
class InputError(Exception):
    """Bad input. Carries every problem found; the CLI prints them all and exits with code 2."""

    issues: list[Issue] = field(default_factory=list)

    def __str__(self) -> str:
        n = len(self.issues)
        head = f"{n} problem{'s' if n != 1 else ''} in the input:"
        return "\n".join([head, *(f"  - {i}" for i in self.issues)])


class Collector:
    """Accumulates issues while reading; ``raise_if_any`` raises them all at once."""

    def __init__(self, file: str = "") -> None:
        self.file = file
        self.issues: list[Issue] = []

    def add(self, message: str, sheet: str = "", cell: str = "") -> None:
        self.issues.append(Issue(message, self.file, sheet, cell))

    def raise_if_any(self) -> None:
        if self.issues:
            raise InputError(list(self.issues))
