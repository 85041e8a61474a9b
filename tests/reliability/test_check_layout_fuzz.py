"""Grid-layout fuzzing of ``roster check`` (the fast sample of ``make test``; ``make fuzz`` runs
the same case at 300 examples in ``tests/fuzz/test_fuzz_layout.py``).

Blank rows, title rows, header notes, note columns, text rows, far cells and merged ranges never
make the check skip work silently: see ``tests/fuzz/layout.py`` for the contract.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz.layout import layout_case, layout_ops


@settings(deadline=None, derandomize=True, database=None, max_examples=25,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(ops=st.lists(layout_ops, min_size=1, max_size=5),
       fmt=st.sampled_from(["json", "json", "table"]))
def test_layout_mutations_never_hide_unread_work(ops: list, fmt: str) -> None:
    with tempfile.TemporaryDirectory() as d:
        layout_case(Path(d), ops, fmt)


def test_each_layout_mutation_alone(tmp_path: Path) -> None:
    """One of each kind, so every mutation is exercised whatever the sample draws."""
    for i, op in enumerate([
        ("blank_rows", 1, 2), ("title_rows", 2), ("header_note", 5, "see note"),
        ("header_note", 0, "see note"), ("note_column", 3, "uke 15"), ("text_row", "Sum", 1),
        ("far_cell", "XFD1048576", "x"), ("far_cell", "XFD2", "N"), ("merge", 1, 0),
    ]):
        folder = tmp_path / str(i)
        folder.mkdir()
        layout_case(folder, [op], "json")
