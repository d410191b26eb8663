"""The context schema, the context the renderer builds and docs/templates.md cannot drift apart."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from factories import plan as factory_plan

from planforge import LegalBasis, Letter, Plan, load_document
from planforge.rendering.context import build_context, build_letter_context
from planforge.rendering.context_schema import SCHEMAS, Type, context_paths
from planforge.rendering.docx_template import ImageFile

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = sorted(path for kind in SCHEMAS for path in (ROOT / "examples").glob(f"*/{kind}*.yaml"))
"""Every example plan (``ke-hoach*.yaml``) and công văn (``cong-van*.yaml``)."""


def _context(document: Plan | Letter) -> tuple[str, dict[str, Any]]:
    """The schema name and the context that ``render_plan`` gives the document's template."""
    image = lambda path: ImageFile(Path(path), 35.0)  # noqa: E731
    if isinstance(document, Letter):
        return "cong-van", build_letter_context(document, image)
    return "ke-hoach", build_context(document, image)


def _values(context: Any, name: str) -> list[Any]:
    """Every value at a dotted name; ``body[].kind`` gives one per paragraph."""
    values = [context]
    for key in name.replace("[]", ".[]").split("."):
        if key == "[]":
            values = [item for value in values for item in value]
        else:
            values = [value[key] for value in values]
    return values


@pytest.mark.parametrize("path", DOCUMENTS, ids=[f"{p.parent.name}/{p.stem}" for p in DOCUMENTS])
def test_every_example_gets_exactly_the_variables_of_its_schema(path: Path) -> None:
    """Recursively: the mappings' keys and the keys of every body paragraph, no more, no less."""
    name, context = _context(load_document(path))
    assert context_paths(context) == SCHEMAS[name].names


def test_a_plan_with_only_a_closing_paragraph_has_no_body_items() -> None:
    """``body`` is empty, ``last`` holds the one paragraph: no ``body[]`` keys, all the rest."""
    plan = factory_plan(sections=(), legal_basis=LegalBasis())
    _, context = _context(plan)
    items = {n for n in SCHEMAS["ke-hoach"].names if n.startswith("body[]")}
    assert context["body"] == []
    assert context_paths(context) == SCHEMAS["ke-hoach"].names - items


@pytest.mark.parametrize("path", DOCUMENTS, ids=[f"{p.parent.name}/{p.stem}" for p in DOCUMENTS])
def test_every_value_has_the_type_the_schema_says(path: Path) -> None:
    """``header.marks`` is a list of str, ``body[].kind`` a str, and so on."""
    name, context = _context(load_document(path))
    wrong = [
        (variable.name, value)
        for variable in SCHEMAS[name].variables
        for value in _values(context, variable.name)
        if not variable.type.accepts(value)
    ]
    assert wrong == []


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_example_in_the_schema_has_its_type(name: str) -> None:
    """The examples printed in docs/templates.md are values of the declared type."""
    wrong = [
        v.name
        for v in SCHEMAS[name].variables
        if v.type is not Type.MAPPING and not v.type.accepts(v.example)
    ]
    assert wrong == []


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "gen_template_docs", ROOT / "scripts" / "gen_template_docs.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_docs_templates_md_is_what_the_generator_writes_today() -> None:
    """Refresh with ``python scripts/gen_template_docs.py`` after changing the schema."""
    committed = (ROOT / "docs" / "templates.md").read_text(encoding="utf-8")
    assert committed == _generator().markdown()


def test_docs_templates_md_lists_every_variable_of_every_schema() -> None:
    """Each dotted name appears in a table row of its own."""
    text = (ROOT / "docs" / "templates.md").read_text(encoding="utf-8")
    names = {v.name for schema in SCHEMAS.values() for v in schema.variables}
    assert sorted(n for n in names if f"| `{n}` |" not in text) == []
