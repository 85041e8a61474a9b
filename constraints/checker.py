"""The compliance checker: run every registered rule's check on a roster and build the report.

``run_check`` builds one :class:`~constraints.base.CheckContext` (timelines in epoch minutes with
history carry-in, calendar windows) and runs the ``check`` of every rule that
:func:`constraints.registry.rules` collects, then:

* skips opt-in rules (the ``TAR-*`` hospital profile) unless ``tariff_profile`` is set;
* drops, for an employee flagged ``exempt_10_12`` (§ 10-12 (1)/(2)), the findings of every rule
  whose ``RuleSpec.applies_to_exempt`` is ``False``;
* drops findings whose window lies entirely before the horizon (history is context, never judged
  again) or entirely after it;
* in strict mode runs the fixed-window pass as well and compares: a strict finding that overlaps
  no fixed finding of the same rule and employee is one only rolling windows find, and becomes a
  ``warning`` (the law does not settle rolling windows; spec § 0.2); strict findings that repeat
  a fixed one are dropped;
* sorts the findings by (employee, window start, rule, window end, message) and counts them per
  rule in ``summary``.

Same input → same report (and the same JSON). ``Settings.apply_aml = False`` (pure contract-rule
problems) runs only the non-AML rules.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable
from typing import Any, Literal

from pydantic import BaseModel, Field

from constraints import registry
from constraints.base import RULESET_VERSION, CheckContext, Finding, Severity
from scheduler import i18n
from scheduler.clock import to_minutes
from scheduler.model import (
    Agreement,
    Employee,
    EmployeeHistory,
    HistoryPeriod,
    Problem,
    Roster,
    Settings,
)

Mode = Literal["fixed", "strict"]
STRICT_NOTE = " (Found only by the strict rolling-window check: a warning, not a violation.)"
# STRICT_NOTE in the language in force: the catalogue entry "checker.strict_note".


class CheckReport(BaseModel):
    """The outcome of one check run."""

    ruleset_version: str = RULESET_VERSION
    mode: Mode = "fixed"
    findings: list[Finding] = Field(default_factory=list)
    summary: dict[str, int] = Field(default_factory=dict)

    @property
    def violations(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == Severity.violation]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == Severity.warning]

    def to_json_dict(self, input_sha256: str) -> dict[str, Any]:
        """The JSON report: times are ISO 8601 with their UTC offset (Europe/Oslo)."""
        return {
            "ruleset_version": self.ruleset_version,
            "input_sha256": input_sha256,
            "mode": self.mode,
            "findings": [f.model_dump(mode="json") for f in self.findings],
            "summary": dict(self.summary),
        }


# --------------------------------------------------------------------------------------------


def _selected(ctx: CheckContext, tariff_profile: bool) -> list[registry.RegisteredRule]:
    out = []
    for r in registry.rules():
        if r.check is None:
            continue
        if r.spec.opt_in and not tariff_profile:
            continue
        if not ctx.settings.apply_aml and r.spec.id.startswith(("AML-", "TAR-")):
            continue
        out.append(r)
    return out


Keyed = tuple[tuple[Any, ...], Finding]  # (sort key, finding); the key holds epoch minutes


def _minutes(f: Finding) -> tuple[int | None, int | None]:
    a = to_minutes(f.window_start) if f.window_start is not None else None
    b = to_minutes(f.window_end) if f.window_end is not None else None
    return a, b


def _run_pass(ctx: CheckContext, rules: list[registry.RegisteredRule]) -> list[Keyed]:
    exempt = {e.id for e in ctx.employees.values() if e.exempt_10_12}
    applies = {r.spec.id: r.spec.applies_to_exempt for r in rules}
    out: list[Keyed] = []
    for r in rules:
        assert r.check is not None
        for f in r.check(ctx):
            if f.employee in exempt and not applies.get(f.rule, False):
                continue
            a, b = _minutes(f)
            if a is not None and b is not None and not ctx.in_horizon(a, b):
                continue
            key = (
                f.employee or "",
                -(10**12) if a is None else a,
                f.rule,
                0 if b is None else b,
                f.severity.value,
                f.message,
            )
            out.append((key, f))
    return out


def _marking(f: Finding) -> bool:
    return (f.message_key or "").startswith("turnus.")


def _merge_strict(fixed: list[Keyed], strict: list[Keyed], lang: str = "en") -> list[Keyed]:
    """Fixed findings, plus strict findings that overlap no fixed finding of the same rule and
    employee, as warnings. A turnus-marking finding (the rest around an F1, reported under
    § 10-8 (2) by ``constraints.turnus_codes``) never hides a rolling-window finding."""
    by_key: dict[tuple[str, str | None, bool], list[tuple[int, int]]] = {}
    for k, f in fixed:
        by_key.setdefault((f.rule, f.employee, _marking(f)), []).append((k[1], k[3]))
    out = list(fixed)
    seen: set[tuple[Any, ...]] = set()
    for k, f in strict:
        others = by_key.get((f.rule, f.employee, _marking(f)), [])
        if f.window_start is None or f.window_end is None:
            if others:
                continue
        elif any(a < k[3] and k[1] < b for a, b in others):
            continue
        ident = (f.rule, f.employee, k[1], k[3])
        if ident in seen:
            continue
        seen.add(ident)
        note = i18n.text("checker.strict_note", lang)
        w = f.model_copy(update={"severity": Severity.warning, "message": f.message + note})
        out.append(((*k[:4], w.severity.value, w.message), w))
    return out


def run_check(
    settings: Settings,
    roster: Roster,
    *,
    employees: Iterable[Employee] = (),
    agreements: Iterable[Agreement] = (),
    history: Iterable[HistoryPeriod] = (),
    employee_history: Iterable[EmployeeHistory] = (),
    strict: bool = False,
    tariff_profile: bool = False,
    **context_extra: Any,
) -> CheckReport:
    """Check ``roster`` against every registered rule (see the module docstring).

    ``context_extra`` passes further :class:`CheckContext` fields (``contracts`` as
    ``{id: Contract}``, ``shifts`` as ``{code: ShiftType}``); names the context does not have are
    ignored.
    """
    fields = {f.name for f in dataclasses.fields(CheckContext) if f.init}
    extra = {k: v for k, v in context_extra.items() if k in fields}
    ctx = CheckContext(
        settings=settings,
        roster=roster,
        employees={e.id: e for e in employees},
        agreements=tuple(agreements),
        employee_history={h.employee: h for h in employee_history},
        history=tuple(history),
        strict=False,
        tariff_profile=tariff_profile,
        **extra,
    )
    rules = _selected(ctx, tariff_profile)
    keyed = _run_pass(ctx, rules)
    if strict:
        ctx.strict = True
        keyed = _merge_strict(keyed, _run_pass(ctx, rules), settings.language)
    keyed.sort(key=lambda kf: kf[0])
    findings = [f for _, f in keyed]
    summary = dict(sorted(Counter(f.rule for f in findings).items()))
    return CheckReport(mode="strict" if strict else "fixed", findings=findings, summary=summary)


def check_problem(problem: Problem, roster: Roster, strict: bool = False) -> CheckReport:
    """Check ``roster`` against ``problem``'s employees, agreements, history, contracts and
    shift types.

    Strict mode is on when asked for here or in ``problem.settings.strict``.
    """
    return run_check(
        problem.settings,
        roster,
        employees=problem.employees,
        agreements=problem.agreements,
        history=problem.history,
        employee_history=problem.employee_history,
        strict=strict or problem.settings.strict,
        contracts={c.id: c for c in problem.contracts},
        shifts={st.code: st for st in problem.shifts},
    )
