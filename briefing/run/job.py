"""The unattended job around the pipeline: lock → decide what to read → pipeline → render → commit.

The pipeline (``briefing.pipeline``) is a function from inputs and configuration to a
``Briefing``; everything a scheduled run needs on top of it lives here: one run at a time per
output folder, the time window and new-only selection, skipping unchanged inputs, and the
all-or-nothing commit of every format with its manifest.
"""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .. import ingest
from ..compose import briefing_date
from ..config import FORMATS, Config
from ..errors import NothingNewError, RenderError, UsageError
from ..models import Briefing
from ..pipeline import Corpus, load_corpus, make_briefing, report_skipped
from ..render import get_format, render_all
from . import manifest
from .lock import RunLock
from .outputs import (
    interrupted_stems,
    output_name,
    refuse_existing,
    remove_incomplete,
    remove_stale,
    write_outputs,
)
from .window import Selection, confine, parse_since

Progress = Callable[[int, int], None]  # (done, total)
FORMAT_EXTENSIONS = tuple(dict.fromkeys(get_format(f).extension for f in FORMATS))
logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class BuildOptions:
    """How one build runs, validated once (``validate``) before any input is read.

    ``formats`` empty means the configured formats. ``since`` (``24h``, ``7d``, ``YYYY-MM-DD``)
    and ``new_only`` (articles no earlier manifest lists) choose the articles and date the
    briefing today unless ``when`` is given; ``skip_unchanged`` stops before reading when inputs,
    configuration and options match the latest manifest; ``wait`` is how long to wait for another
    run holding the output folder.
    """

    formats: tuple[str, ...] = ()
    when: date | None = None
    summarizer: str | None = None
    force: bool = False
    workers: int = 1
    since: str | None = None
    new_only: bool = False
    skip_unchanged: bool = False
    wait: float = 0.0
    scheduler: str | None = None  # Dask scheduler address or "local" (default: the config's engine)

    def validate(self) -> None:
        """Raise ``UsageError`` for an option no run could satisfy."""
        for name in self.formats:
            get_format(name)
        if self.since:
            parse_since(self.since)
        if self.workers < 0:
            raise UsageError(f"--workers: expected 0 or more, got {self.workers}")
        if self.wait < 0:
            raise UsageError(f"--wait: expected 0 or more seconds, got {self.wait}")

    def fingerprint(self, formats: Sequence[str]) -> dict[str, object]:
        """The options that change what a briefing contains (recorded in its manifest)."""
        return {
            "formats": list(formats),
            "summarizer": self.summarizer,
            "date": self.when and self.when.isoformat(),
            "since": self.since,
            "new_only": self.new_only,
        }


@dataclass(frozen=True, slots=True)
class BuildResult:
    """What one build produced."""

    briefing: Briefing
    written: tuple[Path, ...]
    corpus: Corpus
    seconds: dict[str, float]
    manifest: Path | None = None
    not_taken: dict[str, int] = field(default_factory=dict)  # articles left out, by reason


