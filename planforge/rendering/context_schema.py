"""The template context as data: every variable a Word template may use, its type and meaning."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

__all__ = ["SCHEMAS", "ContextSchema", "Type", "Variable", "context_paths"]


class Type(enum.Enum):
    """The type of a template variable, as ``docs/templates.md`` names it."""

    TEXT = "str"
    TEXTS = "list of str"
    MAPPING = "mapping"
    MAPPINGS = "list of mappings"
    IMAGE = 'image or ""'

    def accepts(self, value: Any) -> bool:
        """Whether ``value`` has this type.

        >>> Type.TEXTS.accepts(["a", "b"]), Type.TEXTS.accepts("ab")
        (True, False)
        """
        if self is Type.TEXT:
            return isinstance(value, str)
        if self is Type.TEXTS:
            return isinstance(value, list) and all(isinstance(v, str) for v in value)
        if self is Type.MAPPING:
            return isinstance(value, dict)
        if self is Type.MAPPINGS:
            return isinstance(value, list) and all(isinstance(v, dict) for v in value)
        return value == "" or not isinstance(value, str | list | dict)

    @property
    def item(self) -> Type | None:
        """The type of one item of a list type; ``None`` for the other types."""
        return {Type.TEXTS: Type.TEXT, Type.MAPPINGS: Type.MAPPING}.get(self)

    @property
    def python_type(self) -> type | None:
        """The Python type whose methods a template may call on such a value."""
        return {
            Type.TEXT: str,
            Type.TEXTS: list,
            Type.MAPPING: dict,
            Type.MAPPINGS: list,
        }.get(self)


@dataclass(frozen=True)
class Variable:
    """One variable: dotted name (``body[].kind`` is a key of each item of ``body``)."""

    name: str
    type: Type
    example: Any
    meaning: str


@dataclass(frozen=True)
class ContextSchema:
    """The variables of one bundled template (``templates/<template>.docx``)."""

    template: str
    variables: tuple[Variable, ...]

    @property
    def names(self) -> frozenset[str]:
        """Every dotted name."""
        return frozenset(v.name for v in self.variables)

    def type_of(self, name: str) -> Type | None:
        """The type of a dotted name, or of an item (``header.marks[]``); ``None`` if unknown.

        >>> SCHEMAS["ke-hoach"].type_of("header.marks[]")
        <Type.TEXT: 'str'>
        """
        for variable in self.variables:
            if variable.name == name:
                return variable.type
        if name.endswith("[]"):
            outer = self.type_of(name[:-2])
            return outer.item if outer else None
        return None


def context_paths(value: Any, prefix: str = "") -> set[str]:
    """The dotted names of a context: mapping keys, mappings in lists (``c[]``) and their keys.

    >>> sorted(context_paths({"a": {"b": 1}, "c": [{"d": 2}], "e": ["x"]}))
    ['a', 'a.b', 'c', 'c[]', 'c[].d', 'e']
    """
    found: set[str] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            found |= {name, *context_paths(item, name)}
    elif isinstance(value, list):
        for item in (v for v in value if isinstance(v, dict)):
            found |= {f"{prefix}[]", *context_paths(item, f"{prefix}[]")}
    return found


KINDS = (
    '`heading1` ("I. TITLE", bold capitals), `heading2` ("1. Title", bold), '
    '`heading3` ("a) Title", regular), `runin` (bold `lead`, then regular `text`, one '
    "paragraph; also an article: bold `Điều 1.`, then its text), `basis` (a legal basis "
    '"Căn cứ …;" or "Theo đề nghị của …,": body text in italics), `centred` (the issuing '
    'authority line and "QUYẾT ĐỊNH:" of a quyết định: centred bold), `kinh_gui` and '
    '`kinh_gui_list` (a tờ trình\'s "Kính gửi: …" and its "- …;" lines, as in a công văn), '
    "`text` (body text: justified, first line indented 1 cm)"
)


def _paragraph(name: str, meaning: str, text: str) -> tuple[Variable, ...]:
    """A paragraph mapping and its three keys; ``last``'s keys are those of ``body[]``."""
    if name != "body[]":
        return (
            Variable(name, Type.MAPPING, {"kind": "text", "lead": "", "text": text}, meaning),
            Variable(f"{name}.kind", Type.TEXT, "text", "as `body[].kind`; never `runin`"),
            Variable(
                f"{name}.lead",
                Type.TEXT,
                "",
                'as `body[].lead`: the bold label of a last article ("Điều 3."), else ""',
            ),
            Variable(f"{name}.text", Type.TEXT, text, "as `body[].text`"),
        )
    return (
        Variable(name, Type.MAPPING, {"kind": "text", "lead": "", "text": text}, meaning),
        Variable(f"{name}.kind", Type.TEXT, "heading1", f"which style: {KINDS}"),
        Variable(
            f"{name}.lead",
            Type.TEXT,
            "1. Mục đích.",
            'the bold run of a `runin` paragraph (label and title), else ""',
        ),
        Variable(f"{name}.text", Type.TEXT, text, "the whole text, its label included"),
    )


