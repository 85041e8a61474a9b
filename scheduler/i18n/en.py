"""English messages (the default). Keys are grouped by where the text appears.

Keep every key in :mod:`scheduler.i18n.nb` too, with the same placeholders.
"""

from __future__ import annotations

from scheduler.workbook import sheets as _sheets

_FINDINGS: dict[str, str] = {
    # --- shared sentence parts --------------------------------------------------------------
    "term.work_period": "work period",
    "term.24h_window": "24 h window",
    "term.rolling_24h_window": "rolling 24 h window",
    "term.7_day_window": "7-day window",
    "term.rolling_7_day_window": "rolling 7-day window",
    "term.n_week_block": "{weeks}-week block",
    "term.rolling_n_week_window": "rolling {weeks}-week window",
    "term.n_week_averaging_block": "{weeks}-week averaging block",
    "term.kind.planned": "planned",
    "term.kind.overtime": "overtime",
    "term.kind.extra": "extra",
    "weekday.0": "Monday",
    "weekday.1": "Tuesday",
    "weekday.2": "Wednesday",
    "weekday.3": "Thursday",
    "weekday.4": "Friday",
    "weekday.5": "Saturday",
    "weekday.6": "Sunday",
    "severity.violation": "violation",
    "severity.warning": "warning",
    "checker.strict_note":
        " (Found only by the strict rolling-window check: a warning, not a violation.)",
    # --- § 10-4 / § 10-5 normal hours and averaging -----------------------------------------
    "hours.daily_normal":
        "{emp} has {hours:.2f} planned hours in the {what} {span}; the limit in force "
        "({tier}) is {limit:g} h.",
    "hours.weekly_normal":
        "{emp} has {hours:.2f} planned hours in the {what} {span}; the weekly limit in force "
        "is {limit:g} h.",
    "hours.avg_limit":
        "{emp} averages {avg:.2f} planned hours per week over the {what} {span} under a {tier} "
        "averaging agreement; the limit is {limit:g} h per week on average.{tail}",
    "hours.avg_limit_tail":
        " The block runs past the horizon; the hours already planned exceed the {weeks}-week "
        "total of {total:g} h.",
    "avg.over":
        "{emp} averages {avg:.2f} planned hours per week over the {what} {span} ({tier}); the "
        "average must stay within {limit:g} h per week.{tail}",
    "avg.over_tail":
        " The hours known so far ({known:.2f} h) already exceed the block's total of {total:g} h.",
    # --- § 10-6 overtime and total working time ---------------------------------------------
    "ot.cap": "{emp} has {hours:.2f} h overtime in the {what} {span}; the cap in force is "
              "{limit:g} h.",
    "ot.consent":
        "{emp} has {hours:.2f} h overtime in the {what} {span}, above the {cap:g} h of § 10-6 (4), "
        "without having agreed to it (overtime_consent is not set).",
    "ot.total_24h":
        "{emp} works {hours:.2f} h in total (normal, extra and overtime) in the {what} {span}; "
        "the limit in force is {limit:g} h.",
    "ot.total_7d":
        "{emp} averages {avg:.2f} h total working time per week over the {what} {span}; the limit "
        "is {limit:g} h per week on average.{tail}",
    "ot.total_7d_tail":
        " The block runs past the horizon; the {known:.2f} h known so far already exceed "
        "{total:g} h.",
    "ot.total_max_week":
        "{emp} works {hours:.2f} h in total in the {what} {span}; no single week may exceed "
        "{limit:g} h.",
    "ot.excuse":
        "{emp} is excused from overtime and extra hours but has {kind} hours {span}.",
    # --- § 10-8 rest ---------------------------------------------------------------------------
    "rest.daily_short":
        "Only {longest} continuous rest in the 24 h from {start}: {where}; at least {required} "
        "required.",
    "rest.daily_where_none": "no off-duty time at all",
    "rest.daily_where":
        "longest off-duty stretch {start} – {end}{whole}",
    "rest.daily_where_whole":
        " (the whole rest between the main work periods, {start} – {end}, is {length})",
    "rest.compensation":
        "Rest shortened to {rest} ({gap_start} – {gap_end}) under an agreement in force needs "
        "{shortfall} compensatory rest right after the following work period; the rest from "
        "{start} is {measured}, {need} expected.",
    "rest.weekly_short":
        "Longest continuous rest in the {kind} from {start} is {measured} ({where}; rest across "
        "the week boundary {reading}); at least {required} required.",
    "rest.weekly_kind_week": "7-day week",
    "rest.weekly_kind_rolling": "rolling 7 days",
    "rest.weekly_where_none": "no off-duty time",
    "rest.weekly_where": "longest {start} – {end}",
    "rest.weekly_reading_clip": "counted inside the week",
    "rest.weekly_reading_overlap": "counted in full",
    "rest.sunday_in_rest":
        "No weekly rest of at least {required} in the week from {start} includes a whole "
        "Sunday/holiday ({names}); § 10-8 (4) asks for it as far as possible.",
    "rest.next_sunday":
        "Works {day} after working {prev}: {run} Sunday/holiday days in a row, at most {allowed} "
        "allowed.{note}",
    "rest.next_sunday_eve_note":
        " Work in the eve part of a holiday's window is counted for that holiday (open question "
        "17), so this is a warning.",
    "rest.next_sunday_average":
        "Works {worked} of {total} Sundays/holidays in the horizon; an agreement allowing several "
        "in a row still requires every other one off on average (§ 10-8 (4)).",
    # --- § 10-9 breaks ---------------------------------------------------------------------------
    "breaks.none":
        "{emp} works {hours:.2f} h without a break in the work period {span}; more than 5.5 h "
        "needs a break.",
    "breaks.not_recorded":
        "Breaks were not recorded for {count} work period(s); breaks (§ 10-9 (1)) were not "
        "checked for those.",
    "breaks.short":
        "{emp} works {hours:.2f} h in the work period {span} with {brk} minutes of break; 8 h or "
        "more needs at least {need} minutes.",
    # --- § 10-10 Sunday/holiday work -----------------------------------------------------------
    "sunday.not_permitted":
        "{hours:.2f} h worked in the Sunday/holiday window {label} ({start} – {end}); the site "
        "records that the nature of the work does not require Sunday/holiday work and no "
        "§ 10-10 agreement is in force.",
    "sunday.unknown":
        "Sunday/holiday work found ({count} employee-windows) but not judged: the input does not "
        "record whether the nature of the work requires it (sunday_work_permitted_by_nature).",
    # --- § 10-11 night work, § 10-2 -------------------------------------------------------------
    "night.not_permitted":
        "{hours:.2f} h of night work in the night from {start}; the site records that the nature "
        "of the work does not require night work and no § 10-11 (4) agreement is in force.",
    "night.unknown":
        "Night work found ({count} employee-nights) but not judged: the input does not record "
        "whether the nature of the work requires it (night_work_permitted_by_nature).",
    "night.exempt":
        "{hours:.2f} h of night work in the night from {start}, but the employee is excused from "
        "night work (§ 10-2).",
    "night.avg":
        "Regular night worker ({n_night} of {n_periods} work periods with more than 3 h at "
        "night): {normal:.2f} normal hours from {start} to {end} average {avg:.2f} h per 24 h "
        "with the weekly rest left out, above {cap:g} h (at most {limit:.2f} h){part}.",
    "night.avg_partial":
        " (only part of this 4-week block is in the horizon: limit scaled pro rata, reported as "
        "a warning)",
    "night.risk":
        "{hours:.2f} h worked in {what} ({start} – {end}) by an employee in risky or straining "
        "night work with more than 3 h at night; at most {cap:g} h per 24 h.",
    "night.risk_period": "this work period",
    "night.risk_day": "the day {label}",
    "night.risk_rolling": "a rolling 24 h",
    # --- chapter 11 youth ------------------------------------------------------------------------
    "youth.group.child": "child",
    "youth.group.teen": "teen",
    "youth.day_hours":
        "{emp} (under 18) works {hours:.2f} h in the {what} {span}; at most {limit:g} h per day.",
    "youth.week_hours":
        "{emp} (under 18) works {hours:.2f} h in the {what} {span}; at most {limit:g} h per week.",
    "youth.night_work":
        "{emp} (under 18, {group}) works {hours:.2f} h in the night {span}; no work is allowed "
        "then.",
    "youth.night_off":
        "{emp} (under 18) has only {hours:.2f} h off around the night {span}; at least 8 h off "
        "including 23:00–06:00.",
    "youth.late_evening":
        "{emp} (under 18) works {hours:.2f} h at {span}; 21:00–23:00 is night work for "
        "under-18s, and the site states that the nature of the work does not require night work.",
    "youth.daily_rest":
        "{emp} (under 18) has at most {hours:.2f} h continuous rest in the 24 h {span}; at least "
        "{need:g} h required.",
    "youth.weekly_rest":
        "{emp} (under 18) has at most {hours:.2f} h continuous rest in {what} {span}; at least "
        "{need:g} h required.",
    "youth.weekly_rest_rolling": "the 7 days",
    "youth.weekly_rest_window": "the 7-day window",
    "youth.break":
        "{emp} (under 18) works {hours:.2f} h in the work period {span} with {brk} minutes of "
        "break; more than 4.5 h needs at least {need} minutes.",
    # --- TAR-* tariff profile --------------------------------------------------------------------
    "tar.week_336":
        "Three-shift rota: {avg:.2f} normal hours per week on average ({sunday:.2f} h "
        "Sunday/holiday at 1 h 10 min, {night:.2f} h night at 1 h 15 min) exceed the reduced "
        "week of {limit:.2f} h (37.5 × {normal:.2f} / {weighted:.2f}, within 33.6–35.5).",
    "tar.week_355":
        "Rota work (every third Sunday or work between 20:00 and 06:00): {avg:.2f} normal hours "
        "per week on average exceed {limit:g} h.",
    "tar.daily_125":
        "Work period {start} – {end} is {hours:.2f} h; shifts over 12.5 h need central union "
        "approval (§ 10-12 (4)).",
    "tar.weekend_freq":
        "Works the weekend of {label} and also the weekend of {prev}: weekend work more often "
        "than one weekend in {every} (hospital norm).",
    # --- turnus day-off codes ----------------------------------------------------------------------
    "turnus.f1_none":
        "No F1 (weekly day off) in the week from {start}; a plan marked with F-codes gives "
        "every week one F1 that carries the weekly rest.",
    "turnus.f1_many":
        "{count} days marked F1 in the week from {start} ({days}); one F1 per week carries the "
        "weekly rest.",
    "turnus.f1_rest_short":
        "The rest around the weekly day off F1 on {day} is only {measured} ({start} – {end}); "
        "the weekly rest of § 10-8 (2) that F1 stands for needs at least {required}.",
    "turnus.f3_not_red_day":
        "F3 (Sunday/holiday off) on {day}, a {weekday} that is not a public holiday; F3 marks a "
        "Sunday or holiday kept off under § 10-8 (4).",
    # --- contract rules (not AML) -------------------------------------------------------------------
    "contract.max_shifts": "{n} {code} shifts, at most {limit} allowed",
    "contract.total_more": "{minutes} minutes worked, more than the contract's {limit}",
    "contract.total_fewer": "{minutes} minutes worked, fewer than the contract's {limit}",
    "contract.max_consecutive": "{n} working days in a row",
    "contract.min_working_days": "only {n} working days in a row",
    "contract.min_days_off": "only {n} days off in a row",
    "contract.max_weekends": "{n} weekends worked, at most {limit}",
    "contract.succession": "{code} followed by {next} the next day is not allowed",
    # --- units (display only; the JSON keeps the English unit) ------------------------------------
    "unit.hours": "hours",
    "unit.minutes": "minutes",
    "unit.minutes_of_break": "minutes of break",
    "unit.red_days": "red days",
    "unit.red_days_in_a_row": "red days in a row",
    "unit.red_days_in_the_weekly_rest": "red days in the weekly rest",
    "unit.weekends_apart": "weekends apart",
    "unit.weekends": "weekends",
    "unit.shifts": "shifts",
    "unit.days": "days",
    "unit.F1_marks": "F1 marks",
    "unit.hours_per_week_avg": "hours per week ({weeks}-week average)",
}

