"""The pipeline, wired in one place: ingest → clean → segment → topics → summarise → quotes →
compose → render.

Per-article stages (read, clean, segment, topic match, quote extraction) run through
``analyse_article``, cached by content and configuration hash and spread over worker processes
for large inputs; the corpus-level stages (selection, quote merging, composition, rendering) run
once on the results.

Nothing one article does stops a run: reading and analysis of each article run under one guard
(``guarded_read``, ``_Analyser``) that turns any unexpected exception into a skip naming the file,
the step and the exception type, in worker processes too; and each article is analysed within a
budget (``MAX_ANALYSED_CHARS``, ``MAX_FIELD_CHARS``), the cut recorded in ``Corpus.truncated``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import resource
import time
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from . import clean as clean_stage
from . import ingest, quotes, segment
from .compose import compose, number_sources
from .config import Config, SummarizerConfig, load_config
from .errors import ArticleError, NoArticlesError
from .ingest.dates import date_sentences
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
    truncated: tuple[tuple[str, str], ...] = ()  # articles cut to MAX_ANALYSED_CHARS (path, reason)


def analyse_article(article: Article, config: Config, matcher: TopicMatcher | None = None) -> AnalysedArticle:
    """Run the per-article stages on one article."""
    cleaned = clean_stage.clean(article, extra_patterns=config.extra_boilerplate)
    sentences = date_sentences(segment.segment(cleaned.paragraphs), article)
    matcher = matcher or TopicMatcher.from_topics(config.topics)
    topics = match_topics(sentences, matcher)
    # The title's quotes first (text order: the title line stands above the body), then the body's.
    found = quotes.extract_all(article, cleaned.paragraphs, sentences, config.actors)
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


# Characters of one article that are analysed; the rest is left out with a reason. Per-article
# analysis is not linear in the worst case (quote attribution on quote-dense text), so a budget
# bounds it whatever the text. Calibrated on prefixes of the reproducers on this
# project's 2-core machine (analyse_article alone): the quote-dense ../shared/repro/quotes_quadratic
# takes 0.5 / 1.25 / 5.0 / 15.8 s for its first 50k / 100k / 200k / 400k characters, ordinary
# prose (the 19 MB big_article) 0.13 s for 100k. The longest real article we have is 33,672
# characters (PolNeAR train; MultiLing 2011 11,479; the seeds 6,714): 100,000 keeps three times
# that whole and bounds the worst text we know to about a second.
MAX_ANALYSED_CHARS = 100_000
# Longest title, source, author or url kept. Real titles run to 160 characters (see
# ingest.fields.TITLE_MAX_CHARS) and URLs rarely pass 300; a megabyte-long JSON "title" took 14 s
# to render into every format. 1,000 keeps every real value whole.
MAX_FIELD_CHARS = 1_000


@dataclass(frozen=True, slots=True)
class Reading:
    """The articles read from the inputs (deduplicated, filtered), the inputs skipped (path,
    reason) and the articles cut to the analysis budget (path, reason)."""

    articles: tuple[Article, ...]
    skipped: tuple[tuple[str, str], ...] = ()
    truncated: tuple[tuple[str, str], ...] = ()


def _failure(where: str, stage: str, exc: BaseException) -> ArticleError:
    """A skip for an unexpected exception: where, what failed, the exception's type and message."""
    logger.debug("%s: %s failed", where, stage, exc_info=exc)
    message = " ".join(str(exc).split())
    message = message[:200] + "…" if len(message) > 200 else message
    return ArticleError(where, f"{stage} failed: {type(exc).__name__}" + (f": {message}" if message else ""))


