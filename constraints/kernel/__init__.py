"""The shared kernel of the rule families: the measuring and posting helpers they all use.

* :mod:`constraints.kernel.geometry` — the per-problem precompute in plain ints (every cell's
  interval in epoch minutes, its minutes inside the calendar's windows, rest pairs), built once
  per solve;
* :mod:`constraints.kernel.posting` — the ``PostContext`` every rule's ``DOMAIN`` and ``POSTS``
  functions receive (forbid / add / penalize / group), and the typed interface
  (:class:`~constraints.kernel.posting.OvertimeTails`) through which posts read the solver's
  overtime variables;
* :mod:`constraints.kernel.rest` — the rest posts for a rule of ``rest`` minutes (forbidden
  cells, conflicting pairs, weekly off stretches) that § 10-8 and the ch. 11 youth rules share,
  and the § 10-8 rest in force; :mod:`constraints.kernel.rest_rules` — the § 10-8 (1)/(2) rule
  specs other families measure against;
* :mod:`constraints.kernel.window_caps` — the window-sum cap posts every hour limit shares
  (§§ 10-4, 10-5, 10-6, ch. 11), with the § 10-4 (2) passive extension;
* :mod:`constraints.kernel.timeline` — one employee's sorted timeline (continuous work blocks,
  off-duty gaps, windows answered by bisection); :mod:`constraints.kernel.sweep` — the check
  side's sweeps over it that the rest, Sunday, night, tariff and turnus-code checks measure with;
* :mod:`constraints.kernel.rate` — worked minutes as arrays and rates;
  :mod:`constraints.kernel.measure` — limit lookups, fixed multi-week blocks, windows over a
  limit; :mod:`constraints.kernel.scans` — the over-the-limit scans of the hour-limit families
  (§§ 10-4, 10-5, 10-6, 10-9, ch. 11);
* :mod:`constraints.kernel.normal_limits` — the § 10-4 normal-hours limit in force (statute, site,
  reduced week, § 10-5 agreement) that normal hours, averaging and § 10-6 all judge by;
  :mod:`constraints.kernel.reduced_week` — which § 10-4 (4)/(5)/(6) reduced week applies;
* :mod:`constraints.kernel.standby` — each employee's own § 10-4 (3) on-call share in the
  solver's minutes.

Multi-week blocks and their anchors (the overtime year, a § 10-5 agreement's start) are read
from the problem's :class:`constraints.windows.TimeWindows` (``ctx.windows`` / ``geo.windows``).

A family imports the kernel, ``constraints.base``, ``constraints.windows`` and ``constraints.limits``, never another
family (the import contract in ``.importlinter``).

The check side's context is :mod:`constraints.base`. Nothing here imports the solver
(``scheduler.solver``): the solver builds a ``PostContext`` and hands it to the families.
"""
