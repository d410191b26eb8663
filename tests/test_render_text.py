"""The rendered examples read exactly as their seeds, paragraph by paragraph.

Each example is rendered to .docx and its text read back from the XML. Header
parts that a seed does not print (national title, motto, agency lines, rule
lines; Lai Châu's whole header) were filled in for the example and are set
aside. What remains must equal the seed once layout is removed (wrapping,
spacing, Markdown marks), and every paragraph of the document must start where
a line of the seed starts, so that no two seed paragraphs were glued together.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from seeds import normalise_words, seed_parts, seed_text
from test_examples_model import EXAMPLES, Example

from planforge import Plan, load_plan, render_plan
from planforge.rendering.context import MOTTO, NATIONAL_TITLE

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ROOT = Path(__file__).resolve().parents[1]


def document_paragraphs(path: Path) -> list[tuple[str, bool]]:
    """Every paragraph's text in document order, and whether it sits in the first table."""
    with zipfile.ZipFile(path) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    header_table = root.find(f"{W}body/{W}tbl")
    out = []
    for paragraph in root.iter(f"{W}p"):
        text = "".join(t.text or "" for t in paragraph.iter(f"{W}t"))
        in_header = header_table is not None and any(
            a is header_table for a in paragraph.iterancestors(f"{W}tbl")
        )
        out.append((text, in_header))
    return out


def printed_parts(path: Path, example: Example, plan: Plan | None = None) -> list[str]:
    """The paragraphs that the seed prints too, in order.

    ``plan`` is the plan the document was rendered from (default: the example's);
    its agency lines are the header parts the seeds do not print.
    """
    plan = plan or load_plan(ROOT / example.path)
    agency = {
        line
        for a in (plan.header.issuing_agency, plan.header.parent_agency)
        if a
        for line in (a.header_lines or ())
    }
    seed_has_header = bool(normalise_words(seed_parts(example.seed, example.first_words)[0]))
    kept = []
    for text, in_header in document_paragraphs(path):
        stripped = text.strip()
        if not stripped or set(stripped) == {"_"} or stripped in (NATIONAL_TITLE, MOTTO):
            continue
        if in_header and (stripped in agency or stripped.isupper()):
            continue
        kept.append(text)
    if not seed_has_header:
        kept = kept[4:]  # number, date, type name, subject: filled in for this example
    return kept


def printed_seed(example: Example) -> str:
    """The seed with list punctuation the renderer adds: every recipient line ends with ";".

    One seed forgot the ";" after a recipient; Nghị định 30 requires it and the
    renderer prints it, so the seed is compared as it should have been typed.
    """
    head, body, foot = seed_parts(example.seed, example.first_words)
    lines = foot.splitlines()
    for i, line in enumerate(lines[:-1]):
        ends_entry = lines[i + 1].lstrip().startswith("-")
        if line.lstrip().startswith("-") and ends_entry and not line.rstrip().endswith((";", ",")):
            lines[i] = line.rstrip() + ";"
    return head + body + "\n".join(lines)


def seed_line_starts(text: str) -> set[int]:
    """Offsets, in the normalised text, where a line of the seed begins."""
    starts, offset = set(), 0
    for line in text.splitlines():
        words = normalise_words(line)
        if words:
            starts.add(offset)
        offset += len(words)
    return starts


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every example rendered once."""
    folder = tmp_path_factory.mktemp("rendered")
    return {
        name: render_plan(load_plan(ROOT / e.path), folder / f"{name}.docx")
        for name, e in EXAMPLES.items()
    }


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_the_rendered_text_equals_the_seed_word_for_word(
    name: str, rendered: dict[str, Path]
) -> None:
    """Every character of every word, in order, from the number line to the signer's name."""
    example = EXAMPLES[name]
    seed = normalise_words(printed_seed(example))
    document = "".join(normalise_words(p) for p in printed_parts(rendered[name], example))
    assert document == seed


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_every_paragraph_starts_where_a_seed_line_starts(
    name: str, rendered: dict[str, Path]
) -> None:
    """No paragraph of the document begins in the middle of a seed line."""
    example = EXAMPLES[name]
    starts = seed_line_starts(printed_seed(example))
    offset, misplaced = 0, []
    for paragraph in printed_parts(rendered[name], example):
        words = normalise_words(paragraph)
        if offset not in starts:
            misplaced.append(paragraph[:60])
        offset += len(words)
    assert misplaced == []


@pytest.mark.parametrize("name", ["lam-dong-2021", "lang-son-2023"])
def test_every_seed_paragraph_that_ends_a_sentence_ends_a_document_paragraph(
    name: str, rendered: dict[str, Path]
) -> None:
    """Seeds with blank lines between paragraphs: those breaks are kept.

    A seed paragraph that stops mid-sentence (no final punctuation) is a page
    break of the source and is joined with the next one.
    """
    example = EXAMPLES[name]
    text = seed_text(example.seed)
    seed_breaks, offset = set(), 0
    blocks = [b for b in re.split(r"\n\s*\n", text) if normalise_words(b)]
    for block in blocks[:-1]:
        offset += len(normalise_words(block))
        if re.search(r"[.;:!?*]\s*$", block.strip()):
            seed_breaks.add(offset)
    document_breaks, offset = set(), 0
    for paragraph in printed_parts(rendered[name], example):
        offset += len(normalise_words(paragraph))
        document_breaks.add(offset)
    assert sorted(seed_breaks - document_breaks) == []
