"""Render: one ``Briefing`` → Markdown (Jinja2), HTML (Python-Markdown), PDF (WeasyPrint), JSON.

Article text is untrusted data. In Markdown every value is escaped by the template environment
itself (``finalize``), so a template cannot forget to; Python-Markdown runs with raw HTML
switched off; the HTML page template autoescapes; WeasyPrint gets a URL fetcher that serves the
packaged assets and nothing else, so no input can make it read a local file or the network.
Output formats sit behind one small protocol and a name → renderer registry.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from importlib import resources
from typing import Any, Protocol

from jinja2 import Environment, StrictUndefined
from markupsafe import Markup

from .errors import RenderError, UsageError
from .jsonmodel import briefing_dict, briefing_spans
from .models import Article, Briefing, Quote, Source
from .summarise import self_contained_quote

ASSET_SCHEME = "asset:"


# --- escaping ----------------------------------------------------------------------------------
# Characters that start Markdown syntax anywhere in a line. Python-Markdown honours a backslash
# escape only for the characters in its ESCAPED_CHARS; "<", "|" and "~" are added to that list in
# ``Rendered.html`` so every escape written here also renders as the bare character. But "<" is
# written "&lt;": a stock renderer that allows raw HTML (Python-Markdown's default) would keep
# "\<img …>" a live tag and "\<http://…>" a link, while an entity is text in every renderer.
_MD_INLINE = re.compile(r"([\\`*_\[\]|~])")
# Constructs that only count at the start of a line (headings, quotes, list items).
_MD_LINE_START = re.compile(r"^(\s*)(?:([#>+\-])|(\d+)([.)]))")
_ENTITY = re.compile(r"&(?=#?\w+;)")


def md_escape(text: str, *, line_start: bool = True) -> str:
    """Escape ``text`` so Markdown shows it literally: no emphasis, links, images, code or HTML.

    With ``line_start`` (the default) the constructs that only count at the start of a line
    (headings, quotes, list markers) are escaped too, for values that may open a line.
    """
    text = " ".join(str(text).split())  # one line: a value never starts a new block
    text = _ENTITY.sub("&amp;", text).replace("<", "&lt;")
    text = _MD_INLINE.sub(r"\\\1", text)
    text = text.replace("![", "!\\[")
    if not line_start:
        return text
    return _MD_LINE_START.sub(
        lambda m: m.group(1) + (f"\\{m.group(2)}" if m.group(2) else f"{m.group(3)}\\{m.group(4)}"), text
    )


def _finalize_md(value: Any) -> Any:
    if isinstance(value, Markup):
        return str(value)
    if value is None:
        return ""
    return md_escape(str(value))


# --- template environment ------------------------------------------------------------------------
def _templates() -> Any:
    """The packaged templates folder (``templates/`` of a source checkout when not installed)."""
    try:
        return resources.files("briefing.templates")
    except ModuleNotFoundError:
        from pathlib import Path

        return Path(__file__).resolve().parent.parent / "templates"


def _read_template(name: str) -> str:
    try:
        return _templates().joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RenderError(f"packaged template missing: {name}") from None


def longdate(value: date) -> str:
    """2 December 2021."""
    return f"{value.day} {value:%B %Y}"


def shortdate(value: date) -> str:
    """2 Dec 2021 (for table columns)."""
    return f"{value.day} {value:%b %Y}"


def _shown(numbers: Iterable[int]) -> list[int]:
    return list(numbers)[:MAX_CITATIONS]


def _cite(numbers: Iterable[int]) -> Markup:
    """'[1, 4, 7]'; past ``MAX_CITATIONS`` sources, '[1, 4, 7, 9 +38 more]'."""
    numbers = list(numbers)
    shown = ", ".join(str(int(n)) for n in _shown(numbers))
    more = f" +{len(numbers) - MAX_CITATIONS} more" if len(numbers) > MAX_CITATIONS else ""
    return Markup(f"[{shown}{more}]")


def _source_line(s: Source) -> Markup:
    """'Title — Outlet, 2 March 2026. `path`' with every part escaped."""
    line = md_escape(s.title)
    if s.outlet:
        line += " — " + md_escape(s.outlet, line_start=False)
    if s.published:
        line += ", " + longdate(s.published)
    if line[-1:] not in ".!?…":
        line += "."
    where = md_escape(s.url, line_start=False) if s.url else "`" + s.path.replace("`", "'") + "`"
    return Markup(f"{line} {where}")


# A printed briefing stays readable whatever the corpus size: "Who said what" shows the most
# quoted speakers and their first statements, the source list the sources the page cites. The
# JSON output always carries everything. Sized so a 5–20 article day prints whole (the sample
# and the seeds stay far below every cap) while 1,000 articles still fit in a few pages.
MAX_SPEAKERS = 15
MAX_CITATIONS = 4  # source numbers printed after a line; the first names where the wording is from
MAX_QUOTES_PER_SPEAKER = 6
LIST_ALL_SOURCES_UP_TO = 40


@dataclass(frozen=True)
class SpeakerGroup:
    """One speaker's quotes as "Who said what" shows them."""

    speaker: str
    role: str | None
    affiliation: str | None
    quotes: tuple[Quote, ...]
    more: int  # quotes of this speaker left out of the page (they are in the JSON)


