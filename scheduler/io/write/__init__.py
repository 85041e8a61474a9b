"""Writing the solved roster workbook: one module per output sheet (``roster``, ``coverage``,
``hours``, ``violations``, ``summary``, ``headroom``, ``wishes``) on the cell helpers in
``cells.py``, the sheet bookkeeping and print setup in ``book.py`` and the run facts in
``run.py``; :mod:`scheduler.io.write.workbook` assembles them."""
