"""The import contracts of .importlinter (issue #21): the layers point down, the rule families
are independent of each other, no package holds an import circle. `make lint` runs the same."""

from __future__ import annotations

import configparser
import subprocess
import sys
from pathlib import Path

from constraints import registry

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / ".importlinter"


def _lint(config: Path) -> subprocess.CompletedProcess[str]:
    code = ("import sys; from importlinter.cli import lint_imports; "
            f"sys.exit(lint_imports(config_filename={str(config)!r}, no_cache=True, no_logo=True))")
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          check=False)


def _config() -> configparser.ConfigParser:
    cp = configparser.ConfigParser()
    cp.read(CONFIG, encoding="utf-8")
    return cp


def test_the_import_contracts_are_kept() -> None:
    run = _lint(CONFIG)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 broken" in run.stdout


def test_every_registered_family_is_sealed() -> None:
    cp = _config()
    families = [f"constraints.{pkg}" for pkg in registry.FAMILY_PACKAGES]
    assert cp["importlinter:contract:families"]["modules"].split() == families
    assert cp["importlinter:contract:kernel"]["forbidden_modules"].split() == families


def test_the_contracts_bite_without_their_debt_list(tmp_path: Path) -> None:
    """Dropping the debt entries breaks every contract: the listed imports are real, and a
    new upward or cross-family import would be reported."""
    cp = _config()
    indebted = 0
    for name in ("layers", "families", "acyclic"):
        section = cp[f"importlinter:contract:{name}"]
        if "ignore_imports" in section:
            indebted += 1
            del section["ignore_imports"]
    assert indebted  # when no debt is left, this test has done its job: delete it
    stripped = tmp_path / "stripped.ini"
    with stripped.open("w", encoding="utf-8") as f:
        cp.write(f)
    run = _lint(stripped)
    assert run.returncode == 1
    assert f"{indebted} broken" in run.stdout, run.stdout
