"""A changed planning problem, validated again; :class:`ChangeError` when a change cannot apply.

Shared by the change functions of what-if (:mod:`scheduler.whatif.apply` and the modules it
dispatches to).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pydantic import ValidationError

from scheduler.model import Problem


class ChangeError(ValueError):
    """A change that cannot be applied to this problem; ``field`` is the column it is about."""

    def __init__(self, message: str, field: str = "change") -> None:
        super().__init__(message)
        self.message = message
        self.field = field


def rebuild(problem: Problem, **updates: Any) -> Problem:
    """A new problem with some fields replaced, validated again."""
    fields = {name: getattr(problem, name) for name in Problem.model_fields}
    fields.update(updates)
    try:
        return Problem(**fields)
    except ValidationError as exc:
        raise ChangeError("; ".join(str(e.get("msg", "")) for e in exc.errors())) from None


def known_ids(problem: Problem, ids: Iterable[str]) -> list[str]:
    known = {e.id for e in problem.employees}
    ids = list(ids)
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise ChangeError(f"unknown employee(s) {', '.join(map(repr, unknown))}", "target")
    return ids
