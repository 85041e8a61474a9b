"""Reading the planning workbook, one module per sheet (as ``docs/workbook-format.md`` describes
them): :mod:`.table` finds a sheet's header and rows, :mod:`.book` holds what the sheets read so
far (the ids, codes and horizon the later sheets check against) and the issues, and each sheet's
module reads it into the domain models. :mod:`scheduler.io.read.workbook` reads them in order.
"""
