"""Documents in memory: what the public functions accept besides a path.

A web service hands planforge the bytes of an upload, or a file-like object, and
wants the bytes of the result back; it should need no temporary files of its own.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path
from typing import Protocol, TypeGuard, runtime_checkable

from planforge.errors import ArgumentError
from planforge.i18n import _


@runtime_checkable
class Readable(Protocol):
    """A binary file-like object to read from (``open(…, "rb")``, ``io.BytesIO``)."""

    def read(self, size: int = -1, /) -> bytes: ...


@runtime_checkable
class Writable(Protocol):
    """A binary file-like object to write into (``open(…, "wb")``, ``io.BytesIO``)."""

    def write(self, data: bytes, /) -> int: ...


Input = str | os.PathLike[str] | bytes | Readable
"""A document given by its path, its bytes, or a binary file-like object."""


def is_path(value: object) -> TypeGuard[str | os.PathLike[str]]:
    """Whether ``value`` names a file (rather than holding a document)."""
    return isinstance(value, str | os.PathLike)


def read_bytes(source: bytes | Readable, limit: int, function: str, parameter: str) -> bytes:
    """The bytes of ``source``, at most ``limit`` + 1 of them (the caller refuses more)."""
    if isinstance(source, bytes | bytearray | memoryview):
        return bytes(source[: limit + 1])
    if isinstance(source, io.TextIOBase):
        raise ArgumentError(
            _("{parameter} must be opened in binary mode ('rb'), not as text").format(
                parameter=parameter
            ),
            function,
        )
    data = source.read(limit + 1)
    if not isinstance(data, bytes | bytearray):
        raise ArgumentError(
            _("{parameter}.read() gave {given}, not bytes").format(
                parameter=parameter, given=type(data).__name__
            ),
            function,
        )
    return bytes(data)


def check_writable(out: Writable, function: str, parameter: str = "out") -> None:
    """Refuse a text stream before anything is rendered (it cannot take a .docx)."""
    if isinstance(out, io.TextIOBase):
        raise ArgumentError(
            _("{parameter} must be opened in binary mode ('wb'), not as text").format(
                parameter=parameter
            ),
            function,
        )


def source_name(source: object, name: str | None) -> str:
    """The name errors give a document: ``name``, else the file object's name, else <bytes>."""
    if name:
        return name
    given = getattr(source, "name", None)
    return given if isinstance(given, str) else "<bytes>"


_PLACE = re.compile(r"(:\d+){1,2}$")


def beside(path: str, location: str | None) -> Path:
    """``path`` as written in a file whose ``location`` is "file:line:column".

    A relative path is relative to that file's folder, as a reader of the file
    expects, not to whatever folder the program runs in.
    """
    given = Path(path)
    if given.is_absolute() or not location or location.startswith("<"):
        return given
    return Path(_PLACE.sub("", location)).parent / given
