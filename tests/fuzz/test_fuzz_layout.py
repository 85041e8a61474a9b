"""Dedicated fuzz run of grid-layout mutations for ``roster check`` (300 cases; contract in
``layout.py``)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz.layout import layout_case, layout_ops


@settings(deadline=None, print_blob=True, max_examples=300,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(ops=st.lists(layout_ops, min_size=1, max_size=8),
       fmt=st.sampled_from(["json", "json", "table", "xlsx"]))
def test_grid_layout(ops: list, fmt: str) -> None:
    with tempfile.TemporaryDirectory() as d:
        layout_case(Path(d), ops, fmt)
