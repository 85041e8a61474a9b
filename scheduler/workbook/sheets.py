"""Sheet, column, key and word tables of the planning workbook, in English and Norwegian.

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
    help: str
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
    help: str
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
    "One row per shift type. A shift whose end is at or before its start ends the next day.",
    (
        Col("code", "code", "Kode", "Short code used everywhere else, e.g. D, E, N. Not OFF, F1-F5, FE or Ferie "
            "(day-off codes).",
            ("shift", "vakt", "vaktkode"), required=True),
        Col("name", "name", "Navn", "A readable name (optional).", ("beskrivelse",)),
        Col("start", "start", "Start", "Start time, e.g. 07:30.", ("fra", "from"), required=True),
        Col("end", "end", "Slutt", "End time, e.g. 15:30. 22:00-08:00 crosses midnight.",
            ("til", "to", "stop"), required=True),
        Col("break_minutes", "break_minutes", "Pause", "Break length in minutes (0 if none).",
            ("break", "pause min", "pause minutter", "pauseminutter", "break min")),
        Col("break_counts_as_work", "break_counts_as_work", "Pause er arbeidstid",
            "yes if staff must stay at work during the break (it then counts as working time).",
            ("paid break", "betalt pause", "pause arbeidstid", "break is work")),
        Col("passive_minutes", "passive_minutes", "Passiv tid",
            "Minutes of mainly passive work in the shift, e.g. a sleeping night watch "
            "(§ 10-4 (2)); 0 if none.",
            ("passive", "passive time", "passiv", "passiv tid min", "hviletid på vakt")),
        Col("on_call", "on_call", "Beredskap",
            "On-call shift: site (on site, counts in full) or home (from home, 1/7 counts, "
            "§ 10-4 (3)); empty if an ordinary shift.",
            ("on call", "standby", "vakt type", "beredskapsvakt")),
    ),
    ("vaktkoder", "vakttyper", "shift types"),
)

EMPLOYEES = SheetSpec(
    "employees", "Employees", "Ansatte",
    "One row per employee.",
    (
        Col("id", "id", "Ansattnr", "Unique id (text or number) used in the other sheets.",
            ("employee", "employee id", "ansatt", "ansatt id", "ansattnummer", "nr"),
            required=True),
        Col("name", "name", "Navn", "Name (optional).", ()),
        Col("position_pct", "position_pct", "Stilling %",
            "Position size in percent of full time, 0-100 (80, 80 % or 0.8).",
            ("position %", "position", "pct", "stilling", "stillingsprosent", "stillingsandel")),
        Col("weekly_hours", "weekly_hours", "Timer per uke",
            "Contracted hours per week; use instead of position_pct.",
            ("hours per week", "ukentlige timer", "timer uke", "ukestimer")),
        Col("skills", "skills", "Ferdigheter", "Comma-separated skills, e.g. RN, HCA.",
            ("skill", "kompetanse", "ferdighet", "roller", "role")),
        Col("under_18", "under_18", "Under 18", "yes if under 18 (or give birth_date).",
            ("minor", "mindreårig")),
        Col("birth_date", "birth_date", "Fødselsdato", "Date of birth (optional).",
            ("born", "født", "date of birth")),
        Col("in_school", "in_school", "Skoleelev", "yes if under 18 and still in school.",
            ("skole", "i skole")),
        Col("night_work_allowed", "night_work_allowed", "Nattarbeid tillatt",
            "no if the employee must not work nights (e.g. § 10-2 exemption). Default yes.",
            ("night work", "nights", "natt", "kan jobbe natt", "nattarbeid")),
        Col("exempt_10_12", "exempt_10_12", "Unntatt 10-12",
            "yes for senior or particularly independent positions (§ 10-12 (1)-(2)).",
            ("exempt", "unntatt", "ledende")),
        Col("excused_overtime", "excused_overtime", "Fritatt overtid",
            "yes if excused from overtime (§ 10-6 (10)).", ("fritatt fra overtid",)),
        Col("overtime_consent", "overtime_consent", "Samtykke overtid",
            "yes if the employee has agreed to overtime beyond the employer's own limit.",
            ("samtykke til overtid",)),
        Col("high_risk_night", "high_risk_night", "Risikofylt nattarbeid",
            "yes for night work with particular risk or strain (§ 10-11 (7)).",
            ("risk night", "risikofylt natt")),
        Col("hourly_cost", "hourly_cost", "Timekostnad", "Cost per hour (optional, for what-if).",
            ("cost", "kostnad", "timelønn", "timekost")),
        Col("contract", "contract", "Kontrakt",
            "Id of a row in the Contracts sheet whose limits apply (optional).",
            ("contract id", "kontrakt id", "kontraktsregler", "arbeidsavtale")),
    ),
    ("staff", "personale", "medarbeidere"),
)

DEMAND = SheetSpec(
    "demand", "Demand", "Bemanning",
    "Staff needed. Either one row per date/weekday and shift (long layout), or one column per "
    "shift code (wide layout). Weekday rows (Mon..Sun, man..søn) and a Holiday row repeat over "
    "the horizon.",
    (
        Col("date", "date", "Dato",
            "A date, or a weekday (Mon..Sun / man..søn) or Holiday to repeat.",
            ("day", "dag", "weekday", "ukedag"), required=True),
        Col("shift", "shift", "Vakt", "Shift code from the Shifts sheet.", ("code", "kode"),
            required=True),
        Col("skill", "skill", "Ferdighet", "Skill required (empty: anyone).",
            ("kompetanse", "skills", "ferdigheter")),
        Col("min", "min", "Min", "Minimum number of staff (hard need).",
            ("minimum", "minst", "antall", "count", "needed"), required=True),
        Col("target", "target", "Mål", "Wanted number of staff (optional, at least min).",
            ("ønsket", "onsket", "maal", "ideal")),
        Col("weight", "weight", "Vekt", "Price per person below target (optional).",
            ("vekting",)),
    ),
    ("behov", "bemanningsbehov"),
)

REQUESTS = SheetSpec(
    "requests", "Requests", "Ønsker",
    "Wishes and unavailability. Give date, or from and to.",
    (
        Col("employee", "employee", "Ansatt", "Employee id.", ("id", "ansattnr"), required=True),
        Col("date", "date", "Dato", "One day (or use from/to).", ("dag", "day")),
        Col("from", "from", "Fra", "First day of a period.", ("start", "fra dato", "from date")),
        Col("to", "to", "Til", "Last day of a period (inclusive).", ("end", "slutt", "til dato")),
        Col("kind", "kind", "Type",
            "vacation or unavailable (hard), day_off, shift_wish or avoid_shift.",
            ("request", "art", "ønske", "onske", "kind of request"), required=True),
        Col("shift", "shift", "Vakt", "Shift code for shift_wish / avoid_shift.", ("kode",)),
        Col("weight", "weight", "Vekt", "How much the wish matters (default 1).", ("vekting",)),
    ),
    ("onsker", "wishes", "fravær"),
)

FIXED = SheetSpec(
    "fixed", "Fixed", "Faste",
    "Assignments fixed in advance: a shift code, or OFF for a day off.",
    (
        Col("employee", "employee", "Ansatt", "Employee id.", ("id", "ansattnr"), required=True),
        Col("date", "date", "Dato", "The day.", ("dag", "day"), required=True),
        Col("shift", "shift", "Vakt", "Shift code, or OFF (FRI) for a fixed day off.",
            ("kode", "code"), required=True),
    ),
    ("fixed assignments", "låst", "faste vakter"),
)

HISTORY = SheetSpec(
    "history", "History", "Historikk",
    "Work before the horizon (for rest, caps and the Sunday rule), and per-employee totals. "
    "A row with start and end is a work period; overtime_ytd_hours and last_sunday_worked may "
    "be given on any row of that employee (once per employee).",
    (
        Col("employee", "employee", "Ansatt", "Employee id.", ("id", "ansattnr"), required=True),
        Col("start", "start", "Start", "Start date and time, e.g. 2026-03-31 22:00.", ("fra",)),
        Col("end", "end", "Slutt", "End date and time (or just a time: same or next day).",
            ("til",)),
        Col("kind", "kind", "Type", "planned (default), overtime or extra.", ("art",)),
        Col("break_minutes", "break_minutes", "Pause", "Break in minutes (optional).", ()),
        Col("overtime_ytd_hours", "overtime_ytd_hours", "Overtid hittil i år",
            "Overtime hours worked so far this year before the horizon.",
            ("overtime ytd", "overtid i år", "overtid hittil")),
        Col("last_sunday_worked", "last_sunday_worked", "Siste søndag arbeidet",
            "Date of the last Sunday/holiday worked before the horizon.",
            ("last sunday", "siste søndag", "siste helligdag arbeidet")),
    ),
    ("historie",),
)

AGREEMENTS = SheetSpec(
    "agreements", "Agreements", "Avtaler",
    "Agreements that relax a rule. Rows with the same scope, family and tier form one "
    "agreement; give one parameter per row (or none: the tier's own limit applies).",
    (
        Col("scope", "scope", "Gjelder", "site (everyone) or an employee id.",
            ("employee", "ansatt", "omfang", "who"), required=True),
        Col("family", "family", "Paragraf", "Rule family: 10-4, 10-5, 10-6, 10-8, 10-10, 10-11.",
            ("paragraph", "§", "familie", "rule"), required=True),
        Col("tier", "tier", "Nivå", "Who agreed: T2_INDIVIDUAL, T3_TARIFF_REPS, ...",
            ("level", "niva", "avtalenivå", "type"), required=True),
        Col("parameter", "parameter", "Parameter", "Parameter name (optional).",
            ("param", "name", "navn")),
        Col("value", "value", "Verdi", "Parameter value.", ()),
        Col("valid_from", "valid_from", "Gyldig fra", "First day in force (optional).",
            ("from", "fra")),
        Col("valid_to", "valid_to", "Gyldig til", "Last day in force (optional).",
            ("to", "til")),
    ),
    ("avtale",),
)

CONTRACTS = SheetSpec(
    "contracts", "Contracts", "Kontrakter",
    "Contract rules (not law): limits a planner sets per group of employees, counted over the "
    "whole planning horizon. One row per contract; employees name it in their contract column. "
    "An empty cell means no limit.",
    (
        Col("id", "id", "Kontrakt", "Unique contract id, named in the Employees sheet.",
            ("contract", "kontrakt id", "contract id", "navn", "name"), required=True),
        Col("max_shifts", "max_shifts", "Maks vakter per type",
            "Most shifts of each type over the horizon: CODE=limit separated by |, e.g. N=5|D=20 "
            "(0 = never that shift). Types not listed are not limited.",
            ("max shifts per type", "maks vakter", "max per shift")),
        Col("min_hours", "min_hours", "Min timer",
            "Fewest hours worked over the horizon (paid hours of the shift types).",
            ("min total hours", "min timer totalt", "minimum hours")),
        Col("max_hours", "max_hours", "Maks timer",
            "Most hours worked over the horizon (paid hours of the shift types).",
            ("max total hours", "maks timer totalt", "maximum hours")),
        Col("max_consecutive_shifts", "max_consecutive_shifts", "Maks vakter på rad",
            "Most working days in a row.",
            ("max consecutive", "maks på rad", "max days in a row")),
        Col("min_consecutive_shifts", "min_consecutive_shifts", "Min vakter på rad",
            "Fewest working days in a row (a block touching the start or end of the horizon "
            "is exempt).", ("min consecutive", "min på rad", "min days in a row")),
        Col("min_consecutive_days_off", "min_consecutive_days_off", "Min fridager på rad",
            "Fewest days off in a row (a block touching the start or end of the horizon is "
            "exempt).", ("min days off", "min fri på rad", "min fridager")),
        Col("max_weekends", "max_weekends", "Maks helger",
            "Most weekends (Saturday and/or Sunday) with work over the horizon.",
            ("max weekends worked", "maks helger arbeidet", "helger")),
        Col("forbidden_successions", "forbidden_successions", "Forbudte overganger",
            "Shift pairs that may not follow on the next day: FROM>TO separated by |, e.g. "
            "N>D|E>D (a night may not be followed by a day shift).",
            ("forbidden sequences", "forbudte vaktfølger", "ikke etter hverandre")),
    ),
    ("contract", "kontrakt", "contract rules", "kontraktsregler"),
)

# Key | value sheets
SETTINGS = SheetSpec(
    "settings", "Settings", "Innstillinger", "One setting per row: key in column A, value in B.",
    (
        Col("key", "key", "Innstilling", "Setting name.", ("setting", "nøkkel", "navn", "name")),
        Col("value", "value", "Verdi", "Its value.", ()),
    ),
    ("oppsett",),
)

WEIGHTS = SheetSpec(
    "weights", "Weights", "Vekter", "Objective weights: key in column A, whole number in B.",
    (
        Col("key", "key", "Vekt", "Weight name.", ("weight", "nøkkel", "navn", "name")),
        Col("value", "value", "Verdi", "Whole number, 0 or more.", ()),
    ),
    ("vekting",),
)

ABOUT = SheetSpec("about", "About", "Om", "Explains the workbook; never read.", (), ("les meg",))

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
    help: str
    aliases: tuple[str, ...] = ()

    def names(self) -> set[str]:
        return {norm(n) for n in (self.key, self.nb, *self.aliases)}

    def label(self, language: str) -> str:
        return self.nb if language == "nb" else self.key


SETTING_KEYS: tuple[Key, ...] = (
    Key("site_name", "Enhet", "Name of the ward or site.", ("site", "avdeling", "navn", "name")),
    Key("month", "Måned", "The month to plan, e.g. 2026-04 (instead of start/end).",
        ("maaned", "periode")),
    Key("start", "Startdato", "First day of the horizon (instead of month).",
        ("fra", "start date", "fra dato")),
    Key("end", "Sluttdato", "Last day of the horizon (default: one calendar month from start).",
        ("til", "end date", "til dato")),
    Key("day_boundary", "Døgnskille", "When the 24-hour day starts (default 00:00).",
        ("døgnstart", "day start")),
    Key("week_start", "Ukestart", "First day of the 7-day week: Monday (default) .. Sunday.",
        ("week starts", "uke start", "første ukedag")),
    Key("week_start_time", "Ukestart klokkeslett", "Clock time the week starts (default 00:00).",
        ()),
    Key("night_start", "Natt fra", "Start of the night window (default 21:00).",
        ("natt start", "nattstart")),
    Key("night_end", "Natt til", "End of the night window (default 06:00).",
        ("natt slutt", "nattslutt")),
    Key("full_time_hours", "Fulltid timer", "Hours per week of a 100 % position (default 37.5).",
        ("full time", "fulltid", "heltid timer", "timer fulltid")),
    Key("tariff_bound", "Tariffbundet",
        "yes if the employer is bound by a collective agreement (default yes).",
        ("tariff", "tariffavtale")),
    Key("open_tier_powers", "Uavklarte fullmakter",
        "protective (default) or broad: how agreement powers the law leaves open are read "
        "(T4 under § 10-12 (4), some T5 limits); see docs/agreement-tiers.md.",
        ("open powers", "uavklart", "lesning")),
    Key("sunday_work_permitted_by_nature", "Søndagsarbeid nødvendig",
        "yes if the nature of the work requires Sunday/holiday work (§ 10-10 (2)); "
        "empty = unknown.", ("sunday work", "søndagsarbeid")),
    Key("night_work_permitted_by_nature", "Nattarbeid nødvendig",
        "yes if the nature of the work requires night work (§ 10-11 (2)); empty = unknown.",
        ("night work", "nattarbeid")),
    Key("allow_split_duties", "Delte vakter", "yes to allow two shifts on one day (default no).",
        ("split duties", "delt vakt")),
    Key("strict", "Streng", "yes to also check every rolling window (union audit).",
        ("strict rolling", "streng kontroll")),
    Key("language", "Språk", "en or nb (language of output).", ("sprak", "lang")),
    Key("allow_overtime", "Tillat overtid",
        "yes to let the solver plan overtime and extra hours within the § 10-6 caps, only to "
        "cover minimum demand (default no).", ("overtime", "overtid")),
    Key("overtime_premium_pct", "Overtidstillegg %",
        "Overtime premium in percent, at least 40 (§ 10-6 (11)); tariffs often 50 or 100.",
        ("overtime premium", "overtidstillegg")),
    Key("extra_hours_supplement_pct", "Merarbeidstillegg %",
        "Tariff supplement for extra hours (merarbeid) in percent (default 0).",
        ("extra hours supplement", "merarbeidstillegg")),
    Key("contract_tolerance_shifts", "Avvik fra stilling (vakter)",
        "Planned hours stay within this many shifts of the contracted hours over the plan "
        "period (default 1); more only as extra hours with allow_overtime.",
        ("contract tolerance", "toleranse stilling", "avvik stilling vakter")),
    Key("weekend_rhythm", "Helgerytme",
        "At most one weekend worked in this many in a row (default 3: every third weekend; "
        "0 = no rhythm). A wish, weighed with fairness.",
        ("weekend rhythm", "helg hver", "hver tredje helg")),
    Key("vacation_first_morning_until", "Ferie første morgen til",
        "A shift from the day before may end on the first morning of a vacation at or before "
        "this clock time (e.g. 07:30); empty = none may (default).",
        ("vacation first morning", "ferie morgen", "ferie første morgen")),
)
SETTING_KEYS += (  # issue #16: § 10-4 (4)/(5) rota type, § 10-9 (2) breaks, § 11-2 school holidays
    Key("rota_10_4_4", "Turnus 10-4 (4)",
        "yes if the unit runs § 10-4 (4) (a)/(b) shift work (round the clock stopping on "
        "Sundays, or two shifts regularly on Sundays/holidays): 38 h weeks (default no).",
        ("rota 10-4-4", "turnus 38")),
    Key("continuous_rota", "Helkontinuerlig turnus",
        "yes if the rota is fully continuous (24/7): 36 h weeks; no = never; empty = judge "
        "each employee by the night/Sunday hours test (§ 10-4 (5)).",
        ("continuous rota", "helkontinuerlig", "turnus 36")),
    Key("presume_breaks", "Anta pauser",
        "yes to presume an unrecorded § 10-9 (2) overtime break was taken (default no).",
        ("presume breaks", "anta pause")),
    Key("school_holidays", "Skoleferier",
        "School-free periods for pupils (§ 11-2), e.g. 2026-06-20..2026-08-16; 2026-10-05..2026-10-09.",
        ("school holidays", "skolefri", "skoleferie")),
)
SETTING_KEYS_BY_KEY = {k.key: k for k in SETTING_KEYS}

WEIGHT_KEYS: tuple[Key, ...] = (
    Key("uncovered", "Udekket", "Per missing person-shift below minimum.", ("ikke dekket",)),
    Key("soft_legal", "Myk lovregel", "Per breach of a soft legal rule.", ("soft rule",)),
    Key("below_target", "Under mål", "Per person-shift below target.", ("under maal",)),
    Key("contract_deviation", "Avvik stilling", "Per hour away from contracted hours.",
        ("avvik fra stilling", "kontraktavvik")),
    Key("request", "Ønske", "Per unit of request weight not granted.", ("onske", "ønsker")),
    Key("fairness", "Rettferdighet", "Per unit of spread of nights, weekends, holidays.",
        ("rettferd",)),
    Key("pattern", "Mønster", "Isolated days, long runs, backward rotation.", ("monster",)),
    Key("overstaffing", "Overbemanning", "Per person-shift above target.", ()),
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
