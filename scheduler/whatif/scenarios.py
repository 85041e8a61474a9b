"""Scenarios: named lists of changes to a planning problem, and the ``Scenarios`` sheet reader.

The sheet (``Scenarios``, Norwegian ``Scenarier``) has one row per scenario and change; several
rows with the same scenario name form one scenario, applied in row order (a blank scenario cell
continues the scenario above). Columns (English / Norwegian; see ``docs/whatif.md``)::

    scenario | change | target | value | position % | scope | from | to | note
    Scenario | Endring| Gjelder| Verdi | Stilling % | Omfang| Fra  | Til| Merknad

Changes (the first word; Norwegian and a few other spellings are accepted):

=================  ======================================  =====================================
change             target                                  value / other columns
=================  ======================================  =====================================
remove_employees   employee ids (``W03, W07``) or a skill  with a skill: how many (the last N
                                                           with that skill in the Employees
                                                           sheet)
add_employees      a skill (``RN``)                        how many (default 1); position %
                                                           (default 100)
scale_demand       blank (all), or shift codes, skills,    the factor: ``1.1`` or ``110 %``;
                   weekdays, ``weekend``, ``holiday``      from / to limit it to dates
sick_leave         employee ids, or a skill                with a skill: how many; from and to
                                                           (required): the days away
agreement          a rule family (``10-5``)                the tier (``T3_TARIFF_REPS``, ``T2``,
                                                           ``T0`` = none); scope: site or an id;
                                                           from / to: valid from / to
parameter          ``10-8 daily_rest_hours``               the value; scope: site or an id
weight             a weight name (``fairness``)            a whole number
overtime           (blank)                                 yes (default) or no
=================  ======================================  =====================================

Every problem is collected with its cell and raised together as one
:class:`~scheduler.errors.InputError`: unknown changes, unknown employees, shifts, skills or
weights, bad numbers and dates, and changes that cannot be applied to the problem (each scenario
is applied once while reading, so a parameter beyond what its tier allows is reported at the
value cell, as in the Agreements sheet).
"""

from __future__ import annotations

import os
from collections import OrderedDict
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from constraints import limits
from scheduler.errors import Collector, InputError
from scheduler.model import Problem, Tier
from scheduler.workbook import cells as C
from scheduler.workbook import sheets as S
from scheduler.workbook.read.agreements import family_of, tier_of

BASELINE = "Baseline"
MAX_SCENARIOS = 500


