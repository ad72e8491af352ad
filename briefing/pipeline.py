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
import resource
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import clean as clean_stage
from . import ingest, quotes, segment
from .compose import compose, number_sources
from .config import Config, SummarizerConfig, load_config
from .errors import NoArticlesError
from .models import AnalysedArticle, Article, Briefing, KeySentence, Quote
from .run import executors
from .run.cache import AnalysisCache
from .run.workers import run_ordered
from .summarise import Pool, display_text, eligible
from .summarizers import Summarizer, create
from .topics import TopicMatcher, match_topics

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
    scheduler: str | None = None,
) -> Corpus:
    """Read and analyse every input; a bad article is skipped with its reason.

    ``accept`` filters articles before analysis (time windows, new-only runs). The same article
    (same content) given twice is analysed once. ``scheduler`` (a Dask scheduler address, or
    ``local``) sends the analysis to a Dask cluster; reading and the cache stay in this process.
    """
    started = time.perf_counter()
    started_cpu = _cpu()
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
    read_cpu = _cpu()

    cache = AnalysisCache(Path(config.cache_dir) if config.cache_dir else None, config.analysis_hash)
    keys = [article_key(a) for a in articles]
    cached = [cache.get(k) for k in keys]
    todo = [a for a, c in zip(articles, cached, strict=True) if c is None]
    executor = executors.for_options(executors.EngineOptions(workers=workers, scheduler=scheduler))
    analysed: list[AnalysedArticle] = []
    try:
        fresh = executor.map(_Analyser(config), todo) if todo else iter(())
        for article, key, hit in zip(articles, keys, cached, strict=True):
            if hit is None:
                hit = next(fresh)
                cache.put(key, hit)
            # Memory plan: the corpus keeps one copy of each article's text, the one read here;
            # the equal copy a worker process or the cache sent back is dropped at once.
            if hit.article is not article and hit.article == article:
                hit = dataclasses.replace(hit, article=article)
            analysed.append(hit)
        # Run the stream to its end, so the executor's workers finish and are reaped now (their
        # CPU time counts in "analyse_cpu") rather than whenever the stream is collected.
        if next(fresh, None) is not None:
            raise RuntimeError("the executor returned more results than articles")
    finally:
        executor.close()
    seconds = {
        "read": read_done - started,
        "analyse": time.perf_counter() - read_done,
        "read_cpu": read_cpu - started_cpu,
        "analyse_cpu": _cpu() - read_cpu,
    }
    return Corpus(tuple(analysed), tuple(skipped), seconds)


def _cpu() -> float:
    """CPU seconds of this process and of its finished worker processes (local workers only)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


class _Analyser:
    """A picklable callable for worker processes: analyses one article under one config."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.matcher = TopicMatcher.from_topics(config.topics)

    def __call__(self, article: Article) -> AnalysedArticle:
        return analyse_article(article, self.config, self.matcher)

    def __reduce__(self) -> tuple[object, ...]:
        # Pickled for Dask workers: a configuration's mapping proxies (summariser parameters,
        # which the analysis does not use) become plain dicts; the matcher is rebuilt there.
        summarizer = SummarizerConfig(self.config.summarizer.name, dict(self.config.summarizer.params))
        return (_Analyser, (dataclasses.replace(self.config, summarizer=summarizer),))


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
    "Corpus",
    "analyse_article",
    "digest",
    "eligible",
    "load_corpus",
    "make_briefing",
    "merged_quotes",
]
