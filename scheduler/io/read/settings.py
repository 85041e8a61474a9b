"""The Settings sheet (Innstillinger): key | value rows, the planning horizon."""

from __future__ import annotations

import calendar as _calendar
import re
from datetime import date, datetime, timedelta
from typing import Any, TypeGuard

from pydantic import ValidationError

from scheduler.io import cells as C
from scheduler.io import sheets as S
from scheduler.io.read import agreement_check
from scheduler.io.read.book import Book, plain
from scheduler.io.read.table import key_values
from scheduler.model import Settings

_NOT_KNOWN = {S.norm(x) for x in ("unknown", "ukjent", "?")}


_LANGUAGES = {
    "en": "en", "english": "en", "engelsk": "en",
    "nb": "nb", "no": "nb", "norsk": "nb", "norwegian": "nb", "bokmål": "nb", "bokmal": "nb",
    "nn": "nb", "nynorsk": "nb",
}


_SKIP = object()


def read_settings(bk: Book, required: bool) -> None:
    ws = bk.ws("settings")
    if ws is None:
        if required:
            bk.require_sheet("settings")
        return
    title = ws.title
    raw = key_values(ws, S.SETTING_KEYS, "setting", bk.out)
    values: dict[str, Any] = {}
    for key, (value, ref) in raw.items():
        bk.setting_refs[key] = ref
        w = bk.where(title, ref)
        if key in ("start", "end", "month"):
            continue
        parsed = parse_setting(bk, key, value, w)
        if parsed is not _SKIP:
            values[key] = parsed
    bk.settings_values = values
    read_horizon(bk, title, raw, required)
    # validate the settings fields we have (horizon filled in with a dummy if unknown)
    probe_start = bk.start or date(2000, 1, 1)
    probe_end = bk.end or probe_start
    try:
        Settings(start=probe_start, end=probe_end, **values)
    except ValidationError as exc:
        for err in exc.errors():
            loc = [x for x in err.get("loc", ()) if isinstance(x, str)]
            ref = bk.setting_refs.get(loc[0], "") if loc else ""
            if loc and loc[0] in ("start", "end"):
                continue
            bk.out.add(plain(err), title, ref)
        bk.settings_values = {k: v for k, v in values.items()
                              if not any(k in e.get("loc", ()) for e in exc.errors())}


def parse_setting(bk: Book, key: str, value: Any, w: C.Where) -> Any:
    if key == "site_name":
        return C.text(value) or ""
    if key in ("day_boundary", "week_start_time", "night_start", "night_end",
               "vacation_first_morning_until"):
        t = C.parse_time(value, w)
        return _SKIP if t is None else t
    if key == "week_start":
        if C.is_empty(value):
            return _SKIP
        if isinstance(value, str) and C.clean(value).isdigit():
            value = int(C.clean(value))
        if isinstance(value, int | float) and not isinstance(value, bool):
            if float(value).is_integer() and 0 <= value <= 6:
                return int(value)
        else:
            wd = S.weekday_of(str(value))
            if wd is not None and wd != S.HOLIDAY:
                return wd
        w.problem(f"expected a weekday (Monday..Sunday, mandag..søndag) or 0-6 "
                  f"(0 = Monday), found {value!r}")
        return _SKIP
    if key == "full_time_hours":
        x = C.parse_number(value, w, minimum=1, maximum=48, what="hours per week")
        return _SKIP if x is None else x
    if key == "weekend_rhythm":
        x = C.parse_number(value, w, minimum=0, maximum=10, what="a number of weekends")
        if x is not None and not float(x).is_integer():
            w.problem(f"expected a whole number of weekends, found {value!r}")
            return _SKIP
        return _SKIP if x is None else int(x)
    if key == "contract_tolerance_shifts":
        x = C.parse_number(value, w, minimum=0, maximum=31, what="a number of shifts")
        return _SKIP if x is None else x
    if key in ("overtime_premium_pct", "extra_hours_supplement_pct"):
        low = 40 if key == "overtime_premium_pct" else 0
        x = C.parse_number(value, w, minimum=low, maximum=1000, what="a percentage")
        return _SKIP if x is None else x
    if key in ("rota_10_4_4", "presume_breaks"):
        b = C.parse_bool(value, w)
        return _SKIP if b is None else b
    if key == "continuous_rota":
        if isinstance(value, str) and S.norm(value) in _NOT_KNOWN:
            return None
        return C.parse_bool(value, w, default=None)
    if key == "school_holidays":
        return parse_periods(bk, value, w)
    if key in ("tariff_bound", "allow_split_duties", "strict", "allow_overtime"):
        b = C.parse_bool(value, w)
        return _SKIP if b is None else b
    if key in ("sunday_work_permitted_by_nature", "night_work_permitted_by_nature"):
        if isinstance(value, str) and S.norm(value) in _NOT_KNOWN:
            return None
        return C.parse_bool(value, w, default=None)
    if key == "open_tier_powers":
        return agreement_check.parse_reading(value, w) or _SKIP
    if key == "language":
        lang = _LANGUAGES.get((C.text(value) or "").lower())
        if lang is None:
            w.problem(f"unknown language {value!r} (use en or nb)")
            return _SKIP
        bk.out.lang = lang  # problems are shown in the workbook's language
        return lang
    raise AssertionError(key)  # pragma: no cover - every key is handled above


