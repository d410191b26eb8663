"""Open a document to check: a regular file, a Word package within the limits of
``planforge.packages`` (zip bombs refused), or a one-line reason why not."""

from __future__ import annotations

import os

from planforge.errors import PlanforgeError
from planforge.i18n import _
from planforge.inputs import InputError, read_input
from planforge.packages import MAX_PACKAGE_BYTES, Package, PackageError, open_package

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_MARK = "EncryptionInfo".encode("utf-16-le")


class Unreadable(Exception):
    """Why a file cannot be checked, in words that follow "cannot read the document: "."""


def open_document(path: str | os.PathLike[str]) -> Package:
    """The package at ``path``, or ``PlanforgeError`` "cannot read the document: why"."""
    try:
        return _open(path)
    except Unreadable as exc:
        message = _("cannot read the document: {reason}").format(reason=exc)
        raise PlanforgeError(message, str(path)) from None


def _open(path: str | os.PathLike[str]) -> Package:
    try:
        data = read_input(path, MAX_PACKAGE_BYTES)
    except InputError as exc:
        raise Unreadable(exc.message) from None
    head = data[:8]
    if not head:
        raise Unreadable(_("the file is empty"))
    if head == OLE_MAGIC and ENCRYPTED_MARK in data:
        raise Unreadable(
            _("the file is encrypted (password-protected); remove the password and save as .docx")
        )
    if head == OLE_MAGIC:
        raise Unreadable(
            _("an old Word 97-2003 (.doc) or other OLE file, not a .docx; save it as .docx")
        )
    if not head.startswith(b"PK"):
        raise Unreadable(_("not a .docx (not a zip package)"))
    try:
        package = open_package(path, data)
    except PackageError as exc:
        raise Unreadable(exc.message) from None
    names = package.names
    if "[Content_Types].xml" not in names or not any(
        name.startswith("word/") and name.endswith(".xml") for name in names
    ):
        raise Unreadable(_("a zip file without a Word document (no word/document.xml)"))
    return package


def unreadable_reason(path: str | os.PathLike[str]) -> str | None:
    """Why ``path`` cannot be a Word package (missing, a folder, encrypted, .doc…), or None."""
    try:
        _open(path)
    except Unreadable as exc:
        return str(exc)
    return None
