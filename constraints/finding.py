"""A finding: one breach (or warning) with the rule, the paragraph, the employee and the window.

A check run can produce tens of thousands of findings (a rejected roster of a large ward), so a
:class:`Finding` is a small immutable object, not a validated pydantic model: it is built and
sorted cheaply, and its message is worded only when it is read (once). The JSON report goes
through :class:`FindingJSON`, the one place that fixes the agreed schema and its serialisation.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import TypeAdapter
from typing_extensions import TypedDict

from scheduler import i18n
from scheduler.model import Tier


class Severity(StrEnum):
    violation = "violation"
    warning = "warning"


class Source(StrEnum):
    """Who caused a finding: the roster being checked, or History alone.

    ``history``: every work period behind the finding lies in the History sheet (or History alone
    forces it), so no roster for the horizon can change it (``constraints.checker`` decides).
    """

    roster = "roster"
    history = "history"


@dataclass(frozen=True, slots=True, init=False)
class Finding:
    """One breach (or warning), with the paragraph, the employee and the exact time window.

    The message is a catalogue entry (``message_key`` + ``message_args``, scheduler.i18n) worded
    in ``language`` when :attr:`message` is read, so it can also be shown in another language;
    or plain text (``Finding(message=...)``, kept as ``text``), which wins over the entry.
    """

    rule: str
    paragraph: str
    severity: Severity
    employee: str | None
    window_start: datetime | None
    window_end: datetime | None
    measured: float | None
    limit: float | None
    unit: str
    allowed_by: Tier | None
    text: str | None
    message_key: str | None
    message_args: dict[str, Any]
    language: str
    source: Source
    _message: str | None = field(default=None, init=False, repr=False, compare=False)

    def __init__(
        self,
        *,
        rule: str,
        paragraph: str,
        severity: Severity | str,
        employee: str | None,
        window_start: datetime | None,
        window_end: datetime | None,
        measured: float | None = None,
        limit: float | None = None,
        unit: str = "",
        allowed_by: Tier | str | None = None,
        message: str | None = None,
        text: str | None = None,
        message_key: str | None = None,
        message_args: Mapping[str, Any] | None = None,
        language: str = i18n.DEFAULT_LANGUAGE,
        source: Source | str = Source.roster,
    ) -> None:
        text = message if message is not None else text
        if text is None and message_key is None:
            raise ValueError("a finding needs a message or a message_key")
        put = object.__setattr__
        put(self, "rule", rule)
        put(self, "paragraph", paragraph)
        put(self, "severity", severity if type(severity) is Severity else Severity(severity))
        put(self, "employee", employee)
        put(self, "window_start", window_start)
        put(self, "window_end", window_end)
        put(self, "measured", None if measured is None else float(measured))
        put(self, "limit", None if limit is None else float(limit))
        put(self, "unit", unit)
        put(self, "allowed_by",
            allowed_by if allowed_by is None or type(allowed_by) is Tier else Tier(allowed_by))
        put(self, "text", text)
        put(self, "message_key", message_key)
        put(self, "message_args", dict(message_args) if message_args else {})
        put(self, "language", language)
        put(self, "source", source if type(source) is Source else Source(source))
        put(self, "_message", text)

    @property
    def message(self) -> str:
        text = self._message
        if text is None:
            assert self.message_key is not None
            text = i18n.render(self.message_key, self.message_args, self.language)
            object.__setattr__(self, "_message", text)
        return text

    def replace(self, **changes: Any) -> Finding:
        """A copy with some fields changed (``text`` to change the message)."""
        return replace(self, **changes)

    def to_json(self) -> dict[str, Any]:
        """The finding in the JSON report's schema (times ISO 8601 with their UTC offset)."""
        return _JSON.dump_python(
            {
                "rule": self.rule,
                "paragraph": self.paragraph,
                "severity": self.severity,
                "employee": self.employee,
                "window_start": self.window_start,
                "window_end": self.window_end,
                "measured": self.measured,
                "limit": self.limit,
                "unit": self.unit,
                "allowed_by": self.allowed_by,
                "message": self.message,
                "source": self.source,
            },
            mode="json",
        )


class FindingJSON(TypedDict):
    """One finding as the JSON report has it (the agreed schema, in this order)."""

    rule: str
    paragraph: str
    severity: Severity
    employee: str | None
    window_start: datetime | None
    window_end: datetime | None
    measured: float | None
    limit: float | None
    unit: str
    allowed_by: Tier | None
    message: str
    source: Source


_JSON = TypeAdapter(FindingJSON)
