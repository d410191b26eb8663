"""The plan that reading a plan's rendered document gives: what the document shows."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from planforge.model import Plan
from planforge.reading.lines import Line, clean_runs
from planforge.reading.read import read_lines
from planforge.rendering.appendix_docx import COLUMNS, appendix_label, reference_line, rows_of
from planforge.rendering.context import build_context
from planforge.text.case import upper
from planforge.text.metrics import rule_under

_HEADING_BOLD = {1: True, 2: True, 3: False}


def printed_projection(plan: Plan) -> Plan:
    """The plan that reading ``plan``'s rendered document gives: what the document shows.

    Some of a plan is not printed: agency codes, levels and seats, measures,
    roles, the agencies of an assignment, origins, deadlines, the fields of a
    cited document, a section's role and an empty section's item marker,
    header lines that equal the computed wrap, whether an unlabelled
    paragraph belongs to the section above it or to the closing, and the
    case of a first-level title (printed in capitals). Reading derives them
    again from the printed text, so ``read_plan(render_plan(P))`` equals
    ``printed_projection(P)``, not ``P`` itself.
    """
    read = read_lines(printed_lines(plan), "<printed>", numbered=True).plan
    assert isinstance(read, Plan), "a plan's printed lines hold no 'V/v' line"
    return read


def printed_lines(plan: Plan) -> list[Line]:
    """The lines the bundled template prints for ``plan``, as the Word reader sees them."""
    context = build_context(plan)
    printer = _Printer()
    return [*printer.lines(context), *printer.appendices(plan)]


class _Printer:
    """Numbers paragraphs as Word does and remembers empty ones (gaps)."""

    def __init__(self) -> None:
        self.number = 0
        self.gap = False

    def paragraph(
        self,
        runs: Sequence[tuple[str, bool]],
        *,
        cell: tuple[int, int, int] | None = None,
        heading: int | None = None,
        landscape: bool | None = None,
    ) -> Iterator[Line]:
        self.number += 1
        text, bold = clean_runs(runs)
        if not text:
            self.gap = True
            return
        yield Line(
            text=text,
            unit=self.number,
            bold=bold,
            heading=heading,
            cell=cell,
            gap=self.gap,
            landscape=landscape,
        )
        self.gap = False

    def appendices(self, plan: Plan) -> Iterator[Line]:
        """Each appendix: label, title, reference line, rule, and its task table."""
        count = len(plan.appendices)
        for index, appendix in enumerate(plan.appendices, start=1):
            side = appendix.landscape
            title = upper(appendix.title)
            for text, bold in (
                (appendix_label(index, count), True),
                (title, True),
                (reference_line(plan), False),
                (rule_under([title], 14, bold=True), False),
            ):
                yield from self.paragraph([(text, bold)], landscape=side)
            table = index + 1
            for column, (name, _) in enumerate(COLUMNS):
                yield from self.paragraph([(name, True)], cell=(table, 0, column), landscape=side)
            for number, row in enumerate(rows_of(appendix, plan), start=1):
                values = (str(number), row.task, row.lead, row.coordinate, row.time, row.output)
                for column, value in enumerate(values):
                    cell = (table, number, column)
                    yield from self.paragraph([(value, False)], cell=cell, landscape=side)

    def lines(self, context: dict[str, Any]) -> Iterator[Line]:
        header, title = context["header"], context["title"]
        for mark in header["marks"]:
            yield from self.paragraph([(mark, True)])
        for line in header["parent_lines"]:
            yield from self.paragraph([(line, False)], cell=(0, 0, 0))
        for line in header["agency_lines"]:
            yield from self.paragraph([(line, True)], cell=(0, 0, 0))
        yield from self.paragraph([(header["agency_rule"], False)], cell=(0, 0, 0))
        self.gap = False
        yield from self.paragraph([(header["national_title"], True)], cell=(0, 0, 1))
        yield from self.paragraph([(header["motto"], True)], cell=(0, 0, 1))
        yield from self.paragraph([(header["motto_rule"], False)], cell=(0, 0, 1))
        self.gap = False
        yield from self.paragraph([(header["number_line"], False)], cell=(0, 1, 0))
        self.gap = False
        yield from self.paragraph([(header["date_line"], False)], cell=(0, 1, 1))
        yield from self.paragraph([(title["type_name"], True)])
        yield from self.paragraph([(title["subject"], True)])
        yield from self.paragraph([(title["rule"], False)])
        for body in context["body"]:
            yield from self.body(body)
        last = context["last"]
        runs = [(last["lead"], True), (" ", False)] if last["lead"] else []
        yield from self.paragraph([*runs, (last["text"], False)])
        yield from self.foot(context)

    def body(self, paragraph: dict[str, str]) -> Iterator[Line]:
        kind = paragraph["kind"]
        if kind.startswith("heading"):
            level = int(kind[-1])
            yield from self.paragraph([(paragraph["text"], _HEADING_BOLD[level])], heading=level)
        elif kind == "runin":
            yield from self.paragraph([(paragraph["lead"], True), (" " + paragraph["text"], False)])
        elif kind == "centred":
            yield from self.paragraph([(paragraph["text"], True)])
        else:
            yield from self.paragraph([(paragraph["text"], False)])

    def foot(self, context: dict[str, Any]) -> Iterator[Line]:
        recipients, signature = context["recipients"], context["signature"]
        self.gap = False
        yield from self.paragraph([(recipients["label"], True)], cell=(1, 0, 0))
        for line in recipients["lines"]:
            yield from self.paragraph([(line, False)], cell=(1, 0, 0))
        self.gap = False
        for line in signature["authority_lines"]:
            yield from self.paragraph([(line, True)], cell=(1, 0, 1))
        yield from self.paragraph([(signature["title"], True)], cell=(1, 0, 1))
        yield from self.paragraph([("", False)], cell=(1, 0, 1))
        yield from self.paragraph([(signature["name"], True)], cell=(1, 0, 1))
