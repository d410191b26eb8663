"""Agencies named by a duty: the phrase that names them, the list it holds, their roles."""

from __future__ import annotations

import re

from planforge.model import AgencyRole, RoleAssignment
from planforge.reading.folding import fold, folded, starts_with
from planforge.reading.vietnamese import is_agency_start
from planforge.reading.words import AGENCY_HEADS_LOWER, ROLE_VERBS

_VERBS = tuple(sorted(folded(*ROLE_VERBS), key=len, reverse=True))
_STOPS = folded(
    "về", "để", "theo", "trước", "gửi", "qua", "trong", "tại", "nhằm", "vào", "với", "khi"
)
_NOUN_BEFORE = folded("các", "những", "ban", "đội")
_CAC = fold("các")
_LOCALITY_ENDS = folded("tỉnh", "huyện", "thành phố", "quận", "thị xã", "xã", "phường")
_SEPARATOR = re.compile(r"\s*;\s*|\s*,\s+|\s+và\s+")
_REQUEST = re.compile(r"^\s*(?:Đề nghị|đề nghị|ĐỀ NGHỊ)\s+")


def is_requested(text: str) -> bool:
    """A duty of a body the issuer does not command: "Đề nghị Viện Kiểm sát …"."""
    return bool(_REQUEST.match(text))


def names_agencies(text: str) -> bool:
    """Whether ``text`` starts by naming agencies (after an optional "Đề nghị")."""
    return is_agency_start(_REQUEST.sub("", text))


def agency_phrase(text: str) -> str:
    """The words naming the agencies at the start of a duty.

    >>> agency_phrase("Công an tỉnh chủ trì, rà soát …")
    'Công an tỉnh'
    >>> agency_phrase("Sở Tài chính, hàng năm, trên cơ sở dự toán")
    'Sở Tài chính'
    >>> agency_phrase("Sở Văn hóa, Thể thao và Du lịch tăng cường chỉ đạo")
    'Sở Văn hóa, Thể thao và Du lịch'
    """
    words = _REQUEST.sub("", text).split()
    for index in range(1, len(words)):
        word, before = words[index], words[index - 1]
        if before.endswith((":", ";", ".")) or word.startswith("("):
            return _trim(words[:index])
        if not word[:1].islower():
            continue
        rest = fold(" ".join(words[index:])).rstrip(".;:!?")
        if fold(before) not in _NOUN_BEFORE and any(
            rest == verb or rest.startswith(verb + " ") or rest.startswith(verb + ",")
            for verb in _VERBS
        ):
            return _trim(words[:index])
        if fold(word) in _STOPS:
            return _trim(words[:index])
        if (
            before.endswith(",")
            and starts_with(" ".join(words[index:]), AGENCY_HEADS_LOWER) is None
        ):
            return _trim(words[:index])
    return _trim(words)


_NAME_WORDS = folded(
    "nhân",
    "dân",
    "tỉnh",
    "thành",
    "phố",
    "huyện",
    "quận",
    "xã",
    "phường",
    "thị",
    "trấn",
    "và",
    "các",
    "cấp",
    "trung",
    "ương",
)


def name_phrase(text: str) -> str:
    """The name at the start of ``text``, by Vietnamese capitals ("Lao động", "Thủ tướng").

    A name's words start with a capital, or are the second syllable of a
    capitalised word, or are words of unit names (nhân dân, tỉnh, thành phố).

    >>> name_phrase("Thủ tướng Chính phủ phê duyệt Chương trình")
    'Thủ tướng Chính phủ'
    >>> name_phrase("Ủy ban nhân dân tỉnh Lâm Đồng ban hành Kế hoạch")
    'Ủy ban nhân dân tỉnh Lâm Đồng'
    """
    words = text.split()
    out: list[str] = []
    capital = False
    for index, word in enumerate(words):
        core = word.strip(',;:.()"“”')
        if not core or (index and words[index - 1].endswith((";", ":", ".", ")"))):
            break
        rest = fold(" ".join(words[index:]))
        verb = any(rest == v or rest.startswith(v + " ") for v in _VERBS)
        after_comma = index > 0 and words[index - 1].endswith(",")
        if after_comma and is_agency_start(" ".join(words[index:])):
            break  # a second agency: "… tỉnh Lâm Đồng, Ủy ban nhân dân huyện …"
        if core[0].isupper() or core[0].isdigit() or core in ("-", "–", "&"):
            pass
        elif after_comma or verb or fold(core) in _STOPS:
            break
        elif not (fold(core) in _NAME_WORDS or capital):
            break
        out.append(word)
        capital = core[0].isupper()
        if word.endswith(","):
            capital = False
    return _trim(out)


