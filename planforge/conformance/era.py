"""Level and era (cấp và thời kỳ): the derivation lint read on the child (PL4, PL5 …):
the higher level's scope left in, bodies that do not exist at the child's level or in its
era, doubled nouns, numbering gaps, the wrong Party committee in "Nơi nhận"."""

from __future__ import annotations

from collections.abc import Iterator

from planforge.catalogue.queries import named
from planforge.conformance.findings import ParentFinding, Severity
from planforge.conformance.level import ChildLevel, day_of
from planforge.conformance.tree import located
from planforge.derivation.lint import lint
from planforge.i18n import _
from planforge.model import Assignment, Plan


def judge_level(child: Plan, level: ChildLevel) -> Iterator[ParentFinding]:
    """The lint's findings as warnings coded PL + the lint rule's number."""
    found = lint(
        child,
        level.kind,
        level.catalogue,
        noun=level.noun,
        unit=child.header.issuing_agency.name,
    )
    for finding in found:
        code = "P" + finding.code
        source = _("derivation lint {code}").format(code=finding.code)
        yield ParentFinding(
            code, Severity.WARNING, finding.path or _("whole plan"), finding.message, source
        )


def judge_higher_bodies(child: Plan, level: ChildLevel) -> Iterator[ParentFinding]:
    """PH1: a district's or commune's plan giving a duty to a body of the province ("Sở Y tế
    chủ trì …" in a commune's "Tổ chức thực hiện"): a unit directs its own bodies and may
    only ask ("đề nghị") others. The province's bodies are the catalogue's for the date."""
    if level.kind.tier not in ("district", "commune"):
        return
    day = day_of(child.header.date)
    higher = {
        named(name, noun.name)
        for kind in level.catalogue.kinds
        if kind.tier == "province" and kind.valid_on(day)
        for body in kind.bodies
        if not body.name.startswith("Ủy ban nhân dân")
        for name in body.names()
        for noun in kind.nouns
    }
    for entry in located(child):
        node = entry.node
        if not isinstance(node, Assignment) or node.requested:
            continue
        start = node.text.casefold()
        for body in sorted(higher, key=len, reverse=True):
            if body in node.agencies or start.startswith(body.casefold()):
                message = _(
                    "the plan gives a duty to {body}, a body of the province: "
                    "a {noun} directs its own bodies and asks (“đề nghị”) the others"
                ).format(body=body, noun=level.noun)
                yield ParentFinding("PH1", Severity.WARNING, entry.path, message, _("level"))
                break
