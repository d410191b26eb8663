"""The plans to compare, read from a file of any kind planforge reads."""

from __future__ import annotations

import os
from pathlib import Path

from planforge.conformance.rules import rules
from planforge.errors import PlanforgeError
from planforge.i18n import _
from planforge.loading.plan_file import load_document
from planforge.model import Letter, Plan
from planforge.reading.read import read_plan

READ = (".docx", ".txt", ".md")
"""Files imported as a real document (planforge.read_plan)."""
LOADED = (".yaml", ".yml")
"""Plan files (planforge.load_plan)."""


def load_any(path: str | os.PathLike[str]) -> Plan:
    """The plan in ``path``: a plan file (.yaml) or a document to import (.docx, .txt, .md).

    A công văn (a .yaml of ``document_type: cong-van``, or an imported letter) is refused.
    """
    suffix = Path(path).suffix.casefold()
    if suffix in LOADED:
        document: Plan | Letter = load_document(path)
    elif suffix in READ:
        document = read_plan(path)
    else:
        raise PlanforgeError(
            _("cannot compare a {suffix} file; give a .docx, .txt, .md or .yaml plan").format(
                suffix=suffix or _("suffix-less")
            ),
            os.fspath(path),
        )
    if not isinstance(document, Plan):
        raise _not_a_plan(document.header.document_type.title, os.fspath(path))
    return document


def _not_a_plan(title: str, where: str) -> PlanforgeError:
    return PlanforgeError(
        _("this is a {kind}, not a plan: only plans are compared with --parent").format(
            kind=title.casefold()
        ),
        where,
    )


def plan_like(plan: Plan, where: str) -> Plan:
    """``plan`` when its type is one that implements a higher plan (rules.yaml
    ``plan_types``: kế hoạch, chương trình …); a quyết định, a báo cáo or a thông báo
    read from a file is refused, as a công văn is.

    Raises ``PlanforgeError`` located at ``where``.
    """
    kind = plan.header.document_type
    if kind.value not in rules().plan_types:
        raise _not_a_plan(kind.title, where)
    return plan


def is_word(path: str | os.PathLike[str]) -> bool:
    """Whether the form rules of Nghị định 30 can be checked on ``path`` (a .docx)."""
    return Path(path).suffix.casefold() == ".docx"
