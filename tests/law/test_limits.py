"""Tier limits: validation of agreements, the limits in force, and who would allow a value."""

from __future__ import annotations

from datetime import date

from constraints.limits import FAMILIES, TIER_ORDER, allowed_by, effective, validate
from scheduler.model import Agreement, Tier

T2, T3, T3b, T4, T5 = (Tier.T2_INDIVIDUAL, Tier.T3_TARIFF_REPS, Tier.T3b_NONTARIFF_REPS,
                       Tier.T4_UNION_INNSTILLINGSRETT, Tier.T5_ARBEIDSTILSYNET)


def agr(family: str, tier: Tier, employee: str | None = None, **params) -> Agreement:
    return Agreement(family=family, tier=tier, employee=employee, params=params)


# --- validate ---------------------------------------------------------------------------------


def test_ceiling_at_the_bound_is_valid_and_just_over_is_not():
    assert validate(agr("10-5", T2, daily_limit_hours=10)) == []
    (msg,) = validate(agr("10-5", T2, daily_limit_hours=10.01))
    assert "above the ceiling of 10.0" in msg and "T3_TARIFF_REPS would allow it" in msg
    assert validate(agr("10-5", T3, daily_limit_hours=12.5)) == []
    assert validate(agr("10-5", T3, daily_limit_hours=12.51)) != []


def test_floor_at_the_bound_is_valid_and_just_under_is_not():
    assert validate(agr("10-8", T3, daily_rest_hours=8)) == []
    (msg,) = validate(agr("10-8", T3, daily_rest_hours=7.99))
    assert "below the floor of 8.0" in msg
    assert validate(agr("10-8", T3, weekly_rest_hours=28)) == []
    assert validate(agr("10-8", T3, weekly_rest_hours=27.5)) != []


def test_stricter_than_default_is_always_valid():
    assert validate(agr("10-8", T3, daily_rest_hours=12)) == []
    assert validate(agr("10-5", T2, daily_limit_hours=8)) == []


def test_unknown_family_tier_parameter_and_type():
    assert "unknown rule family" in validate(agr("10-99", T3))[0]
    (msg,) = validate(agr("10-6", T2, overtime_7d_hours=10))
    assert msg.startswith("tier T2_INDIVIDUAL cannot relax § 10-6")
    assert "has no parameter 'speed'" in validate(agr("10-5", T2, speed=1))[0]
    assert "must be a number" in validate(agr("10-5", T2, daily_limit_hours="ten"))[0]


def test_tier_without_parameters_is_valid():
    for key, fam in FAMILIES.items():
        for tier in fam.tiers:
            assert validate(agr(key, tier)) == [], (key, tier)


# --- effective --------------------------------------------------------------------------------


def test_no_agreement_gives_statutory_defaults():
    e = effective("10-5", [], "A")
    assert e.tier == Tier.T0_DEFAULT and e.num("daily_limit_hours") == 9.0
    assert effective("10-8", [], "A").num("daily_rest_hours") == 11.0


def test_tier_in_force_without_values_gives_the_tier_bound():
    e = effective("10-5", [agr("10-5", T2, "A")], "A")
    assert e.tier == T2 and e.num("daily_limit_hours") == 10.0


def test_explicit_values_are_used_and_individual_wins_over_site():
    site = agr("10-8", T3, None, daily_rest_hours=9)
    personal = agr("10-8", T3, "A", daily_rest_hours=10)
    assert effective("10-8", [site, personal], "A").num("daily_rest_hours") == 10
    assert effective("10-8", [site, personal], "B").num("daily_rest_hours") == 9


def test_most_permissive_tier_in_force_is_chosen():
    ags = [agr("10-5", T2, "A"), agr("10-5", T3, None)]
    assert effective("10-5", ags, "A").tier == T3
    assert effective("10-5", ags, "A").num("daily_limit_hours") == 12.5
    assert TIER_ORDER.index(T4) > TIER_ORDER.index(T5) > TIER_ORDER.index(T3b)


