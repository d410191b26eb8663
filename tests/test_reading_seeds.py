"""The three seed plans import into the example plan files, and render back as their seeds.

Each seed (shared/seeds) is read with ``read_plan`` exactly as it is. The
imported plan must hold the example's counts, its structure paragraph by
paragraph (labels, kinds, texts), its header where the seed prints one, its
recipients and signature; rendered, it must read as the seed word for word
and paragraph by paragraph. What the examples were given by hand (measures
corrected by reading, agencies split by meaning, header parts the seed does
not print) is compared apart and reported in docs/import.md.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import attrs
import pytest
from seeds import SEEDS, normalise_words, seed_text
from test_examples_model import EXAMPLES, Example
from test_render_text import (
    document_paragraphs,
    printed_parts,
    printed_seed,
    seed_line_starts,
)

from planforge import load_plan, render_plan
from planforge.loading.plan_file import dumps_plan, loads_plan
from planforge.model import Assignment, Node, Plan, Reporting, Section, Target
from planforge.reading import Reading, read_plan_report

ROOT = Path(__file__).resolve().parents[1]
examples = pytest.mark.parametrize("name", sorted(EXAMPLES))


@pytest.fixture(scope="module")
def readings() -> dict[str, Reading]:
    """Every seed read once."""
    return {name: read_plan_report(SEEDS / e.seed) for name, e in EXAMPLES.items()}


@pytest.fixture(scope="module")
def rendered(
    readings: dict[str, Reading], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    """Every imported seed rendered once."""
    folder = tmp_path_factory.mktemp("imported")
    return {name: render_plan(r.plan, folder / f"{name}.docx") for name, r in readings.items()}


def skeleton(plan: Plan) -> list[tuple[Any, ...]]:
    """What a plan prints paragraph by paragraph, with each entry's kind and label."""
    rows: list[tuple[Any, ...]] = [("opening", text) for text in plan.legal_basis.opening]
    for entry in plan.entries():
        node = entry.node
        text = (node.title, node.text) if isinstance(node, Section) else (node.text,)
        rows.append((entry.depth, entry.label, type(node).__name__, *text))
    rows += [("closing", type(p).__name__, p.text) for p in plan.closing]
    return rows


def by_hand(node: Node) -> Node:
    """The node without what the examples typed by reading: measures, agencies, roles."""
    children = tuple(by_hand(child) for child in node.children)
    if isinstance(node, Target):
        return attrs.evolve(node, measures=(), children=children)
    if isinstance(node, Assignment):
        return attrs.evolve(node, agencies=(), roles=(), children=children)
    return attrs.evolve(node, children=children)


@examples
def test_the_seed_imports_with_the_examples_counts(name: str, readings: dict[str, Reading]) -> None:
    """Sections, targets, assignments (requested too), reporting entries, recipients."""
    example: Example = EXAMPLES[name]
    plan = readings[name].plan
    nodes = [e.node for e in plan.entries()] + list(plan.closing)
    assert sum(isinstance(n, Section) for n in nodes) == example.sections
    assert len(plan.targets()) == example.targets
    assert len(plan.assignments()) == example.assignments
    assert sum(isinstance(n, Assignment) and n.requested for n in nodes) == example.requested
    assert sum(isinstance(n, Reporting) for n in nodes) == example.reporting
    assert len(plan.recipients.entries) == example.recipients


@examples
def test_the_imported_structure_is_the_examples_paragraph_by_paragraph(
    name: str, readings: dict[str, Reading]
) -> None:
    """Opening, every labelled entry with its kind, and the closing, as the example has them."""
    example = EXAMPLES[name].load()
    assert skeleton(readings[name].plan) == skeleton(example)


@examples
def test_the_import_equals_the_example_but_for_what_was_typed_by_reading(
    name: str, readings: dict[str, Reading]
) -> None:
    """Body, legal basis, recipients and signature equal the example's once measures,
    agencies and roles (typed by reading, not printed) are set aside."""
    example = EXAMPLES[name].load()
    plan = readings[name].plan
    assert tuple(map(by_hand, plan.sections)) == tuple(map(by_hand, example.sections))
    assert plan.closing == example.closing
    assert plan.legal_basis == example.legal_basis
    assert plan.recipients == example.recipients
    assert plan.signature == example.signature