_DAYOFF: dict[str, str] = {
    "dayoff.F1": "Weekly day off (ukefridag): carries the weekly rest of AML § 10-8 (2), at "
                 "least 35 h (28 h where agreed); one per week",
    "dayoff.F2": "Extra day off (ekstra ukefridag) of an average five-day week, next to F1 "
                 "where possible",
    "dayoff.F3": "Sunday/holiday off (helgedagsfri) after Sunday/holiday work, AML § 10-8 (4)",
    "dayoff.F4": "Time off in lieu of holiday compensation (godtgjøringsfri, tariff)",
    "dayoff.F5": "Replacement day off (erstatningsfridag) when F1 falls on a holiday between "
                 "two Sundays (tariff)",
    "dayoff.FE": "Vacation (ferie)",
    "dayoff.blank": "Other days off",
}

_SHEETS: dict[str, str] = {
    "sheet.name.Roster": "Roster",
    "sheet.name.Coverage": "Coverage",
    "sheet.name.Hours": "Hours",
    "sheet.name.Violations": "Violations",
    "sheet.name.Summary": "Summary",
    "sheet.solved_suffix": " (solved)",
    "sheet.solved_suffix_n": " (solved {n})",
    # Roster
    "sheet.roster.employee": "Employee",
    "sheet.roster.name": "Name",
    "sheet.roster.shifts": "Shifts",
    "sheet.roster.hours": "Hours",
    "sheet.roster.contract": "Contract",
    "sheet.roster.deviation": "Deviation",
    "sheet.roster.holiday_comment": "Public holiday: {name}",
    "sheet.legend.title": "Legend",
    "sheet.legend.shift": "Shift",
    "sheet.legend.name": "Name",
    "sheet.legend.start": "Start",
    "sheet.legend.end": "End",
    "sheet.legend.hours": "Hours",
    "sheet.legend.weekend": "Weekend",
    "sheet.legend.holiday": "Public holiday",
    "sheet.legend.colours":
        "Each shift type has its own fill colour (the table above); weekends and public "
        "holidays are shaded.",
    "sheet.legend.codes": "Day-off codes",
    "sheet.legend.code": "Code",
    "sheet.legend.meaning": "Meaning",
    # Coverage
    "sheet.coverage.date": "Date",
    "sheet.coverage.weekday": "Weekday",
    "sheet.coverage.shift": "Shift",
    "sheet.coverage.skill": "Skill",
    "sheet.coverage.required": "Required",
    "sheet.coverage.target": "Target",
    "sheet.coverage.planned": "Planned",
    "sheet.coverage.shortfall": "Shortfall",
    "sheet.coverage.any_skill": "(any)",
    "sheet.coverage.no_demand": "The input has no demand rows: nothing to cover.",
    "sheet.coverage.chart_title": "Required vs planned person-shifts per day",
    "sheet.coverage.chart_y": "Person-shifts",
    "sheet.coverage.chart_x": "Date",
    "weekday_short.0": "Mon",
    "weekday_short.1": "Tue",
    "weekday_short.2": "Wed",
    "weekday_short.3": "Thu",
    "weekday_short.4": "Fri",
    "weekday_short.5": "Sat",
    "weekday_short.6": "Sun",
    # Hours
    "sheet.hours.employee": "Employee",
    "sheet.hours.name": "Name",
    "sheet.hours.week_start": "Week starting",
    "sheet.hours.days": "Days in horizon",
    "sheet.hours.hours": "Hours",
    "sheet.hours.contract": "Contract",
    "sheet.hours.deviation": "Deviation",
    "sheet.hours.extra": "Extra",
    "sheet.hours.overtime": "Overtime",
    "sheet.hours.night": "Night hours",
    "sheet.hours.sunday": "Sunday/holiday hours",
    # Findings (the Violations sheet of roster solve and the report of roster check)
    "findings.severity": "Severity",
    "findings.rule": "Rule",
    "findings.paragraph": "Paragraph",
    "findings.employee": "Employee",
    "findings.window_start": "Window start",
    "findings.window_end": "Window end",
    "findings.measured": "Measured",
    "findings.limit": "Limit",
    "findings.unit": "Unit",
    "findings.allowed_by": "Allowed by",
    "findings.message": "Message",
    "findings.none": "none",
    "findings.nothing": "The checker found nothing to report on this roster.",
    # Summary
    "sheet.summary.item": "Item",
    "sheet.summary.value": "Value",
    "sheet.summary.horizon_start": "Horizon start",
    "sheet.summary.horizon_end": "Horizon end",
    "sheet.summary.status": "Status",
    "sheet.summary.stopped": " (stopped by the planner)",
    "sheet.summary.objective": "Objective",
    "sheet.summary.objective_tier": "Objective: {tier}",
    "sheet.summary.best_bound": "Best bound",
    "sheet.summary.gap": "Gap %",
    "sheet.summary.wall_time": "Wall time (s)",
    "sheet.summary.first_solution": "First solution after (s)",
    "sheet.summary.time_limit": "Time limit (s)",
    "sheet.summary.seed": "Seed",
    "sheet.summary.workers": "Workers",
    "sheet.summary.coverage": "Coverage %",
    "sheet.summary.shortfall": "Shortfall (person-shifts below minimum)",
    "sheet.summary.violations": "Hard violations found by the checker",
    "sheet.summary.warnings": "Warnings found by the checker",
    "sheet.summary.ruleset": "Rule-set version",
    "sheet.summary.version": "aml-roster version",
    "sheet.summary.sha": "Input SHA-256",
    "sheet.summary.written_at": "Written at",
    "sheet.summary.site": "Site",
    "sheet.summary.input_file": "Input file",
    "sheet.summary.conflicts": "Contradicting hard requirements",
    "sheet.summary.conflict_rule": "Rule",
    "sheet.summary.conflict_employee": "Employee",
    "sheet.summary.conflict_days": "Days",
    "sheet.summary.conflict_explanation": "Explanation",
}

