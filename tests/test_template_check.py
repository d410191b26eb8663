"""``check_template``: every problem of a Word template, found in its XML before it renders.

Bad templates are copies of the bundled ones with their XML edited (``edited``).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from factories import plan as factory_plan

from planforge import TemplateError, render_plan
from planforge.rendering.context_schema import SCHEMAS
from planforge.rendering.render import default_template
from planforge.rendering.template_check import check_template

DOCUMENT = "word/document.xml"


def edited(
    folder: Path,
    *replacements: tuple[str, str],
    part: str = DOCUMENT,
    name: str = "edited.docx",
    template: str = "ke-hoach",
) -> Path:
    """A copy of a bundled template with text of one XML part replaced (each must occur)."""
    out = folder / name
    with zipfile.ZipFile(default_template(template)) as source, zipfile.ZipFile(out, "w") as copy:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == part:
                xml = data.decode("utf-8")
                for old, new in replacements:
                    assert old in xml, old
                    xml = xml.replace(old, new, 1)
                data = xml.encode("utf-8")
            copy.writestr(item, data)
    return out


def split(tag: str, at: int) -> tuple[str, str]:
    """Word's way of splitting a tag: the run ends, a spelling mark, a new bold run."""
    head, tail = tag[:at], tag[at:]
    middle = '</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:rPr><w:b/></w:rPr><w:t>'
    return f"<w:t>{tag}</w:t>", f"<w:t>{head}{middle}{tail}</w:t>"


ENDFOR = "<w:t>{%p endfor %}</w:t>"

BAD = {
    "split": ([split("{{ title.rule }}", 9)], "split-tag", "split across 2 runs"),
    "split-braces": ([split("{{ title.rule }}", 1)], "split-tag", "split across 2 runs"),
    "unknown-attribute": (
        [("{{ header.motto }}", "{{ header.mottto }}")],
        "unknown-variable",
        "header.mottto is not in the template context (did you mean header.motto?)",
    ),
    "unknown-name": (
        [("{{ header.motto }}", "{{ heder.motto }}")],
        "unknown-variable",
        "heder is not in the template context (did you mean header?)",
    ),
    "unknown-loop-key": (
        [("{{ p.lead }}", "{{ p.lede }}")],
        "unknown-variable",
        "p.lede is not in the template context (did you mean p.lead?)",
    ),
    "key-of-a-list": (
        [("{{ header.motto }}", "{{ body.kind }}")],
        "unknown-variable",
        "body.kind is not in the template context",
    ),
    "python-internals": (
        [("{{ header.motto }}", "{{ ''.__class__.__mro__ }}")],
        "unsafe",
        "''.__class__ reaches for Python internals",
    ),
    "attr-filter-internals": (
        [("{{ header.motto }}", "{{ header|attr('__class__') }}")],
        "unsafe",
        "reaches for Python internals",
    ),
    "unknown-filter": (
        [("{{ title.rule }}", "{{ title.rule|shout }}")],
        "unknown-filter",
        "no filter named shout",
    ),
    "two-structural": (
        [(ENDFOR, "<w:t>{%p endfor %}{%p if header.marks %}{%p endif %}</w:t>")],
        "two-structural",
        'two structural tags in one paragraph: "{%p endfor %}" and "{%p if header.marks %}"',
    ),
    "beside-structural": (
        [(ENDFOR, "<w:t>{%p endfor %} {{ title.rule }}</w:t>")],
        "structural-company",
        '"{{ title.rule }}" is lost: docxtpl replaces the whole paragraph of "{%p endfor %}"',
    ),
    "text-beside-structural": (
        [(ENDFOR, "<w:t>Kính gửi: {%p endfor %}</w:t>")],
        "structural-company",
        'the text "Kính gửi:" is lost',
    ),
    "percent-in-structural": (
        [("{%p for m in header.marks %}", "{%p for m in header.marks if 5 % 2 %}")],
        "structural-percent",
        'holds "%" or "}"',
    ),
    "structural-row-outside-a-table": (
        [("{%p for m in header.marks %}", "{%tr for m in header.marks %}")],
        "structural-outside",
        "is not in a table row",
    ),
    "open-for": (
        [(ENDFOR, "<w:t></w:t>")],
        "open-block",
        'the for block opened here is never closed: add "{%p endfor %}"',
    ),
    "stray-end": (
        [("<w:t>{{ title.rule }}</w:t>", "<w:t>{{ title.rule }}{% endif %}</w:t>")],
        "stray-tag",
        '"{% endif %}" closes no block',
    ),
    "unclosed-tag": (
        [("{{ title.rule }}", "{{ title.rule")],
        "unclosed-tag",
        "the tag is not closed in this paragraph",
    ),
    "syntax": (
        [("{{ title.rule }}", "{{ title.rule + }}")],
        "syntax",
        "syntax error in the tag",
    ),
    "include": (
        [("{{ title.rule }}", "{% include 'x.xml' %}")],
        "loads-template",
        "a Word template must be self-contained",
    ),
}

