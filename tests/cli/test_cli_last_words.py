"""Ctrl-C and an internal error speak the language known at that moment (issue 15): --lang,
else the input's Settings language once read, else the environment's locale."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from scheduler.cli import language, main
from scheduler.cli import solve as cli_solve
from scheduler.cli import validate as cli_validate
from scheduler.cli.common import EXIT_INTERNAL, EXIT_INTERRUPTED
from tests.cli.test_cli_solve import FAST, make_workbook
from tests.english_text import english_in
from tests.reliability.test_reliability_clear_errors import REPO
from tests.whatif.test_whatif_nb import _staffing_workbook

ENGLISH = {"LC_ALL": "C.UTF-8"}
NORWEGIAN = {"LC_ALL": None, "LC_MESSAGES": None, "LANG": "nb_NO.UTF-8"}


def _broken(*a: object, **k: object) -> None:
    raise ValueError("injected")


def _interrupt(*a: object, **k: object) -> None:
    raise KeyboardInterrupt


@pytest.mark.parametrize(("args", "expected"), [
    (["solve", "w.xlsx", "--lang", "nb"], "nb"),
    (["solve", "--lang=nb", "w.xlsx"], "nb"),
    (["check", "w.xlsx", "--lang", "en"], "en"),
    (["solve", "w.xlsx", "--lang"], None),  # no value
    (["solve", "w.xlsx", "--lang", "fr"], None),  # not a language: click names it
    (["solve", "w.xlsx"], None),
])
def test_lang_among_the_arguments(args: list[str], expected: str | None) -> None:
    assert language.from_args(args) == expected


@pytest.mark.parametrize(("environ", "expected"), [
    ({"LANG": "nb_NO.UTF-8"}, "nb"),
    ({"LANG": "no_NO"}, "nb"),
    ({"LANG": "nn_NO.UTF-8"}, "nb"),
    ({"LANG": "en_GB.UTF-8"}, "en"),
    ({"LANG": "C.UTF-8"}, "en"),
    ({}, "en"),
    ({"LC_ALL": "C", "LANG": "nb_NO.UTF-8"}, "en"),  # LC_ALL first
    ({"LC_ALL": "", "LC_MESSAGES": "nb_NO.UTF-8", "LANG": "en_US"}, "nb"),  # empty: not set
])
def test_locale_of_the_environment(environ: dict[str, str], expected: str) -> None:
    assert language.from_environment(environ) == expected


def test_internal_error_in_norwegian_from_lang(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_solve, "read_problem", _broken)
    res = CliRunner(env=ENGLISH).invoke(
        main, ["solve", str(make_workbook(tmp_path / "w.xlsx")), *FAST, "--lang", "nb"])
    assert res.exit_code == EXIT_INTERNAL
    assert "Intern feil (en feil i aml-roster, ikke i dine data): ValueError: injected" \
        in res.stderr
    assert english_in(res.stderr) == [] and "Traceback" not in res.output


def test_internal_error_in_the_settings_language_once_read(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """No --lang, an English locale: the workbook says Language = nb, and it was read."""
    monkeypatch.setattr(cli_validate, "summarise", _broken)
    path = _staffing_workbook(tmp_path / "w.xlsx")  # Language = nb in Settings
    res = CliRunner(env=ENGLISH).invoke(main, ["validate", str(path)])
    assert res.exit_code == EXIT_INTERNAL
    assert "Intern feil" in res.stderr and english_in(res.stderr) == []
    english = CliRunner(env=ENGLISH).invoke(main, ["validate", str(path), "--lang", "en"])
    assert "Internal error (a bug in aml-roster" in english.stderr  # --lang wins


def test_ctrl_c_in_norwegian_from_the_environment(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Interrupted while reading: nothing but the locale says which language."""
    monkeypatch.setattr(cli_solve, "read_problem", _interrupt)
    path = str(make_workbook(tmp_path / "w.xlsx"))
    res = CliRunner(env=NORWEGIAN).invoke(main, ["solve", path, *FAST])
    assert res.exit_code == EXIT_INTERRUPTED
    assert "Avbrutt (Ctrl-C)." in res.stderr and english_in(res.stderr) == []
    en = CliRunner(env=ENGLISH).invoke(main, ["solve", path, *FAST])
    assert en.exit_code == EXIT_INTERRUPTED and "Interrupted (Ctrl-C)." in en.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.xlsx"]


@pytest.mark.parametrize(("extra", "env", "words"), [
    (["--lang", "nb"], ENGLISH, "Avbrutt før noe ble gjort; ingenting ble skrevet."),
    ([], NORWEGIAN, "Avbrutt før noe ble gjort; ingenting ble skrevet."),
    ([], ENGLISH, "Interrupted before anything was done; nothing was written."),
])
def test_ctrl_c_while_the_commands_load_speaks_the_language(tmp_path: Path, extra: list[str],
                                                           env: dict[str, str | None],
                                                           words: str) -> None:
    """A real SIGINT while ``scheduler.cli`` loads the solve command (as in
    test_reliability_clear_errors), with the arguments on the process's own command line."""
    ward = make_workbook(tmp_path / "ward.xlsx")
    code = (
        "import os, signal, sys, importlib.abc\n"
        "class Hook(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'scheduler.cli.solve':\n"
        "            os.kill(os.getpid(), signal.SIGINT)\n"
        "        return None\n"
        "sys.meta_path.insert(0, Hook())\n"
        "from scheduler.cli import main\n"
        "main(sys.argv[1:])\n"
    )
    environ = {k: v for k, v in {**os.environ, **env}.items() if v is not None}
    proc = subprocess.run([sys.executable, "-c", code, "solve", str(ward), *extra], cwd=REPO,
                          capture_output=True, text=True, timeout=120,
                          env={**environ, "PYTHONPATH": str(REPO)})
    assert proc.returncode == 130, proc.stderr
    assert "Traceback" not in proc.stderr and words in proc.stderr
