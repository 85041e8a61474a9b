"""One row of the ``Scenarios`` sheet read into a change (:mod:`scheduler.whatif.changes`)."""

from __future__ import annotations

from datetime import date
from typing import Any

from constraints import limits
from scheduler.errors import Collector
from scheduler.io import cells as C
from scheduler.io import sheets as S
from scheduler.io.read.agreements import family_of, tier_of
from scheduler.model import Problem, Tier
from scheduler.whatif.changes import (
    AddEmployees,
    AllowOvertime,
    Change,
    RemoveEmployees,
    ScaleDemand,
    SetAgreementTier,
    SetParameter,
    SetWeight,
    SickLeave,
)

WEEKEND_WORDS = ("weekend", "weekends", "helg", "helger", "helgen")


def _split(text: str) -> list[str]:
    for sep in (";", "\n", "/"):
        text = text.replace(sep, ",")
    return [p.strip() for p in text.split(",") if p.strip()]


class ChangeReader:
    """Reads the change of one row of the Scenarios sheet; every problem at its cell."""

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

    def change(self, kind: str, row: Any) -> Change | None:  # noqa: C901 - one branch per kind
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
