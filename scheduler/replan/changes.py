"""What changed since a roster was published (``roster replan``): absences, demand changes,
pinned assignments and the moment of re-planning, as read from a Changes sheet (Norwegian
``Endringer``; :mod:`scheduler.io.read.changes`).

Each change keeps ``ref`` (``sheet!cell`` of its row) so that a later problem with it (a pin on a
frozen shift) can name the cell.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator


class AbsenceKind(StrEnum):
    sick = "sick"
    leave = "leave"
    course = "course"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Absence(_Frozen):
    """``employee`` is away from ``start`` to ``end`` (whole days, inclusive)."""

    employee: Annotated[str, Field(min_length=1)]
    start: date
    end: date
    kind: AbsenceKind
    ref: str = ""

    @model_validator(mode="after")
    def _order(self) -> Absence:
        if self.end < self.start:
            raise ValueError("the absence ends before it starts")
        return self


class DemandChange(_Frozen):
    """``delta`` more (or, negative, fewer) people on ``shift`` on ``day`` (with ``skill``, or
    anyone when empty): minimum and target both move, never below zero."""

    day: date
    shift: Annotated[str, Field(min_length=1)]
    skill: str = ""
    delta: Annotated[int, Field(ge=-1000, le=1000)]
    ref: str = ""

    @model_validator(mode="after")
    def _nonzero(self) -> DemandChange:
        if self.delta == 0:
            raise ValueError("the change is 0 (give +n or -n)")
        return self


class Pin(_Frozen):
    """``employee`` works ``shift`` on ``day`` (``OFF``: has that day off) in the new roster."""

    employee: Annotated[str, Field(min_length=1)]
    day: date
    shift: Annotated[str, Field(min_length=1)]
    ref: str = ""


class Changes(_Frozen):
    """Everything that changed, and ``now``: the moment of re-planning (aware, Europe/Oslo);
    ``None`` when neither the sheet nor ``--now`` gives it (the command then uses the clock)."""

    absences: tuple[Absence, ...] = ()
    demand: tuple[DemandChange, ...] = ()
    pins: tuple[Pin, ...] = ()
    now: datetime | None = None

    @model_validator(mode="after")
    def _aware(self) -> Changes:
        if self.now is not None and self.now.tzinfo is None:
            raise ValueError("now must be timezone-aware (Europe/Oslo)")
        return self

    @property
    def empty(self) -> bool:
        return not (self.absences or self.demand or self.pins)
