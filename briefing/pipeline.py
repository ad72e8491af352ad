"""The pipeline, wired in one place: ingest → clean → segment → topics → summarise → quotes →
compose → render.

Per-article stages (read, clean, segment, topic match, quote extraction) run through
``analyse_article``, cached by content and configuration hash and spread over worker processes
for large inputs; the corpus-level stages (selection, quote merging, composition, rendering) run
once on the results.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import clean as clean_stage
from . import ingest, manifest, quotes, segment
from .cache import AnalysisCache
from .compose import compose, number_sources
from .config import Config, load_config
from .errors import NoArticlesError, NothingNewError, RenderError
from .models import AnalysedArticle, Article, Briefing, KeySentence, Quote
from .outputs import output_name, refuse_existing, remove_stale, write_outputs
from .render import get_format, render_all
from .runlock import RunLock
from .summarise import Pool, display_text, eligible
from .summarizers import Summarizer, create
from .topics import TopicMatcher, match_topics
from .window import Selection, confine, parse_since
from .workers import run_ordered

Progress = Callable[[int, int], None]  # (done, total)
logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Corpus:
    """The analysed articles of one run, and the inputs that were skipped (path, reason)."""

    analysed: tuple[AnalysedArticle, ...]
    skipped: tuple[tuple[str, str], ...] = ()
    seconds: dict[str, float] = field(default_factory=dict)


def analyse_article(article: Article, config: Config, matcher: TopicMatcher | None = None) -> AnalysedArticle:
    """Run the per-article stages on one article."""
    cleaned = clean_stage.clean(article, extra_patterns=config.extra_boilerplate)
    sentences = segment.segment(cleaned.paragraphs)
    matcher = matcher or TopicMatcher.from_topics(config.topics)
    topics = match_topics(sentences, matcher)
    found = quotes.extract(article, cleaned.paragraphs, sentences, config.actors)
    by_index = {s.index: names for s, names in zip(sentences, topics, strict=True)}
    found = tuple(
        dataclasses.replace(q, topics=by_index.get(q.sources[0].sentence, ()))
        if q.sources and q.sources[0].sentence is not None
        else q
        for q in found
    )
    return AnalysedArticle(
        article=article,
        paragraphs=cleaned.paragraphs,
        sentences=sentences,
        topics=topics,
        quotes=found,
        removed=cleaned.removed,
    )


def article_key(article: Article) -> str:
    """Cache key of an article: its content and every piece of metadata the analysis keeps."""
    meta = repr(
        (
            article.id,
            article.path,
            article.title,
            article.source,
            article.url,
            article.published,
            article.author,
            article.reader,
            article.title_derived,
        )
    )
    return hashlib.sha256(meta.encode()).hexdigest()[:32]


def load_corpus(
    inputs: Sequence[str | Path],
    config: Config,
    *,
    workers: int = 1,
    progress: Progress | None = None,
    accept: Callable[[Article], bool] | None = None,
) -> Corpus:
    """Read and analyse every input; a bad article is skipped with its reason.

    ``accept`` filters articles before analysis (time windows, new-only runs). The same article
    (same content) given twice is analysed once.
    """
    started = time.perf_counter()
    paths = ingest.discover(inputs)
    articles: list[Article] = []
    skipped: list[tuple[str, str]] = []
    seen: set[str] = set()
    for i, (found, errors) in enumerate(run_ordered(ingest.read_path, paths, workers), start=1):
        skipped.extend((e.path, e.reason) for e in errors)
        for article in found:
            if article.id in seen:
                skipped.append((article.path, "duplicate of an article already read"))
            elif accept is None or accept(article):
                seen.add(article.id)
                articles.append(article)
        if progress:
            progress(i, len(paths))
    read_done = time.perf_counter()

    cache = AnalysisCache(Path(config.cache_dir) if config.cache_dir else None, config.analysis_hash)
    keys = [article_key(a) for a in articles]
    cached = [cache.get(k) for k in keys]
    todo = [a for a, c in zip(articles, cached, strict=True) if c is None]
    fresh = iter(run_ordered(_Analyser(config), todo, workers))
    analysed: list[AnalysedArticle] = []
    for key, hit in zip(keys, cached, strict=True):
        if hit is None:
            hit = next(fresh)
            cache.put(key, hit)
        analysed.append(hit)
    seconds = {"read": read_done - started, "analyse": time.perf_counter() - read_done}
    return Corpus(tuple(analysed), tuple(skipped), seconds)


class _Analyser:
    """A picklable callable for worker processes: analyses one article under one config."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.matcher = TopicMatcher.from_topics(config.topics)

    def __call__(self, article: Article) -> AnalysedArticle:
        return analyse_article(article, self.config, self.matcher)


def merged_quotes(corpus: Corpus, config: Config) -> tuple[Quote, ...]:
    """Every quote of the corpus, speakers made canonical and repeats merged across sources."""
    return quotes.merge([q for a in corpus.analysed for q in a.quotes], config.actors)


def make_briefing(
    corpus: Corpus, config: Config, *, when: date | None = None, summarizer: str | None = None
) -> Briefing:
    """Compose the Briefing from an analysed corpus."""
    if not corpus.analysed:
        raise NoArticlesError(_nothing_usable(corpus))
    return compose(
        corpus.analysed,
        merged_quotes(corpus, config),
        config,
        _summarizer(config, summarizer),
        when=when,
        skipped=corpus.skipped,
    )


def _summarizer(config: Config, name: str | None) -> Summarizer:
    """The summariser named (or the configured one); config parameters apply to the configured one."""
    name = name or config.summarizer.name
    return create(name, config.summarizer.params if name == config.summarizer.name else {})


