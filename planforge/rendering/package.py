"""The package of a written .docx: its core properties, and bytes that depend only on its content.

Word shows the core properties (docProps/core.xml) as the document's author,
title and dates; they are the issuing agency, the type and subject, and the
date of the document, never "python-docx" or the day the template was built.
python-docx stamps every zip entry with the current time, so two renders of the
same plan differed; the package is rewritten with one fixed time and the same
entry order, so that the same input always gives the same bytes.
"""

from __future__ import annotations

import datetime
import hashlib
import os
import shutil
import zipfile
import zlib
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from docx.opc.pkgwriter import PackageWriter

from planforge.model import Header, IssueDate

EPOCH = datetime.datetime(2020, 3, 5)
"""The date of a document that has none: the day Nghị định 30 was signed, never "now"."""

ZIP_TIME = (1980, 1, 1, 0, 0, 0)
"""The earliest time a zip entry can hold; every entry carries it."""


def document_datetime(date: IssueDate | None) -> datetime.datetime:
    """The document's date as a time: a blank day or month is the first of the month or year.

    >>> document_datetime(IssueDate(2021, 11)), document_datetime(None).year
    (datetime.datetime(2021, 11, 1, 0, 0), 2020)
    """
    if date is None or date.year is None:
        return EPOCH
    return datetime.datetime(date.year, date.month or 1, date.day or 1)


def set_core_properties(
    document: Any, *, author: str, title: str, date: IssueDate | None, subject: str = ""
) -> None:
    """Fill docProps/core.xml of a python-docx ``document`` from the document's own data."""
    properties = document.core_properties
    when = document_datetime(date)
    properties.author = author
    properties.last_modified_by = author
    properties.title = title
    properties.subject = subject
    properties.created = when
    properties.modified = when
    properties.last_printed = when
    properties.revision = 1
    properties.comments = ""
    properties.keywords = ""
    properties.category = ""
    properties.language = "vi-VN"


def set_header_properties(document: Any, header: Header) -> None:
    """The properties of a plan, letter or report: its issuing agency, type, subject, date."""
    set_core_properties(
        document,
        author=header.issuing_agency.name,
        title=f"{header.printed_type} {header.subject}",
        date=header.date,
    )


def make_reproducible(path: Path) -> None:
    """Rewrite the .docx at ``path`` with fixed entry times, in its own entry order.

    ``path`` is a file being written (a temporary name beside the target), so it
    is rewritten through a sibling file and replaced.
    """
    rewritten = path.with_name(path.name + ".zip")
    try:
        with zipfile.ZipFile(path) as source, zipfile.ZipFile(rewritten, "w") as target:
            for entry in source.infolist():
                info = zipfile.ZipInfo(entry.filename, date_time=ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                info.create_system = 0
                target.writestr(info, source.read(entry), compresslevel=6)
        shutil.move(rewritten, path)
    finally:
        rewritten.unlink(missing_ok=True)


COMPRESS_LEVEL = 6
_compressed: OrderedDict[bytes, bytes] = OrderedDict()
"""The deflated bytes of the parts written lately, by their digest (a template's styles,
theme, fonts and settings are the same in every document of a batch)."""
MAX_COMPRESSED = 64


class _Deflated:
    """A zip entry's compressor that hands out bytes deflated before (same level, same data)."""

    def __init__(self, deflated: bytes) -> None:
        self._deflated = deflated

    def compress(self, _data: bytes) -> bytes:
        return self._deflated

    def flush(self) -> bytes:
        return b""


def _deflate(blob: bytes) -> bytes:
    """``blob`` deflated as zipfile deflates an entry written at once (raw, level 6)."""
    compressor = zlib.compressobj(COMPRESS_LEVEL, zlib.DEFLATED, -15)
    return compressor.compress(blob) + compressor.flush()


class _ReproducibleZip:
    """python-docx's physical package writer, writing entries as :func:`make_reproducible` does.

    Writing the package once this way gives the bytes that saving it and then
    rewriting it gave, without compressing every part twice; a part written
    lately (unchanged since the last document) is not compressed again.
    """

    def __init__(self, file: str | os.PathLike[str] | Any) -> None:
        self._zip = zipfile.ZipFile(file, "w")

    def write(self, pack_uri: Any, blob: bytes) -> None:
        self.write_member(pack_uri.membername, blob)

    def write_member(self, name: str, blob: bytes) -> None:
        """Write the entry ``name`` holding ``blob``."""
        info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        info.create_system = 0
        key = hashlib.sha256(blob).digest()
        deflated = _compressed.get(key)
        if deflated is None:
            deflated = _compressed[key] = _deflate(blob)
            while len(_compressed) > MAX_COMPRESSED:
                _compressed.popitem(last=False)
        else:
            _compressed.move_to_end(key)
        # What ZipFile.writestr does, with the compressor handing out the bytes deflated
        # already; zipfile still computes the CRC and sizes from ``blob`` itself.
        info._compresslevel = COMPRESS_LEVEL  # type: ignore[attr-defined]
        info.file_size = len(blob)
        with self._zip.open(info, mode="w") as entry:
            if hasattr(entry, "_compressor"):
                entry._compressor = _Deflated(deflated)
            entry.write(blob)

    def close(self) -> None:
        self._zip.close()


def write_reproducible(
    file: str | os.PathLike[str] | Any, entries: Iterable[tuple[str, bytes]]
) -> None:
    """Write a zip package of ``entries`` (name, bytes) as :func:`make_reproducible` would."""
    writer = _ReproducibleZip(file)
    try:
        for name, blob in entries:
            writer.write_member(name, blob)
    finally:
        writer.close()


def save_package(
    document: Any,
    file: str | os.PathLike[str] | Any,
    unchanged: Mapping[str, bytes] | None = None,
) -> None:
    """Save a python-docx ``document`` to ``file`` (a path or a binary file), reproducibly.

    The same steps as python-docx's ``OpcPackage.save`` (same entries, same order),
    through :class:`_ReproducibleZip`.  ``unchanged`` gives, by part name, the bytes
    of parts the caller knows to be as they were serialized before (a copied
    document's styles): they are written as given, not serialized again.
    """
    package = document.part.package
    parts = package.parts
    for part in parts:
        part.before_marshal()
    writer = _ReproducibleZip(file)
    steps: Any = PackageWriter  # python-docx's own steps, untyped
    try:
        steps._write_content_types_stream(writer, parts)
        steps._write_pkg_rels(writer, package.rels)
        for part in parts:  # PackageWriter._write_parts, with the bytes known already
            known = unchanged.get(str(part.partname)) if unchanged else None
            writer.write(part.partname, part.blob if known is None else known)
            if len(part.rels):
                writer.write(part.partname.rels_uri, part.rels.xml)
    finally:
        writer.close()