class _Change(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class RemoveEmployees(_Change):
    """Remove employees (by id, or ``count`` employees with ``skill``)."""

    kind: Literal["remove_employees"] = "remove_employees"
    employees: tuple[str, ...] = ()
    skill: str | None = None
    count: Annotated[int, Field(ge=1, le=10_000)] | None = None

    def describe(self) -> str:
        if self.employees:
            return f"remove {', '.join(self.employees)}"
        return f"remove {self.count} {self.skill}"


class AddEmployees(_Change):
    """Add ``count`` employees with ``skill`` at ``position_pct`` (copies of a typical colleague)."""

    kind: Literal["add_employees"] = "add_employees"
    skill: str
    count: Annotated[int, Field(ge=1, le=1_000)] = 1
    position_pct: Annotated[float, Field(gt=0, le=100)] = 100.0

    def describe(self) -> str:
        return f"add {self.count} {self.skill} at {self.position_pct:g} %"


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

    def describe(self) -> str:
        parts = []
        if self.shifts:
            parts.append("shift " + "/".join(self.shifts))
        if self.skills:
            parts.append("skill " + "/".join(s or "any" for s in self.skills))
        days = [S.WEEKDAY_EN[d] for d in self.weekdays] + (["holidays"] if self.holidays else [])
        if days:
            parts.append("/".join(days))
        if self.start or self.end:
            parts.append(f"{self.start or '…'} to {self.end or '…'}")
        where = f" ({', '.join(parts)})" if parts else ""
        return f"demand × {self.factor:g}{where}"


class SickLeave(_Change):
    """Employees away (unavailable) from ``start`` to ``end`` inclusive."""

    kind: Literal["sick_leave"] = "sick_leave"
    employees: tuple[str, ...] = ()
    skill: str | None = None
    count: Annotated[int, Field(ge=1, le=10_000)] | None = None
    start: date
    end: date

    def describe(self) -> str:
        who = ", ".join(self.employees) if self.employees else f"{self.count} {self.skill}"
        return f"{who} away {self.start.isoformat()} to {self.end.isoformat()}"


class SetAgreementTier(_Change):
    """Replace the agreements of a rule family by one of ``tier`` (``T0_DEFAULT`` = none)."""

    kind: Literal["agreement"] = "agreement"
    family: str
    tier: Tier
    employee: str | None = None  # None = the whole site
    valid_from: date | None = None
    valid_to: date | None = None

    def describe(self) -> str:
        scope = self.employee or "site"
        return f"§ {self.family} agreement {self.tier.value} ({scope})"


class SetParameter(_Change):
    """Set a parameter in the agreements of a family (a stricter T0 agreement if there is none)."""

    kind: Literal["parameter"] = "parameter"
    family: str
    name: str
    value: float | int | bool | str
    employee: str | None = None

    def describe(self) -> str:
        return f"§ {self.family} {self.name} = {self.value} ({self.employee or 'site'})"


class SetWeight(_Change):
    kind: Literal["weight"] = "weight"
    name: str
    value: Annotated[int, Field(ge=0)]

    def describe(self) -> str:
        return f"weight {self.name} = {self.value}"


class AllowOvertime(_Change):
    """Let the solver plan overtime (stored and passed on as ``SolveOptions.allow_overtime``)."""

    kind: Literal["overtime"] = "overtime"
    allow: bool = True

    def describe(self) -> str:
        return "overtime allowed" if self.allow else "no overtime"


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

    def describe(self) -> str:
        return "; ".join(ch.describe() for ch in self.changes) or "no changes"


def with_baseline(scenarios: list[Scenario]) -> list[Scenario]:
    """The baseline (no changes) first, then the scenarios (a user ``Baseline`` is not doubled)."""
    rest = [s for s in scenarios if not (S.norm(s.name) == S.norm(BASELINE) and not s.changes)]
    return [Scenario(name=BASELINE), *rest]


# --------------------------------------------------------------------------------------------
# The sheet

SCENARIOS = S.SheetSpec(
    "scenarios", "Scenarios", "Scenarier",
    (
        S.Col("scenario", "scenario", "Scenario", ("name", "navn", "scenarionavn"), required=True),
        S.Col("change", "change", "Endring", ("kind", "type", "action", "handling"), required=True),
        S.Col("target", "target", "Gjelder",
              ("what", "hva", "employees", "ansatte", "skill", "ferdighet", "family", "mål")),
        S.Col("value", "value", "Verdi", ("count", "antall", "factor", "faktor", "tier", "nivå")),
        S.Col("position_pct", "position %", "Stilling %",
              ("position_pct", "position", "pct", "stilling", "stillingsprosent")),
        S.Col("scope", "scope", "Omfang", ("employee", "ansatt", "who", "hvem")),
        S.Col("from", "from", "Fra",
              ("start", "fra dato", "from date", "valid_from", "gyldig fra")),
        S.Col("to", "to", "Til", ("end", "slutt", "til dato", "valid_to", "gyldig til")),
        S.Col("note", "note", "Merknad", ("notes", "kommentar", "comment", "description")),
    ),
    ("scenario", "what-if", "whatif", "hva hvis", "scenarioer"),
)

CHANGE_WORDS: dict[str, tuple[str, ...]] = {
    "remove_employees": ("remove", "remove employee", "remove employees", "fewer", "fjern",
                         "fjern ansatt", "fjern ansatte", "færre"),
    "add_employees": ("add", "add employee", "add employees", "hire", "legg til",
                      "legg til ansatte", "ansett", "nyansatt", "nyansatte", "flere"),
    "scale_demand": ("demand", "scale", "scale demand", "bemanning", "skaler bemanning",
                     "endre bemanning", "behov"),
    "sick_leave": ("sick", "sick leave", "leave", "absence", "away", "syk", "sykmelding",
                   "sykemelding", "sykefravær", "fravær", "permisjon"),
    "agreement": ("agreement tier", "tier", "set tier", "avtale", "avtalenivå", "nivå"),
    "parameter": ("rule parameter", "param", "set parameter", "regelparameter"),
    "weight": ("set weight", "vekt", "vekting"),
    "overtime": ("allow overtime", "overtid", "tillat overtid"),
}
CHANGE_FIELDS = {  # cell a ChangeError's field points at
    "target": "target", "value": "value", "position_pct": "position_pct", "scope": "scope",
    "from": "from", "to": "to", "change": "change",
}
WEEKEND_WORDS = ("weekend", "weekends", "helg", "helger", "helgen")


def _split(text: str) -> list[str]:
    for sep in (";", "\n", "/"):
        text = text.replace(sep, ",")
    return [p.strip() for p in text.split(",") if p.strip()]


def find_scenario_sheet(wb: Any) -> str | None:
    """The title of the scenarios sheet (sheets written by aml-roster are skipped)."""
    from scheduler.workbook.roster_writer import is_output_sheet

    wanted = SCENARIOS.names()
    for ws in wb.worksheets:
        if S.norm(ws.title) in wanted and not is_output_sheet(ws):
            return str(ws.title)
    return None


class _SheetReader:
    def __init__(self, wb: Any, title: str, problem: Problem, out: Collector) -> None:
        self.wb, self.title, self.problem, self.out = wb, title, problem, out
        self.epoch = getattr(wb, "epoch", None)
        self.ids = {e.id for e in problem.employees}
        self.skills = {s for e in problem.employees for s in e.skills}
        self.skills |= {d.skill for d in problem.demand if d.skill}
        self.codes = {s.code: s.code for s in problem.shifts}
        self.codes.update({s.code.lower(): s.code for s in problem.shifts})

    # --- helpers ----------------------------------------------------------------------------

    def w(self, row: Any, fld: str) -> C.Where:
        return C.Where(self.out, self.title, row.ref(fld))

    def date_kw(self) -> dict[str, Any]:
        return {"epoch": self.epoch} if self.epoch is not None else {}

    def dates(self, row: Any) -> tuple[date | None, date | None, bool]:
        kw = self.date_kw()
        start = C.parse_date(row.get("from"), self.w(row, "from"), **kw)
        end = C.parse_date(row.get("to"), self.w(row, "to"), **kw)
        ok = (row.get("from") is None or start is not None) and \
             (row.get("to") is None or end is not None)
        if start is not None and end is not None and end < start:
            self.out.add(f"'to' {end.isoformat()} is before 'from' {start.isoformat()}",
                         self.title, row.ref("to"))
            ok = False
        return start, end, ok

    def count(self, row: Any, default: int | None, what: str = "a whole number") -> int | None:
        raw = row.get("value")
        if raw is None:
            return default
        n = C.parse_number(raw, self.w(row, "value"), integer=True, minimum=1, what=what)
        return None if n is None else int(n)

    def who(self, row: Any) -> dict[str, Any] | None:
        """Employees named in the target: ids, or a skill with a count in the value column."""
        text = C.text(row.get("target"))
        if text is None:
            self.out.add("name the employees (ids, comma-separated) or a skill",
                         self.title, row.ref("target"))
            return None
        parts = _split(text)
        if len(parts) == 1 and parts[0] not in self.ids and parts[0] in self.skills:
            n = self.count(row, None, "how many employees")
            if n is None:
                if row.get("value") is None:
                    self.out.add(f"give how many {parts[0]} in the value column",
                                 self.title, row.ref("value"))
                return None
            have = sum(1 for e in self.problem.employees if parts[0] in e.skills)
            if n > have:
                self.out.add(f"only {have} employee(s) have the skill {parts[0]!r}",
                             self.title, row.ref("value"))
                return None
            return {"skill": parts[0], "count": n}
        unknown = [p for p in parts if p not in self.ids]
        if unknown:
            self.out.add(f"unknown employee(s) {', '.join(map(repr, unknown))} (not in the "
                         "Employees sheet, and not a skill)", self.title, row.ref("target"))
            return None
        if len(set(parts)) != len(parts):
            self.out.add("an employee is named twice", self.title, row.ref("target"))
            return None
        if row.get("value") is not None:
            self.out.add("a count in the value column only goes with a skill as the target",
                         self.title, row.ref("value"))
            return None
        return {"employees": tuple(parts)}

    def scope(self, row: Any) -> tuple[bool, str | None]:
        text = C.text(row.get("scope"))
        if text is None or S.norm(text) in {S.norm(x) for x in S.SITE_WORDS}:
            return True, None
        if text in self.ids:
            return True, text
        self.out.add(f"unknown employee {text!r} as scope (write site, or an employee id)",
                     self.title, row.ref("scope"))
        return False, None

    def family(self, raw: Any, row: Any) -> str | None:
        fam = family_of(raw)
        if fam is None or fam not in limits.FAMILIES:
            known = ", ".join(limits.FAMILIES)
            self.out.add(f"unknown rule family {C.text(raw)!r} (known: {known})",
                         self.title, row.ref("target"))
            return None
        return fam

    # --- one row ------------------------------------------------------------------------------

    def change(self, kind: str, row: Any) -> _Change | None:  # noqa: C901 - one branch per kind
        if kind in ("remove_employees", "sick_leave"):
            who = self.who(row)
            if kind == "remove_employees":
                return None if who is None else RemoveEmployees(**who)
            start, end, ok = self.dates(row)
            for fld, d in (("from", start), ("to", end)):
                if d is None and row.get(fld) is None:
                    self.out.add(f"sick leave needs a '{fld}' date", self.title, row.ref(fld))
                    ok = False
            if who is None or not ok or start is None or end is None:
                return None
            return SickLeave(**who, start=start, end=end)
        if kind == "add_employees":
            skill = C.text(row.get("target"))
            ok = True
            if skill is None:
                self.out.add("name the skill of the new employees", self.title, row.ref("target"))
                ok = False
            elif skill not in self.skills:
                known = ", ".join(sorted(self.skills)) or "none"
                self.out.add(f"unknown skill {skill!r} (known: {known})", self.title,
                             row.ref("target"))
                ok = False
            n = self.count(row, 1, "how many employees")
            pct = C.parse_percent(row.get("position_pct"), self.w(row, "position_pct"))
            if pct is not None and pct <= 0:
                self.out.add("the position must be above 0 %", self.title, row.ref("position_pct"))
                ok = False
            if not ok or n is None or (row.get("position_pct") is not None and pct is None):
                return None
            return AddEmployees(skill=skill, count=n, position_pct=100.0 if pct is None else pct)
        if kind == "scale_demand":
            return self.scale(row)
        if kind == "agreement":
            fam = self.family(row.get("target"), row)
            raw = C.text(row.get("value"))
            tier = tier_of(raw) if raw else None
            if raw is None:
                self.out.add("give the tier in the value column (T0 = no agreement)",
                             self.title, row.ref("value"))
            elif tier is None:
                known = ", ".join(t.value for t in Tier)
                self.out.add(f"unknown tier {raw!r} (known: {known})", self.title, row.ref("value"))
            ok, emp = self.scope(row)
            start, end, dates_ok = self.dates(row)
            if fam is None or tier is None or not ok or not dates_ok:
                return None
            return SetAgreementTier(family=fam, tier=tier, employee=emp, valid_from=start,
                                    valid_to=end)
        if kind == "parameter":
            return self.parameter(row)
        if kind == "weight":
            text = C.text(row.get("target"))
            lookup = {n: k.key for k in S.WEIGHT_KEYS for n in k.names()}
            key = lookup.get(S.norm(text or ""))
            if key is None:
                known = ", ".join(k.key for k in S.WEIGHT_KEYS)
                self.out.add(f"unknown weight {text!r} (known: {known})", self.title,
                             row.ref("target"))
            value = C.parse_number(row.get("value"), self.w(row, "value"), integer=True,
                                   minimum=0, what="a whole number")
            if row.get("value") is None:
                self.out.add("give the weight in the value column", self.title, row.ref("value"))
            if key is None or value is None:
                return None
            return SetWeight(name=key, value=int(value))
        if kind == "overtime":
            allow = C.parse_bool(row.get("value"), self.w(row, "value"), default=True)
            return AllowOvertime(allow=bool(allow))
        raise AssertionError(kind)  # pragma: no cover

    def factor(self, row: Any) -> float | None:
        raw = row.get("value")
        w = self.w(row, "value")
        if raw is None:
            self.out.add("give the factor in the value column, e.g. 1.1 or 110 %", self.title,
                         row.ref("value"))
            return None
        if isinstance(raw, str) and raw.strip().endswith("%"):
            pct = C.parse_number(raw.strip().rstrip("%"), w, minimum=0, maximum=1000,
                                 what="a percentage like 110 %")
            return None if pct is None else pct / 100.0
        x = C.parse_number(raw, w, minimum=0, maximum=10, what="a factor like 1.1 or 110 %")
        return None if x is None else float(x)

    def scale(self, row: Any) -> ScaleDemand | None:
        factor = self.factor(row)
        shifts: list[str] = []
        skills: list[str] = []
        weekdays: list[int] = []
        holidays = False
        ok = True
        text = C.text(row.get("target"))
        for token in _split(text or ""):
            kind, _, rest = token.partition(":")
            kind_n = S.norm(kind) if rest else ""
            value = rest.strip() if rest else token
            n = S.norm(value)
            wd = S.weekday_of(value)
            if kind_n in ("shift", "vakt") or (not kind_n and (value in self.codes or
                                                               value.lower() in self.codes)):
                code = self.codes.get(value) or self.codes.get(value.lower())
                if code is None:
                    self.out.add(f"unknown shift code {value!r}", self.title, row.ref("target"))
                    ok = False
                else:
                    shifts.append(code)
            elif kind_n in ("skill", "ferdighet") or (not kind_n and value in self.skills):
                if n in ("any", "alle", ""):
                    skills.append("")
                elif value not in self.skills:
                    self.out.add(f"unknown skill {value!r}", self.title, row.ref("target"))
                    ok = False
                else:
                    skills.append(value)
            elif n in {S.norm(x) for x in WEEKEND_WORDS}:
                weekdays += [5, 6]
            elif wd == S.HOLIDAY:
                holidays = True
            elif wd is not None:
                weekdays.append(wd)
            else:
                self.out.add(f"{token!r} is not a shift code, skill, weekday, weekend or "
                             "holiday", self.title, row.ref("target"))
                ok = False
        start, end, dates_ok = self.dates(row)
        if factor is None or not ok or not dates_ok:
            return None
        return ScaleDemand(factor=factor, shifts=tuple(dict.fromkeys(shifts)),
                           skills=tuple(dict.fromkeys(skills)),
                           weekdays=tuple(sorted(set(weekdays))), holidays=holidays,
                           start=start, end=end)

    def parameter(self, row: Any) -> SetParameter | None:
        text = C.text(row.get("target"))
        if text is None:
            self.out.add("name the parameter, e.g. 10-8 daily_rest_hours", self.title,
                         row.ref("target"))
            return None
        words = text.replace(":", " ").replace(".", " ", 1).split() \
            if not isinstance(row.get("target"), date) else [text]
        fam = family_of(words[0]) if words else None
        if fam in limits.FAMILIES:
            name_words = words[1:]
        else:
            fam, name_words = None, words
        name = "_".join(w.lower() for w in name_words)
        families = [fam] if fam else [k for k, f in limits.FAMILIES.items() if name in f.params]
        if not name or not families or name not in limits.FAMILIES[families[0]].params:
            where = f"§ {fam}" if fam else "any rule family"
            known = ", ".join(sorted(limits.FAMILIES[fam].params)) if fam else ""
            self.out.add(f"{where} has no parameter {name!r}" + (f" (known: {known})" if known
                                                                 else ""),
                         self.title, row.ref("target"))
            return None
        if len(families) > 1:
            self.out.add(f"{name!r} is a parameter of several families "
                         f"({', '.join(families)}); write e.g. '{families[0]} {name}'",
                         self.title, row.ref("target"))
            return None
        fam = families[0]
        p = limits.FAMILIES[fam].params[name]
        raw = row.get("value")
        w = self.w(row, "value")
        value: Any
        if raw is None:
            self.out.add(f"the parameter {name!r} has no value", self.title, row.ref("value"))
            return None
        if p.direction == "flag" and isinstance(p.default, str):
            value = (C.text(raw) or "").lower()
        elif p.direction == "flag":
            value = C.parse_bool(raw, w)
        else:
            value = C.parse_number(raw, w)
        ok, emp = self.scope(row)
        if value is None or not ok:
            return None
        return SetParameter(family=fam, name=name, value=value, employee=emp)


def read_scenarios(
    path: str | os.PathLike[str],
    problem: Problem,
    *,
    required: bool = True,
    data: bytes | None = None,
) -> list[Scenario]:
    """Read the scenarios sheet of ``path`` (without the baseline); raise every problem at once.

    Each scenario is applied to ``problem`` once while reading, so a change that cannot be
    applied (an agreement parameter beyond its tier, a leave outside the horizon, …) is reported
    at its cell. ``required``: a missing sheet is an input error (otherwise ``[]``).
    """
    from scheduler.workbook.read.table import missing_columns, read_table
    from scheduler.workbook.used import load_used

    wb = load_used(path, data)  # memory follows the data, not the sheet's dimension
    out = Collector(str(path))
    title = find_scenario_sheet(wb)
    if title is None:
        if required:
            out.add(f"no {SCENARIOS.en!r} sheet (Norwegian {SCENARIOS.nb!r}) with scenarios "
                    "was found; see docs/whatif.md for its layout")
            out.raise_if_any()
        return []
    table = read_table(wb[title], SCENARIOS, out)
    if table is None or not missing_columns(table, SCENARIOS, out):
        out.raise_if_any()
        return []
    reader = _SheetReader(wb, title, problem, out)
    groups: OrderedDict[str, list[tuple[_Change, Any]]] = OrderedDict()
    names: dict[str, str] = {}
    current: str | None = None
    broken: set[str] = set()
    for row in table.rows:
        raw_name = C.text(row.get("scenario"))
        if raw_name is None and C.text(row.get("change")) is None:
            continue  # a note-only row
        if raw_name is None:
            if current is None:
                out.add("the scenario name is missing", title, row.ref("scenario"))
                continue
            raw_name = current
        current = raw_name
        key = S.norm(raw_name) or raw_name
        if key == S.norm(BASELINE):
            out.add(f"the name {BASELINE!r} is kept for the unchanged problem (it is always "
                    "included); give this scenario another name", title, row.ref("scenario"))
            broken.add(key)
            continue
        names.setdefault(key, raw_name)
        groups.setdefault(key, [])
        kind_text = C.text(row.get("change"))
        if kind_text is None:
            out.add("the change is missing", title, row.ref("change"))
            broken.add(key)
            continue
        kind = S.match_word(kind_text, CHANGE_WORDS)
        if kind is None:
            known = ", ".join(CHANGE_WORDS)
            out.add(f"unknown change {kind_text!r} (known: {known})", title, row.ref("change"))
            broken.add(key)
            continue
        before = len(out.issues)
        try:
            change = reader.change(kind, row)
        except ValidationError as exc:
            for err in exc.errors():
                out.add(str(err.get("msg", "invalid value")), title, row.ref("value"))
            change = None
        if change is None or len(out.issues) > before:
            if len(out.issues) == before:
                out.add("this change could not be read", title, row.ref("change"))
            broken.add(key)
            continue
        groups[key].append((change, row))
    if len(groups) > MAX_SCENARIOS:
        out.add(f"{len(groups)} scenarios; at most {MAX_SCENARIOS} are allowed", title, "A1")
    scenarios: list[Scenario] = []
    for key, items in groups.items():
        if key in broken:
            continue
        scenario = Scenario(name=names[key], changes=tuple(ch for ch, _ in items))
        _dry_run(problem, scenario, [r for _, r in items], title, out)
        scenarios.append(scenario)
    if out.issues:
        raise InputError(sorted(out.issues, key=lambda i: _row_of(i.cell)))
    return scenarios


def write_scenarios_sheet(wb: Any, rows: list[list[Any]], lang: str = "en") -> Any:
    """Add a ``Scenarios`` (``Scenarier``) input sheet to an openpyxl workbook (for examples).

    ``rows``: scenario, change, target, value, position %, scope, from, to, note (trailing cells
    may be left out). Text is written formula-safe; dates as dates.
    """
    from datetime import datetime

    from openpyxl.styles import Font, PatternFill

    from scheduler.workbook.excel import cell_text

    ws = wb.create_sheet(SCENARIOS.label(lang))
    for c, col in enumerate(SCENARIOS.columns, start=1):
        cell = ws.cell(row=1, column=c, value=col.label(lang))
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="1F4E78")
        ws.column_dimensions[cell.column_letter].width = (
            {1: 30, 2: 18, 3: 24, 9: 50}.get(c, 14))
    for r, values in enumerate(rows, start=2):
        for c, v in enumerate(values, start=1):
            if v is None:
                continue
            if isinstance(v, date) and not isinstance(v, datetime):
                v = datetime(v.year, v.month, v.day)
            cell = ws.cell(row=r, column=c, value=cell_text(v))
            if isinstance(v, datetime):
                cell.number_format = "yyyy-mm-dd"
            elif isinstance(v, str) and c == 3:
                cell.number_format = "@"  # keep 10-5 as text
    ws.freeze_panes = "A2"
    return ws


def _row_of(ref: str) -> tuple[int, str]:
    digits = "".join(ch for ch in ref if ch.isdigit())
    letters = "".join(ch for ch in ref if ch.isalpha())
    return (int(digits) if digits else 0, letters.rjust(3))


def _dry_run(problem: Problem, scenario: Scenario, rows: list[Any], title: str,
             out: Collector) -> None:
    """Apply the scenario once; the first change that fails is reported at its cell."""
    from scheduler.whatif.apply import ChangeError, apply_change

    p = problem
    for change, row in zip(scenario.changes, rows, strict=True):
        try:
            p = apply_change(p, change)
        except ChangeError as exc:
            out.add(exc.message, title, row.ref(CHANGE_FIELDS.get(exc.field, "change")))
            return
        except (ValueError, KeyError) as exc:
            out.add(f"this change cannot be applied: {exc}", title, row.ref("change"))
            return
