"""The what-if change models: a scenario is a named list of changes to a planning problem.

A leaf module (pydantic models only): the sheet reader
(:mod:`scheduler.io.read.scenarios`) builds them, :mod:`scheduler.whatif.apply` applies
them, the runner sends them to worker processes as JSON. The changes and their columns in the
``Scenarios`` sheet are described in ``docs/whatif.md``.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from scheduler import i18n
from scheduler.model import Tier

BASELINE = "Baseline"


class _Change(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class RemoveEmployees(_Change):
    """Remove employees (by id, or ``count`` employees with ``skill``)."""

    kind: Literal["remove_employees"] = "remove_employees"
    employees: tuple[str, ...] = ()
    skill: str | None = None
    count: Annotated[int, Field(ge=1, le=10_000)] | None = None

    def describe(self, lang: str = "en") -> str:
        if self.employees:
            return i18n.text("whatif.change.remove", lang, who=", ".join(self.employees))
        return i18n.text("whatif.change.remove_n", lang, count=self.count, skill=self.skill)


class AddEmployees(_Change):
    """Add ``count`` employees with ``skill`` at ``position_pct`` (copies of a typical colleague)."""

    kind: Literal["add_employees"] = "add_employees"
    skill: str
    count: Annotated[int, Field(ge=1, le=1_000)] = 1
    position_pct: Annotated[float, Field(gt=0, le=100)] = 100.0

    def describe(self, lang: str = "en") -> str:
        return i18n.text("whatif.change.add", lang, count=self.count, skill=self.skill,
                         pct=self.position_pct)


class ScaleDemand(_Change):
    """Multiply the demand (minimum and target) of the matching rows by ``factor``."""

    kind: Literal["scale_demand"] = "scale_demand"
    factor: Annotated[float, Field(ge=0, le=10)]
    shifts: tuple[str, ...] = ()
    skills: tuple[str, ...] = ()  # "" = rows open to any skill
    weekdays: tuple[Annotated[int, Field(ge=0, le=6)], ...] = ()
    holidays: bool = False
    start: date | None = None
    end: date | None = None

    def describe(self, lang: str = "en") -> str:
        parts = []
        if self.shifts:
            parts.append(i18n.text("whatif.change.shift", lang, codes="/".join(self.shifts)))
        if self.skills:
            anyone = i18n.text("whatif.change.any", lang)
            parts.append(i18n.text("whatif.change.skill", lang,
                                   skills="/".join(s or anyone for s in self.skills)))
        days = [i18n.text(f"weekday_short.{d}", lang) for d in self.weekdays] + (
            [i18n.text("whatif.change.holidays", lang)] if self.holidays else [])
        if days:
            parts.append("/".join(days))
        if self.start or self.end:
            parts.append(i18n.text("whatif.change.span", lang, start=str(self.start or "…"),
                                   end=str(self.end or "…")))
        where = f" ({', '.join(parts)})" if parts else ""
        return i18n.text("whatif.change.demand", lang, factor=self.factor, where=where)


class SickLeave(_Change):
    """Employees away (unavailable) from ``start`` to ``end`` inclusive."""

    kind: Literal["sick_leave"] = "sick_leave"
    employees: tuple[str, ...] = ()
    skill: str | None = None
    count: Annotated[int, Field(ge=1, le=10_000)] | None = None
    start: date
    end: date

    def describe(self, lang: str = "en") -> str:
        who = ", ".join(self.employees) if self.employees else f"{self.count} {self.skill}"
        return i18n.text("whatif.change.away", lang, who=who, start=self.start.isoformat(),
                         end=self.end.isoformat())


class SetAgreementTier(_Change):
    """Replace the agreements of a rule family by one of ``tier`` (``T0_DEFAULT`` = none)."""

    kind: Literal["agreement"] = "agreement"
    family: str
    tier: Tier
    employee: str | None = None  # None = the whole site
    valid_from: date | None = None
    valid_to: date | None = None

    def describe(self, lang: str = "en") -> str:
        scope = self.employee or i18n.text("whatif.change.site", lang)
        return i18n.text("whatif.change.agreement", lang, family=self.family,
                         tier=self.tier.value, scope=scope)


class SetParameter(_Change):
    """Set a parameter in the agreements of a family (a stricter T0 agreement if there is none)."""

    kind: Literal["parameter"] = "parameter"
    family: str
    name: str
    value: float | int | bool | str
    employee: str | None = None

    def describe(self, lang: str = "en") -> str:
        scope = self.employee or i18n.text("whatif.change.site", lang)
        value = self.value
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # 17, not 17.0
        return i18n.text("whatif.change.parameter", lang, family=self.family, name=self.name,
                         value=value, scope=scope)


class SetWeight(_Change):
    kind: Literal["weight"] = "weight"
    name: str
    value: Annotated[int, Field(ge=0)]

    def describe(self, lang: str = "en") -> str:
        return i18n.text("whatif.change.weight", lang, name=self.name, value=self.value)


class AllowOvertime(_Change):
    """Let the solver plan overtime (stored and passed on as ``SolveOptions.allow_overtime``)."""

    kind: Literal["overtime"] = "overtime"
    allow: bool = True

    def describe(self, lang: str = "en") -> str:
        return i18n.text("whatif.change.overtime_on" if self.allow else "whatif.change.overtime_off",
                         lang)


Change = Annotated[
    RemoveEmployees | AddEmployees | ScaleDemand | SickLeave | SetAgreementTier | SetParameter
    | SetWeight | AllowOvertime,
    Field(discriminator="kind"),
]


class Scenario(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    name: Annotated[str, Field(min_length=1, max_length=200)]
    changes: tuple[Change, ...] = ()

    @property
    def allow_overtime(self) -> bool:
        allow = False
        for ch in self.changes:
            if isinstance(ch, AllowOvertime):
                allow = ch.allow
        return allow

    def describe(self, lang: str = "en") -> str:
        """The changes in words, in ``lang``."""
        return "; ".join(ch.describe(lang) for ch in self.changes) or \
            i18n.text("whatif.change.none", lang)


def with_baseline(scenarios: list[Scenario]) -> list[Scenario]:
    """The baseline (no changes) first, then the scenarios (a user ``Baseline`` is not doubled)."""
    rest = [s for s in scenarios if not (_plain(s.name) == _plain(BASELINE) and not s.changes)]
    return [Scenario(name=BASELINE), *rest]


def _plain(name: str) -> str:
    """A name without case, spaces and punctuation (as sheet names are compared)."""
    return "".join(ch for ch in name.lower() if ch.isalnum() or ch == "%")
