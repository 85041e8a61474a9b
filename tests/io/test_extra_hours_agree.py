"""Summary, Hours and Headroom show the same overtime and extra hours, to the minute (issue 14).

The roster below has every case where the sheets used to disagree: overtime that crosses a week
boundary, overtime from which § 10-9 (2) takes a presumed break, planned hours above a
part-timer's contract that are not extra hours, and History overtime (not part of this roster).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook

from scheduler import extra_time as xt
from scheduler import i18n
from scheduler.clock import TZ
from scheduler.io.write import workbook as rw
from scheduler.model import (
    Employee,
    HistoryPeriod,
    PeriodKind,
    Problem,
    Roster,
    Settings,
    ShiftType,
    WorkPeriod,
)
from scheduler.solution import Solution, SolveOptions

MON = date(2026, 6, 1)  # Monday; the horizon is two weeks


def _at(d: date, h: int, m: int = 0) -> datetime:
    return datetime.combine(d, time(h, m), tzinfo=TZ)


def _p(emp: str, a: datetime, b: datetime, kind: PeriodKind = PeriodKind.planned,
       shift: str | None = None, brk: int | None = 0) -> WorkPeriod:
    return WorkPeriod(employee=emp, start=a, end=b, kind=kind, shift=shift, break_minutes=brk)


def _problem(lang: str) -> Problem:
    settings = Settings(start=MON, end=MON + timedelta(days=13), language=lang,
                        presume_breaks=True, allow_overtime=True)
    return Problem(
        settings=settings,
        shifts=(ShiftType(code="D", start=time(7), end=time(15)),
                ShiftType(code="N", start=time(21), end=time(7))),
        employees=(Employee(id="A", name="Ada", overtime_consent=True),
                   Employee(id="B", name="Bo", position_pct=50),
                   Employee(id="C", name="Cy")),
        history=(HistoryPeriod(employee="A", start=_at(MON - timedelta(days=2), 7),
                               end=_at(MON - timedelta(days=2), 12), kind=PeriodKind.overtime),),
    )


def _roster() -> Roster:
    sun, mon2 = MON + timedelta(days=6), MON + timedelta(days=7)
    tue = MON + timedelta(days=1)
    periods = [
        # A: a Sunday night, then 1 h extra and 2 h 10 min overtime into Monday (the next week).
        _p("A", _at(sun, 21), _at(mon2, 7), shift="N"),
        _p("A", _at(mon2, 7), _at(mon2, 8), PeriodKind.extra),
        _p("A", _at(mon2, 8), _at(mon2, 10, 10), PeriodKind.overtime),
        # A: a day shift with 3 h overtime, no break recorded: § 10-9 (2) presumes 30 min.
        _p("A", _at(tue, 7), _at(tue, 15), shift="D"),
        _p("A", _at(tue, 15), _at(tue, 18), PeriodKind.overtime, brk=None),
        # C: extra hours that straddle the week boundary at Monday 00:00.
        _p("C", _at(sun, 22, 45), _at(mon2, 1, 20), PeriodKind.extra),
    ]
    # B (50 %, 18.75 h a week): 5 planned day shifts a week = 40 h, not one minute of it extra.
    for k in range(5):
        d = MON + timedelta(days=k)
        periods.append(_p("B", _at(d, 7), _at(d, 15), shift="D"))
    return Roster(periods=tuple(periods))


def _book(tmp_path: Path) -> Path:
    wb = Workbook()
    wb.active.title = "Notes"
    path = tmp_path / "in.xlsx"
    wb.save(path)
    return path


def _minutes(hours: object) -> int:
    assert isinstance(hours, int | float)
    return round(hours * 60)


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_summary_hours_and_headroom_agree_to_the_minute(tmp_path: Path, lang: str) -> None:
    problem = _problem(lang)
    roster = _roster()
    sol = Solution(status="FEASIBLE", roster=roster)
    wb, titles = rw.build_workbook(problem, sol, [], rw.RunInfo(_book(tmp_path), "0" * 64,
                                                                SolveOptions(allow_overtime=True)))

    def label(key: str, **kw: object) -> str:
        return i18n.text(key, lang, **kw)

    # Summary: totals.
    summary = {r[0]: r[1] for r in wb[titles["Summary"]].iter_rows(min_row=2, values_only=True)
               if r[0]}
    s_ot = _minutes(summary[label("sheet.summary.overtime_hours")])
    s_extra = _minutes(summary[label("sheet.summary.extra_hours")])

    # Hours: per employee per week, added up.
    h_ot: dict[str, float] = {}
    h_extra: dict[str, float] = {}
    for r in wb[titles["Hours"]].iter_rows(min_row=2, max_col=11, values_only=True):
        if r[0] is None:
            continue
        h_extra[r[0]] = h_extra.get(r[0], 0) + r[7]
        h_ot[r[0]] = h_ot.get(r[0], 0) + r[8]

    # Headroom: this roster's overtime and extra hours per employee (one value per cap row).
    head: dict[str, set[tuple[int, int]]] = {}
    for r in wb[titles["Headroom"]].iter_rows(min_row=2, max_col=11, values_only=True):
        if r[0] in {"A", "B", "C"}:
            head.setdefault(r[0], set()).add((_minutes(r[9]), _minutes(r[10])))

    expected = {
        # 2 h 10 min + (3 h - the presumed 30 min break); the History overtime is not counted.
        "A": (130 + 150, 60),
        "B": (0, 0),  # 40 h planned on 18.75 h: a deviation, not extra hours
        "C": (0, 155),
    }
    for emp, (ot, extra) in expected.items():
        assert (_minutes(h_ot[emp]), _minutes(h_extra[emp])) == (ot, extra), emp
        assert head[emp] == {(ot, extra)}, emp
    assert (s_ot, s_extra) == (280, 215)
    assert s_ot == sum(_minutes(v) for v in h_ot.values())
    assert s_extra == sum(_minutes(v) for v in h_extra.values())
    # A's overtime lies in two weeks: 150 min in the first, 130 min in the second.
    weeks = {(r[0], r[2]): _minutes(r[8])
             for r in wb[titles["Hours"]].iter_rows(min_row=2, max_col=11, values_only=True)
             if r[0] == "A"}
    assert weeks == {("A", MON): 150, ("A", MON + timedelta(days=7)): 130}
    # ... and the cost on the Summary is priced on the same minutes.
    assert xt.ledger(problem, roster).total(PeriodKind.overtime) == 280


def test_ledger_counts_what_the_overtime_cap_counts() -> None:
    """The one measure is the checker's: the Headroom 'used' of the 7-day window holding the
    roster's overtime equals the ledger's overtime in that window."""
    from constraints.overtime.counted import ot_rate
    from scheduler.headroom import context

    problem, roster = _problem("en"), _roster()
    ctx = context(problem, roster)
    led = xt.ledger(problem, roster)
    first_week = ctx.windows.week
    w = next(w for w in first_week if w.label == MON.isoformat())
    assert led.minutes("A", PeriodKind.overtime, w.start, w.end) == \
        ot_rate(ctx, "A").between(w.start, w.end) == 150
