"""Refuse, at load, text that a Word document cannot carry, naming the field where it stands.

The model refuses these characters too (planforge.model._checks), but only a
file's own walk knows the line, column and full field path of every value,
also of fields the model keeps as plain strings and of mapping keys.
"""

from __future__ import annotations

from typing import Any

from planforge.loading.located import Located, Path
from planforge.text.controls import forbidden_message


def refuse_control_characters(located: Located, value: Any, path: Path = ()) -> None:
    """Raise the PlanFileError of the first text in ``value`` holding a control character."""
    if isinstance(value, str):
        message = forbidden_message(value)
        if message is not None:
            raise located.error(path, message)
    elif isinstance(value, dict):
        for key, item in value.items():
            refuse_control_characters(located, key, (*path, key))
            refuse_control_characters(located, item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            refuse_control_characters(located, item, (*path, index))
