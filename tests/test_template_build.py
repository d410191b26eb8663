"""The committed Word template is exactly what its build script makes."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


def _builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_templates", ROOT / "templates" / "build_templates.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_the_committed_template_equals_a_fresh_build(tmp_path: Path) -> None:
    """Every XML part of templates/ke-hoach.docx is what build_templates.py writes today.

    Refresh with ``python templates/build_templates.py`` after changing the script.
    """
    builder = _builder()
    fresh = tmp_path / "ke-hoach.docx"
    builder.build_ke_hoach(fresh)
    assert builder.docx_parts(ROOT / "templates" / "ke-hoach.docx") == builder.docx_parts(fresh)


def test_the_template_declares_times_new_roman_and_no_theme_font() -> None:
    """Fonts come from the styles, never from the theme (Calibri would leak in)."""
    parts = _builder().docx_parts(ROOT / "templates" / "ke-hoach.docx")
    styles = parts["word/styles.xml"].decode("utf-8")
    assert 'w:ascii="Times New Roman"' in styles
    assert "Theme" not in styles.replace("w:themeColor", "")
