"""The row keys of the Settings and Weights sheets, in English and Norwegian."""

from __future__ import annotations

from scheduler.io.sheets.spec import Key

SETTING_KEYS: tuple[Key, ...] = (
    Key("site_name", "Enhet", ("site", "avdeling", "navn", "name")),
    Key("month", "Måned", ("maaned", "periode")),
    Key("start", "Startdato", ("fra", "start date", "fra dato")),
    Key("end", "Sluttdato", ("til", "end date", "til dato")),
    Key("day_boundary", "Døgnskille", ("døgnstart", "day start")),
    Key("week_start", "Ukestart", ("week starts", "uke start", "første ukedag")),
    Key("week_start_time", "Ukestart klokkeslett", ()),
    Key("night_start", "Natt fra", ("natt start", "nattstart")),
    Key("night_end", "Natt til", ("natt slutt", "nattslutt")),
    Key("full_time_hours", "Fulltid timer",
        ("full time", "fulltid", "heltid timer", "timer fulltid")),
    Key("tariff_bound", "Tariffbundet",
        ("tariff", "tariffavtale")),
    Key("open_tier_powers", "Uavklarte fullmakter",
        ("open powers", "uavklart", "lesning")),
    Key("sunday_work_permitted_by_nature", "Søndagsarbeid nødvendig",
        ("sunday work", "søndagsarbeid")),
    Key("night_work_permitted_by_nature", "Nattarbeid nødvendig",
        ("night work", "nattarbeid")),
    Key("allow_split_duties", "Delte vakter", ("split duties", "delt vakt")),
    Key("strict", "Streng", ("strict rolling", "streng kontroll")),
    Key("language", "Språk", ("sprak", "lang")),
    Key("allow_overtime", "Tillat overtid",
        ("overtime", "overtid")),
    Key("overtime_premium_pct", "Overtidstillegg %",
        ("overtime premium", "overtidstillegg")),
    Key("extra_hours_supplement_pct", "Merarbeidstillegg %",
        ("extra hours supplement", "merarbeidstillegg")),
    Key("contract_tolerance_shifts", "Avvik fra stilling (vakter)",
        ("contract tolerance", "toleranse stilling", "avvik stilling vakter")),
    Key("weekend_rhythm", "Helgerytme",
        ("weekend rhythm", "helg hver", "hver tredje helg")),
    Key("vacation_first_morning_until", "Ferie første morgen til",
        ("vacation first morning", "ferie morgen", "ferie første morgen")),
)
SETTING_KEYS += (  # issue #16: § 10-4 (4)/(5) rota type, § 10-9 (2) breaks, § 11-2 school holidays
    Key("rota_10_4_4", "Turnus 10-4 (4)",
        ("rota 10-4-4", "turnus 38")),
    Key("continuous_rota", "Helkontinuerlig turnus",
        ("continuous rota", "helkontinuerlig", "turnus 36")),
    Key("presume_breaks", "Anta pauser",
        ("presume breaks", "anta pause")),
    Key("school_holidays", "Skoleferier",
        ("school holidays", "skolefri", "skoleferie")),
)
SETTING_KEYS_BY_KEY = {k.key: k for k in SETTING_KEYS}

WEIGHT_KEYS: tuple[Key, ...] = (
    Key("uncovered", "Udekket", ("ikke dekket",)),
    Key("soft_legal", "Myk lovregel", ("soft rule",)),
    Key("below_target", "Under mål", ("under maal",)),
    Key("contract_deviation", "Avvik stilling", ("avvik fra stilling", "kontraktavvik")),
    Key("request", "Ønske", ("onske", "ønsker")),
    Key("fairness", "Rettferdighet", ("rettferd",)),
    Key("pattern", "Mønster", ("monster",)),
    Key("overstaffing", "Overbemanning", ()),
)
