"""The numbers and the period of a results file, checked where the file writes them."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

from planforge.errors import PlanFileError
from planforge.i18n import _
from planforge.loading.located import Located
from planforge.model.report import ReportPeriod, Results

_DECIMAL = re.compile(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?")
"""A number as a clerk writes it; YAML 1.1 reads ``1e308`` (no dot) as text."""


def finite_number(value: Any, fail: Callable[[str], PlanFileError]) -> Any:
    """``value`` as a finite number, or the error ``fail`` builds; other values pass unchanged.

    NaN and the infinities (``.nan``, ``.inf``) are not results; a figure written
    in exponent form without a dot is read as the number it is.

    >>> finite_number("1e308", None), finite_number(72, None), finite_number("x", None)
    (1e+308, 72, 'x')
    """
    if isinstance(value, str) and _DECIMAL.fullmatch(value.strip()):
        value = float(value)
    if isinstance(value, float) and not math.isfinite(value):
        if math.isnan(value):
            raise fail(_("the value is not a number (NaN); write the figure, or null if unknown"))
        raise fail(
            _("the value {value} is infinite or too large; write the figure").format(value=value)
        )
    return value


def refuse_disagreement(
    located: Located, results: Results, period: ReportPeriod | None, year: int | None
) -> None:
    """The period and year asked for must be those the results file writes."""
    if period is not None and results.period is not None and period is not results.period:
        raise located.error(
            ("period",),
            _("the results file is for period {written}, not {given} (--period)").format(
                written=results.period.value, given=period.value
            ),
        )
    if year is not None and results.year is not None and year != results.year:
        raise located.error(
            ("year",),
            _("the results file is for year {written}, not {given} (--year)").format(
                written=results.year, given=year
            ),
        )
