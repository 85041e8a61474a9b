"""Norske meldinger (bokmål). Samme nøkler og plassholdere som :mod:`scheduler.i18n.en`.

Tall får desimalkomma (det gjør formatteringen); «t» er forkortelsen for timer.
"""

from __future__ import annotations

_FINDINGS: dict[str, str] = {
    # --- felles setningsdeler ---------------------------------------------------------------
    "term.work_period": "arbeidsperioden",
    "term.24h_window": "24-timersvinduet",
    "term.rolling_24h_window": "det glidende 24-timersvinduet",
    "term.7_day_window": "7-dagersvinduet",
    "term.rolling_7_day_window": "det glidende 7-dagersvinduet",
    "term.n_week_block": "{weeks}-ukersblokken",
    "term.rolling_n_week_window": "det glidende {weeks}-ukersvinduet",
    "term.n_week_averaging_block": "gjennomsnittsblokken på {weeks} uker",
    "term.kind.planned": "planlagte timer",
    "term.kind.overtime": "overtidstimer",
    "term.kind.extra": "merarbeidstimer",
    "weekday.0": "mandag",
    "weekday.1": "tirsdag",
    "weekday.2": "onsdag",
    "weekday.3": "torsdag",
    "weekday.4": "fredag",
    "weekday.5": "lørdag",
    "weekday.6": "søndag",
    "severity.violation": "brudd",
    "severity.warning": "advarsel",
    "checker.strict_note":
        " (Funnet bare av den strenge kontrollen med glidende vinduer: en advarsel, ikke et "
        "brudd.)",
    # --- § 10-4 / § 10-5 alminnelig arbeidstid og gjennomsnittsberegning ---------------------
    "hours.daily_normal":
        "{emp} har {hours:.2f} planlagte timer i {what} {span}; grensen som gjelder ({tier}) "
        "er {limit:g} t.",
    "hours.weekly_normal":
        "{emp} har {hours:.2f} planlagte timer i {what} {span}; ukegrensen som gjelder er "
        "{limit:g} t.",
    "hours.avg_limit":
        "{emp} har i gjennomsnitt {avg:.2f} planlagte timer per uke i {what} {span} etter en "
        "avtale om gjennomsnittsberegning ({tier}); grensen er {limit:g} t per uke i "
        "gjennomsnitt.{tail}",
    "hours.avg_limit_tail":
        " Blokken går ut over planperioden; timene som alt er planlagt, overstiger totalen for "
        "{weeks} uker på {total:g} t.",
    "avg.over":
        "{emp} har i gjennomsnitt {avg:.2f} planlagte timer per uke i {what} {span} ({tier}); "
        "gjennomsnittet må holde seg innenfor {limit:g} t per uke.{tail}",
    "avg.over_tail":
        " Timene som er kjent så langt ({known:.2f} t), overstiger allerede blokkens total på "
        "{total:g} t.",
    # --- § 10-6 overtid og samlet arbeidstid ---------------------------------------------------
    "ot.cap": "{emp} har {hours:.2f} t overtid i {what} {span}; grensen som gjelder er "
              "{limit:g} t.",
    "ot.consent":
        "{emp} har {hours:.2f} t overtid i {what} {span}, mer enn {cap:g} t etter § 10-6 (4), "
        "uten å ha samtykket (overtime_consent er ikke satt).",
    "ot.total_24h":
        "{emp} arbeider {hours:.2f} t til sammen (alminnelig arbeidstid, merarbeid og overtid) "
        "i {what} {span}; grensen som gjelder er {limit:g} t.",
    "ot.total_7d":
        "{emp} har i gjennomsnitt {avg:.2f} t samlet arbeidstid per uke i {what} {span}; grensen "
        "er {limit:g} t per uke i gjennomsnitt.{tail}",
    "ot.total_7d_tail":
        " Blokken går ut over planperioden; de {known:.2f} t som er kjent så langt, overstiger "
        "allerede {total:g} t.",
    "ot.total_max_week":
        "{emp} arbeider {hours:.2f} t til sammen i {what} {span}; ingen enkeltuke kan ha mer "
        "enn {limit:g} t.",
    "ot.excuse":
        "{emp} er fritatt fra overtid og merarbeid, men har {kind} {span}.",
    # --- § 10-8 hvile ----------------------------------------------------------------------------
    "rest.daily_short":
        "Bare {longest} sammenhengende hvile i døgnet fra {start}: {where}; minst {required} "
        "kreves.",
    "rest.daily_where_none": "ingen arbeidsfri tid i det hele tatt",
    "rest.daily_where":
        "lengste arbeidsfrie strekning {start} – {end}{whole}",
    "rest.daily_where_whole":
        " (hele hvilen mellom hovedarbeidsperiodene, {start} – {end}, er {length})",
    "rest.compensation":
        "Hvile forkortet til {rest} ({gap_start} – {gap_end}) etter en avtale som gjelder, krever "
        "{shortfall} kompenserende hvile rett etter neste arbeidsperiode; hvilen fra {start} er "
        "{measured}, {need} var ventet.",
    "rest.weekly_short":
        "Lengste sammenhengende hvile i {kind} fra {start} er {measured} ({where}; hvile over "
        "ukeskillet {reading}); minst {required} kreves.",
    "rest.weekly_kind_week": "7-dagersuken",
    "rest.weekly_kind_rolling": "de glidende 7 dagene",
    "rest.weekly_where_none": "ingen arbeidsfri tid",
    "rest.weekly_where": "lengste {start} – {end}",
    "rest.weekly_reading_clip": "regnet bare innenfor uken",
    "rest.weekly_reading_overlap": "regnet i sin helhet",
    "rest.sunday_in_rest":
        "Ingen ukehvile på minst {required} i uken fra {start} omfatter en hel søn- eller "
        "helgedag ({names}); § 10-8 (4) krever det så langt det er mulig.",
    "rest.next_sunday":
        "Arbeider {day} etter å ha arbeidet {prev}: {run} søn- og helgedager på rad, høyst "
        "{allowed} er tillatt.{note}",
    "rest.next_sunday_eve_note":
        " Arbeid i aftendelen av en helgedags vindu regnes for den helgedagen (åpent spørsmål "
        "17), derfor er dette en advarsel.",
    "rest.next_sunday_average":
        "Arbeider {worked} av {total} søn- og helgedager i planperioden; en avtale som tillater "
        "flere på rad, krever likevel fri annenhver søn- og helgedag i gjennomsnitt "
        "(§ 10-8 (4)).",
    # --- § 10-9 pauser ---------------------------------------------------------------------------
    "breaks.none":
        "{emp} arbeider {hours:.2f} t uten pause i arbeidsperioden {span}; mer enn 5,5 t krever "
        "pause.",
    "breaks.not_recorded":
        "Pauser er ikke registrert for {count} arbeidsperiode(r); pauser (§ 10-9 (1)) er ikke "
        "kontrollert for disse.",
    "breaks.short":
        "{emp} arbeider {hours:.2f} t i arbeidsperioden {span} med {brk} minutter pause; 8 t "
        "eller mer krever minst {need} minutter.",
    # --- § 10-10 søn- og helgedagsarbeid ----------------------------------------------------------
    "sunday.not_permitted":
        "{hours:.2f} t arbeidet i søn- og helgedagsvinduet {label} ({start} – {end}); "
        "virksomheten oppgir at arbeidets art ikke gjør søn- og helgedagsarbeid nødvendig, og "
        "ingen avtale etter § 10-10 gjelder.",
    "sunday.unknown":
        "Søn- og helgedagsarbeid funnet ({count} ansatt-vinduer), men ikke vurdert: inndataene "
        "sier ikke om arbeidets art gjør det nødvendig (sunday_work_permitted_by_nature).",
    # --- § 10-11 nattarbeid, § 10-2 -----------------------------------------------------------------
    "night.not_permitted":
        "{hours:.2f} t nattarbeid natten fra {start}; virksomheten oppgir at arbeidets art ikke "
        "gjør nattarbeid nødvendig, og ingen avtale etter § 10-11 (4) gjelder.",
    "night.unknown":
        "Nattarbeid funnet ({count} ansatt-netter), men ikke vurdert: inndataene sier ikke om "
        "arbeidets art gjør det nødvendig (night_work_permitted_by_nature).",
    "night.exempt":
        "{hours:.2f} t nattarbeid natten fra {start}, men den ansatte er fritatt fra nattarbeid "
        "(§ 10-2).",
    "night.avg":
        "Fast nattarbeider ({n_night} av {n_periods} arbeidsperioder med mer enn 3 t om "
        "natten): {normal:.2f} timer alminnelig arbeidstid fra {start} til {end} gir i "
        "gjennomsnitt {avg:.2f} t per døgn når ukehvilen holdes utenfor, mer enn {cap:g} t "
        "(høyst {limit:.2f} t){part}.",
    "night.avg_partial":
        " (bare en del av denne 4-ukersblokken ligger i planperioden: grensen er forholdsmessig "
        "redusert, og funnet er en advarsel)",
    "night.risk":
        "{hours:.2f} t arbeidet i {what} ({start} – {end}) av en ansatt med særlig risikofylt "
        "eller belastende nattarbeid med mer enn 3 t om natten; høyst {cap:g} t per døgn.",
    "night.risk_period": "denne arbeidsperioden",
    "night.risk_day": "døgnet {label}",
    "night.risk_rolling": "et glidende døgn",
    # --- kapittel 11 arbeidstakere under 18 år ------------------------------------------------------
    "youth.group.child": "barn",
    "youth.group.teen": "ungdom",
    "youth.day_hours":
        "{emp} (under 18) arbeider {hours:.2f} t i {what} {span}; høyst {limit:g} t per dag.",
    "youth.week_hours":
        "{emp} (under 18) arbeider {hours:.2f} t i {what} {span}; høyst {limit:g} t per uke.",
    "youth.night_work":
        "{emp} (under 18, {group}) arbeider {hours:.2f} t natten {span}; da er intet arbeid "
        "tillatt.",
    "youth.night_off":
        "{emp} (under 18) har bare {hours:.2f} t fri rundt natten {span}; minst 8 t fri som "
        "omfatter 23:00–06:00.",
    "youth.late_evening":
        "{emp} (under 18) arbeider {hours:.2f} t {span}; 21:00–23:00 er nattarbeid for dem under "
        "18, og virksomheten oppgir at arbeidets art ikke gjør nattarbeid nødvendig.",
    "youth.daily_rest":
        "{emp} (under 18) har høyst {hours:.2f} t sammenhengende hvile i døgnet {span}; minst "
        "{need:g} t kreves.",
    "youth.weekly_rest":
        "{emp} (under 18) har høyst {hours:.2f} t sammenhengende hvile i {what} {span}; minst "
        "{need:g} t kreves.",
    "youth.weekly_rest_rolling": "de 7 dagene",
    "youth.weekly_rest_window": "7-dagersvinduet",
    "youth.break":
        "{emp} (under 18) arbeider {hours:.2f} t i arbeidsperioden {span} med {brk} minutter "
        "pause; mer enn 4,5 t krever minst {need} minutter.",
    # --- TAR-* tariffprofil ---------------------------------------------------------------------------
    "tar.week_336":
        "Tredelt skift- og turnusarbeid: {avg:.2f} timer alminnelig arbeidstid per uke i "
        "gjennomsnitt ({sunday:.2f} t søn- og helgedag regnet som 1 t 10 min, {night:.2f} t natt "
        "regnet som 1 t 15 min) overstiger den reduserte uken på {limit:.2f} t (37,5 × "
        "{normal:.2f} / {weighted:.2f}, innenfor 33,6–35,5).",
    "tar.week_355":
        "Turnusarbeid (hver tredje søndag eller arbeid mellom 20:00 og 06:00): {avg:.2f} timer "
        "alminnelig arbeidstid per uke i gjennomsnitt overstiger {limit:g} t.",
    "tar.daily_125":
        "Arbeidsperioden {start} – {end} er {hours:.2f} t; vakter over 12,5 t krever godkjenning "
        "sentralt (§ 10-12 (4)).",
    "tar.weekend_freq":
        "Arbeider helgen {label} og også helgen {prev}: helgearbeid oftere enn hver {every}. helg "
        "(normen i sykehus).",
    # --- turnuskoder for fridager -----------------------------------------------------------------------
    "turnus.f1_none":
        "Ingen F1 (ukefridag) i uken fra {start}; en plan som merker fridager med F-koder, gir "
        "hver uke én F1 som bærer ukehvilen.",
    "turnus.f1_many":
        "{count} dager merket F1 i uken fra {start} ({days}); én F1 per uke bærer ukehvilen.",
    "turnus.f1_rest_short":
        "Hvilen rundt ukefridagen F1 {day} er bare {measured} ({start} – {end}); ukehvilen etter "
        "§ 10-8 (2) som F1 står for, krever minst {required}.",
    "turnus.f3_not_red_day":
        "F3 (helgedagsfri) {day}, en {weekday} som ikke er helligdag; F3 merker en søn- eller "
        "helgedag som holdes fri etter § 10-8 (4).",
    # --- kontraktsregler (ikke AML) ---------------------------------------------------------------------
    "contract.max_shifts": "{n} {code}-vakter, høyst {limit} tillatt",
    "contract.total_more": "{minutes} minutter arbeidet, mer enn kontraktens {limit}",
    "contract.total_fewer": "{minutes} minutter arbeidet, færre enn kontraktens {limit}",
    "contract.max_consecutive": "{n} arbeidsdager på rad",
    "contract.min_working_days": "bare {n} arbeidsdager på rad",
    "contract.min_days_off": "bare {n} fridager på rad",
    "contract.max_weekends": "{n} helger arbeidet, høyst {limit}",
    "contract.succession": "{code} etterfulgt av {next} dagen etter er ikke tillatt",
    # --- enheter (bare til visning; JSON beholder den engelske enheten) ---------------------------------
    "unit.hours": "timer",
    "unit.minutes": "minutter",
    "unit.minutes_of_break": "minutter pause",
    "unit.red_days": "søn- og helgedager",
    "unit.red_days_in_a_row": "søn- og helgedager på rad",
    "unit.red_days_in_the_weekly_rest": "søn- og helgedager i ukehvilen",
    "unit.weekends_apart": "helger mellom",
    "unit.weekends": "helger",
    "unit.shifts": "vakter",
    "unit.days": "dager",
    "unit.F1_marks": "F1-merker",
    "unit.hours_per_week_avg": "timer per uke (gjennomsnitt over {weeks} uker)",
}

