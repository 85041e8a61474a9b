"""Reading a roster to check (``roster check``): :mod:`.load` reads a roster grid workbook or a
timesheet into one :class:`~scheduler.model.Roster`; :mod:`.grid` reads the grid,
:mod:`.timesheet` the timesheet, :mod:`.values` the values both hold, :mod:`.source` says what
was read (the coverage) and :mod:`.horizon` the period checked."""
