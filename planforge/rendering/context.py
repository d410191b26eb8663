"""The template context: every printed string of a plan, computed in Python."""

from __future__ import annotations

import re
from typing import Any

import attrs

from planforge.model import AS_ABOVE, Agency, Assignment, Entry, Letter, Plan, Recipient, Section
from planforge.model.header import Header
from planforge.text.case import upper
from planforge.text.dates import date_line
from planforge.text.metrics import motto_rule, rule_under, wrap_lines

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
DRAFT_MARK = "DỰ THẢO"
END_MARK = "./."

HEADER_CELL_MM = 69.9
"""Usable width of the header's left cell (3969 tw, no side padding)."""
TEXT_WIDTH_MM = 165.0
"""Text width of an A4 page with 30 mm and 15 mm side margins."""
AGENCY_PT = 13
TITLE_PT = 14


def agency_lines(agency: Agency, *, bold: bool) -> list[str]:
    """The header lines of an agency: its own ``header_lines``, or its name in capitals, wrapped."""
    if agency.header_lines:
        return list(agency.header_lines)
    return wrap_lines(upper(agency.name), HEADER_CELL_MM, AGENCY_PT, bold=bold)


def marks(header: Header) -> list[str]:
    """Circulation, secrecy, urgency and draft marks, in the order they are printed."""
    found = [
        header.circulation,
        header.secrecy and header.secrecy.value,
        header.urgency and header.urgency.value,
        DRAFT_MARK if header.draft else None,
    ]
    return [upper(m) for m in found if m]


def header_context(header: Header) -> dict[str, Any]:
    """Ô 1–4: agencies, number, national title, motto, place and date."""
    lines = agency_lines(header.issuing_agency, bold=True)
    parent = agency_lines(header.parent_agency, bold=False) if header.parent_agency else []
    return {
        "marks": marks(header),
        "parent_lines": parent,
        "agency_lines": lines,
        "agency_rule": rule_under(lines, AGENCY_PT, bold=True),
        "number_line": header.number.line,
        "national_title": NATIONAL_TITLE,
        "motto": MOTTO,
        "motto_rule": motto_rule(14),
        "date_line": date_line(header.place, header.date.year, header.date.month, header.date.day),
    }


_YEAR_RANGE = re.compile(r"(\d{4}) ?([-–]) ?(\d{4})")


def keep_year_ranges(text: str) -> str:
    """Bind "2021 - 2025" with no-break spaces so that a title never wraps inside it.

    >>> keep_year_ranges("giai đoạn 2021 - 2025").replace("\u00a0", "~")
    'giai đoạn 2021~-~2025'
    """
    return _YEAR_RANGE.sub(
        lambda m: "\u00a0".join(m.groups()) if " " in m.group(0) else m.group(0), text
    )


def title_context(header: Header) -> dict[str, Any]:
    """Ô 5a: the type name, the subject and the rule under it."""
    subject_lines = wrap_lines(header.subject, TEXT_WIDTH_MM, TITLE_PT, bold=True)
    return {
        "type_name": upper(header.printed_type),
        "subject": keep_year_ranges(header.subject),
        "rule": rule_under(subject_lines, TITLE_PT, bold=True),
    }


def _joined(label: str, text: str) -> str:
    return f"{label} {text}" if label else text


ARTICLE = re.compile(r"^Điều \d+\.$")
"""The label of an article ("Điều 1."): bold, its text regular (PL I, mục V, 6a)."""


def _enacting(text: str) -> bool:
    """ "QUYẾT ĐỊNH:", "QUYẾT NGHỊ:": a line in capitals that announces the articles,
    centred and bold in the forms of Phụ lục III (Mẫu 1.1–1.3)."""
    return text.endswith(":") and text == upper(text) and any(c.isalpha() for c in text)


def paragraph_for(entry: Entry) -> dict[str, str]:
    """One body paragraph: its kind (which template style) and its printed text."""
    node = entry.node
    if isinstance(node, Section):
        title = upper(node.title) if entry.depth == 1 else node.title
        lead = _joined(entry.label, title)
        if node.text:
            return {"kind": "runin", "lead": lead, "text": node.text}
        if not entry.label and _enacting(title):
            return {"kind": "centred", "lead": "", "text": title}
        return {"kind": _heading(entry.depth), "lead": "", "text": lead}
    text = _joined(entry.label, node.text)
    if isinstance(node, Assignment) and node.heading:
        return {"kind": _heading(entry.depth), "lead": "", "text": text}
    if entry.label and ARTICLE.match(entry.label) and node.text:
        return {"kind": "runin", "lead": entry.label, "text": node.text}
    return {"kind": "text", "lead": "", "text": text}