HEADER = (
    Variable("header", Type.MAPPING, None, "ô 1–4 and 10–11 of Nghị định 30: the header block"),
    Variable(
        "header.marks",
        Type.TEXTS,
        ["DỰ THẢO"],
        "circulation, secrecy, urgency and draft marks, one paragraph each above the header "
        "table, bold capitals 13 pt",
    ),
    Variable(
        "header.parent_lines",
        Type.TEXTS,
        ["UBND TỈNH LẠNG SƠN"],
        "the parent agency (cơ quan chủ quản), capitals 13 pt, not bold; empty when there is none",
    ),
    Variable(
        "header.agency_lines",
        Type.TEXTS,
        ["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"],
        "the issuing agency (cơ quan ban hành), capitals 13 pt bold, centred",
    ),
    Variable(
        "header.agency_rule",
        Type.TEXT,
        "__________",
        "the short rule under the agency: underscores, 1/3–1/2 of its longest line",
    ),
    Variable("header.number_line", Type.TEXT, "Số: 7851/KH-UBND", "number and code (số, ký hiệu)"),
    Variable(
        "header.national_title",
        Type.TEXT,
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "the national title (Quốc hiệu), 13 pt bold",
    ),
    Variable(
        "header.motto", Type.TEXT, "Độc lập - Tự do - Hạnh phúc", "the motto (Tiêu ngữ), 14 pt bold"
    ),
    Variable(
        "header.motto_rule",
        Type.TEXT,
        "_________________________",
        "the rule under the motto: underscores as long as the motto",
    ),
    Variable(
        "header.date_line",
        Type.TEXT,
        "Lâm Đồng, ngày 04 tháng 11 năm 2021",
        "place and date (địa danh, thời gian), 13 pt italic, level with the number",
    ),
)
TITLE = (
    Variable("title", Type.MAPPING, None, "ô 5a: type name and subject (tên loại, trích yếu)"),
    Variable("title.type_name", Type.TEXT, "KẾ HOẠCH", "the type name, 14 pt bold capitals"),
    Variable(
        "title.subject",
        Type.TEXT,
        "Triển khai thực hiện Chương trình phòng, chống mại dâm giai đoạn 2021\u00a0-\u00a02025",
        "the subject, 14 pt bold; year ranges bound by no-break spaces",
    ),
    Variable(
        "title.rule", Type.TEXT, "____________", "the rule under the subject, 1/3–1/2 of its width"
    ),
)
BODY = (
    Variable(
        "body",
        Type.MAPPINGS,
        [{"kind": "heading1", "lead": "", "text": "I. MỤC ĐÍCH, YÊU CẦU"}],
        "the paragraphs of the text in order, all but the last: legal basis, sections, closing",
    ),
    *_paragraph("body[]", "one paragraph of `body`", "- Thực hiện tốt công tác tuyên truyền;"),
    *_paragraph(
        "last",
        'the last paragraph, "./." appended; kept on the page of the signature',
        "Trên đây là Kế hoạch … đề nghị các đơn vị triển khai thực hiện./.",
    ),
)
SIGNING = (
    Variable("recipients", Type.MAPPING, None, "ô 9a: the recipients (nơi nhận)"),
    Variable("recipients.label", Type.TEXT, "Nơi nhận:", "12 pt bold italic"),
    Variable(
        "recipients.lines",
        Type.TEXTS,
        ["- Bộ Lao động - TBXH;", "- Lưu: VT, VX3."],
        "one paragraph each, 11 pt; the last is the archive line (Lưu)",
    ),
    Variable("signature", Type.MAPPING, None, "ô 7: the signature block"),
    Variable(
        "signature.authority_lines",
        Type.TEXTS,
        ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"],
        "the authority to sign (thẩm quyền ký), 14 pt bold capitals",
    ),
    Variable("signature.title", Type.TEXT, "PHÓ CHỦ TỊCH", "the signer's office, 14 pt bold"),
    Variable(
        "signature.image",
        Type.IMAGE,
        "",
        'the signature image, inline; "" when the plan has none',
    ),
    Variable("signature.name", Type.TEXT, "Đặng Trí Dũng", "the signer's name, 14 pt bold"),
)

LETTER = (
    Variable("letter", Type.MAPPING, None, "what only a công văn prints (Mẫu 1.5)"),
    Variable(
        "letter.subject",
        Type.TEXT,
        "V/v triển khai thực hiện Kế hoạch phòng, chống mại dâm",
        'ô 5b: the subject under the number, "V/v" first, 12 pt',
    ),
    Variable(
        "letter.addressee",
        Type.TEXT,
        "Ủy ban nhân dân tỉnh Lâm Đồng.",
        '"Kính gửi: …" on one line when there is one addressee, else ""',
    ),
    Variable(
        "letter.addressees",
        Type.TEXTS,
        ["- Các sở, ban, ngành tỉnh;", "- UBND các huyện, thành phố."],
        'several addressees, one line each under "Kính gửi:"; empty when there is one',
    ),
)

SCHEMAS: dict[str, ContextSchema] = {
    "ke-hoach": ContextSchema("ke-hoach", (*HEADER, *TITLE, *BODY, *SIGNING)),
    "cong-van": ContextSchema("cong-van", (*HEADER, *LETTER, *BODY, *SIGNING)),
}
"""The schema of each bundled template, by template name."""
