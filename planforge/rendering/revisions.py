"""Word revisions (theo dõi thay đổi): one paragraph turned into another, word by word.

A paragraph is read as a row of atoms, one per printed character (a tab, a line
break or a picture is one atom too), each with the run properties it is printed
with.  Two paragraphs are compared on word tokens; what only the older one has
becomes ``w:del`` runs (its text in ``w:delText``), what only the newer one has
becomes ``w:ins`` runs.  Accepting every revision leaves the newer paragraph's
text, rejecting every revision the older one's.
"""

from __future__ import annotations

import copy
import difflib
import itertools
import re
from collections.abc import Iterator
from typing import Any, NamedTuple

import attrs
from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

AUTHOR = "planforge"

_STAND_INS = {"tab": "\t", "br": "\n", "cr": "\n"}
_OBJECT = "\ufffc"
_SKIPPED = {"rPr", "lastRenderedPageBreak", "proofErr"}
_CONTAINERS = {"hyperlink", "smartTag", "ins", "del"}
_TOKEN = re.compile(r"[\w\u0300-\u036f]+|\s+|[^\w\s]")
_PARAGRAPH_MARK_LAST = {"sectPr", "pPrChange"}


def w(tag: str) -> str:
    """The qualified name of a WordprocessingML element or attribute."""
    return f"{{{W}}}{tag}"


class Atom(NamedTuple):
    """One printed character (or a stand-in for a tab, break or picture) and its run format.

    A named tuple: a paragraph has hundreds of them, made often.
    """

    char: str
    properties: bytes
    element: Any = None


@attrs.define
class Revisions:
    """Numbers the revisions of one document; every mark has one author and one date.

    The date is fixed by the caller (the draft's), so that the same derivation
    always writes the same bytes.
    """

    date: str
    author: str = AUTHOR
    count: int = 0

    def mark(self, tag: str) -> Any:
        """A new ``w:ins``, ``w:del`` or ``w:pPrChange`` element with its id, author, date."""
        self.count += 1
        element = etree.Element(w(tag))
        element.set(w("id"), str(self.count))
        element.set(w("author"), self.author)
        element.set(w("date"), self.date)
        return element


def _runs(paragraph: Any) -> Iterator[Any]:
    for child in paragraph:
        name = etree.QName(child).localname
        if name == "r":
            yield child
        elif name in _CONTAINERS:
            yield from _runs(child)


def atoms(paragraph: Any) -> list[Atom]:
    """The paragraph's printed characters, each with its run properties."""
    out: list[Atom] = []
    for run in _runs(paragraph):
        found = run.find(w("rPr"))
        properties = etree.tostring(found) if found is not None else b""
        for child in run:
            name = etree.QName(child).localname
            if name in ("t", "delText"):
                out += [Atom(char, properties) for char in child.text or ""]
            elif name not in _SKIPPED:
                out.append(Atom(_STAND_INS.get(name, _OBJECT), properties, child))
    return out


def text_of(paragraph: Any) -> str:
    """The paragraph's text as printed (tabs and breaks as stand-in characters)."""
    parts: list[str] = []
    for run in _runs(paragraph):
        for child in run:
            name = etree.QName(child).localname
            if name in ("t", "delText"):
                parts.append(child.text or "")
            elif name not in _SKIPPED:
                parts.append(_STAND_INS.get(name, _OBJECT))
    return "".join(parts)


def _run_elements(row: list[Atom], deleted: bool) -> list[Any]:
    """Runs printing ``row``: one per stretch of characters with the same properties,
    one per tab, break or picture."""
    runs: list[Any] = []
    for (properties, _), stretch in itertools.groupby(
        row, key=lambda atom: (atom.properties, atom.element is not None)
    ):
        atoms_ = list(stretch)
        specials = [a.element for a in atoms_ if a.element is not None]
        if deleted:  # a picture of the older document only: its relation is not in this one
            specials = [e for e in specials if not _refers(e)]
        pieces = [[e] for e in specials] if atoms_[0].element is not None else [[]]
        for content in pieces:
            run = etree.Element(w("r"))
            if properties:
                run.append(etree.fromstring(properties))
            if content:
                run.append(copy.deepcopy(content[0]))
            else:
                text = etree.SubElement(run, w("delText") if deleted else w("t"))
                text.set(XML_SPACE, "preserve")
                text.text = "".join(a.char for a in atoms_)
            runs.append(run)
    return runs


def _refers(element: Any) -> bool:
    return any(
        key.startswith(f"{{{RELATIONSHIP}}}") for node in element.iter() for key in node.attrib
    )