def by_speaker(quotes: Sequence[Quote]) -> tuple[list[SpeakerGroup], int]:
    """Group quotes by speaker for "Who said what"; return the groups shown and how many
    speakers were left out.

    The speakers quoted from the most sources are kept; they are listed alphabetically, with
    "unattributed" last. Within a group, full statements come first, then quoted phrases.
    """
    groups: dict[str, list[Quote]] = {}
    for q in quotes:
        groups.setdefault(q.speaker, []).append(q)
    weight = {s: sum(len(q.sources) for q in items) for s, items in groups.items()}
    kept = sorted(groups, key=lambda s: (-weight[s], s.lower()))[:MAX_SPEAKERS]
    out = []
    for speaker in sorted(kept, key=lambda s: (s == "unattributed", s.lower())):
        items = sorted(groups[speaker], key=lambda q: q.kind != "full")
        role = next((q.role for q in items if q.role), None)
        if role and role.lower() in speaker.lower():
            role = None
        affiliation = next((q.affiliation for q in items if q.affiliation), None)
        shown, repeats = _first_statements(items)
        out.append(SpeakerGroup(speaker, role, affiliation, shown, len(items) - len(shown) - repeats))
    return out, len(groups) - len(kept)


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"[^\W_]+(?:['’][^\W_]+)*", text.lower().replace("’", "'"))) + " "


def _first_statements(items: Sequence[Quote]) -> tuple[tuple[Quote, ...], int]:
    """Up to ``MAX_QUOTES_PER_SPEAKER`` of one speaker's quotes, in order, leaving out those
    whose words another of them holds (a headline's or a lede's "going nowhere" beside the
    statement "… and he's going nowhere"): a quote is shown once. Returns the quotes and how
    many were left out as repeats. Each candidate is checked against every quote of the group
    (linear per shown quote: a speaker may have thousands in a large corpus)."""
    words = [_words(q.text) for q in items]
    shown: list[Quote] = []
    repeats = 0
    for k, q in enumerate(items):
        if len(shown) >= MAX_QUOTES_PER_SPEAKER:
            break
        if any(len(w) > len(words[k]) and words[k] in w for w in words):
            repeats += 1
            continue
        shown.append(q)
    return tuple(shown), repeats


def shown_sources(b: Briefing, groups: Sequence[SpeakerGroup]) -> tuple[list[Source], int]:
    """The sources the printed briefing lists, and how many more were read.

    Up to ``LIST_ALL_SOURCES_UP_TO`` every source is listed; above that, the ones the page cites
    (``groups``: the speaker groups "Who said what" prints, from ``by_speaker``).
    """
    if len(b.sources) <= LIST_ALL_SOURCES_UP_TO:
        return list(b.sources), 0
    by_id = {s.id: s.n for s in b.sources}
    cited = {n for k in b.key_points for n in _shown(k.sources)}
    cited |= {n for e in b.timeline for n in _shown(e.sources)}
    cited |= {n for p in b.positions for st in p.statements for n in _shown(st.sources)}
    cited |= {n for t in b.topics for k in t.sentences for n in _shown(k.sources)}
    shown_quotes = [q for t in b.topics for q in t.quotes]
    shown_quotes += [q for g in groups for q in g.quotes]
    for q in shown_quotes:
        cited.update(_shown(sorted({by_id[s.article_id] for s in q.sources if s.article_id in by_id})))
    listed = [s for s in b.sources if s.n in cited]
    return listed, len(b.sources) - len(listed)


def _environment(b: Briefing) -> Environment:
    env = Environment(
        autoescape=False,
        finalize=_finalize_md,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=False,
        lstrip_blocks=False,
    )
    source_of = {s.id: s.n for s in b.sources}
    env.filters["longdate"] = longdate
    env.filters["cite"] = _cite
    env.filters["quote_cite"] = lambda q: _cite(
        sorted({source_of[s.article_id] for s in q.sources if s.article_id in source_of})
    )
    above = shown_quotes(b)
    # "Who said what" lists the attributed quotes not shown under a topic's positions: a quote is
    # shown once; a quote without a known speaker, a bare answer or a cut-off statement is never
    # shown (all stay in the JSON); quoted phrases are labelled as such.
    groups, left_out = by_speaker(
        [
            q
            for q in b.quotes
            if q.speaker != "unattributed"
            and (q.speaker, q.text) not in above
            and (q.kind == "partial" or self_contained_quote(q.text))
        ]
    )
    env.globals["who_said_what"] = (groups, left_out)
    env.globals["shown_above"] = bool(above)
    env.filters["shortdate"] = shortdate
    env.globals["listed_sources"] = shown_sources(b, groups)
    # For values that never open a line: spare them the line-start escapes ("0\\.1").
    env.filters["inline"] = lambda v: Markup(md_escape(str(v), line_start=False))
    env.filters["source_line"] = _source_line
    # Inside `code` spans only a backtick could break out; paths keep their characters.
    env.filters["code"] = lambda v: Markup(str(v).replace("`", "'"))
    return env


