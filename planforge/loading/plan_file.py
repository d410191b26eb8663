"""Read and write plan files (tệp kế hoạch, YAML)."""

from __future__ import annotations

import enum
import os
import re
from typing import Any

import attrs
import yaml

from planforge.errors import ModelError, PlanFileError
from planforge.files import write_text
from planforge.i18n import _
from planforge.loading.located import read_yaml_text
from planforge.loading.structure import NODE_KINDS, PARSED_FROM_TEXT, structure_yaml
from planforge.model import (
    AuthorityLine,
    DocumentNumber,
    IssueDate,
    Letter,
    Plan,
    Recipient,
    Recipients,
)
from planforge.model.nodes import NODE_TYPES, Paragraph, Section

_PROFILE = re.compile(r"^units\s*:", re.MULTILINE)
_HEADER = re.compile(r"^header\s*:", re.MULTILINE)


def loads_plan(text: str, file: str = "<string>") -> Plan:
    """Build a plan from YAML text; ``file`` names the source in errors."""
    if _PROFILE.search(text) and not _HEADER.search(text):
        line = text[: _PROFILE.search(text).start()].count("\n") + 1  # type: ignore[union-attr]
        raise PlanFileError(
            _(
                "this is a derivation profile (it lists units), not a plan file; "
                "give it to planforge derive --profile"
            ),
            file,
            line,
            1,
        )
    result: Plan = structure_yaml(text, Plan, file)
    return result


def load_plan(path: str | os.PathLike[str]) -> Plan:
    """Read a plan file (UTF-8 YAML). Errors read ``file:line:column: field: message``."""
    return loads_plan(read_yaml_text(path), str(path))


_LETTER_TYPE = re.compile(r"^\s+document_type:\s*['\"]?cong-van['\"]?\s*$", re.MULTILINE)


def loads_document(text: str, file: str = "<string>") -> Plan | Letter:
    """A plan, or a công văn when its header says ``document_type: cong-van``."""
    if _LETTER_TYPE.search(text):
        letter: Letter = structure_yaml(text, Letter, file)
        return letter
    return loads_plan(text, file)


def load_document(path: str | os.PathLike[str]) -> Plan | Letter:
    """Read a plan file or a công văn file."""
    return loads_document(read_yaml_text(path), str(path))


_TEXT_FORMS: dict[type, Any] = {
    DocumentNumber: lambda n: n.file_form,
    IssueDate: str,
    AuthorityLine: str,
    Recipient: lambda r: r.line,
}
"""How the classes of PARSED_FROM_TEXT are written back."""


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if type(value) in _TEXT_FORMS:
        return _text_form(value)
    if isinstance(value, NODE_TYPES):
        return _node(value)
    if isinstance(value, Recipients):
        return _recipients(value)
    if attrs.has(type(value)):
        return _fields(value)
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _text_form(value: Any) -> Any:
    """The one-string form, unless reading it back would give another value."""
    written = _TEXT_FORMS[type(value)](value)
    try:
        if PARSED_FROM_TEXT[type(value)](written) == value:
            return written
    except ModelError:
        pass
    return _fields(value)


def _fields(value: Any) -> dict[str, Any]:
    out = {}
    for field in attrs.fields(type(value)):
        if field.metadata.get("located"):
            continue
        item = getattr(value, field.name)
        default = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            default = default.factory()
        if default is not attrs.NOTHING and item == default:
            continue
        out[field.name] = _plain(item)
    return out


def _node(node: Any) -> dict[str, Any]:
    data = _fields(node)
    kind = next(k for k, c in NODE_KINDS.items() if c is type(node))
    if type(node) not in (Section, Paragraph):
        data = {"kind": kind, **data}
    return data


def _recipients(value: Recipients) -> dict[str, Any]:
    data = {"entries": [_plain(e) for e in value.entries], "archive": ", ".join(value.archive)}
    if value.label != "Nơi nhận:":
        data["label"] = value.label
    return data


# libyaml's emitter when PyYAML has it: the same text as the pure-Python one for plans
# (tests/test_roundtrip_yaml.py), eight times faster (a national derivation writes
# thousands of plan files).
_SafeDumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_SafeDumper):  # type: ignore[valid-type,misc]
    """Block style, Unicode kept, long lines left alone."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _str)


def dumps_plan(plan: Plan | Letter) -> str:
    """The plan as YAML text; ``dumps_plan(loads_plan(dumps_plan(p))) == dumps_plan(p)``."""
    data = _plain(plan)
    return yaml.dump(
        data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100_000, indent=2
    )


def dump_plan(plan: Plan | Letter, path: str | os.PathLike[str], *, overwrite: bool = True) -> None:
    """Write ``plan`` to ``path`` as YAML, atomically."""
    write_text(path, dumps_plan(plan), overwrite=overwrite)
