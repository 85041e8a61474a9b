"""A check report for people and programs (``roster check``): :mod:`.text` renders the table,
the plain text and the JSON; :mod:`.xlsx` writes the report workbook (Findings sheet, the grid
with its offending cells marked)."""
