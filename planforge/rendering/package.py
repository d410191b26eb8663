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
import os
import shutil
import zipfile
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
    if date is None:
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
        title=f"{header.document_type.title} {header.subject}",
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


class _ReproducibleZip:
    """python-docx's physical package writer, writing entries as :func:`make_reproducible` does.

    Writing the package once this way gives the bytes that saving it and then
    rewriting it gave, without compressing every part twice.
    """

    def __init__(self, file: str | os.PathLike[str] | Any) -> None:
        self._zip = zipfile.ZipFile(file, "w")

    def write(self, pack_uri: Any, blob: bytes) -> None:
        info = zipfile.ZipInfo(pack_uri.membername, date_time=ZIP_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        info.create_system = 0
        self._zip.writestr(info, blob, compresslevel=6)

    def close(self) -> None:
        self._zip.close()


def save_package(document: Any, file: str | os.PathLike[str] | Any) -> None:
    """Save a python-docx ``document`` to ``file`` (a path or a binary file), reproducibly.

    The same steps as python-docx's ``OpcPackage.save`` (same entries, same order),
    through :class:`_ReproducibleZip`.
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
        steps._write_parts(writer, parts)
    finally:
        writer.close()
