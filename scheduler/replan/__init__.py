"""Re-planning a published roster (issue 20): the § 10-3 notice test, the cell-by-cell
difference of two rosters, the employees who may take an open shift, and the minimal-change
re-plan."""
