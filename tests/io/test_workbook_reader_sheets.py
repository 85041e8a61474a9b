"""Reading the planning workbook's optional sheets: requests, fixed shifts, history, agreements and weights (scheduler.io.read.workbook)."""

from __future__ import annotations

from datetime import date, datetime

from scheduler.io.read.workbook import read_problem
from scheduler.model import PeriodKind, RequestKind, Tier
from tests.conftest import base_sheets
from tests.io.reader_kit import issues_of

# Requests, fixed, history, agreements, weights


def test_requests_fixed_history_agreements_and_weights(make_xlsx):
    sheets = base_sheets()
    sheets["Requests"] = [
        ["employee", "date", "from", "to", "kind", "shift", "weight"],
        ["A", None, "2026-03-28", "2026-04-03", "unavailable", None, None],  # clipped
        ["B", "2026-04-08", None, None, "shift_wish", "N", 2],
        ["C", "2026-04-09", None, None, "avoid shift", "d", None],
    ]
    sheets["Fixed"] = [["employee", "date", "shift"], ["B", "2026-04-20", "N"]]
    sheets["History"] = [
        ["employee", "start", "end", "kind", "break_minutes", "overtime_ytd_hours",
         "last_sunday_worked"],
        ["A", "2026-03-31 22:00", "08:00", "overtime", 30, None, None],
        ["B", datetime(2026, 3, 29, 7, 30), datetime(2026, 3, 29, 15, 30), None, None, 12.5,
         "2026-03-29"],
        ["C", None, None, None, None, 3, None],
    ]
    sheets["Agreements"] = [
        ["scope", "family", "tier", "parameter", "value", "valid_from", "valid_to"],
        ["A", "10-5", "T2_INDIVIDUAL", "daily_limit_hours", 10, "2026-01-01", None],
        ["A", "10-5", "T2_INDIVIDUAL", "weekly_max_hours", 45, None, "2026-12-31"],
        ["site", datetime(2026, 10, 8), "T3_TARIFF_REPS", None, None, None, None],
    ]
    sheets["Weights"] = [["key", "value"], ["uncovered", 5000], ["request", 7]]
    p = read_problem(make_xlsx(sheets))
    r0, r1, r2 = p.requests
    assert (r0.start, r0.end, r0.kind) == (date(2026, 4, 1), date(2026, 4, 3),
                                           RequestKind.unavailable)
    assert (r1.kind, r1.shift, r1.weight) == (RequestKind.shift_wish, "N", 2)
    assert (r2.kind, r2.shift) == (RequestKind.avoid_shift, "D")
    assert p.fixed[0].shift == "N"
    h0, h1 = p.history
    assert h0.kind == PeriodKind.overtime
    assert (h0.start.isoformat(), h0.end.isoformat()) == (
        "2026-03-31T22:00:00+02:00", "2026-04-01T08:00:00+02:00")
    assert h1.kind == PeriodKind.planned and h1.break_minutes == 0
    eh = {e.employee: e for e in p.employee_history}
    assert eh["B"].overtime_ytd_hours == 12.5 and eh["B"].last_sunday_worked == date(2026, 3, 29)
    assert eh["C"].overtime_ytd_hours == 3 and eh["C"].last_sunday_worked is None
    a_ind, a_site = p.agreements
    assert a_ind.employee == "A" and a_ind.family == "10-5"
    assert a_ind.params == {"daily_limit_hours": 10, "weekly_max_hours": 45}
    assert (a_ind.valid_from, a_ind.valid_to) == (date(2026, 1, 1), date(2026, 12, 31))
    assert (a_site.employee, a_site.family, a_site.params) == (None, "10-8", {})
    assert p.weights.uncovered == 5000 and p.weights.request == 7
    assert p.weights.fairness == 20  # untouched default


def test_agreement_at_the_bound_passes_and_just_over_fails(make_xlsx):
    sheets = base_sheets()
    sheets["Agreements"] = [
        ["scope", "family", "tier", "parameter", "value"],
        ["A", "10-5", "T2_INDIVIDUAL", "daily_limit_hours", 10],
    ]
    assert read_problem(make_xlsx(sheets, "ok.xlsx")).agreements[0].params == {
        "daily_limit_hours": 10}
    sheets["Agreements"][1][4] = 10.25
    found = issues_of(make_xlsx(sheets, "over.xlsx"))
    assert [(s, c) for s, c, _ in found] == [("Agreements", "E2")]
    assert "above the ceiling of 10.0" in found[0][2]
    assert "T3_TARIFF_REPS would allow it" in found[0][2]


def test_t3_needs_tariff_bound(make_xlsx):
    sheets = base_sheets()
    sheets["Settings"].append(["tariff_bound", "no"])
    sheets["Agreements"] = [["scope", "family", "tier"], ["site", "10-8", "T3_TARIFF_REPS"]]
    found = issues_of(make_xlsx(sheets))
    assert [(s, c) for s, c, _ in found] == [("Agreements", "C2")]


def test_validation_error_from_the_model_lands_on_the_cell(make_xlsx):
    sheets = base_sheets()
    sheets["Shifts"].append(["S", "Short", "10:00", "10:30", 30, "yes"])
    found = issues_of(make_xlsx(sheets))
    assert found == [("Shifts", "E5", "break is as long as the shift")]


# ---------------------------------------------------------------------------------------------

def test_family_spellings(make_xlsx):
    sheets = base_sheets()
    sheets["Agreements"] = [
        ["scope", "family", "tier"],
        ["A", 10.5, "T2"],
        ["B", "§ 10-5", "individuell"],
        ["C", datetime(2026, 5, 10), "T2"],  # Norwegian Excel turned 10-5 into 10 May
        ["site", 10.1, "T3"],  # 10-10 typed as a number
    ]
    p = read_problem(make_xlsx(sheets))
    assert [(a.employee, a.family, a.tier) for a in p.agreements] == [
        ("A", "10-5", Tier.T2_INDIVIDUAL), ("B", "10-5", Tier.T2_INDIVIDUAL),
        ("C", "10-5", Tier.T2_INDIVIDUAL), (None, "10-10", Tier.T3_TARIFF_REPS)]


def test_conflicting_horizon_and_fixed_on_unavailable_day(make_xlsx):
    sheets = base_sheets()
    sheets["Settings"].append(["start", "2026-04-01"])
    sheets["Requests"] = [["employee", "date", "kind"], ["A", "2026-04-03", "ferie"]]
    sheets["Fixed"] = [["employee", "date", "shift"], ["A", "2026-04-03", "D"]]
    found = issues_of(make_xlsx(sheets))
    assert [(s, c) for s, c, _ in found] == [("Settings", "B3"), ("Fixed", "C2")]
    sheets["Settings"].pop()
    found = issues_of(make_xlsx(sheets, "b.xlsx"))
    assert [(s, c) for s, c, _ in found] == [("Fixed", "C2")]
    assert "unavailable that day (Requests row 2)" in found[0][2]
