"""The command line speaks Vietnamese by default, English with --lang en or an English locale."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from planforge.cli import main
from planforge.cli._parser import translate_argparse
from planforge.i18n import get_language, language_from_environment, speaking

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str, **environment: str) -> subprocess.CompletedProcess[str]:
    """``python -m planforge`` in a clean language environment (no PLANFORGE_LANG, LANG=C)."""
    env = {k: v for k, v in os.environ.items() if k not in ("PLANFORGE_LANG", "LANGUAGE")}
    env.update({"LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "PYTHONPATH": str(ROOT)})
    env.update(environment)
    return subprocess.run(
        [sys.executable, "-m", "planforge", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
        timeout=60,
    )


def test_a_missing_plan_file_is_reported_in_vietnamese_by_default(tmp_path: Path) -> None:
    """No PLANFORGE_LANG and a C locale: Vietnamese, one line, exit 2."""
    missing = tmp_path / "missing.yaml"
    result = _run("validate", str(missing))
    assert result.returncode == 2
    assert result.stderr == f"planforge: lỗi: {missing}: không có tệp này; hãy kiểm tra đường dẫn\n"


def test_lang_en_gives_the_english_message(tmp_path: Path) -> None:
    """--lang en, before the command."""
    missing = tmp_path / "missing.yaml"
    result = _run("--lang", "en", "validate", str(missing))
    assert result.returncode == 2
    assert result.stderr == f"planforge: error: {missing}: no such file; check the path\n"


def test_an_english_locale_gives_the_english_message(tmp_path: Path) -> None:
    """LANG=en_US.UTF-8 without --lang."""
    result = _run("validate", str(tmp_path / "missing.yaml"), LANG="en_US.UTF-8")
    assert result.returncode == 2
    assert "planforge: error:" in result.stderr and "no such file" in result.stderr


def test_planforge_lang_outranks_the_locale_and_lang_outranks_both(tmp_path: Path) -> None:
    """PLANFORGE_LANG=vi with an English locale is Vietnamese; --lang en then English."""
    missing = str(tmp_path / "missing.yaml")
    vietnamese = _run("validate", missing, LANG="en_US.UTF-8", PLANFORGE_LANG="vi")
    assert "planforge: lỗi:" in vietnamese.stderr
    english = _run("--lang=en", "validate", missing, PLANFORGE_LANG="vi")
    assert "planforge: error:" in english.stderr


def test_help_is_vietnamese_by_default_and_english_with_lang_en() -> None:
    """argparse's own texts (usage, sections, -h) are translated too."""
    vietnamese = _run("--help")
    assert vietnamese.returncode == 0
    assert vietnamese.stdout.startswith("cách dùng: planforge")
    assert "hiện hướng dẫn này và thoát" in vietnamese.stdout
    assert "kết xuất tệp kế hoạch (.yaml) ra văn bản Word (.docx)" in vietnamese.stdout
    english = _run("--lang", "en", "--help")
    assert english.stdout.startswith("usage: planforge")
    assert "render plan files (.yaml) to Word (.docx)" in english.stdout


def test_a_command_line_mistake_is_reported_in_vietnamese(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """argparse's errors: exit 2, usage and the message in Vietnamese."""
    with speaking("vi"), pytest.raises(SystemExit) as stop:
        main(["render", "plan.yaml"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("cách dùng: planforge render")
    assert "planforge render: lỗi: thiếu các tham số bắt buộc: -o/--output" in err


def test_argparse_messages_are_translated_with_their_values() -> None:
    """The nested "argument X: invalid choice" keeps the values argparse put in."""
    message = "argument --type: invalid choice: 'zz' (choose from 'auto', 'ke-hoach')"
    with speaking("vi"):
        assert translate_argparse(message) == (
            "tham số --type: lựa chọn không hợp lệ: 'zz' (chọn một trong 'auto', 'ke-hoach')"
        )
        assert translate_argparse("something argparse may add one day") == (
            "something argparse may add one day"
        )


def test_main_leaves_the_callers_language_as_it_was(tmp_path: Path) -> None:
    """--lang chooses for one run of main(), not for the program that called it."""
    with speaking("vi"):
        assert main(["--lang", "en", "validate", str(tmp_path / "missing.yaml")]) == 2
        assert get_language() == "vi"


def test_library_errors_follow_the_chosen_language() -> None:
    """The Python API raises in the chosen language too."""
    from planforge.errors import ModelError
    from planforge.model import IssueDate

    with speaking("vi"), pytest.raises(ModelError, match="không có tháng 13"):
        IssueDate(2024, 13)
    with speaking("en"), pytest.raises(ModelError, match="month 13 does not exist"):
        IssueDate(2024, 13)


def test_the_environment_decides_when_nothing_is_chosen() -> None:
    """English for an en locale, Vietnamese for anything else, PLANFORGE_LANG first."""
    assert language_from_environment({}) == "vi"
    assert language_from_environment({"LC_ALL": "en_GB.UTF-8", "LANG": "vi_VN"}) == "en"
    assert language_from_environment({"PLANFORGE_LANG": "xx", "LANG": "en_US"}) == "en"
