"""Every entry of a plan's body with its path, as the review table and results files name it."""

from __future__ import annotations

from planforge.model import Plan, Reporting
from planforge.model.placed import Placed, placed_nodes

Located = Placed
"""A node with its path, its assignment's agencies and whether it stands under
"Tổ chức thực hiện" (the model's :class:`~planforge.model.placed.Placed`)."""


def located(plan: Plan) -> list[Located]:
    """The body's entries in document order, then the closing paragraphs ("Đoạn kết 1" …)."""
    found = list(placed_nodes(plan.sections))
    found += [Located(f"Đoạn kết {i + 1}", node) for i, node in enumerate(plan.closing)]
    return found


def reportings(plan: Plan) -> list[Located]:
    """The reporting sentences (chế độ báo cáo) of the body and the closing."""
    return [item for item in located(plan) if isinstance(item.node, Reporting)]
