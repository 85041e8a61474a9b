"""Rule parameters, their statutory defaults, and which tier may relax each one — and how far.

This module is the project's **table of agreement tiers**, written from the rule specification
(``aml-rules.md`` sections 0.1-9). For every parameter it records the statutory default and, per
tier, a :class:`Power`: the value that tier may agree to, the paragraph that gives the power and
the spec row (rule id) it comes from. A tier without a power for a parameter cannot relax it (it
may still state a stricter value). ``docs/agreement-tiers.md`` is generated from this table
(``python -m constraints.tier_table``), so the published table cannot drift from the code.

The table is used four ways:

* the workbook reader refuses an ``Agreements`` row whose tier may not relax the parameter, or
  whose value is beyond the tier's bound (:func:`problems`, with the cell; see
  :mod:`constraints.tier_review`);
* the rule modules (check and post alike) ask :func:`effective` for the limits in force for one
  employee: **per parameter**, the most permissive tier in force that has a power over it;
* a finding asks :func:`allowed_by` which tier would have permitted the measured value;
* the checker warns about agreements at a tier whose power the spec leaves open.

Open (UNCONFIRMED) powers. The spec leaves the outer limits of a § 10-12 (4) union agreement
(T4) and several numbers of an Arbeidstilsynet consent (T5, § 10-12 (6)/(7)) unconfirmed. Such a
power is marked ``open``. Its ``value`` is the **protective reading** (the default): for T4 what
a local tariff agreement (T3) may agree to — a § 10-12 (4) agreement certainly reaches that far
— and for T5 the value the other tiers' rows make safe. Its ``broad`` value is the other reading
(the outer value seen in practice), used only for agreements read with
``Agreement.reading == "broad"`` (the workbook's Settings key ``open_tier_powers``).

A bound is a ``ceiling`` (the tier may raise the value up to it) or a ``floor`` (the tier may
lower it down to it); a ``flag`` is a yes/no permission. A ``setting`` parameter is a reading the
site chooses (any row may state it; numeric ones only stricter), not a relaxation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from scheduler.model import Agreement, Tier

Direction = Literal["ceiling", "floor", "flag"]
Reading = Literal["protective", "broad"]
Value = float | bool | str

# Tier order from least to most permissive (used to pick "the most permissive tier in force").
TIER_ORDER: tuple[Tier, ...] = (
    Tier.T0_DEFAULT,
    Tier.T1_EMPLOYER,
    Tier.T2_INDIVIDUAL,
    Tier.T3_TARIFF_REPS,
    Tier.T3b_NONTARIFF_REPS,
    Tier.T5_ARBEIDSTILSYNET,
    Tier.T4_UNION_INNSTILLINGSRETT,
)

T0 = Tier.T0_DEFAULT
T1 = Tier.T1_EMPLOYER
T2 = Tier.T2_INDIVIDUAL
T3 = Tier.T3_TARIFF_REPS
T3b = Tier.T3b_NONTARIFF_REPS
T4 = Tier.T4_UNION_INNSTILLINGSRETT
T5 = Tier.T5_ARBEIDSTILSYNET

# Where a tier's power comes from, in words a union representative reads (English, bokmål).
TIER_WORDS: dict[Tier, tuple[str, str]] = {
    T0: ("no agreement (the statute)", "ingen avtale (loven)"),
    T1: ("the employer alone", "arbeidsgiver alene"),
    T2: ("a written agreement with the employee", "skriftlig avtale med arbeidstakeren"),
    T3: ("a written agreement with the elected representatives (collective agreement)",
         "skriftlig avtale med tillitsvalgte (tariffbundet virksomhet)"),
    T3b: ("a written agreement with the employee representatives (no collective agreement)",
          "skriftlig avtale med tillitsvalgte (ikke tariffbundet)"),
    T4: ("a collective agreement with a union with innstillingsrett (§ 10-12 (4))",
         "tariffavtale med fagforening med innstillingsrett (§ 10-12 (4))"),
    T5: ("consent from Arbeidstilsynet", "samtykke fra Arbeidstilsynet"),
}
TIER_SHORT: dict[Tier, str] = {T0: "T0", T1: "T1", T2: "T2", T3: "T3", T3b: "T3b", T4: "T4",
                               T5: "T5"}


@dataclass(frozen=True)
class Power:
    """What one tier may agree to for one parameter, and where the statute says so."""

    tier: Tier
    value: float | bool  # the protective reading (the only one unless ``open``)
    paragraph: str  # "§ 10-5 (1)"
    rule: str  # the spec row, e.g. "AML-10-5-1-avg-individual"
    condition: tuple[str, str] = ("", "")  # (English, bokmål): the statute's terms, if any
    open: bool = False  # the spec marks this power UNCONFIRMED
    broad: float | bool | None = None  # the other reading of an open power (None: no other)

    def bound(self, reading: Reading = "protective") -> float | bool:
        if reading == "broad" and self.broad is not None:
            return self.broad
        return self.value


@dataclass(frozen=True)
class Param:
    name: str
    default: Value
    direction: Direction
    unit: str
    paragraph: str  # the paragraph that sets the default
    rule: str  # the spec row of the limit itself
    powers: tuple[Power, ...] = ()
    note: tuple[str, str] = ("", "")  # (English, bokmål)
    setting: bool = False  # a reading the site chooses, not a relaxation
    # The tiers' powers work only through a value the row states (the statute gives no bound to
    # fall back on: "another share" says nothing about which); a row without it changes nothing.
    explicit: bool = False

    def power(self, tier: Tier) -> Power | None:
        for p in self.powers:
            if p.tier == tier:
                return p
        return None

    def relaxes(self, tier: Tier, reading: Reading = "protective") -> bool:
        """Does ``tier`` have a power that moves this parameter beyond the default?"""
        p = self.power(tier)
        return p is not None and p.bound(reading) != self.default

    def bound(self, tier: Tier, reading: Reading = "protective") -> Value:
        """The most permissive value ``tier`` may agree to (the default if it has no power)."""
        p = self.power(tier)
        return self.default if p is None else p.bound(reading)

    def permits(self, tier: Tier, value: Value, reading: Reading = "protective") -> bool:
        if self.setting and isinstance(self.default, str):
            return True
        b = self.bound(tier, reading)
        if self.direction == "ceiling":
            return float(value) <= float(b) + 1e-9
        if self.direction == "floor":
            return float(value) >= float(b) - 1e-9
        return bool(value) == bool(b) or bool(value) == bool(self.default)


@dataclass(frozen=True)
class Family:
    key: str  # "10-5"
    title: str
    params: dict[str, Param]
    tiers: tuple[Tier, ...]  # T0 and every tier with a power over some parameter
    title_nb: str = ""


def _family(key: str, title: str, title_nb: str, *params: Param) -> Family:
    found = {p.tier for prm in params for p in prm.powers}
    tiers = tuple(t for t in TIER_ORDER if t in found)
    return Family(key, title, {p.name: p for p in params}, (T0, *tiers), title_nb)


def _open_t4(value: float | bool, broad: float | bool | None = None,
             rule: str = "AML-10-12-4-union") -> Power:
    """A § 10-12 (4) power: the protective reading is ``value`` (T3's own power, or none)."""
    return Power(T4, value, "§ 10-12 (4)", rule, open=True, broad=broad,
                 condition=("outer limits UNCONFIRMED",
                            "ytre grenser ikke bekreftet"))


_COMP_REST = ("only with compensatory rest (or other suitable protection)",
              "bare med kompenserende hvile (eller annet passende vern)")
_T5_REST = ("§ 10-12 (6)/(7) consent; its numeric limits are UNCONFIRMED",
            "samtykke etter § 10-12 (6)/(7); tallgrensene er ikke bekreftet")

# § 10-4 (1): normal working hours at most 9 h per 24 h and 40 h per 7 days (the statutory
# defaults of every normal-hours parameter below; ``constraints.normal_hours`` reads them here).
STATUTORY_DAY_HOURS = 9.0
STATUTORY_WEEK_HOURS = 40.0

FAMILIES: dict[str, Family] = {
    f.key: f
    for f in (
        _family(
            "10-4", "Normal working hours", "Alminnelig arbeidstid",
            Param("daily_normal_hours", STATUTORY_DAY_HOURS, "ceiling", "hours", "§ 10-4 (1)",
                  "AML-10-4-1-daily-normal",
                  note=("longer days only through § 10-5 averaging (family 10-5)",
                        "lengre dager bare ved gjennomsnittsberegning etter § 10-5")),
            Param("weekly_normal_hours", STATUTORY_WEEK_HOURS, "ceiling", "hours", "§ 10-4 (1)",
                  "AML-10-4-1-weekly-normal",
                  note=("38 or 36 h where § 10-4 (4)/(5) applies; may only be set lower",
                        "38 eller 36 t når § 10-4 (4)/(5) gjelder; kan bare settes lavere")),
            Param("passive_day_hours", 11.0, "ceiling", "hours", "§ 10-4 (2)",
                  "AML-10-4-2-passive", (
                      Power(T5, 13.0, "§ 10-4 (2)", "AML-10-4-2-passive",
                            ("particularly passive work: normal hours up to 13 h per 24 h",
                             "arbeid av særlig passiv karakter: alminnelig arbeidstid inntil "
                             "13 t per 24 t")),
                  ),
                  note=("normal hours per 24 h / work period with passive time: 9 h + half the "
                        "passive time, at most + 2 h (the week: + 10 h, never above 48 h)",
                        "alminnelig arbeidstid per 24 t / arbeidsperiode med passiv tid: 9 t + "
                        "halve den passive tiden, høyst + 2 t (uken: + 10 t, aldri over 48 t)")),
            Param("standby_share", 1 / 7, "floor", "share", "§ 10-4 (3)",
                  "AML-10-4-3-standby", (
                      Power(T3, 0.0, "§ 10-4 (3)", "AML-10-4-3-standby",
                            ("a written agreement may set another share",
                             "skriftlig avtale kan fastsette en annen andel")),
                      Power(T5, 0.0, "§ 10-4 (3)", "AML-10-4-3-standby",
                            ("another method of calculation, on application",
                             "en annen beregningsmåte, etter søknad")),
                      _open_t4(0.0),
                  ),
                  note=("share of on-call time away from the workplace counted as working "
                        "time; call-outs count in full; an agreement row must state its share",
                        "andel av beredskapsvakt utenfor arbeidsstedet som regnes som "
                        "arbeidstid; utrykning teller fullt; avtaleraden må oppgi andelen"),
                  explicit=True),
        ),
        _family(
            "10-5", "Averaging of normal hours", "Gjennomsnittsberegning",
            Param("daily_limit_hours", STATUTORY_DAY_HOURS, "ceiling", "hours", "§ 10-4 (1)",
                  "AML-10-4-1-daily-normal", (
                      Power(T2, 10.0, "§ 10-5 (1)", "AML-10-5-1-avg-individual"),
                      Power(T3, 12.5, "§ 10-5 (2)", "AML-10-5-2-avg-tariff",
                            ("above 10 h: particular weight on health and welfare",
                             "over 10 t: særlig vekt på helse og velferd")),
                      Power(T5, 13.0, "§ 10-5 (3)", "AML-10-5-3-avg-labour-inspection",
                            ("total hours; period at most 26 weeks",
                             "samlet arbeidstid; periode høyst 26 uker")),
                      _open_t4(12.5, 16.0, "AML-10-5-x-beyond"),
                  ),
                  note=("T4 broad reading: 16 h, the value of the 2020 NSF-Spekter agreement",
                        "T4 vid lesning: 16 t, verdien i NSF-Spekter-avtalen fra 2020")),
            Param("weekly_limit_hours", STATUTORY_WEEK_HOURS, "ceiling", "hours", "§ 10-4 (1)",
                  "AML-10-4-1-weekly-normal", (
                      Power(T2, 48.0, "§ 10-5 (1)", "AML-10-5-1-avg-individual"),
                      Power(T3, 48.0, "§ 10-5 (2)", "AML-10-5-2-avg-tariff"),
                      Power(T5, 48.0, "§ 10-5 (3)", "AML-10-5-3-avg-labour-inspection"),
                      _open_t4(48.0),
                  ),
                  note=("hours per 7 days on the 8-week average",
                        "timer per 7 dager i snitt over 8 uker")),
            Param("weekly_max_hours", STATUTORY_WEEK_HOURS, "ceiling", "hours", "§ 10-4 (1)",
                  "AML-10-4-1-weekly-normal", (
                      Power(T2, 50.0, "§ 10-5 (1)", "AML-10-5-1-avg-individual"),
                      Power(T3, 54.0, "§ 10-5 (2)", "AML-10-5-2-avg-tariff"),
                      Power(T5, 54.0, "§ 10-5 (3)", "AML-10-5-3-avg-labour-inspection",
                            ("no single-week cap stated: T3's 54 h is kept",
                             "ingen ukegrense oppgitt: T3s 54 t brukes"),
                            open=True, broad=91.0),
                      _open_t4(54.0),
                  ),
                  note=("any single week while averaging; T5 broad reading: only the 13 h "
                        "daily cap binds (7 x 13 = 91 h)",
                        "hver enkelt uke ved gjennomsnittsberegning; T5 vid lesning: bare "
                        "13 t-grensen per døgn gjelder (7 x 13 = 91 t)")),
            Param("average_weeks", 8.0, "ceiling", "weeks", "§ 10-5 (1)-(3)",
                  "AML-10-5-1-avg-individual",
                  note=("the 48 h may be averaged over 8 weeks at every tier (fixed)",
                        "48 t kan gjennomsnittsberegnes over 8 uker på alle nivåer (fast)")),
            Param("period_weeks", 0.0, "ceiling", "weeks", "§ 10-5", "AML-10-5-1-avg-individual", (
                Power(T2, 52.0, "§ 10-5 (1)", "AML-10-5-1-avg-individual"),
                Power(T3, 52.0, "§ 10-5 (2)", "AML-10-5-2-avg-tariff"),
                Power(T5, 26.0, "§ 10-5 (3)", "AML-10-5-3-avg-labour-inspection"),
                _open_t4(52.0),
            ), note=("length of the averaging period", "lengden på gjennomsnittsperioden")),
        ),
        _family(
            "10-6", "Overtime and total working time", "Overtid og samlet arbeidstid",
            Param("overtime_7d_hours", 10.0, "ceiling", "hours", "§ 10-6 (4)",
                  "AML-10-6-4-ot-7d", (
                      Power(T3, 20.0, "§ 10-6 (5)", "AML-10-6-4-ot-7d"),
                      Power(T5, 25.0, "§ 10-6 (6)", "AML-10-6-4-ot-7d"),
                      _open_t4(20.0, 25.0),
                  )),
            Param("overtime_4w_hours", 25.0, "ceiling", "hours", "§ 10-6 (4)",
                  "AML-10-6-4-ot-4w", (
                      Power(T3, 50.0, "§ 10-6 (5)", "AML-10-6-4-ot-4w"),
                      Power(T5, 50.0, "§ 10-6 (6)", "AML-10-6-4-ot-4w",
                            ("no 4-week cap stated: T3's 50 h is kept",
                             "ingen 4-ukersgrense oppgitt: T3s 50 t brukes"),
                            open=True, broad=100.0),
                      _open_t4(50.0),
                  ),
                  note=("T5 broad reading: only the 7-day cap binds (4 x 25 = 100 h)",
                        "T5 vid lesning: bare 7-dagersgrensen gjelder (4 x 25 = 100 t)")),
            Param("overtime_52w_hours", 200.0, "ceiling", "hours", "§ 10-6 (4)",
                  "AML-10-6-4-ot-52w", (
                      Power(T3, 300.0, "§ 10-6 (5)", "AML-10-6-4-ot-52w"),
                      Power(T5, 200.0, "§ 10-6 (6)", "AML-10-6-4-ot-52w",
                            ("200 h per 26 weeks (not 52)", "200 t per 26 uker (ikke 52)")),
                      _open_t4(300.0),
                  )),
            Param("total_24h_hours", 13.0, "ceiling", "hours", "§ 10-6 (8)",
                  "AML-10-6-8-total-24h", (
                      Power(T3, 16.0, "§ 10-6 (9)", "AML-10-6-8-total-24h", _COMP_REST),
                      _open_t4(16.0),
                  )),
            Param("total_7d_hours", 48.0, "ceiling", "hours", "§ 10-6 (8)",
                  "AML-10-6-8-total-7d",
                  note=("averaged over 8 weeks by the statute itself; no tier raises it",
                        "gjennomsnitt over 8 uker etter loven selv; ingen kan heve den")),
            Param("total_max_week_hours", 69.0, "ceiling", "hours", "§ 10-6 (8)",
                  "AML-10-6-8-total-max-week",
                  note=("any single week when T3 averaging and T3 overtime combine",
                        "hver enkelt uke når T3-gjennomsnitt og T3-overtid kombineres")),
        ),
        _family(
            "10-8", "Daily and weekly rest", "Daglig og ukentlig arbeidsfri",
            Param("daily_rest_hours", 11.0, "floor", "hours", "§ 10-8 (1)",
                  "AML-10-8-1-daily-rest", (
                      Power(T3, 8.0, "§ 10-8 (3)", "AML-10-8-1-daily-rest", _COMP_REST),
                      Power(T3b, 8.0, "§ 10-8 (3)", "AML-10-8-1-daily-rest",
                            ("only work in the rest period needed to avoid serious "
                             "operational disruption",
                             "bare arbeid i hviletiden for å unngå alvorlig driftsforstyrrelse")),
                      Power(T5, 8.0, "§ 10-12 (6)", "AML-10-12-6-7-inspectorate", _T5_REST,
                            open=True),
                      _open_t4(8.0),
                  )),
            Param("weekly_rest_hours", 35.0, "floor", "hours", "§ 10-8 (2)",
                  "AML-10-8-2-weekly-rest", (
                      Power(T3, 28.0, "§ 10-8 (3)", "AML-10-8-2-weekly-rest",
                            ("with compensatory rest; never below 28 h in any single week",
                             "med kompenserende hvile; aldri under 28 t i en enkelt uke")),
                      Power(T5, 28.0, "§ 10-12 (6)", "AML-10-12-6-7-inspectorate", _T5_REST,
                            open=True),
                      _open_t4(28.0),
                  )),
            Param("red_days_in_a_row", 1.0, "ceiling", "days", "§ 10-8 (4)",
                  "AML-10-8-4-next-sunday-off", (
                      Power(T2, 3.0, "§ 10-8 (4)", "AML-10-8-4-next-sunday-off",
                            ("a plan of at most 26 weeks with, on average, every other "
                             "Sunday/holiday off (the checker warns when the checked period "
                             "falls short) and the weekly 24 h off on a Sunday/holiday at least "
                             "every 4th week (not checked)",
                             "en plan over høyst 26 uker med i gjennomsnitt annenhver søn- og "
                             "helgedag fri (kontrollen varsler når den kontrollerte perioden "
                             "ikke når dit) og ukefridøgnet på en søn- eller helgedag minst "
                             "hver 4. uke (kontrolleres ikke)")),
                      _open_t4(1.0, 3.0),
                  ),
                  note=("Sundays/holidays worked in a row; § 10-8 (3) (agreements with the "
                        "representatives) covers daily and weekly rest only",
                        "søn- og helgedager arbeidet på rad; § 10-8 (3) (avtale med "
                        "tillitsvalgte) gjelder bare daglig og ukentlig hvile")),
            Param("weekly_rest_window", "clip", "flag", "", "§ 10-8 (2)",
                  "AML-10-8-2-weekly-rest", setting=True,
                  note=("rest straddling a week boundary: 'clip' (counted only inside the week, "
                        "employee-protective default) or 'overlap' (counted in full)",
                        "hvile over ukeskillet: 'clip' (telles bare innenfor uken, vernende "
                        "standard) eller 'overlap' (telles helt)")),
        ),
        _family(
            "10-10", "Sunday and public-holiday work", "Søn- og helgedagsarbeid",
            Param("sunday_work_agreed", False, "flag", "", "§ 10-10 (2)",
                  "AML-10-10-2-permitted", (
                      Power(T2, True, "§ 10-10 (5)", "AML-10-10-2-permitted",
                            ("in return for equivalent days off on the employee's own "
                             "religious holidays", "mot tilsvarende fri på arbeidstakerens egne "
                             "religiøse helligdager")),
                      Power(T3, True, "§ 10-10 (4)", "AML-10-10-2-permitted",
                            ("an exceptional, time-limited need",
                             "særlig og tidsavgrenset behov")),
                      Power(T5, True, "§ 10-12 (6)", "AML-10-10-2-permitted",
                            ("long commutes or shared workplaces with coordinated rotas, with "
                             "compensatory rest", "lang reisevei eller felles arbeidsplass med "
                             "samordnet turnus, med kompenserende fri")),
                      _open_t4(True),
                  ),
                  note=("needed only where the nature of the work does not require Sunday work",
                        "trengs bare når arbeidets art ikke gjør søndagsarbeid nødvendig")),
        ),
        _family(
            "10-11", "Night work", "Nattarbeid",
            Param("night_work_agreed", False, "flag", "", "§ 10-11 (2)",
                  "AML-10-11-2-permitted", (
                      Power(T3, True, "§ 10-11 (4)", "AML-10-11-2-permitted",
                            ("an exceptional, time-limited need",
                             "særlig og tidsavgrenset behov")),
                      _open_t4(True),
                  ),
                  note=("needed only where the nature of the work does not require night work",
                        "trengs bare når arbeidets art ikke gjør nattarbeid nødvendig")),
            Param("night_avg_hours", 8.0, "ceiling", "hours", "§ 10-11 (6)",
                  "AML-10-11-6-night-avg", (
                      Power(T3, 13.0, "§ 10-11 (9)", "AML-10-11-6-night-avg", _COMP_REST),
                      _open_t4(13.0),
                  ),
                  note=("T3 may depart; 13 h (the § 10-6 (8) total cap) is the outer value",
                        "T3 kan fravike; 13 t (grensen i § 10-6 (8)) er ytterverdien")),
            Param("night_risk_hours", 8.0, "ceiling", "hours", "§ 10-11 (7)",
                  "AML-10-11-7-night-risk", (
                      Power(T3, 13.0, "§ 10-11 (9)", "AML-10-11-7-night-risk", _COMP_REST),
                      _open_t4(13.0),
                  )),
            Param("night_regular_share", 1 / 3, "ceiling", "share", "§ 10-11 (6)",
                  "AML-10-11-6-night-avg", setting=True,
                  note=("'regularly' (UNCONFIRMED): share of work periods in a 4-week block "
                        "with > 3 h at night; may only be set lower (stricter)",
                        "'regelmessig' (ikke bekreftet): andel arbeidsperioder i en 4-ukers "
                        "blokk med > 3 t om natten; kan bare settes lavere (strengere)")),
        ),
    )
}


def family(key: str) -> Family:
    return FAMILIES[key]


def tiers_that_relax(param: Param, reading: Reading = "protective") -> list[Tier]:
    return [t for t in TIER_ORDER if param.relaxes(t, reading)]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an agreement: ``kind`` says which cell it is about."""

    kind: Literal["family", "tier", "parameter", "type", "power", "bound"]
    text: str
    param: str | None = None


def problems(agreement: Agreement) -> list[Problem]:
    """Everything wrong with an agreement (unknown family/parameter, a tier without the power,
    a value beyond the tier's bound)."""
    fam = FAMILIES.get(agreement.family)
    if fam is None:
        known = ", ".join(sorted(FAMILIES))
        return [Problem("family", f"unknown rule family {agreement.family!r} (known: {known})")]
    if agreement.tier not in fam.tiers:
        allowed = ", ".join(t.value for t in fam.tiers)
        return [Problem("tier", f"tier {agreement.tier.value} cannot relax § {fam.key} "
                                f"(allowed: {allowed})")]
    reading: Reading = agreement.reading
    out: list[Problem] = []
    for name, value in agreement.params.items():
        p = fam.params.get(name)
        if p is None:
            known = ", ".join(sorted(fam.params))
            out.append(Problem("parameter", f"§ {fam.key} has no parameter {name!r} "
                                            f"(known: {known})", name))
            continue
        if p.direction != "flag" and not isinstance(value, int | float):
            out.append(Problem("type", f"{name} must be a number, got {value!r}", name))
            continue
        if p.permits(agreement.tier, value, reading):
            continue
        if agreement.tier != T0 and not p.relaxes(agreement.tier, reading):
            tiers = [t.value for t in tiers_that_relax(p, reading)]
            who = tiers[0] if len(tiers) == 1 else f"one of {', '.join(tiers)}" if tiers \
                else "an agreement no tier may make"
            out.append(Problem("power", f"{p.paragraph}: {name} = {value} needs {who}, not "
                                        f"{agreement.tier.value} (rule {p.rule})", name))
            continue
        b = p.bound(agreement.tier, reading)
        word = "above the ceiling" if p.direction == "ceiling" else "below the floor"
        better = allowed_by(fam.key, name, value, reading)  # type: ignore[arg-type]
        hint = f"; {better.value} would allow it" if better else ""
        out.append(Problem("bound", f"{name} = {value} is {word} of {b} {p.unit} that "
                                    f"{agreement.tier.value} allows under § {fam.key}{hint}",
                           name))
    return out


def validate(agreement: Agreement) -> list[str]:
    """Plain-language problems with an agreement (see :func:`problems`)."""
    return [p.text for p in problems(agreement)]


def _in_force(a: Agreement, employee: str | None, on: date | None) -> bool:
    if a.employee is not None and a.employee != employee:
        return False
    if on is not None:
        if a.valid_from is not None and on < a.valid_from:
            return False
        if a.valid_to is not None and on > a.valid_to:
            return False
    return True


@dataclass(frozen=True)
class Effective:
    """Limits in force for one employee under one family.

    ``tier`` is the most permissive tier in force for the family (an averaging or overtime
    arrangement as a whole); ``tiers`` names, per parameter, the tier whose power set its value.
    """

    family: str
    tier: Tier
    values: dict[str, Value]
    tiers: dict[str, Tier] = field(default_factory=dict)

    def __getitem__(self, name: str) -> Value:
        return self.values[name]

    def num(self, name: str) -> float:
        return float(self.values[name])


def _rank(t: Tier) -> int:
    return TIER_ORDER.index(t)


def effective(
    key: str,
    agreements: tuple[Agreement, ...] | list[Agreement],
    employee: str | None = None,
    on: date | None = None,
    overrides: dict[str, Value] | None = None,
) -> Effective:
    """The limits in force, parameter by parameter.

    For each parameter the tier is the most permissive one in force that has a power over it
    (so a site T3 agreement on rest and an individual T2 agreement on Sundays in a row both
    apply, and a T3 agreement never relaxes Sundays in a row). That tier's bound applies (e.g. a
    T2 averaging agreement alone allows 10 h per 24 h); an explicit value in an agreement at
    that tier is used as written (it was validated on reading), an individual one over a site
    one. ``overrides`` are site settings that may only make a limit *stricter*.
    """
    fam = FAMILIES[key]
    in_force = [a for a in agreements if a.family == key and _in_force(a, employee, on)]
    tier = T0
    for a in in_force:
        if a.tier in fam.tiers and _rank(a.tier) > _rank(tier):
            tier = a.tier
    values: dict[str, Value] = {}
    tiers: dict[str, Tier] = {}
    for name, p in fam.params.items():
        t = T0
        stating = [a for a in in_force if name in a.params] if p.explicit else in_force
        for a in stating:
            if _rank(a.tier) > _rank(t) and (p.setting or p.relaxes(a.tier, a.reading)):
                t = a.tier
        at_t = [a for a in stating if a.tier == t]
        reading: Reading = "broad" if any(a.reading == "broad" for a in at_t) else "protective"
        values[name] = p.bound(t, reading)
        tiers[name] = t
        for a in sorted(at_t, key=lambda a: a.employee is not None):  # individual last: wins
            if name in a.params:
                values[name] = a.params[name]
    if overrides:
        for name, v in overrides.items():
            p = fam.params.get(name)
            if p is None:
                continue
            if p.direction == "ceiling" and float(v) < float(values[name]):  # type: ignore[arg-type]
                values[name] = v
            elif p.direction == "floor" and float(v) > float(values[name]):  # type: ignore[arg-type]
                values[name] = v
    return Effective(key, tier, values, tiers)


def allowed_by(key: str, name: str, measured: float | bool,
               reading: Reading = "protective") -> Tier | None:
    """The least permissive tier whose power would permit ``measured``, or ``None``."""
    p = FAMILIES[key].params[name]
    for tier in TIER_ORDER:
        if p.relaxes(tier, reading) and p.permits(tier, measured, reading):
            return tier
    return None