_REPORT: dict[str, str] = {
    "report.no_findings":
        "{where}no findings — the roster keeps every rule checked (mode {mode}).",
    "report.headline": "{where}{violations} and {warnings}{who} (mode {mode}, rules {version}).",
    "report.violations_one": "{n} violation",
    "report.violations_many": "{n} violations",
    "report.warnings_one": "{n} warning",
    "report.warnings_many": "{n} warnings",
    "report.who_one": " for {n} employee",
    "report.who_many": " for {n} employees",
    "report.group": "{emp} — {v} violation(s), {w} warning(s)",
    "report.all_employees": "(all employees)",
    "report.allowed_by": "allowed by {tier}",
    "report.measure": "{measured} vs limit {limit}{unit}",
    "report.measure_limit": "limit {limit}{unit}",
    "report.summary": "Summary (rule: count):",
    "report.col_window": "Window",
    "report.col_count": "Count",
    "report.summary_title": "Summary",
    "report.sheet_findings": "Findings",
    "report.sheet_roster": "Roster",
    "report.sheet_check": "Check",
    "report.input_file": "Input file",
    "report.sha": "Input SHA-256",
    "report.ruleset": "Rule-set version",
    "report.mode": "Mode",
    "report.horizon_start": "Horizon start",
    "report.horizon_end": "Horizon end",
    "report.violations": "Violations",
    "report.warnings": "Warnings",
    "report.written": "Report written to {path}",
}