def shown_quotes(b: Briefing) -> set[tuple[str, str]]:
    """(speaker, text) of the quotes the topics' positions show."""
    return {(st.speaker, st.text) for p in b.positions for st in p.statements if st.kind == "quote"}


# --- the rendered briefing, computed lazily once per run -------------------------------------
@dataclass
class Rendered:
    """A briefing and its renderings, each computed at most once. ``articles``: the corpus's
    articles; given, the JSON's spans of ``.txt``/``.md`` inputs are file offsets (their files
    are read again, once, when the JSON is rendered)."""

    briefing: Briefing
    articles: Sequence[Article] = ()

    @cached_property
    def markdown(self) -> str:
        """The Markdown text of the briefing."""
        template = _environment(self.briefing).from_string(_read_template("briefing.md.j2"))
        text = template.render(b=self.briefing)
        return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"

    @cached_property
    def html(self) -> str:
        """A standalone HTML page (with the print stylesheet inline)."""
        import markdown

        md = markdown.Markdown(extensions=["sane_lists", "tables"], output_format="html")
        md.ESCAPED_CHARS = [*md.ESCAPED_CHARS, "<", "|", "~"]
        # No raw HTML from any source: both the block and the inline HTML handlers are removed,
        # so "<img …>" in an article can only ever be text.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        body = md.convert(self.markdown)
        env = Environment(autoescape=True, undefined=StrictUndefined)
        env.filters["longdate"] = longdate
        page = env.from_string(_read_template("briefing.html.j2"))
        return page.render(b=self.briefing, body=Markup(body), css=Markup(_read_template("briefing.css")))

    @cached_property
    def pdf(self) -> bytes:
        """The PDF, through WeasyPrint with a fetcher limited to packaged assets."""
        try:
            import weasyprint
        except (ImportError, OSError) as exc:  # OSError: Pango/fontconfig libraries missing
            raise RenderError(f"PDF output needs WeasyPrint and its system libraries: {exc}") from exc
        document = weasyprint.HTML(string=self.html, base_url=ASSET_SCHEME, url_fetcher=asset_fetcher)
        return bytes(document.write_pdf())

    @cached_property
    def json(self) -> str:
        """The Briefing model as JSON."""
        spans = briefing_spans(self.briefing, self.articles) if self.articles else None
        return json.dumps(briefing_dict(self.briefing, spans), ensure_ascii=False, indent=2) + "\n"


def asset_fetcher(url: str, timeout: int = 10, ssl_context: Any = None) -> dict[str, Any]:
    """Serve ``asset:`` URLs from the packaged templates folder; refuse every other URL."""
    if not url.startswith(ASSET_SCHEME):
        raise ValueError(f"blocked URL {url!r}: briefings load packaged assets only")
    name = url[len(ASSET_SCHEME) :].lstrip("/")
    if ".." in name.split("/"):
        raise ValueError(f"blocked URL {url!r}")
    data = _templates().joinpath(name).read_bytes()
    mime = "font/ttf" if name.endswith(".ttf") else "text/css" if name.endswith(".css") else None
    return {"string": data, "mime_type": mime, "redirected_url": url}


# --- output format registry --------------------------------------------------------------------
class OutputFormat(Protocol):
    """One output format: a name, a file extension, and how to turn a briefing into bytes."""

    @property
    def name(self) -> str:
        """The format's name on the command line ("md", "pdf")."""
        ...

    @property
    def extension(self) -> str:
        """The file extension, without the dot."""
        ...

    def render(self, rendered: Rendered) -> bytes:
        """The file's bytes."""
        ...


@dataclass(frozen=True)
class _Format:
    name: str
    extension: str
    produce: Callable[[Rendered], bytes]

    def render(self, rendered: Rendered) -> bytes:
        return self.produce(rendered)


FORMATS: dict[str, OutputFormat] = {
    "md": _Format("md", "md", lambda r: r.markdown.encode("utf-8")),
    "html": _Format("html", "html", lambda r: r.html.encode("utf-8")),
    "pdf": _Format("pdf", "pdf", lambda r: r.pdf),
    "json": _Format("json", "json", lambda r: r.json.encode("utf-8")),
}


def get_format(name: str) -> OutputFormat:
    """The registered output format called ``name``."""
    try:
        return FORMATS[name]
    except KeyError:
        raise UsageError(f"unknown format {name!r}; choose from: {', '.join(FORMATS)}") from None


def render_all(
    briefing: Briefing, formats: Sequence[str], articles: Sequence[Article] = ()
) -> dict[str, bytes]:
    """Render ``briefing`` in every format named, sharing intermediate results; ``articles`` (the
    corpus's) make the JSON's spans file offsets (see ``Rendered``)."""
    rendered = Rendered(briefing, articles)
    return {name: get_format(name).render(rendered) for name in formats}
