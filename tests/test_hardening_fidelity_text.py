"""Nothing in a plan's text is silently changed: control characters are refused with their
field, and docxtpl's or Jinja's markers in content print exactly as written."""

from __future__ import annotations

import html
import re
import zipfile
from pathlib import Path

import attrs
import pytest
import yaml
from conftest import ROOT
from factories import header, plan

from planforge import Agency, Paragraph, Section, dump_plan, render_plan
from planforge.cli import main
from planforge.errors import ModelError
from planforge.loading.results_file import loads_results

PLAN = ROOT / "examples" / "lam-dong-2021" / "ke-hoach-7851.yaml"
RESULTS = ROOT / "examples" / "lam-dong-2021" / "results-2022-6m.yaml"

CONTROLS = ["\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x0d", "\x1b", "\x1f", "\x7f"]
FORBIDDEN = [*CONTROLS, "\ud800", "\ufffe", "\uffff"]

MARKERS = [
    "{_{ a }_}",
    "{_% if b %_}",
    "{%p if c %}",
    "{%tr for d in e %}",
    "{{r f }}",
    "{%r g %}",
    "{%tc h %}",
    "{{ x }}",
    "{% if y %}z{% endif %}",
    "{# comment #}",
    "{{ 7 * 7 }} and }} and {{",
    "A & B < C > D \"q\" 'a'",
]


def document_text(path: Path) -> str:
    """Every w:t of word/document.xml, unescaped, joined with no separator."""
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    return "".join(html.unescape(t) for t in re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))


def with_text(text: str) -> object:
    return plan(sections=(Section(title="Mục tiêu", children=(Paragraph(text=text),)),))


@pytest.mark.parametrize("char", FORBIDDEN, ids=[f"U+{ord(c):04X}" for c in FORBIDDEN])
def test_the_model_refuses_a_control_character_naming_the_field(char: str) -> None:
    """Paragraph(text=…), Header(subject=…), Agency(name=…): ModelError with the field."""
    with pytest.raises(ModelError) as paragraph:
        Paragraph(text=f"Sở Lao động{char}Xã hội")
    assert paragraph.value.field == "text"
    assert f"U+{ord(char):04X}" in paragraph.value.message
    with pytest.raises(ModelError) as subject:
        header(subject=f"Triển khai{char}thực hiện")
    assert subject.value.field == "subject"
    with pytest.raises(ModelError) as agency:
        Agency(name="Ủy ban", header_lines=("ỦY BAN", f"TỈNH{char}LÂM ĐỒNG"))
    assert agency.value.field == "header_lines[1]"


def test_tab_and_newline_are_not_refused() -> None:
    """A tab is a space, a newline stays: neither is a control character Word refuses."""
    assert Paragraph(text="a\tb").text == "a b"
    assert "\n" in Paragraph(text="dòng một\ndòng hai").text