_SOLVE: dict[str, str] = {
    "solve.gap": ", gap {gap:.2f} %",
    "solve.stopped": " (stopped early by Ctrl-C)",
    "solve.line_status":
        "Status:     {status}{stopped}{gap}, {seconds:.1f} s, seed {seed}, {workers} worker(s)",
    "solve.line_coverage": "Coverage:   {pct:.1f} % of required person-shifts planned",
    "solve.line_shortfalls": "Shortfalls: {text}",
    "solve.line_hours": "Hours vs contract: {text}",
    "solve.line_checker": "Checker:    {v} violation(s), {w} warning(s)",
    "solve.line_written": "Written:    {path}",
    "solve.no_employees": "no employees",
    "solve.hours_spread":
        "{lo:+.1f} h ({lo_emp}) to {hi:+.1f} h ({hi_emp}), mean |deviation| {mean:.1f} h",
    "solve.none": "none",
    "solve.slot": "{day} {shift}: {planned} of {required}",
    "solve.more": "; … {n} more (see the {sheet} sheet)",
    "solve.shortfalls": "{missing} person-shift(s) missing in {slots} slot(s): {shown}{more}",
}


def _template_help() -> dict[str, str]:
    """The English help of every template column and key, from the sheet tables themselves."""
    out: dict[str, str] = {}
    for spec in _sheets.SHEETS:
        for col in spec.columns:
            out[f"template.col.{spec.key}.{col.field}"] = col.help
    for key in _sheets.SETTING_KEYS:
        out[f"template.key.settings.{key.key}"] = key.help
    for key in _sheets.WEIGHT_KEYS:
        out[f"template.key.weights.{key.key}"] = key.help
    return out


