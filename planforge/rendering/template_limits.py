"""Bounds on what a Word template may cost: time, loop steps, string sizes and output.

Jinja2's sandbox stops a template from reaching Python's internals, but not from
asking for ``'x' * 10**9`` or two nested loops of 99 999 steps.  The environment
here caps every product, sum and concatenation of strings or lists, counts every
loop step, measures the output as it is produced, and stops at a wall-clock
deadline, so that a hostile or mistaken template ends with a clear ``TemplateLimit``
within seconds and with memory bounded.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.sandbox import SandboxedEnvironment
from jinja2.visitor import NodeTransformer

from planforge.i18n import _

MAX_SIZE = 1_000_000
"""The longest string or list one expression may build (a whole plan is ~100 000 letters)."""
MAX_OUTPUT_CHARS = 64 * 2**20
"""The most XML one rendering may produce (a long plan produces about 2 MB)."""
MAX_LOOP_STEPS = 1_000_000
"""The most loop steps of one rendering, all loops together (a long plan takes ~10 000)."""
MAX_SECONDS = 60.0
"""The longest one rendering may take (a long plan takes about a second)."""
MAX_POWER_BITS = 100_000
"""The largest result of ``**``, in bits (30 000 digits): larger ones take minutes."""
STEPS = "planforge_loop_step"
SIZED = "planforge_sized"
PADDING_METHODS = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs"})
PADDING_FILTERS = ("center", "indent")
MAX_WIDTH = 1000
"""The widest padding of the ``center`` and ``indent`` filters (a line holds ~90 letters)."""


class TemplateLimit(jinja2.TemplateRuntimeError):
    """A template went past one of the limits above."""


class Budget:
    """What one rendering has spent: loop steps and output, against a deadline."""

    def __init__(self) -> None:
        self.steps = 0
        self.output = 0
        self.deadline = time.monotonic() + MAX_SECONDS

    def step(self) -> None:
        self.steps += 1
        if self.steps > MAX_LOOP_STEPS:
            raise TemplateLimit(
                _("the loops take more than {limit} steps in all").format(limit=MAX_LOOP_STEPS)
            )
        if self.steps % 1000 == 0:
            self.in_time()

    def wrote(self, chars: int) -> None:
        self.output += chars
        if self.output > MAX_OUTPUT_CHARS:
            raise TemplateLimit(
                _("the document would be larger than {size} MB of XML").format(
                    size=MAX_OUTPUT_CHARS // 2**20
                )
            )
        self.in_time()

    def in_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise TemplateLimit(
                _("the rendering takes longer than {seconds:g} s").format(seconds=MAX_SECONDS)
            )


def sized(value: Any) -> Any:
    """``value`` unchanged, unless it is a string or list longer than ``MAX_SIZE``."""
    if isinstance(value, str | list | tuple) and len(value) > MAX_SIZE:
        raise TemplateLimit(_too_long())
    return value


def _too_long() -> str:
    return _("an expression builds a text or list longer than {limit} items").format(limit=MAX_SIZE)


def _narrow(padding: Callable[..., Any]) -> Callable[..., Any]:
    """A padding filter that refuses a width above ``MAX_WIDTH`` before allocating it."""

    @functools.wraps(padding)
    def narrow(*args: Any, **kwargs: Any) -> Any:
        widths = [a for a in (*args[1:], *kwargs.values()) if isinstance(a, int)]
        if any(abs(width) > MAX_WIDTH for width in widths):
            raise TemplateLimit(_("a padding wider than {limit}").format(limit=MAX_WIDTH))
        return padding(*args, **kwargs)

    return narrow


class _Bounded(NodeTransformer):
    """Wrap every loop's iterable in the step counter and every ``~`` in the size check."""

    def visit_For(self, node: nodes.For) -> nodes.Node:
        self.generic_visit(node)
        node.iter = nodes.Filter(node.iter, STEPS, [], [], None, None, lineno=node.lineno)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        self.generic_visit(node)
        return nodes.Filter(node, SIZED, [], [], None, None, lineno=node.lineno)


class LimitedTemplate(jinja2.Template):
    """A template whose output is measured while it is produced."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        budget: Budget = self.environment.budget  # type: ignore[attr-defined]
        context = self.new_context(dict(*args, **kwargs))
        pieces = []
        try:
            for piece in self.root_render_func(context):
                budget.wrote(len(piece))
                pieces.append(piece)
        except Exception:
            self.environment.handle_exception()
        return "".join(pieces)


class LimitedEnvironment(SandboxedEnvironment):
    """The sandbox with the limits above; one environment per rendering (one budget)."""

    intercepted_binops = frozenset({"*", "**", "+"})
    template_class = LimitedTemplate

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.budget = Budget()
        self.filters[STEPS] = self._steps
        self.filters[SIZED] = sized
        for name in PADDING_FILTERS:
            self.filters[name] = _narrow(self.filters[name])

    def _steps(self, iterable: Iterable[Any]) -> Iterator[Any]:
        for item in iterable:
            self.budget.step()
            yield item

    def _generate(self, source: nodes.Template, *args: Any, **kwargs: Any) -> str:
        bounded = _Bounded().visit(source)
        result: str = super()._generate(bounded, *args, **kwargs)
        return result

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(left, int) and isinstance(right, int):
            if max(abs(left).bit_length(), 1) * abs(right) > MAX_POWER_BITS:
                raise TemplateLimit(
                    _("a power with more than {limit} bits").format(limit=MAX_POWER_BITS)
                )
        if operator == "*":
            for sequence, count in ((left, right), (right, left)):
                if isinstance(sequence, str | list | tuple) and isinstance(count, int):
                    if len(sequence) * count > MAX_SIZE:
                        raise TemplateLimit(_too_long())
        if operator == "+" and isinstance(left, str | list | tuple):
            if isinstance(right, str | list | tuple) and len(left) + len(right) > MAX_SIZE:
                raise TemplateLimit(_too_long())
        return super().call_binop(context, operator, left, right)

    def call(
        __self,  # Jinja's own signature: "self" may be a keyword argument
        __context: Any,
        __obj: Any,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        # str.center(10**9) and friends allocate their result at once: check the width.
        if getattr(__obj, "__name__", "") in PADDING_METHODS and isinstance(
            getattr(__obj, "__self__", None), str
        ):
            widths = [a for a in (*args, *kwargs.values()) if isinstance(a, int)]
            if any(width > MAX_SIZE for width in widths):
                raise TemplateLimit(_too_long())
        return sized(super().call(__context, __obj, *args, **kwargs))
