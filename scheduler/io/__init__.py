"""The I/O wing: every file aml-roster reads or writes, one sub-package per job.

``read/`` reads the planning workbook (one module per sheet, :mod:`scheduler.io.read.workbook`
reads them in order); ``write/`` writes the roster workbook (one module per output sheet,
:mod:`scheduler.io.write.workbook` assembles them); ``roster/`` reads a roster grid or a timesheet
for ``roster check``; ``report/`` writes ``roster check``'s report. Shared by them: cell parsing
(``cells``, 1904-aware), the streamed used cells of a sheet (``used``), safe Excel input/output
(``excel``: atomic saves, formula-safe text, guarded loading), the sheet, column, key and word
tables in English and Norwegian (``sheets``) and the annotated template (``template``,
``scenarios_template``)."""
