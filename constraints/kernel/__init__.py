"""The shared kernel of the rule families: the measuring and posting helpers they all use.

* :mod:`constraints.kernel.geometry` — the per-problem precompute in plain ints (every cell's
  interval in epoch minutes, its minutes inside the calendar's windows, rest pairs), built once
  per solve;
* :mod:`constraints.kernel.posting` — the ``PostContext`` every rule's ``DOMAIN`` and ``POSTS``
  functions receive (forbid / add / penalize / group), and the typed interface
  (:class:`~constraints.kernel.posting.OvertimeTails`) through which posts read the solver's
  overtime variables;
* :mod:`constraints.kernel.rest` — the rest posts for a rule of ``rest`` minutes (forbidden
  cells, conflicting pairs, weekly off stretches) that § 10-8 and the ch. 11 youth rules share;
* :mod:`constraints.kernel.sweep` — the check side's sorted-timeline sweeps (continuous work
  blocks, off-duty gaps, windows answered by bisection) that the rest, Sunday, night, tariff and
  turnus-code checks measure with;
* :mod:`constraints.kernel.measure` — the check side's hour measures (worked-minute rates, limit
  lookups, fixed multi-week blocks and the overtime year) of the hour-limit families (§§ 10-4,
  10-5, 10-6, 10-9, ch. 11).

Multi-week blocks and their anchors (the overtime year, a § 10-5 agreement's start) are read
from the problem's :class:`constraints.windows.TimeWindows` (``ctx.windows`` / ``geo.windows``).

A family imports the kernel, ``constraints.base`` and ``constraints.limits``, never another
family (the import contract in ``.importlinter``; its debt list names what is left).

The check side's context is :mod:`constraints.base`. Nothing here imports the solver
(``scheduler.solver``): the solver builds a ``PostContext`` and hands it to the families.
"""
