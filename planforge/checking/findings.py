"""What the checker reports: a finding (phát hiện) with its rule code, severity and place."""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass
from typing import Any

from planforge.i18n import N_, _

__all__ = ["Finding", "Severity"]


class Severity(enum.Enum):
    """How serious a finding is (mức độ).

    ``ERROR`` breaks a rule of Nghị định 30; ``WARNING`` departs from the decree's
    forms or from common practice; ``NOT_EVALUATED`` says a rule could not be
    applied (the part it checks was not found), so its silence is no pass;
    ``INFO`` records something worth knowing that is no fault (a target the plan
    marks not applicable, when checked against its higher plan).
    """

    ERROR = "error"
    WARNING = "warning"
    NOT_EVALUATED = "not-evaluated"
    INFO = "info"

    @property
    def label(self) -> str:
        """The heading of its group in reports, in the current language."""
        return _(_LABELS[self.value])


_LABELS = {
    "error": N_("Errors"),
    "warning": N_("Warnings"),
    "not-evaluated": N_("Not evaluated"),
    "info": N_("Notes"),
}


@dataclass(frozen=True)
class Finding:
    """One departure from the format rules, where it is and which rule says so.

    ``location`` is a paragraph ("paragraph 12 "I. QUAN ĐIỂM…"") or a part of the
    document ("page setup", "page header"); ``message`` is for a clerk, in the language
    chosen when the check ran (Vietnamese unless English was asked for);
    ``source`` names the article or appendix of the decree ("NĐ 30, Phụ lục I, mục I.1").
    """

    code: str
    severity: Severity
    location: str
    message: str
    source: str

    def to_json(self) -> dict[str, Any]:
        """A plain dict for ``--json``: the severity as its string value."""
        data = asdict(self)
        data["severity"] = self.severity.value
        return data

    def __str__(self) -> str:
        return f"{self.code} {self.location}: {self.message} ({self.source})"
