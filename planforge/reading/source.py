"""Open a source file safely: size and zip-bomb limits, format sniffing, text decoding."""

from __future__ import annotations

import enum
import io
import stat
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

from planforge.i18n import _
from planforge.reading.errors import ReadError
from planforge.streams import Input, is_path, read_bytes, source_name

MAX_FILE_BYTES = 32 * 1024 * 1024
"""The largest source file read: real plans are well under 5 MB, even with images."""
MAX_PART_BYTES = 32 * 1024 * 1024
"""The largest XML part of a .docx read once uncompressed."""
MAX_RATIO = 200
"""The largest compression ratio accepted for a large part (zip bombs go far higher)."""
MAX_MEMBERS = 5000
"""The most entries a .docx may hold."""

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
    """Check the size before reading, then read at most the limit."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ReadError(_("no such file; check the path"), name) from None
    except OSError as exc:
        raise ReadError(
            _("cannot read the file: {strerror}").format(strerror=exc.strerror), name
        ) from None
    if stat.S_ISDIR(info.st_mode):
        raise ReadError(_("this is a folder, not a document"), name)
    if info.st_size > MAX_FILE_BYTES:
        raise ReadError(
            _("the file is {size:.1f} MB; planforge imports plans up to {limit} MB").format(
                size=info.st_size / 1e6, limit=MAX_FILE_BYTES // 2**20
            ),
            name,
        )
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ReadError(
            _("cannot read the file: {strerror}").format(strerror=exc.strerror), name
        ) from None
    if len(data) > MAX_FILE_BYTES:
        raise ReadError(
            _("the file is larger than {limit} MB").format(limit=MAX_FILE_BYTES // 2**20), name
        )
    return data


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
    """The Word parts of a zip package, read with size and ratio limits."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        members = package.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise ReadError(
            _("not a valid .docx: the zip archive is damaged or truncated"), name
        ) from None
    if len(members) > MAX_MEMBERS:
        raise ReadError(
            _("not a .docx: the archive holds {count} files").format(count=len(members)), name
        )
    names = {m.filename for m in members}
    if "word/document.xml" not in names:
        raise ReadError(_not_word(names), name)
    parts = []
    for member in members:
        if member.filename not in WORD_PARTS:
            continue
        if member.flag_bits & 0x1:
            raise ReadError(
                _("the document is password-protected; save it without a password"), name
            )
        _check_sizes(member, name)
        parts.append((member.filename, _read_member(package, member, name)))
    return tuple(parts)


def _not_word(names: set[str]) -> str:
    if any(n.startswith("xl/") for n in names):
        return "this is an Excel workbook (.xlsx), not a Word document"
    if any(n.startswith("ppt/") for n in names):
        return "this is a PowerPoint presentation (.pptx), not a Word document"
    if "content.xml" in names:
        return "this is an OpenDocument file (.odt); save it as .docx"
    return "not a Word document: the archive has no word/document.xml"


def _check_sizes(member: zipfile.ZipInfo, name: str) -> None:
    if member.file_size > MAX_PART_BYTES:
        raise ReadError(
            _(
                "{filename} would unpack to {size:.0f} MB (a zip bomb or not a plan); refused"
            ).format(filename=member.filename, size=member.file_size / 1e6),
            name,
        )
    if member.file_size > 2**20 and member.file_size > MAX_RATIO * max(member.compress_size, 1):
        raise ReadError(
            _("{filename} is compressed {ratio} times (a zip bomb); refused").format(
                filename=member.filename, ratio=member.file_size // max(member.compress_size, 1)
            ),
            name,
        )


def _read_member(package: zipfile.ZipFile, member: zipfile.ZipInfo, name: str) -> bytes:
    """Read at most the limit, whatever the header declares."""
    try:
        with package.open(member) as handle:
            data = handle.read(MAX_PART_BYTES + 1)
    except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError, RuntimeError) as exc:
        raise ReadError(
            _("not a valid .docx: cannot unpack {filename} ({exc})").format(
                filename=member.filename, exc=exc
            ),
            name,
        ) from None
    if len(data) > MAX_PART_BYTES:
        raise ReadError(
            _("{filename} unpacks to more than its limit (a zip bomb); refused").format(
                filename=member.filename
            ),
            name,
        )
    return data
