"""Shared fixtures: paths of the repository, the examples and the seeds."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*/ke-hoach*.yaml"))
"""The example plan files; the other YAML files there are derivation profiles."""
sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture
def root() -> Path:
    """The repository's top folder."""
    return ROOT
