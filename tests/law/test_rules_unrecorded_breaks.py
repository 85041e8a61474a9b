"""Unrecorded § 10-9 (2) breaks: never presumed taken; one warning per employee naming the
overtime findings that depend on them (``AML-10-9-2-ot-break``)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from constraints.checker import run_check
from constraints.finding import Severity
from scheduler.cli import main
from scheduler.model import Employee, WorkPeriod
from tests.rosterkit import lasting, period, roster, settings

OT7 = "AML-10-6-4-ot-7d"
CONSENT = "AML-10-6-7-consent"
BREAK = "AML-10-9-2-ot-break"
MON = date(2026, 4, 13)
WEEK = settings("2026-04-13", "2026-04-19")


def week(ot_minutes: int, brk: int | None, emp: str = "E") -> list[WorkPeriod]:
    """Five days of 07:00-15:00 then ``ot_minutes`` of overtime with break ``brk``."""
    out = []
    for d in range(5):
        day = MON + timedelta(days=d)
        out.append(period(emp, f"{day} 07:00", f"{day} 15:00"))
        out.append(lasting(emp, f"{day} 15:00", ot_minutes / 60, kind="overtime",
                           break_minutes=brk))
    return out


def check(*ps: WorkPeriod, presume: bool = False, consent: bool = True):  # noqa: ANN201
    s = WEEK.model_copy(update={"presume_breaks": presume})
    emps = [Employee(id=e, overtime_consent=consent) for e in sorted({p.employee for p in ps})]
    return run_check(s, roster(*ps), employees=emps).findings


def rules(fs) -> list[str]:  # noqa: ANN001
    return sorted(f.rule for f in fs)


@pytest.mark.parametrize(
    ("minutes", "ot_found", "warned"),
    [
        (120, False, False),  # 10 h exactly, and no break is due at exactly 2 h
        (121, True, True),  # 10 h 5 min; with the breaks presumed 7 h 35 min: depends on them
        (150, True, True),  # 12.5 h; presumed 10 h, exactly the cap: depends on them
        (151, True, False),  # 12 h 35 min; presumed 10 h 5 min: a breach either way
    ],
)
def test_unrecorded_break_is_not_presumed_and_dependent_findings_are_named(
    minutes, ot_found, warned
):
    fs = check(*week(minutes, None))
    assert (OT7 in rules(fs)) == ot_found
    warnings = [f for f in fs if f.rule == BREAK]
    assert len(warnings) == (1 if warned else 0)
    if warned:
        w = warnings[0]
        assert w.severity == Severity.warning and w.employee == "E"
        assert OT7 in w.message and "§ 10-9 (2)" in w.message and "5 work period" in w.message
        assert w.measured == 1  # one finding depends on the breaks


def test_presume_breaks_restores_the_earlier_reading():
    fs = check(*week(150, None), presume=True)
    assert OT7 not in rules(fs) and BREAK not in rules(fs)
    fs = check(*week(151, None), presume=True)
    assert OT7 in rules(fs) and BREAK not in rules(fs)


def test_recorded_breaks_give_no_warning():
    assert rules(check(*week(150, 30))) == []
    fs = check(*week(150, 0))  # recorded as not taken: counted in full, nothing unknown
    assert OT7 in rules(fs) and BREAK not in rules(fs)


def test_one_warning_per_employee_naming_every_dependent_rule():
    # Without consent the default cap of 10 h is also a § 10-6 (7) finding: both depend.
    fs = check(*week(150, None, "A"), *week(150, None, "B"), consent=False)
    warnings = [f for f in fs if f.rule == BREAK]
    assert [w.employee for w in warnings] == ["A", "B"]
    for w in warnings:
        assert OT7 in w.message and CONSENT in w.message and w.measured == 2


def test_cli_presume_breaks_flag(tmp_path: Path):
    path = tmp_path / "t.csv"
    rows = ["employee,start,end,kind"]
    for d in range(5):
        day = MON + timedelta(days=d)
        rows += [f"E,{day} 07:00,{day} 15:00,planned", f"E,{day} 15:00,{day} 17:30,overtime"]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    base = ["check", str(path), "--start", "2026-04-13", "--end", "2026-04-19", "--format", "json"]
    for extra, expect in (([], True), (["--presume-breaks"], False)):
        res = CliRunner().invoke(main, [*base, *extra])
        assert res.exit_code in (0, 1), res.output
        found = {f["rule"] for f in json.loads(res.stdout)["findings"]}
        assert (BREAK in found) == expect and (OT7 in found) == expect
