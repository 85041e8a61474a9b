"""What ``roster staffing`` answers: the hires, their planned hours, the neighbours searched.

The pydantic models of the answer (:class:`StaffingAnswer` and its parts) and the names the
search gives its hires; the search itself is :mod:`scheduler.whatif.staffing_search`, the
entry point :func:`scheduler.whatif.staffing.find_staffing`.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, field_serializer

from scheduler import i18n

HIRE_PREFIX = "HIRE"
DEFAULT_POSITIONS = (50.0, 75.0, 100.0)

# A sentence as a catalogue entry with its arguments; in English in the JSON.
Words = Annotated[i18n.Msg, PlainSerializer(lambda m: m.render("en"), return_type=str,
                                            when_used="json")]


class Hire(BaseModel):
    model_config = ConfigDict(frozen=True)

    skill: str  # "any" for demand open to every skill
    position_pct: float
    count: int

    def text(self, lang: str = "en") -> str:
        return i18n.text("staffing.hire", lang, count=self.count, skill=self.skill,
                         pct=self.position_pct)


class HiredHours(BaseModel):
    model_config = ConfigDict(frozen=True)

    employee: str
    skill: str
    position_pct: float
    hours: float
    contract: float


class Neighbour(BaseModel):
    """One neighbour of the answer tried in the verify step: one hire dropped or lowered."""

    model_config = ConfigDict(frozen=True)

    change: Words  # "drop 1 RN at 75 %", "RN 75 % -> 65 %"
    tried: bool  # False: the solve budget ran out first
    status: str | None = None  # the solver's status of the neighbour's solve
    short: int | None = None  # person-shifts below the minimum in its roster
    within_positions: bool | None = None
    proven: bool = False  # more demand short, proven (an optimal solve, or the shortfall's bound)


class StaffingAnswer(BaseModel):
    model_config = ConfigDict(frozen=True)

    label: str
    tier: str | None = None
    status: str  # covered | not_coverable (by hiring) | not_found (in the time) | no_roster
    hires: list[Hire] = Field(default_factory=list)
    coverage_before: float | None = None
    coverage_after: float | None = None
    uncovered_before: dict[str, float] = Field(default_factory=dict)
    uncovered_after: dict[str, float] = Field(default_factory=dict)
    remaining: list[Words] = Field(default_factory=list)  # demand still short, in words
    hired_hours: list[HiredHours] = Field(default_factory=list)
    extra_hours: float | None = None  # extra hours of everyone in the final roster
    violations: int | None = None
    solves: int = 0
    seconds: float = 0.0
    message: Words | None = None  # why not covered (None when covered)
    step_pct: float | None = None  # the step of the position search (None: off)
    searched: list[Neighbour] = Field(default_factory=list)
    minimal_proven: bool = False  # within the searched space (module docstring, step 4)

    @field_serializer("message", when_used="json")
    def _message_json(self, m: i18n.Msg | None) -> str:  # "" when covered, as before
        return "" if m is None else m.render("en")

    @property
    def heads(self) -> int:
        return sum(h.count for h in self.hires)

    @property
    def fte(self) -> float:
        return sum(h.count * h.position_pct for h in self.hires) / 100.0

    def summary(self, lang: str = "en") -> str:
        """``needs +1 RN at 75 % → coverage 92.9 % → 100.0 %`` (and why not, when not)."""
        why = "" if self.message is None else self.message.render(lang)
        if self.status == "no_roster":
            return why
        needs = ", ".join(h.text(lang) for h in self.hires) if self.hires else \
            i18n.text("staffing.no_extra", lang)
        line = i18n.text("staffing.needs", lang, hires=needs)
        if self.coverage_before is not None and self.coverage_after is not None:
            line += i18n.text("staffing.coverage", lang, before=self.coverage_before,
                              after=self.coverage_after)
        if self.status in ("not_coverable", "not_found"):
            line += f"; {why}"
        return line