_TEMPLATE: dict[str, str] = {
    **_template_help(),
    "template.required": " (required)",
    "template.help_column": "help",
    "template.help_column_comment": "Explanation only; not read.",
    "template.choose_from_list": "Choose a value from the list.",
    "template.not_in_list": "Not in the list; check it.",
    "template.yes": "yes",
    "template.no": "no",
    "template.param.family": "family",
    "template.param.parameter": "parameter",
    "template.param.default": "default",
    "template.param.unit": "unit",
    "unit.weeks": "weeks",
    "unit.share": "share",
    "template.about": "\n".join([
        "aml-roster planning workbook",
        "",
        "Fill in the sheets, then run:  roster validate this.xlsx   and   roster solve this.xlsx",
        "The grey italic rows are examples: overwrite or delete them. Empty rows are skipped.",
        "Sheet and column names may be English or Norwegian, in any case; extra columns and "
        "sheets are ignored. Hover over a column header to see what it means.",
        "",
        "Settings: one setting per row. Give the month to plan (2026-04), or start and end dates.",
        "Shifts: one row per shift type (code, start, end, break). An end at or before the start "
        "means the shift ends the next day (22:00-08:00).",
        "Employees: one row per person, with position % (or weekly hours) and skills "
        "(comma-separated).",
        "Demand: how many staff each shift needs. Long layout: one row per day and shift, with "
        "min and optional target. Wide layout: first column the day, one column per shift code "
        "(or CODE:SKILL, e.g. D:RN) holding the minimum. A day is a date, or a weekday (Mon..Sun, "
        "man..søn) to repeat every week, or Holiday for public holidays. Dated rows override the "
        "weekday pattern.",
        "Requests: unavailable (hard), day_off, shift_wish or avoid_shift, for one date or "
        "from-to.",
        "Fixed: a shift fixed in advance, or OFF for a fixed day off.",
        "History: shifts worked just before the month (for rest and weekly limits) and, per "
        "employee, overtime hours so far this year and the last Sunday/holiday worked.",
        "Agreements: agreements that relax a rule (AML §§ 10-4 .. 10-11). scope is site or an "
        "employee id; rows with the same scope, family and tier form one agreement. The table "
        "below lists every parameter and what each tier may agree to.",
        "Contracts (optional): contract rules that are not law, per group of employees, over "
        "the whole horizon: most shifts per type (N=5|D=20), min/max hours, min/max working "
        "days in a row, min days off in a row, most weekends worked, forbidden shift pairs "
        "(N>D|E>D). An employee follows the contract named in the Employees contract column.",
        "Weights: how much the optimiser cares about each goal (whole numbers).",
        "",
        "Dates: 2026-04-01 or 01.04.2026. Times: 07:30 (also 7.30 or 0730). Yes/no: yes, no, ja, "
        "nei, x.",
        "Day-off codes (KS/Spekter practice) are never shift codes: F1 weekly day off (carries "
        "the 35 h weekly rest), F2 extra day off of a five-day week, F3 Sunday/holiday off after "
        "Sunday/holiday work, F4 time off in lieu of holiday compensation, F5 replacement day "
        "off, FE/Ferie vacation, OFF, - or blank. roster solve marks F1, F2 and F3 in the "
        "Roster sheet; roster check reads them.",
        "",
        "Norsk: arkene kan hete Innstillinger, Vakter, Ansatte, Bemanning, Ønsker, Faste, "
        "Historikk, Avtaler, Kontrakter og Vekter. Kolonnenavn kan være norske (Kode, Navn, Start, Slutt, "
        "Pause, Stilling %, Ferdigheter, Dato, Vakt, Ansatt ...). Ukedager: man..søn, Helligdag.",
    ]),
}

