"""Default recipients of a report (nơi nhận): whom the plan's reporting schedule names."""

from __future__ import annotations

from planforge.model import Agency, Plan, Recipient, Recipients, Reporting
from planforge.model.report import ReportPeriod
from planforge.text.slug import slugify

FOR_REPORT = "b/c"
"""The purpose mark of a body that receives the report "to be informed" (để báo cáo)."""

_ABBREVIATIONS = {"UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân"}


def _expanded(name: str) -> str:
    words = [_ABBREVIATIONS.get(word, word) for word in name.split()]
    return slugify(" ".join(words))


def names_issuer(name: str, issuer: Agency) -> bool:
    """Whether a recipient's name is the issuer itself ("UBND tỉnh" for the province's UBND).

    >>> lam_dong = Agency("Ủy ban nhân dân tỉnh Lâm Đồng", "UBND")
    >>> names_issuer("UBND tỉnh", lam_dong), names_issuer("Bộ Lao động - TBXH", lam_dong)
    (True, False)
    """
    own = slugify(issuer.name)
    said = _expanded(name)
    return bool(said) and (own == said or own.startswith(said + "-"))


def scheduled(plan: Plan, period: ReportPeriod) -> list[str]:
    """The bodies the plan's reporting schedule names for the period, other than its issuer."""
    names: list[str] = []
    nodes = [entry.node for entry in plan.entries()] + list(plan.closing)
    for node in nodes:
        if not isinstance(node, Reporting):
            continue
        for deadline in node.deadlines:
            name = deadline.recipient
            if deadline.period is period.schedule_period and name and name not in names:
                names.append(name)
    return [n for n in names if not names_issuer(n, plan.header.issuing_agency)]


def default_recipients(plan: Plan, period: ReportPeriod) -> Recipients:
    """The bodies of the reporting schedule "(b/c)", then "Lưu: VT, …" as the plan files.

    Without such a body, the plan's own recipients marked "(b/c)" are used, or
    else its first recipient (the higher body a plan lists first).
    """
    names = scheduled(plan, period)
    entries = [Recipient(name, FOR_REPORT) for name in names]
    if not entries:
        marked = [r for r in plan.recipients.entries if r.purpose == FOR_REPORT]
        first = [Recipient(r.name, FOR_REPORT) for r in plan.recipients.entries[:1]]
        entries = marked or first
    return Recipients(tuple(entries), plan.recipients.archive)