def opening_for(text: str) -> dict[str, str]:
    """One line of the opening: the issuing authority of a quyết định or nghị quyết
    ("ỦY BAN NHÂN DÂN TỈNH …", a line in capitals) centred and bold; a legal basis
    ("Căn cứ …;") and the proposal lines ("Theo đề nghị của …,", a council's "Xét Tờ trình
    …;") in italics (PL I, mục II.6.a); an opening sentence ("Căn cứ …, Ủy ban nhân dân
    … như sau:") as body text.
    """
    line = text.strip()
    if line == upper(line) and any(c.isalpha() for c in line) and not line.endswith("."):
        return {"kind": "centred", "lead": "", "text": line}
    if line.startswith(("Căn cứ", "Theo đề nghị", "Xét ")) and not line.endswith(":"):
        return {"kind": "basis", "lead": "", "text": line}
    return _plain(text)


def _heading(depth: int) -> str:
    return f"heading{min(depth, 3)}"


def _addressed(opening: list[dict[str, str]]) -> list[dict[str, str]]:
    """A tờ trình's or báo cáo's "Kính gửi: …" (ô 9a, PL I, mục II.9.b), and the "- …;"
    lines of its list, laid out as a công văn's: 4 cm in, the list under the colon."""
    listing = False
    for paragraph in opening:
        text = paragraph["text"].strip()
        if text.startswith("Kính gửi"):
            paragraph["kind"], listing = "kinh_gui", text.endswith(":")
        elif listing and text.startswith(("- ", "– ")):
            paragraph["kind"] = "kinh_gui_list"
        else:
            listing = False
    return opening


def _plain(text: str) -> dict[str, str]:
    return {"kind": "text", "lead": "", "text": text}


def body_paragraphs(plan: Plan | Letter) -> list[dict[str, str]]:
    """Opening, body tree and closing as printed, the end mark on the last one."""
    paragraphs = _addressed([opening_for(t) for t in plan.legal_basis.opening])
    paragraphs += [paragraph_for(e) for e in plan.entries()]
    paragraphs += [_plain(p.text) for p in plan.closing]
    if paragraphs:
        last = dict(paragraphs[-1])
        if last["kind"] == "runin" and ARTICLE.match(last["lead"]):
            last["kind"] = "text"  # the last article keeps its bold "Điều 3."
        elif last["kind"] == "runin":
            last = _plain(f"{last['lead']} {last['text']}")
        last["text"] = end_marked(last["text"])
        paragraphs[-1] = last
    return paragraphs


def end_marked(text: str) -> str:
    """Append "./." after the last sentence ("… cộng đồng./.").

    >>> end_marked("… ở cộng đồng."), end_marked("như sau")
    ('… ở cộng đồng./.', 'như sau./.')
    """
    text = text.rstrip()
    if text.endswith(END_MARK):
        return text
    return text + ("/." if text.endswith(".") else END_MARK)


def _common(document: Plan | Letter, image: Any) -> dict[str, Any]:
    """What a plan and a letter print alike: header, body, recipients, signature."""
    body = body_paragraphs(document)
    signature = document.signature
    picture = image(signature.signature_image) if image and signature.signature_image else ""
    return {
        "header": header_context(document.header),
        "body": body[:-1],
        "last": body[-1] if body else _plain(END_MARK),
        "recipients": {"label": document.recipients.label, "lines": document.recipients.lines},
        "signature": {
            "authority_lines": signature.authority_lines,
            "title": upper(signature.title),
            "image": picture,
            "name": signature.name,
        },
    }


def build_context(plan: Plan, image: Any = None) -> dict[str, Any]:
    """The whole template context of ``docs/template-context.md``.

    ``image`` turns an image path into what the template engine inserts
    (an inline image); without it images are left out.
    """
    return {**_common(plan, image), "title": title_context(plan.header)}


def addressee_lines(addressees: tuple[str, ...]) -> list[str]:
    """Several addressees: "- X;" lines, the last ending with ".".

    >>> addressee_lines(("Các sở, ban, ngành tỉnh", "UBND các huyện, thành phố"))
    ['- Các sở, ban, ngành tỉnh;', '- UBND các huyện, thành phố.']
    """
    lines = [f"- {a.rstrip(';.')};" for a in addressees]
    lines[-1] = lines[-1][:-1] + "."
    return lines


def letter_recipients(letter: Letter) -> list[str]:
    """The recipients of a công văn: "- Như trên;" first, as the form requires."""
    recipients = letter.recipients
    if not recipients.entries or recipients.entries[0].name != AS_ABOVE:
        recipients = attrs.evolve(recipients, entries=(Recipient(AS_ABOVE), *recipients.entries))
    return recipients.lines


def build_letter_context(letter: Letter, image: Any = None) -> dict[str, Any]:
    """The context of ``templates/cong-van.docx``: a plan's, with "V/v" and "Kính gửi"."""
    context = _common(letter, image)
    context["recipients"]["lines"] = letter_recipients(letter)
    single = len(letter.addressees) == 1
    context["letter"] = {
        "subject": keep_year_ranges(f"V/v {letter.header.subject}"),
        "addressee": f"{letter.addressees[0].rstrip('.')}." if single else "",
        "addressees": [] if single else addressee_lines(letter.addressees),
    }
    return context
