"""What ``roster candidates`` answers: the open shift, its ranked candidates, the rejected.

The pydantic models of the answer; the search is :mod:`scheduler.replan.candidates`.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from scheduler import i18n

TakenAs = Literal["planned", "overtime_tail", "overtime"]


class NotRostered(ValueError):
    """The absent employee has no such shift on that day in the published roster."""

    def __init__(self, employee: str, day: date, shift: str, has: str | None) -> None:
        super().__init__(f"{employee} has no {shift} on {day} (the roster has {has or 'off'})")
        self.employee, self.day, self.shift, self.has = employee, day, shift, has


class Effect(BaseModel):
    """One thing taking the shift causes, as a catalogue entry (shown in English or
    Norwegian)."""

    model_config = ConfigDict(frozen=True)

    key: str
    args: dict[str, Any] = Field(default_factory=dict)

    def text(self, lang: str = "en") -> str:
        return i18n.render(self.key, self.args, lang)


class Candidate(BaseModel):
    model_config = ConfigDict(frozen=True)

    rank: int
    employee: str
    name: str = ""
    taken_as: TakenAs
    shift_hours: float
    overtime_hours: float  # hours worked as overtime
    extra_hours: float  # hours past the contract over the period that this shift adds
    cost: float | None  # hours x hourly cost x (1 + premium) for overtime; None: no hourly cost
    week_hours_before: float
    week_hours_after: float
    overtime_week_used: float  # overtime in the shift's week after taking it
    overtime_week_cap: float | None  # the § 10-6 cap per 7 days in force (None: no overtime)
    hours_before: float  # planned over the period
    hours_after: float
    contract_hours: float
    night_hours: float  # so far in the period (fairness)
    sunday_hours: float
    wish: Literal["for", "against", "none"] = "none"
    new_warnings: list[str] = Field(default_factory=list)  # rule ids of warnings it adds
    effects: list[Effect] = Field(default_factory=list)


class Rejection(BaseModel):
    model_config = ConfigDict(frozen=True)

    employee: str
    name: str = ""
    reason: Literal["works_that_day", "away", "skill", "rules"]
    rules: list[str] = Field(default_factory=list)  # the rules it would break (reason "rules")

    def text(self, lang: str = "en") -> str:
        return i18n.text(f"cand.reject.{self.reason}", lang, rules=", ".join(self.rules))


class CandidateReport(BaseModel):
    model_config = ConfigDict(frozen=True)

    day: date
    shift: str
    start: datetime
    end: datetime
    absent: str | None
    skills: list[str]  # skills a candidate needs
    candidates: list[Candidate]
    rejected: list[Rejection]
    checks: int  # check runs made
