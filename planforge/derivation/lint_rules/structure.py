"""Lint rules on a draft's structure: numbering gaps, one body leading several items."""

from __future__ import annotations

from collections.abc import Iterator

from planforge.catalogue.queries import find_body, named
from planforge.derivation.lint import Draft, LintFinding, rule
from planforge.model import Assignment, Marker, Node, Section
from planforge.model.numbering import _restart, item_path, label_children

_NUMBERED = (Marker.ROMAN, Marker.ARABIC, Marker.LETTER)


def _gaps(
    nodes: tuple[Node, ...], parent: str, depth: int, marker: Marker
) -> Iterator[LintFinding]:
    previous: dict[Marker, int] = {}
    positions: dict[Marker, int] = {}
    for entry in label_children(nodes, depth, marker):
        positions[entry.marker] = positions.get(entry.marker, 0) + 1
        path = item_path(parent, entry.label, entry.marker, positions[entry.marker])
        value = _restart(entry.marker, entry.label) if entry.marker in _NUMBERED else None
        if value is not None:
            before = previous.get(entry.marker, 0)
            if value != before + 1:
                yield LintFinding(
                    code="L7",
                    message=f"Đánh số không liên tục: sau mục số {before} là mục số {value}; "
                    "đánh số lại",
                    path=path,
                    words=entry.label,
                )
            previous[entry.marker] = value
        node = entry.node
        inner = node.item_marker if isinstance(node, Section | Assignment) else Marker.DASH
        yield from _gaps(node.children, path, depth + 1, inner)


@rule("L7", "đánh số không liên tục")
def numbering_gaps(draft: Draft) -> Iterator[LintFinding]:
    """Labels 4. then 6.: the parent's slip copied."""
    yield from _gaps(draft.plan.sections, "", 1, Marker.NONE)


def _canonical(name: str, draft: Draft) -> str:
    body = find_body(name, draft.kind)
    return named(body.name, draft.noun) if body else name


@rule("L2", "một cơ quan được giao hai lần")
def body_twice(draft: Draft) -> Iterator[LintFinding]:
    """One body twice in an item's list, or leading two items of "Tổ chức thực hiện"."""
    led: dict[str, str] = {}
    for item in draft.items:
        if not item.lead:
            continue
        names = [_canonical(a, draft) for a in item.agencies]
        for name in {n for n in names if names.count(n) > 1}:
            yield LintFinding(
                code="L2",
                message=f"{name} được nêu hai lần trong cùng một mục",
                path=item.path,
                words=name,
            )
        if not item.implementation or not names:
            continue
        lead = names[0]
        if lead in led:
            yield LintFinding(
                code="L2",
                message=f"{lead} đã được giao nhiệm vụ ở mục {led[lead]}; gộp thành một mục",
                path=item.path,
                words=lead,
            )
        else:
            led[lead] = item.path
