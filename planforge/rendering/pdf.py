"""PDF through LibreOffice: a whole batch of documents in one soffice process."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from planforge.errors import RenderError

TIMEOUT_S = 600


def soffice() -> str:
    """The LibreOffice executable, or a RenderError saying how to get it."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise RenderError(
            "LibreOffice is not installed; install it (apt-get install libreoffice-writer) "
            "or leave out --pdf",
            "soffice",
        )
    return found


def to_pdf(documents: Sequence[Path], outdir: Path | None = None) -> list[Path]:
    """Convert ``documents`` to PDF beside them (or into ``outdir``) in one run."""
    if not documents:
        return []
    executable = soffice()
    with tempfile.TemporaryDirectory(prefix="planforge-lo-") as profile:
        command = [
            executable,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir or documents[0].parent),
            *map(str, documents),
        ]
        try:
            result = subprocess.run(
                command, capture_output=True, text=True, timeout=TIMEOUT_S, check=False
            )
        except subprocess.TimeoutExpired:
            raise RenderError(f"LibreOffice took longer than {TIMEOUT_S} s", "soffice") from None
    pdfs = [(outdir or d.parent) / f"{d.stem}.pdf" for d in documents]
    missing = [p for p in pdfs if not p.is_file()]
    if result.returncode != 0 or missing:
        detail = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["no output"]
        raise RenderError(
            f"LibreOffice could not convert {len(missing)} file(s): {detail[0]}",
            str(missing[0] if missing else documents[0]),
        )
    return pdfs
