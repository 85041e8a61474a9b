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
* marks as coming from History (``source = "history"``, with the History work named in the
  message) every finding that History alone forces: the same finding (rule, employee, window,
  measure) appears when the roster is empty, and does not when History is empty as well. A
  finding the roster makes worse, or shares with History, measures differently and stays a
  roster finding. :attr:`CheckReport.roster_violations` are then the violations the roster
  causes (what a solver must never produce); History's breaches are context no roster can undo;
* sorts the findings by (employee, window start, rule, window end, severity, message) and counts
  them per rule in ``summary``. Messages are worded only where all else ties (see
  :class:`~constraints.finding.Finding`).

Same input → same report (and the same JSON). ``Settings.apply_aml = False`` (pure contract-rule
problems) runs only the non-AML rules.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from datetime import timedelta
from itertools import accumulate, groupby
from typing import Any, Literal

from pydantic import BaseModel, Field

from constraints import registry
from constraints.base import RULESET_VERSION, CheckContext, Finding, Severity
from constraints.finding import Source
from scheduler import i18n
from scheduler.clock import TZ
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
_WEEK = timedelta(days=7)
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

    @property
    def roster_violations(self) -> list[Finding]:
        """Violations the roster causes (History's own breaches left out)."""
        return [f for f in self.violations if f.source == Source.roster]

    @property
    def history_violations(self) -> list[Finding]:
        """Violations History alone forces: no roster for the horizon can change them."""
        return [f for f in self.violations if f.source == Source.history]

    def to_json_dict(self, input_sha256: str) -> dict[str, Any]:
        """The JSON report: times are ISO 8601 with their UTC offset (Europe/Oslo)."""
        return {
            "ruleset_version": self.ruleset_version,
            "input_sha256": input_sha256,
            "mode": self.mode,
            "findings": [f.to_json() for f in self.findings],
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


# Findings of a pass and their sort keys, (employee, window start, rule, window end, severity)
# with epoch minutes, in two parallel lists; the message breaks ties (see _sorted).
Keys = list[tuple[Any, ...]]


def _run_pass(ctx: CheckContext, rules: list[registry.RegisteredRule]) -> tuple[Keys, list[Finding]]:
    exempt = {e.id for e in ctx.employees.values() if e.exempt_10_12}
    applies = {r.spec.id: r.spec.applies_to_exempt for r in rules}
    keys: Keys = []
    out: list[Finding] = []
    for r in rules:
        assert r.check is not None
        for f in r.check(ctx):
            if f.employee in exempt and not applies.get(f.rule, False):
                continue
            a = None if f.window_start is None else ctx.minute_of(f.window_start)
            b = None if f.window_end is None else ctx.minute_of(f.window_end)
            if a is not None and b is not None and not ctx.in_horizon(a, b):
                continue
            keys.append((
                f.employee or "",
                -(10**12) if a is None else a,
                f.rule,
                0 if b is None else b,
                f.severity.value,
            ))
            out.append(f)
    return keys, out


class _Windows:
    """Windows ``(start, end)`` (sort keys of findings) indexed for "does any overlap?"."""

    def __init__(self, windows: list[tuple[int, int]]) -> None:
        windows = sorted(windows)
        self.starts = [a for a, _ in windows]
        self.max_end = list(accumulate((b for _, b in windows), max))

    def overlap(self, a: int, b: int) -> bool:
        """Is there a window with ``start < b`` and ``a < end``?"""
        i = bisect_left(self.starts, b)
        return i > 0 and self.max_end[i - 1] > a


def _marking(f: Finding) -> bool:
    return (f.message_key or "").startswith("turnus.")


def _merge_strict(
    fixed: tuple[Keys, list[Finding]], strict: tuple[Keys, list[Finding]], lang: str = "en"
) -> tuple[Keys, list[Finding]]:
    """Fixed findings, plus strict findings that overlap no fixed finding of the same rule and
    employee, as warnings. A turnus-marking finding (the rest around an F1, reported under
    § 10-8 (2) by ``constraints.turnus_codes``) never hides a rolling-window finding."""
    by_key: dict[tuple[str, str | None, bool], list[tuple[int, int]]] = {}
    for k, f in zip(*fixed, strict=True):
        by_key.setdefault((f.rule, f.employee, _marking(f)), []).append((k[1], k[3]))
    windows = {key: _Windows(spans) for key, spans in by_key.items()}
    keys, out = list(fixed[0]), list(fixed[1])
    seen: set[tuple[Any, ...]] = set()
    note = i18n.text("checker.strict_note", lang)
    for k, f in zip(*strict, strict=True):
        others = windows.get((f.rule, f.employee, _marking(f)))
        if f.window_start is None or f.window_end is None:
            if others is not None:
                continue
        elif others is not None and others.overlap(k[1], k[3]):
            continue
        ident = (f.rule, f.employee, k[1], k[3])
        if ident in seen:
            continue
        seen.add(ident)
        w = f.replace(severity=Severity.warning, text=f.message + note)
        keys.append((*k[:4], w.severity.value))
        out.append(w)
    return keys, out


def _sorted(keys: Keys, findings: list[Finding]) -> list[Finding]:
    """The findings in key order, then message order (worded only for findings whose keys tie)."""
    out: list[Finding] = []
    for _, tied in groupby(sorted(range(len(keys)), key=keys.__getitem__), key=keys.__getitem__):
        group = [findings[i] for i in tied]
        out.extend(group if len(group) == 1 else sorted(group, key=lambda f: f.message))
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
    _attribute: bool = True,
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
    found = _run_pass(ctx, rules)
    if strict:
        ctx.strict = True
        found = _merge_strict(found, _run_pass(ctx, rules), settings.language)
    findings = _sorted(*found)
    if _attribute and (ctx.history or ctx.employee_history) and findings:
        forced = _history_forced(  # the context's copies: the iterables may be spent
            settings, employees=list(ctx.employees.values()), agreements=ctx.agreements,
            history=ctx.history, employee_history=list(ctx.employee_history.values()),
            strict=strict, tariff_profile=tariff_profile, **context_extra)
        findings = [_from_history(f, ctx) if _identity(f) in forced else f for f in findings]
    summary = dict(sorted(Counter(f.rule for f in findings).items()))
    return CheckReport(mode="strict" if strict else "fixed", findings=findings, summary=summary)


def _identity(f: Finding) -> tuple[Any, ...]:
    return (f.rule, f.employee, f.window_start, f.window_end, f.measured, f.severity)


def _history_forced(
    settings: Settings,
    *,
    history: Iterable[HistoryPeriod],
    employee_history: Iterable[EmployeeHistory],
    **kw: Any,
) -> set[tuple[Any, ...]]:
    """Identities of the findings History alone forces: found with an empty roster, and not
    found with an empty roster and an empty History too."""
    empty = Roster(periods=())
    with_history = run_check(settings, empty, history=history, employee_history=employee_history,
                             _attribute=False, **kw)
    if not with_history.findings:
        return set()
    without = run_check(settings, empty, _attribute=False, **kw)
    return {_identity(f) for f in with_history.findings} - {_identity(f) for f in without.findings}


HISTORY_SHOWN = 3  # History periods named in a finding's message


def _from_history(f: Finding, ctx: CheckContext) -> Finding:
    """``f`` marked as History's, its message naming the History work behind it: the last work
    periods in the finding's window or the week before it."""
    lang = ctx.settings.language
    mine = sorted((h for h in ctx.history if h.employee == f.employee), key=lambda h: h.start)
    start, end = f.window_start, f.window_end
    near = mine if start is None or end is None else \
        [h for h in mine if h.start < end and h.end > start - _WEEK]
    shown = near[-HISTORY_SHOWN:]
    if shown:
        worked = ", ".join(_span_text(h) for h in shown)
        if len(near) > len(shown):
            worked = "… " + worked
        note = i18n.text("checker.from_history", lang, emp=f.employee or "-", worked=worked)
    else:
        note = i18n.text("checker.from_history_figures", lang, emp=f.employee or "-")
    return f.replace(source=Source.history, text=f.message + note)


def _span_text(h: HistoryPeriod) -> str:
    a, b = h.start.astimezone(TZ), h.end.astimezone(TZ)
    return f"{a:%Y-%m-%d %H:%M}–{b:%H:%M}" if a.date() == b.date() else \
        f"{a:%Y-%m-%d %H:%M}–{b:%Y-%m-%d %H:%M}"


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
        requests=tuple(problem.requests),
    )
