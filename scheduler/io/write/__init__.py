"""Writing the solved roster workbook: one module per output sheet (``roster``, ``coverage``,
``hours``, ``violations``, ``summary``, ``headroom``, ``wishes``, ``changes``,
``whatif_results``) on the cell helpers in ``cells.py``, the sheet bookkeeping in ``book.py``,
the run facts in ``run.py``, the colours in ``styles.py`` and the print setup in
``printing.py``; :mod:`scheduler.io.write.workbook` assembles them, and
:mod:`scheduler.io.write.replan` the workbook of ``roster replan``."""
