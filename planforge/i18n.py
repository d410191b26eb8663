"""User-facing messages (thông báo) in the user's language: Vietnamese unless English is asked.

Messages are written in English in the code, wrapped in :func:`_`, and translated
through the gettext catalogue ``planforge/locale/vi/LC_MESSAGES/planforge.mo``
(extracted and compiled with Babel, see ``scripts/messages.sh``).  The language is
chosen by :func:`set_language` (the CLI's ``--lang``), else ``PLANFORGE_LANG``,
else the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``): English for an ``en`` locale,
Vietnamese otherwise.
"""

from __future__ import annotations

import contextlib
import gettext
import os
import re
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path

DOMAIN = "planforge"
LANGUAGES = ("vi", "en")
"""The languages planforge speaks; Vietnamese first, the default."""

_LOCALE_DIR = Path(__file__).resolve().parent / "locale"
_chosen: str | None = None


def language_from_environment(environ: Mapping[str, str] = os.environ) -> str:
    """The language the environment asks for: ``PLANFORGE_LANG``, else the locale, else "vi".

    >>> language_from_environment({"LANG": "en_US.UTF-8"})
    'en'
    >>> language_from_environment({"LANG": "C.UTF-8"})
    'vi'
    >>> language_from_environment({"PLANFORGE_LANG": "vi", "LANG": "en_GB.UTF-8"})
    'vi'
    """
    explicit = environ.get("PLANFORGE_LANG", "").strip().lower()
    if explicit in LANGUAGES:
        return explicit
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            code = value.split(".")[0].split("_")[0].lower()
            return code if code in LANGUAGES else "vi"
    return "vi"


def set_language(code: str | None) -> None:
    """Speak ``code`` ("vi" or "en") from now on; None returns to the environment's choice."""
    global _chosen
    if code is not None and code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}; planforge speaks {', '.join(LANGUAGES)}")
    _chosen = code


@contextlib.contextmanager
def speaking(code: str | None) -> Iterator[None]:
    """Speak ``code`` inside the block (None: keep the current choice), then the earlier choice.

    The command line uses it so that ``main(["--lang", "en", …])`` called from a program
    leaves that program's own choice as it was, and follows it when ``--lang`` is absent.
    """
    global _chosen
    before = _chosen
    set_language(code or before)
    try:
        yield
    finally:
        _chosen = before


def get_language() -> str:
    """The language messages are given in now."""
    return _chosen or language_from_environment()


@cache
def _catalogue(code: str) -> gettext.NullTranslations:
    if code == "en":
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, _LOCALE_DIR, languages=[code], fallback=True)


def _(message: str) -> str:
    """``message`` (English, the catalogue's key) in the current language."""
    return _catalogue(get_language()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form of a message for ``count``, in the current language."""
    return _catalogue(get_language()).ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark ``message`` for the catalogue without translating it yet (module constants)."""
    return message


def percent_placeholders(message: str) -> list[str]:
    """The ``%``-style placeholders of ``message`` (argparse's), sorted, ``%%`` left out.

    >>> percent_placeholders("invalid choice: %(value)r (choose from %(choices)s) 100%%")
    ['%(choices)s', '%(value)r']
    """
    return sorted(m.group(0) for m in _PERCENT.finditer(message) if m.group(0) != "%%")


def brace_placeholders(message: str) -> list[str]:
    """The ``{name}`` placeholders of ``message`` (``str.format``), sorted, ``{{`` left out.

    >>> brace_placeholders("the file {name} has {count:d} lines {{not this}}")
    ['{count:d}', '{name}']
    """
    return sorted(m.group(0) for m in _BRACE.finditer(message.replace("{{", "").replace("}}", "")))


_PERCENT = re.compile(r"%%|%(?:\([a-z_]+\))?[sdrf]")
_BRACE = re.compile(r"\{[a-z_]*(?:![rs])?(?::[^{}]*)?\}")
