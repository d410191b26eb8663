"""Level and era (cấp và thời kỳ): the derivation lint read on the child (PL4, PL5 …):
the higher level's scope left in, bodies that do not exist at the child's level or in its
era, doubled nouns, numbering gaps, the wrong Party committee in "Nơi nhận"."""

from __future__ import annotations

from collections.abc import Iterator

from planforge.conformance.findings import ParentFinding, Severity
from planforge.conformance.level import ChildLevel
from planforge.derivation.lint import lint
from planforge.i18n import _
from planforge.model import Plan


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
