"""Why demand cannot be met, before solving: demand no one may legally work, and capacity.

Two answers, both from the problem alone (no search):

* **Demand no one may legally work.** The solver's own domain phase (``scheduler.solver``:
  every rule's ``DOMAIN`` function, unavailability and pins) says which (employee, day, shift)
  cells are forbidden and by which rule. A demand row whose every qualified employee is
  forbidden the shift that day (or whose skill nobody has) cannot be covered by any roster. Rows
  are grouped by shift, skill and the rules that forbid them, with the paragraph, the reason and,
  where an agreement could lift the limit, the least tier that would (``constraints.limits``).
  Used by ``validate``, ``solve`` (console and the Coverage sheet) and ``staffing``.
* **Capacity per skill.** Demanded minimum hours against the contracted hours of the staff with
  the skill, net of their unavailable days (vacation, leave): ``SPL: 157 % of available hours``.
  Over 100 % the minimum cannot be met without extra hours; an employee with several skills
  counts fully in each, so this is an upper bound on what one skill can get.
* **After solving**, :func:`after_solve` says why a shortfall that someone could legally work
  stayed open: each qualified employee works another shift that day, is at the contracted hours
  plus the tolerance (``contract_tolerance_shifts``), or is held by rules across days (rest,
  weekly hours, days in a row).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from constraints import limits
from constraints.requests import UNAVAILABLE as _AWAY
from scheduler import i18n
from scheduler.model import Problem, RequestKind, Roster, Tier

# Rule -> (limits family, parameter, "hours" of the shift or True) that an agreement could lift.
_RELAXABLE: dict[str, tuple[str, str, str]] = {
    "AML-10-4-1-daily-normal": ("10-5", "daily_limit_hours", "hours"),
    "AML-10-6-8-total-24h": ("10-6", "total_24h_hours", "hours"),
    "AML-10-10-2-permitted": ("10-10", "sunday_work_agreed", "flag"),
    "AML-10-11-2-permitted": ("10-11", "night_work_agreed", "flag"),
}
NO_SKILL = "NO-SKILL"  # the reason "nobody has the skill" (no rule of the law)
UNAVAILABLE = _AWAY.id  # REQ-unavailable
CAPACITY_WARN_PCT = 100.0


@dataclass(frozen=True)
class Reason:
    rule: str
    paragraph: str
    why: str | i18n.Msg  # one example, from the rule's domain phase (a catalogue entry)
    employees: int  # qualified employees this rule forbids the shift
    remedy: Tier | None = None  # least agreement tier that would lift the limit, if any
    remedy_family: str = ""

    def why_text(self, lang: str = "en") -> str:
        return self.why.render(lang) if isinstance(self.why, i18n.Msg) else self.why

    def text(self, lang: str = "en") -> str:
        return self.msg().render(lang)

    def msg(self) -> i18n.Msg:
        """The reason as a catalogue entry with its arguments (rendered in any language)."""
        if self.rule == NO_SKILL:
            return i18n.msg("feasibility.no_skill", skill=self.why)
        if self.rule == UNAVAILABLE:
            return i18n.msg("feasibility.away", n=self.employees)
        remedy = "" if self.remedy is None else i18n.msg(
            "feasibility.remedy", family=self.remedy_family, tier=self.remedy.value)
        return i18n.msg("feasibility.reason",
                        paragraph=i18n.paragraph_term(self.rule, self.paragraph or self.rule),
                        rule=self.rule, why=self.why, n=self.employees, remedy=remedy)


@dataclass
class Unstaffable:
    """Demand rows of one shift and skill that no qualified employee may legally work, grouped by
    the main reason (the rule that forbids the most qualified employees); the other reasons are
    what holds back the rest (on some of the days, with the largest count)."""

    shift: str
    skill: str
    reasons: tuple[Reason, ...]
    days: list[date] = field(default_factory=list)
    person_shifts: int = 0

    def text(self, lang: str = "en") -> str:
        return self.msg().render(lang)

    def msg(self) -> i18n.Msg:
        what = f"{self.shift} ({self.skill})" if self.skill else self.shift
        return i18n.msg("feasibility.unstaffable", what=what, n=self.person_shifts,
                        days=_days_text(self.days),
                        why=i18n.joined(r.msg() for r in self.reasons))


@dataclass(frozen=True)
class Capacity:
    skill: str
    demanded_hours: float
    available_hours: float

    @property
    def pct(self) -> float | None:
        return None if self.available_hours <= 0 else 100 * self.demanded_hours / self.available_hours

    def text(self, lang: str = "en") -> str:
        if self.pct is None:
            return i18n.text("feasibility.no_capacity", lang, skill=self.skill or "*",
                             hours=round(self.demanded_hours, 1))
        return i18n.text("feasibility.capacity", lang, skill=self.skill or "*", pct=self.pct,
                         demanded=round(self.demanded_hours, 1),
                         available=round(self.available_hours, 1))


@dataclass
class Analysis:
    unstaffable: list[Unstaffable]
    capacity: list[Capacity]
    # (day, shift, skill) -> the Unstaffable group it belongs to
    by_row: dict[tuple[date, str, str], Unstaffable] = field(default_factory=dict)

    @property
    def over_capacity(self) -> list[Capacity]:
        return [c for c in self.capacity if c.pct is None or c.pct > CAPACITY_WARN_PCT]

    def lines(self, lang: str = "en") -> list[str]:
        """Every warning as a sentence: unstaffable demand first, then capacity."""
        return [u.text(lang) for u in self.unstaffable] + [c.text(lang) for c in self.over_capacity]

    def reason_for(self, day: date, shift: str, skill: str, lang: str = "en") -> str:
        """The short reason a demand row cannot be covered ("" when someone may work it)."""
        u = self.by_row.get((day, shift, skill))
        if u is None:
            return ""
        return "; ".join(r.text(lang) for r in u.reasons)


def after_solve(problem: Problem, roster: Roster, analysis: Analysis, day: date, shift: str,
                skill: str, allow_overtime: bool = False, lang: str = "en") -> str:
    """Why a shortfall stayed open in ``roster``: the domain reason when no one may work it,
    else what keeps each qualified employee off it."""
    why = analysis.reason_for(day, shift, skill, lang)
    if why:
        return why
    from scheduler import summary as sm

    on_day = {p.employee for p in roster.periods if sm.start_day(p.start) == day}
    away = sm.unavailable_days(problem)
    totals = {t.employee: t for t in sm.employee_totals(problem.settings, roster,
                                                         problem.employees, away,
                                                         problem.agreements)}
    longest = max((st.paid_minutes() for st in problem.shifts), default=0) / 60
    tol = problem.settings.contract_tolerance_shifts * longest
    paid = problem.shift(shift).paid_minutes() / 60
    busy = full = other = 0
    for e in problem.employees:
        if skill and skill not in e.skills:
            continue
        t = totals.get(e.id)
        if e.id in on_day:
            busy += 1
        elif day in away.get(e.id, ()):
            continue
        elif (not allow_overtime and not e.exempt_10_12 and problem.settings.apply_aml
              and t is not None and t.hours + paid > t.contract + tol + 1e-6):
            full += 1
        else:
            other += 1
    return i18n.text("feasibility.after_solve", lang, busy=busy, full=full, other=other,
                     tol=problem.settings.contract_tolerance_shifts)


def analyse(problem: Problem, allow_overtime: bool = False) -> Analysis:
    """Demand no one may legally work, and capacity per skill (see the module docstring)."""
    unstaffable, by_row = _unstaffable(problem, allow_overtime)
    return Analysis(unstaffable, capacity(problem), by_row)


def domain(problem: Problem, allow_overtime: bool):  # noqa: ANN202 - PostContext
    """The solver's domain phase alone: which cells which rule forbids."""
    from constraints.kernel.geometry import Geometry
    from constraints.kernel.posting import PostContext
    from constraints.registry import posted_rules
    from scheduler.solution import SolveOptions
    from scheduler.solver import overtime, variables

    geo = Geometry(problem)
    rules = posted_rules()
    if not problem.settings.apply_aml:
        rules = [r for r in rules if not r.spec.id.startswith(("AML-", "TAR-"))]
    ctx = PostContext(geo, {r.spec.id: r.spec for r in rules}, active=list(range(geo.E)))
    if overtime.allowed(problem.settings, SolveOptions(allow_overtime=allow_overtime)):
        overtime.enable(ctx)
    variables.read_pins(ctx)
    variables.run_domain(ctx, rules)
    return ctx