_DAYOFF: dict[str, str] = {
    "dayoff.F1": "Ukefridag: bærer ukehvilen etter aml. § 10-8 (2), minst 35 t (28 t etter "
                 "avtale); én per uke",
    "dayoff.F2": "Ekstra ukefridag ved gjennomsnittlig fem dagers uke, ved siden av F1 der det "
                 "er mulig",
    "dayoff.F3": "Helgedagsfri: søn- eller helgedag fri etter søn- og helgedagsarbeid, "
                 "aml. § 10-8 (4)",
    "dayoff.F4": "Godtgjøringsfri: fri i stedet for helgedagsgodtgjøring (tariff)",
    "dayoff.F5": "Erstatningsfridag når F1 i den opprinnelige planen faller på en helgedag "
                 "mellom to søndager (tariff)",
    "dayoff.FE": "Ferie",
    "dayoff.blank": "Andre fridager",
}

_SHEETS: dict[str, str] = {
    "sheet.name.Roster": "Turnus",
    "sheet.name.Coverage": "Dekning",
    "sheet.name.Hours": "Timer",
    "sheet.name.Violations": "Brudd",
    "sheet.name.Summary": "Sammendrag",
    "sheet.solved_suffix": " (løst)",
    "sheet.solved_suffix_n": " (løst {n})",
    # Turnus
    "sheet.roster.employee": "Ansatt",
    "sheet.roster.name": "Navn",
    "sheet.roster.shifts": "Vakter",
    "sheet.roster.hours": "Timer",
    "sheet.roster.contract": "Avtalt",
    "sheet.roster.deviation": "Avvik",
    "sheet.roster.holiday_comment": "Helligdag: {name}",
    "sheet.legend.title": "Tegnforklaring",
    "sheet.legend.shift": "Vakt",
    "sheet.legend.name": "Navn",
    "sheet.legend.start": "Start",
    "sheet.legend.end": "Slutt",
    "sheet.legend.hours": "Timer",
    "sheet.legend.weekend": "Helg",
    "sheet.legend.holiday": "Helligdag",
    "sheet.legend.colours":
        "Hver vakttype har sin egen farge (tabellen over); helger og helligdager er skyggelagt.",
    "sheet.legend.codes": "Koder for fridager",
    "sheet.legend.code": "Kode",
    "sheet.legend.meaning": "Betydning",
    # Dekning
    "sheet.coverage.date": "Dato",
    "sheet.coverage.weekday": "Ukedag",
    "sheet.coverage.shift": "Vakt",
    "sheet.coverage.skill": "Ferdighet",
    "sheet.coverage.required": "Minimum",
    "sheet.coverage.target": "Mål",
    "sheet.coverage.planned": "Planlagt",
    "sheet.coverage.shortfall": "Mangler",
    "sheet.coverage.any_skill": "(alle)",
    "sheet.coverage.no_demand": "Inndataene har ingen bemanningsrader: ingenting å dekke.",
    "sheet.coverage.chart_title": "Behov mot planlagte vakter per dag",
    "sheet.coverage.chart_y": "Personvakter",
    "sheet.coverage.chart_x": "Dato",
    "weekday_short.0": "man",
    "weekday_short.1": "tir",
    "weekday_short.2": "ons",
    "weekday_short.3": "tor",
    "weekday_short.4": "fre",
    "weekday_short.5": "lør",
    "weekday_short.6": "søn",
    # Timer
    "sheet.hours.employee": "Ansatt",
    "sheet.hours.name": "Navn",
    "sheet.hours.week_start": "Uke fra",
    "sheet.hours.days": "Dager i perioden",
    "sheet.hours.hours": "Timer",
    "sheet.hours.contract": "Avtalt",
    "sheet.hours.deviation": "Avvik",
    "sheet.hours.extra": "Merarbeid",
    "sheet.hours.overtime": "Overtid",
    "sheet.hours.night": "Nattetimer",
    "sheet.hours.sunday": "Søn- og helgedagstimer",
    # Funn (Brudd-arket fra roster solve og rapporten fra roster check)
    "findings.severity": "Alvorlighet",
    "findings.rule": "Regel",
    "findings.paragraph": "Paragraf",
    "findings.employee": "Ansatt",
    "findings.window_start": "Vindu fra",
    "findings.window_end": "Vindu til",
    "findings.measured": "Målt",
    "findings.limit": "Grense",
    "findings.unit": "Enhet",
    "findings.allowed_by": "Tillatt av",
    "findings.message": "Melding",
    "findings.none": "ingen",
    "findings.nothing": "Kontrollen fant ingenting å melde om denne turnusen.",
    # Sammendrag
    "sheet.summary.item": "Punkt",
    "sheet.summary.value": "Verdi",
    "sheet.summary.horizon_start": "Periode fra",
    "sheet.summary.horizon_end": "Periode til",
    "sheet.summary.status": "Status",
    "sheet.summary.stopped": " (stoppet av planleggeren)",
    "sheet.summary.objective": "Målfunksjon",
    "sheet.summary.objective_tier": "Målfunksjon: {tier}",
    "sheet.summary.best_bound": "Beste grense",
    "sheet.summary.gap": "Avstand %",
    "sheet.summary.wall_time": "Tidsbruk (s)",
    "sheet.summary.first_solution": "Første løsning etter (s)",
    "sheet.summary.time_limit": "Tidsgrense (s)",
    "sheet.summary.seed": "Frø",
    "sheet.summary.workers": "Tråder",
    "sheet.summary.coverage": "Dekning %",
    "sheet.summary.shortfall": "Mangler (personvakter under minimum)",
    "sheet.summary.violations": "Brudd funnet av kontrollen",
    "sheet.summary.warnings": "Advarsler funnet av kontrollen",
    "sheet.summary.ruleset": "Regelsettversjon",
    "sheet.summary.version": "aml-roster-versjon",
    "sheet.summary.sha": "SHA-256 for inndata",
    "sheet.summary.written_at": "Skrevet",
    "sheet.summary.site": "Enhet",
    "sheet.summary.input_file": "Inndatafil",
    "sheet.summary.conflicts": "Absolutte krav som er i strid med hverandre",
    "sheet.summary.conflict_rule": "Regel",
    "sheet.summary.conflict_employee": "Ansatt",
    "sheet.summary.conflict_days": "Dager",
    "sheet.summary.conflict_explanation": "Forklaring",
}

_REPORT: dict[str, str] = {
    "report.no_findings":
        "{where}ingen funn — turnusen holder alle reglene som er kontrollert (modus {mode}).",
    "report.headline": "{where}{violations} og {warnings}{who} (modus {mode}, regler {version}).",
    "report.violations_one": "{n} brudd",
    "report.violations_many": "{n} brudd",
    "report.warnings_one": "{n} advarsel",
    "report.warnings_many": "{n} advarsler",
    "report.who_one": " for {n} ansatt",
    "report.who_many": " for {n} ansatte",
    "report.group": "{emp} — {v} brudd, {w} advarsel/advarsler",
    "report.all_employees": "(alle ansatte)",
    "report.allowed_by": "tillatt av {tier}",
    "report.measure": "{measured} mot grense {limit}{unit}",
    "report.measure_limit": "grense {limit}{unit}",
    "report.summary": "Sammendrag (regel: antall):",
    "report.col_window": "Vindu",
    "report.col_count": "Antall",
    "report.summary_title": "Sammendrag",
    "report.sheet_findings": "Funn",
    "report.sheet_roster": "Turnus",
    "report.sheet_check": "Kontroll",
    "report.input_file": "Inndatafil",
    "report.sha": "SHA-256 for inndata",
    "report.ruleset": "Regelsettversjon",
    "report.mode": "Modus",
    "report.horizon_start": "Periode fra",
    "report.horizon_end": "Periode til",
    "report.violations": "Brudd",
    "report.warnings": "Advarsler",
    "report.written": "Rapporten er skrevet til {path}",
}

_SOLVE: dict[str, str] = {
    "solve.gap": ", avstand {gap:.2f} %",
    "solve.stopped": " (stoppet tidlig med Ctrl-C)",
    "solve.line_status":
        "Status:     {status}{stopped}{gap}, {seconds:.1f} s, frø {seed}, {workers} tråd(er)",
    "solve.line_coverage": "Dekning:    {pct:.1f} % av nødvendige personvakter er planlagt",
    "solve.line_shortfalls": "Mangler:    {text}",
    "solve.line_hours": "Timer mot avtalt: {text}",
    "solve.line_checker": "Kontroll:   {v} brudd, {w} advarsel/advarsler",
    "solve.line_written": "Skrevet:    {path}",
    "solve.more_time": "Mer tid:    tidsgrensen stoppet søket før denne turnusen var bevist god; "
                       "den blir trolig bedre med --time-limit {limit}",
    "solve.no_employees": "ingen ansatte",
    "solve.hours_spread":
        "{lo:+.1f} t ({lo_emp}) til {hi:+.1f} t ({hi_emp}), gjennomsnittlig |avvik| {mean:.1f} t",
    "solve.none": "ingen",
    "solve.slot": "{day} {shift}: {planned} av {required}",
    "solve.more": "; … {n} til (se arket {sheet})",
    "solve.shortfalls": "{missing} personvakt(er) mangler i {slots} vakt(er): {shown}{more}",
}


