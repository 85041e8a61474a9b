"""An annotated blank planning workbook (``roster template``).

Every sheet the reader knows, with a header comment on every column, drop-down lists (shift
codes, request kinds, agreement families, tiers and parameters, yes/no), one example row per
sheet, and an ``About`` sheet that explains the format in plain words. The example rows read
back (``read_problem``) into a small valid problem, so a planner can start by overwriting them.
Headers are English (``language="en"``) or Norwegian (``language="nb"``); the reader accepts
both either way.
"""

from __future__ import annotations

import os
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from constraints import limits
from scheduler import i18n
from scheduler.io import sheets as S
from scheduler.io.excel import cell_text, safe_save
from scheduler.io.scenarios_template import write_scenarios_sheet
from scheduler.model import RequestKind, Tier, Weights

LANGUAGES = ("en", "nb")
_HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
_HEADER_FONT = Font(bold=True, color="FFFFFF")
_EXAMPLE_FONT = Font(italic=True, color="595959")
_ROWS = 500  # rows prepared with drop-downs and formats
_AUTHOR = "aml-roster"


def _yes(lang: str, value: bool) -> str:
    return i18n.text("template.yes" if value else "template.no", lang)


def _help(lang: str, key: str) -> str:
    """A header comment or key explanation in ``lang`` (the ``template.*`` catalogue entries)."""
    return i18n.text(key, lang)


def example_rows(lang: str = "en") -> dict[str, list[list[Any]]]:
    """The example rows of each sheet, in the order of the sheet's columns (see ``sheets``)."""
    y = lambda v: _yes(lang, v)  # noqa: E731
    monday = "man" if lang == "nb" else "Mon"
    nurse = skill("nurse", lang)
    return {
        "shifts": [["D", "Day" if lang == "en" else "Dag", time(7, 30), time(15, 30), 30,
                    y(True), 0, None]],
        "employees": [["E1", "Kari Nordmann", 80, None, nurse, y(False), None, y(False),
                       y(True), y(False), y(False), y(False), y(False), None, "Std"]],
        "demand": [[monday, "D", nurse, 1, 2, None]],
        "requests": [["E1", datetime(2026, 4, 14), None, None,
                      S.REQUEST_KIND_NB["day_off"] if lang == "nb" else "day_off", None, 1]],
        "fixed": [["E1", datetime(2026, 4, 15), "OFF" if lang == "en" else "FRI"]],
        "history": [["E1", datetime(2026, 3, 31, 7, 30), datetime(2026, 3, 31, 15, 30),
                     "planned" if lang == "en" else "planlagt", 30, 12, datetime(2026, 3, 29)]],
        "agreements": [["E1", "10-5", Tier.T2_INDIVIDUAL.value, "daily_limit_hours", 10,
                        datetime(2026, 1, 1), datetime(2026, 12, 31)]],
        # id, max shifts per type, min/max hours, max/min in a row, min days off, weekends, pairs
        "contracts": [["Std", "D=20", None, 150, 5, None, 2, 2, None]],
    }


# The example skills as a ward writes them: registered nurse / sykepleier (SPL), health worker /
# helsefagarbeider (HF).
SKILLS = {"nurse": {"en": "RN", "nb": "SPL"}, "health_worker": {"en": "HCA", "nb": "HF"}}


def skill(name: str, lang: str = "en") -> str:
    return SKILLS[name][lang]


def example_scenarios(lang: str = "en") -> list[list[Any]]:
    """Example what-if scenarios (the Scenarios sheet; ``roster whatif`` runs them)."""
    nb = lang == "nb"
    nurse = skill("nurse", lang)
    return [
        ["Én sykepleier mindre" if nb else "One nurse fewer", "remove_employees", nurse, 1],
        ["Dagvakt +10 %" if nb else "Day shift demand +10 %", "scale_demand", "D", "110 %"],
        ["Ansett sykepleier 80 %" if nb else "Hire a nurse at 80 %", "add_employees", nurse, 1,
         80],
        ["Hviletid 10 t" if nb else "Quick returns: 10 h rest", "agreement", "10-8",
         "T3_TARIFF_REPS", None, "site", None, None,
         "tariffavtale om kortere hvile" if nb else "collective agreement on shorter rest"],
        [None, "parameter", "10-8 daily_rest_hours", 10, None, "site"],
    ]


def example_settings(lang: str = "en") -> list[tuple[str, Any]]:
    y = lambda v: _yes(lang, v)  # noqa: E731
    return [
        ("site_name", "Ward 4B" if lang == "en" else "Post 4B"),
        ("month", "2026-04"),
        ("day_boundary", "00:00"),
        ("week_start", "Monday" if lang == "en" else "mandag"),
        ("night_start", "21:00"),
        ("night_end", "06:00"),
        ("full_time_hours", 35.5),
        ("tariff_bound", y(True)),
        ("sunday_work_permitted_by_nature", y(True)),
        ("night_work_permitted_by_nature", y(True)),
        ("allow_split_duties", y(False)),
        ("strict", y(False)),
        ("language", lang),
    ]


