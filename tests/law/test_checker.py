"""The checker engine: rule selection, exemptions, horizon, strict mode, order, JSON."""

from __future__ import annotations

import json
from datetime import time

import pytest

from constraints import checker, registry
from constraints.base import CheckContext, Finding, RuleSpec, Severity
from constraints.checker import CheckReport, check_problem, run_check
from scheduler.model import Problem, ShiftType, roster_from_assignments
from tests.rosterkit import day, employee, history, period, roster, settings

WEEK = settings("2026-04-13", "2026-04-19")
DAILY = "AML-10-4-1-daily-normal"


def _messy_roster():
    return roster(
        period("B", "2026-04-16 07:00", "2026-04-16 18:00", break_minutes=0),
        period("A", "2026-04-15 07:00", "2026-04-15 18:00", break_minutes=0),
        period("A", "2026-04-14 07:00", "2026-04-14 17:30", break_minutes=0),
    )


def test_findings_sorted_by_employee_start_rule_and_summary():
    rep = run_check(WEEK, _messy_roster())
    keys = [(f.employee or "", f.window_start, f.rule) for f in rep.findings]
    assert keys == sorted(keys)
    assert [f.employee for f in rep.findings if f.rule == DAILY] == ["A", "A", "B"]
    assert rep.summary[DAILY] == 3
    assert sum(rep.summary.values()) == len(rep.findings)
    assert all(f.severity == Severity.violation for f in rep.violations)


def test_same_input_same_json():
    a = json.dumps(run_check(WEEK, _messy_roster(), strict=True).to_json_dict("abc"), sort_keys=True)
    b = json.dumps(run_check(WEEK, _messy_roster(), strict=True).to_json_dict("abc"), sort_keys=True)
    assert a == b
    shuffled = roster(*reversed(_messy_roster().periods))
    c = json.dumps(run_check(WEEK, shuffled, strict=True).to_json_dict("abc"), sort_keys=True)
    assert a == c
    d = json.loads(a)
    assert set(d) == {"ruleset_version", "input_sha256", "mode", "findings", "summary"}
    assert d["mode"] == "strict" and d["input_sha256"] == "abc"
    f = next(x for x in d["findings"] if x["rule"] == DAILY)
    assert f["window_start"] == "2026-04-14T07:00:00+02:00"
    assert f["allowed_by"] == "T3_TARIFF_REPS" and f["measured"] == 10.5 and f["limit"] == 9.0


def test_exempt_employee_gets_no_hour_findings():
    emps = [employee("A", exempt_10_12=True), employee("B")]
    rep = run_check(WEEK, _messy_roster(), employees=emps)
    assert all(f.employee != "A" for f in rep.findings)
    assert any(f.employee == "B" and f.rule == DAILY for f in rep.findings)


def test_history_windows_are_never_reported():
    # A 12 h history shift the week before: the window lies entirely before the horizon.
    h = history("A", "2026-04-08 07:00", "2026-04-08 19:00")
    rep = run_check(WEEK, roster(), history=[h])
    assert [f for f in rep.findings if f.employee == "A"] == []


def _fake(spec: RuleSpec, fn) -> registry.RegisteredRule:
    return registry.RegisteredRule(spec, "fake", fn)


def test_engine_drops_out_of_horizon_findings_and_opt_in_rules(monkeypatch):
    before = RuleSpec("X-before", "§ x", "x", "x")
    opt = RuleSpec("X-opt", "§ x", "x", "x", opt_in=True)
    hs = CheckContext(settings=WEEK, roster=roster()).horizon_start

    def before_fn(ctx: CheckContext) -> list[Finding]:
        return [
            ctx.finding(before, "E", hs - 600, hs, "entirely before"),
            ctx.finding(before, "E", hs - 600, hs + 1, "reaches in"),
            ctx.finding(before, "E", ctx.horizon_end, ctx.horizon_end + 60, "after"),
        ]

    def opt_fn(ctx: CheckContext) -> list[Finding]:
        return [ctx.finding(opt, "E", hs, hs + 60, "opt-in")]

    monkeypatch.setattr(checker.registry, "rules", lambda: (_fake(before, before_fn), _fake(opt, opt_fn)))
    rep = run_check(WEEK, roster())
    assert [f.message for f in rep.findings] == ["reaches in"]
    rep = run_check(WEEK, roster(), tariff_profile=True)
    assert sorted(f.message for f in rep.findings) == ["opt-in", "reaches in"]


def test_strict_mode_keeps_fixed_violations_and_adds_warnings():
    r = roster(
        period("A", "2026-04-14 07:00", "2026-04-14 17:00"),  # fixed breach
        period("B", "2026-04-14 17:00", "2026-04-14 23:00"),  # rolling-only breach (11 h)
        period("B", "2026-04-15 00:30", "2026-04-15 05:30"),
    )
    rep = run_check(WEEK, r, strict=True)
    daily = [f for f in rep.findings if f.rule == DAILY]
    assert [(f.employee, f.severity) for f in daily] == [
        ("A", Severity.violation),
        ("B", Severity.warning),
    ]
    assert "strict" in daily[1].message
    assert [f.employee for f in rep.violations if f.rule == DAILY] == ["A"]


def test_check_problem_uses_the_problem():
    shifts = (ShiftType(code="L", start=time(7, 0), end=time(17, 0), break_minutes=30),)
    emps = (employee("A"), employee("B", exempt_10_12=True))
    p = Problem(settings=WEEK, shifts=shifts, employees=emps)
    r = roster_from_assignments(p, {("A", day("2026-04-14")): "L", ("B", day("2026-04-14")): "L"})
    rep = check_problem(p, r)
    assert isinstance(rep, CheckReport) and rep.mode == "fixed"
    assert [(f.rule, f.employee) for f in rep.findings if f.rule == DAILY] == [(DAILY, "A")]
    assert check_problem(p, r, strict=True).mode == "strict"


def test_apply_aml_false_runs_no_aml_rules():
    s = settings("2026-04-13", "2026-04-19", apply_aml=False)
    rep = run_check(s, _messy_roster())
    assert not any(f.rule.startswith("AML-") for f in rep.findings)


@pytest.mark.parametrize("strict", [False, True])
def test_empty_roster_is_clean(strict):
    rep = run_check(WEEK, roster(), strict=strict)
    assert rep.findings == [] and rep.summary == {}


def test_check_problem_passes_contracts_to_the_context():
    from scheduler.model import Contract

    shifts = (ShiftType(code="D", start=time(7, 0), end=time(15, 0)),)
    p = Problem(
        settings=WEEK, shifts=shifts,
        employees=(employee("A", contract="short"),),
        contracts=(Contract(id="short", max_total_minutes=60),),
    )
    r = roster_from_assignments(p, {("A", day("2026-04-14")): "D"})
    rules = {f.rule for f in check_problem(p, r).findings}
    assert "CONTRACT-max-total-minutes" in rules
