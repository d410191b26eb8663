"""Parse YAML into plain values and remember where each value stood."""

from __future__ import annotations

import os
from typing import Any

import yaml

from planforge.errors import PlanFileError
from planforge.i18n import _
from planforge.inputs import InputError, read_input

Path = tuple[str | int, ...]

MAX_DEPTH = 64
"""The deepest nesting of lists and mappings read; plan files nest fewer than 15 levels."""
MERGE_TAG = "tag:yaml.org,2002:merge"


# libyaml's parser when PyYAML was built with it: five times faster on plan files.
_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc]
    """SafeLoader without implicit dates: a date is parsed by the model, with a clear error."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def format_path(path: Path) -> str:
    """``("sections", 2, "title")`` → ``sections[2].title``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


class Located:
    """Plain values from YAML plus the (line, column) of every path in them."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.marks: dict[Path, tuple[int, int]] = {}
        self._constructor = _Loader("")

    def where(self, path: Path) -> str:
        """``file:line:column`` of ``path`` (or of the nearest place known)."""
        probe = path
        while probe not in self.marks and probe:
            probe = probe[:-1]
        if probe not in self.marks:
            return self.file
        line, column = self.marks[probe]
        return f"{self.file}:{line}:{column}"

    def error(self, path: Path, message: str) -> PlanFileError:
        """An error at ``path``, placed at the nearest position known."""
        probe = path
        while probe not in self.marks and probe:
            probe = probe[:-1]
        line, column = self.marks.get(probe, (None, None))
        return PlanFileError(message, self.file, line, column, format_path(path) or None)

    def load(self, text: str) -> Any:
        """Compose ``text`` and return its plain value; YAML errors become PlanFileError."""
        try:
            self._scan(text)
            node = yaml.compose(text, Loader=_Loader)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark else None
            column = mark.column + 1 if mark else None
            problem = exc.problem or exc.context or "invalid YAML"
            raise PlanFileError(
                _("YAML syntax error: {problem}; check the indentation and quoting there").format(
                    problem=problem
                ),
                self.file,
                line,
                column,
            ) from None
        except yaml.YAMLError as exc:
            raise PlanFileError(_("YAML error: {exc}").format(exc=exc), self.file) from None
        if node is None:
            raise PlanFileError(
                _("the file is empty; a plan needs header, signature and recipients"),
                self.file,
                1,
                1,
            )
        return self._value(node, ())

    def _scan(self, text: str) -> None:
        """Refuse aliases and deep nesting from the event stream, before anything is built.

        An alias makes the composer reuse a node, so that a few lines can stand for
        billions of values ("billion laughs") or a value can contain itself; plan files
        have no use for them.  libyaml's composer recurses once per level and crashes
        the interpreter on very deep nesting, so depth is counted on the (flat) events.
        """
        depth = 0
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent):
                raise self._at(
                    event.start_mark,
                    _(
                        "YAML aliases (*name) are not read; "
                        "write the value out in full instead of referring to an anchor"
                    ),
                )
            if isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise self._at(
                        event.start_mark,
                        _("the values are nested more than {depth} levels deep").format(
                            depth=MAX_DEPTH
                        ),
                    )
            elif isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
                depth -= 1

    def _at(self, mark: Any, message: str) -> PlanFileError:
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (None, None)
        return PlanFileError(message, self.file, line, column)

    def _value(self, node: yaml.Node, path: Path) -> Any:
        self.marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if key_node.tag == MERGE_TAG:
                    raise self._at(
                        key_node.start_mark,
                        _("merge keys (<<) are not read; write the fields out in full"),
                    )
                if not isinstance(key_node, yaml.ScalarNode):
                    raise self.error(path, _("a key must be plain text, not a list or a mapping"))
                key = str(self._constructor.construct_object(key_node))
                if key in out:
                    raise self.error(
                        (*path, key), _("the key {key!r} appears twice").format(key=key)
                    )
                out[key] = self._value(value_node, (*path, key))
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self._value(item, (*path, i)) for i, item in enumerate(node.value)]
        return self._constructor.construct_object(node)


def read_yaml_text(path: str | os.PathLike[str]) -> str:
    """The text of a UTF-8 file; every failure is a PlanFileError naming the file."""
    name = str(path)
    try:
        raw = read_input(path)
    except InputError as exc:
        raise PlanFileError(exc.message, name) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise PlanFileError(_("the file is not UTF-8 text; save it as UTF-8"), name, line) from None
