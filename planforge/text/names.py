"""Finding a name a user typed among known names: without diacritics, case or spacing."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from planforge.text.slug import slugify


def closest_names(typed: str, names: Iterable[str], count: int = 1) -> list[str]:
    """The known ``names`` nearest to ``typed`` (compared as slugs), best first.

    >>> closest_names("lam dongg", ["Lâm Đồng", "Lạng Sơn", "Đồng Nai"])
    ['Lâm Đồng']
    """
    by_slug: dict[str, str] = {}
    for name in names:
        by_slug.setdefault(slugify(name), name)
    close = difflib.get_close_matches(slugify(typed), list(by_slug), n=count, cutoff=0.5)
    return [by_slug[slug] for slug in close]
