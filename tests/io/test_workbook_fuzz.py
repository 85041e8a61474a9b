"""Whatever is typed into a workbook, reading it ends in a Problem or an InputError."""

from __future__ import annotations

from datetime import date, datetime, time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scheduler.errors import InputError
from scheduler.io.read.workbook import read_problem
from scheduler.model import Problem
from tests.conftest import base_sheets, write_xlsx

values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-10**7, max_value=10**7),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=12),
    st.sampled_from(["=1+2", "-", "OFF", "10-5", "T3", "x", "ja", "07:30", "24:00", "Mon",
                     "Holiday", "2026-04-31", "31.04.2026", "80 %", "site", "D:RN", "N"]),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(2100, 1, 1)),
    st.dates(min_value=date(1900, 3, 1), max_value=date(2100, 1, 1)),
    st.times(),
)

EXTRA = {
    "Requests": [["employee", "date", "from", "to", "kind", "shift", "weight"],
                 ["A", "2026-04-02", None, None, "day_off", None, 1]],
    "Fixed": [["employee", "date", "shift"], ["A", "2026-04-03", "D"]],
    "History": [["employee", "start", "end", "kind", "overtime_ytd_hours",
                 "last_sunday_worked"], ["A", "2026-03-31 22:00", "08:00", None, 2, None]],
    "Agreements": [["scope", "family", "tier", "parameter", "value", "valid_from"],
                   ["A", "10-5", "T2", "daily_limit_hours", 10, None]],
    "Weights": [["key", "value"], ["request", 3]],
}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.tuples(st.sampled_from(["Settings", "Shifts", "Employees", "Demand",
                                                  *EXTRA]),
                                st.integers(0, 3), st.integers(0, 6), values),
                      min_size=1, max_size=6))
def test_random_edits_never_escape_as_tracebacks(tmp_path_factory, edits):
    sheets = {**base_sheets(), **{k: [list(r) for r in v] for k, v in EXTRA.items()}}
    for sheet, r, c, value in edits:
        rows = sheets[sheet]
        while len(rows) <= r:
            rows.append([])
        while len(rows[r]) <= c:
            rows[r].append(None)
        if isinstance(value, time):
            value = value.replace(tzinfo=None)
        rows[r][c] = value
    path = write_xlsx(tmp_path_factory.mktemp("fuzz") / "w.xlsx", sheets)
    try:
        result = read_problem(path)
    except InputError as exc:
        assert exc.issues and all(i.message for i in exc.issues)
    else:
        assert isinstance(result, Problem)