_TEMPLATE: dict[str, str] = {
    # Kolonner
    "template.col.settings.key": "Navnet på innstillingen.",
    "template.col.settings.value": "Verdien.",
    "template.col.shifts.code":
        "Kort kode som brukes overalt ellers, f.eks. D, A, N. Ikke FRI, OFF, F1–F5, FE eller "
        "Ferie (koder for fridager).",
    "template.col.shifts.name": "Et lesbart navn (valgfritt).",
    "template.col.shifts.start": "Starttidspunkt, f.eks. 07:30.",
    "template.col.shifts.end": "Sluttidspunkt, f.eks. 15:30. 22:00–08:00 går over midnatt.",
    "template.col.shifts.break_minutes": "Pausens lengde i minutter (0 hvis ingen).",
    "template.col.shifts.break_counts_as_work":
        "ja hvis de ansatte må bli på arbeidsplassen i pausen (den regnes da som arbeidstid).",
    "template.col.employees.id": "Unik id (tekst eller tall) som brukes i de andre arkene.",
    "template.col.employees.name": "Navn (valgfritt).",
    "template.col.employees.position_pct":
        "Stillingsstørrelse i prosent av full stilling, 0–100 (80, 80 % eller 0,8).",
    "template.col.employees.weekly_hours":
        "Avtalte timer per uke; brukes i stedet for stillingsprosent.",
    "template.col.employees.skills": "Ferdigheter skilt med komma, f.eks. SPL, HFA.",
    "template.col.employees.under_18": "ja hvis under 18 år (eller oppgi fødselsdato).",
    "template.col.employees.birth_date": "Fødselsdato (valgfritt).",
    "template.col.employees.in_school": "ja hvis under 18 år og fortsatt skoleelev.",
    "template.col.employees.night_work_allowed":
        "nei hvis den ansatte ikke skal arbeide om natten (f.eks. fritak etter § 10-2). "
        "Standard ja.",
    "template.col.employees.exempt_10_12":
        "ja for ledende eller særlig uavhengige stillinger (§ 10-12 (1)–(2)).",
    "template.col.employees.excused_overtime": "ja hvis fritatt fra overtid (§ 10-6 (10)).",
    "template.col.employees.overtime_consent":
        "ja hvis den ansatte har samtykket til overtid utover arbeidsgiverens egen grense.",
    "template.col.employees.high_risk_night":
        "ja for nattarbeid med særlig risiko eller belastning (§ 10-11 (7)).",
    "template.col.employees.hourly_cost": "Kostnad per time (valgfritt, for hva-hvis).",
    "template.col.demand.date":
        "En dato, eller en ukedag (man..søn / Mon..Sun) eller Helligdag som gjentas.",
    "template.col.demand.shift": "Vaktkode fra arket Vakter.",
    "template.col.demand.skill": "Ferdighet som kreves (tomt: hvem som helst).",
    "template.col.demand.min": "Minste antall ansatte (absolutt behov).",
    "template.col.demand.target": "Ønsket antall ansatte (valgfritt, minst min).",
    "template.col.demand.weight": "Pris per person under målet (valgfritt).",
    "template.col.requests.employee": "Ansattnummer.",
    "template.col.requests.date": "Én dag (eller bruk fra/til).",
    "template.col.requests.from": "Første dag i en periode.",
    "template.col.requests.to": "Siste dag i en periode (medregnet).",
    "template.col.requests.kind":
        "ferie eller utilgjengelig (absolutt), fri, ønsket vakt eller unngå vakt.",
    "template.col.requests.shift": "Vaktkode for ønsket vakt / unngå vakt.",
    "template.col.requests.weight": "Hvor mye ønsket betyr (standard 1).",
    "template.col.fixed.employee": "Ansattnummer.",
    "template.col.fixed.date": "Dagen.",
    "template.col.fixed.shift": "Vaktkode, eller FRI (OFF) for en fast fridag.",
    "template.col.history.employee": "Ansattnummer.",
    "template.col.history.start": "Startdato og klokkeslett, f.eks. 2026-03-31 22:00.",
    "template.col.history.end":
        "Sluttdato og klokkeslett (eller bare klokkeslett: samme eller neste dag).",
    "template.col.history.kind": "planlagt (standard), overtid eller merarbeid.",
    "template.col.history.break_minutes": "Pause i minutter (valgfritt).",
    "template.col.history.overtime_ytd_hours":
        "Overtidstimer arbeidet hittil i år før planperioden.",
    "template.col.history.last_sunday_worked":
        "Dato for siste søn- eller helgedag arbeidet før planperioden.",
    "template.col.agreements.scope": "alle (hele enheten) eller et ansattnummer.",
    "template.col.agreements.family": "Regelfamilie: 10-4, 10-5, 10-6, 10-8, 10-10, 10-11.",
    "template.col.agreements.tier": "Hvem som har avtalt: T2_INDIVIDUAL, T3_TARIFF_REPS, ...",
    "template.col.agreements.parameter": "Navn på parameteren (valgfritt).",
    "template.col.agreements.value": "Verdien til parameteren.",
    "template.col.agreements.valid_from": "Første dag avtalen gjelder (valgfritt).",
    "template.col.agreements.valid_to": "Siste dag avtalen gjelder (valgfritt).",
    "template.col.employees.contract":
        "Id for en rad i arket Kontrakter som gjelder for den ansatte (valgfritt).",
    "template.col.contracts.id": "Unik kontrakt-id, brukt i arket Ansatte.",
    "template.col.contracts.max_shifts":
        "Flest vakter av hver type i perioden: KODE=grense skilt med |, f.eks. N=5|D=20 "
        "(0 = aldri den vakten). Typer som ikke er nevnt, er ikke begrenset.",
    "template.col.contracts.min_hours":
        "Færrest timer arbeidet i perioden (vakttypenes betalte timer).",
    "template.col.contracts.max_hours":
        "Flest timer arbeidet i perioden (vakttypenes betalte timer).",
    "template.col.contracts.max_consecutive_shifts": "Flest arbeidsdager på rad.",
    "template.col.contracts.min_consecutive_shifts":
        "Færrest arbeidsdager på rad (en blokk som berører periodens start eller slutt, er "
        "unntatt).",
    "template.col.contracts.min_consecutive_days_off":
        "Færrest fridager på rad (en blokk som berører periodens start eller slutt, er "
        "unntatt).",
    "template.col.contracts.max_weekends":
        "Flest helger (lørdag og/eller søndag) med arbeid i perioden.",
    "template.col.contracts.forbidden_successions":
        "Vaktpar som ikke kan følge hverandre dagen etter: FRA>TIL skilt med |, f.eks. "
        "N>D|E>D (en nattevakt kan ikke følges av en dagvakt).",
    "template.col.weights.key": "Navnet på vekten.",
    "template.col.weights.value": "Helt tall, 0 eller mer.",
    # Innstillinger og vekter
    "template.key.settings.site_name": "Navnet på posten eller enheten.",
    "template.key.settings.month": "Måneden som skal planlegges, f.eks. 2026-04 (i stedet for "
                                   "start- og sluttdato).",
    "template.key.settings.start": "Første dag i planperioden (i stedet for måned).",
    "template.key.settings.end":
        "Siste dag i planperioden (standard: én kalendermåned fra startdatoen).",
    "template.key.settings.day_boundary": "Når døgnet begynner (standard 00:00).",
    "template.key.settings.week_start": "Første dag i 7-dagersuken: mandag (standard) .. søndag.",
    "template.key.settings.week_start_time": "Klokkeslettet uken begynner (standard 00:00).",
    "template.key.settings.night_start": "Når nattvinduet begynner (standard 21:00).",
    "template.key.settings.night_end": "Når nattvinduet slutter (standard 06:00).",
    "template.key.settings.full_time_hours":
        "Timer per uke i en 100 % stilling (standard 37,5).",
    "template.key.settings.tariff_bound":
        "ja hvis arbeidsgiveren er bundet av tariffavtale (standard ja).",
    "template.key.settings.sunday_work_permitted_by_nature":
        "ja hvis arbeidets art gjør søn- og helgedagsarbeid nødvendig (§ 10-10 (2)); "
        "tomt = ukjent.",
    "template.key.settings.night_work_permitted_by_nature":
        "ja hvis arbeidets art gjør nattarbeid nødvendig (§ 10-11 (2)); tomt = ukjent.",
    "template.key.settings.allow_split_duties":
        "ja for å tillate to vakter samme dag (standard nei).",
    "template.key.settings.strict":
        "ja for også å kontrollere alle glidende vinduer (kontroll for tillitsvalgte).",
    "template.key.settings.language": "en eller nb (språket i utdataene).",
    "template.key.weights.uncovered": "Per manglende personvakt under minimum.",
    "template.key.weights.soft_legal": "Per brudd på en myk lovregel.",
    "template.key.weights.below_target": "Per personvakt under målet.",
    "template.key.weights.contract_deviation": "Per time avvik fra avtalte timer.",
    "template.key.weights.request": "Per enhet ønskevekt som ikke innfris.",
    "template.key.weights.fairness": "Per enhet skjevfordeling av netter, helger og helligdager.",
    "template.key.weights.pattern": "Enkeltstående dager, lange arbeidsperioder, baklengs rotasjon.",
    "template.key.weights.overstaffing": "Per personvakt over målet.",
    "template.required": " (påkrevd)",
    "template.help_column": "Forklaring",
    "template.help_column_comment": "Bare forklaring; leses ikke.",
    "template.choose_from_list": "Velg en verdi fra listen.",
    "template.not_in_list": "Ikke i listen; sjekk verdien.",
    "template.yes": "ja",
    "template.no": "nei",
    "template.param.family": "familie",
    "template.param.parameter": "parameter",
    "template.param.default": "standard",
    "template.param.unit": "enhet",
    "unit.weeks": "uker",
    "unit.share": "andel",
    "template.about": "\n".join([
        "aml-roster planleggingsarbeidsbok",
        "",
        "Fyll ut arkene, og kjør så:  roster validate denne.xlsx   og   roster solve denne.xlsx",
        "De grå radene i kursiv er eksempler: skriv over eller slett dem. Tomme rader hoppes over.",
        "Ark- og kolonnenavn kan være norske eller engelske, med store eller små bokstaver; "
        "ekstra kolonner og ark blir ignorert. Hold musepekeren over en kolonneoverskrift for å "
        "se hva den betyr.",
        "",
        "Innstillinger: én innstilling per rad. Oppgi måneden som skal planlegges (2026-04), "
        "eller start- og sluttdato.",
        "Vakter: én rad per vakttype (kode, start, slutt, pause). En slutt på eller før starten "
        "betyr at vakten slutter neste dag (22:00–08:00).",
        "Ansatte: én rad per person, med stillingsprosent (eller timer per uke) og ferdigheter "
        "(skilt med komma).",
        "Bemanning: hvor mange hver vakt trenger. Lang form: én rad per dag og vakt, med min og "
        "valgfritt mål. Bred form: første kolonne er dagen, én kolonne per vaktkode (eller "
        "KODE:FERDIGHET, f.eks. D:SPL) med minimum. En dag er en dato, en ukedag (man..søn) som "
        "gjentas hver uke, eller Helligdag for helligdager. Rader med dato går foran "
        "ukedagsmønsteret.",
        "Ønsker: utilgjengelig (absolutt), fri, ønsket vakt eller unngå vakt, for én dato eller "
        "fra–til.",
        "Faste: en vakt som er bestemt på forhånd, eller FRI for en fast fridag.",
        "Historikk: vakter arbeidet like før måneden (for hvile og ukegrenser) og, per ansatt, "
        "overtidstimer hittil i år og siste søn- eller helgedag arbeidet.",
        "Avtaler: avtaler som lemper på en regel (aml. §§ 10-4 .. 10-11). Gjelder er alle eller "
        "et ansattnummer; rader med samme gjelder, paragraf og nivå utgjør én avtale. Tabellen "
        "under viser hver parameter og hva hvert nivå kan avtale.",
        "Kontrakter (valgfritt): kontraktsregler som ikke er lov, per gruppe ansatte, for hele "
        "perioden: flest vakter per type (N=5|D=20), min/maks timer, min/maks arbeidsdager på "
        "rad, min fridager på rad, flest helger med arbeid, forbudte vaktpar (N>D|E>D). En "
        "ansatt følger kontrakten som er oppgitt i kolonnen Kontrakt i arket Ansatte.",
        "Vekter: hvor mye optimereren vektlegger hvert mål (hele tall).",
        "",
        "Datoer: 2026-04-01 eller 01.04.2026. Klokkeslett: 07:30 (også 7.30 eller 0730). "
        "Ja/nei: ja, nei, yes, no, x.",
        "Koder for fridager (praksis i KS og Spekter) er aldri vaktkoder: F1 ukefridag (bærer "
        "ukehvilen på 35 t), F2 ekstra ukefridag ved fem dagers uke, F3 helgedagsfri etter søn- "
        "og helgedagsarbeid, F4 godtgjøringsfri, F5 erstatningsfridag, FE/Ferie, FRI, - eller "
        "blank. roster solve merker F1, F2 og F3 i arket Turnus; roster check leser dem.",
        "",
        "English: the sheets may also be called Settings, Shifts, Employees, Demand, Requests, "
        "Fixed, History, Agreements, Contracts and Weights, with English column names (code, name, start, "
        "end, break_minutes, position_pct, skills, date, shift, employee ...). Weekdays: "
        "Mon..Sun, Holiday.",
    ]),
}

