"""Results files (số liệu báo cáo, YAML): entries keyed by path, every error located."""

from __future__ import annotations

import enum
import os
import typing
from typing import Any

import attrs
import yaml

from planforge.files import write_text
from planforge.i18n import _
from planforge.loading.characters import refuse_control_characters
from planforge.loading.located import Located, Path, read_yaml_text
from planforge.loading.result_values import finite_number, refuse_disagreement
from planforge.loading.structure import Structurer
from planforge.model import Plan, Recipient, Recipients, Signature
from planforge.model.report import DutyResult, ReportPeriod, Results, TargetResult
from planforge.reporting.check import problems
from planforge.text.normalize import clean, nfc

KEYED = (("targets",), ("assignments",))
"""The fields whose entries a results file writes as a mapping from path to entry."""


class _Located(Located):
    """Places an entry keyed by its path at its key, the line the clerk reads as its name."""

    def _value(self, node: yaml.Node, path: Path) -> Any:
        value = super()._value(node, path)
        if path in KEYED and isinstance(node, yaml.MappingNode):
            for key_node, _ in node.value:
                key = str(self._constructor.construct_object(key_node))
                mark = key_node.start_mark
                self.marks[(*path, key)] = (mark.line + 1, mark.column + 1)
        return value


def _keyed(item: Any) -> bool:
    return attrs.has(item) and "path" in attrs.fields_dict(item)


def _numbers(item: Any) -> bool:
    return item is float or float in typing.get_args(item)


def _label_of(cls: type[enum.Enum], value: str) -> enum.Enum | None:
    wanted = clean(value).casefold()
    return next((m for m in cls if clean(getattr(m, "label", "")).casefold() == wanted), None)


class _Structurer(Structurer):
    """The plan file's structurer, plus: entries keyed by path, one number for a list of
    numbers, and an enum's Vietnamese label ("Đạt", "Đang thực hiện") for its value."""

    def build(self, value: Any, hint: Any, path: Path) -> Any:
        if typing.get_origin(hint) is tuple:
            item = typing.get_args(hint)[0]
            if isinstance(value, dict) and _keyed(item):
                return tuple(self._entry(v, item, (*path, k), k) for k, v in value.items())
            if isinstance(value, int | float) and not isinstance(value, bool) and _numbers(item):
                return (self.build(value, item, path),)
        if isinstance(hint, type) and issubclass(hint, enum.Enum) and hasattr(hint, "label"):
            return self._labelled(value, hint, path)
        return super().build(value, hint, path)

    def _entry(self, value: Any, item: type, path: Path, key: str) -> Any:
        if value is None:
            value = {}
        if not isinstance(value, dict):
            raise self.fail(
                path, _("expected the entry's fields (text, …) indented under its path")
            )
        if "path" in value:
            raise self.fail((*path, "path"), _("the path is the entry's key; leave out path"))
        return super().build({"path": key, **value}, item, path)

    def _labelled(self, value: Any, cls: type[enum.Enum], path: Path) -> enum.Enum:
        found = _label_of(cls, value) if isinstance(value, str) else None
        if found is not None:
            return found
        for member in cls:
            if value == member.value or (isinstance(value, str) and value.upper() == member.name):
                return member
        choices = ", ".join(f"{m.value} ({m.label})" for m in cls)  # type: ignore[attr-defined]
        raise self.fail(
            path,
            _("unknown value {value!r}; use one of: {choices}").format(
                value=value, choices=choices
            ),
        )

    def _scalar(self, value: Any, hint: Any, path: Path) -> Any:
        if hint is float:
            value = finite_number(value, lambda message: self.fail(path, message))
        return super()._scalar(value, hint, path)


def _is_blank(text: str) -> bool:
    return all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines())


def loads_results(
    text: str,
    file: str = "<string>",
    plan: Plan | None = None,
    *,
    period: ReportPeriod | None = None,
    year: int | None = None,
) -> Results:
    """Build results from YAML text; with ``plan``, check every entry against it.

    ``period`` and ``year``, when given (the command line's), must agree with
    those the file writes.  Errors read ``file:line:column: field: message``;
    an empty file means no results.
    """
    if _is_blank(text):
        return Results()
    located = _Located(file)
    data = located.load(nfc(text))
    refuse_control_characters(located, data)
    results: Results = _Structurer(located).build(data, Results, ())
    if plan is not None:
        found = problems(plan, results)
        if found:
            raise located.error(found[0].path, found[0].message)
    refuse_disagreement(located, results, period, year)
    return results


def load_results(
    path: str | os.PathLike[str],
    plan: Plan | None = None,
    *,
    period: ReportPeriod | None = None,
    year: int | None = None,
) -> Results:
    """Read a results file (UTF-8 YAML); with ``plan``, check it against the plan."""
    return loads_results(read_yaml_text(path), str(path), plan, period=period, year=year)


class _Flow(list[Any]):
    """A list written on one line: ``result: [72, null]``."""


class _Dumper(yaml.SafeDumper):
    """Block style, Unicode kept; a result list in flow style."""


_Dumper.add_representer(
    _Flow, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True)
)


def _recipients(value: Recipients | None) -> dict[str, Any] | None:
    if value is None:
        return None
    entries: list[Any] = [
        r.line if Recipient.parse(r.line) == r else {"name": r.name, "purpose": r.purpose}
        for r in value.entries
    ]
    data: dict[str, Any] = {"entries": entries, "archive": ", ".join(value.archive)}
    if value.label != "Nơi nhận:":
        data["label"] = value.label
    return data


def _signature(value: Signature | None) -> dict[str, Any] | None:
    if value is None:
        return None
    data: dict[str, Any] = {
        "authority": [str(line) for line in value.authority],
        "title": value.title,
        "name": value.name,
    }
    for image in ("signature_image", "seal_image"):
        if getattr(value, image):
            data[image] = getattr(value, image)
    return data


def _number(value: float | None) -> float | None:
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _target(entry: TargetResult) -> dict[str, Any]:
    return {
        "text": entry.text,
        "result": _Flow(_number(v) for v in entry.result),
        "note": entry.note,
        "assessment": entry.assessment.value if entry.assessment else None,
    }


def _duty(entry: DutyResult) -> dict[str, Any]:
    return {
        "text": entry.text,
        "status": entry.status.value if entry.status else None,
        "notes": entry.notes,
    }


def dumps_results(results: Results) -> str:
    """The results as YAML, every field written (null where empty) for the clerk to fill."""
    data = {
        "period": results.period.value if results.period else None,
        "year": results.year,
        "opening": list(results.opening),
        "targets": {entry.path: _target(entry) for entry in results.targets},
        "assignments": {entry.path: _duty(entry) for entry in results.assignments},
        "difficulties": list(results.difficulties),
        "proposals": list(results.proposals),
        "recipients": _recipients(results.recipients),
        "signature": _signature(results.signature),
    }
    return yaml.dump(
        data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100_000, indent=2
    )


def dump_results(results: Results, path: str | os.PathLike[str], *, overwrite: bool = True) -> None:
    """Write ``results`` to ``path`` as YAML, atomically."""
    write_text(path, dumps_results(results), overwrite=overwrite)
