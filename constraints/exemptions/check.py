"""§ 10-12 (1)/(2) has no check of its own: the engine applies it by skipping rules whose
``RuleSpec.applies_to_exempt`` is ``False`` for employees flagged ``exempt_10_12``.

``AML-10-12-4-union`` and ``AML-10-12-6-7-inspectorate`` warn once per agreement at a tier whose
power over some parameter is open (UNCONFIRMED in the spec), naming the reading used."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from constraints import limits
from constraints.base import CheckContext, Finding, RuleSpec, Severity
from constraints.exemptions import RULES
from scheduler.clock import local_minutes
from scheduler.i18n import msg, term

_BY_ID = {r.id: r for r in RULES}
_RULE_OF = {limits.T4: "AML-10-12-4-union", limits.T5: "AML-10-12-6-7-inspectorate"}


def _shown(value: limits.Value, unit: str) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = f"{float(value):g}"
    return f"{text} {unit}" if unit else text


def _open_powers(ctx: CheckContext, rule_id: str) -> list[Finding]:
    spec: RuleSpec = _BY_ID[rule_id]
    s = ctx.settings
    out: list[Finding] = []
    for a in ctx.agreements:
        fam = limits.FAMILIES.get(a.family)
        if fam is None or _RULE_OF.get(a.tier) != rule_id:
            continue
        if a.valid_to is not None and a.valid_to < s.start:
            continue
        if a.valid_from is not None and a.valid_from > s.end:
            continue
        parts: list[str] = []
        paragraph = ""
        for name, p in fam.params.items():
            power = p.power(a.tier)
            if power is None or not power.open:
                continue
            paragraph = paragraph or power.paragraph
            value = a.params.get(name, power.bound(a.reading))
            parts.append(f"{name} {_shown(value, p.unit)}")
        if not parts:
            continue
        first = max(s.start, a.valid_from) if a.valid_from else s.start
        last = min(s.end, a.valid_to) if a.valid_to else s.end
        out.append(ctx.finding(
            spec, a.employee, local_minutes(first, s.day_boundary),
            local_minutes(last + timedelta(days=1), s.day_boundary),
            msg("tiers.open_power", paragraph=paragraph, tier=a.tier.value,
                reading=term(f"tiers.reading.{a.reading}"), values=", ".join(parts)),
            unit="", severity=Severity.warning))
    return out


CHECKS: dict[str, Callable[[CheckContext], list[Finding]]] = {
    rule_id: (lambda ctx, rule_id=rule_id: _open_powers(ctx, rule_id))  # type: ignore[misc]
    for rule_id in _RULE_OF.values()
}
