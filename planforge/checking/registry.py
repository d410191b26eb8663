"""The rule registry: each rule is a small function registered with its code and source."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from planforge.checking.document import Document
from planforge.checking.findings import Finding, Severity
from planforge.i18n import _

__all__ = ["RULES", "Hit", "Rule", "error", "not_evaluated", "rule", "warning"]


class Hit(NamedTuple):
    """What a rule function yields: the registry adds the rule's code and source."""

    severity: Severity
    location: str
    message: str


def error(location: str, message: str) -> Hit:
    return Hit(Severity.ERROR, location, message)


def warning(location: str, message: str) -> Hit:
    return Hit(Severity.WARNING, location, message)


def not_evaluated(location: str, message: str) -> Hit:
    return Hit(Severity.NOT_EVALUATED, location, message)


Check = Callable[[Document], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    """A rule of the catalogue: ``code`` (P1…M2, L1…), what it checks, where the decree says so.

    ``title`` is the English catalogue key (marked with ``N_`` where the rule is
    registered, at import time); :attr:`label` is that title in the current language.
    Calling it on a document gives its findings; it never raises: an unexpected
    exception becomes a not-evaluated finding naming the rule.
    """

    code: str
    title: str
    source: str
    severity: Severity
    check: Check
    layout: bool = False

    @property
    def label(self) -> str:
        """The title in the current language (Vietnamese: the decree's words)."""
        return _(self.title)

    def __call__(self, document: Document) -> list[Finding]:
        try:
            hits = list(self.check(document))
        except Exception as exc:  # a rule must never stop the checker
            hits = [
                not_evaluated(
                    "document",
                    _(
                        "Rule {code} could not be applied to this document "
                        "(internal error: {kind}: {exc})"
                    ).format(code=self.code, kind=type(exc).__name__, exc=exc),
                )
            ]
        return [Finding(self.code, h.severity, h.location, h.message, self.source) for h in hits]


RULES: dict[str, Rule] = {}
"""Every registered rule by code, in registration order."""


def rule(
    code: str, title: str, source: str, severity: Severity = Severity.ERROR, *, layout: bool = False
) -> Callable[[Check], Rule]:
    """Register a rule function under ``code``; ``severity`` is its usual (highest) level."""

    def register(check: Check) -> Rule:
        if code in RULES:
            raise ValueError(f"rule {code} is registered twice")
        found = Rule(code, title, source, severity, check, layout)
        RULES[code] = found
        return found

    return register
