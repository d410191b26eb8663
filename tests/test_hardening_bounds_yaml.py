"""YAML inputs bounded: no alias bombs, no merge keys, no deep nesting, no FIFOs.

Plan files, profiles and results files are read by one loader; each refusal is a
located error (file:line:column) given at once, with memory bounded.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from bounded_run import SECONDS, run_bounded

from planforge import PlanFileError, load_plan, loads_plan
from planforge.loading.profile_file import loads_profile
from planforge.loading.results_file import loads_results

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "examples" / "lam-dong-2021" / "ke-hoach-7851.yaml"
PROFILE = ROOT / "examples" / "lam-dong-2021" / "profile-2021-districts.yaml"


def laughs(levels: int = 9) -> str:
    """A "billion laughs": nine lists of nine references to the level below."""
    lines = ["l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, levels + 1):
        refs = ", ".join([f"*l{level - 1}"] * 9)
        lines.append(f"l{level}: &l{level} [{refs}]")
    return "\n".join(lines) + "\n"


LOADERS = {"plan": loads_plan, "profile": loads_profile, "results": loads_results}


@pytest.mark.parametrize("kind", LOADERS)
def test_an_alias_bomb_is_refused_at_the_first_alias(kind: str) -> None:
    """The first ``*l0`` stands on line 2, column 10: the error says so."""
    with pytest.raises(PlanFileError) as info:
        LOADERS[kind](laughs(), "bomb.yaml")
    assert (info.value.file, info.value.line, info.value.column) == ("bomb.yaml", 2, 10)
    assert "aliases" in info.value.message


@pytest.mark.parametrize(
    ("text", "line", "column", "words"),
    [
        ("a: &a [1, *a]\n", 1, 11, "aliases"),
        ("base: &b {x: 1}\nheader:\n  <<: *b\n", 3, 7, "aliases"),
        ("header:\n  <<: {name: x}\n", 2, 3, "merge keys"),
        ("a: &x 1\n*x : 2\n", 2, 1, "aliases"),
        ("[" * 100_000 + "]" * 100_000, 1, 65, "nested more than 64"),
        ("a:\n" + "".join(" " * i + "b:\n" for i in range(1, 500)), 65, 65, "nested"),
        ("? [a, b]\n: 1\n", 1, 1, "key must be plain text"),
    ],
)
def test_recursive_aliases_merge_keys_and_deep_nesting_are_located(
    text: str, line: int, column: int, words: str
) -> None:
    """Each is refused with its place; deep nesting used to crash libyaml's composer."""
    with pytest.raises(PlanFileError) as info:
        loads_plan(text, "kh.yaml")
    assert (info.value.line, info.value.column) == (line, column)
    assert words in info.value.message


def test_a_bomb_plan_file_exits_2_quickly_in_bounded_memory(tmp_path: Path) -> None:
    """``validate`` and ``render`` on a billion laughs: exit 2, its place, nothing written."""
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(laughs(12), encoding="utf-8")
    for args in (["validate", bomb], ["render", bomb, "-o", tmp_path / "out"]):
        run = run_bounded(*args)
        assert run.code == 2, run.err
        assert f"{bomb}:2:10: YAML aliases" in run.err
        assert "Traceback" not in run.err
        assert run.seconds < SECONDS
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bomb.yaml"]


def test_a_bomb_profile_exits_2(tmp_path: Path) -> None:
    """``derive --profile`` with a bomb profile: the profile's place, no output folder."""
    bomb = tmp_path / "profile.yaml"
    bomb.write_text(laughs(12), encoding="utf-8")
    run = run_bounded("derive", PLAN, "--profile", bomb, "-o", tmp_path / "out")
    assert run.code == 2, run.err
    assert f"{bomb}:2:10:" in run.err
    assert not (tmp_path / "out").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_or_a_device_is_refused_at_once(tmp_path: Path) -> None:
    """A FIFO with no writer would block a plain open(); /dev/zero would never end."""
    fifo = tmp_path / "plan.yaml"
    os.mkfifo(fifo)
    for path in (fifo, Path("/dev/zero")):
        with pytest.raises(PlanFileError, match="not a regular file") as info:
            load_plan(path)
        assert info.value.file == str(path)
    for args in (
        ["validate", fifo],
        ["derive", PLAN, "--profile", fifo, "-o", tmp_path / "o"],
        ["report", PLAN, "--period", "6m", "--results", fifo, "-o", tmp_path / "r.docx"],
    ):
        run = run_bounded(*args)
        assert run.code == 2, run.err
        assert f"{fifo}: this is not a regular file" in run.err
        assert run.seconds < SECONDS
