"""Sheet, column, key and word tables of the planning workbook, in English and Norwegian.

The help text people read for each column and key lives in the message catalogues
(``template.col.<sheet>.<field>``, ``template.key.<sheet>.<key>`` in :mod:`scheduler.i18n.en` and
``nb``), not here: the catalogues sit below the workbook and never import it.

The reader matches names with :func:`norm` (case, spaces, underscores and punctuation ignored),
so ``break_minutes``, ``Break minutes`` and ``BREAK-MINUTES`` are the same header, and so are
``Stilling %`` and ``stilling%``. The template writes the English or the Norwegian label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_KEEP = re.compile(r"[^0-9a-zæøå%]+")


def norm(text: object) -> str:
    """Lower-case, with everything but letters, digits and ``%`` removed."""
    return _KEEP.sub("", str(text).strip().lower())


@dataclass(frozen=True)
class Col:
    """One column: the field it fills, its English and Norwegian labels and other spellings."""

    field: str
    en: str
    nb: str
    aliases: tuple[str, ...] = ()
    required: bool = False

    def names(self) -> set[str]:
        return {norm(n) for n in (self.field, self.en, self.nb, *self.aliases)}

    def label(self, language: str) -> str:
        return self.nb if language == "nb" else self.en


@dataclass(frozen=True)
class SheetSpec:
    key: str
    en: str
    nb: str
    columns: tuple[Col, ...] = ()
    aliases: tuple[str, ...] = ()

    def names(self) -> set[str]:
        return {norm(n) for n in (self.key, self.en, self.nb, *self.aliases)}

    def label(self, language: str) -> str:
        return self.nb if language == "nb" else self.en

    def column(self, field: str) -> Col:
        for c in self.columns:
            if c.field == field:
                return c
        raise KeyError(field)


# ---------------------------------------------------------------------------------------------
# Sheets and their columns

SHIFTS = SheetSpec(
    "shifts", "Shifts", "Vakter",
    (
        Col("code", "code", "Kode", ("shift", "vakt", "vaktkode"), required=True),
        Col("name", "name", "Navn", ("beskrivelse",)),
        Col("start", "start", "Start", ("fra", "from"), required=True),
        Col("end", "end", "Slutt", ("til", "to", "stop"), required=True),
        Col("break_minutes", "break_minutes", "Pause",
            ("break", "pause min", "pause minutter", "pauseminutter", "break min")),
        Col("break_counts_as_work", "break_counts_as_work", "Pause er arbeidstid",
            ("paid break", "betalt pause", "pause arbeidstid", "break is work")),
        Col("passive_minutes", "passive_minutes", "Passiv tid",
            ("passive", "passive time", "passiv", "passiv tid min", "hviletid på vakt")),
        Col("on_call", "on_call", "Beredskap",
            ("on call", "standby", "vakt type", "beredskapsvakt")),
    ),
    ("vaktkoder", "vakttyper", "shift types"),
)

EMPLOYEES = SheetSpec(
    "employees", "Employees", "Ansatte",
    (
        Col("id", "id", "Ansattnr",
            ("employee", "employee id", "ansatt", "ansatt id", "ansattnummer", "nr"),
            required=True),
        Col("name", "name", "Navn", ()),
        Col("position_pct", "position_pct", "Stilling %",
            ("position %", "position", "pct", "stilling", "stillingsprosent", "stillingsandel")),
        Col("weekly_hours", "weekly_hours", "Timer per uke",
            ("hours per week", "ukentlige timer", "timer uke", "ukestimer")),
        Col("skills", "skills", "Ferdigheter",
            ("skill", "kompetanse", "ferdighet", "roller", "role")),
        Col("under_18", "under_18", "Under 18", ("minor", "mindreårig")),
        Col("birth_date", "birth_date", "Fødselsdato", ("born", "født", "date of birth")),
        Col("in_school", "in_school", "Skoleelev", ("skole", "i skole")),
        Col("night_work_allowed", "night_work_allowed", "Nattarbeid tillatt",
            ("night work", "nights", "natt", "kan jobbe natt", "nattarbeid")),
        Col("exempt_10_12", "exempt_10_12", "Unntatt 10-12",
            ("exempt", "unntatt", "ledende")),
        Col("excused_overtime", "excused_overtime", "Fritatt overtid",
            ("fritatt fra overtid",)),
        Col("overtime_consent", "overtime_consent", "Samtykke overtid",
            ("samtykke til overtid",)),
        Col("high_risk_night", "high_risk_night", "Risikofylt nattarbeid",
            ("risk night", "risikofylt natt")),
        Col("hourly_cost", "hourly_cost", "Timekostnad",
            ("cost", "kostnad", "timelønn", "timekost")),
        Col("contract", "contract", "Kontrakt",
            ("contract id", "kontrakt id", "kontraktsregler", "arbeidsavtale")),
    ),
    ("staff", "personale", "medarbeidere"),
)

DEMAND = SheetSpec(
    "demand", "Demand", "Bemanning",
    (
        Col("date", "date", "Dato",
            ("day", "dag", "weekday", "ukedag"), required=True),
        Col("shift", "shift", "Vakt", ("code", "kode"),
            required=True),
        Col("skill", "skill", "Ferdighet", ("kompetanse", "skills", "ferdigheter")),
        Col("min", "min", "Min", ("minimum", "minst", "antall", "count", "needed"), required=True),
        Col("target", "target", "Mål", ("ønsket", "onsket", "maal", "ideal")),
        Col("weight", "weight", "Vekt", ("vekting",)),
    ),
    ("behov", "bemanningsbehov"),
)

REQUESTS = SheetSpec(
    "requests", "Requests", "Ønsker",
    (
        Col("employee", "employee", "Ansatt", ("id", "ansattnr"), required=True),
        Col("date", "date", "Dato", ("dag", "day")),
        Col("from", "from", "Fra", ("start", "fra dato", "from date")),
        Col("to", "to", "Til", ("end", "slutt", "til dato")),
        Col("kind", "kind", "Type",
            ("request", "art", "ønske", "onske", "kind of request"), required=True),
        Col("shift", "shift", "Vakt", ("kode",)),
        Col("weight", "weight", "Vekt", ("vekting",)),
    ),
    ("onsker", "wishes", "fravær"),
)

FIXED = SheetSpec(
    "fixed", "Fixed", "Faste",
    (
        Col("employee", "employee", "Ansatt", ("id", "ansattnr"), required=True),
        Col("date", "date", "Dato", ("dag", "day"), required=True),
        Col("shift", "shift", "Vakt", ("kode", "code"), required=True),
    ),
    ("fixed assignments", "låst", "faste vakter"),
)

HISTORY = SheetSpec(
    "history", "History", "Historikk",
    (
        Col("employee", "employee", "Ansatt", ("id", "ansattnr"), required=True),
        Col("start", "start", "Start", ("fra",)),
        Col("end", "end", "Slutt", ("til",)),
        Col("kind", "kind", "Type", ("art",)),
        Col("break_minutes", "break_minutes", "Pause", ()),
        Col("overtime_ytd_hours", "overtime_ytd_hours", "Overtid hittil i år",
            ("overtime ytd", "overtid i år", "overtid hittil")),
        Col("last_sunday_worked", "last_sunday_worked", "Siste søndag arbeidet",
            ("last sunday", "siste søndag", "siste helligdag arbeidet")),
    ),
    ("historie",),
)

AGREEMENTS = SheetSpec(
    "agreements", "Agreements", "Avtaler",
    (
        Col("scope", "scope", "Gjelder", ("employee", "ansatt", "omfang", "who"), required=True),
        Col("family", "family", "Paragraf", ("paragraph", "§", "familie", "rule"), required=True),
        Col("tier", "tier", "Nivå", ("level", "niva", "avtalenivå", "type"), required=True),
        Col("parameter", "parameter", "Parameter", ("param", "name", "navn")),
        Col("value", "value", "Verdi", ()),
        Col("valid_from", "valid_from", "Gyldig fra", ("from", "fra")),
        Col("valid_to", "valid_to", "Gyldig til", ("to", "til")),
    ),
    ("avtale",),
)

CONTRACTS = SheetSpec(
    "contracts", "Contracts", "Kontrakter",
    (
        Col("id", "id", "Kontrakt",
            ("contract", "kontrakt id", "contract id", "navn", "name"), required=True),
        Col("max_shifts", "max_shifts", "Maks vakter per type",
            ("max shifts per type", "maks vakter", "max per shift")),
        Col("min_hours", "min_hours", "Min timer",
            ("min total hours", "min timer totalt", "minimum hours")),
        Col("max_hours", "max_hours", "Maks timer",
            ("max total hours", "maks timer totalt", "maximum hours")),
        Col("max_consecutive_shifts", "max_consecutive_shifts", "Maks vakter på rad",
            ("max consecutive", "maks på rad", "max days in a row")),
        Col("min_consecutive_shifts", "min_consecutive_shifts", "Min vakter på rad",
            ("min consecutive", "min på rad", "min days in a row")),
        Col("min_consecutive_days_off", "min_consecutive_days_off", "Min fridager på rad",
            ("min days off", "min fri på rad", "min fridager")),
        Col("max_weekends", "max_weekends", "Maks helger",
            ("max weekends worked", "maks helger arbeidet", "helger")),
        Col("forbidden_successions", "forbidden_successions", "Forbudte overganger",
            ("forbidden sequences", "forbudte vaktfølger", "ikke etter hverandre")),
    ),
    ("contract", "kontrakt", "contract rules", "kontraktsregler"),
)

# Key | value sheets
SETTINGS = SheetSpec(
    "settings", "Settings", "Innstillinger", (
        Col("key", "key", "Innstilling", ("setting", "nøkkel", "navn", "name")),
        Col("value", "value", "Verdi", ()),
    ),
    ("oppsett",),
)

WEIGHTS = SheetSpec(
    "weights", "Weights", "Vekter", (
        Col("key", "key", "Vekt", ("weight", "nøkkel", "navn", "name")),
        Col("value", "value", "Verdi", ()),
    ),
    ("vekting",),
)

ABOUT = SheetSpec("about", "About", "Om", (), ("les meg",))

SHEETS: tuple[SheetSpec, ...] = (
    ABOUT, SETTINGS, SHIFTS, EMPLOYEES, DEMAND, REQUESTS, FIXED, HISTORY, AGREEMENTS, CONTRACTS,
    WEIGHTS,
)
SHEETS_BY_KEY = {s.key: s for s in SHEETS}


@dataclass(frozen=True)
class Key:
    """A row key of the Settings or Weights sheet."""

    key: str
    nb: str
    aliases: tuple[str, ...] = ()

    def names(self) -> set[str]:
        return {norm(n) for n in (self.key, self.nb, *self.aliases)}

    def label(self, language: str) -> str:
        return self.nb if language == "nb" else self.key


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

WEEKDAYS: tuple[tuple[str, ...], ...] = (
    ("mon", "monday", "man", "mandag", "ma"),
    ("tue", "tues", "tuesday", "tir", "tirsdag", "ti"),
    ("wed", "wednesday", "ons", "onsdag", "on"),
    ("thu", "thur", "thurs", "thursday", "tor", "torsdag", "to"),
    ("fri", "friday", "fre", "fredag", "fr"),
    ("sat", "saturday", "lør", "lor", "lørdag", "lordag", "lø"),
    ("sun", "sunday", "søn", "son", "søndag", "sondag", "sø"),
)
WEEKDAY_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
WEEKDAY_NB = ("man", "tir", "ons", "tor", "fre", "lør", "søn")
HOLIDAY_WORDS = ("holiday", "holidays", "helligdag", "helligdager", "hellig", "red day", "rød dag")
HOLIDAY = -1  # the day key of the Holiday row


def weekday_of(text: str) -> int | None:
    """0..6 for a weekday name, :data:`HOLIDAY` for the Holiday row, ``None`` otherwise."""
    n = norm(text)
    for i, names in enumerate(WEEKDAYS):
        if n in {norm(x) for x in names}:
            return i
    if n in {norm(x) for x in HOLIDAY_WORDS}:
        return HOLIDAY
    return None


REQUEST_KINDS: dict[str, tuple[str, ...]] = {
    "unavailable": ("utilgjengelig", "unavailable", "ikke tilgjengelig", "borte", "absent",
                    "leave", "permisjon"),
    # A vacation: an unavailable request with Request.vacation (FE in the grid).
    "vacation": ("ferie", "vacation", "holiday leave", "feriedager", "fe"),
    "day_off": ("day off", "fri", "fridag", "ønsker fri", "off"),
    "shift_wish": ("shift wish", "ønsket vakt", "onsket vakt", "vaktønske", "wish", "ønske"),
    "avoid_shift": ("avoid shift", "unngå vakt", "unnga vakt", "unngå", "avoid"),
}
REQUEST_KIND_NB = {
    "vacation": "ferie",
    "unavailable": "utilgjengelig",
    "day_off": "fri",
    "shift_wish": "ønsket vakt",
    "avoid_shift": "unngå vakt",
}

PERIOD_KINDS: dict[str, tuple[str, ...]] = {
    "planned": ("planlagt", "normal", "ordinær", "plan"),
    "overtime": ("overtid",),
    "extra": ("merarbeid", "mertid", "ekstra"),
}

OFF_WORDS = ("off", "fri", "f", "fridag", "day off")
SITE_WORDS = ("site", "all", "alle", "everyone", "avdeling", "enhet", "hele", "*")

TRUE_WORDS = ("yes", "y", "ja", "j", "true", "sann", "1", "x", "on", "ok")
FALSE_WORDS = ("no", "n", "nei", "false", "usann", "0", "off", "-")


def request_kind(word: str) -> str:
    """The ``RequestKind`` value of a :data:`REQUEST_KINDS` key (a vacation is unavailable)."""
    return "unavailable" if word == "vacation" else word


def match_word(text: str, table: dict[str, tuple[str, ...]]) -> str | None:
    n = norm(text)
    for key, words in table.items():
        if n == norm(key) or n in {norm(w) for w in words}:
            return key
    return None


def find_sheet(names: list[str], spec: SheetSpec) -> str | None:
    """The title of the workbook sheet that matches ``spec`` (first one), if any."""
    wanted = spec.names()
    for title in names:
        if norm(title) in wanted:
            return title
    return None


# The what-if scenarios sheet (read by scheduler.io.read.scenarios; the result sheet of
# `roster whatif` is named beside it).
SCENARIOS = SheetSpec(
    "scenarios", "Scenarios", "Scenarier",
    (
        Col("scenario", "scenario", "Scenario", ("name", "navn", "scenarionavn"), required=True),
        Col("change", "change", "Endring", ("kind", "type", "action", "handling"), required=True),
        Col("target", "target", "Gjelder",
              ("what", "hva", "employees", "ansatte", "skill", "ferdighet", "family", "mål")),
        Col("value", "value", "Verdi", ("count", "antall", "factor", "faktor", "tier", "nivå")),
        Col("position_pct", "position %", "Stilling %",
              ("position_pct", "position", "pct", "stilling", "stillingsprosent")),
        Col("scope", "scope", "Omfang", ("employee", "ansatt", "who", "hvem")),
        Col("from", "from", "Fra",
              ("start", "fra dato", "from date", "valid_from", "gyldig fra")),
        Col("to", "to", "Til", ("end", "slutt", "til dato", "valid_to", "gyldig til")),
        Col("note", "note", "Merknad", ("notes", "kommentar", "comment", "description")),
    ),
    ("scenario", "what-if", "whatif", "hva hvis", "scenarioer"),
)
