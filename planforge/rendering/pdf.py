"""PDF through LibreOffice: a whole batch of documents in one soffice process."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from planforge.errors import ConversionError
from planforge.i18n import _
from planforge.outputs import release_held, signals_held

DEFAULT_TIMEOUT_S = 180.0
"""How long one soffice batch may take before it is stopped (and more for each document)."""
PER_DOCUMENT_S = 5.0
"""The time a batch may take for each document after the first (a plan takes about 1 s)."""


def to_pdf(
    docx_paths: Iterable[str | os.PathLike[str]],
    outdir: str | os.PathLike[str],
    *,
    timeout: float | None = None,
) -> list[Path]:
    """Convert documents to PDF in one soffice run; return the PDFs in the order given.

    soffice gets a private, temporary user profile, so parallel runs do not clash.
    It starts once for the whole batch (its start costs more than a conversion);
    the batch may take ``timeout`` seconds, by default ``DEFAULT_TIMEOUT_S`` and
    ``PER_DOCUMENT_S`` for each document after the first.
    Raises ``ConversionError`` when soffice is missing, fails or times out, or when
    two documents would give the same PDF name.
    """
    sources = [Path(path).resolve() for path in docx_paths]
    if not sources:
        return []
    _check_sources(sources)
    if timeout is None:
        timeout = DEFAULT_TIMEOUT_S + PER_DOCUMENT_S * (len(sources) - 1)
    soffice = _soffice()
    out = Path(outdir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    targets = [out / f"{source.stem}.pdf" for source in sources]
    for target in targets:
        target.unlink(missing_ok=True)  # a stale PDF must not pass for a new one
    profile = Path(tempfile.mkdtemp(prefix="planforge-soffice-"))
    try:
        log = _run_soffice(soffice, profile, out, sources, timeout)
    finally:
        with signals_held():  # a signal now must not cut the removal short
            shutil.rmtree(profile, ignore_errors=True)
    missing = [target.name for target in targets if not target.is_file()]
    if missing:
        raise ConversionError(
            _("soffice wrote no {names}: {log}").format(names=", ".join(missing), log=log), str(out)
        )
    return targets


def _check_sources(sources: list[Path]) -> None:
    missing = [str(source) for source in sources if not source.is_file()]
    if missing:
        raise ConversionError(_("no such document: {names}").format(names=", ".join(missing)))
    stems = [source.stem for source in sources]
    clashes = sorted({stem for stem in stems if stems.count(stem) > 1})
    if clashes:
        raise ConversionError(
            _("documents would share a PDF name: {names}").format(names=", ".join(clashes))
        )


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        raise ConversionError(
            _(
                "LibreOffice (soffice) is not installed or not on PATH; install it "
                "(apt-get install libreoffice-writer) or leave out --pdf"
            )
        )
    return found


def _run_soffice(
    soffice: str, profile: Path, out: Path, sources: list[Path], timeout: float
) -> str:
    """Run one headless conversion; return its output, or raise ``ConversionError``."""
    command = [
        soffice,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out),
        *map(str, sources),
    ]
    # soffice's own temporary files go inside the private profile, so that they are
    # removed with it even when soffice has to be killed.
    scratch = profile / "tmp"
    scratch.mkdir(exist_ok=True)
    started: list[subprocess.Popen[str]] = []
    try:
        # No signal between starting soffice and being ready to stop it: a Ctrl-C
        # inside Popen would leave an office running that no one stops.
        with signals_held():
            started.append(_start(command, scratch))
        log, _errors = started[0].communicate(timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        _stop(started[0])
        raise ConversionError(
            _("soffice did not finish within {timeout:g} s").format(timeout=timeout)
        ) from exc
    except BaseException:  # Ctrl-C, SIGTERM: soffice runs in its own session, stop it too
        if started:
            _stop(started[0])
        raise
    process = started[0]
    if process.returncode != 0:
        raise ConversionError(
            _("soffice failed (exit {returncode}): {log}").format(
                returncode=process.returncode, log=log.strip()
            )
        )
    return log.strip()


def _start(command: list[str], scratch: Path) -> subprocess.Popen[str]:
    try:
        return subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
            env={**os.environ, "TMPDIR": str(scratch)},
            preexec_fn=release_held,  # soffice must not inherit our held signals
        )
    except OSError as exc:
        raise ConversionError(_("cannot start soffice: {exc}").format(exc=exc)) from exc


def _stop(process: subprocess.Popen[str]) -> None:
    """Kill soffice and the office process it started (they share a session)."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (AttributeError, ProcessLookupError, PermissionError):
        process.kill()
    process.communicate()
    # The office process dies a moment after the one we wait for; until it has, it may
    # still write into its profile, which is removed next.
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            os.killpg(process.pid, 0)
        except (AttributeError, ProcessLookupError, PermissionError):
            return
        time.sleep(0.02)
