"""The message catalogues (English, Norwegian bokmål) and how findings are rendered from them."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from constraints.base import CheckContext, Finding
from constraints.checker import run_check
from constraints.rest import DAILY_REST
from scheduler import i18n
from scheduler.clock import to_minutes
from scheduler.i18n import en, nb
from tests.rosterkit import dt, period, roster, settings

ROOT = Path(__file__).resolve().parents[2]


def catalogue_problems(a: dict[str, str], b: dict[str, str]) -> list[str]:
    """Keys in one catalogue and not the other, and keys whose placeholder sets differ."""
    out = [f"only in the first: {k}" for k in sorted(set(a) - set(b))]
    out += [f"only in the second: {k}" for k in sorted(set(b) - set(a))]
    for k in sorted(set(a) & set(b)):
        pa, pb = i18n.placeholders(a[k]), i18n.placeholders(b[k])
        if pa != pb:
            out.append(f"{k}: placeholders {sorted(pa)} vs {sorted(pb)}")
    return out


def test_catalogue_checker_catches_missing_keys_and_placeholder_drift() -> None:
    assert catalogue_problems({"a": "{x} h", "b": "y"}, {"a": "{x} t", "b": "y"}) == []
    assert catalogue_problems({"a": "x", "b": "y"}, {"a": "x"}) == ["only in the first: b"]
    assert catalogue_problems({"a": "x"}, {"a": "x", "c": "z"}) == ["only in the second: c"]
    assert catalogue_problems({"a": "{x:.2f} h"}, {"a": "{y:.2f} t"}) == [
        "a: placeholders ['x'] vs ['y']"]


def test_english_and_norwegian_catalogues_match() -> None:
    assert catalogue_problems(en.MESSAGES, nb.MESSAGES) == []


def test_norwegian_catalogue_is_translated() -> None:
    empty = [k for k, v in nb.MESSAGES.items() if not v.strip()]
    assert empty == []
    # Sentences (not codes or names that read the same in both languages) differ.
    same = [k for k in en.MESSAGES if en.MESSAGES[k] == nb.MESSAGES[k] and len(en.MESSAGES[k]) > 12]
    assert same == []


_KEY_CALL = re.compile(r"""\b(?:msg|term|i18n\.text|text|_help)\(\s*\n?\s*["']([a-z0-9_.]+)["']""")
_DYNAMIC = re.compile(r"""\b(?:msg|term|i18n\.text|_help)\(\s*f["']([a-z0-9_.]+)\{""")


def _source_files() -> list[Path]:
    return [p for d in ("constraints", "scheduler") for p in (ROOT / d).rglob("*.py")
            if "i18n" not in p.parts]


def test_every_key_the_code_uses_is_in_the_catalogue() -> None:
    used: set[str] = set()
    prefixes: set[str] = set()
    for path in _source_files():
        text = path.read_text(encoding="utf-8")
        used.update(k for k in _KEY_CALL.findall(text) if "." in k)
        prefixes.update(_DYNAMIC.findall(text))
    assert len(used) > 60  # the scan does find the calls
    assert sorted(k for k in used if k not in en.MESSAGES) == []
    for prefix in prefixes:
        assert any(k.startswith(prefix) for k in en.MESSAGES), prefix


def test_numbers_times_and_red_days_in_each_language() -> None:
    assert i18n.text("hours.daily_normal", "en", emp="E1", hours=9.5, what="x", span="s",
                     tier="T0_DEFAULT", limit=9.0).count("9.50") == 1
    nb_text = i18n.text("hours.daily_normal", "nb", emp="E1", hours=9.5, what="x", span="s",
                        tier="T0_DEFAULT", limit=12.5)
    assert "9,50 planlagte timer" in nb_text and "12,5 t" in nb_text
    m = to_minutes(dt("2026-04-04 15:00"))
    assert i18n.clock(m, "en") == "Sat 04 Apr 2026 15:00"
    assert i18n.clock(m, "nb") == "lør 04.04.2026 kl. 15:00"
    assert i18n.hours_text(2100, "en") == "35 h" and i18n.hours_text(2099, "nb") == "34,98 t"
    assert i18n.red_day_name(date(2026, 4, 5), "en") == "Sunday; Easter Sunday"
    assert i18n.red_day_name(date(2026, 4, 5), "nb") == "søndag; Første påskedag"
    assert i18n.red_day_name(date(2026, 3, 8), "nb") == "søndag"
    assert i18n.unit("hours per week (8-week average)", "nb") == (
        "timer per uke (gjennomsnitt over 8 uker)")
    assert i18n.unit("hours", "en") == "hours" and i18n.unit("something new", "nb") == (
        "something new")


@pytest.mark.parametrize(("value", "expected"), [
    ("nb", "nb"), ("NO", "nb"), ("norsk", "nb"), ("Bokmål", "nb"), ("en", "en"), ("", "en"),
    (None, "en"), ("de", "en"),
])
def test_language_names(value: str | None, expected: str) -> None:
    assert i18n.language(value) == expected


def test_finding_keeps_key_and_args_and_renders_in_the_language_in_force() -> None:
    r = roster(period("E1", "2026-03-02 15:00", "2026-03-02 23:00"),
               period("E1", "2026-03-03 07:00", "2026-03-03 15:00"))
    (f_en,) = [f for f in run_check(settings("2026-03-02"), r).findings
               if f.rule == DAILY_REST.id]
    (f_nb,) = [f for f in run_check(settings("2026-03-02", language="nb"), r).findings
               if f.rule == DAILY_REST.id]
    assert f_en.message_key == f_nb.message_key == "rest.daily_short"
    assert f_en.message.startswith("Only 8 h continuous rest in the 24 h from Mon 02 Mar 2026")
    assert f_nb.message.startswith("Bare 8 t sammenhengende hvile i døgnet fra man 02.03.2026")
    assert i18n.render(f_en.message_key, f_en.message_args, "nb") == f_nb.message
    # Everything but the message is the same, and the JSON has no new keys.
    same = {k: v for k, v in f_en.to_json().items() if k not in ("message",)}
    assert same == {k: v for k, v in f_nb.to_json().items() if k not in ("message",)}
    assert "message_key" not in f_en.to_json() and "message_args" not in f_en.to_json()
    json.dumps(f_en.message_args)  # language-neutral and serialisable


def test_plain_text_messages_still_work() -> None:
    ctx = CheckContext(settings=settings("2026-03-02"), roster=roster())
    f = ctx.finding(DAILY_REST, "E1", None, None, "plain words")
    assert isinstance(f, Finding) and f.message == "plain words" and f.message_key is None
    with pytest.raises(ValueError):
        ctx.finding(DAILY_REST, "E1", None, None)


def test_every_template_column_and_key_has_help_in_both_languages() -> None:
    """The help people read lives in the catalogues (which never import the workbook schema):
    every column of every planning sheet and every Settings/Weights key has an entry."""
    from scheduler.io import sheets

    keys = [f"template.col.{spec.key}.{col.field}" for spec in sheets.SHEETS
            for col in spec.columns]
    keys += [f"template.key.settings.{k.key}" for k in sheets.SETTING_KEYS]
    keys += [f"template.key.weights.{k.key}" for k in sheets.WEIGHT_KEYS]
    for lang in i18n.LANGUAGES:
        missing = [k for k in keys if not i18n.catalogue(lang).get(k, "").strip()]
        assert missing == [], (lang, missing)
