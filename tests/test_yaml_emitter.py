"""Plan files are written by libyaml's emitter when PyYAML has it: the same text as the
pure-Python emitter gives, for the bundled examples, their derived drafts, any plan."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from strategies import plans

from planforge import Plan, load_profile
from planforge.derivation.derive import derive_with_review
from planforge.loading import plan_file
from planforge.loading.plan_file import dumps_plan, load_document
from planforge.model import Letter

ROOT = Path(__file__).resolve().parents[1]
needs_libyaml = pytest.mark.skipif(
    not getattr(yaml, "__with_libyaml__", False), reason="PyYAML built without libyaml"
)


class _PurePython(yaml.SafeDumper):
    pass


_PurePython.add_representer(str, plan_file._str)


def _pure(document: Plan | Letter) -> str:
    return yaml.dump(
        plan_file._plain(document),
        Dumper=_PurePython,
        allow_unicode=True,
        sort_keys=False,
        width=100_000,
        indent=2,
    )


def _documents() -> list[Plan | Letter]:
    examples = [
        load_document(path)
        for path in sorted((ROOT / "examples").glob("*/*.yaml"))
        if not path.name.startswith(("profile-", "results-"))
    ]
    source = load_document(ROOT / "examples" / "lam-dong-2021" / "ke-hoach-7851.yaml")
    assert isinstance(source, Plan)
    profile = load_profile(ROOT / "examples" / "lam-dong-2021" / "profile-2021-districts.yaml")
    drafts = [derive_with_review(source, unit, profile)[0] for unit in profile.units[:3]]
    return [*examples, *drafts]


@needs_libyaml
def test_libyaml_is_used_and_writes_the_pure_python_text() -> None:
    assert issubclass(plan_file._Dumper, yaml.CSafeDumper)
    for document in _documents():
        assert dumps_plan(document) == _pure(document)


@needs_libyaml
@given(plans)
@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
def test_any_plan_gets_the_pure_python_text(plan: Plan) -> None:
    assert dumps_plan(plan) == _pure(plan)
