"""The derivation lint (kiểm tra dự thảo): what a derived draft still gets wrong.

Built like the format checker (:mod:`planforge.checking.registry`): each rule is a
small function registered under a stable code (L1, L2, …) that yields findings
for one draft, read against the unit's kind in the level catalogue; a rule never
raises.  The findings go into the review table, in Vietnamese, for the clerk.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

import attrs

from planforge.catalogue.queries import noun_of
from planforge.catalogue.schema import Catalogue, UnitKind
from planforge.derivation.unit_kind import catalogue_of, unit_kind
from planforge.model import Assignment, Plan, Section
from planforge.model.document_type import DocumentType
from planforge.model.placed import Placed, placed_nodes
from planforge.model.profile import Profile, Unit


@attrs.frozen(kw_only=True)
class LintFinding:
    """One problem of a derived draft (điểm cần xem lại).

    ``code`` is the rule's (L1 …); ``message`` is Vietnamese, for the clerk;
    ``path`` is the item ("II.1.a)-1", "V.3", "Nơi nhận"); ``words`` are the
    offending words as printed.
    """

    code: str
    message: str
    path: str
    words: str


@attrs.frozen(kw_only=True)
class Item:
    """One printed text of the draft, with where it stands.

    ``kind`` is "subject", "title", "text", "recipient" or "closing";
    ``agencies`` are the bodies of the assignment it belongs to (empty for the
    unit's own text); ``lead`` is set on an assignment's own sentence or heading.
    """

    path: str
    text: str
    kind: str
    agencies: tuple[str, ...] = ()
    implementation: bool = False
    lead: bool = False
    masked: str = ""

    @property
    def own(self) -> bool:
        """Whether the text is the unit's own voice (no body is its subject)."""
        return not self.agencies and self.kind in ("text", "closing")


@attrs.frozen(kw_only=True)
class Draft:
    """What every rule reads: the draft's items and the unit's place in the catalogue."""

    plan: Plan
    items: tuple[Item, ...]
    kind: UnitKind
    noun: str
    unit: str
    catalogue: Catalogue


Check = Callable[[Draft], Iterable[LintFinding]]


@attrs.frozen
class LintRule:
    """A registered rule: ``code``, what it looks for, and its function."""

    code: str
    title: str
    check: Check

    def __call__(self, draft: Draft) -> list[LintFinding]:
        try:
            return list(self.check(draft))
        except Exception as exc:  # a rule must never stop a derivation
            message = f"Quy tắc {self.code} không kiểm tra được dự thảo này (lỗi nội bộ: {exc})"
            return [LintFinding(code=self.code, message=message, path="", words="")]


RULES: dict[str, LintRule] = {}
"""Every lint rule by code, in registration order."""


def rule(code: str, title: str) -> Callable[[Check], LintRule]:
    """Register a lint function under ``code``."""

    def register(check: Check) -> LintRule:
        if code in RULES:
            raise ValueError(f"lint rule {code} is registered twice")
        RULES[code] = LintRule(code, title, check)
        return RULES[code]

    return register


_TYPES = "|".join(sorted((re.escape(t.title) for t in DocumentType), key=len, reverse=True))
_CITATION = re.compile(
    rf"(?:{_TYPES})(?: liên tịch)? số \S+"
    r"(?: ngày \d{1,2}(?:/\d{1,2}/\d{4}| tháng \d{1,2} năm \d{4}))?"
    r"(?: của [^,;.]*?(?= về | quy định | phê duyệt | ban hành | hướng dẫn |[,;.]|$))?"
)
"""A cited document ("Kế hoạch số 7851/KH-UBND ngày 04/11/2021 của Ủy ban nhân dân tỉnh
Lâm Đồng"): its issuer's name is history, not the unit's scope."""


def mask_citations(text: str) -> str:
    """``text`` with cited documents blanked (same length, so positions hold).

    >>> mask_citations("theo Quyết định số 12/QĐ-UBND của Ủy ban nhân dân tỉnh X về y")[:10]
    'theo      '
    >>> mask_citations("theo Quyết định số 12/QĐ-UBND của Ủy ban nhân dân tỉnh X về y")[-5:]
    ' về y'
    """
    return _CITATION.sub(lambda m: " " * len(m.group(0)), text)


def _item(path: str, text: str, kind: str, **fields: object) -> Item:
    return Item(path=path, text=text, kind=kind, masked=mask_citations(text), **fields)  # type: ignore[arg-type]


def _items_of(place: Placed) -> Iterator[Item]:
    """The texts the lint reads of one entry: a section's title and its text, or an item's."""
    node, inside = place.node, place.implementation
    if isinstance(node, Section):
        yield _item(place.path, node.title, "title", agencies=place.agencies, implementation=inside)
        if node.text:
            yield _item(
                place.path, node.text, "text", agencies=place.agencies, implementation=inside
            )
    else:
        lead = isinstance(node, Assignment)
        yield _item(
            place.path, node.text, "text", agencies=place.agencies, implementation=inside, lead=lead
        )


def items(plan: Plan) -> tuple[Item, ...]:
    """Every printed text of the draft the lint reads; the legal basis is left out."""
    found = [_item("Trích yếu", plan.header.subject, "subject")]
    found += [item for place in placed_nodes(plan.sections) for item in _items_of(place)]
    found += [_item(f"Đoạn kết {i + 1}", n.text, "closing") for i, n in enumerate(plan.closing)]
    found += [_item("Nơi nhận", r.name, "recipient") for r in plan.recipients.entries]
    if plan.signature is not None:  # "[họ tên]": a signer the unit facts did not give
        found.append(_item("Chữ ký", plan.signature.name, "signature"))
    return tuple(found)


def lint(
    plan: Plan,
    unit_kind: UnitKind,
    catalogue: Catalogue,
    *,
    noun: str | None = None,
    unit: str = "",
) -> list[LintFinding]:
    """Every finding of every rule on ``plan``, a draft for a unit of ``unit_kind``.

    ``noun`` is the unit's own ("phường"); ``unit`` its name (the issuing body).
    """
    from planforge.derivation import lint_rules  # noqa: F401  (registers the rules)

    draft = Draft(
        plan=plan,
        items=items(plan),
        kind=unit_kind,
        noun=noun_of(unit_kind, noun).name,
        unit=unit or plan.header.issuing_agency.name,
        catalogue=catalogue,
    )
    return [finding for check in RULES.values() for finding in check(draft)]


def lint_unit(
    plan: Plan, unit: Unit, profile: Profile, catalogue: Catalogue | None = None
) -> tuple[LintFinding, ...]:
    """The lint of a unit's derived draft, its kind found from its noun, level and date."""
    catalogue = catalogue or catalogue_of(profile)
    date = plan.header.date
    kind = unit_kind(unit, profile, date, catalogue)
    if kind is None:
        day = date.first_day
        message = (
            f"Không xác định được loại đơn vị “{unit.kind}” ({day.isoformat()}) trong danh mục "
            "cấp hành chính: dự thảo chưa được kiểm tra theo cấp của đơn vị"
        )
        return (LintFinding(code="L0", message=message, path="", words=unit.kind),)
    return tuple(lint(plan, kind, catalogue, noun=unit.kind, unit=unit.name))
