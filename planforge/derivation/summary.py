"""The summary of one derivation (bảng tổng hợp): every unit on one row, every change listed.

A province reviewing a hundred drafts reads one workbook, not a hundred review
tables: a row per unit with its counts (targets tightened or not applicable,
items dropped, lint findings, placeholders left, signer missing), the drafts
that are one text once their unit's names are set aside (:mod:`.grouping`), and
each change once for a group, per unit only where a unit differs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from planforge.derivation.context import FLAG
from planforge.derivation.grouping import Grouped, Masks, group_keys, masked_digest, printed_texts
from planforge.derivation.review import Review, ReviewRow
from planforge.model import Plan
from planforge.model.profile import Unit

KINDS = {"target": "Chỉ tiêu", "assignment": "Phân công", "section": "Mục"}
"""The review kinds in the clerk's words (the others are Vietnamese already)."""

KEPT = "giữ nguyên"
"""The change of a target the draft keeps word for word: not a change to list."""

_PLACEHOLDER = re.compile(r"\[[^\[\]\n]{1,300}\]")


@attrs.frozen(kw_only=True)
class UnitSummary:
    """One unit's row (dòng của đơn vị): what its draft changed and what is left to do."""

    unit: str
    file: str
    kind: str
    group: int
    changes: int
    targets_tightened: int
    targets_not_applicable: int
    not_applicable: str
    items_dropped: int
    to_review: int
    lint_findings: int
    placeholders_left: int
    signer: str
    signer_missing: bool


@attrs.frozen(kw_only=True)
class GroupSummary:
    """Drafts that are one text (nhóm văn bản chung): "103 xã: một văn bản"."""

    group: int
    size: int
    label: str
    units: str


@attrs.frozen(kw_only=True)
class Change:
    """One changed item (một thay đổi), listed once for all the units that make it.

    ``unit`` is the unit's short name, "Nhóm 1 (103 xã)" for a change every draft
    of a group makes, "Tất cả (124 đơn vị)", "Tất cả phường (20 đơn vị)", or
    "4 đơn vị, trừ: xã Lạc Dương";
    a shared change's texts carry stand-ins ("‹đơn vị›") for the names.
    ``group`` is None when the units are of several groups.  ``change`` is what
    happened ("giao cho"), ``reason`` its detail ("Sở Y tế → Phòng Y tế").
    """

    unit: str
    group: int | None
    kind: str
    path: str
    parent_text: str
    draft_text: str
    change: str
    reason: str


@attrs.frozen(kw_only=True)
class Summary:
    """The summary of one derivation from the higher plan ``source`` (its number)."""

    source: str
    units: tuple[UnitSummary, ...]
    groups: tuple[GroupSummary, ...]
    changes: tuple[Change, ...]


@attrs.frozen
class Drafted:
    """What the summary reads of one unit's draft (bản ghi dự thảo), made where it was derived.

    Its signer, a digest of its printed texts with the names set aside (drafts of one
    text have one digest), the placeholders it has left, and its review: a batch's
    workers send this back instead of the whole draft.
    """

    unit: Unit
    signer: str
    texts: bytes
    placeholders: int
    review: Review


def drafted(unit: Unit, plan: Plan, review: Review) -> Drafted:
    """The summary's record of ``unit``'s draft ``plan`` and its ``review``."""
    texts = list(printed_texts(plan))
    masks = Masks.of(unit, plan)
    return Drafted(
        unit=unit,
        signer=plan.signature.name,
        texts=masked_digest(masks, texts),
        placeholders=sum(len(_PLACEHOLDER.findall(text)) for text in texts),
        review=review,
    )


def summarize(source: Plan, derived: Sequence[tuple[Unit, Plan, Review]]) -> Summary:
    """The summary of the drafts ``derived`` from ``source``, one (unit, draft, review) each.

    Each change is listed once, for every unit that makes it (its names set aside):
    for all units, for a group, for a few units, or for one unit only.
    """
    return summarize_drafted(source, [drafted(*each) for each in derived])


def summarize_drafted(source: Plan, records: Sequence[Drafted]) -> Summary:
    """:func:`summarize` of the drafts' records (:func:`drafted`)."""
    derived = [(record.unit, record, record.review) for record in records]
    grouped = group_keys([(r.unit, Masks.named(r.unit, r.signer), r.texts) for r in records])
    group_of: dict[int, int] = {}
    units: list[UnitSummary] = []
    groups: list[GroupSummary] = []
    masks: dict[int, Masks] = {}
    for number, group in enumerate(grouped, start=1):
        members = [derived[index] for index in group.members]
        groups.append(
            GroupSummary(
                group=number,
                size=len(members),
                label=group.label,
                units=", ".join(unit.short_name for unit, _, _ in members),
            )
        )
        for index, mask in zip(group.members, group.masks, strict=True):
            group_of[index], masks[index] = number, mask
        units += [_unit_row(records[index], number) for index in group.members]
    order = {unit.short_name: index for index, (unit, _, _) in enumerate(derived)}
    units.sort(key=lambda row: order[row.unit])
    makers: dict[ReviewRow, list[int]] = {}
    own: dict[ReviewRow, ReviewRow] = {}
    for index, (_, _, review) in enumerate(derived):
        for row in changed(review):
            key = _masked(row, masks[index])
            who = makers.setdefault(key, [])
            if index not in who[-1:]:  # a row a draft repeats is one change of that unit
                who.append(index)
            own.setdefault(key, row)
    # The changes of all first, then of fewer and fewer units, one unit's own last: the
    # reviewer reads what is shared once, then only what differs (stable: in plan order).
    shared = sorted(makers.items(), key=lambda item: -len(item[1]))
    changes = [_listed(key, own[key], who, derived, grouped, group_of) for key, who in shared]
    return Summary(
        source=source.header.number.file_form,
        units=tuple(units),
        groups=tuple(groups),
        changes=tuple(changes),
    )


