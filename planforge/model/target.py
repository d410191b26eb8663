"""Targets (chỉ tiêu) and their measurable parts."""

from __future__ import annotations

import enum
import re

import attrs

from planforge.errors import ModelError
from planforge.i18n import _
from planforge.model._checks import optional_text
from planforge.model._types import typed


class Comparison(enum.Enum):
    """How a target's value binds: "ít nhất 70%", "100%", "từ 3% đến 5%", "không quá"."""

    AT_LEAST = "at-least"
    EXACTLY = "exactly"
    RANGE = "range"
    AT_MOST = "at-most"


class Direction(enum.Enum):
    """Whether the value is a level or a change ("tăng", "giảm")."""

    LEVEL = "level"
    INCREASE = "increase"
    DECREASE = "decrease"


@attrs.frozen(field_transformer=typed)
class Measure:
    """The measurable part of a target (phần định lượng của chỉ tiêu).

    "Ít nhất 70% số xã, phường, thị trấn …" is ``Measure(AT_LEAST, 70,
    population="số xã, phường, thị trấn")``; "Hàng năm, tăng từ 3% đến 5% …"
    is a RANGE 3–5 with ``direction=INCREASE`` and ``frequency="hằng năm"``.
    """

    comparison: Comparison
    value: float
    upper: float | None = None
    unit: str = "%"
    population: str | None = attrs.field(default=None, converter=optional_text)
    direction: Direction = Direction.LEVEL
    year: int | None = None
    frequency: str | None = attrs.field(default=None, converter=optional_text)

    def __attrs_post_init__(self) -> None:
        if self.value < 0:
            raise ModelError(
                _("a target value cannot be negative ({value})").format(value=self.value), "value"
            )
        if self.unit == "%" and self.value > 100 and self.direction is Direction.LEVEL:
            raise ModelError(
                _("a share cannot exceed 100% ({value}%)").format(value=self.value), "value"
            )
        if self.comparison is Comparison.RANGE:
            if self.upper is None or self.upper < self.value:
                raise ModelError(_("a range needs an upper value not below the lower one"), "upper")
        elif self.upper is not None:
            raise ModelError(_("only a range has an upper value"), "upper")


_NUM = r"\d+(?:[.,]\d+)?"
_QUALIFIER = r"ít nhất|tối thiểu|trên|không quá|tối đa|dưới|đạt"
_PERCENT = re.compile(
    rf"(?P<q>{_QUALIFIER})?\s*(?:(?P<dir>tăng|giảm)\s+)?(?:từ\s+)?(?P<v>{_NUM})\s*(?P<pct>%)?"
    rf"(?:\s*(?:đến|-|–)\s*(?P<u>{_NUM}))?\s*%",
    re.IGNORECASE,
)
_COUNT = re.compile(
    r"(?P<q>ít nhất|tối thiểu)\s+(?P<v>\d+)\s+(?P<unit>[^\s,;.]+(?:\s+[^\s,;.]+)?)",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?:đến|trong|vào|năm)\s+(?:năm\s+)?(?P<y>(?:19|20)\d\d)", re.IGNORECASE)
_FREQUENCY = re.compile(
    r"h[àằ]ng năm|định kỳ \d+ tháng|mỗi năm|hằng quý|mỗi quý|một quý một lần",
    re.IGNORECASE,
)
_STOP = re.compile(
    r"\s(?:được|tổ chức|xây dựng|có|lồng ghép|thực hiện|tham gia|trên địa bàn)\b|[;:(]|\.(?!\d)",
)


def _number(text: str) -> float:
    value = float(text.replace(",", "."))
    return int(value) if value.is_integer() else value


def _population(rest: str) -> str | None:
    stop = _STOP.search(rest)
    words = (rest[: stop.start()] if stop else rest).split()
    return " ".join(words[:12]) or None


def _comparison(qualifier: str | None, upper: str | None) -> Comparison:
    if upper:
        return Comparison.RANGE
    if not qualifier or qualifier.lower() == "đạt":
        return Comparison.EXACTLY
    if qualifier.lower() in ("không quá", "tối đa", "dưới"):
        return Comparison.AT_MOST
    return Comparison.AT_LEAST


def _clause_measures(clause: str) -> list[Measure]:
    year_match = _YEAR.search(clause)
    year = int(year_match["y"]) if year_match else None
    freq_match = _FREQUENCY.search(clause)
    frequency = freq_match.group(0).lower().replace("hàng", "hằng") if freq_match else None
    found: list[Measure] = []
    for match in _PERCENT.finditer(clause):
        direction = Direction.LEVEL
        if match["dir"]:
            direction = Direction.INCREASE if match["dir"].lower() == "tăng" else Direction.DECREASE
        inherited = found[-1].comparison if found and not match["q"] else None
        comparison = _comparison(match["q"], match["u"])
        if inherited is Comparison.AT_LEAST and comparison is Comparison.EXACTLY:
            comparison = inherited
        found.append(
            Measure(
                comparison,
                _number(match["v"]),
                upper=_number(match["u"]) if match["u"] else None,
                population=_population(clause[match.end() :]),
                direction=direction,
                year=year,
                frequency=frequency,
            )
        )
    if not found:
        for match in _COUNT.finditer(clause):
            found.append(
                Measure(
                    _comparison(match["q"], None),
                    _number(match["v"]),
                    unit=match["unit"],
                    population=None,
                    year=year,
                    frequency=frequency,
                )
            )
    return found


def extract_measures(sentence: str) -> tuple[Measure, ...]:
    """Find the measurable parts of a target sentence.

    >>> [(m.comparison.value, m.value, m.population) for m in extract_measures(
    ...     "Ít nhất 70% số xã, phường, thị trấn tổ chức được ít nhất một hình thức")]
    [('at-least', 70, 'số xã, phường, thị trấn')]
    >>> m = extract_measures("Hàng năm, tăng từ 3% đến 5% số tội phạm liên quan")[0]
    >>> m.comparison.value, m.value, m.upper, m.direction.value, m.frequency
    ('range', 3, 5, 'increase', 'hằng năm')
    >>> m = extract_measures("đến năm 2025, 100% các cơ sở được kiểm tra ít nhất một lần")[0]
    >>> m.comparison.value, m.value, m.year
    ('exactly', 100, 2025)
    """
    measures: list[Measure] = []
    for clause in re.split(r";", sentence):
        measures.extend(_clause_measures(clause))
    return tuple(measures)
