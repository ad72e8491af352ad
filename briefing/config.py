"""Configuration: validated once, at load, into frozen objects.

The packaged defaults (``briefing/data/defaults.yaml``) are read first, then the user's file on
top: mappings merge key by key, lists (topics, actors, formats) replace the default list whole.
Every problem is a ``ConfigError`` naming the file, the key path and the line.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from . import safeyaml
from .errors import BriefingError, ConfigError
from .models import Actor
from .patterns import backtracking_risk

FORMATS = ("md", "html", "pdf", "json")
_FILENAME_FIELDS = re.compile(r"\{(\w*)\}")


@dataclass(frozen=True, slots=True)
class Topic:
    """One briefing topic: what to match and how much to select.

    A topic is described by ``keywords`` (words and phrases to match), by a ``description`` (a
    question or statement in plain words), or by both; selection uses both as its query.
    """

    name: str
    heading: str
    keywords: tuple[str, ...]
    sentences: int = 4
    quotes: int = 3
    description: str = ""

    @property
    def query(self) -> tuple[str, ...]:
        """What the summariser is asked about: the description (if any), then the keywords."""
        return ((self.description,) if self.description else ()) + self.keywords


@dataclass(frozen=True, slots=True)
class SummarizerConfig:
    """Which summariser to use, and its parameters."""

    name: str
    params: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True, slots=True)
class OutputConfig:
    """Formats and the file-name pattern of outputs (``{date}`` is the briefing date)."""

    formats: tuple[str, ...]
    filename: str = "briefing-{date}"
    latest: bool = True


@dataclass(frozen=True, slots=True)
class FeedSource:
    """One feed ``briefing collect`` reads: its URL, the outlet its articles are credited to
    (default: the feed's own title) and, optionally, the topics an item must match to be kept."""

    url: str
    outlet: str | None = None
    topics: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CollectConfig:
    """How ``briefing collect`` fetches: the hosts allowed beyond the public internet, politeness
    and the limits every request is held to."""

    allow_hosts: tuple[str, ...] = ()
    # These are policy, not tuned on data. One request at a time per host, this many seconds
    # apart (a longer robots.txt Crawl-delay wins): the common crawler courtesy of one a second.
    delay: float = 1.0
    # Requests in flight at once across all hosts: a handful, so a run of a few dozen feeds ends
    # in minutes without loading the 2-core machine it shares with the build.
    concurrency: int = 4
    # Seconds to connect and between two reads, and for a whole request (headers and body): a
    # server silent for 15 s is down; a minute is ample for the largest allowed body.
    timeout: float = 15.0
    deadline: float = 60.0
    # The largest body read, on the wire and decompressed: half the 20 MiB an input file may have
    # (ingest.MAX_BYTES); an article page is far smaller (the test fixtures: about 2 KB).
    max_bytes: int = 10 * 1024 * 1024
    # Redirects followed: 5, as most HTTP clients default to (a chain longer is a loop or a trap).
    redirects: int = 5


@dataclass(frozen=True, slots=True)
class EngineConfig:
    """Where the per-article analysis runs: ``scheduler`` a Dask scheduler address or ``local``."""

    scheduler: str | None = None


@dataclass(frozen=True, slots=True)
class Config:
    """The whole, validated configuration."""

    title: str
    marking: str
    topics: tuple[Topic, ...]
    summarizer: SummarizerConfig
    output: OutputConfig
    key_points: int = 5
    extra_boilerplate: tuple[str, ...] = ()
    actors: tuple[Actor, ...] = ()
    cache_dir: str | None = None
    sources: tuple[str, ...] = ()  # the files this configuration was read from
    feeds: tuple[FeedSource, ...] = ()  # what ``briefing collect`` reads (not part of ``hash``)
    collect: CollectConfig = field(default_factory=lambda: CollectConfig())
    engine: EngineConfig = field(default_factory=EngineConfig)  # where, not what: not in the hash

    @property
    def hash(self) -> str:
        """A stable hash of everything that changes the output (for caches and manifests)."""
        data = json.dumps(_plain(self), sort_keys=True, default=str)
        return hashlib.sha256(data.encode()).hexdigest()[:16]

    @property
    def analysis_hash(self) -> str:
        """A hash of only what per-article analysis depends on (topics, boilerplate patterns,
        actors): changing the title, summariser or formats keeps the analysis cache valid."""
        data = json.dumps(_plain((self.topics, self.extra_boilerplate, self.actors)), sort_keys=True)
        return hashlib.sha256(data.encode()).hexdigest()[:16]


# Fields that do not change a briefing: where the configuration came from, where it runs, and
# what ``collect`` fetches (a briefing depends on the articles, not on how they arrived).
_NOT_HASHED = frozenset({"sources", "feeds", "collect", "engine"})


def _plain(value: Any) -> Any:
    if hasattr(value, "__dataclass_fields__"):
        return {k: _plain(getattr(value, k)) for k in value.__dataclass_fields__ if k not in _NOT_HASHED}
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


# --- schema -------------------------------------------------------------------------------
# Each key maps to a checker; nested mappings are dicts of their own keys.
_TOP_KEYS = {
    "title",
    "marking",
    "topics",
    "summarizer",
    "output",
    "key_points",
    "clean",
    "actors",
    "cache",
    "feeds",
    "collect",
    "engine",  # where the per-article analysis runs (engine: {scheduler: ...})
}
_TOPIC_KEYS = {"name", "heading", "keywords", "description", "sentences", "quotes"}
_SUMMARIZER_KEYS = {"name", "params"}
_OUTPUT_KEYS = {"formats", "filename", "latest"}
_CLEAN_KEYS = {"extra_patterns"}
_ACTOR_KEYS = {"name", "aliases", "role", "affiliation"}
_CACHE_KEYS = {"dir"}
_ENGINE_KEYS = {"scheduler"}


class _Loc:
    """Line numbers of every key path in one YAML file."""

    def __init__(self, path: str, lines: dict[tuple[Any, ...], int]) -> None:
        self.path = path
        self.lines = lines

    def error(self, key: tuple[Any, ...], message: str) -> ConfigError:
        line = None
        for n in range(len(key), -1, -1):  # the nearest known enclosing key
            if key[:n] in self.lines:
                line = self.lines[key[:n]]
                break
        return ConfigError(message, path=self.path, key=_key_str(key) or None, line=line)


def _key_str(key: tuple[Any, ...]) -> str:
    out = ""
    for part in key:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _line_map(node: yaml.Node, prefix: tuple[Any, ...], lines: dict[tuple[Any, ...], int]) -> None:
    lines.setdefault(prefix, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = (*prefix, key_node.value)
            lines[key] = key_node.start_mark.line + 1
            _line_map(value_node, key, lines)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _line_map(item, (*prefix, i), lines)


# Longest configuration file accepted: real ones are a few KB (the packaged defaults 6 KB); the
# bound keeps a mistaken --config (a log, a dump) from being parsed for minutes.
MAX_CONFIG_CHARS = 1_000_000


def _read_yaml(text: str, path: str) -> tuple[dict[str, Any], _Loc]:
    try:
        data, node = safeyaml.load_with_node(text, max_chars=MAX_CONFIG_CHARS)
    except safeyaml.YAMLLimitError as exc:
        plain = exc.message.startswith(("invalid", "too long"))
        message = exc.message if plain else f"invalid YAML: {exc.message}"
        raise ConfigError(message, path=path, key=exc.key or None, line=exc.line) from None
    lines: dict[tuple[Any, ...], int] = {}
    if node is not None:
        _line_map(node, (), lines)
    loc = _Loc(path, lines)
    if data is None:
        return {}, loc
    if not isinstance(data, dict):
        raise loc.error((), f"the file must be a mapping of keys, got {_type(data)}")
    return data, loc


def _type(value: Any) -> str:
    return {
        dict: "a mapping",
        list: "a list",
        str: "a string",
        int: "a number",
        float: "a number",
        bool: "true/false",
        type(None): "nothing",
    }.get(type(value), type(value).__name__)


def _check_keys(value: Any, allowed: set[str], key: tuple[Any, ...], loc: _Loc) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise loc.error(key, f"expected a mapping, got {_type(value)}")
    for k in value:
        if k not in allowed:
            raise loc.error((*key, k), f"unknown key (expected one of: {', '.join(sorted(allowed))})")
    return value


def _str(value: Any, key: tuple[Any, ...], loc: _Loc, *, empty: bool = False) -> str:
    if not isinstance(value, str):
        raise loc.error(key, f"expected a string, got {_type(value)}")
    if not empty and not value.strip():
        raise loc.error(key, "must not be empty")
    return value.strip()


def _int(value: Any, key: tuple[Any, ...], loc: _Loc, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise loc.error(key, f"expected a whole number, got {_type(value)}")
    if not low <= value <= high:
        raise loc.error(key, f"must be between {low} and {high}, got {value}")
    return value


def _str_list(value: Any, key: tuple[Any, ...], loc: _Loc, *, nonempty: bool = False) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise loc.error(key, f"expected a list, got {_type(value)}")
    if nonempty and not value:
        raise loc.error(key, "must not be empty")
    return tuple(_str(v, (*key, i), loc) for i, v in enumerate(value))


def _topic(value: Any, key: tuple[Any, ...], loc: _Loc) -> Topic:
    value = _check_keys(value, _TOPIC_KEYS, key, loc)
    if "name" not in value:
        raise loc.error(key, "a topic needs 'name'")
    if "keywords" not in value and "description" not in value:
        raise loc.error(key, "a topic needs 'keywords' or 'description' (either or both)")
    name = _str(value["name"], (*key, "name"), loc)
    description = ""
    if value.get("description") is not None:
        description = " ".join(_str(value["description"], (*key, "description"), loc).split())
    # Keywords may be left out (or empty) only when a description says what the topic is about.
    keywords = _str_list(value.get("keywords", []), (*key, "keywords"), loc)
    if not keywords and not description:
        raise loc.error((*key, "keywords"), "must not be empty (or give the topic a 'description')")
    return Topic(
        name=name,
        heading=_str(value.get("heading", name), (*key, "heading"), loc),
        keywords=keywords,
        sentences=_int(value.get("sentences", 4), (*key, "sentences"), loc, 1, 50),
        quotes=_int(value.get("quotes", 3), (*key, "quotes"), loc, 0, 50),
        description=description,
    )


def _actor(value: Any, key: tuple[Any, ...], loc: _Loc) -> Actor:
    value = _check_keys(value, _ACTOR_KEYS, key, loc)
    if "name" not in value:
        raise loc.error(key, "an actor needs 'name'")
    opt = {k: _str(value[k], (*key, k), loc) for k in ("role", "affiliation") if value.get(k) is not None}
    return Actor(
        name=_str(value["name"], (*key, "name"), loc),
        aliases=_str_list(value.get("aliases", []), (*key, "aliases"), loc),
        **opt,
    )


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for k, v in over.items():
        out[k] = _merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def _validate(
    data: dict[str, Any], locs: dict[str, _Loc], owner: dict[str, str], sources: tuple[str, ...]
) -> Config:
    def loc_of(top: str) -> _Loc:
        return locs[owner.get(top, next(iter(locs)))]

    for k in data:
        if k not in _TOP_KEYS:
            raise loc_of(k).error((k,), f"unknown key (expected one of: {', '.join(sorted(_TOP_KEYS))})")

    topics_value = data.get("topics")
    if not isinstance(topics_value, list) or not topics_value:
        raise loc_of("topics").error(("topics",), "expected a non-empty list of topics")
    topics = tuple(_topic(t, ("topics", i), loc_of("topics")) for i, t in enumerate(topics_value))
    seen: set[str] = set()
    for i, topic in enumerate(topics):
        if topic.name in seen:
            raise loc_of("topics").error(("topics", i, "name"), f"duplicate topic name {topic.name!r}")
        seen.add(topic.name)

    summ = _check_keys(data.get("summarizer", {}), _SUMMARIZER_KEYS, ("summarizer",), loc_of("summarizer"))
    params = summ.get("params", {}) or {}
    if not isinstance(params, dict):
        raise loc_of("summarizer").error(("summarizer", "params"), f"expected a mapping, got {_type(params)}")
    from . import summarizers
    from .collect.settings import collect_settings, feed_list  # (they use this module's checkers)

    name = _str(summ.get("name", "lexrank"), ("summarizer", "name"), loc_of("summarizer"))
    if name not in summarizers.available():
        raise loc_of("summarizer").error(
            ("summarizer", "name"),
            f"unknown summarizer {name!r} (expected one of: {', '.join(summarizers.available())})",
        )
    if params:  # parameters are checked here, at load, not when the run reaches selection
        try:
            summarizers.create(name, dict(params))
        except (BriefingError, ValueError, TypeError) as exc:
            key = ("summarizer", "params")
            bad = next((k for k in params if repr(k) in str(exc) or str(k) in str(exc)), None)
            raise loc_of("summarizer").error((*key, bad) if bad is not None else key, str(exc)) from None

    out = _check_keys(data.get("output", {}), _OUTPUT_KEYS, ("output",), loc_of("output"))
    formats = _str_list(
        out.get("formats", ["md", "pdf", "json"]), ("output", "formats"), loc_of("output"), nonempty=True
    )
    for i, f in enumerate(formats):
        if f not in FORMATS:
            raise loc_of("output").error(
                ("output", "formats", i), f"unknown format {f!r} (expected one of: {', '.join(FORMATS)})"
            )
    filename = _str(out.get("filename", "briefing-{date}"), ("output", "filename"), loc_of("output"))
    bad = [f for f in _FILENAME_FIELDS.findall(filename) if f != "date"]
    if bad or "/" in filename or "\\" in filename or filename.startswith("."):
        raise loc_of("output").error(
            ("output", "filename"), "a plain file name that may use {date} only (no folders)"
        )
    latest = out.get("latest", True)
    if not isinstance(latest, bool):
        raise loc_of("output").error(("output", "latest"), f"expected true/false, got {_type(latest)}")

    clean = _check_keys(data.get("clean", {}) or {}, _CLEAN_KEYS, ("clean",), loc_of("clean"))
    patterns = _str_list(clean.get("extra_patterns", []), ("clean", "extra_patterns"), loc_of("clean"))
    for i, pattern in enumerate(patterns):
        try:
            re.compile(pattern)
        except re.error as exc:
            raise loc_of("clean").error(("clean", "extra_patterns", i), f"invalid pattern: {exc}") from None
        except (RecursionError, OverflowError, MemoryError):
            raise loc_of("clean").error(("clean", "extra_patterns", i), "pattern too complex") from None
        risk = backtracking_risk(pattern)
        if risk:
            raise loc_of("clean").error(
                ("clean", "extra_patterns", i),
                f"refused: {risk} can take time exponential in a paragraph's length; rewrite it "
                "without that shape ('a+' for '(a+)+', '(?:a|b)' with distinct starts)",
            )

    actors_value = data.get("actors", []) or []
    if not isinstance(actors_value, list):
        raise loc_of("actors").error(("actors",), f"expected a list, got {_type(actors_value)}")
    actors = tuple(_actor(a, ("actors", i), loc_of("actors")) for i, a in enumerate(actors_value))

    cache = _check_keys(data.get("cache", {}) or {}, _CACHE_KEYS, ("cache",), loc_of("cache"))
    cache_dir = cache.get("dir")
    if cache_dir is not None:
        cache_dir = _str(cache_dir, ("cache", "dir"), loc_of("cache"))

    engine = _check_keys(data.get("engine", {}) or {}, _ENGINE_KEYS, ("engine",), loc_of("engine"))
    scheduler = engine.get("scheduler")
    if scheduler is not None:
        scheduler = _str(scheduler, ("engine", "scheduler"), loc_of("engine"))

    return Config(
        title=_str(data.get("title", "Briefing"), ("title",), loc_of("title")),
        marking=_str(data.get("marking", "TLP:CLEAR"), ("marking",), loc_of("marking"), empty=True),
        topics=topics,
        summarizer=SummarizerConfig(name, MappingProxyType(dict(params))),
        output=OutputConfig(formats=formats, filename=filename, latest=latest),
        key_points=_int(data.get("key_points", 5), ("key_points",), loc_of("key_points"), 0, 30),
        extra_boilerplate=patterns,
        actors=actors,
        cache_dir=cache_dir,
        sources=sources,
        feeds=feed_list(data.get("feeds", []), ("feeds",), loc_of("feeds"), {t.name for t in topics}),
        collect=collect_settings(data.get("collect", {}), ("collect",), loc_of("collect")),
        engine=EngineConfig(scheduler=scheduler),
    )


def _read_text(path: Path, name: str) -> str:
    """The configuration file's text; ``ConfigError`` naming the file (and the line of an
    undecodable byte) for a missing, unreadable, special, oversized or non-UTF-8 file."""
    try:
        # O_NONBLOCK: a FIFO given as --config must not block the run before it starts.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise ConfigError("file not found", path=name) from None
    except OSError as exc:
        raise ConfigError(f"cannot read: {exc.strerror or exc}", path=name) from None
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
            raise ConfigError("not a regular file", path=name)
        try:
            data = fh.read(4 * MAX_CONFIG_CHARS + 1)
        except OSError as exc:
            raise ConfigError(f"cannot read: {exc.strerror or exc}", path=name) from None
    if len(data) > 4 * MAX_CONFIG_CHARS:
        raise ConfigError(f"too large (more than {4 * MAX_CONFIG_CHARS} bytes)", path=name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - data.rfind(b"\n", 0, exc.start)
        raise ConfigError(
            f"not UTF-8: byte 0x{data[exc.start]:02x} at column {column}", path=name, line=line
        ) from None


def defaults_text() -> str:
    """The packaged default configuration, as YAML text."""
    return resources.files("briefing.data").joinpath("defaults.yaml").read_text(encoding="utf-8")


def load_config(path: str | Path | None = None) -> Config:
    """Load the packaged defaults, then ``path`` (if given) on top, and validate the result."""
    default_name = "<packaged defaults>/defaults.yaml"
    data, loc = _read_yaml(defaults_text(), default_name)
    locs = {default_name: loc}
    owner = dict.fromkeys(data, default_name)
    sources = [default_name]
    if path is not None:
        name = str(path)
        text = _read_text(Path(path), name)
        user, user_loc = _read_yaml(text, name)
        locs[name] = user_loc
        owner.update(dict.fromkeys(user, name))
        # Validate the user's own top-level keys against their file before merging, so an
        # unknown key is reported where it was written.
        for k in user:
            if k not in _TOP_KEYS:
                raise user_loc.error((k,), f"unknown key (expected one of: {', '.join(sorted(_TOP_KEYS))})")
        data = _merge(data, user)
        sources.append(name)
    return _validate(data, locs, owner, tuple(sources))
