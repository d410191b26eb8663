"""Nơi nhận of a derived draft: the profile's lines, the bodies given duties, the unit's own."""

from __future__ import annotations

import re

from planforge.derivation.context import Context
from planforge.derivation.level_below import recipient_values
from planforge.derivation.rewrite import fill
from planforge.model import Recipient, Recipients


def recipients(context: Context) -> Recipients:
    """Nơi nhận: the profile's lines (the Party committee and the level below from the
    catalogue), the bodies given duties, the unit's own."""
    values = {**context.values, **recipient_values(context)}
    entries = [
        Recipient.parse(fill(r.line, values, "recipients"))
        for r in context.profile.recipients
        if not _blank_line(r.line, values)
    ]
    bodies = [
        context.rewrite(m.target) for m in context.mapped.values() if m.target and not m.is_self
    ]
    entries += [Recipient(name[:1].upper() + name[1:]) for name in dict.fromkeys(bodies)]
    entries += list(context.unit.recipients)
    return Recipients(tuple(dict.fromkeys(entries)), context.unit.archive)


def _blank_line(line: str, values: dict[str, str]) -> bool:
    """A line made only of catalogue values the unit lacks (no level below: a department)."""
    names = re.findall(r"\{(\w+)\}", line)
    return bool(names) and all(n in values and not values[n] for n in names)
