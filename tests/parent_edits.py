"""Edits of a plan's body for the tests of ``check --parent``: one node changed or dropped."""

from __future__ import annotations

from collections.abc import Callable

import attrs

from planforge.conformance.tree import located
from planforge.model import Node, Plan

Change = Callable[[Node], Node | None]


def _rebuilt(nodes: tuple[Node, ...], target: Node, change: Change) -> tuple[Node, ...]:
    out: list[Node] = []
    for node in nodes:
        if node is target:
            changed = change(node)
            if changed is not None:
                out.append(changed)
            continue
        out.append(attrs.evolve(node, children=_rebuilt(node.children, target, change)))
    return tuple(out)


def edit(plan: Plan, path: str, change: Change) -> Plan:
    """``plan`` with the node at ``path`` (as the check names it) changed, or dropped (None)."""
    node = next(e.node for e in located(plan) if e.path == path)
    if any(e.node is node for e in located(plan) if e.path.startswith("Đoạn kết")):
        closing = tuple(n for n in plan.closing if n is not node) + tuple(
            c for c in [change(node)] if c is not None
        )
        return attrs.evolve(plan, closing=closing)  # type: ignore[arg-type]
    return attrs.evolve(plan, sections=_rebuilt(plan.sections, node, change))