def truncate(article: Article, limit: int | None = None) -> tuple[Article, str | None]:
    """``article`` within the per-article budget, and the reason when something was cut (None
    when it fits): the text cut to at most ``limit`` characters (default ``MAX_ANALYSED_CHARS``;
    at a paragraph break, else a line break or space) with a new id for the text kept, and each
    metadata field (title, source, author, url) to ``MAX_FIELD_CHARS``."""
    limit = MAX_ANALYSED_CHARS if limit is None else limit
    reasons = []
    changes: dict[str, Any] = {}
    for name in ("title", "source", "author", "url"):
        value = getattr(article, name)
        if value is not None and len(value) > MAX_FIELD_CHARS:
            changes[name] = value[: MAX_FIELD_CHARS - 1].rstrip() + "…"
            reasons.append(f"{name} cut to {MAX_FIELD_CHARS} of {len(value)} characters")
    text = article.text
    if len(text) > limit:
        cut = max(text.rfind("\n\n", 0, limit), text.rfind("\n", 0, limit), text.rfind(" ", 0, limit))
        if cut < limit // 2:  # no break in the second half of the budget: cut mid-word
            cut = limit
        kept = text[:cut].rstrip()
        changes.update(text=kept, id=ingest.article_id(kept))
        reasons.insert(0, f"too long to analyse whole: first {len(kept)} of {len(text)} characters analysed")
    if not changes:
        return article, None
    return dataclasses.replace(article, **changes), "; ".join(reasons)


def guarded_read(path: Path) -> tuple[list[Article], list[ArticleError], list[tuple[str, str]]]:
    """Read one input file, never raising: its articles (each within the analysis budget), the
    errors of what could not be read, and the truncated articles (path, reason).

    ``ingest.read_path`` reports the bad inputs it knows; any other exception (a bug, a resource
    limit) becomes a skip naming the file, the failing step and the exception type, with the
    traceback at debug level. Runs in worker processes as well."""
    where = ingest.display_path(path)
    try:
        found, errors = ingest.read_path(path)
        kept: list[Article] = []
        truncated: list[tuple[str, str]] = []
        for article in found:
            article, reason = truncate(article)
            kept.append(article)
            if reason:
                truncated.append((article.path, reason))
        return kept, errors, truncated
    except Exception as exc:  # the per-article guard: one bad input never stops a run
        return [], [_failure(where, "reading", exc)], []


def read_articles(
    inputs: Sequence[str | Path],
    *,
    workers: int = 1,
    progress: Progress | None = None,
    accept: Callable[[Article], bool] | None = None,
) -> Reading:
    """Find and read every input under the per-article guard (``guarded_read``): what was read,
    what was skipped and why, what was truncated. The same article given twice is kept once;
    ``accept`` filters articles (time windows, new-only runs). Raises only ``UsageError`` for an
    input that does not exist."""
    paths = ingest.discover(inputs)
    articles: list[Article] = []
    skipped: list[tuple[str, str]] = []
    truncated: list[tuple[str, str]] = []
    seen: set[str] = set()
    for i, (found, errors, cut) in enumerate(run_ordered(guarded_read, paths, workers), start=1):
        skipped.extend((e.path, e.reason) for e in errors)
        truncated.extend(cut)
        for article in found:
            if article.id in seen:
                skipped.append((article.path, "duplicate of an article already read"))
            elif accept is None or accept(article):
                seen.add(article.id)
                articles.append(article)
        if progress:
            progress(i, len(paths))
    return Reading(tuple(articles), tuple(skipped), tuple(truncated))


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
    (same content) given twice is analysed once. Reading and analysis of each article run under
    one guard: an unexpected exception skips that article (file, step, exception type), never
    the run. ``scheduler`` (a Dask scheduler address, or ``local``) sends the analysis to a Dask
    cluster; reading and the cache stay in this process.
    """
    started = time.perf_counter()
    started_cpu = _cpu()
    reading = read_articles(inputs, workers=workers, progress=progress, accept=accept)
    articles = list(reading.articles)
    skipped = list(reading.skipped)
    read_done = time.perf_counter()
    read_cpu = _cpu()

    cache = AnalysisCache(Path(config.cache_dir) if config.cache_dir else None, config.analysis_hash)
    cache.sweep()
    keys = [article_key(a) for a in articles]
    cached = [cache.get(k) for k in keys]
    todo = [a for a, c in zip(articles, cached, strict=True) if c is None]
    executor = executors.for_options(executors.EngineOptions(workers=workers, scheduler=scheduler))
    analysed: list[AnalysedArticle] = []
    try:
        fresh = executor.map(_Analyser(config), todo) if todo else iter(())
        for article, key, hit in zip(articles, keys, cached, strict=True):
            if hit is None:
                result = next(fresh)
                if isinstance(result, ArticleError):
                    skipped.append((article.path, result.reason))
                    continue
                hit = result
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
    return Corpus(tuple(analysed), tuple(skipped), seconds, reading.truncated)


def _cpu() -> float:
    """CPU seconds of this process and of its finished worker processes (local workers only)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


