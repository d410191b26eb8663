"""The public functions check their arguments against their annotations.

A wrong argument (``render_plan(None, …)``, ``derive_plan(profile, unit, plan)`` in
the wrong order) raises :class:`~planforge.errors.ArgumentError` naming the function
and the parameter, instead of an AttributeError or TypeError from deep inside.
``loads_*`` functions also take the bytes of a file: they are decoded as UTF-8, which
is what a caller reading a file in binary mode (or a web upload) expects.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any, TypeVar, cast

from planforge._hints import describe, given, hints_of, mismatch
from planforge.errors import ArgumentError, PlanFileError
from planforge.i18n import _

F = TypeVar("F", bound=Callable[..., Any])


def checked(function: F, *, text: str | None = None) -> F:
    """``function`` with its arguments checked first; ``text`` names a parameter given as text.

    Bytes given for ``text`` are decoded as UTF-8 (a byte order mark is dropped);
    bytes that are not UTF-8 raise PlanFileError with the line of the first bad byte.
    """
    signature = inspect.signature(function)
    name = function.__name__

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            bound = signature.bind(*args, **kwargs)
        except TypeError as exc:  # a missing or unknown argument: Python's own words
            raise ArgumentError(_("wrong arguments: {problem}").format(problem=exc), name) from None
        if text is not None and isinstance(bound.arguments.get(text), bytes | bytearray):
            file = bound.arguments.get("file", "<bytes>")
            bound.arguments[text] = decode(bytes(bound.arguments[text]), str(file))
        check_arguments(function, signature, bound.arguments)
        return function(*bound.args, **bound.kwargs)

    return cast(F, wrapper)


def check_arguments(
    function: Callable[..., Any], signature: inspect.Signature, arguments: dict[str, Any]
) -> None:
    """Raise ArgumentError for the first argument that does not fit its annotation."""
    hints = hints_of(function)
    for parameter, value in arguments.items():
        kind = signature.parameters[parameter].kind
        if parameter not in hints or kind is inspect.Parameter.VAR_KEYWORD:
            continue
        values = value if kind is inspect.Parameter.VAR_POSITIONAL else (value,)
        for item in values:
            found = mismatch(item, hints[parameter])
            if found is not None:
                where, wrong, wanted = found
                raise ArgumentError(
                    _("{parameter} must be {expected}, not {given}").format(
                        parameter=f"{parameter}{where}",
                        expected=describe(wanted),
                        given=given(wrong),
                    ),
                    function.__name__,
                )


def decode(data: bytes, file: str) -> str:
    """The UTF-8 text of ``data``, or PlanFileError naming ``file`` and the line."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise PlanFileError(_("the text is not UTF-8; save it as UTF-8"), file, line) from None