def _segments(older: list[Atom], newer: list[Atom]) -> list[tuple[str, list[Atom]]]:
    """("equal" | "delete" | "insert", atoms) in printing order, compared word by word."""
    old_tokens = _tokens(older)
    new_tokens = _tokens(newer)
    matcher = difflib.SequenceMatcher(
        None, [t for t, _ in old_tokens], [t for t, _ in new_tokens], autojunk=False
    )
    out: list[tuple[str, list[Atom]]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        old = older[_start(old_tokens, i1, len(older)) : _start(old_tokens, i2, len(older))]
        new = newer[_start(new_tokens, j1, len(newer)) : _start(new_tokens, j2, len(newer))]
        if op == "equal":
            out.append(("equal", new))
            continue
        if old:
            out.append(("delete", old))
        if new:
            out.append(("insert", new))
    return _joined(out)


def _tokens(row: list[Atom]) -> list[tuple[str, int]]:
    return [(m.group(), m.start()) for m in _TOKEN.finditer("".join(a.char for a in row))]


def _start(tokens: list[tuple[str, int]], index: int, end: int) -> int:
    return tokens[index][1] if index < len(tokens) else end


def _joined(segments: list[tuple[str, list[Atom]]]) -> list[tuple[str, list[Atom]]]:
    """A lone space between two changes goes into them: one change reads better than three."""
    out: list[tuple[str, list[Atom]]] = []
    for index, (op, row) in enumerate(segments):
        lone = not "".join(a.char for a in row).strip(" ")
        after = index + 1 < len(segments) and segments[index + 1][0] != "equal"
        if op == "equal" and lone and after and out and out[-1][0] != "equal":
            out += [("delete", row), ("insert", row)]
        else:
            out.append((op, row))
    return _ordered(out)


def _ordered(segments: list[tuple[str, list[Atom]]]) -> list[tuple[str, list[Atom]]]:
    out: list[tuple[str, list[Atom]]] = []
    stretch: dict[str, list[Atom]] = {"delete": [], "insert": []}
    for op, row in [*segments, ("equal", [])]:
        if op != "equal":
            stretch[op] += row
            continue
        out += [(kind, stretch[kind]) for kind in ("delete", "insert") if stretch[kind]]
        stretch = {"delete": [], "insert": []}
        if row:
            out.append((op, row))
    return out


def _content(segments: list[tuple[str, list[Atom]]], revisions: Revisions) -> list[Any]:
    out: list[Any] = []
    for op, row in segments:
        runs = _run_elements(row, op == "delete")
        if op == "equal":
            out += runs
        elif runs:
            wrapper = revisions.mark("del" if op == "delete" else "ins")
            wrapper.extend(runs)
            out.append(wrapper)
    return out


def _properties(paragraph: Any) -> Any:
    found = paragraph.find(w("pPr"))
    return copy.deepcopy(found) if found is not None else etree.Element(w("pPr"))


def _mark_paragraph(properties: Any, mark: Any) -> None:
    """Mark the paragraph's own end (its pilcrow) as inserted or deleted."""
    marks = properties.find(w("rPr"))
    if marks is None:
        marks = etree.Element(w("rPr"))
        last = [c for c in properties if etree.QName(c).localname in _PARAGRAPH_MARK_LAST]
        if last:
            last[0].addprevious(marks)
        else:
            properties.append(marks)
    marks.insert(0, mark)


def _bare(properties: Any) -> bytes:
    kept = copy.deepcopy(properties)
    for child in list(kept):
        if etree.QName(child).localname in ("rPr", "sectPr", "pPrChange"):
            kept.remove(child)
    return bytes(etree.tostring(kept))


def revised(older: Any, newer: Any, revisions: Revisions) -> Any:
    """``newer`` printed as ``older`` with the revisions that make it ``newer``."""
    paragraph = etree.Element(w("p"))
    properties = _properties(newer)
    before = _properties(older)
    if _bare(before) != _bare(properties):
        change = revisions.mark("pPrChange")
        old = etree.SubElement(change, w("pPr"))
        old.extend(etree.fromstring(_bare(before)))
        properties.append(change)
    if text_of(older) == text_of(newer):  # most paragraphs: the draft's, as they are
        paragraph = copy.deepcopy(newer)
        found = paragraph.find(w("pPr"))
        if found is not None:
            paragraph.remove(found)
        paragraph.insert(0, properties)
        return paragraph
    paragraph.append(properties)
    paragraph.extend(_content(_segments(atoms(older), atoms(newer)), revisions))
    return paragraph


def whole(source: Any, op: str, revisions: Revisions) -> Any:
    """``source`` as a paragraph wholly deleted (``op`` "delete") or inserted ("insert")."""
    paragraph = etree.Element(w("p"))
    properties = _properties(source)
    if op == "delete":  # a section break of the older document: its layout, not its headers
        for section in properties.findall(w("sectPr")):
            for reference in section.findall(w("headerReference")) + section.findall(
                w("footerReference")
            ):
                section.remove(reference)
    _mark_paragraph(properties, revisions.mark("del" if op == "delete" else "ins"))
    paragraph.append(properties)
    row = atoms(source)
    paragraph.extend(_content([(op, row)] if row else [], revisions))
    return paragraph
