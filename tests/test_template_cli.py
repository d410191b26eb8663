"""``planforge template init|check`` as an agency's clerk runs them: files, lines, exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_template_check import edited

from planforge.cli import main
from planforge.rendering.render import default_template

PLAN = Path(__file__).resolve().parents[1] / "examples" / "lam-dong-2021" / "ke-hoach-7851.yaml"


def test_init_writes_an_exact_copy_of_the_bundled_template(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Byte for byte, and one line saying so."""
    out = tmp_path / "mau" / "my-template.docx"
    assert main(["template", "init", "ke-hoach", str(out)]) == 0
    assert out.read_bytes() == default_template("ke-hoach").read_bytes()
    assert capsys.readouterr().out == f"wrote {out}\n"


def test_init_never_replaces_a_file_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exit 2 and the file untouched; with --force it is replaced."""
    out = tmp_path / "my-template.docx"
    out.write_bytes(b"the agency's own work")
    assert main(["template", "init", "ke-hoach", str(out)]) == 2
    assert out.read_bytes() == b"the agency's own work"
    assert capsys.readouterr().err == (
        f"planforge: error: {out}: the file exists; pass --force to replace it, "
        "or choose another name\n"
    )
    assert main(["template", "init", "cong-van", str(out), "--force"]) == 0
    assert out.read_bytes() == default_template("cong-van").read_bytes()


def test_init_refuses_a_template_that_is_not_bundled(tmp_path: Path) -> None:
    """argparse lists the names and exits with 2."""
    with pytest.raises(SystemExit) as caught:
        main(["template", "init", "bao-cao-ngay", str(tmp_path / "x.docx")])
    assert caught.value.code == 2
    assert not (tmp_path / "x.docx").exists()


def test_a_copy_checks_clean_and_renders(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """init, check (exit 0), render --template: the workflow of docs/templates.md."""
    template = tmp_path / "my-template.docx"
    main(["template", "init", "ke-hoach", str(template)])
    assert main(["template", "check", str(template)]) == 0
    assert capsys.readouterr().out.endswith(f"{template}: ok (57 tags, ke-hoach context)\n")
    out = tmp_path / "kh.docx"
    assert main(["render", str(PLAN), "--template", str(template), "-o", str(out)]) == 0
    assert out.is_file()


def test_check_prints_one_located_line_per_problem_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``T.docx: paragraph N "text": message`` for each, in document order, then the count."""
    template = edited(
        tmp_path,
        ("{{ header.motto }}", "{{ header.moto }}"),
        ("{{ title.rule }}", "{{ title.rule|shout }}"),
    )
    assert main(["template", "check", str(template)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f'{template}: paragraph 12 "{{{{ header.moto }}}}": header.moto is not in the '
        "template context (did you mean header.motto?)",
        f'{template}: paragraph 18 "{{{{ title.rule|shout }}}}": no filter named shout',
        f"{template}: 2 problems",
    ]


def test_check_exits_2_on_a_file_it_cannot_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One line on stderr naming the file; no traceback."""
    template = tmp_path / "t.docx"
    template.write_text("not a Word file", encoding="utf-8")
    assert main(["template", "check", str(template)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"planforge: error: {template}: template is not a .docx file")
    assert err.count("\n") == 1


def test_check_takes_the_context_from_the_title_or_from_type(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A công văn copy is clean by its title; checked as a plan, its ``letter`` is unknown."""
    template = tmp_path / "cong-van.docx"
    main(["template", "init", "cong-van", str(template)])
    assert main(["template", "check", str(template)]) == 0
    assert "cong-van context" in capsys.readouterr().out
    assert main(["template", "check", str(template), "--type", "ke-hoach"]) == 1
    assert "letter is not in the template context" in capsys.readouterr().out
