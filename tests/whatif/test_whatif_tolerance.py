"""Better / worse only outside the solvers' proven gaps (issue #17, scheduler.whatif.tolerance)."""

from __future__ import annotations

import io
from typing import Any

import openpyxl

from scheduler.io.write.whatif_results import write_results_sheet
from scheduler.whatif import output as out
from scheduler.whatif import tolerance as tol
from scheduler.whatif.metrics import Figures
from scheduler.whatif.runner import ScenarioResult


def figs(coverage: float = 100.0, deviation: float = 10.0, **kw: Any) -> Figures:
    base: dict[str, Any] = dict(employees=6, coverage_pct=coverage, shortfall_person_shifts=0,
                                uncovered_hours={"RN": round((100 - coverage) * 0.8, 2)},
                                planned_hours=300.0, overtime_hours=0.0, extra_hours=0.0,
                                contract_deviation_hours=deviation, requests_granted_pct=50.0,
                                nights_spread=1, weekend_spread=1)
    base.update(kw)
    return Figures(**base)


def result(name: str, objective: float, bound: float, f: Figures, status: str = "FEASIBLE",
           **kw: Any) -> ScenarioResult:
    gap = 0.0 if status == "OPTIMAL" else round(100 * (objective - bound) / objective, 4)
    return ScenarioResult(name=name, status=status, objective=objective, best_bound=bound,
                          gap_pct=gap, figures=f, **kw)


BASE = result("Baseline", 100.0, 83.0, figs(deviation=161.7))


def test_overlapping_proofs_are_within_tolerance_whatever_the_figures() -> None:
    # the example: "Two fewer RN" looked better on contract deviation at a 17.6 % gap
    fewer = result("Two fewer RN", 95.0, 80.0, figs(deviation=29.6, requests_granted_pct=60.0))
    assert tol.verdict(BASE, fewer) == "within"
    assert tol.better_worse(BASE, fewer) == ([], [])
    assert tol.change(BASE, fewer, "contract_deviation_hours") == 0


def test_proofs_apart_call_each_figure_by_its_direction() -> None:
    worse = result("Sick week", 300.0, 150.0, figs(coverage=90.0, deviation=5.0))
    assert tol.verdict(BASE, worse) == "apart"  # its bound 150 is above the baseline's 100
    better, worse_on = tol.better_worse(BASE, worse)
    assert "coverage_pct" in worse_on and "uncovered_total" in worse_on
    assert "contract_deviation_hours" in better


def test_the_limit_of_the_overlap_exactly() -> None:
    touching = result("Touch", 120.0, 100.0, figs(coverage=95.0))
    just_apart = result("Apart", 120.0, 100.01, figs(coverage=95.0))
    assert tol.verdict(BASE, touching) == "within"
    assert tol.verdict(BASE, just_apart) == "apart"


def test_equal_figures_are_the_same_and_the_baseline_is_itself() -> None:
    same = result("Copy", 100.0, 83.0, figs(deviation=161.7))
    assert tol.verdict(BASE, same) == "same"
    assert tol.verdict(BASE, BASE) == "baseline"
    none = ScenarioResult(name="Nothing", status="UNKNOWN")
    assert tol.verdict(BASE, none) == "none"


def test_proven_optima_that_differ_are_apart() -> None:
    a = result("Baseline", 50.0, 50.0, figs(), status="OPTIMAL")
    b = result("Other", 50.5, 50.5, figs(deviation=11.0), status="OPTIMAL")
    assert tol.verdict(a, b) == "apart"
    assert tol.better_worse(a, b) == ([], ["contract_deviation_hours"])


def test_a_weight_change_is_compared_only_between_proven_optima() -> None:
    w = result("Fair", 400.0, 390.0, figs(nights_spread=0), weights_changed=True)
    assert tol.verdict(BASE, w) == "within"  # objectives weighted otherwise: not comparable


def test_the_table_json_and_the_norwegian_sheet_mark_the_tolerance() -> None:
    fewer = result("Two fewer RN", 95.0, 80.0, figs(deviation=29.6))
    sick = result("Sick week", 300.0, 150.0, figs(coverage=90.0))
    results = [BASE, fewer, sick]
    rows = dict(out._rows(results))
    assert rows["Vs baseline"] == ["baseline", "within solver tolerance",
                                   "outside solver tolerance"]
    assert rows["Contract deviation h"][1].endswith("≈")  # differs, within tolerance
    assert rows["Coverage %"][2].startswith("[red]") or "[red]" in rows["Coverage %"][2]
    assert rows["Bound"] == ["83.0", "80.0", "150.0"]
    report = out.json_report(results)["scenarios"]
    assert report[1]["vs_baseline"] == "within" and report[1]["better_on"] == []
    assert report[2]["vs_baseline"] == "apart" and "coverage_pct" in report[2]["worse_on"]
    assert report[2]["best_bound"] == 150.0

    wb = openpyxl.Workbook()
    title = write_results_sheet(wb, results, lang="nb")
    buf = io.BytesIO()
    wb.save(buf)
    ws = openpyxl.load_workbook(io.BytesIO(buf.getvalue()))[title]
    header = [c.value for c in ws[1]]
    col = {h: i for i, h in enumerate(header)}
    rows2 = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    assert rows2[1][col["Mot grunnlaget"]] == "innenfor løserens toleranse"
    assert rows2[2][col["Mot grunnlaget"]] == "utenfor løserens toleranse"
    assert "dekning" in rows2[2][col["Dårligere på"]]
    assert rows2[1][col["Bedre på"]] in (None, "")
    assert rows2[2][col["Nedre grense"]] == 150.0 and rows2[1][col["Optimalitetsgap %"]] == fewer.gap_pct
