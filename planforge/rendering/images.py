"""Check an image a document inserts (the signature) before rendering, naming file and field.

python-docx reads only an image's header, so a truncated PNG would be inserted
and only Word would find it broken; a text file named .png would fail deep in
docxtpl with a message about the template.  Both are refused here with the
image's path and the plan field that names it.
"""

from __future__ import annotations

import struct
from pathlib import Path

from docx.image.exceptions import UnexpectedEndOfFileError, UnrecognizedImageError
from docx.image.image import Image

from planforge.errors import RenderError
from planforge.i18n import _

SIGNATURE_FIELD = "signature.signature_image"
"""The plan field of the signature image (printed as ``signature.image`` by templates)."""

_PNG = b"\x89PNG\r\n\x1a\n"


def check_image(path: Path, field: str = SIGNATURE_FIELD) -> None:
    """Raise a RenderError at ``field`` if ``path`` is missing, not an image, or truncated."""
    name = str(path)
    if not path.is_file():
        raise RenderError(
            _("the image file {name} does not exist; check the path").format(name=name), field
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RenderError(
            _("cannot read the image file {name}: {reason}").format(
                name=name, reason=exc.strerror or exc
            ),
            field,
        ) from None
    try:
        Image.from_blob(data)
        truncated = _truncated(data)
    except UnexpectedEndOfFileError:
        truncated = True
    except (UnrecognizedImageError, ValueError, IndexError, struct.error):
        raise RenderError(
            _("the file {name} is not an image; give a PNG or JPEG file").format(name=name),
            field,
        ) from None
    if truncated:
        raise RenderError(
            _("the image file {name} is truncated or damaged; save it again").format(name=name),
            field,
        )


def _truncated(data: bytes) -> bool:
    """True for a PNG whose chunks stop before IEND, or a JPEG without its end marker."""
    if data.startswith(_PNG):
        return not _png_complete(data)
    if data.startswith(b"\xff\xd8"):
        return b"\xff\xd9" not in data[-1024:]
    return False


def _png_complete(data: bytes) -> bool:
    """Walk the PNG chunks (length, type, data, CRC) and find IEND within the file."""
    offset = len(_PNG)
    while offset + 8 <= len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        end = offset + 12 + length
        if end > len(data):
            return False
        if kind == b"IEND":
            return True
        offset = end
    return False
