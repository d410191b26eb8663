"""Shared fixtures: paths of the repository, the examples and the seeds."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*/ke-hoach*.yaml"))
"""The example plan files; the other YAML files there are derivation profiles."""
sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture
def root() -> Path:
    """The repository's top folder."""
    return ROOT


# Property tests: random and remembering in development; in CI (CI=true, or
# HYPOTHESIS_PROFILE=ci) derandomized, so a run fails only on a change that broke something.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.register_profile("dev")
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
)


# Messages: the suite speaks English (the msgids), in this process and in the commands it
# runs as subprocesses; tests of the Vietnamese catalogue choose Vietnamese themselves.
os.environ["PLANFORGE_LANG"] = "en"


@pytest.fixture(autouse=True)
def _language_from_environment() -> None:
    """Each test starts with the environment's language (English, above), whatever ran before."""
    from planforge.i18n import set_language

    set_language(None)
