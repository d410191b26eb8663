"""Checking a results file against its plan: every path known, every count right."""

from __future__ import annotations

import difflib
from collections.abc import Sequence

import attrs

from planforge.errors import ModelError, PlanFileError, PlanforgeError
from planforge.model import Assignment, Measure, Plan, Target
from planforge.model.report import DutyResult, Results, TargetResult
from planforge.reporting.paths import assignment_paths, target_paths
from planforge.reporting.values import measure_text


@attrs.frozen
class Problem:
    """An entry of a results file that does not fit the plan (sai lệch với kế hoạch).

    ``path`` is the field path in the file (``("targets", "II.1.a)-9")``);
    ``location`` the entry's ``file:line:column`` when it was read from a file.
    """

    path: tuple[str, ...]
    message: str
    location: str | None = None

    @property
    def field(self) -> str:
        """The field path as errors print it: ``targets.II.1.a)-1.result``."""
        return ".".join(self.path)

    def error(self) -> PlanforgeError:
        """The error to raise, placed at the entry when its location is known."""
        if self.location:
            return PlanFileError(self.message, self.location, field=self.field)
        return ModelError(self.message, self.field)


def _unknown(kind: str, path: str, known: Sequence[str]) -> str:
    close = difflib.get_close_matches(path, known, n=1, cutoff=0.6)
    hint = f"did you mean {close[0]!r}?" if close else "the skeleton lists them all"
    listed = ", ".join(known[:12]) + (", …" if len(known) > 12 else "")
    return f"the plan has no {kind} at {path!r} ({hint}); its {kind}s: {listed or 'none'}"


def _changed(kind: str, path: str, wanted: str) -> str:
    shown = wanted if len(wanted) <= 60 else wanted[:59] + "…"
    return (
        f"does not match the plan's {kind} at {path} ({shown!r}); the plan may have changed "
        "since the skeleton was written: check the path, or remove this text"
    )


def _counts(entry: TargetResult, measures: tuple[Measure, ...]) -> str | None:
    """What is wrong with the number of results of a target, if anything."""
    if not entry.result or len(entry.result) == len(measures):
        return None
    if not measures:
        return "this target states no number: write its result in note and its assessment"
    values = ", ".join(measure_text(m) for m in measures)
    count = len(measures)
    return (
        f"{len(entry.result)} results for {count} measurable parts ({values}): give "
        f"{count}, in that order (~ for one not known yet)"
    )


def _target(entry: TargetResult, targets: dict[str, Target]) -> list[Problem]:
    base = ("targets", entry.path)
    target = targets.get(entry.path)
    if target is None:
        return [Problem(base, _unknown("target", entry.path, list(targets)), entry.location)]
    problems = []
    if entry.text is not None and entry.text != target.text:
        problems.append(
            Problem((*base, "text"), _changed("target", entry.path, target.text), entry.location)
        )
    count = _counts(entry, target.measures)
    if count:
        problems.append(Problem((*base, "result"), count, entry.location))
    return problems


def _duty(entry: DutyResult, assignments: dict[str, Assignment]) -> list[Problem]:
    base = ("assignments", entry.path)
    assignment = assignments.get(entry.path)
    if assignment is None:
        message = _unknown("assignment", entry.path, list(assignments))
        return [Problem(base, message, entry.location)]
    if entry.text is not None and entry.text != assignment.text:
        message = _changed("assignment", entry.path, assignment.text)
        return [Problem((*base, "text"), message, entry.location)]
    return []


def problems(plan: Plan, results: Results) -> list[Problem]:
    """Every entry of ``results`` that names no part of ``plan`` or does not fit it."""
    targets = dict(target_paths(plan))
    assignments = dict(assignment_paths(plan))
    found: list[Problem] = []
    for target in results.targets:
        found += _target(target, targets)
    for duty in results.assignments:
        found += _duty(duty, assignments)
    return found
