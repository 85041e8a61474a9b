"""The one rule registry (constraints/registry.py): every check, post and domain key is a
registered rule id of its own family, every registered id is in the rule table, and a post the
registry does not know fails loudly instead of being posted with guessed settings."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from constraints import registry

ROOT = Path(__file__).resolve().parents[2]
ROW = re.compile(r"^\| `([^`]+)` \|[^|]*\|[^|]*\|([^|]*)\|([^|]*)\| `constraints/(\w+)` \|$")


def _registered() -> dict[str, registry.RegisteredRule]:
    return {r.spec.id: r for r in registry.rules()}


def _table() -> dict[str, tuple[str, str, str]]:
    """docs/rules.md: rule id -> (check column, post column, family package)."""
    out = {}
    for line in (ROOT / "docs" / "rules.md").read_text(encoding="utf-8").splitlines():
        m = ROW.match(line)
        if m:
            out[m.group(1)] = (m.group(2).strip(), m.group(3).strip(), m.group(4))
    return out


def test_every_check_key_is_a_rule_of_its_family() -> None:
    reg = _registered()
    for fam in registry.FAMILIES:
        for rule_id in fam.checks.CHECKS:
            assert rule_id in reg, rule_id
            assert reg[rule_id].package == fam.package, rule_id
            assert reg[rule_id].check is fam.checks.CHECKS[rule_id]


def test_every_post_and_domain_key_is_a_rule_of_its_family() -> None:
    reg = _registered()
    seen = 0
    for pkg, mod in registry.post_modules():
        for table in ("DOMAIN", "POSTS"):
            for rule_id in getattr(mod, table, {}):
                assert rule_id in reg, (pkg, table, rule_id)
                assert reg[rule_id].package == pkg, (pkg, table, rule_id)
                seen += 1
    assert seen >= 40  # the tables were found (a family whose post module vanished fails here)
    posted = {p.spec.id for p in registry.posted_rules(tariff_profile=True)}
    assert posted == {
        rule_id
        for _, mod in registry.post_modules()
        for rule_id in (*getattr(mod, "DOMAIN", {}), *getattr(mod, "POSTS", {}))
    }


def test_every_family_package_is_listed() -> None:
    on_disk = {
        p.parent.name for p in (ROOT / "constraints").glob("*/__init__.py")
        if (p.parent / "check.py").exists()
    }
    assert on_disk == set(registry.FAMILY_PACKAGES)
    with_post = {p.parent.name for p in (ROOT / "constraints").glob("*/post.py")}
    assert with_post == {pkg for pkg, _ in registry.post_modules()}


def test_every_registered_id_is_in_the_rule_table() -> None:
    """docs/rules.md lists the canonical ids (those of aml-rules.md) with where they are
    checked and posted; the registry and the table agree row by row."""
    table = _table()
    reg = _registered()
    posted = {p.spec.id for p in registry.posted_rules(tariff_profile=True)}
    assert set(table) == set(reg)
    for rule_id, r in reg.items():
        check, post, package = table[rule_id]
        assert package == r.package, rule_id
        assert check.startswith("yes") == (r.check is not None), rule_id
        # "yes (in the daily/weekly caps)": posted inside another rule's post, not on its own
        assert (post == "yes") == (rule_id in posted), rule_id


def test_rule_ids_follow_the_spec_scheme() -> None:
    for rule_id, r in _registered().items():
        assert re.fullmatch(r"(AML-1[01](-\d+)*|TAR|CONTRACT|REQ)-[a-z0-9-]+", rule_id), rule_id
        if rule_id.startswith("AML-10-"):
            para = r.spec.paragraph  # "§ 10-8 (4)": the id begins AML-10-8-4
            nums = re.findall(r"\d+", para)
            assert rule_id.startswith("AML-" + "-".join(nums) + "-"), (rule_id, para)


def test_opt_in_rules_are_posted_only_with_the_profile() -> None:
    plain = {p.spec.id for p in registry.posted_rules()}
    profile = {p.spec.id for p in registry.posted_rules(tariff_profile=True)}
    opt_in = {r.spec.id for r in registry.rules() if r.spec.opt_in}
    assert opt_in and opt_in <= {p.spec.id for p in registry.rules()}
    assert not plain & opt_in
    assert opt_in & profile
    assert profile - plain == opt_in & profile


def test_an_unregistered_post_fails_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    from constraints.sunday import post as sunday_post

    monkeypatch.setattr(sunday_post, "POSTS", {"AML-10-10-9-made-up": lambda ctx: None})
    registry._posted.cache_clear()
    try:
        with pytest.raises(RuntimeError, match="AML-10-10-9-made-up"):
            registry.posted_rules()
    finally:
        monkeypatch.undo()
        registry._posted.cache_clear()
    assert registry.posted_rules()  # back to the real tables


def test_a_post_of_another_familys_rule_fails_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    from constraints.sunday import post as sunday_post

    monkeypatch.setattr(sunday_post, "POSTS", {"AML-10-8-1-daily-rest": lambda ctx: None})
    registry._posted.cache_clear()
    try:
        with pytest.raises(RuntimeError, match="does not register"):
            registry.posted_rules()
    finally:
        monkeypatch.undo()
        registry._posted.cache_clear()


def test_an_unregistered_check_fails_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    from constraints.sunday import check as sunday_check

    monkeypatch.setattr(sunday_check, "CHECKS", {**sunday_check.CHECKS, "AML-10-10-9-x": None})
    registry.rules.cache_clear()
    try:
        with pytest.raises(RuntimeError, match="AML-10-10-9-x"):
            registry.rules()
    finally:
        monkeypatch.undo()
        registry.rules.cache_clear()


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          check=False)


_BREAK = """
import importlib.abc, sys
class Broken(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name == {name!r}:
            raise ImportError("family under construction: " + name)
sys.meta_path.insert(0, Broken())
"""


def test_a_broken_family_post_module_fails_loudly() -> None:
    """No fallback: the solver never posts guessed specs for a family whose post module does
    not import (the second registry posted the opt-in tariff rules for everyone then)."""
    run = _run(_BREAK.format(name="constraints.night.post") + (
        "from constraints import registry\n"
        "registry.posted_rules()\n"
    ))
    assert run.returncode != 0
    assert "ImportError: family under construction: constraints.night.post" in run.stderr


def test_a_broken_family_check_module_fails_loudly() -> None:
    run = _run(_BREAK.format(name="constraints.tariff.check") + "import constraints.registry\n")
    assert run.returncode != 0
    assert "ImportError: family under construction: constraints.tariff.check" in run.stderr
