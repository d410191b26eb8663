"""Every code block of README.md and docs/ runs as written and prints what it shows.

Blocks run in a fresh folder holding a link to examples/. ``yaml`` blocks whose
first line is ``# file: NAME`` are written to NAME; ``python`` blocks run, and a
``print(...)  # text`` line must print ``text``; ``sh`` blocks run line by line
(installation steps excepted: the test run itself performed them); ``console``
blocks run each ``$ command`` and compare its output with the lines shown, where
"…" stands for any text (a time, say).
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"^```(\w+)\n(.*?)^```", re.MULTILINE | re.DOTALL)
INSTALL = ("pip install", "bash scripts/test.sh")


def _blocks(page: Path) -> list[tuple[str, str]]:
    return [(m.group(1), m.group(2)) for m in BLOCK.finditer(page.read_text(encoding="utf-8"))]


def _shell(
    command: str, folder: Path, *, as_user: bool = False
) -> subprocess.CompletedProcess[str]:
    """Run ``command``; ``as_user``: in a user's environment (no language chosen: Vietnamese)."""
    bin_dir = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", "")}
    if as_user:
        for name in ("PLANFORGE_LANG", "LC_ALL", "LC_MESSAGES"):
            env.pop(name, None)
        env["LANG"] = "C.UTF-8"
    return subprocess.run(
        command,
        shell=True,
        cwd=folder,
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=300,
    )


def _run_python(code: str) -> None:
    expected = [m.group(1).strip() for m in re.finditer(r"^print\(.*\)\s+#\s*(.+)$", code, re.M)]
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(compile(code, "<docs>", "exec"), {"__name__": "__docs__"})
    printed = output.getvalue().splitlines()
    for line in expected:
        assert line in printed, f"expected {line!r} among {printed!r}"


def _run_sh(code: str, folder: Path) -> None:
    for line in code.splitlines():
        for part in (p.strip() for p in line.split("&&")):
            if part and not part.startswith("#") and not part.startswith(INSTALL):
                result = _shell(part, folder)
                assert result.returncode == 0, result.stderr


def _run_console(code: str, folder: Path, *, as_user: bool = False) -> None:
    sessions = re.split(r"^\$ ", code, flags=re.M)[1:]
    for session in sessions:
        command, *shown = session.rstrip("\n").split("\n")
        result = _shell(command, folder, as_user=as_user)
        # Progress goes to stderr before the results on stdout, as a terminal shows them.
        output = (result.stderr + result.stdout).rstrip("\n").split("\n")
        assert len(output) == len(shown), f"{command}: {output!r}"
        for line, expected in zip(output, shown, strict=True):
            pattern = ".*".join(re.escape(part) for part in expected.split("…"))
            assert re.fullmatch(pattern, line), f"{command}: {line!r} is not {expected!r}"
        errors = shown and shown[0].startswith(("planforge: error:", "planforge: lỗi:"))
        assert result.returncode == (2 if errors else 0), command


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_every_code_block_of_the_page_runs(
    page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Write the files, run the code and the commands, compare what they print."""
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    monkeypatch.chdir(tmp_path)
    blocks = _blocks(page)
    for language, code in blocks:
        if language == "yaml" and code.startswith("# file: "):
            name = shlex.split(code.splitlines()[0][len("# file: ") :])[0]
            (tmp_path / name).write_text(code, encoding="utf-8")
        elif language == "python":
            _run_python(code)
        elif language == "sh":
            _run_sh(code, tmp_path)
        elif language == "console":
            # README shows what a user sees (Vietnamese unless --lang en); docs/ in English.
            _run_console(code, tmp_path, as_user=page.name == "README.md")


def test_the_readme_shows_page_one_of_a_rendered_example() -> None:
    """The image exists (made by scripts/page_images.py from the PDF)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    images = re.findall(r"!\[[^\]]*\]\(([^)]+\.png)\)", readme)
    assert images and all((ROOT / image).is_file() for image in images)


def test_plan_files_md_lists_every_field_of_every_model_class() -> None:
    """docs/plan-files.md cannot drift from the model."""
    import attrs

    import planforge.model as model

    text = (ROOT / "docs" / "plan-files.md").read_text(encoding="utf-8")
    missing = sorted(
        f"{name}.{field.name}"
        for name in model.__all__
        if name != "Entry"  # a labelled view of the tree, not part of a plan file
        and isinstance(getattr(model, name), type)
        and attrs.has(getattr(model, name))
        for field in attrs.fields(getattr(model, name))
        if f"`{field.name}`" not in text
    )
    assert missing == []


def test_derive_md_lists_every_field_of_a_profile() -> None:
    """docs/derive.md cannot drift from the profile model."""
    import attrs

    from planforge.model import profile

    text = (ROOT / "docs" / "derive.md").read_text(encoding="utf-8")
    classes = (
        profile.Profile,
        profile.Unit,
        profile.TargetOverride,
        profile.AgencyRule,
        profile.PhraseRule,
    )
    missing = sorted(
        f"{cls.__name__}.{field.name}"
        for cls in classes
        for field in attrs.fields(cls)
        if not field.metadata.get("located") and f"`{field.name}`" not in text
    )
    assert missing == []
