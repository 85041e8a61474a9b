"""§ 10-12 (1)/(2): exempt employees get no chapter 10 hour findings."""

from __future__ import annotations

from datetime import date, timedelta

from constraints import registry
from constraints.checker import run_check
from tests.rosterkit import employee, period, roster, settings

WEEK = settings("2026-04-13", "2026-04-19")
MON = date(2026, 4, 13)


def _heavy_week(emp: str) -> list:
    """7 x 14 h with overtime and no breaks: breaks daily, weekly, overtime and total limits."""
    out = []
    for d in range(7):
        day = MON + timedelta(days=d)
        out.append(period(emp, f"{day} 06:00", f"{day} 16:00", break_minutes=0))
        out.append(period(emp, f"{day} 16:00", f"{day} 20:00", kind="overtime", break_minutes=0))
    return out


def test_exempt_employee_gets_no_hour_findings():
    r = roster(*_heavy_week("BOSS"), *_heavy_week("NURSE"))
    emps = [employee("BOSS", exempt_10_12=True), employee("NURSE")]
    rep = run_check(WEEK, r, employees=emps, strict=True)
    assert [f for f in rep.findings if f.employee == "BOSS"] == []
    nurse = {f.rule for f in rep.findings if f.employee == "NURSE"}
    # The heavy week works the week's only Sunday: its weekly limit is the 38 h of § 10-4 (4).
    for rule in ("AML-10-4-1-daily-normal", "AML-10-4-4-weekly-38", "AML-10-6-4-ot-7d",
                 "AML-10-6-8-total-24h", "AML-10-6-8-total-max-week", "AML-10-9-1-break-required"):
        assert rule in nurse, rule


def test_senior_rule_is_registered_and_documents_the_exemption():
    r = registry.rule("AML-10-12-1-senior")
    assert r.spec.applies_to_exempt and r.check is None
    hour_rules = [x for x in registry.rules() if x.spec.id.startswith(("AML-10-4", "AML-10-6"))]
    assert hour_rules and not any(x.spec.applies_to_exempt for x in hour_rules)
    youth = [x for x in registry.rules() if x.spec.id.startswith("AML-11-")]
    assert youth and all(x.spec.applies_to_exempt for x in youth)