def _trim(words: list[str]) -> str:
    return " ".join(words).strip(" ,;:.-–")


def split_agencies(phrase: str) -> list[str]:
    """The agencies of a phrase, split where a new agency's name begins.

    >>> split_agencies("Đài Phát thanh và Truyền hình tỉnh, Báo Lâm Đồng")
    ['Đài Phát thanh và Truyền hình tỉnh', 'Báo Lâm Đồng']
    >>> split_agencies("Hội Liên hiệp Phụ nữ, Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh")
    ['Hội Liên hiệp Phụ nữ tỉnh', 'Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh']
    """
    phrase = _REQUEST.sub("", phrase).strip(" ,;:.")
    parts: list[str] = []
    position = 0
    for match in _SEPARATOR.finditer(phrase):
        rest = phrase[match.end() :]
        if match.group(0).strip() == ";" or _new_agency(rest):
            parts.append(phrase[position : match.start()])
            position = match.end()
    parts.append(phrase[position:])
    parts = [p.strip(" ,;:.") for p in parts if p.strip(" ,;:.")]
    return _share_locality(parts)


def _new_agency(rest: str) -> bool:
    if rest[:1].isupper() and is_agency_start(rest):
        return True
    words = rest.split()
    return (
        bool(words)
        and fold(words[0]) == _CAC
        and starts_with(" ".join(words[1:]), AGENCY_HEADS_LOWER) is not None
    )


def _share_locality(parts: list[str]) -> list[str]:
    """ "Hội Liên hiệp Phụ nữ, Đoàn … tỉnh": the last part's "tỉnh" belongs to every part."""
    if len(parts) < 2:
        return parts
    ends = [next((e for e in _LOCALITY_ENDS if fold(p).endswith(" " + e)), None) for p in parts]
    shared = ends[-1]
    if shared is None or all(ends):
        return parts
    word = (
        parts[-1].split()[-1]
        if shared in folded("tỉnh", "huyện", "xã", "quận", "phường")
        else " ".join(parts[-1].split()[-2:])
    )
    return [p if e else f"{p} {word}" for p, e in zip(parts, ends, strict=True)]


_LEAD = fold("chủ trì")
_COORDINATE = fold("phối hợp")
_CLAUSES = re.compile(r";|\.\s+|:\s+")


def agency_roles(agencies: list[str], texts: list[str]) -> list[RoleAssignment]:
    """Roles of the agencies from their duties: "chủ trì" leads, "phối hợp" coordinates.

    A role stated right after one of the agencies ("Công an tỉnh chủ trì")
    is that agency's; a role opening a duty belongs to them all; a specific
    agency named after "chủ trì, phối hợp với" coordinates.
    """
    roles: dict[str, AgencyRole] = {}
    partners: list[str] = []
    for text in texts:
        for clause in _CLAUSES.split(text):
            _clause_roles(clause, agencies, roles, partners)
    ordered = [RoleAssignment(a, roles[a]) for a in agencies if a in roles]
    known = {fold(a) for a in agencies}
    for partner in partners:
        if fold(partner) not in known:
            known.add(fold(partner))
            ordered.append(RoleAssignment(partner, AgencyRole.COORDINATE))
    return ordered


def _clause_roles(
    clause: str, agencies: list[str], roles: dict[str, AgencyRole], partners: list[str]
) -> None:
    key = fold(clause)
    for verb, role in ((_LEAD, AgencyRole.LEAD), (_COORDINATE, AgencyRole.COORDINATE)):
        at = key.find(verb)
        if at < 0:
            continue
        if role is AgencyRole.COORDINATE and 0 <= key.find(_LEAD) < at:
            continue  # "chủ trì, phối hợp với …": the lead's own verb
        subject = key[:at].strip(" ,")
        own = [a for a in agencies if subject.endswith(fold(a)) or subject.endswith(_bare(a))]
        for agency in own or agencies:
            if roles.get(agency) is not AgencyRole.LEAD:
                roles[agency] = role
        if role is AgencyRole.LEAD:
            _partners(clause, partners)


def _bare(agency: str) -> str:
    key = fold(agency)
    for end in _LOCALITY_ENDS:
        if key.endswith(" " + end):
            return key[: -len(end) - 1]
    return key


def _partners(clause: str, partners: list[str]) -> None:
    match = re.search(r"phối hợp với\s+", clause, re.IGNORECASE)
    if not match:
        return
    for agency in split_agencies(agency_phrase(clause[match.end() :])):
        if agency[:1].isupper() and is_agency_start(agency) and fold(agency.split()[0]) != _CAC:
            partners.append(agency)