def _unstaffable(problem: Problem, allow_overtime: bool
                 ) -> tuple[list[Unstaffable], dict[tuple[date, str, str], Unstaffable]]:
    ctx = domain(problem, allow_overtime)
    geo = ctx.geo
    groups: dict[tuple[str, str, tuple[str, ...]], Unstaffable] = {}
    by_row: dict[tuple[date, str, str], Unstaffable] = {}
    for item in problem.demand:
        d, s = geo.day_index.get(item.day), geo.shift_index.get(item.shift)
        if d is None or s is None or item.minimum <= 0:
            continue
        qualified = [e for e, emp in enumerate(geo.emps)
                     if not item.skill or item.skill in emp.skills]
        if any((e, d, s) not in ctx.forbidden for e in qualified):
            continue
        if not qualified:
            reasons: tuple[Reason, ...] = (Reason(NO_SKILL, "", item.skill, 0),)
        else:
            counts = Counter(ctx.forbidden[(e, d, s)].rule for e in qualified)
            example = {}
            for e in qualified:
                example.setdefault(ctx.forbidden[(e, d, s)].rule, ctx.forbidden[(e, d, s)].why)
            hours = geo.work[d][s] / 60
            reasons = tuple(
                Reason(rule, _paragraph(ctx, rule), example[rule], n, *_remedy(rule, hours))
                for rule, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
        key = (item.shift, item.skill, reasons[0].rule)  # grouped by the main reason
        u = groups.get(key)
        if u is None:
            u = groups[key] = Unstaffable(item.shift, item.skill, reasons)
        else:
            u.reasons = _merged(u.reasons, reasons)
        if item.day not in u.days:
            u.days.append(item.day)
        u.person_shifts += item.minimum
        by_row[(item.day, item.shift, item.skill)] = u
    out = sorted(groups.values(), key=lambda u: (-u.person_shifts, u.shift, u.skill))
    for u in out:
        u.days.sort()
    return out, by_row


def _merged(a: tuple[Reason, ...], b: tuple[Reason, ...]) -> tuple[Reason, ...]:
    """The reasons of two rows of a group: each rule once, with its larger count."""
    best = {r.rule: r for r in a}
    for r in b:
        if r.rule not in best or r.employees > best[r.rule].employees:
            best[r.rule] = r
    main = a[0].rule
    return (best.pop(main), *sorted(best.values(), key=lambda r: (-r.employees, r.rule)))


def _paragraph(ctx, rule: str) -> str:  # noqa: ANN001 - PostContext
    if rule == UNAVAILABLE:
        return ""
    spec = ctx.specs.get(rule)
    return spec.paragraph if spec is not None else ""


def _remedy(rule: str, hours: float) -> tuple[Tier | None, str]:
    """The least tier whose agreement would lift ``rule`` for a shift of ``hours``, if any."""
    if rule not in _RELAXABLE:
        return None, ""
    family, param, kind = _RELAXABLE[rule]
    tier = limits.allowed_by(family, param, True if kind == "flag" else hours)
    return (tier, f"§ {family}") if tier is not None else (None, "")


def capacity(problem: Problem) -> list[Capacity]:
    """Demanded minimum hours per skill against contracted hours net of unavailable days."""
    st = problem.settings
    days = problem.days()
    n_days = len(days)
    horizon = set(days)
    away: dict[str, int] = {}
    for r in problem.requests:
        if r.kind == RequestKind.unavailable:
            away[r.employee] = away.get(r.employee, 0) + len(set(r.days()) & horizon)
    available: dict[str, float] = {}
    paid = {s.code: s.paid_minutes() / 60 for s in problem.shifts}
    demanded: dict[str, float] = {}
    for item in problem.demand:
        demanded[item.skill] = demanded.get(item.skill, 0.0) + item.minimum * paid[item.shift]
    for skill in demanded:
        total = 0.0
        for e in problem.employees:
            if skill and skill not in e.skills:
                continue
            per_day = e.contracted_weekly_hours(st.full_time_hours) / 7
            total += per_day * max(0, n_days - min(n_days, away.get(e.id, 0)))
        available[skill] = total
    return [Capacity(k, demanded[k], available[k]) for k in sorted(demanded) if demanded[k] > 0]


def _days_text(days: list[date]) -> str:
    if not days:
        return ""
    if len(days) <= 3:
        return ", ".join(d.isoformat() for d in days)
    return f"{days[0].isoformat()} … {days[-1].isoformat()} ({len(days)})"
