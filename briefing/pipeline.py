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
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import clean as clean_stage
from . import ingest, quotes, segment
from .cache import AnalysisCache
from .compose import compose, number_sources
from .config import Config, load_config
from .errors import ArticleError, NoArticlesError
from .models import AnalysedArticle, Article, Briefing, KeySentence, Quote
from .outputs import output_name, write_outputs
from .render import get_format, render_all
from .summarise import Pool, display_text, eligible
from .summarizers import create
from .topics import TopicMatcher, match_topics
from .workers import run_ordered

Progress = Callable[[int, int], None]  # (done, total)


@dataclass(frozen=True, slots=True)
class Corpus:
    """The analysed articles of one run, and the inputs that were skipped (path, reason)."""

    analysed: tuple[AnalysedArticle, ...]
    skipped: tuple[tuple[str, str], ...] = ()
    seconds: dict[str, float] = field(default_factory=dict)


def analyse_article(article: Article, config: Config,
                    matcher: TopicMatcher | None = None) -> AnalysedArticle:
    """Run the per-article stages on one article."""
    cleaned = clean_stage.clean(article, extra_patterns=config.extra_boilerplate)
    sentences = segment.segment(cleaned.paragraphs)
    matcher = matcher or TopicMatcher.from_topics(config.topics)
    topics = match_topics(sentences, matcher)
    found = quotes.extract(article, cleaned.paragraphs, sentences, config.actors)
    by_index = {s.index: names for s, names in zip(sentences, topics, strict=True)}
    found = tuple(dataclasses.replace(q, topics=by_index.get(q.sources[0].sentence, ()))
                  if q.sources and q.sources[0].sentence is not None else q for q in found)
    return AnalysedArticle(article=article, paragraphs=cleaned.paragraphs, sentences=sentences,
                           topics=topics, quotes=found, removed=cleaned.removed)


def article_key(article: Article) -> str:
    """Cache key of an article: its content and every piece of metadata the analysis keeps."""
    meta = repr((article.id, article.path, article.title, article.source, article.url,
                 article.published, article.author, article.reader, article.title_derived))
    return hashlib.sha256(meta.encode()).hexdigest()[:32]


def _read(path: Path) -> tuple[list[Article], list[ArticleError]]:
    try:
        return ingest.read_path(path)
    except ArticleError as exc:  # readers report, but never let one file stop the run
        return [], [exc]


def load_corpus(inputs: Sequence[str | Path], config: Config, *, workers: int = 1,
                progress: Progress | None = None,
                accept: Callable[[Article], bool] | None = None) -> Corpus:
    """Read and analyse every input; a bad article is skipped with its reason.

    ``accept`` filters articles before analysis (time windows, new-only runs). The same article
    (same content) given twice is analysed once.
    """
    started = time.perf_counter()
    paths = ingest.discover(inputs)
    articles: list[Article] = []
    skipped: list[tuple[str, str]] = []
    seen: set[str] = set()
    for i, (found, errors) in enumerate(run_ordered(_read, paths, workers), start=1):
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

    cache = AnalysisCache(Path(config.cache_dir) if config.cache_dir else None, config.hash)
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


def make_briefing(corpus: Corpus, config: Config, *, when: date | None = None,
                  summarizer: str | None = None) -> Briefing:
    """Compose the Briefing from an analysed corpus."""
    if not corpus.analysed:
        raise NoArticlesError(_nothing_usable(corpus))
    name = summarizer or config.summarizer.name
    params = config.summarizer.params if name == config.summarizer.name else {}
    return compose(corpus.analysed, merged_quotes(corpus, config), config, create(name, params),
                   when=when, skipped=corpus.skipped)


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


def build(inputs: Sequence[str | Path], config: Config, out_dir: Path, *,
          formats: Sequence[str] | None = None, when: date | None = None,
          summarizer: str | None = None, force: bool = False, workers: int = 1,
          progress: Progress | None = None) -> BuildResult:
    """Read, analyse, compose and render a briefing into ``out_dir``; return what was written.

    Outputs appear atomically; a dated briefing that exists is only replaced with ``force``.
    """
    started = time.perf_counter()
    formats = tuple(formats or config.output.formats)
    for name in formats:
        get_format(name)  # an unknown format fails before any input is read
    corpus = load_corpus(inputs, config, workers=workers, progress=progress)
    composed = time.perf_counter()
    briefing = make_briefing(corpus, config, when=when, summarizer=summarizer)
    rendered_at = time.perf_counter()
    files = render_all(briefing, formats)
    stem = output_name(config.output.filename, briefing.date)
    written = write_outputs(out_dir, stem, {get_format(f).extension: files[f] for f in formats},
                            force=force, latest=config.output.latest)
    done = time.perf_counter()
    seconds = {**corpus.seconds, "compose": rendered_at - composed, "render": done - rendered_at,
               "total": done - started}
    return BuildResult(briefing, tuple(written), corpus, seconds)


def digest(paths: Sequence[str | Path], *, words: int, summarizer: str | None = None,
           config: Config | None = None, workers: int = 1) -> tuple[KeySentence, ...]:
    """A generic multi-document summary (no topics) of at most ``words`` words.

    Sentences come back in reading order: by source, then by position in the article.
    """
    config = config or load_config()
    corpus = load_corpus(paths, config, workers=workers)
    if not corpus.analysed:
        raise NoArticlesError(_nothing_usable(corpus))
    name = summarizer or config.summarizer.name
    params = config.summarizer.params if name == config.summarizer.name else {}
    sources = number_sources(corpus.analysed)
    pool = Pool.build(corpus.analysed, {s.id: s.n for s in sources})
    picks = create(name, params).select(pool.sentences, words=words)
    chosen = [pool.sentences[p.position] for p in picks]
    source_of = {s.id: s.n for s in sources}
    chosen.sort(key=lambda s: (source_of[s.article_id], s.index))
    return tuple(KeySentence(text=display_text(s.text), sentences=(s.key,),
                             sources=(source_of[s.article_id],)) for s in chosen)


__all__ = ["BuildResult", "Corpus", "analyse_article", "build", "digest", "eligible", "load_corpus",
           "make_briefing", "merged_quotes"]
