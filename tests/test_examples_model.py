"""The example plan files model their seed plans word for word.

Each example in examples/ is a real plan (shared/seeds) written as a plan
file. These tests load each one and check that it dumps stably, that its
labelled paragraphs read exactly as the seed's once layout is set aside, that
its recipients and signature are the seed's, and that it holds the expected
numbers of targets, assignments and reporting entries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from seeds import normalise_words, seed_body, seed_header, seed_recipients, seed_signature

from planforge.loading.plan_file import dumps_plan, load_plan, loads_plan
from planforge.model import Assignment, Plan, Reporting, Section, Target

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Example:
    """An example plan file, its seed and what it should hold."""

    path: str
    seed: str
    first_words: str
    sections: int
    targets: int
    assignments: int
    requested: int
    reporting: int
    recipients: int

    def load(self) -> Plan:
        return load_plan(ROOT / self.path)


EXAMPLES = {
    "lam-dong-2021": Example(
        path="examples/lam-dong-2021/ke-hoach-7851.yaml",
        seed="lam-dong-2021-ke-hoach-7851.txt",
        first_words="Thực hiện Quyết định số 1629",
        sections=22,
        targets=9,
        assignments=13,
        requested=2,
        reporting=0,
        recipients=7,
    ),
    "lai-chau-2021": Example(
        path="examples/lai-chau-2021/ke-hoach.yaml",
        seed="lai-chau-2021-ke-hoach.txt",
        first_words="Thực hiện Quyết định số",
        sections=24,
        targets=10,
        assignments=13,
        requested=2,
        reporting=1,
        recipients=8,
    ),
    "lang-son-2023": Example(
        path="examples/lang-son-2023/ke-hoach-so-ldtbxh.yaml",
        seed="lang-son-2023-so-ldtbxh-ke-hoach.txt",
        first_words="Thực hiện Kế hoạch số 48",
        sections=21,
        targets=8,
        assignments=3,
        requested=0,
        reporting=2,
        recipients=4,
    ),
}

examples = pytest.mark.parametrize("example", EXAMPLES.values(), ids=EXAMPLES.keys())


def body_text(plan: Plan) -> str:
    """The body as printed, one paragraph a line: opening, labelled entries, closing.

    A section prints its label, its title and its run-in text in one
    paragraph; every other entry prints its label and its text.
    """
    paragraphs = list(plan.legal_basis.opening)
    for entry in plan.entries():
        node = entry.node
        words = [node.title, node.text] if isinstance(node, Section) else [node.text]
        paragraphs.append(" ".join(w for w in [entry.label, *words] if w))
    paragraphs += [p.text for p in plan.closing]
    return "\n".join(paragraphs)


def first_difference(expected: str, actual: str) -> str:
    """Where two normalised texts part, with some context, for a readable failure."""
    at = next(
        (i for i, (a, b) in enumerate(zip(expected, actual, strict=False)) if a != b),
        min(len(expected), len(actual)),
    )
    start = max(at - 40, 0)
    return f"at {at}: seed …{expected[start : at + 40]}… plan …{actual[start : at + 40]}…"


@examples
def test_the_example_loads(example: Example) -> None:
    """The plan file loads without error into a plan with a body."""
    plan = example.load()
    assert plan.sections


@examples
def test_dumping_the_example_again_gives_the_same_text(example: Example) -> None:
    """Dump, load and dump again: the two dumps are the same text."""
    plan = example.load()
    once = dumps_plan(plan)
    assert dumps_plan(loads_plan(once)) == once


@examples
def test_the_body_has_every_word_of_the_seed_in_order(example: Example) -> None:
    """Opening, labelled entries and closing read as the seed's body, layout aside.

    Labels are computed from depth and marker, so this also checks that
    every computed label is the seed's.
    """
    expected = seed_body(example.seed, example.first_words)
    actual = normalise_words(body_text(example.load()))
    assert actual == expected, first_difference(expected, actual)


@examples
def test_the_header_reads_as_the_seeds_header(example: Example) -> None:
    """Number, place and date, type name and subject are the seed's where it prints them.

    The Lai Châu seed prints no header at all (its text starts at the body); the
    example fills it in and says so in its comments.
    """
    expected = seed_header(example.seed, example.first_words)
    source = (ROOT / example.path).read_text(encoding="utf-8")
    if example.seed.startswith("lai-chau"):
        assert expected == "" and "filled in" in source.lower()
        return
    header = example.load().header
    printed = " ".join(
        [
            header.number.line,
            f"{header.place}, {header.date.words}",
            header.document_type.title.upper(),
            header.subject,
        ]
    )
    assert normalise_words(printed) == expected


@examples
def test_the_recipients_are_the_seeds(example: Example) -> None:
    """Each recipient line and the archive line read as the seed's, punctuation aside."""
    recipients = example.load().recipients
    lines = [e.line for e in recipients.entries] + [recipients.archive_line]
    expected = seed_recipients(example.seed, example.first_words)
    assert [normalise_words(line) for line in lines] == expected
    assert len(recipients.entries) == example.recipients


