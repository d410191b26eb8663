"""``check_against(child, parent)``: every finding of the check against the higher plan."""

from __future__ import annotations

import os
from collections.abc import Sequence

import attrs

from planforge.checking.check import check_document
from planforge.checking.findings import Finding
from planforge.conformance.citation import judge_citation
from planforge.conformance.deadlines import for_child, judge_period, judge_reporting, plan_year
from planforge.conformance.duties import duties, judge_duties
from planforge.conformance.era import judge_higher_bodies, judge_level
from planforge.conformance.findings import Match, ParentFinding, Severity
from planforge.conformance.level import ChildLevel, child_level
from planforge.conformance.matching import Corpus
from planforge.conformance.owners import Owners
from planforge.conformance.sources import is_word, load_any, plan_like
from planforge.conformance.targets import candidates, judge_targets
from planforge.conformance.tree import located
from planforge.derivation.lint import items
from planforge.i18n import _
from planforge.model import Assignment, Plan, Target

__all__ = ["Judgement", "check_against", "judge"]

Source = Plan | str | os.PathLike[str]


@attrs.frozen
class Judgement:
    """What the check made of one child: its level, findings and matches.

    ``level`` is the unit's noun ("phường"), empty when it could not be told;
    ``matches`` say, for each duty and target of the higher plan the child must
    take up, which text of the child took it up and how sure the match is.
    """

    child: str
    parent: str
    level: str
    findings: tuple[Finding, ...]
    matches: tuple[Match, ...]

    def count(self, severity: Severity) -> int:
        """How many findings of ``severity``."""
        return sum(1 for f in self.findings if f.severity is severity)

    def matched(self, kind: str) -> tuple[int, int]:
        """How many duties (or targets) are taken up, of how many."""
        chosen = [m for m in self.matches if m.kind == kind]
        return sum(1 for m in chosen if m.status == "matched"), len(chosen)


def _plan(source: Source) -> Plan:
    return source if isinstance(source, Plan) else load_any(source)


def _name(source: Source, plan: Plan) -> str:
    if isinstance(source, Plan):
        return plan.header.number.file_form or plan.header.issuing_agency.name
    return os.fspath(source)


def judge(
    child: Source, parent: Source, *, level: str | None = None, layout: bool = False
) -> Judgement:
    """Check ``child`` (a plan or a file) against ``parent``; ``level`` is a ``--level`` value.

    Raises ``PlanforgeError`` when a file cannot be read.
    """
    parent_plan = _plan(parent)
    child_plan = _plan(child)
    plan_like(child_plan, _name(child, child_plan))
    unit = child_level(child_plan, level)
    parent_name = parent_plan.header.number.file_form or parent_plan.header.issuing_agency.name
    findings: list[Finding] = []
    matches: list[Match] = []
    findings += judge_citation(child_plan, parent_plan, parent_name)
    findings += judge_period(child_plan, parent_plan, parent_name)
    if unit is None:
        message = _(
            "the unit's level could not be told from its agency {agency!r}; "
            "give --level (xa, phuong, huyen or so)"
        ).format(agency=child_plan.header.issuing_agency.name)
        findings.append(
            ParentFinding("PL0", Severity.NOT_EVALUATED, _("header"), message, parent_name)
        )
    else:
        found = _content(child_plan, parent_plan, unit, parent_name)
        findings += [f for f in found if isinstance(f, Finding)]
        matches += [m for m in found if isinstance(m, Match)]
        findings += judge_level(child_plan, unit)
        findings += judge_higher_bodies(child_plan, unit)
    if not isinstance(child, Plan) and is_word(child):
        findings += check_document(child, layout=layout)
    return Judgement(
        child=_name(child, child_plan),
        parent=parent_name,
        level=unit.noun if unit else "",
        findings=tuple(findings),
        matches=tuple(matches),
    )


def _content(
    child: Plan, parent: Plan, unit: ChildLevel, parent_name: str
) -> list[ParentFinding | Match]:
    own = child.header.issuing_agency.name
    parent_entries = located(parent)
    child_entries = located(child)
    targets_at = {e.path for e in child_entries if isinstance(e.node, Target)}
    # a duty is taken up by a task or an assignment, not by a target's statement
    texts = [i for i in items(child) if i.kind in ("text", "closing") and i.path not in targets_at]
    pairs = [(i.path, i.text) for i in texts]
    parent_texts = [i.text for i in items(parent) if i.kind in ("text", "closing")]
    corpus = Corpus.of([*(i.text for i in items(parent)), *(t for _p, t in pairs)])
    found: list[ParentFinding | Match] = []
    parent_duties = duties(parent, unit, own)
    owners = Owners(parent_texts, corpus)
    found += judge_duties(parent_duties, pairs, corpus, parent_name, owners)
    targets = [e for e in parent_entries if isinstance(e.node, Target)]
    found += judge_targets(targets, candidates(child_entries), unit, corpus, parent_name)
    addressed = {
        e.path
        for e in parent_entries
        if isinstance(e.node, Assignment) and any(d.path.startswith(e.path) for d in parent_duties)
    }
    years = (plan_year(child), plan_year(parent))
    binding = for_child(parent_entries, addressed)
    found += judge_reporting(binding, child_entries, parent_name, years)
    return found


def check_against(child: Source, parent: Source, *, level: str | None = None) -> list[Finding]:
    """Every finding of ``child`` checked against its higher plan ``parent``.

    Both may be plans or files (.docx, .txt, .md imported; .yaml loaded). The
    findings carry stable codes: PC citation, PT targets, PD duties, PR deadlines,
    PL level and era (the derivation lint), and for a .docx child the form rules.
    """
    return list(judge(child, parent, level=level).findings)


def check_many(
    children: Sequence[Source], parent: Source, *, level: str | None = None
) -> list[Judgement]:
    """One judgement per child, the parent read once."""
    parent_plan = _plan(parent)
    return [judge(child, parent_plan, level=level) for child in children]
