"""What each entry is: section roles, targets, assignments, reporting entries."""

from __future__ import annotations

from planforge.model import Role, extract_measures
from planforge.reading.agencies import (
    agency_phrase,
    agency_roles,
    is_requested,
    names_agencies,
    split_agencies,
)
from planforge.reading.folding import fold
from planforge.reading.reporting import deadlines
from planforge.reading.tree import Draft

_ROLE_WORDS = (
    (Role.PRINCIPLES, ("quan điểm",)),
    (Role.OBJECTIVES, ("mục đích", "mục tiêu", "yêu cầu")),
    (Role.TARGETS, ("chỉ tiêu",)),
    (Role.TASKS, ("nhiệm vụ",)),
    (Role.MEASURES, ("giải pháp", "biện pháp")),
    (Role.BUDGET, ("kinh phí", "nguồn kinh phí", "nguồn lực tài chính")),
    (
        Role.IMPLEMENTATION,
        ("tổ chức thực hiện", "phân công thực hiện", "phân công nhiệm vụ", "trách nhiệm thực hiện"),
    ),
    (Role.REPORTING, ("chế độ báo cáo", "chế độ thông tin", "thông tin báo cáo", "báo cáo")),
)
_LEADING = {fold(w) for w in ("các", "những", "về", "nội dung", "một số")}


def section_role(title: str) -> Role:
    """The role a heading gives its section, from the words it starts with.

    >>> [section_role(t).value for t in ("QUAN ĐIỂM, MỤC TIÊU", "Quan điểm",
    ...     "CÁC CHỈ TIÊU, NHIỆM VỤ CỤ THỂ", "Giải pháp về tổ chức thực hiện",
    ...     "V. TỔ CHỨC THỰC HIỆN", "Nâng cao hiệu quả công tác truyền thông")]
    ['objectives', 'principles', 'targets', 'measures', 'implementation', 'general']
    """
    words = fold(title).replace(",", " ").replace(".", " ").replace(":", " ").split()
    while words and words[0] in _LEADING:
        words = words[1:]
    text = " ".join(words)
    found: list[tuple[int, Role]] = []
    for role, phrases in _ROLE_WORDS:
        for phrase in phrases:
            key = fold(phrase)
            at = f" {text} ".find(f" {key} ")
            if 0 <= at and len(text[:at].split()) <= 2:
                found.append((at, role))
    if not found:
        return Role.GENERAL
    found.sort(key=lambda pair: pair[0])
    roles = [role for _, role in found]
    if roles[0] is Role.PRINCIPLES and len(set(roles)) > 1:
        return next(r for r in roles if r is not Role.PRINCIPLES)
    return roles[0]


def classify(entries: list[Draft]) -> None:
    """Set the kind, role and data of every entry, from the root down."""
    _walk(entries, Role.GENERAL, parent=None)


def _walk(entries: list[Draft], context: Role, parent: Draft | None) -> None:
    for item in entries:
        inner = context
        if item.heading:
            role = section_role(item.text)
            if (
                context is Role.IMPLEMENTATION
                and role is Role.GENERAL
                and names_agencies(item.text)
            ):
                _assignment(item)
            else:
                item.kind = "section"
                item.data["role"] = role
                inner = role if role is not Role.GENERAL else context
        else:
            _leaf(item, context, parent)
        _walk(item.children, inner, item)
        if item.kind == "assignment":
            _roles(item)


def _leaf(item: Draft, context: Role, parent: Draft | None) -> None:
    under_assignment = parent is not None and parent.kind == "assignment"
    if (context is Role.IMPLEMENTATION or under_assignment) and names_agencies(item.text):
        if parent is None or parent.kind in ("section", "assignment"):
            _assignment(item)
            return
    found = deadlines(item.text)
    if found:
        item.kind = "reporting"
        item.data["deadlines"] = found
        return
    if context is Role.TARGETS and parent is not None and parent.kind == "section":
        item.kind = "target"
        item.data["measures"] = extract_measures(item.text)


def _assignment(item: Draft) -> None:
    """An item naming agencies: as a heading with duties under it, or as one sentence."""
    item.kind = "assignment"
    text = item.text if not item.runin else f"{item.text} {item.runin}"
    heading = item.heading and not item.runin
    phrase = item.text if heading else agency_phrase(text)
    item.data.update(
        heading=heading,
        text=text,
        agencies=split_agencies(phrase),
        requested=is_requested(text),
    )


def _roles(item: Draft) -> None:
    """Roles from the item's own duties: its sentence and the entries under it that are no
    assignments of their own."""
    duties = [] if item.data["heading"] else [item.data["text"]]
    duties += [child.text for child in item.children if child.kind != "assignment"]
    item.data["roles"] = agency_roles(item.data["agencies"], duties)