@examples
def test_the_signature_is_the_seeds(example: Example) -> None:
    """Authority lines, title and name read as the seed's signature block."""
    signature = example.load().signature
    printed = " ".join([*signature.authority_lines, signature.title, signature.name])
    assert normalise_words(printed) == seed_signature(example.seed, example.first_words)


@examples
def test_the_legal_basis_cites_the_documents_of_the_opening(example: Example) -> None:
    """Every typed reference's number and issuer appear in the opening paragraphs."""
    basis = example.load().legal_basis
    opening = normalise_words(" ".join(basis.opening))
    assert basis.references
    for reference in basis.references:
        assert reference.number and normalise_words(reference.number) in opening
        assert reference.date is not None and reference.date.complete


@examples
def test_the_example_holds_the_expected_numbers_of_entries(example: Example) -> None:
    """Sections, targets, assignments (requested ones too) and reporting entries are counted."""
    plan = example.load()
    nodes = [e.node for e in plan.entries()] + list(plan.closing)
    assert sum(isinstance(n, Section) for n in nodes) == example.sections
    assert len(plan.targets()) == example.targets
    assert len(plan.assignments()) == example.assignments
    assert sum(isinstance(n, Assignment) and n.requested for n in nodes) == example.requested
    assert sum(isinstance(n, Reporting) for n in nodes) == example.reporting


@examples
def test_a_target_has_measures_exactly_when_its_sentence_has_a_number(example: Example) -> None:
    """Measures come from the numbers of the sentence; each value is written in it."""
    for entry in example.load().targets():
        target = entry.node
        assert isinstance(target, Target)
        numbers = [float(n) for n in re.findall(r"\d+", target.text) if not 2000 <= int(n) <= 2100]
        assert bool(target.measures) == bool(numbers), target.text
        for measure in target.measures:
            assert measure.value in numbers, (measure, target.text)
            assert measure.upper is None or measure.upper in numbers, (measure, target.text)


@examples
def test_every_reporting_entry_states_its_deadlines(example: Example) -> None:
    """A reporting entry names at least one period, and its days and months are in the text."""
    plan = example.load()
    nodes = [e.node for e in plan.entries()] + list(plan.closing)
    for node in nodes:
        if not isinstance(node, Reporting):
            continue
        assert node.deadlines, node.text
        for deadline in node.deadlines:
            if deadline.day is not None:
                assert f"{deadline.day}/{deadline.month}" in node.text


@examples
def test_every_assignment_names_its_agencies(example: Example) -> None:
    """An assignment names at least one agency; a requested one starts "Đề nghị"."""
    for entry in example.load().assignments():
        node = entry.node
        assert isinstance(node, Assignment)
        assert node.agencies, node.text
        assert node.requested == node.text.startswith("Đề nghị"), node.text
        assert not node.heading or node.children, node.text