class _Analyser:
    """A picklable callable for worker processes: analyses one article under one config, and
    turns an unexpected exception into the article's skip (the guard's analysis half)."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.matcher = TopicMatcher.from_topics(config.topics)

    def __call__(self, article: Article) -> AnalysedArticle | ArticleError:
        try:
            return analyse_article(article, self.config, self.matcher)
        except Exception as exc:  # the per-article guard: one bad article never stops a run
            return _failure(article.path, "analysis", exc)

    def __reduce__(self) -> tuple[object, ...]:
        # Pickled for Dask workers: a configuration's mapping proxies (summariser parameters,
        # which the analysis does not use) become plain dicts; the matcher is rebuilt there.
        summarizer = SummarizerConfig(self.config.summarizer.name, dict(self.config.summarizer.params))
        return (_Analyser, (dataclasses.replace(self.config, summarizer=summarizer),))


def merged_quotes(corpus: Corpus, config: Config) -> tuple[Quote, ...]:
    """Every quote of the corpus, speakers made canonical and repeats merged across sources."""
    return quotes.merge([q for a in corpus.analysed for q in a.quotes], config.actors)


def make_briefing(
    corpus: Corpus,
    config: Config,
    *,
    when: date | None = None,
    summarizer: str | None = None,
    known: Collection[str] | None = None,
    since: str | None = None,
) -> Briefing:
    """Compose the Briefing from an analysed corpus.

    ``known``: the article ids earlier briefings used (their manifests), and ``since`` the date
    of the latest of them: the briefing then marks what is new.
    """
    if not corpus.analysed:
        raise NoArticlesError(_nothing_usable(corpus))
    return compose(
        corpus.analysed,
        merged_quotes(corpus, config),
        config,
        _summarizer(config, summarizer),
        when=when,
        skipped=corpus.skipped,
        known=known,
        since=since,
    )


def report_skipped(corpus: Corpus) -> None:
    """Log every skipped input and truncated article of ``corpus`` as a warning, with its reason."""
    for path, reason in corpus.skipped:
        logger.warning("skipped %s: %s", path, reason)
    for path, reason in corpus.truncated:
        logger.warning("truncated %s: %s", path, reason)


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
    query: str | Sequence[str] = (),
) -> tuple[KeySentence, ...]:
    """A multi-document summary (no topics) of at most ``words`` words: generic, or focused on
    ``query`` (a question or statement in plain words, or keywords) when one is given.

    Sentences come back in reading order: by source, then by position in the article.
    """
    config = config or load_config()
    corpus = load_corpus(paths, config, workers=workers)
    report_skipped(corpus)
    if not corpus.analysed:
        raise NoArticlesError(_nothing_usable(corpus))
    source_of = {s.id: s.n for s in number_sources(corpus.analysed)}
    pool = Pool.build(corpus.analysed, source_of)
    asked = (query,) if isinstance(query, str) else tuple(query)  # one text, or several
    picks = _summarizer(config, summarizer).select(pool.sentences, words=words, query=asked)
    chosen = [pool.sentences[p.position] for p in picks]
    chosen.sort(key=lambda s: (source_of[s.article_id], s.index))
    return tuple(
        KeySentence(text=display_text(s.text), sentences=(s.key,), sources=(source_of[s.article_id],))
        for s in chosen
    )


__all__ = [
    "MAX_ANALYSED_CHARS",
    "MAX_FIELD_CHARS",
    "Corpus",
    "Reading",
    "analyse_article",
    "digest",
    "eligible",
    "guarded_read",
    "load_corpus",
    "make_briefing",
    "merged_quotes",
    "read_articles",
    "report_skipped",
    "truncate",
]
