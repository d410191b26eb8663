"""Check a value against a type hint at run time, and say in words what was expected.

Shared by the model's field validators and the public functions' argument checks, so
that ``Plan(header=None, …)`` and ``render_plan(None)`` are refused the same way: with
the name of the field or parameter, instead of an AttributeError from deep inside.
"""

from __future__ import annotations

import collections.abc
import enum
import functools
import os
import types
import typing
from collections.abc import Callable
from typing import Any, Literal, Union

_UNIONS = (Union, types.UnionType)


@functools.cache
def hints_of(owner: Any) -> dict[str, Any]:
    """The resolved type hints of a class or a function (cached: they do not change)."""
    return typing.get_type_hints(owner)


def mismatch(value: Any, hint: Any) -> tuple[str, Any, Any] | None:
    """None when ``value`` fits ``hint``; else (where inside, the wrong value, what was wanted).

    "Where inside" is "" for the value itself, or an index such as "[2]" for an item
    of a tuple, so that the error can name the exact item.
    """
    if fits(value, hint):
        return None
    if typing.get_origin(hint) is tuple and isinstance(value, tuple):
        return _tuple_mismatch(value, typing.get_args(hint))
    return ("", value, hint)


def _tuple_mismatch(value: tuple[Any, ...], args: tuple[Any, ...]) -> tuple[str, Any, Any] | None:
    if len(args) == 2 and args[1] is Ellipsis:
        items = [(index, item, args[0]) for index, item in enumerate(value)]
    elif len(args) != len(value):
        return ("", value, tuple[args])  # type: ignore[valid-type]
    else:
        items = [
            (index, item, arg) for index, (item, arg) in enumerate(zip(value, args, strict=True))
        ]
    for index, item, arg in items:
        inner = mismatch(item, arg)
        if inner is not None:
            return (f"[{index}]{inner[0]}", inner[1], inner[2])
    return None


def fits(value: Any, hint: Any) -> bool:
    """Whether ``value`` is of type ``hint`` (unions, tuples, mappings, callables, paths)."""
    return _checker(hint)(value)


Check = Callable[[Any], bool]


def _checker(hint: Any) -> Check:
    """The test of ``hint``, made once per hint: every model object checks its fields."""
    try:
        return _cached_checker(hint)
    except TypeError:  # a hint that cannot be a dictionary key
        return _make_checker(hint)


def _always(_value: Any) -> bool:
    return True


def _make_checker(hint: Any) -> Check:
    if hint is Any or hint is object or isinstance(hint, typing.TypeVar):
        return _always
    if hint is None or hint is type(None):
        return lambda value: value is None
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in _UNIONS:
        choices = tuple(_checker(arg) for arg in args)
        return lambda value: any(check(value) for check in choices)
    if origin is Literal:
        return lambda value: value in args
    if origin is tuple:
        return lambda value: isinstance(value, tuple) and _tuple_fits(value, args)
    if origin in (dict, collections.abc.Mapping):
        key, item = (_checker(arg) for arg in (args or (Any, Any)))
        return lambda value: (
            isinstance(value, collections.abc.Mapping)
            and all(key(k) and item(v) for k, v in value.items())
        )
    if origin is collections.abc.Callable or hint is collections.abc.Callable:
        return callable
    if origin is not None:  # list[str], os.PathLike[str], type[X]: the class is enough
        hint = origin
    if hint is float:  # Python's numeric tower: an int is a float, a bool is not a number
        return lambda value: isinstance(value, int | float) and not isinstance(value, bool)
    if hint is int:
        return lambda value: isinstance(value, int) and not isinstance(value, bool)
    if isinstance(hint, type):
        return functools.partial(_instance_of, hint)
    return _always


_cached_checker = functools.lru_cache(maxsize=1024)(_make_checker)


def _tuple_fits(value: tuple[Any, ...], args: tuple[Any, ...]) -> bool:
    if len(args) == 2 and args[1] is Ellipsis:
        check = _checker(args[0])
        return all(check(item) for item in value)
    return len(args) == len(value) and all(
        _checker(arg)(item) for item, arg in zip(value, args, strict=True)
    )


def _instance_of(hint: type, value: Any) -> bool:
    try:
        return isinstance(value, hint)
    except TypeError:  # a Protocol that is not runtime-checkable: trust the caller
        return True


def describe(hint: Any) -> str:
    """``hint`` in words: "Plan or Letter", "a tuple of str", "a path"."""
    if hint is None or hint is type(None):
        return "None"
    origin = typing.get_origin(hint)
    if origin in _UNIONS:
        return " or ".join(dict.fromkeys(describe(arg) for arg in typing.get_args(hint)))
    if origin is Literal:
        return " or ".join(repr(arg) for arg in typing.get_args(hint))
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return f"a tuple of {describe(args[0])}"
        return f"a tuple ({', '.join(describe(arg) for arg in args)})"
    if origin in (dict, collections.abc.Mapping):
        return "a mapping"
    if origin is collections.abc.Callable or hint is collections.abc.Callable:
        return "a function"
    if origin is os.PathLike or hint is os.PathLike:
        return "a path"
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return f"a {hint.__name__} value"
    return getattr(hint, "__name__", str(hint))


def given(value: Any) -> str:
    """What was given, for the message: the type's name (the value itself may be huge)."""
    return type(value).__name__
