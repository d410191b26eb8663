"""What a Word template costs once per process, not once per document.

A batch renders the same template thousands of times.  Reading and checking its
zip package, docxtpl's clean-up of its XML (``patch_xml``) and compiling that XML
into Jinja code give the same result every time for the same bytes, so they are
kept here: the checked package by the hash of the template's bytes (an edited
template, whatever its mtime, is read anew), the patched XML and the compiled
templates by their source text.  Only the rendering itself is done per document.
The caches are bounded, so that a long-lived process rendering many templates
keeps only the latest ones.
"""

from __future__ import annotations

import functools
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, MutableMapping
from typing import Any, Generic, TypeVar

import jinja2
from docxtpl import DocxTemplate
from jinja2 import nodes

from planforge.packages import Package
from planforge.rendering.template_limits import Budget, LimitedEnvironment

MAX_TEMPLATES = 16
"""How many templates (packages, and the XML parts of each) a process keeps ready."""

Key = TypeVar("Key")
Value = TypeVar("Value")


class Bounded(Generic[Key, Value]):
    """A dictionary that forgets its least recently used entries beyond ``size``."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[Key, Value] = OrderedDict()

    def get(self, key: Key, make: Callable[[], Value]) -> Value:
        """The value for ``key``, made by ``make()`` (and kept) if it is not there."""
        if key in self._items:
            self._items.move_to_end(key)
            return self._items[key]
        value = make()
        self._items[key] = value
        while len(self._items) > self.size:
            self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        self._items.clear()


_packages: Bounded[bytes, Package] = Bounded(MAX_TEMPLATES)


def checked_package(data: bytes, check: Callable[[], Package]) -> Package:
    """The package of the template whose bytes are ``data``, checked by ``check()`` once."""
    return _packages.get(hashlib.sha256(data).digest(), check)


# docxtpl's patch_xml is a pure function of its text (it does not use the instance).
_patch = functools.lru_cache(maxsize=4 * MAX_TEMPLATES)(
    functools.partial(DocxTemplate.patch_xml, None)
)


class PreparedTemplate(DocxTemplate):  # type: ignore[misc]  # docxtpl is untyped
    """A docxtpl template whose XML clean-up is done once per distinct XML text."""

    def patch_xml(self, src_xml: str) -> str:
        patched: str = _patch(src_xml)
        return patched


class CompilingEnvironment(LimitedEnvironment):
    """The bounded sandbox, compiling each distinct template text once.

    It also remembers the last text asked for, to quote it in an error.  One
    environment serves every rendering of a thread (:func:`environment`); each
    rendering starts with a fresh :class:`Budget`.
    """

    source = ""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.compiled: Bounded[str, jinja2.Template] = Bounded(8 * MAX_TEMPLATES)

    def from_string(
        self,
        source: str | nodes.Template,
        globals: MutableMapping[str, Any] | None = None,
        template_class: type[jinja2.Template] | None = None,
    ) -> jinja2.Template:
        self.source = source if isinstance(source, str) else ""
        if not isinstance(source, str) or globals is not None or template_class is not None:
            return super().from_string(source, globals, template_class)
        compile_ = super().from_string
        return self.compiled.get(source, lambda: compile_(source))

    def start(self) -> CompilingEnvironment:
        """Ready for a new rendering: a full budget, no source quoted yet."""
        self.budget = Budget()
        self.source = ""
        return self


_local = threading.local()


def environment(make: Callable[[], CompilingEnvironment]) -> CompilingEnvironment:
    """This thread's environment (made by ``make()`` the first time), ready for a rendering."""
    found: CompilingEnvironment | None = getattr(_local, "environment", None)
    if found is None:
        found = _local.environment = make()
    return found.start()


def clear() -> None:
    """Forget every prepared template (tests measure a cold start with it)."""
    _packages.clear()
    _patch.cache_clear()
    found: CompilingEnvironment | None = getattr(_local, "environment", None)
    if found is not None:
        found.compiled.clear()