@pytest.mark.parametrize("name", ["lam-dong-2021", "lang-son-2023"])
def test_the_header_the_seed_prints_is_the_examples(
    name: str, readings: dict[str, Reading]
) -> None:
    """Number, place, date, type and subject where the seed prints a header."""
    example = EXAMPLES[name].load().header
    header = readings[name].plan.header
    printed = ("number", "place", "date", "document_type", "subject", "draft")
    assert [getattr(header, f) for f in printed] == [getattr(example, f) for f in printed]


def test_a_seed_without_header_gets_the_issuer_from_its_opening_and_says_so(
    readings: dict[str, Reading],
) -> None:
    """Lai Châu's seed starts at the body: issuer, place and subject come from the opening
    paragraph; number and date are left blank (the date wholly: no year is made up from the
    documents it cites); each is a warning."""
    reading = readings["lai-chau-2021"]
    header = reading.plan.header
    assert header.issuing_agency == EXAMPLES["lai-chau-2021"].load().header.issuing_agency
    assert (header.place, str(header.date), header.number.file_form) == (
        "Lai Châu",
        "[ngày ban hành]",
        "/KH-UBND",
    )
    messages = " ".join(w.message for w in reading.warnings)
    for part in ("no number", "no date", "issuing agency", "place", "subject"):
        assert part in messages


@examples
def test_the_rendered_import_reads_as_the_seed_word_for_word(
    name: str, readings: dict[str, Reading], rendered: dict[str, Path]
) -> None:
    """From the number line to the signer's name, every character of every word in order."""
    example = EXAMPLES[name]
    assert "".join(
        normalise_words(p) for p in printed_parts(rendered[name], example, readings[name].plan)
    ) == (normalise_words(printed_seed(example)))


@examples
def test_every_rendered_paragraph_starts_where_a_seed_line_starts(
    name: str, readings: dict[str, Reading], rendered: dict[str, Path]
) -> None:
    """No two lines of the seed were glued into one paragraph by the importer."""
    example = EXAMPLES[name]
    starts = seed_line_starts(printed_seed(example))
    offset, misplaced = 0, []
    for paragraph in printed_parts(rendered[name], example, readings[name].plan):
        if offset not in starts:
            misplaced.append(paragraph[:60])
        offset += len(normalise_words(paragraph))
    assert misplaced == []


@examples
def test_every_sentence_of_the_seed_is_in_the_rendered_document(
    name: str, rendered: dict[str, Path]
) -> None:
    """Split the seed into sentences; each one, layout aside, is in the document's text."""
    document = normalise_words(" ".join(text for text, _ in document_paragraphs(rendered[name])))
    missing = [
        s for s in sentences(seed_text(EXAMPLES[name].seed)) if normalise_words(s) not in document
    ]
    assert missing == []


@examples
def test_the_imported_plan_survives_its_plan_file(name: str, readings: dict[str, Reading]) -> None:
    """Dumped to YAML and loaded back, the imported plan is the same value."""
    plan = readings[name].plan
    assert loads_plan(dumps_plan(plan)) == plan


def sentences(text: str) -> list[str]:
    """The sentences of a text: split after . ; : ! ? and at line ends, layout marks removed."""
    text = re.sub(r"\*\*|^#+\s*|\|", " ", text, flags=re.MULTILINE)
    parts = re.split(r"(?<=[.;:!?])\s+|\n", text)
    return [p.strip() for p in parts if normalise_words(p).strip("./")]


def test_the_examples_were_written_from_the_same_seeds() -> None:
    """The seeds the tests read are the examples' (a guard for the comparisons above)."""
    for example in EXAMPLES.values():
        assert (SEEDS / example.seed).is_file()
        assert load_plan(ROOT / example.path).sections
