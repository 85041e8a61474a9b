"""What-if scenarios and the minimum-staffing search (``roster whatif``, ``roster staffing``).

* :mod:`scheduler.whatif.changes` — the scenario and change models (pydantic; a leaf module);
  the ``Scenarios`` / ``Scenarier`` sheet is read by :mod:`scheduler.io.read.scenarios`
  (every problem reported at its cell);
* :mod:`scheduler.whatif.apply` — a change applied to a :class:`~scheduler.model.Problem` gives a
  new problem (pure functions; the input problem is never touched): to the staff
  (:mod:`~scheduler.whatif.staff`), the demand (:mod:`~scheduler.whatif.demand`) or the rules
  (:mod:`~scheduler.whatif.rule_changes`), each revalidated by :mod:`~scheduler.whatif.rebuild`;
* :mod:`scheduler.whatif.metrics` — the figures of one scenario from its solution;
* :mod:`scheduler.whatif.runner` — the sweep: serially, in a local process pool or on a Dask
  cluster (problems and results travel as pydantic JSON);
* :mod:`scheduler.whatif.output` — the comparison table (terminal, JSON; the result workbook
  is written by :mod:`scheduler.io.write.whatif_results`);
* :mod:`scheduler.whatif.staffing` — the smallest extra staff that makes the demand coverable.

The user guide is ``docs/whatif.md``.
"""
