"""The dedicated fuzz run (``make fuzz``): collected only when ``AML_FUZZ=1``.

``make test`` runs a fast sample of the same cases (``tests/reliability/test_reliability_*.py``); this folder
holds the long runs: ≥ 1,000 fuzzed inputs, 200 solver/checker cross-check instances, timing of
the time limit, determinism on a real instance and Ctrl-C on a running solve.
"""

from __future__ import annotations

import os

collect_ignore_glob = [] if os.environ.get("AML_FUZZ") == "1" else ["test_*.py"]
