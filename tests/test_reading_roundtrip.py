"""Reading a rendered plan gives back what the document shows: read_plan(render_plan(P)).

A rendered document does not print everything a plan holds (agency codes,
levels and seats, measures, roles, the agencies of an assignment, origins,
deadlines, cited documents' fields, section roles, an empty section's item
marker, header lines equal to the computed wrap, where an unlabelled
paragraph belongs, the case of a first-level title). ``printed_projection``
(planforge.reading.printed) is the plan that the printed paragraphs give;
the property is that reading the Word file gives exactly it, and that it
prints the same words as the plan itself: nothing printed is lost.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import factories
import pytest
from hypothesis import HealthCheck, example, given, settings
from strategies import plans
from test_examples_model import EXAMPLES

from planforge import Agency, Level, Signature, render_plan
from planforge.model import Plan
from planforge.reading import read_plan
from planforge.reading.printed import printed_lines, printed_projection

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

TITLE_PREFIX = factories.plan(
    header=factories.header(
        parent_agency=Agency("Cộng hòa xã hội", None, Level.PROVINCE, None),
        issuing_agency=Agency("Cộng hòa", None, Level.PROVINCE, None),
    )
)
"""Found by Hypothesis: agency lines that begin the national title were read as it."""

DASH_TITLE = factories.plan(signature=Signature("–", "Đặng Trí Dũng", ()))
"""Found by Hypothesis: a signer's title that is one dash was dropped as a drawn line."""


def printed_words(plan: Plan) -> str:
    """Every printed character that is wording, in order: no spaces, no end mark, any case."""
    text = " ".join(line.text for line in printed_lines(plan))
    return re.sub(r"\s+", "", text.replace("./.", "")).casefold()


def render_or_skip(plan: Plan, path: Path) -> None:
    """Render the plan (the renderer refuses no valid plan)."""
    render_plan(plan, path)


@SETTINGS
@given(plans)
@example(TITLE_PREFIX)
@example(DASH_TITLE)
def test_reading_a_rendered_plan_gives_its_printed_projection(plan: Plan) -> None:
    """Deep trees, optional parts present or absent, text with &, <, quotes and dashes."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.docx"
        render_or_skip(plan, path)
        assert read_plan(path) == printed_projection(plan)


@SETTINGS
@given(plans)
@example(TITLE_PREFIX)
@example(DASH_TITLE)
def test_the_printed_projection_prints_every_word_of_the_plan(plan: Plan) -> None:
    """Nothing printed is lost: the projection's document has the plan's words in order."""
    words = printed_words(plan)
    assert printed_words(printed_projection(plan)) == words


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_reading_a_rendered_example_gives_the_example_but_for_what_is_not_printed(
    name: str, tmp_path: Path
) -> None:
    """An example rendered and read back has its body, legal basis, closing, recipients and
    signature; and its printed projection is what reading gives."""
    example = EXAMPLES[name].load()
    path = render_plan(example, tmp_path / f"{name}.docx")
    plan = read_plan(path)
    assert plan == printed_projection(example)
    assert [e.label for e in plan.entries()] == [e.label for e in example.entries()]
    assert plan.legal_basis == example.legal_basis
    assert plan.closing == example.closing
    assert plan.recipients == example.recipients
    assert plan.signature == example.signature
    header, original = plan.header, example.header
    assert (header.number, header.place, header.date, header.subject) == (
        original.number,
        original.place,
        original.date,
        original.subject,
    )
    assert header.issuing_agency.name == original.issuing_agency.name
    assert header.parent_agency == original.parent_agency


def test_an_appendix_drawn_from_the_assignments_is_read_as_drawn(tmp_path: Path) -> None:
    """When the printed rows are the plan's own task rows, the appendix is read as drawn."""
    import attrs

    from planforge.model import Appendix, TaskRow

    example = printed_projection(EXAMPLES["lai-chau-2021"].load())
    plan = attrs.evolve(
        example,
        appendices=(
            Appendix(
                title="Phân công nhiệm vụ", from_assignments=True, rows=(TaskRow(task="Việc khác"),)
            ),
            Appendix(
                title="Danh mục", landscape=False, rows=(TaskRow(task="Một", lead="Sở Y tế"),)
            ),
        ),
    )
    read = read_plan(render_plan(plan, tmp_path / "appendix.docx"))
    assert [(a.title, a.from_assignments, a.landscape, a.rows) for a in read.appendices] == [
        ("PHÂN CÔNG NHIỆM VỤ", True, True, (TaskRow(task="Việc khác"),)),
        ("DANH MỤC", False, False, (TaskRow(task="Một", lead="Sở Y tế"),)),
    ]
