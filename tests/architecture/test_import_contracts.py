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


def test_no_contract_carries_debt() -> None:
    """Issue #21 paid the last `ignore_imports` debt; a new entry needs its own issue."""
    cp = _config()
    indebted = [name for name in cp.sections() if "ignore_imports" in cp[name]]
    assert indebted == []


def test_the_layers_contract_bites(tmp_path: Path) -> None:
    """With the law put above the solver, the solver's real imports of the law break the
    layers contract: the contract is checked, not merely listed."""
    cp = _config()
    section = cp["importlinter:contract:layers"]
    layers = section["layers"].split("\n")
    i, j = layers.index("scheduler.solver"), layers.index("constraints")
    layers[i], layers[j] = layers[j], layers[i]
    section["layers"] = "\n".join(layers)
    swapped = tmp_path / "swapped.ini"
    with swapped.open("w", encoding="utf-8") as f:
        cp.write(f)
    run = _lint(swapped)
    assert run.returncode == 1
    assert "1 broken" in run.stdout, run.stdout
