"""Templates bounded in time and output: hostile loops, products and paddings end with a
clear TemplateError within seconds and bounded memory; a normal template is unaffected."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest
from bounded_run import SECONDS, run_bounded

from planforge import TemplateError, load_plan, render_plan

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "examples" / "lam-dong-2021" / "ke-hoach-7851.yaml"
TEMPLATE = ROOT / "templates" / "ke-hoach.docx"
TAG = b"{{ header.motto }}"


def _template(folder: Path, expression: str) -> Path:
    """The bundled template with the motto's tag replaced by ``expression``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(TEMPLATE) as source, zipfile.ZipFile(buffer, "w") as out:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                assert TAG in data
                data = data.replace(TAG, expression.encode("utf-8"))
            out.writestr(item, data)
    path = folder / "t.docx"
    path.write_bytes(buffer.getvalue())
    return path


HOSTILE = {
    "nested loops": (
        "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}",
        "loops take more than",
    ),
    "a billion letters": ("{{ 'x' * 10**9 }}", "longer than"),
    "ten million letters": ("{{ 'x' * 10**7 }}", "longer than"),
    "a million letters, 100 times": (
        "{% for i in range(100) %}{{ 'x' * 10**6 }}{% endfor %}",
        "larger than 64 MB",
    ),
    "doubling by ~": (
        "{% set ns = namespace(s='xx') %}{% for i in range(64) %}"
        "{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
        "longer than",
    ),
    "a padding filter": ("{{ 'x'|center(10**9) }}", "padding wider"),
    "a padding method": ("{{ 'x'.ljust(10**9) }}", "longer than"),
    "a huge power": ("{{ (10**1000)**1000 }}", "power"),
    "loops over strings": (
        "{% for c in 'x' * 99999 %}{% for d in 'x' * 99999 %}{% endfor %}{% endfor %}",
        "loops take more than",
    ),
    "a macro calling itself": (
        "{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}",
        "calls itself",
    ),
}


@pytest.mark.parametrize("case", HOSTILE)
def test_a_hostile_template_is_stopped_with_a_clear_error(tmp_path: Path, case: str) -> None:
    """A TemplateError naming the template and the limit, in seconds; nothing written."""
    expression, words = HOSTILE[case]
    template = _template(tmp_path, expression)
    out = tmp_path / "out.docx"
    start = time.monotonic()
    with pytest.raises(TemplateError) as info:
        render_plan(load_plan(PLAN), out, template=template)
    assert time.monotonic() - start < SECONDS
    assert info.value.location == str(template)
    assert words in info.value.message
    assert not out.exists()


def test_the_command_exits_2_in_bounded_memory(tmp_path: Path) -> None:
    """``render --template`` with ``'x' * 10**7`` repeated: exit 2, under a 1.5 GB limit."""
    template = _template(tmp_path, "{% for i in range(1000) %}{{ 'x' * 10**6 }}{% endfor %}")
    run = run_bounded("render", PLAN, "--template", template, "-o", tmp_path / "o.docx")
    assert run.code == 2, run.err
    assert run.err.startswith(f"planforge: error: {template}: template exceeds a limit")
    assert run.seconds < SECONDS
    assert not (tmp_path / "o.docx").exists()


def test_the_deadline_stops_a_slow_template(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Within the step budget but past the (here shortened) wall-clock deadline."""
    monkeypatch.setattr("planforge.rendering.template_limits.MAX_SECONDS", 0.0)
    template = _template(tmp_path, "{% for i in range(5000) %}{{ i }}{% endfor %}")
    with pytest.raises(TemplateError, match="takes longer than"):
        render_plan(load_plan(PLAN), tmp_path / "o.docx", template=template)


def test_ordinary_expressions_still_render(tmp_path: Path) -> None:
    """Products, sums and ``~`` of ordinary size, and loops, are untouched by the limits."""
    template = _template(
        tmp_path, "{{ '-' * 3 ~ header.motto ~ '+' * 2 }}{% for i in range(3) %}{{ i }}{% endfor %}"
    )
    out = tmp_path / "o.docx"
    render_plan(load_plan(PLAN), out, template=template)
    with zipfile.ZipFile(out) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    assert "---Độc lập - Tự do - Hạnh phúc++012" in xml