def _nothing_usable(corpus: Corpus) -> str:
    if not corpus.skipped:
        return "no articles found in the inputs"
    reasons = "; ".join(f"{p}: {r}" for p, r in corpus.skipped[:5])
    more = f" (and {len(corpus.skipped) - 5} more)" if len(corpus.skipped) > 5 else ""
    return f"no usable article: every input was skipped — {reasons}{more}"


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
    *,
    formats: Sequence[str] | None = None,
    when: date | None = None,
    summarizer: str | None = None,
    force: bool = False,
    workers: int = 1,
    progress: Progress | None = None,
    since: str | None = None,
    new_only: bool = False,
    skip_unchanged: bool = False,
    wait: float = 0.0,
) -> BuildResult:
    """Read, analyse, compose and render a briefing into ``out_dir``; return what was written.

    One run at a time holds ``out_dir`` (others wait up to ``wait`` seconds, then ``LockError``).
    Every format is rendered in memory before anything is written; the files then appear
    atomically with a manifest beside them. A dated briefing that exists is only replaced with
    ``force``. ``since`` (``24h``, ``7d``, ``YYYY-MM-DD``) and ``new_only`` (articles no earlier
    manifest lists) choose the articles, and date the briefing today unless ``when`` is given;
    ``skip_unchanged`` stops before reading when inputs, configuration and options match the
    latest manifest. Each raises ``NothingNewError`` when nothing is left to brief.
    """
    started = time.perf_counter()
    formats = tuple(formats or config.output.formats)
    for name in formats:
        get_format(name)  # an unknown format fails before any input is read
    take = Selection(since=parse_since(since) if since else None)
    output_name(config.output.filename, when or date.today())  # a bad name fails before any reading
    # An output folder inside an input folder must not feed a briefing back in as an article.
    outside = out_dir.resolve()
    paths, refused = confine(
        inputs, [p for p in ingest.discover(inputs) if outside not in p.resolve().parents]
    )
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RenderError(f"cannot create output folder {out_dir}: {exc.strerror or exc}") from exc
    with RunLock(out_dir, wait):
        remove_stale(out_dir)
        earlier = manifest.read_manifests(out_dir)
        options = {
            "formats": list(formats),
            "summarizer": summarizer,
            "date": when and when.isoformat(),
            "since": since,
            "new_only": new_only,
        }
        files = [manifest.file_entry(p, ingest.MAX_BYTES) for p in paths]
        identity = manifest.fingerprint(config.hash, options, files)
        if skip_unchanged and manifest.unchanged(earlier[-1] if earlier else None, identity, out_dir):
            raise NothingNewError(
                f"inputs and configuration unchanged since {earlier[-1]['briefing']}; nothing written"
            )
        if new_only:
            take.known_ids = frozenset(manifest.briefed_ids(earlier))
        corpus = load_corpus(
            paths, config, workers=workers, progress=progress, accept=take if take.active else None
        )
        corpus = dataclasses.replace(corpus, skipped=(*refused, *corpus.skipped))
        for path, reason in corpus.skipped:
            logger.warning("skipped %s: %s", path, reason)
        if not corpus.analysed and take.rejected:
            reasons = ", ".join(f"{n} {r}" for r, n in take.rejected.items())
            raise NothingNewError(f"no new article to brief ({reasons}); nothing written")
        composed = time.perf_counter()
        # A briefing of what is new is dated the day it is made: dated by its newest article, a
        # quiet night would give it the name of yesterday's briefing.
        dated = when or (date.today() if since or new_only else None)
        briefing = make_briefing(corpus, config, when=dated, summarizer=summarizer)
        stem = output_name(config.output.filename, briefing.date)
        manifest_file = manifest.manifest_path(out_dir, stem)
        if not force:  # before rendering, the slow part: an earlier briefing is kept
            refuse_existing(
                [manifest_file, *(out_dir / f"{stem}.{get_format(f).extension}" for f in formats)]
            )
        rendered_at = time.perf_counter()
        files_out = {get_format(f).extension: data for f, data in render_all(briefing, formats).items()}
        written_at = time.perf_counter()
        seconds = {**corpus.seconds, "compose": rendered_at - composed, "render": written_at - rendered_at}
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
        )
        written = write_outputs(
            out_dir,
            stem,
            files_out,
            force=force,
            latest=config.output.latest,
            extras={manifest_file.name: manifest.encode(record)},
        )
    done = time.perf_counter()
    seconds.update(write=done - written_at, total=done - started)
    return BuildResult(
        briefing,
        tuple(p for p in written if p != manifest_file),
        corpus,
        seconds,
        manifest_file,
        dict(take.rejected),
    )


def digest(
    paths: Sequence[str | Path],
    *,
    words: int,
    summarizer: str | None = None,
    config: Config | None = None,
    workers: int = 1,
) -> tuple[KeySentence, ...]:
    """A generic multi-document summary (no topics) of at most ``words`` words.

    Sentences come back in reading order: by source, then by position in the article.
    """
    config = config or load_config()
    corpus = load_corpus(paths, config, workers=workers)
    if not corpus.analysed:
        raise NoArticlesError(_nothing_usable(corpus))
    source_of = {s.id: s.n for s in number_sources(corpus.analysed)}
    pool = Pool.build(corpus.analysed, source_of)
    picks = _summarizer(config, summarizer).select(pool.sentences, words=words)
    chosen = [pool.sentences[p.position] for p in picks]
    chosen.sort(key=lambda s: (source_of[s.article_id], s.index))
    return tuple(
        KeySentence(text=display_text(s.text), sentences=(s.key,), sources=(source_of[s.article_id],))
        for s in chosen
    )


__all__ = [
    "BuildResult",
    "Corpus",
    "analyse_article",
    "build",
    "digest",
    "eligible",
    "load_corpus",
    "make_briefing",
    "merged_quotes",
]
