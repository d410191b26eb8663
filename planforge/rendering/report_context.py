"""The template context of ``templates/bao-cao.docx``: every printed string of a report."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from planforge.model import Measure
from planforge.model.report import DutyRow, Report, TargetRow
from planforge.rendering.context import (
    TEXT_WIDTH_MM,
    TITLE_PT,
    end_marked,
    header_context,
    title_context,
)
from planforge.reporting.assessment import share_achieved
from planforge.reporting.values import measure_text, percent_text, quantity_text
from planforge.text.case import upper
from planforge.text.labels import roman
from planforge.text.metrics import rule_under, text_width_mm, wrap_lines

SECTIONS = (
    ("targets", "Kết quả thực hiện các chỉ tiêu"),
    ("duties", "Kết quả thực hiện nhiệm vụ được phân công"),
    ("difficulties", "Khó khăn, vướng mắc"),
    ("proposals", "Đề xuất, kiến nghị"),
)
"""The report's sections (mục) in order, each printed "I. TITLE"."""

FILL_WIDTH_MM = 150.0
"""Width of a dotted line to write on by hand: the text width less the first-line indent."""
BODY_PT = 14


def fill_line() -> str:
    """A line of "…" as wide as a body line, where a clerk writes by hand."""
    dots = int(FILL_WIDTH_MM // text_width_mm("…", BODY_PT))
    return "…" * dots


def section_titles() -> dict[str, str]:
    """{"targets": "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", …}."""
    return {key: f"{roman(n)}. {upper(title)}" for n, (key, title) in enumerate(SECTIONS, 1)}


def report_title(report: Report) -> dict[str, str]:
    """Ô 5a: "BÁO CÁO", the subject with its period kept on one line, the rule under it."""
    title = title_context(report.header)
    phrase = report.period.phrase(report.year)
    subject = title["subject"].replace(phrase, phrase.replace(" ", "\u00a0"))
    lines = wrap_lines(subject, TEXT_WIDTH_MM, TITLE_PT, bold=True)
    return {**title, "subject": subject, "rule": rule_under(lines, TITLE_PT, bold=True)}


def _or_blank(items: list[str]) -> list[str]:
    """A cell needs a paragraph: an empty list prints one empty line."""
    return items or [""]


def printed_share(measure: Measure, result: float) -> Decimal | None:
    """The share achieved as printed, in decimal: 100 × 1e308 overflows a float to infinity.

    >>> from planforge.model import Comparison
    >>> printed_share(Measure(Comparison.AT_LEAST, 70), 1e308) > 10**308
    True
    """
    if share_achieved(measure, result) is None:
        return None
    return Decimal(100) * Decimal(result) / Decimal(measure.value)


def target_row(number: int, row: TargetRow) -> dict[str, Any]:
    """One row of the targets table: value set, results and shares one line per measure."""
    measures = row.target.measures
    results, achieved = [], []
    for measure, value in zip(measures, row.result, strict=False):
        share = printed_share(measure, value) if value is not None else None
        results.append("" if value is None else quantity_text(value, measure.unit))
        achieved.append("" if share is None else percent_text(share))
    return {
        "number": str(number),
        "text": row.target.text,
        "planned": _or_blank([measure_text(m) for m in measures]),
        "results": results if any(results) else ([] if row.note else [""]),
        "note": row.note or "",
        "achieved": _or_blank(achieved if any(achieved) else []),
        "assessment": row.assessment.label if row.assessment else "",
    }


def duty_row(number: int, row: DutyRow) -> dict[str, str]:
    """One row of the duties table: the bodies, their status, the notes."""
    return {
        "number": str(number),
        "body": row.body,
        "status": row.status.label if row.status else "",
        "notes": row.notes or "",
    }


def build_report_context(report: Report, image: Any = None) -> dict[str, Any]:
    """The whole context of the report template (see ``docs/report.md``).

    ``image`` turns the signature image's path into what the template engine
    inserts; without it the image is left out.
    """
    signature = report.signature
    picture = image(signature.signature_image) if image and signature.signature_image else ""
    return {
        "header": header_context(report.header),
        "title": report_title(report),
        "opening": list(report.opening),
        "sections": section_titles(),
        "targets": [target_row(n, row) for n, row in enumerate(report.targets, 1)],
        "duties": [duty_row(n, row) for n, row in enumerate(report.duties, 1)],
        "difficulties": list(report.difficulties) or [fill_line()],
        "proposals": list(report.proposals) or [fill_line()],
        "last": end_marked(report.closing),
        "recipients": {"label": report.recipients.label, "lines": report.recipients.lines},
        "signature": {
            "authority_lines": signature.authority_lines,
            "title": upper(signature.title),
            "image": picture,
            "name": signature.name,
        },
    }