def parse_periods(bk: Book, value: Any, w: C.Where) -> Any:
    """``first..last`` date periods separated by ``;`` or new lines (a single date is a
    one-day period)."""
    if C.is_empty(value):
        return _SKIP
    if isinstance(value, date | int | float) and not isinstance(value, bool):
        day = C.parse_date(value, w, **bk.date_kw())
        return _SKIP if day is None else ((day, day),)
    out = []
    for part in re.split(r"[;\n]+", str(value)):
        if not part.strip():
            continue
        ends = [x.strip() for x in part.split("..")]
        days = [C.parse_date(x, w, **bk.date_kw()) for x in ends]
        parsed = [d for d in days if d is not None]
        if len(ends) > 2 or len(parsed) < len(days):
            if len(ends) > 2:
                w.problem(f"expected first..last, found {part.strip()!r}")
            return _SKIP
        first, last = parsed[0], parsed[-1]
        if last < first:
            w.problem(f"the period {part.strip()!r} ends before it starts")
            return _SKIP
        out.append((first, last))
    return tuple(out)


def _given(item: tuple[Any, str] | None) -> TypeGuard[tuple[Any, str]]:
    """A Settings value (value, cell) that is there and not empty."""
    return item is not None and not C.is_empty(item[0])


def read_horizon(bk: Book, title: str, raw: dict[str, tuple[Any, str]], required: bool) -> None:
    month = raw.get("month")
    start = raw.get("start")
    end = raw.get("end")
    s = C.parse_date(start[0], bk.where(title, start[1]), **bk.date_kw()) \
        if _given(start) else None
    e = C.parse_date(end[0], bk.where(title, end[1]), **bk.date_kw()) \
        if _given(end) else None
    if _given(month):
        value, ref = month
        if _given(start) or _given(end):
            bk.out.add("give either month or start/end, not both", title, ref)
            return
        ym = _parse_month(value)
        if ym is None:
            bk.out.add(f"expected a month like 2026-04, found {value!r}", title, ref)
            return
        last = _calendar.monthrange(*ym)[1]
        bk.start, bk.end = date(ym[0], ym[1], 1), date(ym[0], ym[1], last)
        return
    if _given(end) and not _given(start):
        bk.out.add("the horizon has an end but no start", title, end[1])
        return
    if not _given(start):
        if required:
            bk.out.add("the planning horizon is missing: give month (e.g. 2026-04), or "
                       "start and end", title, "A1")
        return
    if s is None or (_given(end) and e is None):
        return  # already reported
    if e is None:
        e = _add_month(s) - timedelta(days=1)
    if e < s:
        bk.out.add(f"the horizon ends ({e.isoformat()}) before it starts "
                   f"({s.isoformat()})", title, end[1])  # type: ignore[index]
        return
    if (e - s).days > 400:
        bk.out.add("the horizon is longer than 400 days", title,
                   end[1] if end else start[1])
        return
    bk.start, bk.end = s, e


def _add_month(d: date) -> date:
    y, m = (d.year + 1, 1) if d.month == 12 else (d.year, d.month + 1)
    return date(y, m, min(d.day, _calendar.monthrange(y, m)[1]))


def _parse_month(value: Any) -> tuple[int, int] | None:
    if isinstance(value, datetime | date):
        return value.year, value.month
    s = C.text(value)
    if s is None:
        return None
    m = re.match(r"^(\d{4})[-/.](\d{1,2})$", s) or None
    if m:
        y, mo = int(m[1]), int(m[2])
    else:
        m = re.match(r"^(\d{1,2})[-/.](\d{4})$", s)
        if not m:
            return None
        mo, y = int(m[1]), int(m[2])
    if not (1 <= mo <= 12 and 1900 <= y <= 9999):
        return None
    return y, mo
