"""The committed report template is exactly what its build script makes, and it is safe."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import attrs
import pytest
from factories import plan as factory_plan

from planforge import Section, TemplateError
from planforge.checking.formatting import read_paragraphs
from planforge.model import Target
from planforge.model.report import ReportPeriod
from planforge.rendering.report_docx import render_report
from planforge.reporting.build import build_report

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "templates" / "bao-cao.docx"


def _builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_report_template", ROOT / "templates" / "build_report_template.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_committed_report_template_equals_a_fresh_build(tmp_path: Path) -> None:
    """Every XML part of templates/bao-cao.docx is what build_report_template.py writes today.

    Refresh with ``python templates/build_report_template.py`` after changing it, or after
    changing the styles or blocks it imports from build_templates.py.
    """
    builder = _builder()
    fresh = tmp_path / "bao-cao.docx"
    builder.build_bao_cao(fresh)
    assert builder.base.docx_parts(TEMPLATE) == builder.base.docx_parts(fresh)


def test_the_report_template_declares_times_new_roman_and_no_theme_font() -> None:
    """Fonts come from the styles, never from the theme."""
    styles = _builder().base.docx_parts(TEMPLATE)["word/styles.xml"].decode("utf-8")
    assert 'w:ascii="Times New Roman"' in styles
    assert "Theme" not in styles.replace("w:themeColor", "")


def test_the_tables_of_the_template_fill_the_text_width_exactly() -> None:
    """Both ruled tables' columns sum to 165 mm (9354 twips), so they meet the right margin."""
    builder = _builder()
    for columns in (builder.TARGET_COLUMNS, builder.DUTY_COLUMNS):
        assert sum(width for _, width in columns) == builder.TEXT_WIDTH == 9354


def test_markup_in_results_is_printed_literally(tmp_path: Path) -> None:
    """Autoescape: "&", "<" and quotes in a target or a difficulty reach Word as typed."""
    markup = 'A & B <c> "d" </w:t>'
    section = Section(title="Chỉ tiêu", children=(Target(text=f"Chỉ tiêu {markup}."),))
    plan = attrs.evolve(factory_plan(), sections=(section,))
    report = attrs.evolve(
        build_report(plan, period=ReportPeriod.YEAR, year=2022), difficulties=(markup,)
    )
    texts = [p.text for p in read_paragraphs(render_report(report, tmp_path / "m.docx"))]
    assert f"Chỉ tiêu {markup}." in texts and markup in texts


def test_a_template_that_asks_for_a_missing_variable_is_refused(tmp_path: Path) -> None:
    """StrictUndefined: the plan template lacks the report's variables, and says so."""
    report = build_report(factory_plan(), period=ReportPeriod.YEAR, year=2022)
    with pytest.raises(TemplateError, match="undefined variable"):
        render_report(report, tmp_path / "r.docx", ROOT / "templates" / "ke-hoach.docx")
    assert not (tmp_path / "r.docx").exists()