PARAGRAPH = {
    "open-for": "{%p for m in header.marks %}",
    "unknown-loop-key": "{{ p.lede }} {{ p.text }}",
}
"""The text of the paragraph reported, where it is not the replacement's text."""


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_the_bundled_templates_have_no_problem(name: str) -> None:
    """Both bundled templates check clean against their own context, found by title."""
    report = check_template(default_template(name))
    assert report.problems == ()
    assert report.schema == name
    assert report.tags > 40


@pytest.mark.parametrize("case", sorted(BAD))
def test_each_kind_of_mistake_is_reported_once_at_its_paragraph(case: str, tmp_path: Path) -> None:
    """One problem with its code, its message, and the text of the paragraph it sits in."""
    replacements, code, message = BAD[case]
    problems = check_template(edited(tmp_path, *replacements)).problems
    assert [p.code for p in problems] == [code], [str(p) for p in problems]
    assert message in problems[0].message
    written = "".join(piece.split(">")[-1] for piece in replacements[0][1].split("<"))
    assert problems[0].text.strip() == PARAGRAPH.get(case, written).strip()
    assert str(problems[0]).startswith(f"paragraph {problems[0].paragraph} ")


def test_a_loop_variable_may_use_the_methods_of_its_type(tmp_path: Path) -> None:
    """``line.upper()`` inside ``{%p for line in header.agency_lines %}`` is no unknown name."""
    template = edited(tmp_path, ("{{ line }}", "{{ line.upper() }}"))
    assert check_template(template).problems == ()


def test_a_mistake_in_a_branch_no_plan_takes_is_still_found(tmp_path: Path) -> None:
    """The factory plan has no run-in paragraph: ``p.lede`` renders silently, the check sees it."""
    template = edited(tmp_path, ("{{ p.lead }}", "{{ p.lede }}"))
    render_plan(factory_plan(), tmp_path / "out.docx", template)
    assert [p.code for p in check_template(template).problems] == ["unknown-variable"]


def test_page_headers_are_checked_and_named(tmp_path: Path) -> None:
    """A tag in word/header2.xml is reported as "header2, paragraph 1"."""
    template = edited(
        tmp_path, ("<w:t>2</w:t>", "<w:t>{{ header.mottto }}</w:t>"), part="word/header2.xml"
    )
    problems = check_template(template).problems
    assert [p.location for p in problems] == ['header2, paragraph 1 "{{ header.mottto }}"']


def test_the_letter_template_is_checked_against_the_letter_context(tmp_path: Path) -> None:
    """``title`` belongs to the plan's context, not the công văn's."""
    template = edited(
        tmp_path, ("{{ letter.subject }}", "{{ title.subject }}"), template="cong-van"
    )
    problems = check_template(template).problems
    assert [p.message for p in problems] == ["title is not in the template context"]
    assert check_template(template, SCHEMAS["ke-hoach"]).problems != ()


def test_a_missing_file_a_zip_that_is_no_docx_and_broken_xml_are_unreadable(
    tmp_path: Path,
) -> None:
    """``TemplateError`` (exit status 2) names the file each time."""
    not_zip = tmp_path / "text.docx"
    not_zip.write_text("hello", encoding="utf-8")
    no_document = tmp_path / "empty.docx"
    with zipfile.ZipFile(no_document, "w") as package:
        package.writestr("hello.txt", "hello")
    broken = edited(tmp_path, ("</w:body>", "</w:bod>"), name="broken.docx")
    for path in (tmp_path / "missing.docx", not_zip, no_document, broken):
        with pytest.raises(TemplateError) as caught:
            check_template(path)
        assert str(path) in str(caught.value)
