"""The language of the command line's last words (Ctrl-C, an internal error), decided early.

These lines can come before a command has read its workbook, so the language is taken from
what is known at that moment, best first:

1. ``--lang X`` (or ``--lang=X``) among the command's arguments;
2. the language the command settled on once it read its input (:func:`settle`: the Settings
   sheet's ``Language``, or ``--lang``);
3. the environment's locale: ``LC_ALL``, then ``LC_MESSAGES``, then ``LANG`` (``nb_NO.UTF-8``,
   ``no_NO``, ``nn_NO`` → Norwegian; anything else, or nothing, → English).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

_settled: str | None = None  # the language of this run's input, once read
_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
_NORWEGIAN = ("nb", "no", "nn")


def from_args(args: Sequence[str]) -> str | None:
    """``--lang``'s value among ``args`` (``en``/``nb``), or None."""
    from scheduler import i18n

    for i, arg in enumerate(args):
        value = None
        if arg == "--lang" and i + 1 < len(args):
            value = args[i + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        if value is not None and value.strip().lower() in i18n.LANGUAGES:
            return value.strip().lower()
    return None


def from_environment(environ: Mapping[str, str] | None = None) -> str:
    """``nb`` when the first locale variable set names Norwegian, else ``en``."""
    env = os.environ if environ is None else environ
    for name in _LOCALE_VARIABLES:
        value = env.get(name, "")
        if value:  # the first one set decides (POSIX order)
            return "nb" if value.lower().split(".")[0].split("_")[0] in _NORWEGIAN else "en"
    return "en"


def settle(lang: str) -> None:
    """The command has read its input and speaks ``lang`` from now on."""
    global _settled
    _settled = lang


def forget() -> None:
    """A new command starts (tests run several in one process)."""
    global _settled
    _settled = None


def language(args: Sequence[str] = ()) -> str:
    """The language in force now (see the module docstring)."""
    return from_args(args) or _settled or from_environment()


__all__ = ["forget", "from_args", "from_environment", "language", "settle"]
