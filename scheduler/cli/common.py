"""Shared CLI plumbing: clean input errors (exit 2), never a traceback."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from scheduler import i18n
from scheduler.errors import InputError

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK = 0
EXIT_VIOLATIONS = 1
EXIT_BAD_INPUT = 2
EXIT_INFEASIBLE = 3
EXIT_INTERNAL = 70  # an internal error (a bug): never 1, which means violations / no roster
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT), whenever it comes


def input_errors_exit_2(fn: F) -> F:
    """Print every input problem on stderr and exit with code 2 instead of a traceback."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        lang = kwargs.get("lang") or kwargs.get("language")  # --lang (template: its --lang)
        try:
            return fn(*args, **kwargs)
        except InputError as exc:  # in --lang, else the language the input's Settings give
            click.echo(exc.render(lang or exc.lang), err=True)
            sys.exit(EXIT_BAD_INPUT)
        except OSError as exc:  # unreadable input, disk full, read-only folder: no traceback
            where = f"{exc.filename}: " if exc.filename else ""
            click.echo(where + i18n.text("cli.os_error", i18n.language(lang),
                                         reason=exc.strerror or str(exc)), err=True)
            sys.exit(EXIT_BAD_INPUT)

    return wrapper  # type: ignore[return-value]
