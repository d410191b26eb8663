"""Numbers of a report as printed: a target's value set ("≥ 70%", "3–5%"), results, shares."""

from __future__ import annotations

from decimal import Decimal, localcontext

from babel.numbers import format_decimal

from planforge.model import Comparison, Measure

_SIGNS = {Comparison.AT_LEAST: "≥ ", Comparison.AT_MOST: "≤ ", Comparison.EXACTLY: ""}


def number_text(value: float | Decimal) -> str:
    """A number the Vietnamese way: decimal comma, dot between thousands, one decimal at most.

    >>> number_text(70), number_text(72.5), number_text(102.857), number_text(1500)
    ('70', '72,5', '102,9', '1.500')
    """
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    with localcontext() as context:
        # Babel rounds in the current context; 28 digits would fail on a figure of 1e308.
        context.prec = max(28, number.adjusted() + 10)
        return str(format_decimal(number, format="#,##0.#", locale="vi_VN"))


def quantity_text(value: float, unit: str) -> str:
    """A number with its unit: "72%", "3 mô hình".

    >>> quantity_text(72, "%"), quantity_text(3, "mô hình")
    ('72%', '3 mô hình')
    """
    number = number_text(value)
    return f"{number}%" if unit == "%" else f"{number} {unit}"


def measure_text(measure: Measure) -> str:
    """The value a target sets (chỉ tiêu đề ra), short: "≥ 70%", "3–5%", "100% (2025)".

    >>> from planforge.model import Comparison as C, Measure
    >>> measure_text(Measure(C.AT_LEAST, 70)), measure_text(Measure(C.RANGE, 3, upper=5))
    ('≥ 70%', '3–5%')
    >>> measure_text(Measure(C.EXACTLY, 100, year=2025))
    '100% (2025)'
    >>> measure_text(Measure(C.AT_LEAST, 2, unit="mô hình"))
    '≥ 2 mô hình'
    """
    if measure.comparison is Comparison.RANGE:
        assert measure.upper is not None
        low, high = number_text(measure.value), quantity_text(measure.upper, measure.unit)
        shown = f"{low}–{high}"
    else:
        shown = _SIGNS[measure.comparison] + quantity_text(measure.value, measure.unit)
    return f"{shown} ({measure.year})" if measure.year is not None else shown


def percent_text(share: float | Decimal) -> str:
    """A share achieved (tỷ lệ đạt): "102,9%".

    >>> percent_text(102.857), percent_text(100.0)
    ('102,9%', '100%')
    """
    return f"{number_text(share)}%"
