"""English messages (the default). Keys are grouped by where the text appears.

Keep every key in :mod:`scheduler.i18n.nb` too, with the same placeholders.
"""

from __future__ import annotations

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
    "solve.more_time": "More time:  the time limit stopped the search before this roster was "
                       "proven good; it is likely to improve with --time-limit {limit}",
    "solve.no_employees": "no employees",
    "solve.hours_spread":
        "{lo:+.1f} h ({lo_emp}) to {hi:+.1f} h ({hi_emp}), mean |deviation| {mean:.1f} h",
    "solve.none": "none",
    "solve.slot": "{day} {shift}: {planned} of {required}",
    "solve.more": "; … {n} more (see the {sheet} sheet)",
    "solve.shortfalls": "{missing} person-shift(s) missing in {slots} slot(s): {shown}{more}",
}


_TEMPLATE: dict[str, str] = {
    # Template help of every column and Settings/Weights key (the sheet tables name the keys)
    "template.col.settings.key": "Setting name.",
    "template.col.settings.value": "Its value.",
    "template.col.shifts.code":
        "Short code used everywhere else, e.g. D, E, N. Not OFF, F1-F5, FE or Ferie (day-off "
        "codes).",
    "template.col.shifts.name": "A readable name (optional).",
    "template.col.shifts.start": "Start time, e.g. 07:30.",
    "template.col.shifts.end": "End time, e.g. 15:30. 22:00-08:00 crosses midnight.",
    "template.col.shifts.break_minutes": "Break length in minutes (0 if none).",
    "template.col.shifts.break_counts_as_work":
        "yes if staff must stay at work during the break (it then counts as working time).",
    "template.col.shifts.passive_minutes":
        "Minutes of mainly passive work in the shift, e.g. a sleeping night watch (§ 10-4 (2)); 0"
        " if none.",
    "template.col.shifts.on_call":
        "On-call shift: site (on site, counts in full) or home (from home, 1/7 counts, § 10-4 "
        "(3)); empty if an ordinary shift.",
    "template.col.employees.id": "Unique id (text or number) used in the other sheets.",
    "template.col.employees.name": "Name (optional).",
    "template.col.employees.position_pct":
        "Position size in percent of full time, 0-100 (80, 80 % or 0.8).",
    "template.col.employees.weekly_hours":
        "Contracted hours per week; use instead of position_pct.",
    "template.col.employees.skills": "Comma-separated skills, e.g. RN, HCA.",
    "template.col.employees.under_18": "yes if under 18 (or give birth_date).",
    "template.col.employees.birth_date": "Date of birth (optional).",
    "template.col.employees.in_school": "yes if under 18 and still in school.",
    "template.col.employees.night_work_allowed":
        "no if the employee must not work nights (e.g. § 10-2 exemption). Default yes.",
    "template.col.employees.exempt_10_12":
        "yes for senior or particularly independent positions (§ 10-12 (1)-(2)).",
    "template.col.employees.excused_overtime": "yes if excused from overtime (§ 10-6 (10)).",
    "template.col.employees.overtime_consent":
        "yes if the employee has agreed to overtime beyond the employer's own limit.",
    "template.col.employees.high_risk_night":
        "yes for night work with particular risk or strain (§ 10-11 (7)).",
    "template.col.employees.hourly_cost": "Cost per hour (optional, for what-if).",
    "template.col.employees.contract":
        "Id of a row in the Contracts sheet whose limits apply (optional).",
    "template.col.demand.date": "A date, or a weekday (Mon..Sun / man..søn) or Holiday to repeat.",
    "template.col.demand.shift": "Shift code from the Shifts sheet.",
    "template.col.demand.skill": "Skill required (empty: anyone).",
    "template.col.demand.min": "Minimum number of staff (hard need).",
    "template.col.demand.target": "Wanted number of staff (optional, at least min).",
    "template.col.demand.weight": "Price per person below target (optional).",
    "template.col.requests.employee": "Employee id.",
    "template.col.requests.date": "One day (or use from/to).",
    "template.col.requests.from": "First day of a period.",
    "template.col.requests.to": "Last day of a period (inclusive).",
    "template.col.requests.kind":
        "vacation or unavailable (hard), day_off, shift_wish or avoid_shift.",
    "template.col.requests.shift": "Shift code for shift_wish / avoid_shift.",
    "template.col.requests.weight": "How much the wish matters (default 1).",
    "template.col.fixed.employee": "Employee id.",
    "template.col.fixed.date": "The day.",
    "template.col.fixed.shift": "Shift code, or OFF (FRI) for a fixed day off.",
    "template.col.history.employee": "Employee id.",
    "template.col.history.start": "Start date and time, e.g. 2026-03-31 22:00.",
    "template.col.history.end": "End date and time (or just a time: same or next day).",
    "template.col.history.kind": "planned (default), overtime or extra.",
    "template.col.history.break_minutes": "Break in minutes (optional).",
    "template.col.history.overtime_ytd_hours":
        "Overtime hours worked so far this year before the horizon.",
    "template.col.history.last_sunday_worked":
        "Date of the last Sunday/holiday worked before the horizon.",
    "template.col.agreements.scope": "site (everyone) or an employee id.",
    "template.col.agreements.family": "Rule family: 10-4, 10-5, 10-6, 10-8, 10-10, 10-11.",
    "template.col.agreements.tier": "Who agreed: T2_INDIVIDUAL, T3_TARIFF_REPS, ...",
    "template.col.agreements.parameter": "Parameter name (optional).",
    "template.col.agreements.value": "Parameter value.",
    "template.col.agreements.valid_from": "First day in force (optional).",
    "template.col.agreements.valid_to": "Last day in force (optional).",
    "template.col.contracts.id": "Unique contract id, named in the Employees sheet.",
    "template.col.contracts.max_shifts":
        "Most shifts of each type over the horizon: CODE=limit separated by |, e.g. N=5|D=20 (0 ="
        " never that shift). Types not listed are not limited.",
    "template.col.contracts.min_hours":
        "Fewest hours worked over the horizon (paid hours of the shift types).",
    "template.col.contracts.max_hours":
        "Most hours worked over the horizon (paid hours of the shift types).",
    "template.col.contracts.max_consecutive_shifts": "Most working days in a row.",
    "template.col.contracts.min_consecutive_shifts":
        "Fewest working days in a row (a block touching the start or end of the horizon is "
        "exempt).",
    "template.col.contracts.min_consecutive_days_off":
        "Fewest days off in a row (a block touching the start or end of the horizon is exempt).",
    "template.col.contracts.max_weekends":
        "Most weekends (Saturday and/or Sunday) with work over the horizon.",
    "template.col.contracts.forbidden_successions":
        "Shift pairs that may not follow on the next day: FROM>TO separated by |, e.g. N>D|E>D (a"
        " night may not be followed by a day shift).",
    "template.col.weights.key": "Weight name.",
    "template.col.weights.value": "Whole number, 0 or more.",
    "template.key.settings.site_name": "Name of the ward or site.",
    "template.key.settings.month": "The month to plan, e.g. 2026-04 (instead of start/end).",
    "template.key.settings.start": "First day of the horizon (instead of month).",
    "template.key.settings.end":
        "Last day of the horizon (default: one calendar month from start).",
    "template.key.settings.day_boundary": "When the 24-hour day starts (default 00:00).",
    "template.key.settings.week_start": "First day of the 7-day week: Monday (default) .. Sunday.",
    "template.key.settings.week_start_time": "Clock time the week starts (default 00:00).",
    "template.key.settings.night_start": "Start of the night window (default 21:00).",
    "template.key.settings.night_end": "End of the night window (default 06:00).",
    "template.key.settings.full_time_hours": "Hours per week of a 100 % position (default 37.5).",
    "template.key.settings.tariff_bound":
        "yes if the employer is bound by a collective agreement (default yes).",
    "template.key.settings.open_tier_powers":
        "protective (default) or broad: how agreement powers the law leaves open are read (T4 "
        "under § 10-12 (4), some T5 limits); see docs/agreement-tiers.md.",
    "template.key.settings.sunday_work_permitted_by_nature":
        "yes if the nature of the work requires Sunday/holiday work (§ 10-10 (2)); empty = "
        "unknown.",
    "template.key.settings.night_work_permitted_by_nature":
        "yes if the nature of the work requires night work (§ 10-11 (2)); empty = unknown.",
    "template.key.settings.allow_split_duties": "yes to allow two shifts on one day (default no).",
    "template.key.settings.strict": "yes to also check every rolling window (union audit).",
    "template.key.settings.language": "en or nb (language of output).",
    "template.key.settings.allow_overtime":
        "yes to let the solver plan overtime and extra hours within the § 10-6 caps, only to "
        "cover minimum demand (default no).",
    "template.key.settings.overtime_premium_pct":
        "Overtime premium in percent, at least 40 (§ 10-6 (11)); tariffs often 50 or 100.",
    "template.key.settings.extra_hours_supplement_pct":
        "Tariff supplement for extra hours (merarbeid) in percent (default 0).",
    "template.key.settings.contract_tolerance_shifts":
        "Planned hours stay within this many shifts of the contracted hours over the plan period "
        "(default 1); more only as extra hours with allow_overtime.",
    "template.key.settings.vacation_first_morning_until":
        "A shift from the day before may end on the first morning of a vacation at or before "
        "this clock time (e.g. 07:30); empty = none may (default).",
    "template.key.settings.weekend_rhythm":
        "At most one weekend worked in this many in a row (default 3: every third weekend; 0 = no"
        " rhythm). A wish, weighed with fairness.",
    "template.key.settings.rota_10_4_4":
        "yes if the unit runs § 10-4 (4) (a)/(b) shift work (round the clock stopping on Sundays,"
        " or two shifts regularly on Sundays/holidays): 38 h weeks (default no).",
    "template.key.settings.continuous_rota":
        "yes if the rota is fully continuous (24/7): 36 h weeks; no = never; empty = judge each "
        "employee by the night/Sunday hours test (§ 10-4 (5)).",
    "template.key.settings.presume_breaks":
        "yes to presume an unrecorded § 10-9 (2) overtime break was taken (default no).",
    "template.key.settings.school_holidays":
        "School-free periods for pupils (§ 11-2), e.g. 2026-06-20..2026-08-16; "
        "2026-10-05..2026-10-09.",
    "template.key.weights.uncovered": "Per missing person-shift below minimum.",
    "template.key.weights.soft_legal": "Per breach of a soft legal rule.",
    "template.key.weights.below_target": "Per person-shift below target.",
    "template.key.weights.contract_deviation": "Per hour away from contracted hours.",
    "template.key.weights.request": "Per unit of request weight not granted.",
    "template.key.weights.fairness": "Per unit of spread of nights, weekends, holidays.",
    "template.key.weights.pattern": "Isolated days, long runs, backward rotation.",
    "template.key.weights.overstaffing": "Per person-shift above target.",
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
        "columns that are not timesheet fields (employee, start, end, break_minutes, kind, passive_minutes)",
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


# Issue 14 remainders (planner): one measure of overtime and extra hours, absences, vacations.
_PLANNER = {
    "sheet.headroom.roster_overtime": "Overtime in this roster (h)",
    "sheet.headroom.roster_extra": "Extra hours in this roster (h)",
    "requests.away.vacation": "on vacation",
    "requests.away.unavailable": "unavailable",
    "requests.away.on": "{employee} is {what} from {first} to {last}",
    "requests.away.reaches":
        "{employee}'s {shift} shift on {day} reaches into {first}, when they are {what}",
    "requests.away.worked":
        "{employee} works {start} – {end} while {what} ({first} to {last}, request {numbers})",
    "sheet.roster.absence_vacation": "Vacation",
    "sheet.roster.absence_unavailable": "Unavailable",
    "sheet.roster.absence_request":
        "{what}: request #{number} in the Requests sheet, {start} to {end}; no shift planned",
    "dayoff.UT": "Away for another reason than vacation (leave, a course …: 'unavailable' in "
                 "Requests)",
    "domain.rest_in_24h": "a {shift} shift leaves less than {hours:g} h rest in its 24 hours",
    "domain.rest_after_history": "it starts less than {hours:g} h after the last shift before the horizon",
    "domain.total_cap": "the {shift} shift is longer than the {hours:g} h total-hours cap",
    "domain.break_short":
        "the {shift} shift ({hours:g} h) has a {minutes}-minute break, too short under {rule}",
    "domain.longer_than": "the {shift} shift is longer than {hours:g} h",
    "domain.contract_none": "{employee}'s contract allows no {shift} shifts",
    "domain.youth_night": "{employee} is under 18 and the {shift} shift reaches into the night",
    "domain.youth_break": "{employee} is under 18 and the {shift} shift lacks a 30-minute break",
    "domain.youth_hours": "{employee} is under 18 and the {shift} shift is longer than {hours:g} h",
    "domain.daily_limit":
        "the {shift} shift on {day} is {hours:g} h, above the daily limit of {limit:g} h",
    "domain.night_excused":
        "{employee} is excused from night work and the {shift} shift reaches into the night",
    "domain.night_not_permitted":
        "the {shift} shift reaches into the night and night work is not permitted",
    "domain.night_risk": "the {shift} shift is more than {hours:g} h of risky night work",
    "domain.sunday_not_permitted":
        "the {shift} shift on {day} falls in the Sunday/holiday window and Sunday work is not "
        "permitted",
    "domain.pinned_off": "{employee} is pinned off on {day}",
    "validate.warnings": "{path}: no input errors; {n} warning(s):",
    "validate.clean": "{path}: no problems found.",
    "validate.none": "(none)",
    "validate.any_skill": "(any)",
    "validate.site_scope": "site",
    "validate.hours_per_week": "h/week",
    "validate.overview": "Overview",
    "validate.site": "site",
    "validate.horizon": "horizon",
    "validate.horizon_value": "{start} to {end} ({days} days)",
    "validate.employees": "employees",
    "validate.person_shifts": "demanded person-shifts (min / target)",
    "validate.demand_hours": "demanded hours (min / target)",
    "validate.capacity": "contracted capacity (hours)",
    "validate.share": "minimum demand / capacity",
    "validate.counts": "requests / fixed / history periods",
    "validate.by_skill": "Employees by skill",
    "validate.by_position": "Employees by position",
    "validate.shift_types": "Shift types",
    "validate.skill_capacity": "Minimum demand against the contracted hours of staff with the skill",
    "validate.holidays": "Public holidays in the horizon",
    "validate.agreements": "Agreements in force",
    "validate.valid_value": "{start} to {end}",
    "validate.col_skill": "skill",
    "validate.col_employees": "employees",
    "validate.col_position": "position",
    "validate.col_code": "code",
    "validate.col_name": "name",
    "validate.col_time": "time",
    "validate.col_hours": "hours",
    "validate.col_min_person_shifts": "min person-shifts",
    "validate.col_capacity": "capacity",
    "validate.col_share": "share",
    "validate.col_date": "date",
    "validate.col_holiday": "holiday",
    "validate.col_tier": "tier",
    "validate.col_parameters": "parameters",
    "validate.col_valid": "valid",
    "sheet.summary.status.OPTIMAL": "OPTIMAL",
    "sheet.summary.status.FEASIBLE": "FEASIBLE",
    "sheet.summary.status.INFEASIBLE": "INFEASIBLE",
    "sheet.summary.status.UNKNOWN": "UNKNOWN",
    "sheet.summary.status.MODEL_INVALID": "MODEL_INVALID",
    "sheet.summary.tier.uncovered": "uncovered",
    "sheet.summary.tier.overtime": "overtime",
    "sheet.summary.tier.soft_legal": "soft_legal",
    "sheet.summary.tier.below_target": "below_target",
    "sheet.summary.tier.contract": "contract",
    "sheet.summary.tier.requests": "requests",
    "sheet.summary.tier.fairness": "fairness",
    "sheet.summary.tier.pattern": "pattern",
    "sheet.summary.tier.overstaffing": "overstaffing",
    "input.head_one": "{n} problem in the input:",
    "input.head": "{n} problems in the input:",
    "input.where_sheet": "sheet {sheet}",
    "input.where_cell": "cell {cell}",
    "input.grid.no_header":
        "no header row with dates found (the first rows must have the employee id column followed by one column per date)",
    "input.grid.no_id":
        "row {row} has shift or day-off codes ({refs}) but no employee id in {cell}: nothing in this row can be checked without it",
    "input.grid.overlap":
        "employee {employee}: {b} ({b_ref}) overlaps {a} ({a_ref}); the same hours would count twice",
    "input.grid.merged":
        "the cells {ref} are merged inside the roster grid: only {first} holds the value, so the other cells would read as blank (a day off, or no employee); unmerge them and write the code or id in each cell",
    "input.grid.date_twice":
        "date {day} appears twice in the header (also in {cell})",
    "input.grid.dates_order":
        "the dates in the header are not in order ({b} after {a})",
    "input.grid.two_rows":
        "employee {employee} has two rows (also row {row})",
    "input.grid.no_date_says":
        "the cell holds the code {code} but its column has no date in the header ({cell} says {header}): give that header cell the date of the day, or clear the cell",
    "input.grid.no_date_empty":
        "the cell holds the code {code} but its column has no date in the header ({cell} is empty): give that header cell the date of the day, or clear the cell",
    "input.grid.no_shifts":
        "shift code {code} found, but there is no Shifts sheet in the roster workbook or in --problem to say what it means",
    "input.none":
        "none",
    "input.grid.unknown_code":
        "unknown shift code {code} for employee {employee} on {day} (known codes: {known}; days off: blank, -, F1-F5, FE, Ferie, UT)",
    "input.grid.no_duration":
        "shift {code} on {day} has no real duration on that day (the clocks change during it)",
    "input.grid.reserved":
        "the shift code {code} (Shifts sheet) is also the day-off code {mark}: F1-F5, FE, Ferie, UT, OFF and - are days off in a roster grid, never shift codes; rename the shift type",
    "input.ts.no_column":
        "--columns names the header {header} for {field}, but the header row has no such column (it has: {has})",
    "input.ts.missing_columns":
        "the timesheet has no column for {fields} (expected headers employee, start, end and optionally break_minutes, kind, passive_minutes; map other headers with --columns employee=Ansatt,start=Fra,end=Til)",
    "input.ts.at_line":
        "line {line}, column {column}: ",
    "input.ts.at_column":
        "column {column}: ",
    "input.ts.too_many_csv":
        "line {line}: the timesheet has more than {max} rows, the most one check reads (its memory stays under 2 GiB); split it by period and check each part",
    "input.ts.too_many":
        "row {line}: the timesheet has more than {max} rows, the most one check reads (its memory stays under 2 GiB); split it by period and check each part",
    "input.ts.no_employee":
        "{pre}the employee is empty",
    "input.ts.bad_start":
        "{pre}the start time is not usable: {why}",
    "input.ts.bad_end":
        "{pre}the end time is not usable: {why}",
    "input.ts.bad_break":
        "{pre}the break is not usable: {why}",
    "input.ts.bad_kind":
        "{pre}{why}",
    "input.ts.end_before":
        "{pre}the end {end} is not after the start {start}",
    "input.ts.long_break":
        "{pre}the break of {minutes} min is as long as the work period",
    "input.ts.bad_passive":
        "{pre}the passive time is not usable: {why}",
    "input.ts.long_passive":
        "{pre}the passive time of {minutes} min is longer than the work period",
    "input.ts.overlap_csv":
        "line {line}: employee {employee} works {b}, which overlaps the line {other} ({a}); the same hours would count twice",
    "input.ts.overlap":
        "employee {employee} works {b}, which overlaps the row {other} ({a}); the same hours would count twice",
    "input.ts.not_utf8":
        "line {line}: the file is not UTF-8 text (save it as 'CSV UTF-8' from Excel)",
    "input.used.merged_range":
        "the cells {ref} are merged into one over {n} cells; at most {max} cells may be merged together (unmerge them, or merge only the cells in use)",
    "input.used.merged_total":
        "merged ranges cover {n} cells in all; at most {max} are accepted (unmerge the large ones)",
    "input.used.unreadable":
        "the sheet could not be read ({why})",
    "input.near.header":
        "{title}!{cell} {label}: did you mean {meant}? (a column with an unknown name is ignored, so its values would be lost)",
    "input.near.sheet":
        "sheet {title}: did you mean {meant}? (a sheet with an unknown name is ignored, so its rows would be lost)",
    "input.paths.no_folder":
        "the folder for {what} ({folder}) does not exist",
    "input.paths.not_folder":
        "the folder for {what} ({folder}) is not a folder",
    "input.paths.read_only":
        "the folder for {what} ({folder}) cannot be written ({why}); nothing was done",
    "input.paths.over_input":
        "{what} would be written over an input file ({input}: {path}); an output never replaces an input: choose another path",
    "input.roster.no_file":
        "the file does not exist",
    "input.roster.no_sheet":
        "this workbook has no Roster (Turnus) sheet and no timesheet (Timesheet/Timeliste) sheet: give the roster or timesheet to check as PATH, and a planning workbook like this one as --problem",
    "input.roster.suffix":
        "cannot read a {suffix} file: give a roster workbook (.xlsx) or a timesheet (.xlsx or .csv)",
    "input.roster.no_suffix":
        "cannot read a suffix-less file: give a roster workbook (.xlsx) or a timesheet (.xlsx or .csv)",
    "input.roster.no_horizon":
        "the roster has no work in it and no horizon is set: give --start and --end or a Settings sheet with start and end",
    "input.roster.horizon_order":
        "the horizon ends ({end}) before it starts ({start})",
    "input.roster.horizon_bad":
        "the horizon {start}..{end} is not usable: {why}",
    "input.roster.from_settings":
        "the Settings sheet of {file}",
    "input.roster.from_roster":
        "the roster itself",
    "input.roster.outside":
        "{what} outside the period checked, {start} to {end} (from {source}), and would not be checked: check that period with --start/--end (or fix the Settings dates), or give --exclude-outside to check only the period and list this work as excluded",
    "input.roster.outside_periods_one":
        "1 work period of {emps} employee(s) from {first} to {last} (at {place}) lies",
    "input.roster.outside_periods":
        "{n} work periods of {emps} employee(s) from {first} to {last} (the first at {place}) lie",
    "input.roster.the_roster":
        "the roster",
    "input.ts.too_big":
        "the file {file} is {mb:.1f} MB; timesheets larger than {max} MB are refused",
    "input.ts.csv_empty":
        "the CSV file is empty",
    "input.ts.bad_csv":
        "line {line}: this line cannot be read as CSV ({why})",
    "input.ts.sheet_empty":
        "the timesheet sheet is empty",
    "input.ts.merged":
        "the cells {ref} are merged: only {first} holds the value, so the other cells would read as empty; unmerge them and write the value in each cell",
    "input.value.dst_gap":
        "{when} does not exist in Norway (the clocks jump from 02:00 to 03:00 that night); give the time with its UTC offset (e.g. +01:00) or as it was on the clock",
    "input.value.date_only":
        "{value} is a date without a time of day",
    "input.value.empty":
        "it is empty",
    "input.value.serial":
        "{value} is not an Excel date-time between 1950 and 2149",
    "input.value.not_datetime":
        "{value} is not a date and time (use ISO 8601 such as 2026-03-01T07:30 or 2026-03-01T07:30+01:00)",
    "input.value.no_minutes":
        "it is not a number of minutes",
    "input.value.not_minutes":
        "{value} is not a number of minutes",
    "input.value.not_whole":
        "{value} is not a whole, non-negative number of minutes",
    "input.value.too_long":
        "{value} minutes is longer than a day",
    "input.value.not_kind":
        "{value} is not a kind of hours (planned, overtime, extra, on_call_home or on_call_site; planlagt, overtid, merarbeid, hjemmevakt or tilstedevakt)",
    "input.paths.what.the report": "the report",
    "input.paths.what.the roster": "the roster",
    "input.paths.what.the backup": "the backup",
    "input.paths.what.the template": "the template",
    "input.paths.what.the workbook": "the workbook",
    "input.paths.what.rosters_file": "--rosters file {name}",
    "input.columns.form": "--columns: {part} is not of the form field=Header",
    "input.columns.field": "--columns: {name} is not a timesheet field (one of {fields})",
}
MESSAGES.update(_PLANNER)
# What-if: a scenario against the baseline (scheduler.whatif.tolerance, issue #17)
MESSAGES.update({
    "whatif.verdict.baseline": "baseline",
    "whatif.verdict.same": "same as the baseline",
    "whatif.verdict.within": "within solver tolerance",
    "whatif.verdict.apart": "outside solver tolerance",
    "whatif.verdict.none": "no roster to compare",
    "whatif.kpi.coverage_pct": "coverage",
    "whatif.kpi.uncovered_total": "uncovered hours",
    "whatif.kpi.overtime_hours": "overtime",
    "whatif.kpi.extra_hours": "extra hours",
    "whatif.kpi.labour_cost": "labour cost",
    "whatif.kpi.contract_deviation_hours": "contract deviation",
    "whatif.kpi.requests_granted_pct": "requests granted",
    "whatif.kpi.nights_spread": "nights spread",
    "whatif.kpi.weekend_spread": "weekend spread",
    "whatif.no_roster.infeasible":
        "infeasible: the hard requirements contradict each other{conflicts}",
    "whatif.no_roster.limit":
        "no roster: {limit} ended the search before a first roster was found (give it a "
        "longer --time-limit or --work-limit)",
    "whatif.no_roster.status": "no roster: the solver answered {status}",
    "whatif.limit.work_limit": "the work limit",
    "whatif.limit.wall_clock": "the time limit",
    "whatif.limit.interrupted": "an interruption",
    "whatif.limit.other": "the limit",
})
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

# Print setup of the roster workbook (scheduler/io/write/printing.py) and the Summary's sections.
MESSAGES.update({
    "print.period": "{start} to {end}",
    "print.printed": "Printed",
    "print.page": "Page",
})
MESSAGES.update({
    "sheet.summary.requests_granted": "Requests granted (request-days)",
    "sheet.summary.requests_total": "Requests (request-days)",
    "sheet.summary.shortfalls": "Shortfalls: demand below its minimum",
    "sheet.summary.no_shortfalls": "none: every minimum is covered",
    "sheet.summary.deviations": "Largest deviations from contract hours",
    "sheet.summary.per_person": "Weekends and nights per person",
    "sheet.summary.nights": "Night shifts",
    "sheet.summary.solver_section": "The solver",
})
MESSAGES.update({
    "input.paths.open_output":
        "{what} {path} is open in Excel or LibreOffice (its lock file {lock} lies beside it): "
        "close it there first, or give --force to write it anyway",
    "input.paths.open_input":
        "warning: {path} is open in Excel or LibreOffice (lock file {lock}); the last saved "
        "version is read, not unsaved changes",
    # issue 17: a search stopped at its target gap (SolveOptions.target_gap_pct)
    "search.gap_limit": "ended at the target gap of {target:g} % (not proven optimal)",
})
# roster whatif / roster staffing in the language in force (issue 15, "Norwegian all the way")
MESSAGES.update({
    "whatif.title": "What-if scenarios",
    "whatif.sheet.results": "Scenarios",
    "whatif.sheet.results_beside_input": "Scenario results",
    "whatif.col.scenario": "Scenario",
    "whatif.col.changes": "Changes",
    "whatif.col.status": "Status",
    "whatif.col.gap": "Gap %",
    "whatif.col.bound": "Bound",
    "whatif.col.vs_baseline": "Vs baseline",
    "whatif.col.better_on": "Better on",
    "whatif.col.worse_on": "Worse on",
    "whatif.col.coverage": "Coverage %",
    "whatif.col.shortfall": "Shortfall (person-shifts)",
    "whatif.col.uncovered": "Uncovered h {skill}",
    "whatif.col.overtime": "Overtime h",
    "whatif.col.extra": "Extra h",
    "whatif.col.premium": "Overtime premium cost",
    "whatif.col.headroom": "Overtime headroom h {cap}",
    "whatif.col.labour_cost": "Labour cost",
    "whatif.col.contract_deviation": "Contract deviation h",
    "whatif.col.requests": "Requests granted %",
    "whatif.col.nights_spread": "Nights spread",
    "whatif.col.weekend_spread": "Weekend spread",
    "whatif.col.violations": "Checker violations",
    "whatif.col.solve_s": "Solve s",
    "whatif.col.wall_s": "Wall s",
    "whatif.col.workers": "Workers",
    "whatif.col.seed": "Seed",
    "whatif.col.overtime_allowed": "Overtime allowed",
    "whatif.col.error": "Error",
    "whatif.cap.7d": "7d",
    "whatif.cap.4w": "4w",
    "whatif.cap.26w": "26w",
    "whatif.cap.52w": "52w",
    "whatif.yes": "yes",
    "whatif.no": "no",
    "whatif.chart.coverage": "Coverage % per scenario",
    "whatif.chart.coverage_axis": "% of required person-shifts",
    "whatif.chart.hours": "Uncovered, overtime and extra hours per scenario",
    "whatif.chart.hours_axis": "Hours",
    "whatif.status.OPTIMAL": "OPTIMAL",
    "whatif.status.FEASIBLE": "FEASIBLE",
    "whatif.status.INFEASIBLE": "INFEASIBLE",
    "whatif.status.UNKNOWN": "UNKNOWN",
    "whatif.status.MODEL_INVALID": "MODEL_INVALID",
    "whatif.status.ERROR": "ERROR",
    "whatif.cli.where_cluster": "Dask scheduler {address}",
    "whatif.cli.where_processes": "{n} process(es)",
    "whatif.cli.where_here": "this process",
    "whatif.cli.solving": "Solving {n} scenario(s) ({limit:g} s each) in {where} …",
    "whatif.cli.error_in": "ERROR in {line}",
    "whatif.cli.no_roster_in": "NO ROSTER in {line}",
    "whatif.cli.done": "{n} scenario(s) in {seconds:.1f} s.",
    "whatif.cli.written": "Written: {path}",
    "whatif.cli.rosters": "Rosters: {n} workbook(s) in {folder}",
    "cli.could_not_write": "Could not write {path}: {reason}",
    "staffing.needs": "needs {hires}",
    "staffing.no_extra": "no extra staff",
    "staffing.hire": "+{count} {skill} at {pct:g} %",
    "staffing.coverage": " → coverage {before:.1f} % → {after:.1f} %",
    "staffing.still_short": "still short: {line}",
    "staffing.planned": "{employee}: {hours:.1f} h planned, contract {contract:.1f} h",
    "staffing.minimal": "minimal within the searched space: {how}",
    "staffing.proven": "proven",
    "staffing.not_proven": "not proven",
    "staffing.violations": "WARNING: the checker found {n} hard violation(s) in the final "
                           "roster (a bug: please report it)",
    "staffing.solves": "({n} solve(s), {seconds:.0f} s)",
    "staffing.not_tried": "not tried (--max-solves reached)",
    "staffing.no_roster": "no roster ({status})",
    "staffing.above_position": ", a hire above the position",
    "staffing.short": "{n} person-shift(s) short{within} ({status}, {how})",
    "staffing.drop": "drop {count} {skill} at {pct:g} %",
    "staffing.lower": "{skill} {before:g} % -> {after:g} %",
    "staffing.remaining": "{n} person-shift(s) of {shift} {skill} ({days} day(s), {span})",
    "staffing.no_roster_at_all": "no roster at all ({status})",
    "staffing.try_longer": "try a longer --time-limit",
    "staffing.not_coverable": "{n} person-shift(s) stay uncovered: no one may legally work "
                              "them, not even a new hire (see 'still short')",
    "staffing.not_found": "{n} person-shift(s) stay uncovered although someone may legally "
                          "work {m} of them: the solver did not find full coverage in {solves} "
                          "solve(s) of {limit:g} s; try a longer --time-limit or more --max-solves",
    "staffing.tier.T0_DEFAULT": "no averaging agreement (the law's default)",
    "staffing.tier.T2_INDIVIDUAL": "individual averaging agreements (§ 10-5 (1))",
    "staffing.tier.T3_TARIFF_REPS":
        "local agreement with the union representatives (§ 10-5 (2))",
    "staffing.tier.T3b_NONTARIFF_REPS": "agreement with elected representatives (§ 10-5 (3))",
    "staffing.need": "{heads} head(s) ({fte:g} FTE)",
    "staffing.t0_not_covered":
        "Without an averaging agreement the demand cannot be fully covered by hiring",
    "staffing.with_tier": "with {tier}: +{need}",
    "staffing.with_tier_not": "with {tier}: not fully coverable either",
    "staffing.tier_not": "{tier}: not fully coverable",
    "staffing.tier_saves": "{tier} saves {heads} head(s) ({fte:g} FTE)",
    "staffing.compared": " compared with no averaging agreement",
    "staffing.solve": "solve {n}: {hires}",
    "staffing.prove": "solve {n}: {hires}, the shortfall alone (can every minimum be covered?)",
    "staffing.progress_tier": "§ 10-5 at {tier}",
})
# Contradicting hard requirements (scheduler/solver/variables.py, explain.py), issue 15
MESSAGES.update({
    "conflict.pinned_both": "{employee} is pinned to both {a} and {b} on {day}.",
    "conflict.pinned_forbidden": "{employee} is pinned to {shift} on {day}, but {why} ({rule}).",
    "conflict.none_explains": "The hard requirements cannot all be met, and no single "
                              "employee's fixed shifts explain it (employees with fixed shifts: "
                              "{names}).",
    "conflict.nobody": "none",
    "conflict.pin": "{shift} on {day}",
    "conflict.joined": "{first}, {rest}",
    "conflict.fixed_rule": "{employee}: the fixed shifts ({pins}) cannot all be kept under "
                           "{paragraph} {title} ({rule}).",
    "conflict.rule_horizon": "{employee}: {paragraph} {title} ({rule}) cannot be met in this "
                             "horizon.",
})
# roster solve's remaining console lines (issue 15)
MESSAGES.update({
    "solve.conflict_employee": "employee {employee}",
    "solve.conflict_everyone": "all employees",
    "solve.conflict_days": " on {days}",
    "solve.infeasible_head":
        "No legal roster exists: these hard requirements contradict each other:",
    "solve.infeasible_unnamed":
        "(the solver could not narrow the contradiction down to named requirements)",
    "solve.infeasible_tail":
        "Change one of them (for example a pinned shift in the Fixed sheet, an unavailability, "
        "or the minimum staffing) and run again.",
    "solve.within_work": "the work limit of {limit:g} units",
    "solve.within_time": "the time limit of {limit:g} s",
    "solve.not_found_within": "No roster found within {what}; nothing was written. Try a "
                              "larger {more}.",
    "solve.stopped_status": "The solver stopped with status {status}; nothing was written. This "
                            "is a bug: please report it with the input workbook.",
    "solve.changed_meanwhile": "{workbook} was changed while the roster was being made; it is "
                               "left as it is and the roster (made from the workbook as it was "
                               "read) goes to {path} instead.",
    "solve.nothing_written":
        "Nothing was written (is the file open in Excel, or the folder read-only?).",
})
# The command line's own lines (scheduler/cli), issue 15
MESSAGES.update({
    "cli.file_not_found": "file not found",
    "cli.os_error": "could not read or write a file: {reason}. Any output file was left as it "
                    "was.",
    "whatif.no_scenario_named": "no scenario named {name} in the Scenarios sheet",
    "template.exists": "{path} already exists; use --force to overwrite it.",
    "template.wrote": "Wrote {path}. Fill it in, then run: roster validate {path}",
})
# A what-if scenario's changes in words (scheduler/whatif/changes.py), issue 15
MESSAGES.update({
    "whatif.change.remove": "remove {who}",
    "whatif.change.remove_n": "remove {count} {skill}",
    "whatif.change.add": "add {count} {skill} at {pct:g} %",
    "whatif.change.shift": "shift {codes}",
    "whatif.change.skill": "skill {skills}",
    "whatif.change.any": "any",
    "whatif.change.holidays": "holidays",
    "whatif.change.span": "{start} to {end}",
    "whatif.change.demand": "demand × {factor:g}{where}",
    "whatif.change.away": "{who} away {start} to {end}",
    "whatif.change.site": "site",
    "whatif.change.agreement": "§ {family} agreement {tier} ({scope})",
    "whatif.change.parameter": "§ {family} {name} = {value} ({scope})",
    "whatif.change.weight": "weight {name} = {value}",
    "whatif.change.overtime_on": "overtime allowed",
    "whatif.change.overtime_off": "no overtime",
    "whatif.change.none": "no changes",
})
# roster solve: Ctrl-C, the live progress line and the option checks (issue 15)
MESSAGES.update({
    "solve.stopping": "Stopping: keeping the best roster found so far (Ctrl-C again to abort) ...",
    "solve.live.solving": "Solving  {elapsed:6.1f} s / {limit:g} s",
    "solve.live.objective": "best objective {value:,.0f}",
    "solve.live.no_roster": "no roster yet",
    "solve.live.bound": "bound {value:,.0f}",
    "solve.live.gap": "gap {value:.2f} %",
    "solve.live.stopping": "stopping",
    "solve.in_place_and_output": "--in-place writes into WORKBOOK; do not combine it with -o.",
    "solve.output_over_input":
        "the output would overwrite WORKBOOK; choose another -o or use --in-place.",
    "solve.no_macros": "macros are never kept or run, so the roster is written as an .xlsx "
                       "workbook: give -o NAME.xlsx",
    "solve.no_macros_in_place": "macros are never kept or run, so the roster is written as an "
                                ".xlsx workbook: give -o NAME.xlsx instead of --in-place",
})
MESSAGES["whatif.baseline_name"] = "Baseline"  # the baseline scenario as shown (issue 15)
MESSAGES.update({  # roster staffing --positions (issue 15)
    "staffing.positions.not_number": "{part} is not a position percentage",
    "staffing.positions.outside": "position {part} % is outside 1-100",
    "staffing.positions.none": "give at least one position percentage, e.g. 50,75,100",
})
MESSAGES.update({  # roster diff (issue 20)
    "diff.bad_as_of": "--as-of {value!r} is not a date (YYYY-MM-DD) or a date and time "
                      "(YYYY-MM-DDTHH:MM)",
    "diff.employee_missing": "employee {employee} is not in {other}: both rosters must cover "
                             "the same employees",
    "diff.period_differs": "the rosters cover different periods: {old} {old_start} to "
                           "{old_end}, {new} {new_start} to {new_end}",
    "diff.headline": "{n} changed shifts, {within} of them within the {days}-day notice of "
                     "§ 10-3 (made known {as_of})",
    "diff.off": "off",
    "diff.flag_within": "within notice (§ 10-3)",
    "diff.flag_in_time": "in time",
    "diff.flag_started": "already started",
    "diff.sheet": "Changes",
    "diff.col.date": "Date",
    "diff.col.employee": "Employee",
    "diff.col.name": "Name",
    "diff.col.old": "Old",
    "diff.col.new": "New",
    "diff.col.effective": "Takes effect",
    "diff.col.notice": "§ 10-3 notice",
})
MESSAGES.update({  # roster candidates (issue 20)
    "cand.effect.no_rule": "breaks no rule",
    "cand.effect.warnings": "adds warnings: {rules}",
    "cand.effect.overtime": "{hours} as overtime (+{pct:g} %): uses {used} of the {cap} "
                            "overtime cap this week",
    "cand.effect.extra": "{hours} above the contract over the period",
    "cand.effect.week": "{after} this week (was {before})",
    "cand.effect.contract": "{after} planned against {contract} contracted over the period",
    "cand.effect.wish_for": "wished for this shift",
    "cand.effect.wish_against": "against a wish (day off or not this shift)",
    "cand.reject.works_that_day": "already works that day",
    "cand.reject.away": "on vacation or away that day",
    "cand.reject.skill": "lacks a skill the shift needs",
    "cand.reject.rules": "would break {rules}",
    "cand.taken.planned": "planned",
    "cand.taken.overtime_tail": "planned, last hours overtime",
    "cand.taken.overtime": "overtime",
    "cand.headline": "Who may take {shift} on {day} ({start}-{end}){absent}: {n} of {total} "
                     "employees",
    "cand.headline_absent": " for {employee}",
    "cand.skills": "Skills needed: {skills}",
    "cand.none": "Nobody may take this shift without breaking a rule.",
    "cand.rejected_title": "Not possible",
    "cand.col.rank": "#",
    "cand.col.employee": "Employee",
    "cand.col.name": "Name",
    "cand.col.taken_as": "Works it as",
    "cand.col.cost": "Cost",
    "cand.col.effects": "What it causes",
    "cand.col.reason": "Why not",
    "cand.not_rostered": "{employee} has no {shift} on {day} in the published roster (the "
                         "cell holds {has})",
    "cand.unknown_employee": "--employee {employee} is not in the Employees sheet",
    "cand.unknown_shift": "--shift {shift} is not in the Shifts sheet (known: {known})",
    "cand.day_outside": "--date {day} is outside the period {start} to {end}",
    "cand.off": "a day off",
})

MESSAGES.update({  # roster staffing: sentences with their reasons (issue 15)
    "staffing.because": "{h}: {why}",
    "staffing.then": "{h}; {then}",
})
# Each rule's short title, as a person reads it (constraints/registry.py; issue 15).
# The rule id stays as it is; tests/domain/test_rule_titles.py keeps the list whole.
MESSAGES.update({
    "rule.AML-10-4-1-daily-normal": "Normal hours per day",
    "rule.AML-10-4-1-weekly-normal": "Normal hours per week",
    "rule.AML-10-4-4-weekly-38": "38-hour week for Sunday, night and rota work",
    "rule.AML-10-4-5-weekly-36": "36-hour week for continuous rota work",
    "rule.AML-10-4-6-three-shift": "Shorter week for three-shift and rota work",
    "rule.AML-10-4-2-passive": "Passive work",
    "rule.AML-10-4-3-standby": "On call from home",
    "rule.AML-10-5-1-avg-individual": "Averaging by individual agreement",
    "rule.AML-10-5-2-avg-tariff": "Averaging by agreement with the union representatives",
    "rule.AML-10-5-3-avg-labour-inspection": "Averaging with the Labour Inspection's consent",
    "rule.AML-10-6-4-ot-7d": "Overtime per 7 days",
    "rule.AML-10-6-4-ot-4w": "Overtime per 4 weeks",
    "rule.AML-10-6-4-ot-52w": "Overtime per 52 weeks",
    "rule.AML-10-6-7-consent": "Consent to overtime above the limits",
    "rule.AML-10-6-8-total-24h": "Total working time per 24 hours",
    "rule.AML-10-6-8-total-7d": "Total working time per 7 days on average",
    "rule.AML-10-6-8-total-max-week": "Total working time in one week",
    "rule.AML-10-6-10-excuse": "Excused from overtime",
    "rule.AML-10-9-2-ot-break": "Break during overtime",
    "rule.AML-10-8-1-daily-rest": "Daily rest",
    "rule.AML-10-8-2-weekly-rest": "Weekly rest",
    "rule.AML-10-8-4-sunday-in-rest": "A Sunday or holiday in the weekly rest",
    "rule.AML-10-8-4-next-sunday-off": "Next Sunday or holiday off after Sunday work",
    "rule.AML-10-9-1-break-required": "Break after 5.5 hours",
    "rule.AML-10-9-1-break-30": "Half-hour break from 8 hours",
    "rule.AML-10-10-2-permitted": "When Sunday and holiday work is allowed",
    "rule.AML-10-11-2-permitted": "When night work is allowed",
    "rule.AML-10-2-night-exempt": "Excused from night work",
    "rule.AML-10-11-6-night-avg": "Regular night work: 8 hours on average",
    "rule.AML-10-11-7-night-risk": "Risky or straining night work: 8 hours",
    "rule.AML-10-12-1-senior": "Senior or independent position",
    "rule.AML-10-12-4-union": "Agreement with a union with innstillingsrett",
    "rule.AML-10-12-6-7-inspectorate": "The Labour Inspection's consent",
    "rule.AML-11-2-youth-hours": "Under 18: working hours",
    "rule.AML-11-3-youth-night": "Under 18: no night work",
    "rule.AML-11-5-youth-daily-rest": "Under 18: daily rest",
    "rule.AML-11-5-youth-weekly-rest": "Under 18: weekly rest",
    "rule.AML-11-5-1-youth-break": "Under 18: break",
    "rule.AML-11-youth-overtime": "Under 18: no overtime",
    "rule.TAR-week-355": "Rota week of at most 35.5 hours",
    "rule.TAR-week-336": "Three-shift rota week of 33.6 to 35.5 hours",
    "rule.TAR-daily-125": "Shifts of at most 12.5 hours",
    "rule.TAR-weekend-freq": "At most every third weekend",
    "rule.TAR-f1-weekly-rest-marking": "An F1 weekly day off every week",
    "rule.TAR-f3-not-red-day": "F3 on a Sunday or holiday",
    "rule.CONTRACT-max-shifts": "Most shifts of a shift type",
    "rule.CONTRACT-max-total-minutes": "Most working time in the period",
    "rule.CONTRACT-min-total-minutes": "Least working time in the period",
    "rule.CONTRACT-max-consecutive-shifts": "Most working days in a row",
    "rule.CONTRACT-min-consecutive-shifts": "Fewest working days in a row",
    "rule.CONTRACT-min-consecutive-days-off": "Fewest days off in a row",
    "rule.CONTRACT-max-weekends": "Most weekends worked",
    "rule.CONTRACT-forbidden-succession": "Forbidden shift sequences",
    "rule.REQ-unavailable": "No work while away",
    "rule.FIXED-assignment": "Fixed shifts",
})
MESSAGES.update({  # fixed shifts that conflict with no rule (issue 15)
    "conflict.fixed_only": "{employee}: the fixed shifts ({pins}) cannot all be kept.",
})
MESSAGES["report.col_title"] = "Name"  # a rule's title in the check report's summary (issue 15)
MESSAGES.update({  # the command line's last words, in the language known then (issue 15)
    "cli.interrupted_loading": "Interrupted before anything was done; nothing was written.",
    "cli.interrupted": "Interrupted (Ctrl-C). Any output file was left as it was.",
    "cli.internal_error": "Internal error (a bug in aml-roster, not in your input): {error}. "
                          "Any output file was left as it was. Please report it with the "
                          "command and the input; ROSTER_DEBUG=1 shows the details.",
})
MESSAGES.update({  # the check's mode as people read it (issue 15); the JSON keeps its value
    "report.mode_fixed": "fixed",
    "report.mode_strict": "strict",
})
# A paragraph written in words, as people read it (the JSON keeps the spec's text);
# the rules whose paragraph is a § alone need none (issue 15).
MESSAGES.update({
    "paragraph.AML-11-youth-overtime": "ch. 11",
    "paragraph.TAR-daily-125": "NSF (§ 10-5 (2) local agreement)",
    "paragraph.TAR-weekend-freq": "Spekter hospitals (practice)",
    "paragraph.TAR-f1-weekly-rest-marking": "§ 10-8 (2) (tariff marking)",
    "paragraph.TAR-f3-not-red-day": "§ 10-8 (4) (tariff marking)",
    "paragraph.CONTRACT-max-shifts": "contract",
    "paragraph.CONTRACT-max-total-minutes": "contract",
    "paragraph.CONTRACT-min-total-minutes": "contract",
    "paragraph.CONTRACT-max-consecutive-shifts": "contract",
    "paragraph.CONTRACT-min-consecutive-shifts": "contract",
    "paragraph.CONTRACT-min-consecutive-days-off": "contract",
    "paragraph.CONTRACT-max-weekends": "contract",
    "paragraph.CONTRACT-forbidden-succession": "contract",
})
MESSAGES.update({  # roster solve: the checker found hard violations in a solved roster (a bug)
    "solve.loud.head": "WARNING: the checker found hard violations in the solver's roster.\n"
                       "This is a bug in aml-roster: do NOT publish this roster.",
    "solve.loud.line": "  - {rule} {paragraph} employee {employee}: {message}",
    "solve.loud.more": "  … and {n} more",
    "solve.loud.written": "The roster was written to {path} for inspection (Violations sheet).",
})
MESSAGES.update({  # roster replan (issue 20)
    "sheet.summary.tier.change": "change",
    "sheet.name.Changes": "Changes",
    "replan.input.suffix":
        "the changes file must be .xlsx or .csv (found {suffix})",
    "replan.input.not_utf8": "the CSV file is not UTF-8 text; save it as CSV UTF-8",
    "replan.input.no_kind_column":
        "the Changes sheet needs a column 'kind' (Norwegian 'Type'): sick, leave, course, "
        "demand, pin or now",
    "replan.input.missing": "no {column} given",
    "replan.input.unknown_employee": "unknown employee {employee!r} (not in the Employees sheet)",
    "replan.input.outside": "the date {day} is after the horizon {start} to {end}: nothing is left to re-plan",
    "replan.input.unknown_shift": "unknown shift code {code!r} (known: {known})",
    "replan.input.unknown_skill": "unknown skill {skill!r} (no employee has it)",
    "replan.input.unknown_kind":
        "unknown kind {kind!r}: give sick, leave, course (an absence), demand, pin or now",
    "replan.input.two_nows": "a second 'now' row (the first is {first}); give one moment",
    "replan.input.bad_now":
        "--now: expected a date and time like 2026-04-10T12:00, found {text!r}",
    "replan.input.outside_now":
        "now ({now}) is after the horizon {start} to {end}: nothing is left to re-plan",
    "replan.input.published_employee":
        "employee {employee!r} of the published roster is not in the planning workbook",
    "replan.input.no_published": "the published roster has no shifts of the planning workbook",
    "replan.clash.started":
        "{employee} on {day}: the published {shift} has already started (before now); a pin "
        "cannot change it",
    "replan.clash.past":
        "{employee} on {day}: {shift} would start before now; a pin cannot put a shift in the "
        "past",
    "replan.sheet.employee": "Employee",
    "replan.sheet.name": "Name",
    "replan.sheet.date": "Date",
    "replan.sheet.old": "Published",
    "replan.sheet.new": "New",
    "replan.sheet.kind": "Change",
    "replan.sheet.effective": "Takes effect",
    "replan.sheet.notice": "Within the 14-day notice (§ 10-3)",
    "replan.sheet.note": "Note",
    "replan.sheet.off": "day off",
    "replan.sheet.yes": "yes",
    "replan.sheet.no": "no",
    "replan.sheet.kind.added": "day off -> shift",
    "replan.sheet.kind.removed": "shift -> day off",
    "replan.sheet.kind.changed": "another shift",
    "replan.sheet.within_note":
        "within the notice of § 10-3 (AML-10-3-plan): needs the employee's agreement or a "
        "reason the law accepts",
    "replan.sheet.absent_note": "absent ({kind})",
    "replan.sheet.none": "No cell changed: the published roster stands.",
    "replan.sheet.title":
        "Changes to the roster published, re-planned at {now}: {changed} cells, {employees} "
        "employees",
    "replan.cell_comment": "Changed by the re-plan; published: {old}",
    "replan.absence.sick": "sick",
    "replan.absence.leave": "leave",
    "replan.absence.course": "course",
    "replan.summary":
        "{changed} cells changed ({within} within the 14-day notice of § 10-3), {employees} "
        "employees affected; the absences took {lost} published shifts",
    "replan.written": "Written: {path}",
    "replan.no_roster": "No roster: {status}.",
    "replan.now_from_clock": "now: {now} (the clock; give --now or a 'now' row to fix it)",
})
MESSAGES.update({  # roster replan: what of the published roster was not used (issue 20)
    "replan.published_not_read": "--published: not read: {what}",
    "replan.published_period_left_out":
        "{employee} {start}-{end}: not a shift of the Shifts sheet at its start time; left out "
        "of the published roster",
})
MESSAGES["replan.cell_absence"] = "{kind}: {start} to {end} ({ref}); no shift planned"
MESSAGES["replan.own_sheet_not_read"] = (
    "the sheet {sheet!r} of WORKBOOK (the changes are those of --changes)")
MESSAGES.update({  # what-if budgets: a scenario still above its target gap (issue 17)
    "whatif.budget.short":
        "gap {gap:.1f} % > target {target:.1f} % after {seconds:.0f} s of search: give a longer --time-limit to compare it as well proven as the baseline",
    "whatif.cli.short_of_target": "Above the target gap in {line}",
})