@pytest.mark.parametrize("char", ["\x0c", "\x01", "\x0b", "\ufffe"])
def test_a_plan_file_with_a_control_character_is_refused_with_its_place(
    char: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """file:line:column: field path; exit 2; no document written."""
    source = tmp_path / "ke-hoach.yaml"
    dump_plan(plan(), source)
    text = source.read_text(encoding="utf-8")
    escaped = char.encode("unicode_escape").decode("ascii")
    text = text.replace("Tăng cường phòng ngừa.", f'"Tăng cường{escaped}phòng ngừa."')
    source.write_text(text, encoding="utf-8")
    line = next(i for i, s in enumerate(text.splitlines(), 1) if "Tăng cường" in s)
    out = tmp_path / "out.docx"
    assert main(["render", str(source), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{source}:{line}:" in err and "sections[0].children[0].text:" in err
    assert f"U+{ord(char):04X}" in err and "Traceback" not in err
    assert err.count("\n") == 1
    assert not out.exists()


def test_a_control_character_in_a_profile_is_refused_with_its_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Profiles are read like plan files: the field path of the text is named."""
    profile = tmp_path / "profile.yaml"
    source = (ROOT / "examples" / "lam-dong-2021" / "profile-2021-districts.yaml").read_text(
        encoding="utf-8"
    )
    data = yaml.safe_load(source)
    data["units"][0]["name"] = data["units"][0]["name"] + "\f"
    profile.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["derive", str(PLAN), "--profile", str(profile), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{profile}:" in err and "units[0].name:" in err and "U+000C" in err
    assert not out.exists() or list(out.iterdir()) == []


def test_a_control_character_in_a_results_file_is_refused_with_its_row() -> None:
    """notes, difficulties, keys: each named with its line and field path."""
    text = RESULTS.read_text(encoding="utf-8")
    bad = text.replace(
        "note: 12/12 huyện, thành phố đã ban hành kế hoạch.",
        'note: "12/12 huyện,\\x0c thành phố"',
    )
    with pytest.raises(Exception) as caught:
        loads_results(bad, "ket-qua.yaml")
    line = next(i for i, s in enumerate(bad.splitlines(), 1) if "12/12 huyện," in s)
    assert str(caught.value).startswith(f"ket-qua.yaml:{line}:")
    assert "targets.II.2.a)-1.note:" in str(caught.value)
    difficulty = text.replace("- Hoạt động mại dâm", '- "Hoạt\\x01 động mại dâm', 1)
    difficulty = difficulty.replace("phát hiện, xử lý.\n", 'phát hiện, xử lý."\n', 1)
    with pytest.raises(Exception, match=r"difficulties\[0\]: .*U\+0001"):
        loads_results(difficulty, "ket-qua.yaml")


def test_special_characters_after_others_still_print(tmp_path: Path) -> None:
    """ "A & B < C > D" prints whole, in every paragraph, after other escaped text."""
    body = (
        Paragraph(text="Sở Lao động & Xã hội <chủ trì>"),
        Paragraph(text="A & B < C > D"),
    )
    document = plan(
        header=header(subject="Kế hoạch A & B < C > D"),
        sections=(Section(title="Mục tiêu & <nhiệm vụ>", children=body),),
    )
    out = render_plan(document, tmp_path / "kh.docx")
    text = document_text(out)
    assert "Sở Lao động & Xã hội <chủ trì>" in text
    assert "A & B < C > D./." in text
    assert "Kế hoạch A & B < C > D" in text
    assert "MỤC TIÊU & <NHIỆM VỤ>" in text


@pytest.mark.parametrize("marker", MARKERS)
def test_template_markers_in_content_print_literally(marker: str, tmp_path: Path) -> None:
    """docxtpl's and Jinja's markers in text, subject and agency name: printed as written."""
    document = plan(
        header=header(
            subject=f"Chủ đề {marker}",
            issuing_agency=Agency(f"Sở {marker}", "UBND"),
        ),
        sections=(Section(title="Mục tiêu", children=(Paragraph(text=f"Nội dung {marker}"),)),),
    )
    out = render_plan(document, tmp_path / "kh.docx")
    text = document_text(out)
    assert f"Nội dung {marker}./." in text
    assert f"Chủ đề {marker}" in text.replace("\u00a0", " ")


def test_markers_in_a_results_file_print_literally_in_the_report(tmp_path: Path) -> None:
    """A note and a difficulty holding markers appear in the report exactly as written."""
    note = "{_{ ghi chú }_} {{ x }} {%p if y %} A & B"
    difficulty = "{_% khó khăn %_} {# c #} {{r z }} < >"
    data = yaml.safe_load(RESULTS.read_text(encoding="utf-8"))
    data["targets"]["II.2.a)-1"]["note"] = note
    data["difficulties"] = [difficulty]
    results = tmp_path / "ket-qua.yaml"
    results.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "bao-cao.docx"
    assert main(["report", str(PLAN), "--results", str(results), "-o", str(out)]) == 0
    text = document_text(out)
    assert note in text
    assert difficulty in text


def test_a_value_built_around_the_model_is_refused_not_dropped(tmp_path: Path) -> None:
    """Defence in depth: a control character that reaches rendering stops it, nothing written."""
    document = plan()
    sneaky = attrs.evolve(document.header, subject="ok")
    object.__setattr__(sneaky, "subject", "A\x01 & B")
    out = tmp_path / "kh.docx"
    with pytest.raises(Exception, match="U\\+0001"):
        render_plan(attrs.evolve(document, header=sneaky), out)
    assert not out.exists()
