"""``planforge report`` as a user runs it: exit codes, messages, files written or not."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from planforge.cli import main

PLAN = str(ROOT / "examples" / "lam-dong-2021" / "ke-hoach-7851.yaml")
RESULTS = str(ROOT / "examples" / "lam-dong-2021" / "results-2022-6m.yaml")


def test_the_report_with_results_is_written_and_announced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exit 0, one line naming the document."""
    out = tmp_path / "bao-cao.docx"
    assert main(["report", PLAN, "--results", RESULTS, "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"PK")
    assert capsys.readouterr().out == f"wrote {out}\n"


def test_the_report_without_results_needs_period_and_year(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without a results file, --period and --year say what is reported on."""
    out = tmp_path / "bao-cao.docx"
    assert main(["report", PLAN, "-o", str(out)]) == 2
    assert "needs its period" in capsys.readouterr().err
    assert not out.exists()
    assert main(["report", PLAN, "--period", "year", "--year", "2022", "-o", str(out)]) == 0
    assert out.is_file()


def test_the_skeleton_is_written_and_a_report_made_from_it(tmp_path: Path) -> None:
    """--skeleton writes YAML that --results reads back, period and year included."""
    skeleton = tmp_path / "ket-qua.yaml"
    arguments = ["report", PLAN, "--period", "6m", "--year", "2022"]
    assert main([*arguments, "--skeleton", "-o", str(skeleton)]) == 0
    assert yaml.safe_load(skeleton.read_text(encoding="utf-8"))["period"] == "6m"
    out = tmp_path / "bao-cao.docx"
    assert main(["report", PLAN, "--results", str(skeleton), "-o", str(out)]) == 0
    assert out.is_file()


def test_existing_outputs_are_replaced_only_with_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A user's report or results file is never replaced unless asked."""
    for name, extra in (("bao-cao.docx", ["--results", RESULTS]), ("r.yaml", ["--skeleton"])):
        out = tmp_path / name
        out.write_bytes(b"my own file")
        assert main(["report", PLAN, *extra, "-o", str(out)]) == 2
        assert out.read_bytes() == b"my own file"
        assert "--force" in capsys.readouterr().err
        assert main(["report", PLAN, *extra, "-o", str(out), "--force"]) == 0
        assert out.read_bytes() != b"my own file"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--results", RESULTS, "--period", "year"], "period 6m, not year"),
        (["--results", RESULTS, "--date", "2022-13"], "--date: month 13 does not exist"),
        (["--results", "missing.yaml"], "missing.yaml: no such file"),
        (["--period", "6m", "--year", "2022", "--skeleton", "--results", RESULTS], "--skeleton"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_writes_nothing(
    arguments: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Conflicting period, impossible date, missing file: one error line, status 2."""
    out = tmp_path / ("r.yaml" if "--skeleton" in arguments else "bao-cao.docx")
    assert main(["report", PLAN, *arguments, "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("planforge: error:") and err.count("\n") == 1
    assert message in err
    assert not out.exists()


def test_a_bad_results_file_exits_2_with_the_located_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A result for an unknown target: file:line:column: field: message."""
    results = tmp_path / "sai.yaml"
    results.write_text("period: 6m\nyear: 2022\ntargets:\n  II.7-1:\n    result: 3\n", "utf-8")
    out = tmp_path / "bao-cao.docx"
    assert main(["report", PLAN, "--results", str(results), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{results}:4:3: targets.II.7-1: the plan has no target at 'II.7-1'" in err
    assert not out.exists()


def test_the_output_suffix_must_fit_what_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A report is .docx, a skeleton .yaml; anything else is refused before work starts."""
    assert main(["report", PLAN, "--results", RESULTS, "-o", str(tmp_path / "r.pdf")]) == 2
    assert "REPORT.docx" in capsys.readouterr().err
    assert main(["report", PLAN, "--skeleton", "-o", str(tmp_path / "r.docx")]) == 2
    assert "RESULTS.yaml" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_an_unknown_period_is_refused_by_the_parser(capsys: pytest.CaptureFixture[str]) -> None:
    """--period accepts 6m or year only (argparse exits 2)."""
    with pytest.raises(SystemExit) as exit_:
        main(["report", PLAN, "--period", "quarter", "-o", "x.docx"])
    assert exit_.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


@pytest.mark.libreoffice
def test_pdf_converts_the_report_too(tmp_path: Path) -> None:
    """--pdf writes REPORT.pdf beside REPORT.docx, through LibreOffice."""
    import subprocess

    out = tmp_path / "bao-cao.docx"
    plan = Path(__file__).resolve().parents[1] / "examples" / "lam-dong-2021" / "ke-hoach-7851.yaml"
    assert (
        main(["report", str(plan), "--period", "year", "--year", "2022", "-o", str(out), "--pdf"])
        == 0
    )
    text = subprocess.run(
        ["pdftotext", str(out.with_suffix(".pdf")), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "BÁO CÁO" in text and "năm 2022" in text
