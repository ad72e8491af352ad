"""Scale-out on a real Dask cluster on loopback: a scheduler and two single-threaded worker
processes (no mock). The briefing made there must be the local one, byte for byte apart from the
generation time; the analysis cache keeps working; without Dask, --scheduler says how to install it.

The corpus is 300 articles derived from the seeds by bench/corpus.py (perturbed wording, real
speakers quoted across many articles), written to a temporary folder.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import distributed  # the `dask` extra, part of the `test` extra: CI installs it
import pytest
from click.testing import CliRunner

from briefing.cli import main as cli
from briefing.config import load_config
from briefing.errors import UsageError
from briefing.pipeline import load_corpus
from briefing.run import executors
from briefing.run.job import BuildOptions, build
from tests.benchload import bench as load_bench

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = 300
FORMATS = ("md", "html", "json")
_GENERATED = re.compile(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00")  # the generation time: not compared


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as local:
        yield local


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    module = load_bench("corpus")
    folder = tmp_path_factory.mktemp("corpus")
    module.build_corpus(ARTICLES, folder)
    return folder


def _config(tmp: Path, cache: Path | None = None, scheduler: str | None = None) -> Path:
    lines = []
    if cache is not None:
        lines += ["cache:", f"  dir: {cache}"]
    if scheduler is not None:
        lines += ["engine:", f"  scheduler: {scheduler}"]
    path = tmp / f"config-{len(list(tmp.glob('config-*')))}.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _outputs(folder: Path) -> dict[str, bytes]:
    return {
        p.name: _GENERATED.sub(b"<time>", p.read_bytes())
        for p in sorted(folder.glob("briefing-*"))
        if "manifest" not in p.name
    }


def _transitions(cluster: Any) -> int:
    """Task state changes the scheduler has seen: grows only when work was sent to the cluster."""
    with distributed.Client(cluster) as client:
        return int(client.run_on_scheduler(lambda dask_scheduler: dask_scheduler.transition_counter))


def test_loopback_cluster_gives_the_local_briefing(cluster: Any, corpus_dir: Path, tmp_path: Path) -> None:
    config = load_config(None)
    options = {"formats": FORMATS, "workers": 1}
    local = build([corpus_dir], config, tmp_path / "local", BuildOptions(**options))
    before = _transitions(cluster)
    remote = build(
        [corpus_dir],
        config,
        tmp_path / "dask",
        BuildOptions(**options, scheduler=cluster.scheduler_address),
    )
    assert _transitions(cluster) > before, "the analysis did not run on the cluster"
    assert len(local.corpus.analysed) == ARTICLES
    assert remote.corpus.analysed == local.corpus.analysed
    mine, theirs = _outputs(tmp_path / "local"), _outputs(tmp_path / "dask")
    assert sorted(mine) == sorted(f"briefing-{local.briefing.date}.{f}" for f in FORMATS)
    assert mine == theirs
    assert local.briefing.quotes and local.briefing.topics  # a real briefing, not an empty one


def test_engine_section_and_cli_option_reach_the_cluster(
    cluster: Any, corpus_dir: Path, tmp_path: Path
) -> None:
    # Explicit configurations: without --config the CLI would read ./briefing.yaml.
    engine = _config(tmp_path, scheduler=cluster.scheduler_address)
    plain = _config(tmp_path)
    runs = {
        "config": ["--config", str(engine)],
        "option": ["--config", str(plain), "--scheduler", cluster.scheduler_address],
        "local": ["--config", str(plain)],
    }
    for name, extra in runs.items():
        before = _transitions(cluster)
        out = tmp_path / name
        args = ["build", str(corpus_dir), *extra, "--out", str(out), "--format", "md", "-q"]
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0, result.output
        sent = _transitions(cluster) > before
        assert sent == (name != "local"), name
    assert _outputs(tmp_path / "config") == _outputs(tmp_path / "option") == _outputs(tmp_path / "local")


def test_the_cache_serves_dask_and_local_runs_alike(cluster: Any, corpus_dir: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    config = load_config(_config(tmp_path, cache=cache))
    first = load_corpus([corpus_dir], config, scheduler=cluster.scheduler_address)
    entries = list(cache.rglob("*.json"))
    assert len(entries) == ARTICLES
    before = _transitions(cluster)
    again = load_corpus([corpus_dir], config, scheduler=cluster.scheduler_address)
    assert _transitions(cluster) == before, "every article was cached: nothing to send"
    assert again.analysed == first.analysed
    assert load_corpus([corpus_dir], config).analysed == first.analysed  # written by Dask, read locally


def test_results_keep_input_order_across_batches(cluster: Any) -> None:
    executor = executors.create("dask", executors.EngineOptions(scheduler=cluster.scheduler_address))
    try:
        items = list(range(7 * executors.BATCH + 3))  # more batches than fit in flight, a short last one
        assert list(executor.map(_square, items)) == [i * i for i in items]
        assert list(executor.map(_square, [])) == []
    finally:
        executor.close()


def _square(x: int) -> int:
    return x * x


def test_workers_running_other_code_are_refused(cluster: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    # Only this process's code hash changes: the workers report their own, which now differs.
    monkeypatch.setattr("briefing.run.cache.code_hash", lambda: "0123456789abcdef")
    with pytest.raises(UsageError, match="another version of briefing"):
        executors.create("dask", executors.EngineOptions(scheduler=cluster.scheduler_address))


def test_without_dask_scheduler_says_how_to_install(
    corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # what `import distributed` does without it
    with pytest.raises(UsageError, match=r"pip install 'briefing\[dask\]'"):
        executors.for_options(executors.EngineOptions(scheduler="local"))
    result = CliRunner().invoke(
        cli, ["build", str(corpus_dir), "--scheduler", "local", "--out", str(tmp_path / "x"), "-q"]
    )
    assert result.exit_code == 2 and "pip install" in result.output
    assert not list((tmp_path / "x").glob("briefing-*"))


def test_no_scheduler_at_the_address_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(executors, "CONNECT_TIMEOUT", 2)
    with pytest.raises(UsageError, match="cannot reach a Dask scheduler"):
        executors.for_options(executors.EngineOptions(scheduler="tcp://127.0.0.1:9"))  # discard port


def test_registry_names_the_executors() -> None:
    assert {"local", "dask"} <= set(executors.available())
    local = executors.for_options(executors.EngineOptions(workers=1))
    assert isinstance(local, executors.LocalExecutor)
    assert list(local.map(_square, [1, 2, 3])) == [1, 4, 9]
    with pytest.raises(UsageError, match="unknown executor"):
        executors.create("spark", executors.EngineOptions())
