"""Targets about what a unit does not have (không áp dụng): an industrial park, a school.

"Ít nhất 70% người lao động tại các cơ sở …; ít nhất 60% người lao động trong các
khu công nghiệp; 70% học sinh …" for a commune without an industrial park loses its
middle clause; a target all of whose clauses are about what the unit lacks leaves
the draft. The words come from the unit (:class:`~planforge.model.unit_facts.Absence`,
filled from a unit facts sheet by ``planforge/units/facts.yaml``), never from code.
"""

from __future__ import annotations

import re

import attrs

from planforge.model import Target
from planforge.model.unit_facts import Absence
from planforge.text.slug import slugify


def _names(clause: str, words: tuple[str, ...]) -> bool:
    """Whether the clause names one of ``words`` (compared without case or diacritics)."""
    slug = f"-{slugify(clause)}-"
    return any(f"-{slugify(w)}-" in slug for w in words)


def _lacked(clause: str, absent: tuple[Absence, ...]) -> Absence | None:
    return next(
        (a for a in absent if _names(clause, a.words) and not _names(clause, a.unless)), None
    )


def _shared_end(target: Target, clause: str) -> str:
    """The words after the last clause's population, which every clause shares:
    "…; 70% học sinh … được tuyên truyền, phổ biến …" → " được tuyên truyền, phổ biến …"."""
    for measure in target.measures:
        population = measure.population or ""
        start = clause.find(population) if population else -1
        if start >= 0:
            return clause[start + len(population) :]
    return clause[-1:] if clause[-1:] in ".;" else ""


def without_absent(target: Target, absent: tuple[Absence, ...]) -> tuple[Target | None, list[str]]:
    """The target without its clauses about what the unit lacks, and the reasons.

    None when no clause is left: the target is not applicable to the unit.
    """
    if not absent:
        return target, []
    clauses = re.split(r"(?<=;)\s+", target.text)
    kept, reasons = [], []
    for clause in clauses:
        lacked = _lacked(clause, absent)
        if lacked is None:
            kept.append(clause)
        elif lacked.reason not in reasons:
            reasons.append(lacked.reason)
    if not reasons:
        return target, []
    if not kept:
        return None, reasons
    if kept[-1] != clauses[-1]:
        kept[-1] = kept[-1].removesuffix(";") + _shared_end(target, clauses[-1])
    text = " ".join(kept)
    text = text[:1].upper() + text[1:]
    if text.endswith(";") and target.text.endswith("."):
        text = text[:-1] + "."
    elif text.endswith(";") and not target.text.endswith(";"):
        text = text[:-1] + target.text[-1:]
    return attrs.evolve(target, text=text), reasons
