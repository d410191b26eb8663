"""Word files made by LibreOffice import like their sources (text, HTML lists, a re-saved plan).

LibreOffice turns a text file into one Word paragraph per line (blank lines
become empty paragraphs), HTML lists into Word's automatic numbering, and
re-saves a planforge document with styles of its own. The conversions run
in three soffice calls, once for the module.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from seeds import SEEDS
from test_examples_model import EXAMPLES
from test_reading_seeds import skeleton

from planforge import render_plan
from planforge.model import Assignment, Target
from planforge.reading import read_plan, read_plan_report

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice (soffice)"),
]

DATA = Path(__file__).parent / "data" / "reading"
TEXT_FILTER = "Text (encoded):UTF8,LF,Times New Roman,vi"


def soffice(sources: list[Path], out: Path, infilter: str | None) -> None:
    """Convert ``sources`` to .docx in ``out`` with a private user profile."""
    with tempfile.TemporaryDirectory(prefix="planforge-read-") as profile:
        command = ["soffice", f"-env:UserInstallation={Path(profile).as_uri()}", "--headless"]
        if infilter:
            command.append(f"--infilter={infilter}")
        command += ["--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out)]
        subprocess.run(
            command + [str(s) for s in sources], check=True, capture_output=True, timeout=120
        )


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two seeds as text, an HTML plan with lists, a rendered example: saved by LibreOffice."""
    folder = tmp_path_factory.mktemp("libreoffice")
    sources = folder / "sources"
    sources.mkdir()
    texts = []
    for name in ("lai-chau-2021", "lam-dong-2021"):
        target = sources / f"{name}.txt"
        shutil.copy(SEEDS / EXAMPLES[name].seed, target)
        texts.append(target)
    rendered = render_plan(EXAMPLES["lang-son-2023"].load(), sources / "lang-son-2023.docx")
    out = folder / "out"
    soffice(texts, out, TEXT_FILTER)
    soffice([DATA / "lists.html"], out, "HTML (StarWriter)")
    soffice([rendered], out, None)
    return out


@pytest.mark.parametrize("name", ["lai-chau-2021", "lam-dong-2021"])
def test_a_seed_saved_as_word_by_libreoffice_imports_as_the_text_does(
    name: str, converted: Path
) -> None:
    """One paragraph per line (hard-wrapped Lai Châu) or per line and blank (Lâm Đồng):
    the same plan as from the text file."""
    from_word = read_plan(converted / f"{name}.docx")
    from_text = read_plan(SEEDS / EXAMPLES[name].seed)
    assert skeleton(from_word) == skeleton(from_text)
    assert (from_word.header, from_word.recipients, from_word.signature) == (
        from_text.header,
        from_text.recipients,
        from_text.signature,
    )


def test_html_lists_become_word_numbering_and_come_back_as_labels(converted: Path) -> None:
    """<ol type="I"> and <ol> inside it become levels I. and 1. of one Word list; LibreOffice
    makes its third level a bullet (<ul> and <ol type="a"> alike), so Word shows "-"."""
    reading = read_plan_report(converted / "lists.docx")
    plan = reading.plan
    assert [(e.depth, e.label) for e in plan.entries()] == [
        (1, "I."), (2, "1."), (3, "-"), (3, "-"), (2, "2."), (3, "-"), (3, "-"),
        (1, "II."), (2, "1."), (2, "2."),
    ]  # fmt: skip
    assert sum(isinstance(e.node, Target) for e in plan.entries()) == 2
    assert [e.node.requested for e in plan.entries() if isinstance(e.node, Assignment)] == [
        False,
        True,
    ]
    header = plan.header
    assert (header.issuing_agency.name, str(header.number), str(header.date)) == (
        "Ủy ban nhân dân huyện Lạc Dương",
        "33/KH-UBND",
        "2024-05-12",
    )
    assert plan.signature.name == "Phạm Văn Dũng"


def test_a_planforge_document_re_saved_by_libreoffice_reads_the_same(converted: Path) -> None:
    """LibreOffice renames styles and rewrites runs; the plan read is the same."""
    original = read_plan(render_plan(EXAMPLES["lang-son-2023"].load(), converted / "again.docx"))
    assert read_plan(converted / "lang-son-2023.docx") == original