# Overtid og merarbeid (scheduler.solver.overtime, scheduler.headroom).
_OVERTIME: dict[str, str] = {
    "sheet.name.Headroom": "Overtid igjen",
    "sheet.roster.ot_comment": "Overtid: {hours:.2f} t",
    "sheet.roster.extra_comment": "Merarbeid: {hours:.2f} t",
    "sheet.legend.extra_time":
        "Fet rød kursiv kode med kommentar: vakten har overtid eller merarbeid",
    "sheet.headroom.employee": "Ansatt",
    "sheet.headroom.name": "Navn",
    "sheet.headroom.cap": "Overtidsgrense",
    "sheet.headroom.window_start": "Periode fra",
    "sheet.headroom.window_end": "Periode til",
    "sheet.headroom.limit": "Grense (t)",
    "sheet.headroom.used": "Overtid hittil (t)",
    "sheet.headroom.remaining": "Igjen (t)",
    "sheet.headroom.note": "Merknad",
    "sheet.headroom.cap_7d": "7 dager (§ 10-6 (4))",
    "sheet.headroom.cap_4w": "4 uker (§ 10-6 (4))",
    "sheet.headroom.cap_52w": "52 uker (§ 10-6 (4))",
    "sheet.headroom.cap_26w": "26 uker (§ 10-6 (6))",
    "sheet.headroom.no_overtime":
        "kan ikke pålegges overtid (fritatt, unntatt etter § 10-12 eller under 18 år)",
    "sheet.headroom.consent_cap": "standardgrense: ikke samtykket til mer (§ 10-6 (7))",
    "sheet.headroom.explain":
        "Overtid som fortsatt er tillatt i den faste perioden som omfatter første øyeblikk "
        "etter planperioden (historikk og overtid hittil i år medregnet).",
    "sheet.summary.overtime_allowed": "Overtid tillatt",
    "sheet.summary.overtime_hours": "Overtidstimer",
    "sheet.summary.extra_hours": "Merarbeid (timer)",
    "sheet.summary.overtime_cost": "Overtidskostnad inkl. tillegg",
    "sheet.summary.overtime_premium_cost": "Overtidstillegg ({pct:g} %)",
    "sheet.summary.extra_cost": "Kostnad merarbeid",
    "solve.line_overtime": "Overtid:     {ot:.2f} t, merarbeid {extra:.2f} t{cost}",
    "solve.overtime_cost": " (overtidskostnad {cost:.2f} inkl. tillegg)",
    "sheet.summary.cost_unknown": "ukjent (timelønn mangler)",
    "template.key.settings.allow_overtime":
        "ja for å la optimereren planlegge overtid og merarbeid innenfor grensene i § 10-6, "
        "bare for å dekke minstebemanning (standard nei).",
    "template.key.settings.overtime_premium_pct":
        "Overtidstillegg i prosent, minst 40 (§ 10-6 (11)); tariffavtaler ofte 50 eller 100.",
    "template.key.settings.extra_hours_supplement_pct":
        "Tariffestet tillegg for merarbeid i prosent (standard 0).",
    "template.key.settings.weekend_rhythm":
        "Høyst én arbeidshelg av så mange på rad (standard 3: hver tredje helg; 0 = ingen "
        "rytme). Et ønske, veid med rettferdighet.",
    "template.key.settings.contract_tolerance_shifts":
        "Planlagte timer holdes innenfor så mange vakter fra avtalt stilling over planperioden "
        "(standard 1); mer bare som merarbeid med Tillat overtid.",
    # issue 18: hvorfor søket stoppet, og om turnusen kan gjenskapes
    "solve.line_search": "Søk:        {reason}; {repro}",
    "search.optimal": "bevist optimal",
    "search.infeasible": "bevist umulig",
    "search.work_limit": "stoppet av arbeidsgrensen ({work:.2f} av {limit:g} enheter)",
    "search.wall_clock": "stoppet av klokka (tidsgrense {seconds:g} s)",
    "search.interrupted": "stoppet tidlig med Ctrl-C",
    "search.reproducible":
        "kan gjenskapes: samme arbeidsbok med --seed {seed} --workers 1 --work-limit {limit:g} "
        "gir denne turnusen igjen på enhver maskin",
    "search.not_reproducible.wall_clock":
        "kan IKKE gjenskapes: klokka stoppet søket før arbeidsgrensen (gi lengre --time-limit "
        "eller mindre --work-limit)",
    "search.not_reproducible.no_budget":
        "kan ikke gjenskapes: klokka var grensen (gi --work-limit og --workers 1 for en turnus "
        "som kan gjenskapes)",
    "search.not_reproducible.workers":
        "kan ikke gjenskapes: {workers} tråder deler søket (bruk --workers 1)",
    "search.not_reproducible.interrupted": "kan ikke gjenskapes: søket ble stoppet for hånd",
    "sheet.summary.work_limit": "Arbeidsgrense (deterministiske tidsenheter)",
    "sheet.summary.work": "Arbeid brukt (deterministiske tidsenheter)",
    "sheet.summary.stopped_by": "Søket stoppet av",
    "sheet.summary.reproducible": "Kan gjenskapes",
}

# Issue 14: History attribution, demand feasibility, header suggestions, conflicts.
_PLANNER: dict[str, str] = {
    "checker.from_history":
        " Dette skyldes historikken alene: {emp} arbeidet {worked} ifølge historikken; ingen "
        "turnus for denne perioden kan endre det.",
    "checker.from_history_figures":
        " Dette skyldes historikken alene (historikkarkets tall for {emp}); ingen turnus for "
        "denne perioden kan endre det.",
    "history.head": "Brudd som historikken alene forårsaker ({n}); turnusen er lagt rundt dem:",
    "history.line":
        "  - Historikken bryter allerede {paragraph} for {emp} ({rule}); ingen turnus for denne "
        "perioden kan endre det",
    "history.more": "  … og {n} til",
    "history.count": ", og {n} brudd som historikken alene forårsaker",
    "findings.source": "Kilde",
    "findings.source.roster": "Turnus",
    "findings.source.history": "Historikk",
    "feasibility.head": "Behov ingen lovlig kan dekke, og kapasitet ({n}):",
    "feasibility.unstaffable":
        "{what}: {n} personvakt(er) på {days} kan ingen dekke: {why}",
    "feasibility.reason": "{paragraph} ({rule}) for {n} kvalifiserte: {why}{remedy}",
    "feasibility.remedy": " (en avtale etter {family} på nivå {tier} ville tillate det)",
    "feasibility.no_skill": "ingen har ferdigheten {skill}",
    "feasibility.capacity":
        "{skill}: {pct:.0f} % av tilgjengelige timer ({demanded:g} t minstebehov, {available:g} t "
        "avtalt etter ferie og fravær)",
    "feasibility.no_capacity": "{skill}: {hours:g} t minstebehov, men ingen tilgjengelige timer",
    "sheet.coverage.why": "Hvorfor udekket",
    "feasibility.away": "{n} kvalifiserte borte (utilgjengelig i Ønsker)",
    "sheet.name.Wishes": "Ønsker innfridd",
    "sheet.wishes.number": "Ønske nr.",
    "sheet.wishes.employee": "Ansatt",
    "sheet.wishes.date": "Dato",
    "sheet.wishes.kind": "Ønske",
    "sheet.wishes.shift": "Vakt",
    "sheet.wishes.weight": "Vekt",
    "sheet.wishes.granted": "Innfridd",
    "sheet.wishes.reason": "Hvorfor ikke innfridd",
    "sheet.wishes.yes": "ja",
    "sheet.wishes.no": "nei",
    "sheet.wishes.kind.day_off": "fri",
    "sheet.wishes.kind.shift_wish": "ønsket vakt",
    "sheet.wishes.kind.avoid_shift": "unngå vakt",
    "requests.reason.rule": "en regel forbyr det: {detail}",
    "requests.reason.no_demand": "ikke behov for {detail} for den ansattes ferdigheter",
    "requests.reason.conflict": "strider mot den ansattes andre ønske {detail}, som er innfridd",
    "requests.reason.cover": "trengs for bemanningen: {detail} har ingen å avse",
    "requests.reason.tradeoff":
        "veid mot andre mål (hvile og ukentlige timer over flere dager, timer mot avtale, "
        "rettferdighet, andre ønsker){detail}",
    "feasibility.after_solve":
        "ingen kvalifisert ansatt igjen: {busy} har en annen vakt den dagen, {full} har nådd "
        "avtalt stilling pluss toleransen på {tol:g} vakt(er) (merarbeid krever Tillat overtid), "
        "{other} holdes av regler over flere dager (hvile, ukentlige timer, dager på rad) eller "
        "av avveiningene i planen",
    "sheet.weekends.worked": "Helger arbeidet",
    "sheet.weekends.total": "Helger",
}

MESSAGES: dict[str, str] = {
    **_FINDINGS, **_DAYOFF, **_SHEETS, **_REPORT, **_SOLVE, **_TEMPLATE, **_OVERTIME, **_PLANNER,
}


_TIERS: dict[str, str] = {
    "agreements.tier_power":
        "{paragraph}: {param} = {value} krever {needed}, ikke {tier} (regel {rule}; se "
        "docs/agreement-tiers.md)",
    "agreements.no_tier": "ingen avtale på noe nivå (bare en strengere verdi kan oppgis)",
    "agreements.open_hint":
        "; {paragraph} er uavklart (ikke bekreftet): med vid lesning (Innstillinger "
        "open_tier_powers = broad) kan dette nivået det",
    "agreements.t2_site":
        "T2_INDIVIDUAL er en skriftlig avtale med én arbeidstaker: skriv ansattnummeret i "
        "Gjelder, én rad per arbeidstaker som har signert (site/alle er for avtaler med "
        "tillitsvalgte, fagforening eller Arbeidstilsynet)",
    "tiers.open_power":
        "{paragraph}: hva en {tier}-avtale kan tillate her er ikke bekreftet (uavklart i "
        "regelspesifikasjonen); {reading} lesning brukes: {values}",
    "tiers.reading.protective": "vernende",
    "tiers.reading.broad": "vid",
    "template.key.settings.open_tier_powers":
        "protective (vernende, standard) eller broad (vid): hvordan avtalefullmakter loven "
        "lar stå åpne leses (T4 etter § 10-12 (4), noen T5-grenser); se "
        "docs/agreement-tiers.md.",
}
MESSAGES.update(_TIERS)
# --- issue #16: reduced weeks, youth overtime, school days, unrecorded breaks ---------------------
_LAW16: dict[str, str] = {
    "reduced.weekly":
        "{emp} har {hours:.2f} planlagte timer i {what} {span}; ukegrensen etter {paragraph} er "
        "{limit:.2f} t fordi {reason}.",
    "reduced.cond.36_settings": "enhetens turnus er helkontinuerlig (Innstillinger: continuous_rota)",
    "reduced.cond.36_test":
        "planen oppfyller testen for helkontinuerlig turnus: {night:g} nattetimer (minst "
        "{night_min:g}) og {sunday:g} søndagstimer (minst {sunday_min:g}, forholdsmessig)",
    "reduced.cond.38_settings":
        "enhetens turnus er skiftarbeid etter § 10-4 (4) a/b (Innstillinger: rota_10_4_4)",
    "reduced.cond.38_sundays":
        "c) arbeidstakeren arbeider {worked} av {sundays} søndager (minst hver tredje)",
    "reduced.cond.38_night": "d) {pct:g} % av timene er nattetimer (minst 3/4)",
    "reduced.cond.6":
        "{cond}, og som turnusarbeid reduseres den forholdsmessig etter {night:g} av "
        "{night_min:g} nattetimer og {sunday:g} av {sunday_min:g} søndagstimer (ubekreftet "
        "lesing av § 10-4 (6))",
}
MESSAGES.update(_LAW16)
MESSAGES["youth.overtime"] = (
    "{emp} er under 18 og har {hours:.2f} timer overtid {span}; overtid for arbeidstakere under "
    "18 er ikke tillatt (vernende lesing, ubekreftet).")
MESSAGES.update({
    "template.key.settings.rota_10_4_4":
        "ja hvis enheten har skiftarbeid etter § 10-4 (4) a/b (døgnkontinuerlig med stans på "
        "søn- og helgedager, eller to skift regelmessig på søn- og helgedager): 38 t uke "
        "(standard nei).",
    "template.key.settings.continuous_rota":
        "ja hvis turnusen er helkontinuerlig (24/7): 36 t uke; nei = aldri; tom = hver ansatt "
        "vurderes etter testen for natt- og søndagstimer (§ 10-4 (5)).",
    "template.key.settings.presume_breaks":
        "ja for å anta at en pause etter § 10-9 (2) som ikke er registrert, ble tatt "
        "(standard nei).",
    "template.key.settings.school_holidays":
        "Skolefrie perioder for elever (§ 11-2), f.eks. 2026-06-20..2026-08-16; "
        "2026-10-05..2026-10-09.",
})
MESSAGES["ot.unrecorded_break"] = (
    "{emp}: {n} overtidsfunn ({rules}) gjelder bare fordi pausen på {minutes} min etter 2 t "
    "overtid (§ 10-9 (2)) ikke er registrert i {periods} arbeidsperiode(r) og ikke antas tatt; "
    "be om pauseregistreringene (Innstillinger presume_breaks eller --presume-breaks antar at "
    "den ble tatt).")
