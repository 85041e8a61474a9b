"""Memory of the planning-workbook reader on a tiny file with values in the last cell.

``python -m benchmarks.far_cells`` writes a small valid planning workbook with ``XFD1048576``
filled in every sheet (and once more with a merge over ``D3:XFD1048576``), reads each with
``read_problem`` and prints the file size, the tracemalloc peak, the time and the process's
max RSS (the numbers quoted in ``docs/reliability.md``).
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from scheduler.errors import InputError
    from scheduler.io.read.workbook import read_problem
    from tests.conftest import base_sheets, write_xlsx
    from tests.io.test_workbook_far_cells import far_workbook

    with tempfile.TemporaryDirectory() as tmp:
        # a first read loads the reader's lazy imports: the peak below is the read's own
        read_problem(write_xlsx(Path(tmp) / "warm.xlsx", base_sheets()))
        for merge in (None, "D3:XFD1048576"):
            path = far_workbook(Path(tmp) / "far.xlsx", merge=merge)
            tracemalloc.start()
            t0 = time.perf_counter()
            try:
                read_problem(path)
                outcome = "read"
            except InputError as exc:
                outcome = f"exit 2 ({len(exc.issues)} issue(s))"
            seconds = time.perf_counter() - t0
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"merge={merge or '-'}: {path.stat().st_size} B, {outcome}, peak "
                  f"{peak / 1e6:.1f} MB, {seconds:.2f} s, max RSS {rss:.0f} MB")


if __name__ == "__main__":
    main()
