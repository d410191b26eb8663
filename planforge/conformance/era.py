"""Level and era (cấp và thời kỳ): the derivation lint read on the child (PL4, PL5 …):
the higher level's scope left in, bodies that do not exist at the child's level or in its
era, doubled nouns, numbering gaps, the wrong Party committee in "Nơi nhận"."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from planforge.catalogue.queries import named
from planforge.conformance.findings import ParentFinding, Severity
from planforge.conformance.level import ChildLevel, day_of
from planforge.conformance.rules import rules
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
    chủ trì …" in a commune's "Tổ chức thực hiện") or directing one in its own text
    ("chỉ đạo Sở Y tế …", "giao Sở …"): a unit directs its own bodies and may only ask
    ("đề nghị") or work with ("phối hợp với") the others. The province's bodies are the
    catalogue's for the date; the verbs of directing are rules.yaml's ``directing``."""
    if level.kind.tier not in ("district", "commune"):
        return
    day = day_of(child.header.date)
    higher = sorted(
        {
            named(name, noun.name)
            for kind in level.catalogue.kinds
            if kind.tier == "province" and kind.valid_on(day)
            for body in kind.bodies
            if not body.name.startswith("Ủy ban nhân dân")
            for name in body.names()
            for noun in kind.nouns
        },
        key=len,
        reverse=True,
    )
    for entry in located(child):
        node = entry.node
        if isinstance(node, Assignment) and node.requested:
            continue
        text = getattr(node, "text", "") or ""
        body = _given(node, higher) if isinstance(node, Assignment) else None
        if body is not None:
            message = _(
                "the plan gives a duty to {body}, a body of the province: "
                "a {noun} directs its own bodies and asks (“đề nghị”) the others"
            ).format(body=body, noun=level.noun)
            yield ParentFinding("PH1", Severity.WARNING, entry.path, message, _("level"))
            continue
        directed = _directed(text, higher)
        if directed is not None:
            message = _(
                "the plan directs {body}, a body of the province (“{phrase}”): a {noun} "
                "directs its own bodies and asks (“đề nghị”) or works with (“phối hợp với”) "
                "the others"
            ).format(body=directed[0], phrase=directed[1], noun=level.noun)
            yield ParentFinding("PH1", Severity.WARNING, entry.path, message, _("level"))


def _given(node: Assignment, higher: list[str]) -> str | None:
    """The province's body leading ``node`` (named in its agencies or opening it)."""
    start = node.text.casefold()
    for body in higher:
        if body in node.agencies or start.startswith(body.casefold()):
            return body
    return None


def _directed(text: str, higher: list[str]) -> tuple[str, str] | None:
    """The province's body ``text`` directs ("chỉ đạo Sở Y tế"), and the words that do;
    none in a clause that asks ("đề nghị Ủy ban nhân dân tỉnh chỉ đạo Sở Y tế …")."""
    folded = unicodedata.normalize("NFC", text).casefold()
    verbs = sorted(rules().directing, key=len, reverse=True)
    for body in higher:
        name = body.casefold()
        start = folded.find(name)
        while start >= 0:
            before = folded[:start].rstrip().removesuffix(" các").removesuffix(" cho")
            clause = re.split(r"[;.:]", before)[-1]
            said = f" {clause.strip(' ,')}"
            verb = next((v for v in verbs if said.endswith(f" {v}")), None)
            other = any(said.endswith(f" {w}") for w in rules().not_directing)
            if verb is not None and not other and "đề nghị" not in clause:
                return body, f"{verb} {body}"
            start = folded.find(name, start + 1)
    return None