MESSAGES.update({
    "template.col.shifts.passive_minutes":
        "Minutter med i hovedsak passivt arbeid i vakten, f.eks. sovende nattevakt (§ 10-4 (2)); "
        "0 hvis ingen.",
    "template.col.shifts.on_call":
        "Beredskapsvakt: på stedet (regnes fullt) eller hjemme (1/7 regnes, § 10-4 (3)); tom "
        "for en vanlig vakt.",
})
MESSAGES.update({
    "passive.over":
        "{emp} har {hours:.2f} planlagte timer i {what} {span}; med passiv tid er grensen "
        "{limit:.2f} t ({base:g} t forlenget med {extra:.2f} t, halvparten av den passive tiden, "
        "§ 10-4 (2)).",
    "standby.counted":
        "{emp} har hjemmevakt i {n} periode(r), {hours:.2f} t; {share} av den, {counted:.2f} t, "
        "regnes som arbeidstid i alle timegrenser (§ 10-4 (3)); utrykninger registrert som egne "
        "perioder regnes fullt.",
})
_COVERAGE: dict[str, str] = {
    "coverage.summary":
        "Leste {rows} rader ({employees} ansatte); {periods} arbeidsperioder kontrollert, "
        "{start} til {end} ({source}).",
    "coverage.from_options": "fra --start/--end",
    "coverage.from_settings": "fra arket Innstillinger",
    "coverage.from_roster": "turnusens egen periode",
    "coverage.above_header": "rader over overskriftsraden (titler), ikke turnusdata",
    "coverage.before_dates": "kolonner før første datokolonne (ikke dager)",
    "coverage.rows_no_codes":
        "ikke lest: radene mangler ansatt-id eller kommer etter en tom rad, og har ingen vakt- "
        "eller fridagskode",
    "coverage.column_not_date":
        "ikke lest: kolonnens overskrift ({header}) er ikke en dato, og ingen celle i den er en "
        "vakt- eller fridagskode",
    "coverage.solve_legend": "tegnforklaringen roster solve skriver (ikke turnusdata)",
    "coverage.solve_margin": "summene roster solve skriver (vakter, timer, avtalt, avvik)",
    "coverage.not_a_field":
        "kolonner som ikke er timelistefelt (employee, start, end, break_minutes, kind, passive_minutes)",
    "coverage.row_no_fields": "ikke lest: raden har ingen ansatt, start eller slutt",
    "coverage.excluded_before":
        "{n} arbeidsperiode(r) for {emps} ansatt(e) fra {first} til {last}, før "
        "kontrollperioden ({start} til {end}): ikke kontrollert, bare tatt med som historikk "
        "(--exclude-outside)",
    "coverage.excluded_after":
        "{n} arbeidsperiode(r) for {emps} ansatt(e) fra {first} til {last}, etter "
        "kontrollperioden ({start} til {end}): ikke kontrollert (--exclude-outside)",
    "coverage.no_header": "ikke lest: celler til høyre for overskriftsradens siste kolonne (intet felt)",
    "coverage.days_not_in_grid":
        "dager i kontrollperioden som turnusen ikke har noen datokolonne for: ikke i inndata, "
        "derfor ikke kontrollert (regnet som fridager)",
    "report.not_full":
        "{where}IKKE EN FULL KONTROLL — ingenting funnet i det som ble kontrollert, men {n} "
        "del(er) av inndata ble ikke lest eller ikke kontrollert (se Dekning) (modus {mode}).",
    "report.not_full_suffix":
        " IKKE EN FULL KONTROLL: {n} del(er) av inndata ble ikke lest eller ikke kontrollert "
        "(se Dekning).",
    "report.coverage_title": "Dekning:",
    "report.coverage_gaps": "Ikke lest eller ikke kontrollert:",
    "report.coverage_ignored": "Ikke turnusdata (utelatt):",
    "report.coverage_complete":
        "Fullstendig: alle celler og rader som kan inneholde arbeid, ble lest og kontrollert.",
    "report.coverage_label": "Dekning",
    "report.coverage_rows": "Rader lest",
    "report.coverage_periods": "Arbeidsperioder kontrollert",
    "report.coverage_from": "Kontrollperiode fra",
    "report.coverage_full": "Full kontroll",
    "report.coverage_yes": "ja",
    "report.coverage_no": "NEI",
}
MESSAGES.update(_COVERAGE)


# Issue 14 remainders (planner): one measure of overtime and extra hours, absences, vacations.
_PLANNER = {
    "sheet.headroom.roster_overtime": "Overtid i denne turnusen (t)",
    "sheet.headroom.roster_extra": "Merarbeid i denne turnusen (t)",
    "requests.away.vacation": "på ferie",
    "requests.away.unavailable": "utilgjengelig",
    "requests.away.on": "{employee} er {what} fra {first} til {last}",
    "requests.away.reaches":
        "{employee}s {shift}-vakt {day} varer inn i {first}, da vedkommende er {what}",
    "requests.away.worked":
        "{employee} arbeider {start} – {end} mens vedkommende er {what} ({first} til {last}, "
        "forespørsel {numbers})",
    "template.key.settings.vacation_first_morning_until":
        "En vakt fra dagen før kan slutte første morgen i en ferie senest dette klokkeslettet "
        "(f.eks. 07:30); tomt = ingen kan (standard).",
    "sheet.roster.absence_vacation": "Ferie",
    "sheet.roster.absence_unavailable": "Utilgjengelig",
    "sheet.roster.absence_request":
        "{what}: ønske nr. {number} i arket Ønsker, {start} til {end}; ingen vakt planlagt",
    "dayoff.UT": "Borte av annen grunn enn ferie (permisjon, kurs …: «utilgjengelig» i Ønsker)",
    "domain.rest_in_24h": "en {shift}-vakt gir mindre enn {hours:g} t hvile i sine 24 timer",
    "domain.rest_after_history":
        "den begynner mindre enn {hours:g} t etter siste vakt før planperioden",
    "domain.total_cap": "{shift}-vakten er lengre enn grensen på {hours:g} t samlet arbeidstid",
    "domain.break_short":
        "{shift}-vakten ({hours:g} t) har {minutes} minutters pause, for kort etter {rule}",
    "domain.longer_than": "{shift}-vakten er lengre enn {hours:g} t",
    "domain.contract_none": "kontrakten til {employee} tillater ingen {shift}-vakter",
    "domain.youth_night": "{employee} er under 18 år og {shift}-vakten går inn i natten",
    "domain.youth_break": "{employee} er under 18 år og {shift}-vakten mangler en pause på 30 minutter",
    "domain.youth_hours": "{employee} er under 18 år og {shift}-vakten er lengre enn {hours:g} t",
    "domain.daily_limit":
        "{shift}-vakten {day} er {hours:g} t, over den daglige grensen på {limit:g} t",
    "domain.night_excused": "{employee} er fritatt fra nattarbeid og {shift}-vakten går inn i natten",
    "domain.night_not_permitted": "{shift}-vakten går inn i natten, og nattarbeid er ikke tillatt",
    "domain.night_risk": "{shift}-vakten er mer enn {hours:g} t risikofylt nattarbeid",
    "domain.sunday_not_permitted":
        "{shift}-vakten {day} faller i søndags-/helligdagsvinduet, og søndagsarbeid er ikke tillatt",
    "domain.pinned_off": "{employee} er satt fri {day}",
    "validate.warnings": "{path}: ingen feil i inndata; {n} advarsel(er):",
    "validate.clean": "{path}: ingen problemer funnet.",
    "validate.none": "(ingen)",
    "validate.any_skill": "(alle)",
    "validate.site_scope": "avdeling",
    "validate.hours_per_week": "t/uke",
    "validate.overview": "Oversikt",
    "validate.site": "enhet",
    "validate.horizon": "planperiode",
    "validate.horizon_value": "{start} til {end} ({days} dager)",
    "validate.employees": "ansatte",
    "validate.person_shifts": "personvakter i behov (minst / mål)",
    "validate.demand_hours": "timer i behov (minst / mål)",
    "validate.capacity": "avtalt kapasitet (timer)",
    "validate.share": "minstebehov / kapasitet",
    "validate.counts": "ønsker / faste / historikkperioder",
    "validate.by_skill": "Ansatte etter kompetanse",
    "validate.by_position": "Ansatte etter stilling",
    "validate.shift_types": "Vakttyper",
    "validate.skill_capacity": "Minstebehov mot avtalte timer for ansatte med kompetansen",
    "validate.holidays": "Helligdager i planperioden",
    "validate.agreements": "Avtaler som gjelder",
    "validate.valid_value": "{start} til {end}",
    "validate.col_skill": "kompetanse",
    "validate.col_employees": "ansatte",
    "validate.col_position": "stilling",
    "validate.col_code": "kode",
    "validate.col_name": "navn",
    "validate.col_time": "tid",
    "validate.col_hours": "timer",
    "validate.col_min_person_shifts": "minste personvakter",
    "validate.col_capacity": "kapasitet",
    "validate.col_share": "andel",
    "validate.col_date": "dato",
    "validate.col_holiday": "helligdag",
    "validate.col_tier": "nivå",
    "validate.col_parameters": "parametere",
    "validate.col_valid": "gyldig",
    "sheet.summary.status.OPTIMAL": "bevist beste turnus (OPTIMAL)",
    "sheet.summary.status.FEASIBLE": "gyldig turnus, ikke bevist best (FEASIBLE)",
    "sheet.summary.status.INFEASIBLE": "ingen turnus oppfyller de absolutte reglene (INFEASIBLE)",
    "sheet.summary.status.UNKNOWN": "ingen turnus funnet i tide (UNKNOWN)",
    "sheet.summary.status.MODEL_INVALID": "feil i aml-roster (MODEL_INVALID)",
    "sheet.summary.tier.uncovered": "udekket behov",
    "sheet.summary.tier.overtime": "overtid",
    "sheet.summary.tier.soft_legal": "myke lovregler",
    "sheet.summary.tier.below_target": "under mål",
    "sheet.summary.tier.contract": "timer mot avtale",
    "sheet.summary.tier.requests": "ønsker",
    "sheet.summary.tier.fairness": "rettferdighet",
    "sheet.summary.tier.pattern": "mønster",
    "sheet.summary.tier.overstaffing": "overbemanning",
    "input.head_one": "{n} problem i inndata:",
    "input.head": "{n} problemer i inndata:",
    "input.where_sheet": "ark {sheet}",
    "input.where_cell": "celle {cell}",
    "input.grid.no_header":
        "fant ingen overskriftsrad med datoer (de første radene må ha kolonnen med ansattnummer og deretter én kolonne per dato)",
    "input.grid.no_id":
        "rad {row} har vakt- eller fridagskoder ({refs}), men mangler ansattnummer i {cell}: ingenting i raden kan kontrolleres uten det",
    "input.grid.overlap":
        "ansatt {employee}: {b} ({b_ref}) overlapper {a} ({a_ref}); de samme timene ville telle to ganger",
    "input.grid.merged":
        "cellene {ref} er slått sammen inne i turnusen: bare {first} har verdien, så de andre cellene ville bli lest som tomme (en fridag, eller ingen ansatt); del dem opp og skriv koden eller nummeret i hver celle",
    "input.grid.date_twice":
        "datoen {day} står to ganger i overskriften (også i {cell})",
    "input.grid.dates_order":
        "datoene i overskriften står ikke i rekkefølge ({b} etter {a})",
    "input.grid.two_rows":
        "ansatt {employee} har to rader (også rad {row})",
    "input.grid.no_date_says":
        "cellen har koden {code}, men kolonnen har ingen dato i overskriften ({cell} sier {header}): skriv dagens dato i overskriftscellen, eller tøm cellen",
    "input.grid.no_date_empty":
        "cellen har koden {code}, men kolonnen har ingen dato i overskriften ({cell} er tom): skriv dagens dato i overskriftscellen, eller tøm cellen",
    "input.grid.no_shifts":
        "fant vaktkoden {code}, men det finnes ikke noe Vakter-ark i turnusboken eller i --problem som sier hva den betyr",
    "input.none":
        "ingen",
    "input.grid.unknown_code":
        "ukjent vaktkode {code} for ansatt {employee} {day} (kjente koder: {known}; fridager: tom, -, F1-F5, FE, Ferie, UT)",
    "input.grid.no_duration":
        "vakten {code} {day} har ingen reell varighet den dagen (klokken stilles i løpet av den)",
    "input.grid.reserved":
        "vaktkoden {code} (Vakter-arket) er også fridagskoden {mark}: F1-F5, FE, Ferie, UT, OFF og - er fridager i en turnus, aldri vaktkoder; gi vakttypen et annet navn",
    "input.ts.no_column":
        "--columns gir overskriften {header} for {field}, men overskriftsraden har ingen slik kolonne (den har: {has})",
    "input.ts.missing_columns":
        "timelisten mangler kolonne: {fields} (forventet overskriftene employee, start, end og eventuelt break_minutes, kind, passive_minutes; knytt andre overskrifter til dem med --columns employee=Ansatt,start=Fra,end=Til)",
    "input.ts.at_line":
        "linje {line}, kolonne {column}: ",
    "input.ts.at_column":
        "kolonne {column}: ",
    "input.ts.too_many_csv":
        "linje {line}: timelisten har mer enn {max} rader, det meste én kontroll leser (minnebruken holdes under 2 GiB); del den opp etter periode og kontroller hver del",
    "input.ts.too_many":
        "rad {line}: timelisten har mer enn {max} rader, det meste én kontroll leser (minnebruken holdes under 2 GiB); del den opp etter periode og kontroller hver del",
    "input.ts.no_employee":
        "{pre}ansatt mangler",
    "input.ts.bad_start":
        "{pre}starttiden kan ikke brukes: {why}",
    "input.ts.bad_end":
        "{pre}sluttiden kan ikke brukes: {why}",
    "input.ts.bad_break":
        "{pre}pausen kan ikke brukes: {why}",
    "input.ts.bad_kind":
        "{pre}{why}",
    "input.ts.end_before":
        "{pre}slutten {end} er ikke etter starten {start}",
    "input.ts.long_break":
        "{pre}pausen på {minutes} min er like lang som arbeidsperioden",
    "input.ts.bad_passive":
        "{pre}den passive tiden kan ikke brukes: {why}",
    "input.ts.long_passive":
        "{pre}den passive tiden på {minutes} min er lengre enn arbeidsperioden",
    "input.ts.overlap_csv":
        "linje {line}: ansatt {employee} arbeider {b}, som overlapper linje {other} ({a}); de samme timene ville telle to ganger",
    "input.ts.overlap":
        "ansatt {employee} arbeider {b}, som overlapper rad {other} ({a}); de samme timene ville telle to ganger",
    "input.ts.not_utf8":
        "linje {line}: filen er ikke UTF-8-tekst (lagre den som «CSV UTF-8» fra Excel)",
    "input.used.merged_range":
        "cellene {ref} er slått sammen til én over {n} celler; høyst {max} celler kan slås sammen (del dem opp, eller slå sammen bare cellene som brukes)",
    "input.used.merged_total":
        "sammenslåtte områder dekker {n} celler i alt; høyst {max} godtas (del opp de store)",
    "input.used.unreadable":
        "arket kunne ikke leses ({why})",
    "input.near.header":
        "{title}!{cell} {label}: mente du {meant}? (en kolonne med ukjent navn blir ikke lest, så verdiene ville gå tapt)",
    "input.near.sheet":
        "arket {title}: mente du {meant}? (et ark med ukjent navn blir ikke lest, så radene ville gå tapt)",
    "input.paths.no_folder":
        "mappen for {what} ({folder}) finnes ikke",
    "input.paths.not_folder":
        "mappen for {what} ({folder}) er ikke en mappe",
    "input.paths.read_only":
        "det kan ikke skrives i mappen for {what} ({folder}) ({why}); ingenting ble gjort",
    "input.paths.over_input":
        "{what} ville bli skrevet over en inndatafil ({input}: {path}); utdata erstatter aldri inndata: velg en annen sti",
    "input.roster.no_file":
        "filen finnes ikke",
    "input.roster.no_sheet":
        "arbeidsboken har ikke noe Turnus-ark (Roster) og ikke noe timeliste-ark (Timeliste/Timesheet): gi turnusen eller timelisten som skal kontrolleres som PATH, og en planleggingsbok som denne som --problem",
    "input.roster.suffix":
        "kan ikke lese en {suffix}-fil: gi en turnusbok (.xlsx) eller en timeliste (.xlsx eller .csv)",
    "input.roster.no_suffix":
        "kan ikke lese en fil uten filendelse: gi en turnusbok (.xlsx) eller en timeliste (.xlsx eller .csv)",
    "input.roster.no_horizon":
        "turnusen har ikke noe arbeid og ingen planperiode er satt: gi --start og --end eller et Innstillinger-ark med start og slutt",
    "input.roster.horizon_order":
        "planperioden slutter ({end}) før den begynner ({start})",
    "input.roster.horizon_bad":
        "planperioden {start}..{end} kan ikke brukes: {why}",
    "input.roster.from_settings":
        "Innstillinger-arket i {file}",
    "input.roster.from_roster":
        "turnusen selv",
    "input.roster.outside":
        "{what} utenfor kontrollperioden, {start} til {end} (fra {source}), og ville ikke bli kontrollert: kontroller den perioden med --start/--end (eller rett datoene i Innstillinger), eller gi --exclude-outside for å kontrollere bare perioden og liste dette arbeidet som utelatt",
    "input.roster.outside_periods_one":
        "1 arbeidsperiode for {emps} ansatt(e) fra {first} til {last} (i {place}) ligger",
    "input.roster.outside_periods":
        "{n} arbeidsperioder for {emps} ansatt(e) fra {first} til {last} (den første i {place}) ligger",
    "input.roster.the_roster":
        "turnusen",
    "input.ts.too_big":
        "filen {file} er {mb:.1f} MB; timelister større enn {max} MB avvises",
    "input.ts.csv_empty":
        "CSV-filen er tom",
    "input.ts.bad_csv":
        "linje {line}: linjen kan ikke leses som CSV ({why})",
    "input.ts.sheet_empty":
        "timelistearket er tomt",
    "input.ts.merged":
        "cellene {ref} er slått sammen: bare {first} har verdien, så de andre cellene ville bli lest som tomme; del dem opp og skriv verdien i hver celle",
    "input.value.dst_gap":
        "{when} finnes ikke i Norge (klokken hopper fra 02:00 til 03:00 den natten); gi tiden med UTC-forskyvning (f.eks. +01:00) eller slik den sto på klokken",
    "input.value.date_only":
        "{value} er en dato uten klokkeslett",
    "input.value.empty":
        "den er tom",
    "input.value.serial":
        "{value} er ikke et Excel-tidspunkt mellom 1950 og 2149",
    "input.value.not_datetime":
        "{value} er ikke dato og klokkeslett (bruk ISO 8601, f.eks. 2026-03-01T07:30 eller 2026-03-01T07:30+01:00)",
    "input.value.no_minutes":
        "den er ikke et antall minutter",
    "input.value.not_minutes":
        "{value} er ikke et antall minutter",
    "input.value.not_whole":
        "{value} er ikke et helt, ikke-negativt antall minutter",
    "input.value.too_long":
        "{value} minutter er lengre enn et døgn",
    "input.value.not_kind":
        "{value} er ikke en timetype (planlagt, overtid, merarbeid, hjemmevakt eller tilstedevakt; planned, overtime, extra, on_call_home eller on_call_site)",
    "input.paths.what.the report": "rapporten",
    "input.paths.what.the roster": "turnusen",
    "input.paths.what.the backup": "sikkerhetskopien",
    "input.paths.what.the template": "malen",
    "input.paths.what.the workbook": "arbeidsboken",
    "input.paths.what.rosters_file": "--rosters-filen {name}",
    "input.columns.form": "--columns: {part} har ikke formen felt=Overskrift",
    "input.columns.field": "--columns: {name} er ikke et felt i timelisten (ett av {fields})",
}
MESSAGES.update(_PLANNER)
# What-if: et scenario mot grunnlaget (scheduler.whatif.tolerance, issue #17)
MESSAGES.update({
    "whatif.verdict.baseline": "grunnlag",
    "whatif.verdict.same": "likt grunnlaget",
    "whatif.verdict.within": "innenfor løserens toleranse",
    "whatif.verdict.apart": "utenfor løserens toleranse",
    "whatif.verdict.none": "ingen turnus å sammenligne",
    "whatif.kpi.coverage_pct": "dekning",
    "whatif.kpi.uncovered_total": "udekkede timer",
    "whatif.kpi.overtime_hours": "overtid",
    "whatif.kpi.extra_hours": "merarbeid",
    "whatif.kpi.labour_cost": "lønnskostnad",
    "whatif.kpi.contract_deviation_hours": "avvik fra stillingsstørrelse",
    "whatif.kpi.requests_granted_pct": "ønsker innfridd",
    "whatif.kpi.nights_spread": "spredning netter",
    "whatif.kpi.weekend_spread": "spredning helger",
    "whatif.no_roster.infeasible":
        "umulig: de harde kravene motsier hverandre{conflicts}",
    "whatif.no_roster.limit":
        "ingen turnus: {limit} stoppet søket før første turnus ble funnet (gi en lengre "
        "--time-limit eller --work-limit)",
    "whatif.no_roster.status": "ingen turnus: løseren svarte {status}",
    "whatif.limit.work_limit": "arbeidsgrensen",
    "whatif.limit.wall_clock": "tidsgrensen",
    "whatif.limit.interrupted": "et avbrudd",
    "whatif.limit.other": "grensen",
})
# Én tidsfrist for hele `roster solve` (scheduler/app/pipeline.py)
MESSAGES.update({
    "solve.line_time": "Tid:        lesing {read:.1f} s, modell {build:.1f} s, søk {search:.1f} s, "
                       "kontroll {check:.1f} s, skriving {write:.1f} s; totalt {total:.1f} s av "
                       "--time-limit {limit:g} s",
    "solve.not_built": "Ingen turnus: tidsgrensen på {limit:g} s gikk ut mens modellen ble bygget "
                       "(lesing tok {read:.1f} s, byggingen stanset etter {build:.1f} s); ingenting "
                       "ble skrevet. Kontroll og skriving av en turnus av denne størrelsen tar "
                       "omtrent {reserve:.0f} s til: gi en --time-limit godt over {need:.0f} s.",
    "solve.no_time": "Ingen turnus: lesingen tok {read:.1f} s av tidsgrensen på {limit:g} s, og "
                     "da er det ikke tid til å bygge modellen og likevel kontrollere og skrive "
                     "en turnus av denne størrelsen (omtrent {reserve:.0f} s); ingenting ble "
                     "skrevet. Gi en --time-limit godt over {need:.0f} s.",
    "solve.too_large": "{employees} ansatte × {days} dager × {shifts} vakttyper er {cells} "
                       "turnusceller; roster solve planlegger høyst {most_cells} om gangen (en "
                       "større modell trenger mer minne enn en løsning kan bruke). Planlegg høyst "
                       "{most_days} dager om gangen (Innstillinger start/slutt), eller færre "
                       "ansatte om gangen.",
})

