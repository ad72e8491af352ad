"""Shared fixtures.

The reference corpus lives outside the project (third-party text, never copied in): tests read it
from ``../shared``. Locally a missing ``shared/`` skips those tests; on CI (``CI`` set) it fails them,
so a golden test can never pass by not running.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, settings

# Property tests: on CI one fixed, derandomised profile (the same examples every run, so a red run
# is reproducible and a green one is not luck); locally random examples with the same deadline.
# ``--hypothesis-seed=N`` still picks the examples for a local run.
settings.register_profile(
    "ci",
    derandomize=True,
    deadline=2000,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", deadline=2000)
settings.load_profile("ci" if os.environ.get("CI") else os.environ.get("HYPOTHESIS_PROFILE", "dev"))

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("BRIEFING_SHARED", ROOT.parent / "shared"))
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def require(path: Path) -> Path:
    """Return ``path`` if it exists; otherwise fail on CI and skip elsewhere."""
    if path.exists():
        return path
    message = f"reference data missing: {path}"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    return require(SHARED)


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return require(SHARED / "seeds")


@pytest.fixture(scope="session")
def seed_paths(seeds_dir: Path) -> list[Path]:
    paths = sorted(seeds_dir.glob("*.txt"))
    assert len(paths) == 5
    return paths


@pytest.fixture(scope="session")
def gold() -> dict:
    with require(SHARED / "gold" / "seed_quotes.yaml").open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@pytest.fixture(scope="session")
def multiling_dir() -> Path:
    return require(SHARED / "eval" / "multiling2011")


@pytest.fixture()
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture()
def cron_daemon() -> Iterator[None]:
    """A running cron daemon for the cron tests (``crontools.running_cron``)."""
    from crontools import running_cron

    yield from running_cron()
