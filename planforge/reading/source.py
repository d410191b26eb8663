"""Open a source file safely: size and zip-bomb limits, format sniffing, text decoding."""

from __future__ import annotations

import enum
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from planforge.i18n import _
from planforge.inputs import InputError, read_input
from planforge.packages import MAX_PACKAGE_BYTES, PackageError, open_package
from planforge.reading.errors import ReadError
from planforge.streams import Input, is_path, read_bytes, source_name

MAX_FILE_BYTES = MAX_PACKAGE_BYTES
"""The largest source file read: real plans are well under 5 MB, even with images."""

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
WORD_PARTS = ("word/document.xml", "word/styles.xml", "word/numbering.xml")
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ""})
"""Extensions of the text files read; Word files are known by their content."""


class Format(enum.Enum):
    """What a source file holds."""

    DOCX = "docx"
    TEXT = "text"
    MARKDOWN = "markdown"


@dataclass(frozen=True)
class Source:
    """A source opened and checked: its format and its content.

    ``text`` holds a text file decoded to NFC; ``parts`` the XML parts of a
    .docx (document, styles, numbering) as bytes, absent parts left out.
    """

    path: str
    format: Format
    text: str = ""
    parts: tuple[tuple[str, bytes], ...] = ()

    def part(self, name: str) -> bytes | None:
        """The bytes of a .docx part, or None when the package has none."""
        return dict(self.parts).get(name)


def open_source(source: Input, name: str | None = None) -> Source:
    """Read ``source`` within the limits and decide its format, or raise ReadError.

    ``source`` is a path, the bytes of a document, or a binary file-like object;
    ``name`` (e.g. "plan.docx") names it in errors and gives the suffix that tells
    a .txt from a .md.
    """
    if is_path(source):
        name = name or str(source)
        data = _read_bounded(Path(source), name)
    else:
        name = source_name(source, name)
        data = read_bytes(source, MAX_FILE_BYTES, "read_plan", "source")  # type: ignore[arg-type]
        if len(data) > MAX_FILE_BYTES:
            raise ReadError(
                _("the file is larger than {limit} MB").format(limit=MAX_FILE_BYTES // 2**20), name
            )
    if not data.strip():
        raise ReadError(_("the file is empty"), name)
    suffix = Path(name).suffix.lower()
    if data.startswith(OLE_MAGIC):
        raise ReadError(
            _(
                "this is an old Word .doc or a password-protected document (OLE container); "
                "save it as .docx without a password"
            ),
            name,
        )
    if data.startswith(ZIP_MAGIC):
        return Source(name, Format.DOCX, parts=_docx_parts(data, name))
    if suffix == ".docx":
        raise ReadError(_("not a .docx: the file is not a zip package (renamed or damaged)"), name)
    if suffix not in TEXT_SUFFIXES:
        raise ReadError(
            _("not a document planforge imports ({suffix}); use a .docx, .txt or .md file").format(
                suffix=suffix
            ),
            name,
        )
    text = decode_text(data, name)
    markdown = suffix in (".md", ".markdown")
    return Source(name, Format.MARKDOWN if markdown else Format.TEXT, text=text)


def _read_bounded(path: Path, name: str) -> bytes:
    """A regular file, at most the limit (``planforge.inputs``: FIFOs and devices refused)."""
    try:
        return read_input(path, MAX_FILE_BYTES)
    except InputError as exc:
        raise ReadError(exc.message, name) from None


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with BOM, to NFC; binary data is refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise ReadError(_("the file is not valid UTF-16 text"), name) from None
    else:
        if b"\x00" in data[:4096]:
            raise ReadError(_("this is a binary file, not text or .docx"), name)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise ReadError(
                _(
                    "the file is not UTF-8 text (line {line}); save it as UTF-8 "
                    "(legacy TCVN3/VNI encodings are not read)"
                ).format(line=line),
                name,
            ) from None
    head = text[:4096]
    controls = sum(1 for ch in head if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f")
    if controls > 8:
        raise ReadError(_("this is a binary file, not text or .docx"), name)
    return unicodedata.normalize("NFC", text)


def _docx_parts(data: bytes, name: str) -> tuple[tuple[str, bytes], ...]:
    """The Word parts of a zip package, read within the limits of ``planforge.packages``."""
    try:
        package = open_package(name, data)
        if "word/document.xml" not in package.names:
            raise ReadError(_not_word(set(package.names)), name)
        parts = []
        for member in package.members:
            if member.filename not in WORD_PARTS:
                continue
            if member.flag_bits & 0x1:
                raise ReadError(
                    _("the document is password-protected; save it without a password"), name
                )
            parts.append((member.filename, package.read(member.filename)))
    except PackageError as exc:
        raise ReadError(exc.message, name) from None
    return tuple(parts)


def _not_word(names: set[str]) -> str:
    if any(n.startswith("xl/") for n in names):
        return "this is an Excel workbook (.xlsx), not a Word document"
    if any(n.startswith("ppt/") for n in names):
        return "this is a PowerPoint presentation (.pptx), not a Word document"
    if "content.xml" in names:
        return "this is an OpenDocument file (.odt); save it as .docx"
    return "not a Word document: the archive has no word/document.xml"
