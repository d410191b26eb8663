"""Rendering runs in Jinja2's sandbox, with undefined names as errors and every value escaped.

The bad templates are copies of the bundled one with an edited word/document.xml; each
is also caught by ``template check`` before anything renders.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from factories import header
from factories import plan as factory_plan
from test_template_check import edited

from planforge import TemplateError, render_plan
from planforge.cli import main
from planforge.rendering.template_check import check_template

INTERNALS = ("{{ header.motto }}", "{{ ''.__class__.__mro__ }}")


def _render_error(template: Path, out: Path) -> str:
    with pytest.raises(TemplateError) as caught:
        render_plan(factory_plan(), out, template)
    assert not out.exists()
    return str(caught.value)


def test_a_template_reaching_for_python_internals_is_refused(tmp_path: Path) -> None:
    """``''.__class__.__mro__``: a clear one-line refusal naming the template and the tag."""
    template = edited(tmp_path, INTERNALS)
    message = _render_error(template, tmp_path / "out.docx")
    assert message == (f'{template}: template tries to reach Python internals in "{INTERNALS[1]}"')


def test_the_command_line_refuses_it_with_exit_status_2_and_no_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One line on stderr, nothing written."""
    plan_file = Path(__file__).parent / "data" / "minimal.yaml"
    template = edited(tmp_path, INTERNALS)
    out = tmp_path / "out.docx"
    status = main(["render", str(plan_file), "-o", str(out), "--template", str(template)])
    err = capsys.readouterr().err
    assert status == 2
    assert err.count("\n") == 1 and "Python internals" in err and "Traceback" not in err
    assert not out.exists()


@pytest.mark.parametrize(
    ("tag", "named"),
    [("{{ header.mottto }}", "'mottto'"), ("{{ heder.motto }}", "'heder' is undefined")],
)
def test_a_missing_variable_is_an_error_naming_it(tag: str, named: str, tmp_path: Path) -> None:
    """StrictUndefined: never an empty field, always the name that is missing."""
    template = edited(tmp_path, ("{{ header.motto }}", tag))
    message = _render_error(template, tmp_path / "out.docx")
    assert message.startswith(f'{template}: undefined variable in "{tag}": ')
    assert named in message


@pytest.mark.parametrize("tag", [INTERNALS[1], "{{ header.mottto }}", "{{ heder.motto }}"], ids=str)
def test_template_check_catches_each_of_them_without_rendering(tag: str, tmp_path: Path) -> None:
    """The static check reports the same templates, at the paragraph of the tag."""
    problems = check_template(edited(tmp_path, ("{{ header.motto }}", tag))).problems
    assert [p.text for p in problems] == [tag]


def test_markup_in_a_plan_is_printed_as_text(tmp_path: Path) -> None:
    """Autoescape: "<w:br/>", "&" and quotes in a value stay text in the Word XML."""
    subject = 'Phòng, chống "mại dâm" & <w:br/> ma túy'
    out = render_plan(factory_plan(header=header(subject=subject)), tmp_path / "out.docx")
    with zipfile.ZipFile(out) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    assert "&amp; &lt;w:br/&gt; ma túy" in xml
    assert "<w:br/> ma" not in xml
