"""Word packages bounded: zip bombs, FIFOs and macros refused by every command that
opens a .docx (check, check --layout, template check, render --template, import)."""

from __future__ import annotations

import functools
import io
import os
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from bounded_run import SECONDS, run_bounded

from planforge import load_plan, render_plan

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "examples" / "lam-dong-2021" / "ke-hoach-7851.yaml"
TEMPLATE = ROOT / "templates" / "ke-hoach.docx"
MAIN_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
MACRO_TYPE = b"application/vnd.ms-word.document.macroEnabled.main+xml"


def _template_with(extra: dict[str, bytes], replace: tuple[bytes, bytes] | None = None) -> bytes:
    """The bundled template with ``extra`` parts added, ``replace`` done in its content types."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(TEMPLATE) as source, zipfile.ZipFile(buffer, "w") as out:
        for item in source.infolist():
            data = source.read(item)
            if replace and item.filename == "[Content_Types].xml":
                data = data.replace(*replace)
            out.writestr(item, data)
        for name, data in extra.items():
            out.writestr(name, data, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


@functools.cache
def _deep_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as package:
        package.writestr("[Content_Types].xml", b"<Types/>")
        with package.open("word/document.xml", "w", force_zip64=True) as part:
            block = b"\0" * 2**20
            for _ in range(512):
                part.write(block)
    return buffer.getvalue()


def deep_bomb(path: Path) -> None:
    """word/document.xml inflating to 512 MB of zeros (2 MB on disk)."""
    path.write_bytes(_deep_bomb())


def many_entries(path: Path) -> None:
    """Six thousand empty entries (the limit is 5000)."""
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("[Content_Types].xml", b"<Types/>")
        package.writestr("word/document.xml", b"<w:document/>")
        for number in range(6_000):
            package.writestr(f"word/media/{number}.png", b"")


def lying_size(path: Path) -> None:
    """A small template whose central directory declares a 4 GB document.xml."""
    data = bytearray(_template_with({}))
    at = 0
    while (at := data.find(b"PK\x01\x02", at)) != -1:
        name_length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + name_length] == b"word/document.xml":
            struct.pack_into("<I", data, at + 24, 0xFFFFFFF0)
        at += 4
    path.write_bytes(bytes(data))


BOMBS: dict[str, Callable[[Path], None]] = {
    "1 GB part": deep_bomb,
    "6000 entries": many_entries,
    "4 GB declared": lying_size,
}
COMMANDS: dict[str, Callable[[Path, Path], list[str | Path]]] = {
    "check": lambda doc, out: ["check", doc],
    "check --layout": lambda doc, out: ["check", "--layout", doc],
    "template check": lambda doc, out: ["template", "check", doc],
    "render --template": lambda doc, out: ["render", PLAN, "--template", doc, "-o", out / "o.docx"],
    "import": lambda doc, out: ["import", doc, "-o", out / "o.yaml"],
}


@pytest.mark.parametrize("bomb", BOMBS)
@pytest.mark.parametrize("command", COMMANDS)
def test_a_zip_bomb_exits_2_in_seconds_and_bounded_memory(
    tmp_path: Path, command: str, bomb: str
) -> None:
    """One line naming the file, nothing written, under a 1.5 GB address-space limit."""
    doc = tmp_path / "bomb.docx"
    BOMBS[bomb](doc)
    out = tmp_path / "out"
    out.mkdir()
    run = run_bounded(*COMMANDS[command](doc, out))
    assert run.code == 2, run.err
    assert run.err.startswith(f"planforge: error: {doc}:"), run.err
    assert run.err.count("\n") == 1 and "Traceback" not in run.err
    assert run.seconds < SECONDS
    assert list(out.iterdir()) == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
@pytest.mark.parametrize("command", COMMANDS)
def test_a_fifo_or_a_device_is_refused_at_once(tmp_path: Path, command: str) -> None:
    """A FIFO with no writer, and /dev/zero: "not a regular file", not a hang."""
    fifo = tmp_path / "doc.docx"
    os.mkfifo(fifo)
    out = tmp_path / "out"
    out.mkdir()
    for path in (fifo, Path("/dev/zero")):
        run = run_bounded(*COMMANDS[command](path, out))
        assert run.code == 2, run.err
        assert f"{path}:" in run.err and "not a regular file" in run.err, run.err
        assert run.seconds < SECONDS
    assert list(out.iterdir()) == []


MACROS = {
    "vbaProject.bin": ({"word/vbaProject.bin": b"\xd0\xcf\x11\xe0macro"}, None),
    "a .docm renamed": ({}, (MAIN_TYPE, MACRO_TYPE)),
    "an ActiveX control": ({"word/activeX/activeX1.xml": b"<ax:ocx/>"}, None),
}


@pytest.mark.parametrize("case", MACROS)
def test_a_template_carrying_macros_is_refused(tmp_path: Path, case: str) -> None:
    """``render --template`` and ``template check``: exit 2 naming the file, nothing written."""
    template = tmp_path / "t.docx"
    template.write_bytes(_template_with(*MACROS[case]))
    out = tmp_path / "out"
    out.mkdir()
    for args in (
        ["render", PLAN, "--template", template, "-o", out / "o.docx"],
        ["template", "check", template],
    ):
        run = run_bounded(*args)
        assert run.code == 2, run.err
        assert run.err.startswith(f"planforge: error: {template}: this template carries macros")
    assert list(out.iterdir()) == []


def test_no_output_carries_a_macro_part(tmp_path: Path) -> None:
    """The rendered document's zip listing: no vbaProject, no ActiveX, no macro content type."""
    out = tmp_path / "o.docx"
    render_plan(load_plan(PLAN), out)
    with zipfile.ZipFile(out) as package:
        names = package.namelist()
        types = package.read("[Content_Types].xml")
    assert not [n for n in names if "vba" in n.lower() or "activex" in n.lower()]
    assert b"macroEnabled" not in types and MAIN_TYPE in types
