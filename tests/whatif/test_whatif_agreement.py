"""The ranking comparison of two sweep runs (benchmarks/whatif_agreement.py, issue 17): calls
only outside the solvers' tolerance, agreements and contradictions counted KPI by KPI."""

from __future__ import annotations

from benchmarks.whatif_agreement import agreement, calls
from tests.whatif.test_whatif_tolerance import figs, result

BASE = result("Baseline", 100.0, 90.0, figs(coverage=100.0, deviation=50.0))


def test_only_pairs_the_proofs_separate_are_called() -> None:
    worse = result("Fewer", 200.0, 150.0, figs(coverage=95.0, deviation=40.0))  # apart
    near = result("Near", 105.0, 95.0, figs(coverage=99.0))  # overlaps the baseline
    c = calls([BASE, worse, near])
    assert c["coverage_pct"] == {("Baseline", "Fewer"): -1, ("Fewer", "Near"): 1}
    assert c["contract_deviation_hours"][("Baseline", "Fewer")] == 1  # less is better
    assert ("Baseline", "Near") not in c["coverage_pct"]  # within tolerance: not ranked


def test_agreement_counts_same_calls_contradictions_and_one_run_calls() -> None:
    one = [BASE, result("A", 200.0, 150.0, figs(coverage=95.0)),
           result("B", 300.0, 250.0, figs(coverage=90.0))]
    # run 2: A now within tolerance of the baseline; B better on coverage than A
    # (a contradiction of run 1's A-B call); the baseline-B call the same
    two = [BASE, result("A", 200.0, 95.0, figs(coverage=80.0)),
           result("B", 300.0, 250.0, figs(coverage=90.0))]
    cov = {a.kpi: a for a in agreement(one, two)}["coverage_pct"]
    assert cov.calls == (3, 2)  # run 2: Baseline-B and A-B (their intervals stay apart)
    assert cov.agree == 1 and cov.contradict == 1 and cov.one_run == 1
    assert (cov.raw_same, cov.raw_pairs) == (2, 3)  # the A-B order flipped
    same = {a.kpi: a for a in agreement(one, one)}["coverage_pct"]
    assert same.contradict == 0 and same.agree == same.calls[0] == 3
