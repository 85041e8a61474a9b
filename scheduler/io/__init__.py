"""The planning workbook: reading (``reader``: the whole read; ``read/``: one module
per sheet and the table reader), the annotated template (``template``), cell
parsing (``cells``), sheet and column names in English and Norwegian (``sheets``), and safe
Excel input/output (``excel``: atomic saves, formula-safe text, guarded loading)."""