# Overtime and extra hours (scheduler.solver.overtime, scheduler.headroom): roster marks, the
# Headroom sheet and the Summary lines.
_OVERTIME: dict[str, str] = {
    "sheet.name.Headroom": "Headroom",
    "sheet.roster.ot_comment": "Overtime: {hours:.2f} h",
    "sheet.roster.extra_comment": "Extra hours (merarbeid): {hours:.2f} h",
    "sheet.legend.extra_time":
        "Bold red italic code with a comment: the shift carries overtime or extra hours",
    "sheet.headroom.employee": "Employee",
    "sheet.headroom.name": "Name",
    "sheet.headroom.cap": "Overtime cap",
    "sheet.headroom.window_start": "Window from",
    "sheet.headroom.window_end": "Window to",
    "sheet.headroom.limit": "Cap (h)",
    "sheet.headroom.used": "Overtime so far (h)",
    "sheet.headroom.remaining": "Remaining (h)",
    "sheet.headroom.note": "Note",
    "sheet.headroom.cap_7d": "7 days (§ 10-6 (4))",
    "sheet.headroom.cap_4w": "4 weeks (§ 10-6 (4))",
    "sheet.headroom.cap_52w": "52 weeks (§ 10-6 (4))",
    "sheet.headroom.cap_26w": "26 weeks (§ 10-6 (6))",
    "sheet.headroom.no_overtime":
        "may not be given overtime (excused, exempt under § 10-12 or under 18)",
    "sheet.headroom.consent_cap": "default cap: no consent to more (§ 10-6 (7))",
    "sheet.headroom.explain":
        "Overtime still allowed in the fixed window that holds the first moment after the "
        "horizon (history and the year-to-date figure included).",
    "sheet.summary.overtime_allowed": "Overtime allowed",
    "sheet.summary.overtime_hours": "Overtime hours",
    "sheet.summary.extra_hours": "Extra hours (merarbeid)",
    "sheet.summary.overtime_cost": "Overtime cost incl. premium",
    "sheet.summary.overtime_premium_cost": "Overtime premium cost ({pct:g} %)",
    "sheet.summary.extra_cost": "Extra hours cost",
    "solve.line_overtime": "Overtime:    {ot:.2f} h, extra hours {extra:.2f} h{cost}",
    "solve.overtime_cost": " (overtime cost {cost:.2f} incl. the premium)",
    "sheet.summary.cost_unknown": "unknown (hourly cost missing)",
    # issue 18: why the search ended, and whether the roster is reproducible
    "solve.line_search": "Search:     {reason}; {repro}",
    "search.optimal": "proven optimal",
    "search.infeasible": "proven infeasible",
    "search.work_limit": "ended by the work limit ({work:.2f} of {limit:g} units)",
    "search.wall_clock": "ended by the wall clock (time limit {seconds:g} s)",
    "search.interrupted": "stopped early by Ctrl-C",
    "search.reproducible":
        "reproducible: the same workbook with --seed {seed} --workers 1 --work-limit {limit:g} "
        "gives this roster again on any machine",
    "search.not_reproducible.wall_clock":
        "NOT reproducible: the wall clock ended the search before the work limit (give a "
        "longer --time-limit or a smaller --work-limit)",
    "search.not_reproducible.no_budget":
        "not reproducible: the wall clock was the limit (give --work-limit and --workers 1 for "
        "a reproducible roster)",
    "search.not_reproducible.workers":
        "not reproducible: {workers} workers share the search (use --workers 1)",
    "search.not_reproducible.interrupted": "not reproducible: the search was stopped by hand",
    "sheet.summary.work_limit": "Work limit (deterministic time units)",
    "sheet.summary.work": "Work used (deterministic time units)",
    "sheet.summary.stopped_by": "Search ended by",
    "sheet.summary.reproducible": "Reproducible",
}