def build(
    inputs: Sequence[str | Path],
    config: Config,
    out_dir: Path,
    options: BuildOptions | None = None,
    *,
    progress: Progress | None = None,
) -> BuildResult:
    """Read, analyse, compose and render a briefing into ``out_dir``; return what was written.

    One run at a time holds ``out_dir`` (others wait up to ``options.wait`` seconds, then
    ``LockError``). Every format is rendered in memory before anything is written; the files
    then appear atomically with a manifest beside them. A dated briefing that exists is only
    replaced with ``options.force``. Raises ``NothingNewError`` when nothing is left to brief.
    """
    opts = options or BuildOptions()
    opts.validate()
    started = time.perf_counter()
    formats = opts.formats or tuple(config.output.formats)
    for name in formats:
        get_format(name)  # a configured format is checked as well, before any input is read
    take = Selection(since=parse_since(opts.since) if opts.since else None)
    output_name(config.output.filename, opts.when or date.today())  # a bad name fails before reading
    # An output folder inside an input folder must not feed a briefing back in as an article.
    outside = out_dir.resolve()
    paths, refused = confine(
        inputs, [p for p in ingest.discover(inputs) if outside not in p.resolve().parents]
    )
    # Before the lock, and before anything opens them: a FIFO would block the run (and hashing it
    # for the manifest would hold the lock forever); a name that is not UTF-8 fits no manifest.
    special = {p: reason for p in paths if (reason := ingest.refuse(p))}
    refused += [(ingest.display_path(p), reason) for p, reason in special.items()]
    paths = [p for p in paths if p not in special]
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RenderError(f"cannot create output folder {out_dir}: {exc.strerror or exc}") from exc
    with RunLock(out_dir, opts.wait):
        for stem in interrupted_stems(out_dir, manifest.SUFFIX):  # a run killed while committing
            for path in remove_incomplete(
                out_dir, stem, manifest.manifest_path(out_dir, stem), FORMAT_EXTENSIONS
            ):
                logger.warning("removed %s: left incomplete by an interrupted run (no manifest)", path)
        remove_stale(out_dir)
        earlier = manifest.read_manifests(out_dir)
        files = [manifest.file_entry(p, ingest.MAX_BYTES) for p in paths]
        identity = manifest.fingerprint(config.hash, opts.fingerprint(formats), files)
        if opts.skip_unchanged and manifest.unchanged(earlier[-1] if earlier else None, identity, out_dir):
            raise NothingNewError(
                f"inputs and configuration unchanged since {earlier[-1]['briefing']}; nothing written"
            )
        if opts.new_only:
            take.known_ids = frozenset(manifest.briefed_ids(earlier))
        corpus = load_corpus(
            paths,
            config,
            workers=opts.workers,
            progress=progress,
            accept=take if take.active else None,
            scheduler=opts.scheduler or config.engine.scheduler,
        )
        corpus = dataclasses.replace(corpus, skipped=(*refused, *corpus.skipped))
        report_skipped(corpus)
        if not corpus.analysed and take.rejected:
            reasons = ", ".join(f"{n} {r}" for r, n in take.rejected.items())
            raise NothingNewError(f"no new article to brief ({reasons}); nothing written")
        composed = time.perf_counter()
        composed_cpu = time.process_time()
        # A briefing of what is new is dated the day it is made: dated by its newest article, a
        # quiet night would give it the name of yesterday's briefing.
        dated = opts.when or (date.today() if opts.since or opts.new_only else None)
        # What changed: entries from articles no earlier briefing used are marked new. The
        # briefing this run replaces (same file name, --force) is not "earlier".
        stem_now = output_name(config.output.filename, briefing_date(corpus.analysed, dated))
        before = [m for m in earlier if m.get("briefing") != stem_now]
        briefing = make_briefing(
            corpus,
            config,
            when=dated,
            summarizer=opts.summarizer,
            known=manifest.briefed_ids(before) if before else None,
            since=str(before[-1].get("date")) if before else None,
        )
        stem = output_name(config.output.filename, briefing.date)
        manifest_file = manifest.manifest_path(out_dir, stem)
        # A dated set without its manifest is what a run killed while committing leaves: not a
        # briefing to keep but debris to replace (the manifest is always committed last).
        for path in remove_incomplete(out_dir, stem, manifest_file, FORMAT_EXTENSIONS):
            logger.warning("removed %s: left incomplete by an earlier run (no manifest)", path)
        if not opts.force:  # before rendering, the slow part: an earlier briefing is kept
            refuse_existing(
                [manifest_file, *(out_dir / f"{stem}.{get_format(f).extension}" for f in formats)]
            )
        rendered_at = time.perf_counter()
        rendered_cpu = time.process_time()
        # With the articles, the JSON's spans of .txt/.md inputs are file offsets, as `briefing
        # quotes --json` prints them (their files read once more, only when JSON is asked for).
        articles = [a.article for a in corpus.analysed]
        files_out = {
            get_format(f).extension: data for f, data in render_all(briefing, formats, articles).items()
        }
        written_at = time.perf_counter()
        seconds = {**corpus.seconds, "compose": rendered_at - composed, "render": written_at - rendered_at}
        # CPU seconds of this process, beside the wall seconds (bench/realistic.py reports both).
        seconds.update(compose_cpu=rendered_cpu - composed_cpu, render_cpu=time.process_time() - rendered_cpu)
        record = manifest.build_manifest(
            stem=stem,
            when=briefing.date.isoformat(),
            identity=identity,
            files=files,
            articles=[a.article for a in corpus.analysed],
            skipped=corpus.skipped,
            rejected=take.rejected,
            outputs={f"{stem}.{ext}": d for ext, d in files_out.items()},
            latest=config.output.latest,
            config_sources=config.sources,
            seconds={**seconds, "total": time.perf_counter() - started},
            truncated=corpus.truncated,
        )
        if opts.force:
            # Unpublish the earlier briefing first: killed while replacing its files, the folder
            # then holds an incomplete set (replaced by the next run), never new files under the
            # old manifest.
            manifest_file.unlink(missing_ok=True)
        written = write_outputs(
            out_dir,
            stem,
            files_out,
            force=opts.force,
            latest=config.output.latest,
            extras={manifest_file.name: manifest.encode(record)},
        )
    done = time.perf_counter()
    seconds.update(write=done - written_at, total=done - started)
    _log_stages(corpus, briefing, formats, seconds)
    return BuildResult(
        briefing,
        tuple(p for p in written if p != manifest_file),
        corpus,
        seconds,
        manifest_file,
        dict(take.rejected),
    )


def _log_stages(
    corpus: Corpus, briefing: Briefing, formats: Sequence[str], seconds: dict[str, float]
) -> None:
    """What each stage did and how long it took (shown with ``-v``)."""
    logger.info(
        "read %d articles in %.2f s (%d inputs skipped, %d truncated)",
        len(corpus.analysed),
        seconds.get("read", 0.0),
        len(corpus.skipped),
        len(corpus.truncated),
    )
    logger.info("analysed them in %.2f s", seconds.get("analyse", 0.0))
    logger.info(
        "composed %d bottom-line points, %d timeline entries, %d topic sections, %d quotes in %.2f s",
        len(briefing.key_points),
        len(briefing.timeline),
        len(briefing.topics),
        len(briefing.quotes),
        seconds.get("compose", 0.0),
    )
    logger.info(
        "rendered %s in %.2f s, committed in %.2f s",
        ",".join(formats),
        seconds.get("render", 0.0),
        seconds.get("write", 0.0),
    )
