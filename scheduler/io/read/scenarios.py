"""The ``Scenarios`` sheet (what-if): named lists of changes to the planning problem.

The sheet (``Scenarios``, Norwegian ``Scenarier``) has one row per scenario and change; several
rows with the same scenario name form one scenario, applied in row order (a blank scenario cell
continues the scenario above). Columns (English / Norwegian; see ``docs/whatif.md``)::

    scenario | change | target | value | position % | scope | from | to | note
    Scenario | Endring| Gjelder| Verdi | Stilling % | Omfang| Fra  | Til| Merknad

Changes (the first word; Norwegian and a few other spellings are accepted):

=================  ======================================  =====================================
change             target                                  value / other columns
=================  ======================================  =====================================
remove_employees   employee ids (``W03, W07``) or a skill  with a skill: how many (the last N
                                                           with that skill in the Employees
                                                           sheet)
add_employees      a skill (``RN``)                        how many (default 1); position %
                                                           (default 100)
scale_demand       blank (all), or shift codes, skills,    the factor: ``1.1`` or ``110 %``;
                   weekdays, ``weekend``, ``holiday``      from / to limit it to dates
sick_leave         employee ids, or a skill                with a skill: how many; from and to
                                                           (required): the days away
agreement          a rule family (``10-5``)                the tier (``T3_TARIFF_REPS``, ``T2``,
                                                           ``T0`` = none); scope: site or an id;
                                                           from / to: valid from / to
parameter          ``10-8 daily_rest_hours``               the value; scope: site or an id
weight             a weight name (``fairness``)            a whole number
overtime           (blank)                                 yes (default) or no
=================  ======================================  =====================================

Every problem is collected with its cell and raised together as one
:class:`~scheduler.errors.InputError`: unknown changes, unknown employees, shifts, skills or
weights, bad numbers and dates, and changes that cannot be applied to the problem (each scenario
is applied once while reading, so a parameter beyond what its tier allows is reported at the
value cell, as in the Agreements sheet).

The change models are in :mod:`scheduler.whatif.changes`; each row's change is read by
:mod:`scheduler.io.read.scenario_rows`.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from typing import Any

from pydantic import ValidationError

from scheduler.errors import Collector, InputError
from scheduler.io import cells as C
from scheduler.io import sheets as S
from scheduler.io.read.scenario_rows import ChangeReader
from scheduler.io.read.table import missing_columns, read_table
from scheduler.io.sheets.columns import SCENARIOS
from scheduler.model import Problem
from scheduler.whatif.apply import apply_change
from scheduler.whatif.changes import BASELINE, Change, Scenario
from scheduler.whatif.rebuild import ChangeError

MAX_SCENARIOS = 500


CHANGE_WORDS: dict[str, tuple[str, ...]] = {
    "remove_employees": ("remove", "remove employee", "remove employees", "fewer", "fjern",
                         "fjern ansatt", "fjern ansatte", "færre"),
    "add_employees": ("add", "add employee", "add employees", "hire", "legg til",
                      "legg til ansatte", "ansett", "nyansatt", "nyansatte", "flere"),
    "scale_demand": ("demand", "scale", "scale demand", "bemanning", "skaler bemanning",
                     "endre bemanning", "behov"),
    "sick_leave": ("sick", "sick leave", "leave", "absence", "away", "syk", "sykmelding",
                   "sykemelding", "sykefravær", "fravær", "permisjon"),
    "agreement": ("agreement tier", "tier", "set tier", "avtale", "avtalenivå", "nivå"),
    "parameter": ("rule parameter", "param", "set parameter", "regelparameter"),
    "weight": ("set weight", "vekt", "vekting"),
    "overtime": ("allow overtime", "overtid", "tillat overtid"),
}
CHANGE_FIELDS = {  # cell a ChangeError's field points at
    "target": "target", "value": "value", "position_pct": "position_pct", "scope": "scope",
    "from": "from", "to": "to", "change": "change",
}


def find_scenario_sheet(wb: Any) -> str | None:
    """The title of the scenarios sheet (sheets written by aml-roster are skipped)."""
    from scheduler.io.write.workbook import is_output_sheet

    wanted = SCENARIOS.names()
    for ws in wb.worksheets:
        if S.norm(ws.title) in wanted and not is_output_sheet(ws):
            return str(ws.title)
    return None


def read_scenarios(
    path: str | os.PathLike[str],
    problem: Problem,
    *,
    required: bool = True,
    data: bytes | None = None,
) -> list[Scenario]:
    """Read the scenarios sheet of ``path`` (without the baseline); raise every problem at once.

    Each scenario is applied to ``problem`` once while reading, so a change that cannot be
    applied (an agreement parameter beyond its tier, a leave outside the horizon, …) is reported
    at its cell. ``required``: a missing sheet is an input error (otherwise ``[]``).
    """
    from scheduler.io.used import load_used

    wb = load_used(path, data)  # memory follows the data, not the sheet's dimension
    out = Collector(str(path))
    title = find_scenario_sheet(wb)
    if title is None:
        if required:
            out.add(f"no {SCENARIOS.en!r} sheet (Norwegian {SCENARIOS.nb!r}) with scenarios "
                    "was found; see docs/whatif.md for its layout")
            out.raise_if_any()
        return []
    table = read_table(wb[title], SCENARIOS, out)
    if table is None or not missing_columns(table, SCENARIOS, out):
        out.raise_if_any()
        return []
    reader = ChangeReader(wb, title, problem, out)
    groups: OrderedDict[str, list[tuple[Change, Any]]] = OrderedDict()
    names: dict[str, str] = {}
    current: str | None = None
    broken: set[str] = set()
    for row in table.rows:
        raw_name = C.text(row.get("scenario"))
        if raw_name is None and C.text(row.get("change")) is None:
            continue  # a note-only row
        if raw_name is None:
            if current is None:
                out.add("the scenario name is missing", title, row.ref("scenario"))
                continue
            raw_name = current
        current = raw_name
        key = S.norm(raw_name) or raw_name
        if key == S.norm(BASELINE):
            out.add(f"the name {BASELINE!r} is kept for the unchanged problem (it is always "
                    "included); give this scenario another name", title, row.ref("scenario"))
            broken.add(key)
            continue
        names.setdefault(key, raw_name)
        groups.setdefault(key, [])
        kind_text = C.text(row.get("change"))
        if kind_text is None:
            out.add("the change is missing", title, row.ref("change"))
            broken.add(key)
            continue
        kind = S.match_word(kind_text, CHANGE_WORDS)
        if kind is None:
            known = ", ".join(CHANGE_WORDS)
            out.add(f"unknown change {kind_text!r} (known: {known})", title, row.ref("change"))
            broken.add(key)
            continue
        before = len(out.issues)
        try:
            change = reader.change(kind, row)
        except ValidationError as exc:
            for err in exc.errors():
                out.add(str(err.get("msg", "invalid value")), title, row.ref("value"))
            change = None
        if change is None or len(out.issues) > before:
            if len(out.issues) == before:
                out.add("this change could not be read", title, row.ref("change"))
            broken.add(key)
            continue
        groups[key].append((change, row))
    if len(groups) > MAX_SCENARIOS:
        out.add(f"{len(groups)} scenarios; at most {MAX_SCENARIOS} are allowed", title, "A1")
    scenarios: list[Scenario] = []
    for key, items in groups.items():
        if key in broken:
            continue
        scenario = Scenario(name=names[key], changes=tuple(ch for ch, _ in items))
        _dry_run(problem, scenario, [r for _, r in items], title, out)
        scenarios.append(scenario)
    if out.issues:
        raise InputError(sorted(out.issues, key=lambda i: _row_of(i.cell)))
    return scenarios


def _row_of(ref: str) -> tuple[int, str]:
    digits = "".join(ch for ch in ref if ch.isdigit())
    letters = "".join(ch for ch in ref if ch.isalpha())
    return (int(digits) if digits else 0, letters.rjust(3))


def _dry_run(problem: Problem, scenario: Scenario, rows: list[Any], title: str,
             out: Collector) -> None:
    """Apply the scenario once; the first change that fails is reported at its cell."""
    p = problem
    for change, row in zip(scenario.changes, rows, strict=True):
        try:
            p = apply_change(p, change)
        except ChangeError as exc:
            out.add(exc.message, title, row.ref(CHANGE_FIELDS.get(exc.field, "change")))
            return
        except (ValueError, KeyError) as exc:
            out.add(f"this change cannot be applied: {exc}", title, row.ref("change"))
            return