def test_validity_dates_are_inclusive():
    a = Agreement(family="10-5", tier=T2, employee="A", valid_from=date(2026, 4, 1),
                  valid_to=date(2026, 4, 30))
    assert effective("10-5", [a], "A", on=date(2026, 3, 31)).tier == Tier.T0_DEFAULT
    assert effective("10-5", [a], "A", on=date(2026, 4, 1)).tier == T2
    assert effective("10-5", [a], "A", on=date(2026, 4, 30)).tier == T2
    assert effective("10-5", [a], "A", on=date(2026, 5, 1)).tier == Tier.T0_DEFAULT


def test_other_employees_agreement_does_not_apply():
    assert effective("10-5", [agr("10-5", T2, "B")], "A").tier == Tier.T0_DEFAULT


def test_overrides_only_make_limits_stricter():
    e = effective("10-8", [], "A", overrides={"daily_rest_hours": 12})
    assert e.num("daily_rest_hours") == 12
    e = effective("10-8", [], "A", overrides={"daily_rest_hours": 9})
    assert e.num("daily_rest_hours") == 11
    e = effective("10-5", [agr("10-5", T2, "A")], "A", overrides={"daily_limit_hours": 9.5})
    assert e.num("daily_limit_hours") == 9.5
    e = effective("10-5", [], "A", overrides={"daily_limit_hours": 12})
    assert e.num("daily_limit_hours") == 9


# --- allowed_by -------------------------------------------------------------------------------


def test_allowed_by_ceiling_at_and_just_over_each_bound():
    assert allowed_by("10-5", "daily_limit_hours", 10.0) == T2
    assert allowed_by("10-5", "daily_limit_hours", 10.01) == T3
    assert allowed_by("10-5", "daily_limit_hours", 12.5) == T3
    assert allowed_by("10-5", "daily_limit_hours", 12.51) == T5
    assert allowed_by("10-5", "daily_limit_hours", 13.01) is None  # T4 protective: 12.5
    assert allowed_by("10-5", "daily_limit_hours", 16.0, "broad") == T4
    assert allowed_by("10-5", "daily_limit_hours", 16.01, "broad") is None


def test_allowed_by_floor():
    assert allowed_by("10-8", "daily_rest_hours", 8.0) == T3
    assert allowed_by("10-8", "daily_rest_hours", 7.99) is None
    assert allowed_by("10-8", "weekly_rest_hours", 28.0) == T3
    assert allowed_by("10-8", "weekly_rest_hours", 27.99) is None


def test_allowed_by_overtime():
    assert allowed_by("10-6", "overtime_7d_hours", 20.0) == T3
    assert allowed_by("10-6", "overtime_7d_hours", 20.5) == T5
    assert allowed_by("10-6", "overtime_7d_hours", 25.5) is None


# --- each family's typed parameters ------------------------------------------------------------


def test_each_family_has_typed_parameters_naming_every_row() -> None:
    from dataclasses import fields

    from constraints.limits import TYPED

    assert set(TYPED) == set(FAMILIES)
    for key, cls in TYPED.items():
        assert cls.KEY == key
        assert [f.name for f in fields(cls)] == list(FAMILIES[key].params)


def test_typed_parameters_read_as_the_limits_in_force() -> None:
    rest = effective("10-8", [agr("10-8", T3, daily_rest_hours=9, weekly_rest_window="overlap")])
    assert rest.p.daily_rest_hours == rest.num("daily_rest_hours") == 9.0
    assert isinstance(rest.p.daily_rest_hours, float)
    assert rest.p.weekly_rest_hours == 28.0  # T3's bound, not stated in the row
    assert rest.p.weekly_rest_window == "overlap"
    sunday = effective("10-10", [agr("10-10", T3)])
    assert sunday.p.sunday_work_agreed is True
    assert effective("10-10", []).p.sunday_work_agreed is False
    assert effective("10-4", []).p.weekly_normal_hours == 40.0