def changed(review: Review) -> list[ReviewRow]:
    """The rows of ``review`` that record a change (a target kept word for word is not one)."""
    return [r for r in review.rows if not (r.change == KEPT and r.source_text == r.derived_text)]


def _everyone(count: int) -> str:
    return f"Tất cả ({count} đơn vị)"


def _listed(
    masked: ReviewRow,
    row: ReviewRow,
    who: list[int],
    derived: Sequence[tuple[Unit, Drafted, Review]],
    grouped: list[Grouped],
    group_of: dict[int, int],
) -> Change:
    """The change ``masked`` as listed for the units ``who`` make it (indices of ``derived``).

    One unit's change keeps its own names; a shared one shows the stand-ins.
    """
    names = [derived[index][0].short_name for index in who]
    numbers = {group_of[index] for index in who}
    if len(who) == 1:
        return _change(names[0], group_of[who[0]], row)
    if len(who) == len(derived):
        return _change(_everyone(len(derived)), None, masked)
    number = numbers.pop() if len(numbers) == 1 else None
    if number and len(who) == len(grouped[number - 1].members):
        return _change(f"Nhóm {number} ({grouped[number - 1].counted})", number, masked)
    kinds = {derived[index][0].kind for index in who}
    if len(kinds) == 1 and len(who) > 3 and len(who) == sum(u.kind in kinds for u, _, _ in derived):
        return _change(f"Tất cả {kinds.pop()} ({len(who)} đơn vị)", number, masked)
    if len(who) > len(derived) / 2:
        making = set(who)  # a set: a national summary has thousands of units
        left = [u.short_name for index, (u, _, _) in enumerate(derived) if index not in making]
        return _change(f"{len(who)} đơn vị, trừ: {', '.join(left)}", number, masked)
    return _change(f"{len(who)} đơn vị: {', '.join(names)}", number, masked)


def _masked(row: ReviewRow, masks: Masks) -> ReviewRow:
    return attrs.evolve(
        row,
        path=masks(row.path),
        source_text=masks(row.source_text),
        derived_text=masks(row.derived_text),
        change=masks(row.change),
    )


def _change(unit: str, group: int | None, row: ReviewRow) -> Change:
    what, _, detail = row.change.partition(": ")
    return Change(
        unit=unit,
        group=group,
        kind=KINDS.get(row.kind, row.kind),
        path=row.path,
        parent_text=row.source_text,
        draft_text=row.derived_text,
        change=what,
        reason=detail,
    )


def _unit_row(record: Drafted, group: int) -> UnitSummary:
    unit, review = record.unit, record.review
    rows = review.rows
    signer = record.signer.strip()
    missing = signer.startswith("[") or not signer.strip(".… ")
    return UnitSummary(
        unit=unit.short_name,
        file=unit.file_stem,
        kind=unit.kind,
        group=group,
        changes=len(changed(review)),
        targets_tightened=sum(r.kind == "target" and "nâng chỉ tiêu" in r.change for r in rows),
        targets_not_applicable=sum(
            r.kind == "target" and not r.derived_text and r.change.startswith("không áp dụng")
            for r in rows
        ),
        not_applicable="\n".join(filter(None, (_not_applicable(r) for r in rows))),
        items_dropped=sum(
            r.kind in ("assignment", "section") and not r.derived_text and r.change.startswith("bỏ")
            for r in rows
        ),
        to_review=sum(r.kind == FLAG for r in rows),
        lint_findings=len(review.findings),
        placeholders_left=record.placeholders,
        signer="" if missing else signer,
        signer_missing=missing,
    )


NOT_APPLICABLE = "không áp dụng"


def _not_applicable(row: ReviewRow) -> str:
    """A target (or its part) the unit's facts or the era make not applicable, with why.

    "II.4.a)-1: đếm theo …"; a part: "II.1.a)-3 (một phần): xã không có khu công nghiệp".
    """
    at = row.change.find(NOT_APPLICABLE)
    if row.kind != "target" or at < 0:
        return ""
    what, _, why = row.change[at:].partition(": ")
    part = " (một phần)" if row.derived_text and what != NOT_APPLICABLE else ""
    return f"{row.path}{part}: {why}"