_NUMBER_FORMATS = {
    "time": "hh:mm",
    "date": "yyyy-mm-dd",
    "datetime": "yyyy-mm-dd hh:mm",
    "text": "@",
}
_COLUMN_FORMATS: dict[tuple[str, str], str] = {
    ("shifts", "code"): "text", ("shifts", "start"): "time", ("shifts", "end"): "time",
    ("employees", "id"): "text", ("employees", "birth_date"): "date",
    ("demand", "date"): "date", ("demand", "shift"): "text",
    ("requests", "employee"): "text", ("requests", "date"): "date",
    ("requests", "from"): "date", ("requests", "to"): "date",
    ("fixed", "employee"): "text", ("fixed", "date"): "date", ("fixed", "shift"): "text",
    ("history", "employee"): "text", ("history", "start"): "datetime",
    ("history", "end"): "datetime", ("history", "last_sunday_worked"): "date",
    ("agreements", "scope"): "text", ("agreements", "family"): "text",
    ("agreements", "valid_from"): "date", ("agreements", "valid_to"): "date",
    ("employees", "contract"): "text", ("contracts", "id"): "text",
    ("contracts", "max_shifts"): "text", ("contracts", "forbidden_successions"): "text",
}
_BOOL_COLUMNS = {
    ("shifts", "break_counts_as_work"),
    *(("employees", f) for f in ("under_18", "in_school", "night_work_allowed", "exempt_10_12",
                                 "excused_overtime", "overtime_consent", "high_risk_night")),
}


def _header(ws: Any, row: int, col: int, label: str, help_text: str) -> None:
    c = ws.cell(row=row, column=col, value=cell_text(label))
    c.font = _HEADER_FONT
    c.fill = _HEADER_FILL
    c.alignment = Alignment(vertical="center")
    comment = Comment(help_text, _AUTHOR)
    comment.width, comment.height = 260, 110
    c.comment = comment


def _list_validation(ws: Any, formula: str, rng: str, prompt: str, *, strict: bool = True,
                     lang: str = "en") -> None:
    dv = DataValidation(type="list", formula1=formula, allow_blank=True,
                        showDropDown=False, showErrorMessage=True,
                        errorStyle="stop" if strict else "information",
                        promptTitle="", prompt=prompt[:250], showInputMessage=True)
    dv.error = _help(lang, "template.choose_from_list" if strict else "template.not_in_list")
    ws.add_data_validation(dv)
    dv.add(rng)


def _table_sheet(wb: Workbook, spec: S.SheetSpec, lang: str, rows: list[list[Any]],
                 shifts_title: str, about_title: str, param_rows: tuple[int, int]) -> Any:
    ws = wb.create_sheet(spec.label(lang))
    yes_no = f'"{_yes(lang, True)},{_yes(lang, False)}"'
    for i, col in enumerate(spec.columns, start=1):
        col_help = _help(lang, f"template.col.{spec.key}.{col.field}")
        _header(ws, 1, i, col.label(lang),
                col_help + (_help(lang, "template.required") if col.required else ""))
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = max(12, len(col.label(lang)) + 4)
        kind = _COLUMN_FORMATS.get((spec.key, col.field))
        rng = f"{letter}2:{letter}{_ROWS}"
        if kind is not None:
            for r in range(2, _ROWS + 1):
                ws.cell(row=r, column=i).number_format = _NUMBER_FORMATS[kind]
        if (spec.key, col.field) in _BOOL_COLUMNS:
            _list_validation(ws, yes_no, rng, col_help, lang=lang)
        if col.field == "shift" and spec.key in ("demand", "requests", "fixed"):
            codes = f"={quote_sheetname(shifts_title)}!$A$2:$A${_ROWS}"
            _list_validation(ws, codes, rng, col_help, strict=spec.key != "fixed", lang=lang)
        if spec.key == "employees" and col.field == "contract":
            ids = f"={quote_sheetname(S.CONTRACTS.label(lang))}!$A$2:$A${_ROWS}"
            _list_validation(ws, ids, rng, col_help, strict=False, lang=lang)
        if spec.key == "requests" and col.field == "kind":
            kinds = [S.REQUEST_KIND_NB[k] if lang == "nb" else k
                     for k in ("vacation", *(k.value for k in RequestKind))]
            _list_validation(ws, '"' + ",".join(kinds) + '"', rng, col_help, lang=lang)
        if spec.key == "history" and col.field == "kind":
            kinds = ("planlagt,overtid,merarbeid" if lang == "nb" else "planned,overtime,extra")
            _list_validation(ws, f'"{kinds}"', rng, col_help, lang=lang)
        if spec.key == "agreements" and col.field == "tier":
            _list_validation(ws, '"' + ",".join(t.value for t in Tier) + '"', rng, col_help,
                             lang=lang)
        if spec.key == "agreements" and col.field == "family":
            _list_validation(ws, '"' + ",".join(limits.FAMILIES) + '"', rng, col_help, lang=lang)
        if spec.key == "agreements" and col.field == "parameter":
            first, last = param_rows
            ref = f"={quote_sheetname(about_title)}!$B${first}:$B${last}"
            _list_validation(ws, ref, rng, col_help, lang=lang)
    for r, values in enumerate(rows, start=2):
        for i, v in enumerate(values, start=1):
            if v is None:
                continue
            c = ws.cell(row=r, column=i, value=cell_text(v))
            c.font = _EXAMPLE_FONT
    ws.freeze_panes = "A2"
    return ws


