"""Open a Word package (.docx, a zip) from a user safely: one place for every reader.

Import, ``check`` (also ``--layout``), ``template check`` and ``render --template`` all
open packages here, so that the same limits hold everywhere: a regular file of at most
``MAX_PACKAGE_BYTES``, at most ``MAX_MEMBERS`` entries, parts that unpack to at most
``MAX_PART_BYTES`` each and ``MAX_TOTAL_BYTES`` together, and no part compressed more
than ``MAX_RATIO`` times (zip bombs go far higher).  The sizes checked are those of
the central directory, which is also what ``zipfile`` stops reading at, so a lying
header cannot unpack more than it declares.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from dataclasses import dataclass

from planforge.errors import PlanforgeError
from planforge.i18n import _
from planforge.inputs import read_input

MAX_PACKAGE_BYTES = 32 * 1024 * 1024
"""The largest package read: real plans are well under 5 MB, even with images."""
MAX_PART_BYTES = 32 * 1024 * 1024
"""The largest part read once uncompressed."""
MAX_TOTAL_BYTES = 128 * 1024 * 1024
"""The most all parts together may unpack to (python-docx keeps them all in memory)."""
MAX_RATIO = 200
"""The largest compression ratio accepted for a part above 1 MB."""
MAX_MEMBERS = 5000
"""The most entries a package may hold."""
MACRO_PART = re.compile(r"(^|/)(vbaProject|vbaData|activeX)", re.IGNORECASE)
"""Parts that carry macros or ActiveX controls (``word/vbaProject.bin`` …)."""
MACRO_TYPE = re.compile(rb"macroEnabled|vbaProject|activeX", re.IGNORECASE)
"""Content types of macro-enabled documents (``…macroEnabled.main+xml``) and their parts."""


class PackageError(PlanforgeError):
    """A package that is not read: damaged, too large, a zip bomb, or carrying macros."""

    def __init__(self, message: str, file: str) -> None:
        super().__init__(message, file)
        self.file = file


@dataclass(frozen=True)
class Package:
    """A zip package whose limits are checked; its bytes stay in memory (never re-opened)."""

    path: str
    data: bytes
    members: tuple[zipfile.ZipInfo, ...]

    @property
    def names(self) -> frozenset[str]:
        """The names of the entries."""
        return frozenset(m.filename for m in self.members)

    def stream(self) -> io.BytesIO:
        """The package as a file object, for python-docx and docxtpl."""
        return io.BytesIO(self.data)

    def read(self, name: str) -> bytes:
        """The bytes of one part, at most ``MAX_PART_BYTES`` whatever its header says."""
        member = next(m for m in self.members if m.filename == name)
        try:
            with zipfile.ZipFile(self.stream()) as archive, archive.open(member) as handle:
                data = handle.read(MAX_PART_BYTES + 1)
        except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError, RuntimeError) as exc:
            raise PackageError(
                _("not a valid .docx: cannot unpack {part} ({reason})").format(
                    part=name, reason=exc
                ),
                self.path,
            ) from None
        if len(data) > MAX_PART_BYTES:
            raise PackageError(
                _("{part} unpacks to more than its limit (a zip bomb); refused").format(part=name),
                self.path,
            )
        return data

    def macro_parts(self) -> list[str]:
        """The parts that carry macros or ActiveX controls, and a macro-enabled content type."""
        found = sorted(n for n in self.names if MACRO_PART.search(n))
        if "[Content_Types].xml" in self.names:
            types = self.read("[Content_Types].xml")
            if MACRO_TYPE.search(types):
                found.append("[Content_Types].xml (macro-enabled)")
        return found


def open_package(path: str | os.PathLike[str], data: bytes | None = None) -> Package:
    """Read the package at ``path`` (or its ``data``, read already) within every limit."""
    name = os.fspath(path)
    name = name if isinstance(name, str) else os.fsdecode(name)
    if data is None:
        data = read_input(path, MAX_PACKAGE_BYTES)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = tuple(archive.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        raise PackageError(
            _("not a valid .docx: a corrupt zip package (damaged or truncated)"), name
        ) from None
    if len(members) > MAX_MEMBERS:
        raise PackageError(
            _("not a .docx: the archive holds {count} files").format(count=len(members)), name
        )
    total = 0
    for member in members:
        _check_sizes(member, name)
        total += member.file_size
    if total > MAX_TOTAL_BYTES:
        raise PackageError(
            _(
                "the archive would unpack to {size} MB (a zip bomb or not a document); refused"
            ).format(size=total // 10**6),
            name,
        )
    return Package(name, data, members)


def refuse_macros(package: Package, what: str) -> None:
    """Refuse a package carrying macros: ``what`` says what it was given as ("template")."""
    found = package.macro_parts()
    if found:
        raise PackageError(
            _(
                "this {what} carries macros or ActiveX controls ({parts}); planforge does not "
                "use macro-enabled files: save it as a plain Word document (.docx)"
            ).format(what=what, parts=", ".join(found)),
            package.path,
        )


def _check_sizes(member: zipfile.ZipInfo, name: str) -> None:
    if member.file_size > MAX_PART_BYTES:
        raise PackageError(
            _("{part} would unpack to {size} MB (a zip bomb or not a document); refused").format(
                part=member.filename, size=member.file_size // 10**6
            ),
            name,
        )
    ratio = member.file_size // max(member.compress_size, 1)
    if member.file_size > 2**20 and ratio > MAX_RATIO:
        raise PackageError(
            _("{part} is compressed {ratio} times (a zip bomb); refused").format(
                part=member.filename, ratio=ratio
            ),
            name,
        )