# Utskrift av turnusboken (scheduler/io/write/printing.py) og Sammendragets deler.
MESSAGES.update({
    "print.period": "{start} til {end}",
    "print.printed": "Skrevet ut",
    "print.page": "Side",
})
MESSAGES.update({
    "sheet.summary.requests_granted": "Ønsker innfridd (ønskedager)",
    "sheet.summary.requests_total": "Ønsker (ønskedager)",
    "sheet.summary.shortfalls": "Underbemanning: behov under minimum",
    "sheet.summary.no_shortfalls": "ingen: hvert minimum er dekket",
    "sheet.summary.deviations": "Største avvik fra avtalt arbeidstid",
    "sheet.summary.per_person": "Helger og netter per person",
    "sheet.summary.nights": "Nattevakter",
    "sheet.summary.solver_section": "Løseren",
})
MESSAGES.update({
    "input.paths.open_output":
        "{what} {path} er åpen i Excel eller LibreOffice (låsefilen {lock} ligger ved siden av): "
        "lukk den der først, eller bruk --force for å skrive likevel",
    "input.paths.open_input":
        "advarsel: {path} er åpen i Excel eller LibreOffice (låsefil {lock}); siste lagrede "
        "versjon leses, ikke endringer som ikke er lagret",
    # issue 17: et søk som stoppet ved målgapet (SolveOptions.target_gap_pct)
    "search.gap_limit": "stoppet ved målgapet på {target:g} % (ikke bevist optimal)",
})
# roster whatif / roster staffing in the language in force (issue 15, "Norwegian all the way")
MESSAGES.update({
    "whatif.title": "Hva-hvis-scenarier",
    "whatif.sheet.results": "Scenarioresultater",
    "whatif.sheet.results_beside_input": "Scenarioresultater",
    "whatif.col.scenario": "Scenario",
    "whatif.col.changes": "Endringer",
    "whatif.col.status": "Status",
    "whatif.col.gap": "Optimalitetsgap %",
    "whatif.col.bound": "Nedre grense",
    "whatif.col.vs_baseline": "Mot grunnlaget",
    "whatif.col.better_on": "Bedre på",
    "whatif.col.worse_on": "Dårligere på",
    "whatif.col.coverage": "Dekning %",
    "whatif.col.shortfall": "Underdekning (personvakter)",
    "whatif.col.uncovered": "Udekket t {skill}",
    "whatif.col.overtime": "Overtid t",
    "whatif.col.extra": "Merarbeid t",
    "whatif.col.premium": "Kostnad overtidstillegg",
    "whatif.col.headroom": "Overtidsrom t {cap}",
    "whatif.col.labour_cost": "Lønnskostnad",
    "whatif.col.contract_deviation": "Avvik fra avtalt tid t",
    "whatif.col.requests": "Ønsker innfridd %",
    "whatif.col.nights_spread": "Spredning netter",
    "whatif.col.weekend_spread": "Spredning helger",
    "whatif.col.violations": "Brudd funnet av kontrollen",
    "whatif.col.solve_s": "Løsetid s",
    "whatif.col.wall_s": "Total tid s",
    "whatif.col.workers": "Tråder",
    "whatif.col.seed": "Frø",
    "whatif.col.overtime_allowed": "Overtid tillatt",
    "whatif.col.error": "Feil",
    "whatif.cap.7d": "7 d",
    "whatif.cap.4w": "4 u",
    "whatif.cap.26w": "26 u",
    "whatif.cap.52w": "52 u",
    "whatif.yes": "ja",
    "whatif.no": "nei",
    "whatif.chart.coverage": "Dekning % per scenario",
    "whatif.chart.coverage_axis": "% av påkrevde personvakter",
    "whatif.chart.hours": "Udekkede timer, overtid og merarbeid per scenario",
    "whatif.chart.hours_axis": "Timer",
    "whatif.status.OPTIMAL": "bevist best",
    "whatif.status.FEASIBLE": "gyldig",
    "whatif.status.INFEASIBLE": "umulig",
    "whatif.status.UNKNOWN": "ingen i tide",
    "whatif.status.MODEL_INVALID": "feil i aml-roster",
    "whatif.status.ERROR": "FEIL",
    "whatif.cli.where_cluster": "Dask-planleggeren {address}",
    "whatif.cli.where_processes": "{n} prosess(er)",
    "whatif.cli.where_here": "denne prosessen",
    "whatif.cli.solving": "Løser {n} scenario(er) ({limit:g} s hver) i {where} …",
    "whatif.cli.error_in": "FEIL i {line}",
    "whatif.cli.no_roster_in": "INGEN TURNUS i {line}",
    "whatif.cli.done": "{n} scenario(er) på {seconds:.1f} s.",
    "whatif.cli.written": "Skrevet: {path}",
    "whatif.cli.rosters": "Turnuser: {n} arbeidsbok(er) i {folder}",
    "cli.could_not_write": "Kunne ikke skrive {path}: {reason}",
    "staffing.needs": "trenger {hires}",
    "staffing.no_extra": "ingen ekstra ansatte",
    "staffing.hire": "+{count} {skill} i {pct:g} % stilling",
    "staffing.coverage": " → dekning {before:.1f} % → {after:.1f} %",
    "staffing.still_short": "mangler fortsatt: {line}",
    "staffing.planned": "{employee}: {hours:.1f} t planlagt, avtalt {contract:.1f} t",
    "staffing.minimal": "minst mulig innenfor det som ble søkt: {how}",
    "staffing.proven": "bevist",
    "staffing.not_proven": "ikke bevist",
    "staffing.violations": "ADVARSEL: kontrollen fant {n} brudd på absolutte regler i den "
                           "endelige turnusen (en feil i programmet: meld den gjerne)",
    "staffing.solves": "({n} løsning(er), {seconds:.0f} s)",
    "staffing.not_tried": "ikke prøvd (--max-solves nådd)",
    "staffing.no_roster": "ingen turnus ({status})",
    "staffing.above_position": ", en nyansatt over stillingen",
    "staffing.short": "mangler {n} personvakt(er){within} ({status}, {how})",
    "staffing.drop": "uten {count} {skill} i {pct:g} %",
    "staffing.lower": "{skill} {before:g} % → {after:g} %",
    "staffing.remaining": "{n} personvakt(er) {shift} {skill} ({days} dag(er), {span})",
    "staffing.no_roster_at_all": "ingen turnus i det hele tatt ({status})",
    "staffing.try_longer": "prøv en lengre --time-limit",
    "staffing.not_coverable": "{n} personvakt(er) forblir udekket: ingen kan lovlig jobbe "
                              "dem, heller ikke en nyansatt (se «mangler fortsatt»)",
    "staffing.not_found": "{n} personvakt(er) forblir udekket selv om noen lovlig kan jobbe "
                          "{m} av dem: løseren fant ikke full dekning på {solves} løsning(er) à "
                          "{limit:g} s; prøv en lengre --time-limit eller flere --max-solves",
    "staffing.tier.T0_DEFAULT": "ingen gjennomsnittsavtale (lovens utgangspunkt)",
    "staffing.tier.T2_INDIVIDUAL": "individuelle gjennomsnittsavtaler (§ 10-5 (1))",
    "staffing.tier.T3_TARIFF_REPS": "lokal avtale med tillitsvalgte (§ 10-5 (2))",
    "staffing.tier.T3b_NONTARIFF_REPS": "avtale med valgte representanter (§ 10-5 (3))",
    "staffing.need": "{heads} person(er) ({fte:g} årsverk)",
    "staffing.t0_not_covered":
        "Uten gjennomsnittsavtale kan behovet ikke dekkes fullt ut ved å ansette",
    "staffing.with_tier": "med {tier}: +{need}",
    "staffing.with_tier_not": "med {tier}: heller ikke fullt dekkbart",
    "staffing.tier_not": "{tier}: ikke fullt dekkbart",
    "staffing.tier_saves": "{tier} sparer {heads} person(er) ({fte:g} årsverk)",
    "staffing.compared": " sammenlignet med ingen gjennomsnittsavtale",
    "staffing.solve": "løsning {n}: {hires}",
    "staffing.prove": "løsning {n}: {hires}, bare underdekningen (kan hver minimumsbemanning dekkes?)",
    "staffing.progress_tier": "§ 10-5 på {tier}",
})
# Contradicting hard requirements (scheduler/solver/variables.py, explain.py), issue 15
MESSAGES.update({
    "conflict.pinned_both": "{employee} er låst til både {a} og {b} {day}.",
    "conflict.pinned_forbidden": "{employee} er låst til {shift} {day}, men {why} ({rule}).",
    "conflict.none_explains": "De absolutte kravene kan ikke oppfylles samtidig, og ingen enkelt "
                              "ansatts faste vakter forklarer det (ansatte med faste vakter: "
                              "{names}).",
    "conflict.nobody": "ingen",
    "conflict.pin": "{shift} {day}",
    "conflict.joined": "{first} og {rest}",
    "conflict.fixed_rule": "{employee}: de faste vaktene ({pins}) kan ikke alle holdes etter "
                           "{paragraph} {title} ({rule}).",
    "conflict.rule_horizon": "{employee}: {paragraph} {title} ({rule}) kan ikke oppfylles i "
                             "denne perioden.",
})
# roster solve's remaining console lines (issue 15)
MESSAGES.update({
    "solve.conflict_employee": "ansatt {employee}",
    "solve.conflict_everyone": "alle ansatte",
    "solve.conflict_days": " {days}",
    "solve.infeasible_head":
        "Ingen lovlig turnus finnes: disse absolutte kravene motsier hverandre:",
    "solve.infeasible_unnamed":
        "(løseren kunne ikke snevre motsetningen inn til navngitte krav)",
    "solve.infeasible_tail":
        "Endre ett av dem (for eksempel en låst vakt i arket Faste, et fravær eller "
        "minimumsbemanningen) og kjør på nytt.",
    "solve.within_work": "arbeidsgrensen på {limit:g} enheter",
    "solve.within_time": "tidsgrensen på {limit:g} s",
    "solve.not_found_within": "Ingen turnus funnet innenfor {what}; ingenting ble skrevet. Gi "
                              "en større {more}.",
    "solve.stopped_status": "Løseren stoppet med status {status}; ingenting ble skrevet. Dette "
                            "er en feil i programmet: meld den gjerne med arbeidsboken.",
    "solve.changed_meanwhile": "{workbook} ble endret mens turnusen ble laget; den står urørt, "
                               "og turnusen (laget fra arbeidsboken slik den ble lest) skrives "
                               "til {path} i stedet.",
    "solve.nothing_written":
        "Ingenting ble skrevet (er filen åpen i Excel, eller er mappen skrivebeskyttet?).",
})
# The command line's own lines (scheduler/cli), issue 15
MESSAGES.update({
    "cli.file_not_found": "filen finnes ikke",
    "cli.os_error": "kunne ikke lese eller skrive en fil: {reason}. Utdatafiler ble latt være "
                    "som de var.",
    "whatif.no_scenario_named": "ingen scenario med navnet {name} i arket Scenarier",
    "template.exists": "{path} finnes allerede; bruk --force for å skrive over den.",
    "template.wrote": "Skrev {path}. Fyll den ut, og kjør så: roster validate {path}",
})
# A what-if scenario's changes in words (scheduler/whatif/changes.py), issue 15
MESSAGES.update({
    "whatif.change.remove": "fjern {who}",
    "whatif.change.remove_n": "fjern {count} {skill}",
    "whatif.change.add": "legg til {count} {skill} i {pct:g} % stilling",
    "whatif.change.shift": "vakt {codes}",
    "whatif.change.skill": "kompetanse {skills}",
    "whatif.change.any": "alle",
    "whatif.change.holidays": "helligdager",
    "whatif.change.span": "{start} til {end}",
    "whatif.change.demand": "behov × {factor:g}{where}",
    "whatif.change.away": "{who} borte {start} til {end}",
    "whatif.change.site": "hele enheten",
    "whatif.change.agreement": "§ {family}-avtale {tier} ({scope})",
    "whatif.change.parameter": "§ {family}: {name} = {value} ({scope})",
    "whatif.change.weight": "vekt {name} = {value}",
    "whatif.change.overtime_on": "overtid tillatt",
    "whatif.change.overtime_off": "ingen overtid",
    "whatif.change.none": "ingen endringer",
})
# roster solve: Ctrl-C, the live progress line and the option checks (issue 15)
MESSAGES.update({
    "solve.stopping": "Stopper: beholder den beste turnusen funnet så langt (Ctrl-C igjen for å "
                      "avbryte) ...",
    "solve.live.solving": "Løser  {elapsed:6.1f} s / {limit:g} s",
    "solve.live.objective": "beste målverdi {value:.0f}",
    "solve.live.no_roster": "ingen turnus ennå",
    "solve.live.bound": "grense {value:.0f}",
    "solve.live.gap": "optimalitetsgap {value:.2f} %",
    "solve.live.stopping": "stopper",
    "solve.in_place_and_output":
        "--in-place skriver inn i WORKBOOK; ikke kombiner det med -o.",
    "solve.output_over_input":
        "utdata ville skrevet over WORKBOOK; velg en annen -o eller bruk --in-place.",
    "solve.no_macros": "makroer blir aldri beholdt eller kjørt, så turnusen skrives som en "
                       ".xlsx-arbeidsbok: gi -o NAVN.xlsx",
    "solve.no_macros_in_place": "makroer blir aldri beholdt eller kjørt, så turnusen skrives "
                                "som en .xlsx-arbeidsbok: gi -o NAVN.xlsx i stedet for --in-place",
})
MESSAGES["whatif.baseline_name"] = "Grunnlag"  # the baseline scenario as shown (issue 15)
MESSAGES.update({  # roster staffing --positions (issue 15)
    "staffing.positions.not_number": "{part} er ikke en stillingsprosent",
    "staffing.positions.outside": "stilling {part} % er utenfor 1-100",
    "staffing.positions.none": "gi minst én stillingsprosent, f.eks. 50,75,100",
})
MESSAGES.update({  # roster diff (issue 20)
    "diff.bad_as_of": "--as-of {value!r} er ikke en dato (ÅÅÅÅ-MM-DD) eller en dato med "
                      "klokkeslett (ÅÅÅÅ-MM-DDTTT:MM)",
    "diff.employee_missing": "ansatt {employee} finnes ikke i {other}: begge turnusene må "
                             "gjelde de samme ansatte",
    "diff.period_differs": "turnusene gjelder ulike perioder: {old} {old_start} til "
                           "{old_end}, {new} {new_start} til {new_end}",
    "diff.headline": "{n} endrede vakter, {within} av dem innenfor varslingsfristen på "
                     "{days} dager i § 10-3 (kjent fra {as_of})",
    "diff.off": "fri",
    "diff.flag_within": "innenfor varslingsfristen (§ 10-3)",
    "diff.flag_in_time": "i tide",
    "diff.flag_started": "allerede startet",
    "diff.sheet": "Endringer",
    "diff.col.date": "Dato",
    "diff.col.employee": "Ansatt",
    "diff.col.name": "Navn",
    "diff.col.old": "Før",
    "diff.col.new": "Nå",
    "diff.col.effective": "Gjelder fra",
    "diff.col.notice": "Varsel § 10-3",
})
MESSAGES.update({  # roster candidates (issue 20)
    "cand.effect.no_rule": "bryter ingen regel",
    "cand.effect.warnings": "gir nye varsler: {rules}",
    "cand.effect.overtime": "{hours} som overtid (+{pct:g} %): bruker {used} av "
                            "overtidsgrensen på {cap} denne uken",
    "cand.effect.extra": "{hours} over avtalt arbeidstid i perioden",
    "cand.effect.week": "{after} denne uken (var {before})",
    "cand.effect.contract": "{after} planlagt mot {contract} avtalt i perioden",
    "cand.effect.wish_for": "ønsket denne vakten",
    "cand.effect.wish_against": "mot et ønske (fri eller ikke denne vakten)",
    "cand.reject.works_that_day": "arbeider allerede den dagen",
    "cand.reject.away": "har ferie eller er borte den dagen",
    "cand.reject.skill": "mangler en kompetanse vakten krever",
    "cand.reject.rules": "ville brutt {rules}",
    "cand.taken.planned": "planlagt",
    "cand.taken.overtime_tail": "planlagt, siste timer overtid",
    "cand.taken.overtime": "overtid",
    "cand.headline": "Hvem kan ta {shift} {day} ({start}-{end}){absent}: {n} av {total} "
                     "ansatte",
    "cand.headline_absent": " i stedet for {employee}",
    "cand.skills": "Kompetanse som trengs: {skills}",
    "cand.none": "Ingen kan ta denne vakten uten å bryte en regel.",
    "cand.rejected_title": "Ikke mulig",
    "cand.col.rank": "#",
    "cand.col.employee": "Ansatt",
    "cand.col.name": "Navn",
    "cand.col.taken_as": "Arbeides som",
    "cand.col.cost": "Kostnad",
    "cand.col.effects": "Hva det fører til",
    "cand.col.reason": "Hvorfor ikke",
    "cand.not_rostered": "{employee} har ikke {shift} {day} i den publiserte turnusen "
                         "(cellen har {has})",
    "cand.unknown_employee": "--employee {employee} finnes ikke i arket Employees",
    "cand.unknown_shift": "--shift {shift} finnes ikke i arket Shifts (kjente: {known})",
    "cand.day_outside": "--date {day} er utenfor perioden {start} til {end}",
    "cand.off": "en fridag",
})

