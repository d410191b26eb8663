"""Assessing results against a target's values (đánh giá mức độ đạt chỉ tiêu)."""

from __future__ import annotations

from collections.abc import Sequence

from planforge.model import Comparison, Measure
from planforge.model.report import Assessment


def assess(measure: Measure, result: float) -> Assessment:
    """Đạt, Chưa đạt or Vượt for one measurable part.

    At least / exactly: below the value is not met, the value is met, above
    it exceeds. A range: below its lower end is not met, inside is met, above
    its upper end exceeds. At most: up to the value is met, above it is not.

    >>> from planforge.model import Comparison as C, Measure
    >>> [assess(Measure(C.AT_LEAST, 70), r).label for r in (65, 70, 72)]
    ['Chưa đạt', 'Đạt', 'Vượt']
    >>> [assess(Measure(C.RANGE, 3, upper=5), r).label for r in (2, 4, 6)]
    ['Chưa đạt', 'Đạt', 'Vượt']
    >>> [assess(Measure(C.AT_MOST, 5), r).label for r in (3, 5, 6)]
    ['Đạt', 'Đạt', 'Chưa đạt']
    """
    if measure.comparison is Comparison.AT_MOST:
        return Assessment.MET if result <= measure.value else Assessment.NOT_MET
    if result < measure.value:
        return Assessment.NOT_MET
    ceiling = measure.upper if measure.comparison is Comparison.RANGE else measure.value
    assert ceiling is not None
    return Assessment.EXCEEDED if result > ceiling else Assessment.MET


def overall(measures: Sequence[Measure], results: Sequence[float | None]) -> Assessment | None:
    """The assessment of a whole target: the worst of its parts.

    Not met as soon as one part is not met; otherwise None while a part has no
    result; exceeded when every part exceeds; met otherwise.

    >>> from planforge.model import Comparison as C, Measure
    >>> parts = [Measure(C.AT_LEAST, 70), Measure(C.AT_LEAST, 60)]
    >>> [overall(parts, r).label for r in ([72, 61], [72, 60], [50, None])]
    ['Vượt', 'Đạt', 'Chưa đạt']
    >>> overall(parts, [72, None]) is None, overall([], []) is None
    (True, True)
    """
    found = [assess(m, r) for m, r in zip(measures, results, strict=True) if r is not None]
    if Assessment.NOT_MET in found:
        return Assessment.NOT_MET
    if not found or len(found) < len(measures):
        return None
    return Assessment.EXCEEDED if set(found) == {Assessment.EXCEEDED} else Assessment.MET


def share_achieved(measure: Measure, result: float) -> float | None:
    """The result as a share of the value set (tỷ lệ đạt), in percent.

    A range is measured against its lower end; an at-most value and a value of
    zero have no share.

    >>> from planforge.model import Comparison as C, Measure
    >>> round(share_achieved(Measure(C.AT_LEAST, 70), 72), 1)
    102.9
    >>> share_achieved(Measure(C.AT_MOST, 5), 3) is None
    True
    """
    if measure.comparison is Comparison.AT_MOST or measure.value == 0:
        return None
    return 100 * result / measure.value
