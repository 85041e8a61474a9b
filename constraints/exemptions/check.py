"""§ 10-12 (1)/(2) has no check of its own: the engine applies it by skipping rules whose
``RuleSpec.applies_to_exempt`` is ``False`` for employees flagged ``exempt_10_12``."""

from __future__ import annotations

from collections.abc import Callable

from constraints.base import CheckContext, Finding

CHECKS: dict[str, Callable[[CheckContext], list[Finding]]] = {}