MESSAGES.update({  # roster staffing: sentences with their reasons (issue 15)
    "staffing.because": "{h}: {why}",
    "staffing.then": "{h}; {then}",
})
# Each rule's short title, as a person reads it (constraints/registry.py; issue 15).
# The rule id stays as it is; tests/domain/test_rule_titles.py keeps the list whole.
MESSAGES.update({
    "rule.AML-10-4-1-daily-normal": "Alminnelig arbeidstid per døgn",
    "rule.AML-10-4-1-weekly-normal": "Alminnelig arbeidstid per uke",
    "rule.AML-10-4-4-weekly-38": "38 timers uke ved søndags-, natt- og turnusarbeid",
    "rule.AML-10-4-5-weekly-36": "36 timers uke ved helkontinuerlig turnus",
    "rule.AML-10-4-6-three-shift": "Kortere uke ved tredelt skift- og turnusarbeid",
    "rule.AML-10-4-2-passive": "Passivt arbeid",
    "rule.AML-10-4-3-standby": "Hjemmevakt",
    "rule.AML-10-5-1-avg-individual": "Gjennomsnittsberegning etter individuell avtale",
    "rule.AML-10-5-2-avg-tariff": "Gjennomsnittsberegning etter avtale med tillitsvalgte",
    "rule.AML-10-5-3-avg-labour-inspection":
        "Gjennomsnittsberegning med samtykke fra Arbeidstilsynet",
    "rule.AML-10-6-4-ot-7d": "Overtid per 7 dager",
    "rule.AML-10-6-4-ot-4w": "Overtid per 4 uker",
    "rule.AML-10-6-4-ot-52w": "Overtid per 52 uker",
    "rule.AML-10-6-7-consent": "Samtykke til overtid utover grensene",
    "rule.AML-10-6-8-total-24h": "Samlet arbeidstid per 24 timer",
    "rule.AML-10-6-8-total-7d": "Samlet arbeidstid per 7 dager i gjennomsnitt",
    "rule.AML-10-6-8-total-max-week": "Samlet arbeidstid i én uke",
    "rule.AML-10-6-10-excuse": "Fritak fra overtid",
    "rule.AML-10-9-2-ot-break": "Pause ved overtid",
    "rule.AML-10-8-1-daily-rest": "Daglig arbeidsfri",
    "rule.AML-10-8-2-weekly-rest": "Ukentlig arbeidsfri",
    "rule.AML-10-8-4-sunday-in-rest": "Søn- eller helgedag i ukefritiden",
    "rule.AML-10-8-4-next-sunday-off": "Fri neste søn- eller helgedag etter søndagsarbeid",
    "rule.AML-10-9-1-break-required": "Pause etter 5,5 timer",
    "rule.AML-10-9-1-break-30": "Halvtimes pause fra 8 timer",
    "rule.AML-10-10-2-permitted": "Når søn- og helgedagsarbeid er tillatt",
    "rule.AML-10-11-2-permitted": "Når nattarbeid er tillatt",
    "rule.AML-10-2-night-exempt": "Fritak fra nattarbeid",
    "rule.AML-10-11-6-night-avg": "Fast nattarbeid: 8 timer i gjennomsnitt",
    "rule.AML-10-11-7-night-risk": "Risikofylt eller belastende nattarbeid: 8 timer",
    "rule.AML-10-12-1-senior": "Ledende eller særlig uavhengig stilling",
    "rule.AML-10-12-4-union": "Avtale med fagforening med innstillingsrett",
    "rule.AML-10-12-6-7-inspectorate": "Samtykke fra Arbeidstilsynet",
    "rule.AML-11-2-youth-hours": "Under 18 år: arbeidstid",
    "rule.AML-11-3-youth-night": "Under 18 år: ikke nattarbeid",
    "rule.AML-11-5-youth-daily-rest": "Under 18 år: daglig arbeidsfri",
    "rule.AML-11-5-youth-weekly-rest": "Under 18 år: ukentlig arbeidsfri",
    "rule.AML-11-5-1-youth-break": "Under 18 år: pause",
    "rule.AML-11-youth-overtime": "Under 18 år: ikke overtid",
    "rule.TAR-week-355": "Turnusuke på høyst 35,5 timer",
    "rule.TAR-week-336": "Tredelt turnusuke på 33,6 til 35,5 timer",
    "rule.TAR-daily-125": "Vakter på høyst 12,5 timer",
    "rule.TAR-weekend-freq": "Høyst hver tredje helg",
    "rule.TAR-f1-weekly-rest-marking": "En F1-ukefridag hver uke",
    "rule.TAR-f3-not-red-day": "F3 på søn- eller helgedag",
    "rule.CONTRACT-max-shifts": "Flest vakter av en vakttype",
    "rule.CONTRACT-max-total-minutes": "Mest arbeidstid i perioden",
    "rule.CONTRACT-min-total-minutes": "Minst arbeidstid i perioden",
    "rule.CONTRACT-max-consecutive-shifts": "Flest arbeidsdager på rad",
    "rule.CONTRACT-min-consecutive-shifts": "Færrest arbeidsdager på rad",
    "rule.CONTRACT-min-consecutive-days-off": "Færrest fridager på rad",
    "rule.CONTRACT-max-weekends": "Flest arbeidshelger",
    "rule.CONTRACT-forbidden-succession": "Forbudte vaktrekkefølger",
    "rule.REQ-unavailable": "Ikke arbeid under fravær",
    "rule.FIXED-assignment": "Faste vakter",
})
MESSAGES.update({  # fixed shifts that conflict with no rule (issue 15)
    "conflict.fixed_only": "{employee}: de faste vaktene ({pins}) kan ikke alle holdes.",
})
MESSAGES["report.col_title"] = "Navn"  # a rule's title in the check report's summary (issue 15)
MESSAGES.update({  # the command line's last words, in the language known then (issue 15)
    "cli.interrupted_loading": "Avbrutt før noe ble gjort; ingenting ble skrevet.",
    "cli.interrupted": "Avbrutt (Ctrl-C). Eventuelle utdatafiler ble latt være som de var.",
    "cli.internal_error": "Intern feil (en feil i aml-roster, ikke i dine data): {error}. "
                          "Eventuelle utdatafiler ble latt være som de var. Meld fra om feilen med "
                          "kommandoen og inndataene; ROSTER_DEBUG=1 viser detaljene.",
})
MESSAGES.update({  # the check's mode as people read it (issue 15); the JSON keeps its value
    "report.mode_fixed": "faste vinduer",
    "report.mode_strict": "streng",
})
# A paragraph written in words, as people read it (the JSON keeps the spec's text);
# the rules whose paragraph is a § alone need none (issue 15).
MESSAGES.update({
    "paragraph.AML-11-youth-overtime": "kap. 11",
    "paragraph.TAR-daily-125": "NSF (§ 10-5 (2) lokal avtale)",
    "paragraph.TAR-weekend-freq": "Spekter-sykehus (praksis)",
    "paragraph.TAR-f1-weekly-rest-marking": "§ 10-8 (2) (tariffmerking)",
    "paragraph.TAR-f3-not-red-day": "§ 10-8 (4) (tariffmerking)",
    "paragraph.CONTRACT-max-shifts": "kontrakt",
    "paragraph.CONTRACT-max-total-minutes": "kontrakt",
    "paragraph.CONTRACT-min-total-minutes": "kontrakt",
    "paragraph.CONTRACT-max-consecutive-shifts": "kontrakt",
    "paragraph.CONTRACT-min-consecutive-shifts": "kontrakt",
    "paragraph.CONTRACT-min-consecutive-days-off": "kontrakt",
    "paragraph.CONTRACT-max-weekends": "kontrakt",
    "paragraph.CONTRACT-forbidden-succession": "kontrakt",
})
MESSAGES.update({  # roster solve: the checker found hard violations in a solved roster (a bug)
    "solve.loud.head": "ADVARSEL: kontrollen fant brudd på absolutte regler i løserens turnus.\n"
                       "Dette er en feil i aml-roster: IKKE publiser denne turnusen.",
    "solve.loud.line": "  - {rule} {paragraph} ansatt {employee}: {message}",
    "solve.loud.more": "  … og {n} til",
    "solve.loud.written": "Turnusen ble skrevet til {path} for ettersyn (arket Brudd).",
})
MESSAGES.update({  # roster replan (issue 20)
    "sheet.summary.tier.change": "endringer",
    "sheet.name.Changes": "Endringer",
    "replan.input.suffix":
        "endringsfilen må være .xlsx eller .csv (fant {suffix})",
    "replan.input.not_utf8": "CSV-filen er ikke UTF-8-tekst; lagre den som CSV UTF-8",
    "replan.input.no_kind_column":
        "arket Endringer trenger en kolonne 'Type': syk, permisjon, kurs, bemanning, fast "
        "eller nå",
    "replan.input.missing": "{column} mangler",
    "replan.input.unknown_employee": "ukjent ansatt {employee!r} (ikke i arket Ansatte)",
    "replan.input.outside": "datoen {day} er utenfor perioden {start} til {end}",
    "replan.input.unknown_shift": "ukjent vaktkode {code!r} (kjente: {known})",
    "replan.input.unknown_skill": "ukjent kompetanse {skill!r} (ingen ansatt har den)",
    "replan.input.unknown_kind":
        "ukjent type {kind!r}: skriv syk, permisjon, kurs (fravær), bemanning, fast eller nå",
    "replan.input.two_nows": "en rad 'nå' til (den første er {first}); gi ett tidspunkt",
    "replan.input.bad_now":
        "--now: ventet dato og klokkeslett som 2026-04-10T12:00, fant {text!r}",
    "replan.input.outside_now":
        "nå ({now}) er etter perioden {start} til {end}: ingenting er igjen å omplanlegge",
    "replan.input.published_employee":
        "ansatt {employee!r} i den publiserte turnusen finnes ikke i planleggingsarbeidsboken",
    "replan.input.no_published":
        "den publiserte turnusen har ingen vakter fra planleggingsarbeidsboken",
    "replan.clash.started":
        "{employee} {day}: den publiserte vakten {shift} har alt begynt (før nå); en fast vakt "
        "kan ikke endre den",
    "replan.clash.past":
        "{employee} {day}: {shift} ville begynne før nå; en fast vakt kan ikke legges i "
        "fortiden",
    "replan.sheet.employee": "Ansatt",
    "replan.sheet.name": "Navn",
    "replan.sheet.date": "Dato",
    "replan.sheet.old": "Publisert",
    "replan.sheet.new": "Ny",
    "replan.sheet.kind": "Endring",
    "replan.sheet.effective": "Gjelder fra",
    "replan.sheet.notice": "Innenfor 14-dagersfristen (§ 10-3)",
    "replan.sheet.note": "Merknad",
    "replan.sheet.off": "fri",
    "replan.sheet.yes": "ja",
    "replan.sheet.no": "nei",
    "replan.sheet.kind.added": "fri -> vakt",
    "replan.sheet.kind.removed": "vakt -> fri",
    "replan.sheet.kind.changed": "annen vakt",
    "replan.sheet.within_note":
        "innenfor fristen i § 10-3 (AML-10-3-plan): krever den ansattes samtykke eller en "
        "grunn loven godtar",
    "replan.sheet.absent_note": "fravær ({kind})",
    "replan.sheet.none": "Ingen celle er endret: den publiserte turnusen står.",
    "replan.sheet.title":
        "Endringer i den publiserte turnusen, omplanlagt {now}: {changed} celler, {employees} "
        "ansatte",
    "replan.cell_comment": "Endret ved omplanlegging; publisert: {old}",
    "replan.absence.sick": "syk",
    "replan.absence.leave": "permisjon",
    "replan.absence.course": "kurs",
    "replan.summary":
        "{changed} celler endret ({within} innenfor 14-dagersfristen i § 10-3), {employees} "
        "ansatte berørt; fraværet tok {lost} publiserte vakter",
    "replan.written": "Skrevet: {path}",
    "replan.no_roster": "Ingen turnus: {status}.",
    "replan.now_from_clock": "nå: {now} (klokken; gi --now eller en rad 'nå' for å låse den)",
})
MESSAGES.update({  # roster replan: what of the published roster was not used (issue 20)
    "replan.published_not_read": "--published: ikke lest: {what}",
    "replan.published_period_left_out":
        "{employee} {start}-{end}: ikke en vakt fra arket Vakter ved sin starttid; utelatt fra "
        "den publiserte turnusen",
})
MESSAGES["replan.cell_absence"] = "{kind}: {start} til {end} ({ref}); ingen vakt planlagt"
MESSAGES["replan.own_sheet_not_read"] = (
    "arket {sheet!r} i WORKBOOK (endringene er dem i --changes)")
MESSAGES.update({  # what-if budgets: a scenario still above its target gap (issue 17)
    "whatif.budget.short":
        "gap {gap:.1f} % > mål {target:.1f} % etter {seconds:.0f} s søk: gi en lengre --time-limit for å sammenligne det like godt bevist som "
        "grunnlaget",
    "whatif.cli.short_of_target": "Over målgapet i {line}",
})