# Issue 14: History attribution, demand feasibility, header suggestions, conflicts.
_PLANNER: dict[str, str] = {
    "checker.from_history":
        " History alone causes this: {emp} worked {worked} according to History; no roster "
        "for this period can change that.",
    "checker.from_history_figures":
        " History alone causes this (the History sheet's figures for {emp}); no roster for "
        "this period can change that.",
    "history.head": "Breaches History alone causes ({n}); the roster was planned around them:",
    "history.line":
        "  - History already breaks {paragraph} for {emp} ({rule}); no roster for this period "
        "can change that",
    "history.more": "  … and {n} more",
    "history.count": ", and {n} breach(es) History alone causes",
    "findings.source": "Source",
    "findings.source.roster": "Roster",
    "findings.source.history": "History",
    "feasibility.head": "Demand no one may legally work, and capacity ({n}):",
    "feasibility.unstaffable":
        "{what}: {n} person-shift(s) on {days} cannot be covered by anyone: {why}",
    "feasibility.reason": "{paragraph} ({rule}) for {n} qualified: {why}{remedy}",
    "feasibility.remedy": " (an agreement under {family} at tier {tier} would allow it)",
    "feasibility.no_skill": "nobody has the skill {skill}",
    "feasibility.capacity":
        "{skill}: {pct:.0f} % of available hours ({demanded:g} h minimum demand, {available:g} h "
        "contracted net of vacation and unavailability)",
    "feasibility.no_capacity": "{skill}: {hours:g} h minimum demand, but no available hours",
    "sheet.coverage.why": "Why uncovered",
    "feasibility.away": "{n} qualified away (unavailable in Requests)",
    "sheet.roster.absence_comment": "Unavailable (Requests) {start} to {end}: FE, no shift planned",
    "sheet.name.Wishes": "Wishes granted",
    "sheet.wishes.number": "Request no.",
    "sheet.wishes.employee": "Employee",
    "sheet.wishes.date": "Date",
    "sheet.wishes.kind": "Wish",
    "sheet.wishes.shift": "Shift",
    "sheet.wishes.weight": "Weight",
    "sheet.wishes.granted": "Granted",
    "sheet.wishes.reason": "Why not granted",
    "sheet.wishes.yes": "yes",
    "sheet.wishes.no": "no",
    "sheet.wishes.kind.day_off": "day off",
    "sheet.wishes.kind.shift_wish": "wants shift",
    "sheet.wishes.kind.avoid_shift": "avoid shift",
    "requests.reason.rule": "a rule forbids it: {detail}",
    "requests.reason.no_demand": "no demand for {detail} for this employee's skills",
    "requests.reason.conflict": "conflicts with the employee's other wish {detail}, granted",
    "requests.reason.cover": "needed for cover: {detail} has no one to spare",
    "requests.reason.tradeoff":
        "weighed against other goals (rest and weekly hours over several days, hours against "
        "contract, fairness, other wishes){detail}",
    "feasibility.after_solve":
        "no qualified employee left for it: {busy} work another shift that day, {full} are at "
        "their contracted hours plus the tolerance of {tol:g} shift(s) (extra hours need "
        "allow_overtime), {other} are held by rules across days (rest, weekly hours, days in a "
        "row) or by the trade-offs of the plan",
    "sheet.weekends.worked": "Weekends worked",
    "sheet.weekends.total": "Weekends",
}

MESSAGES: dict[str, str] = {
    **_FINDINGS, **_DAYOFF, **_SHEETS, **_REPORT, **_SOLVE, **_TEMPLATE, **_OVERTIME, **_PLANNER,
}


_TIERS: dict[str, str] = {
    "agreements.tier_power":
        "{paragraph}: {param} = {value} needs {needed}, not {tier} (rule {rule}; see "
        "docs/agreement-tiers.md)",
    "agreements.no_tier": "no agreement at any tier (only a stricter value may be stated)",
    "agreements.open_hint":
        "; {paragraph} is open (UNCONFIRMED): under the broad reading (Settings "
        "open_tier_powers = broad) this tier may",
    "agreements.t2_site":
        "T2_INDIVIDUAL is a written agreement with one employee: write the employee id in "
        "scope, one row per employee who signed (site is for agreements with the "
        "representatives, a union or Arbeidstilsynet)",
    "tiers.open_power":
        "{paragraph}: what a {tier} agreement may allow here is not confirmed (UNCONFIRMED in "
        "the rule specification); the {reading} reading is used: {values}",
    "tiers.reading.protective": "protective",
    "tiers.reading.broad": "broad",
}
MESSAGES.update(_TIERS)
# --- issue #16: reduced weeks, youth overtime, school days, unrecorded breaks ---------------------
_LAW16: dict[str, str] = {
    "reduced.weekly":
        "{emp} has {hours:.2f} planned hours in the {what} {span}; the weekly limit of "
        "{paragraph} is {limit:.2f} h because {reason}.",
    "reduced.cond.36_settings": "the unit's rota is fully continuous (Settings: continuous_rota)",
    "reduced.cond.36_test":
        "the plan meets the 24/7 rota test: {night:g} night hours (at least {night_min:g}) and "
        "{sunday:g} Sunday hours (at least {sunday_min:g}, pro rata)",
    "reduced.cond.38_settings": "the unit's rota is § 10-4 (4) (a)/(b) shift work (Settings: rota_10_4_4)",
    "reduced.cond.38_sundays": "(c) the employee works {worked} of {sundays} Sundays (every third or more)",
    "reduced.cond.38_night": "(d) {pct:g} % of the hours are night hours (at least 3/4)",
    "reduced.cond.6":
        "{cond}, and as rota work it is reduced in proportion to {night:g} of {night_min:g} night "
        "hours and {sunday:g} of {sunday_min:g} Sunday hours (UNCONFIRMED reading of § 10-4 (6))",
}
MESSAGES.update(_LAW16)
MESSAGES["youth.overtime"] = (
    "{emp} is under 18 and has {hours:.2f} hours of overtime {span}; overtime for under-18s is "
    "not allowed (protective reading, UNCONFIRMED).")