def _key_sheet(wb: Workbook, spec: S.SheetSpec, lang: str, keys: tuple[S.Key, ...],
               values: list[tuple[str, Any]]) -> Any:
    ws = wb.create_sheet(spec.label(lang))
    help_label = _help(lang, "template.help_column")
    key_col, value_col = spec.columns
    _header(ws, 1, 1, key_col.label(lang), _help(lang, f"template.col.{spec.key}.key"))
    _header(ws, 1, 2, value_col.label(lang), _help(lang, f"template.col.{spec.key}.value"))
    _header(ws, 1, 3, help_label, _help(lang, "template.help_column_comment"))
    by_key = {k.key: k for k in keys}
    for r, (key, value) in enumerate(values, start=2):
        k = by_key[key]
        ws.cell(row=r, column=1, value=cell_text(k.label(lang)))
        c = ws.cell(row=r, column=2, value=cell_text(value))
        c.font = _EXAMPLE_FONT
        c.number_format = "@"
        ws.cell(row=r, column=3, value=cell_text(_help(lang, f"template.key.{spec.key}.{key}")))
    ws.column_dimensions["A"].width = 36
    ws.column_dimensions["B"].width = 16
    ws.column_dimensions["C"].width = 90
    ws.freeze_panes = "A2"
    return ws


# The About text is the catalogue entry "template.about" (scheduler.i18n).


def _about_sheet(wb: Workbook, lang: str) -> tuple[Any, tuple[int, int]]:
    ws = wb.create_sheet(S.ABOUT.label(lang), 0)
    lines = _help(lang, "template.about").split("\n")
    for r, line in enumerate(lines, start=1):
        ws.cell(row=r, column=1, value=cell_text(line))
    ws.cell(row=1, column=1).font = Font(bold=True, size=14)
    ws.column_dimensions["A"].width = 14
    ws.column_dimensions["B"].width = 26
    for letter in "CDEFGHIJK":
        ws.column_dimensions[letter].width = 14
    top = len(lines) + 2
    tiers = [t for t in limits.TIER_ORDER if t != Tier.T0_DEFAULT]
    head = [_help(lang, f"template.param.{k}") for k in ("family", "parameter", "default", "unit")]
    head += [t.value for t in tiers]
    for i, h in enumerate(head, start=1):
        c = ws.cell(row=top, column=i, value=h)
        c.font = _HEADER_FONT
        c.fill = _HEADER_FILL
    r = top
    for fam in limits.FAMILIES.values():
        for p in fam.params.values():
            r += 1
            ws.cell(row=r, column=1, value=cell_text(fam.key))
            ws.cell(row=r, column=2, value=p.name)
            ws.cell(row=r, column=3, value=_show(p.default, lang))
            ws.cell(row=r, column=4, value=i18n.unit(p.unit, lang))
            for i, t in enumerate(tiers, start=5):  # "-": the tier cannot relax it
                if p.power(t) is not None:
                    ws.cell(row=r, column=i, value=_show(p.bound(t), lang))
    return ws, (top + 1, r)


def _show(v: Any, lang: str = "en") -> Any:
    if isinstance(v, bool):
        return _yes(lang, v)
    if v is None:
        return "-"
    return v


def build_template(language: str = "en") -> Workbook:
    """The template workbook (not saved)."""
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}")
    lang = language
    wb = Workbook()
    wb.remove(wb.active)
    about, param_rows = _about_sheet(wb, lang)
    _key_sheet(wb, S.SETTINGS, lang, S.SETTING_KEYS, example_settings(lang))
    rows = example_rows(lang)
    shifts_title = S.SHIFTS.label(lang)
    for spec in (S.SHIFTS, S.EMPLOYEES, S.DEMAND, S.REQUESTS, S.FIXED, S.HISTORY,
                 S.AGREEMENTS, S.CONTRACTS):
        _table_sheet(wb, spec, lang, rows[spec.key], shifts_title, about.title, param_rows)
    defaults = Weights()
    _key_sheet(wb, S.WEIGHTS, lang, S.WEIGHT_KEYS,
               [(k.key, getattr(defaults, k.key)) for k in S.WEIGHT_KEYS])
    write_scenarios_sheet(wb, example_scenarios(lang), lang)
    wb.active = 1
    fixed_created = datetime(2026, 1, 1)
    wb.properties.creator = _AUTHOR
    wb.properties.created = fixed_created
    return wb


def write_template(path: str | os.PathLike[str], language: str = "en",
                   force: bool = False) -> Path:
    """Write the template to ``path`` (atomically). Refuses to overwrite unless ``force``."""
    target = Path(path)
    if target.exists() and not force:
        raise FileExistsError(str(target))
    return safe_save(build_template(language), target)


EXAMPLE_MONTH = date(2026, 4, 1)
