"""The table of agreement tiers: every row applies at its tiers and at no other, in the limits
in force, in validation, in ``allowed_by``, in the checker and in the solver's posts."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from constraints import limits
from constraints.base import CheckContext
from constraints.checker import check_problem
from constraints.exemptions.check import CHECKS as EXEMPTION_CHECKS
from constraints.tier_table import DOC, render
from scheduler import i18n
from scheduler.clock import local
from scheduler.model import (
    Agreement,
    Employee,
    FixedAssignment,
    Problem,
    Roster,
    Settings,
    ShiftType,
    Tier,
    WorkPeriod,
)

TIERS = [t for t in limits.TIER_ORDER if t != Tier.T0_DEFAULT]
ROWS = [(fam.key, p.name) for fam in limits.FAMILIES.values() for p in fam.params.values()
        if not p.setting]
READINGS = ("protective", "broad")


def agr(family: str, tier: Tier, reading: str = "protective", employee: str | None = "A",
        **params: float | bool) -> Agreement:
    return Agreement(family=family, tier=tier, employee=employee, params=params,
                     reading=reading)  # type: ignore[arg-type]


def loosest(p: limits.Param) -> float | bool:
    """The most permissive value any tier may agree to under either reading."""
    values = [w.bound(r) for w in p.powers for r in READINGS]
    if p.direction == "flag":
        return True
    pick = max if p.direction == "ceiling" else min
    return pick([float(v) for v in values] or [float(p.default)])  # type: ignore[arg-type]


# --- the table itself, row by row ---------------------------------------------------------


@pytest.mark.parametrize("reading", READINGS)
@pytest.mark.parametrize("tier", TIERS, ids=lambda t: t.value)
@pytest.mark.parametrize(("family", "name"), ROWS)
def test_each_row_relaxes_at_its_tiers_and_no_other(family, name, tier, reading):
    p = limits.FAMILIES[family].params[name]
    power = p.power(tier)
    expected = p.default if power is None else power.bound(reading)  # type: ignore[arg-type]
    # An ``explicit`` parameter moves only by a value the row states (here: the bound).
    stated = {name: power.bound(reading)} if p.explicit and power is not None else {}
    row = agr(family, tier, reading, **stated)
    if p.explicit:  # a row of the tier that does not state it changes nothing
        assert limits.effective(family, [agr(family, tier, reading)], "A")[name] == p.default
    eff = limits.effective(family, [row], "A")
    assert eff[name] == expected
    assert eff.tiers[name] == (tier if p.relaxes(tier, reading) else Tier.T0_DEFAULT)
    # The checker's context reads the same value (the solver's context calls the same function).
    ctx = CheckContext(settings=Settings(start=date(2026, 6, 1), end=date(2026, 6, 7)),
                       roster=Roster(periods=()), agreements=(row,))
    assert ctx.limits(family, "A")[name] == expected
    # Another employee's agreement never applies.
    assert limits.effective(family, [row], "B")[name] == p.default


@pytest.mark.parametrize("reading", READINGS)
@pytest.mark.parametrize("tier", TIERS, ids=lambda t: t.value)
@pytest.mark.parametrize(("family", "name"), ROWS)
def test_validation_accepts_the_bound_and_refuses_a_tier_without_the_power(
        family, name, tier, reading):
    p = limits.FAMILIES[family].params[name]
    fam = limits.FAMILIES[family]
    if tier not in fam.tiers:
        (problem,) = limits.problems(agr(family, tier, reading, **{name: p.default}))
        assert problem.kind == "tier"
        return
    # The default (or anything stricter) is always fine.
    assert limits.problems(agr(family, tier, reading, **{name: p.default})) == []
    if p.relaxes(tier, reading):
        bound = p.bound(tier, reading)
        assert limits.problems(agr(family, tier, reading, **{name: bound})) == []
        if p.direction != "flag":  # just beyond the bound: refused, naming the bound
            step = 0.01 if p.direction == "ceiling" else -0.01
            (problem,) = limits.problems(agr(family, tier, reading,
                                             **{name: float(bound) + step}))  # type: ignore[arg-type]
            assert problem.kind == "bound" and problem.param == name
    else:
        wanted = loosest(p)
        if wanted == p.default:
            return  # nobody relaxes this row
        (problem,) = limits.problems(agr(family, tier, reading, **{name: wanted}))
        assert problem.kind == "power" and p.paragraph in problem.text
        assert tier.value in problem.text and p.rule in problem.text
        # An explicit value at a tier without the power is never used.
        assert limits.effective(family, [agr(family, tier, reading, **{name: wanted})],
                                "A")[name] == p.default


@pytest.mark.parametrize("reading", READINGS)
@pytest.mark.parametrize(("family", "name"), ROWS)
def test_allowed_by_names_only_a_tier_with_the_power(family, name, reading):
    p = limits.FAMILIES[family].params[name]
    for tier in TIERS:
        if not p.relaxes(tier, reading):
            continue
        bound = p.bound(tier, reading)
        who = limits.allowed_by(family, name, bound, reading)  # type: ignore[arg-type]
        assert who is not None and p.relaxes(who, reading)
        assert limits.TIER_ORDER.index(who) <= limits.TIER_ORDER.index(tier)
    if p.direction != "flag":
        beyond = loosest(p) + (0.01 if p.direction == "ceiling" else -0.01)  # type: ignore[operator]
        assert limits.allowed_by(family, name, beyond, reading) is None


def test_the_issue_23_rows():
    red = limits.FAMILIES["10-8"].params["red_days_in_a_row"]
    assert limits.tiers_that_relax(red) == [Tier.T2_INDIVIDUAL]
    assert limits.tiers_that_relax(red, "broad") == [Tier.T2_INDIVIDUAL,
                                                      Tier.T4_UNION_INNSTILLINGSRETT]
    weekly = limits.FAMILIES["10-8"].params["weekly_rest_hours"]
    assert Tier.T3b_NONTARIFF_REPS not in limits.tiers_that_relax(weekly)
    night = limits.FAMILIES["10-11"].params["night_work_agreed"]
    assert Tier.T2_INDIVIDUAL not in limits.tiers_that_relax(night)
    (msg,) = limits.validate(agr("10-8", Tier.T3_TARIFF_REPS, employee=None,
                                 red_days_in_a_row=3))
    assert msg.startswith("§ 10-8 (4): red_days_in_a_row = 3 needs T2_INDIVIDUAL, not "
                          "T3_TARIFF_REPS")


def test_each_parameter_takes_its_own_tier():
    # A site T3 agreement on rest and an individual T2 agreement on Sundays in a row both apply.
    ags = [agr("10-8", Tier.T3_TARIFF_REPS, employee=None, daily_rest_hours=9),
           agr("10-8", Tier.T2_INDIVIDUAL, red_days_in_a_row=2)]
    eff = limits.effective("10-8", ags, "A")
    assert eff.num("daily_rest_hours") == 9 and eff.num("red_days_in_a_row") == 2
    assert eff.tiers["daily_rest_hours"] == Tier.T3_TARIFF_REPS
    assert eff.tiers["red_days_in_a_row"] == Tier.T2_INDIVIDUAL
    other = limits.effective("10-8", ags, "B")
    assert other.num("daily_rest_hours") == 9 and other.num("red_days_in_a_row") == 1


def test_the_published_table_is_the_generated_one():
    assert DOC.read_text(encoding="utf-8") == render(), "run python -m constraints.tier_table"
    text = render()
    for fam in limits.FAMILIES.values():
        for p in fam.params.values():
            assert f"`{p.name}`" in text
            for w in p.powers:
                assert f"`{w.rule}`" in text and w.paragraph in text
    assert "Tier / Nivå" in text and "Terms / Vilkår" in text


# --- the open powers: one warning per agreement, naming the reading ------------------------


@pytest.mark.parametrize("reading", READINGS)
def test_open_power_warns_with_the_reading_used(reading):
    s = Settings(start=date(2026, 6, 1), end=date(2026, 6, 7))
    ctx = CheckContext(settings=s, roster=Roster(periods=()), agreements=(
        agr("10-5", Tier.T4_UNION_INNSTILLINGSRETT, reading),
        agr("10-8", Tier.T5_ARBEIDSTILSYNET, reading, employee=None),
        agr("10-8", Tier.T3_TARIFF_REPS, reading, employee=None),  # settled: no warning
        agr("10-6", Tier.T5_ARBEIDSTILSYNET, reading,
            **{"overtime_7d_hours": 25}),
    ))
    (union,) = EXEMPTION_CHECKS["AML-10-12-4-union"](ctx)
    assert union.severity.value == "warning" and union.employee == "A"
    limit = "16 hours" if reading == "broad" else "12.5 hours"
    assert f"the {reading} reading is used" in union.message
    assert f"daily_limit_hours {limit}" in union.message
    inspectorate = EXEMPTION_CHECKS["AML-10-12-6-7-inspectorate"](ctx)
    assert len(inspectorate) == 2  # the 10-8 consent (rest) and the 10-6 one (4-week cap)
    assert {f.employee for f in inspectorate} == {None, "A"}
    f = inspectorate[0]
    nb = i18n.render(f.message_key, f.message_args, "nb")  # type: ignore[arg-type]
    assert "lesning brukes" in nb and ("vid" if reading == "broad" else "vernende") in nb


def test_open_power_outside_the_horizon_is_not_reported():
    s = Settings(start=date(2026, 6, 1), end=date(2026, 6, 7))
    old = Agreement(family="10-5", tier=Tier.T4_UNION_INNSTILLINGSRETT,
                    valid_to=date(2026, 5, 31))
    ctx = CheckContext(settings=s, roster=Roster(periods=()), agreements=(old,))
    assert EXEMPTION_CHECKS["AML-10-12-4-union"](ctx) == []


# --- end to end: checker and solver on the rows where the tiers matter ---------------------

D = ShiftType(code="D", start=time(7, 30), end=time(15, 30), break_minutes=30)
E = ShiftType(code="E", start=time(15, 0), end=time(22, 30), break_minutes=30)
N = ShiftType(code="N", start=time(22, 0), end=time(6, 0), break_minutes=30)
L = ShiftType(code="L", start=time(7, 0), end=time(19, 0), break_minutes=30)  # 12 h
K = ShiftType(code="K", start=time(8, 0), end=time(13, 0))  # 5 h mornings
V = ShiftType(code="V", start=time(17, 0), end=time(22, 0))  # 5 h evening

# row -> (settings kwargs, shifts, pins (day, shift), the rule whose finding the row relaxes,
#         the value the pins need)
WEEK = date(2026, 6, 1)  # Monday, no holidays
EASTER = date(2026, 3, 30)  # Monday before Easter 2026
SCENARIOS = {
    ("10-8", "red_days_in_a_row"): (  # Maundy Thursday and Good Friday: two red days in a row
        dict(start=EASTER, end=EASTER + timedelta(days=6), sunday_work_permitted_by_nature=True),
        (D,), ((EASTER + timedelta(days=3), "D"), (EASTER + timedelta(days=4), "D")),
        "AML-10-8-4-next-sunday-off", 2),
    ("10-8", "daily_rest_hours"): (  # E then D: 9 h of rest
        dict(start=WEEK, end=WEEK + timedelta(days=6)),
        (D, E), ((WEEK + timedelta(days=1), "E"), (WEEK + timedelta(days=2), "D")),
        "AML-10-8-1-daily-rest", 9),
    ("10-8", "weekly_rest_hours"): (  # Friday 22:00 to Sunday 08:00: 34 h of weekly rest
        dict(start=WEEK, end=WEEK + timedelta(days=6), sunday_work_permitted_by_nature=True),
        (K, V), tuple((WEEK + timedelta(days=i), "K") for i in range(4))
        + ((WEEK + timedelta(days=4), "V"), (WEEK + timedelta(days=6), "K")),
        "AML-10-8-2-weekly-rest", 34),
    ("10-10", "sunday_work_agreed"): (
        dict(start=WEEK, end=WEEK + timedelta(days=6), sunday_work_permitted_by_nature=False),
        (D,), ((WEEK + timedelta(days=6), "D"),), "AML-10-10-2-permitted", True),
    ("10-11", "night_work_agreed"): (
        dict(start=WEEK, end=WEEK + timedelta(days=6), night_work_permitted_by_nature=False),
        (N,), ((WEEK + timedelta(days=1), "N"),), "AML-10-11-2-permitted", True),
    ("10-5", "daily_limit_hours"): (  # one 12 h day
        dict(start=WEEK, end=WEEK + timedelta(days=6)),
        (L,), ((WEEK + timedelta(days=1), "L"),), "AML-10-4-1-daily-normal", 12),
}
CASES = [(row, tier, reading) for row in SCENARIOS for tier in TIERS for reading in READINGS
         if reading == "protective" or (limits.FAMILIES[row[0]].params[row[1]].power(tier)
                                         or limits.Power(tier, 0, "", "")).open]


def _problem(row: tuple[str, str], tier: Tier, reading: str) -> tuple[Problem, str, bool]:
    family, name = row
    kw, shifts, pins, rule, needed = SCENARIOS[row]
    p = limits.FAMILIES[family].params[name]
    # T2 is individual; the others are site agreements. The row states the loosest value any
    # tier may agree to, so an agreement at a tier without the power is ignored, not trimmed.
    wanted = loosest(p)
    value = p.bound(tier, reading) if p.relaxes(tier, reading) else wanted  # type: ignore[arg-type]
    ag = Agreement(family=family, tier=tier, reading=reading,  # type: ignore[arg-type]
                   employee="A" if tier == Tier.T2_INDIVIDUAL else None, params={name: value})
    problem = Problem(settings=Settings(**kw), shifts=shifts,  # type: ignore[arg-type]
                      employees=(Employee(id="A"),), agreements=(ag,),
                      fixed=tuple(FixedAssignment(employee="A", day=d, shift=c)
                                  for d, c in pins))
    return problem, rule, p.relaxes(tier, reading) and p.permits(tier, needed, reading)  # type: ignore[arg-type]


def _roster(problem: Problem) -> Roster:
    periods = []
    for f in problem.fixed:
        st = problem.shift(f.shift)
        start = local(f.day, st.start)
        end = local(f.day + timedelta(days=1 if st.end <= st.start else 0), st.end)
        periods.append(WorkPeriod(employee=f.employee, start=start, end=end, shift=st.code,
                                  break_minutes=st.break_minutes))
    return Roster(periods=tuple(periods))


@pytest.mark.parametrize(("row", "tier", "reading"), CASES,
                         ids=lambda x: "-".join(x) if isinstance(x, tuple) else str(x))
def test_checker_applies_the_row_only_at_its_tiers(row, tier, reading):
    problem, rule, allowed = _problem(row, tier, reading)
    found = [v for v in check_problem(problem, _roster(problem)).violations if v.rule == rule]
    assert (found == []) == allowed, found





# --- the Agreements sheet: a tier without the power is refused at its cell -----------------


def _agreements_issues(make_xlsx, rows, settings_rows=()):
    from scheduler.errors import InputError
    from scheduler.io.read.workbook import read_problem
    from tests.conftest import base_sheets

    sheets = base_sheets()
    sheets["Settings"] += [list(r) for r in settings_rows]
    sheets["Agreements"] = [["scope", "family", "tier", "parameter", "value"], *rows]
    path = make_xlsx(sheets)
    try:
        return read_problem(path), []
    except InputError as exc:
        return None, [(i.sheet, i.cell, i.message) for i in exc.issues]


def test_sheet_refuses_three_sundays_at_t3_at_the_tier_cell(make_xlsx):
    _, found = _agreements_issues(make_xlsx, [
        ["site", "10-8", "T3_TARIFF_REPS", "daily_rest_hours", 9],
        ["site", "10-8", "T3_TARIFF_REPS", "red_days_in_a_row", 3],
    ])
    assert [(s, c) for s, c, _ in found] == [("Agreements", "C3")]
    assert found[0][2].startswith(
        "§ 10-8 (4): red_days_in_a_row = 3 needs a written agreement with the employee (T2), "
        "not T3_TARIFF_REPS (rule AML-10-8-4-next-sunday-off")


def test_sheet_message_in_norwegian_and_open_hint(make_xlsx):
    _, found = _agreements_issues(make_xlsx, [
        ["alle", "10-8", "T4_UNION_INNSTILLINGSRETT", "red_days_in_a_row", 3],
    ], [["language", "nb"]])
    ((sheet, cell, message),) = found
    assert (sheet, cell) == ("Agreements", "C2")
    assert message.startswith("§ 10-8 (4): red_days_in_a_row = 3 krever skriftlig avtale med "
                              "arbeidstakeren (T2), ikke T4_UNION_INNSTILLINGSRETT")
    assert "open_tier_powers = broad" in message


def test_sheet_broad_reading_lets_t4_agree_and_is_kept_on_the_agreement(make_xlsx):
    problem, found = _agreements_issues(make_xlsx, [
        ["site", "10-8", "T4_UNION_INNSTILLINGSRETT", "red_days_in_a_row", 3],
        ["site", "10-5", "T4_UNION_INNSTILLINGSRETT", "daily_limit_hours", 16],
    ], [["open_tier_powers", "broad"]])
    assert found == [] and problem is not None
    assert problem.settings.open_tier_powers == "broad"
    assert {a.reading for a in problem.agreements} == {"broad"}
    assert limits.effective("10-8", problem.agreements, "A").num("red_days_in_a_row") == 3


def test_sheet_protective_reading_refuses_16_hours_at_t4_at_the_value_cell(make_xlsx):
    _, found = _agreements_issues(make_xlsx, [
        ["site", "10-5", "T4_UNION_INNSTILLINGSRETT", "daily_limit_hours", 16],
    ])
    assert [(s, c) for s, c, _ in found] == [("Agreements", "E2")]
    assert "above the ceiling of 12.5" in found[0][2]


def test_sheet_refuses_a_site_wide_individual_agreement_and_a_bad_reading(make_xlsx):
    _, found = _agreements_issues(make_xlsx, [
        ["site", "10-8", "T2_INDIVIDUAL", "red_days_in_a_row", 3],
    ], [["open_tier_powers", "generous"]])
    cells = {c: m for _, c, m in found}
    assert set(cells) == {"A2", "B4"}
    assert "one row per employee who signed" in cells["A2"]
    assert "expected protective or broad" in cells["B4"]


def test_sheet_one_row_per_employee_gives_each_their_own_agreement(make_xlsx):
    problem, found = _agreements_issues(make_xlsx, [
        ["A", "10-8", "T2_INDIVIDUAL", "red_days_in_a_row", 3],
        ["B", "10-8", "T2", "red_days_in_a_row", 2],
    ])
    assert found == [] and problem is not None
    got = {e: limits.effective("10-8", problem.agreements, e).num("red_days_in_a_row")
           for e in ("A", "B", "C")}
    assert got == {"A": 3, "B": 2, "C": 1}


@pytest.mark.parametrize("reading", READINGS)
def test_what_if_agreement_takes_the_sites_reading(reading):
    from scheduler.whatif.rule_changes import set_tier

    s = Settings(start=WEEK, end=WEEK + timedelta(days=6), open_tier_powers=reading)
    p = Problem(settings=s, shifts=(D,), employees=(Employee(id="A"),))
    changed = set_tier(p, "10-8", Tier.T4_UNION_INNSTILLINGSRETT)
    (a,) = changed.agreements
    assert a.reading == reading
    expected = 3 if reading == "broad" else 1
    assert limits.effective("10-8", changed.agreements, "A").num("red_days_in_a_row") == expected