MESSAGES["ot.unrecorded_break"] = (
    "{emp}: {n} overtime finding(s) ({rules}) hold only because the § 10-9 (2) break of "
    "{minutes} min after 2 h of overtime is not recorded in {periods} work period(s) and is not "
    "presumed taken; ask for the break records (Settings presume_breaks or --presume-breaks "
    "presumes it).")
MESSAGES.update({
    "passive.over":
        "{emp} has {hours:.2f} planned hours in the {what} {span}; with passive time the limit is "
        "{limit:.2f} h ({base:g} h extended by {extra:.2f} h, half the passive time, § 10-4 (2)).",
    "standby.counted":
        "{emp} is on call from home in {n} period(s), {hours:.2f} h; {share} of it, {counted:.2f} "
        "h, counts as working time in every hour limit (§ 10-4 (3)); call-outs recorded as their "
        "own periods count in full.",
})
_COVERAGE: dict[str, str] = {
    "coverage.summary":
        "Read {rows} rows ({employees} employees); {periods} work periods checked, "
        "{start} to {end} ({source}).",
    "coverage.from_options": "from --start/--end",
    "coverage.from_settings": "from the Settings sheet",
    "coverage.from_roster": "the roster's own span",
    "coverage.above_header": "rows above the header row (titles), not roster data",
    "coverage.before_dates": "columns before the first date column (not days)",
    "coverage.rows_no_codes":
        "not read: these rows have no employee id or come after a blank row, and hold no "
        "shift or day-off code",
    "coverage.column_not_date":
        "not read: the column's header ({header}) is not a date, and no cell in it is a shift "
        "or day-off code",
    "coverage.solve_legend": "the legend roster solve writes (not roster data)",
    "coverage.solve_margin": "the totals roster solve writes (shifts, hours, contract, deviation)",
    "coverage.not_a_field":
        "columns that are not timesheet fields (employee, start, end, break_minutes, kind)",
    "coverage.row_no_fields": "not read: the row has no employee, start or end",
    "coverage.excluded_before":
        "{n} work period(s) of {emps} employee(s) from {first} to {last}, before the period "
        "checked ({start} to {end}): not checked, only carried in as history (--exclude-outside)",
    "coverage.excluded_after":
        "{n} work period(s) of {emps} employee(s) from {first} to {last}, after the period "
        "checked ({start} to {end}): not checked (--exclude-outside)",
    "coverage.no_header": "not read: cells right of the header row's last column (no field)",
    "coverage.days_not_in_grid":
        "days of the period checked that the grid has no date column for: not in the input, "
        "so not checked (taken as days off)",
    "report.not_full":
        "{where}NOT A FULL CHECK — nothing found in what was checked, but {n} part(s) of the "
        "input were not read or not checked (see Coverage) (mode {mode}).",
    "report.not_full_suffix":
        " NOT A FULL CHECK: {n} part(s) of the input were not read or not checked (see Coverage).",
    "report.coverage_title": "Coverage:",
    "report.coverage_gaps": "Not read or not checked:",
    "report.coverage_ignored": "Not roster data (ignored):",
    "report.coverage_complete": "Complete: every cell and row that can hold work was read and checked.",
    "report.coverage_label": "Coverage",
    "report.coverage_rows": "Rows read",
    "report.coverage_periods": "Work periods checked",
    "report.coverage_from": "Period checked from",
    "report.coverage_full": "Full check",
    "report.coverage_yes": "yes",
    "report.coverage_no": "NO",
}
MESSAGES.update(_COVERAGE)

# One deadline for the whole of `roster solve` (scheduler/app/pipeline.py)
MESSAGES.update({
    "solve.line_time": "Time:       read {read:.1f} s, build {build:.1f} s, search {search:.1f} s, "
                       "check {check:.1f} s, write {write:.1f} s; total {total:.1f} s of "
                       "--time-limit {limit:g} s",
    "solve.not_built": "No roster: the time limit of {limit:g} s ran out while the model was being "
                       "built (reading took {read:.1f} s, building stopped after {build:.1f} s); "
                       "nothing was written. Checking and writing a roster of this size take "
                       "about {reserve:.0f} s more: give a --time-limit well above {need:.0f} s.",
    "solve.no_time": "No roster: reading took {read:.1f} s of the time limit of {limit:g} s, "
                     "which leaves no time to build the model and still check and write a "
                     "roster of this size (about {reserve:.0f} s); nothing was written. Give a "
                     "--time-limit well above {need:.0f} s.",
    "solve.too_large": "{employees} employees × {days} days × {shifts} shift types is {cells} "
                       "roster cells; roster solve plans at most {most_cells} at once (a larger "
                       "model needs more memory than a solve may use). Plan at most {most_days} "
                       "days at a time (Settings start/end), or fewer employees at a time.",
})
