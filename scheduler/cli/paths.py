"""Output paths, checked before any work: an output never replaces an input, and its folder
can be written.

Every command that writes (``solve``, ``check -o``, ``whatif -o`` / ``--rosters``,
``template``) calls :func:`guard_outputs` before it reads or solves anything, so a mistake in a
path costs nothing and an input is never overwritten. Two paths are the same file when they
name it through a symlink, a hard link, ``..`` or a different spelling of the folder.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from scheduler import i18n
from scheduler.errors import InputError, Issue


def same_file(a: Path, b: Path) -> bool:
    """Do ``a`` and ``b`` name the same file (symlinks, hard links and ``..`` resolved)?"""
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return a.resolve() == b.resolve()


def folder_of(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def label(what: str) -> Any:
    """What a path is, for a message: a catalogue term for the labels the commands use ("the
    roster", "the report" …), else as given (an option name such as ``--scenarios``)."""
    from scheduler import i18n

    key = f"input.paths.what.{what}"
    if key in i18n.catalogue("en"):
        return i18n.term(key)
    if what.startswith("--rosters file "):
        return i18n.term("input.paths.what.rosters_file", name=what[len("--rosters file "):])
    return what


def writable_folder_issue(folder: Path, what: str) -> Issue | None:
    """Why ``folder`` cannot take a new file (it is missing, not a folder, or read-only), or
    ``None``. Writability is tested by creating and removing a temporary file there, which is
    what the atomic save will do (a permission check alone is wrong for root and for
    read-only mounts)."""
    if not folder.exists():
        return Issue(i18n.msg("input.paths.no_folder", what=label(what), folder=str(folder)),
                     file=str(folder))
    if not folder.is_dir():
        return Issue(i18n.msg("input.paths.not_folder", what=label(what), folder=str(folder)),
                     file=str(folder))
    try:
        fd, probe = tempfile.mkstemp(prefix=".roster-write-test.", suffix=".tmp", dir=folder)
    except OSError as exc:
        return Issue(i18n.msg("input.paths.read_only", what=label(what), folder=str(folder),
                              why=str(exc.strerror or exc)), file=str(folder))
    os.close(fd)
    os.unlink(probe)
    return None


def guard_outputs(outputs: Mapping[str, Path | None], inputs: Mapping[str, Path | None]) -> None:
    """Raise :class:`InputError` (exit 2) listing every output that would replace an input and
    every output folder that is missing or read-only. ``outputs``/``inputs``: what each path
    is (for the message) -> the path, or ``None`` when not given."""
    issues: list[Issue] = []
    given_inputs = {what: p for what, p in inputs.items() if p is not None}
    folders: dict[Path, str] = {}
    for what, out in outputs.items():
        if out is None:
            continue
        for in_what, inp in given_inputs.items():
            if same_file(out, inp):
                issues.append(Issue(i18n.msg("input.paths.over_input", what=label(what),
                                             input=label(in_what), path=str(inp)), file=str(out)))
        folders.setdefault(folder_of(out).resolve(), what)
    for folder, what in folders.items():
        issue = writable_folder_issue(folder, what)
        if issue is not None:
            issues.append(issue)
    if issues:
        raise InputError(issues)


def lock_files(path: Path) -> list[Path]:
    """The lock files that say ``path`` is open in Excel (``~$ward.xlsx``; for a longer name
    Excel replaces its first two characters: ``~$cument.xlsx`` for ``Document.xlsx``) or in
    LibreOffice (``.~lock.ward.xlsx#``) and that lie beside it now."""
    name = path.name
    candidates = {f"~${name}", f"~${name[2:]}", f".~lock.{name}#"}
    folder = folder_of(path)
    return sorted(folder / c for c in candidates if (folder / c).is_file())


def open_elsewhere(paths: Mapping[str, Path | None]) -> dict[str, tuple[Path, Path]]:
    """{what: (path, its lock file)} for each given path that is open in Excel/LibreOffice."""
    out: dict[str, tuple[Path, Path]] = {}
    for what, p in paths.items():
        if p is not None:
            locks = lock_files(p)
            if locks:
                out[what] = (p, locks[0])
    return out


def refuse_open_outputs(outputs: Mapping[str, Path | None], force: bool) -> None:
    """Raise :class:`InputError` (exit 2) for every output that is open in Excel or LibreOffice
    (its lock file lies beside it), unless ``force``: saving over it would fail, or the program
    there would later save its own copy over the roster."""
    if force:
        return
    issues = [Issue(i18n.msg("input.paths.open_output", what=label(what), path=str(p),
                             lock=lock.name), file=str(p))
              for what, (p, lock) in open_elsewhere(outputs).items()]
    if issues:
        raise InputError(issues)


def open_input_warnings(inputs: Mapping[str, Path | None], lang: str = "en") -> list[str]:
    """A warning for each input that is open in Excel or LibreOffice: what is read is the last
    saved version, not what is on the screen there."""
    return [i18n.text("input.paths.open_input", lang, path=str(p), lock=lock.name)
            for p, lock in open_elsewhere(inputs).values()]
