"""A plan (kế hoạch): the whole document as one value."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import attrs

from planforge.model._types import typed
from planforge.model.appendix import Appendix
from planforge.model.header import Header
from planforge.model.nodes import Assignment, Node, Paragraph, Reporting, Target
from planforge.model.numbering import Entry, walk
from planforge.model.recipients import Recipients
from planforge.model.reference import LegalBasis
from planforge.model.signature import Signature


def _nodes(value: Iterable[Node]) -> tuple[Node, ...]:
    return tuple(value)


def _appendices(value: Iterable[Appendix]) -> tuple[Appendix, ...]:
    return tuple(value)


def _closing(value: Iterable[Paragraph | Reporting]) -> tuple[Paragraph | Reporting, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True, field_transformer=typed)
class Plan:
    """Kế hoạch: header, legal basis, body tree, closing, recipients, signature, appendices.

    The "./." end mark is not stored: the renderer adds it after the last
    paragraph.
    """

    header: Header
    legal_basis: LegalBasis = attrs.field(factory=LegalBasis)
    sections: tuple[Node, ...] = attrs.field(default=(), converter=_nodes)
    closing: tuple[Paragraph | Reporting, ...] = attrs.field(default=(), converter=_closing)
    recipients: Recipients
    signature: Signature
    appendices: tuple[Appendix, ...] = attrs.field(default=(), converter=_appendices)

    def entries(self) -> Iterator[Entry]:
        """Every entry of the body in document order, with depth and label."""
        return walk(self.sections)

    def targets(self) -> list[Entry]:
        """The targets (chỉ tiêu) of the body, labelled."""
        return [e for e in self.entries() if isinstance(e.node, Target)]

    def assignments(self) -> list[Entry]:
        """The assignments (phân công) of the body, labelled."""
        return [e for e in self.entries() if isinstance(e.node, Assignment)]
