"""The rule catalogue of nd30.md §8, one module per group; importing it registers them all."""

from planforge.checking.rules import (
    appendix,
    body,
    capitals,
    header,
    kinh_gui,
    layout,
    marks,
    page,
    recipients,
    signature,
    title,
)

__all__ = [
    "appendix",
    "body",
    "capitals",
    "header",
    "kinh_gui",
    "layout",
    "marks",
    "page",
    "recipients",
    "signature",
    "title",
]
