"""The sheets of the planning workbook and their columns, in English and Norwegian (in the order
of ``docs/workbook-format.md``), and the what-if Scenarios sheet."""

from __future__ import annotations

from scheduler.io.sheets.spec import Col, SheetSpec

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
