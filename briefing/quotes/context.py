"""The per-article context attribution works in: quote stretches, mentions, people and cues of
one article, computed once (``ArticleContext``), and the ``Speaker`` record it resolves to."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..models import Actor, Article, Paragraph, Sentence
from .detect import find
from .gender import is_first_name
from .lexicon import (
    AMBIGUOUS_CUES,
    CUE_PHRASES,
    CUE_WORDS,
    FOREIGN_CUES,
    MANNER_CUES,
    STUDY_NOUNS,
    SUBJECT_PRONOUNS,
    head_noun,
)
from .people import People
from .speakers import Mention, mentions
from .words import CAPITAL_CUES, _Tok, tokens


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who said it, as resolved: canonical-in-article name, role, and how we know."""

    name: str
    role: str | None
    affiliation: str | None
    mention: str
    kind: str  # the mention kind it came from ("person", "organisation", …)
    gender: str | None = None  # "m" | "f" when the article shows it
    # The words the attribution rests on ("he", "the mayor", "Blinken"): a span of Article.text.
    span: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class _Cue:
    start: int
    end: int
    text: str


class _Article:
    """Everything attribution needs about one article, computed once."""

    def __init__(
        self,
        article: Article,
        paragraphs: Sequence[Paragraph],
        sentences: Sequence[Sentence],
        actors: Sequence[Actor],
    ) -> None:
        self.text = article.text
        self.title = article.title
        self.names_text = article.text  # where an acronym's full name is looked for (acronyms.py)
        self.narrator = _narrator(article)  # who "I" outside quotation marks is
        # where the title line ends when the text opens with it (a .txt file's first line), else 0
        self.title_end = len(article.title) if article.title and article.text.startswith(article.title) else 0
        self.paragraphs = list(paragraphs)
        self.sentences = sorted(sentences, key=lambda s: s.start)
        self.starts = [s.start for s in self.sentences]
        self.found = find(self.text, paragraphs)
        masks = [(f.open_at, f.close_at) for f in self.found]
        regions = [(p.start, p.end) for p in paragraphs]
        toks = tokens(self.text, masks, regions)
        self.mentions = mentions(self.text, masks, regions, toks)
        self.people = People(self.mentions, actors, [p.start for p in paragraphs], self.text, article.title)
        self.cues = _cues(self.text, masks, regions, toks)
        self._index()
        self.speaking = self._speaking_names()
        self.named_inside = self._named_inside()
        self.speakers: dict[int, Speaker] = {}  # Found index -> resolved speaker

    def _named_inside(self) -> set[str]:
        """Lone capitalised words that stand capitalised inside a sentence somewhere: a name, not
        a common word capitalised because it opens its sentence ("Carson took the stage")."""
        out = set()
        for m in self.mentions:
            if m.kind == "name":
                k = m.start - 1
                while k >= 0 and self.text[k] in " \t":
                    k -= 1
                if k >= 0 and (self.text[k].isalnum() or self.text[k] in ",;"):
                    out.add(m.name)
        return out

    def _speaking_names(self) -> set[str]:
        """Lone capitalised words that stand as the subject of a verb of saying somewhere."""
        cue_starts = {c.start for c in self.cues}
        cue_ends = {c.end for c in self.cues}
        return {
            m.name
            for m in self.mentions
            if m.kind == "name"
            and (
                any(m.end + d in cue_starts for d in range(3))
                or any(m.start - d in cue_ends for d in range(3))
            )
        }

    def sentence(self, pos: int) -> Sentence | None:
        k = bisect.bisect_right(self.starts, pos) - 1
        if k >= 0 and pos < self.sentences[k].end:
            return self.sentences[k]
        if k + 1 < len(self.sentences):
            return self.sentences[k + 1]
        return self.sentences[k] if k >= 0 else None

    def sentence_bounds(self, pos: int) -> tuple[int, int]:
        s = self.sentence(pos)
        return (s.start, s.end) if s is not None else (0, len(self.text))

    def in_range(self, start: int, end: int) -> list[Mention]:
        """The mentions inside [start, end), in text order (by bisection: never a full scan)."""
        out = []
        for k in range(bisect.bisect_left(self._mention_starts, start), len(self.mentions)):
            m = self.mentions[k]
            if m.start >= end:
                break
            if m.end <= end:
                out.append(m)
        return out

    def cues_in(self, start: int, end: int) -> list[_Cue]:
        """The cues starting inside [start, end), in text order."""
        lo = bisect.bisect_left(self._cue_starts, start)
        hi = bisect.bisect_left(self._cue_starts, end, lo)
        return self.cues[lo:hi]

    def found_in(self, start: int, end: int) -> list[int]:
        """Indices of the quoted stretches opening inside [start, end)."""
        lo = bisect.bisect_left(self._found_opens, start)
        return list(range(lo, bisect.bisect_left(self._found_opens, end, lo)))

    def paragraph_at(self, pos: int) -> Paragraph | None:
        """The paragraph holding ``pos`` (its end included), or None."""
        k = bisect.bisect_right(self._paragraph_starts, pos) - 1
        while k >= 0 and k < len(self.paragraphs):
            p = self.paragraphs[k]
            if p.start <= pos <= p.end:
                return p
            break
        return None

    def paragraph_of(self, index: int) -> Paragraph | None:
        """The kept paragraph whose ``Paragraph.index`` is ``index``."""
        k = self._paragraph_pos.get(index)
        return self.paragraphs[k] if k is not None else None

    def paragraph_position(self, paragraph: Paragraph) -> int:
        """Where ``paragraph`` stands among the kept paragraphs."""
        return self._paragraph_pos[paragraph.index]

    def sentence_position(self, sentence: Sentence) -> int:
        """Where ``sentence`` stands among the sentences (sorted by start)."""
        return self._sentence_pos[sentence.index]

    def earlier(self, pos: int, key: tuple[str, str | None]) -> list[Mention]:
        """Mentions of one kind and class (("role", role class), ("description", head noun))
        ending at or before ``pos``, in text order."""
        group = self._grouped.get(key, [])
        ends = self._grouped_ends.get(key, [])
        return group[: bisect.bisect_right(ends, pos)]

    def _index(self) -> None:
        """The sorted keys every lookup above bisects, built once per article."""
        self.mentions.sort(key=lambda m: m.start)
        self._mention_starts = [m.start for m in self.mentions]
        self._cue_starts = [c.start for c in self.cues]
        self._found_opens = [f.open_at for f in self.found]
        self._paragraph_starts = [p.start for p in self.paragraphs]
        self._paragraph_pos = {p.index: k for k, p in enumerate(self.paragraphs)}
        self._sentence_pos = {s.index: k for k, s in enumerate(self.sentences)}
        self._grouped: dict[tuple[str, str | None], list[Mention]] = {}
        for m in sorted(self.mentions, key=lambda m: m.end):
            if m.kind == "role":
                self._grouped.setdefault(("role", m.role_class), []).append(m)
            elif m.kind == "description":
                self._grouped.setdefault(("description", head_noun(m.name)), []).append(m)
        self._grouped_ends = {k: [m.end for m in v] for k, v in self._grouped.items()}


def _narrator(article: Article) -> str:
    """The article's first person: its byline, else its author named by the article's title (one
    article's "I" is not another's)."""
    if article.author:
        return article.author
    # An opinion piece ends on its author's line ("Cindy Lind is a retired executive in
    # Tucson."); a column's title may open with its author ("Ann Lind: And Then There Was One").
    # (one of its last lines: a "Related:" link or a share line may follow it)
    for last in [line for line in article.text.rstrip().splitlines() if line.strip()][-3:][::-1]:
        bio = _AUTHOR_LINE.match(last) if len(last) < 300 else None
        if bio is not None:
            return bio.group(1)
    named = _TITLE_AUTHOR.match(article.title)
    if named is not None and is_first_name(named.group(1).split()[0]):
        return named.group(1)
    words = article.title.split()
    title = " ".join(words[:8]) + ("…" if len(words) > 8 else "")
    return f"the author of “{title.rstrip('.')}”" if title else "the author"


_NAME = r"([A-Z][\w’'-]+(?: [A-Z]\.)?(?: [A-Z][\w’'-]+){1,2})"
_AUTHOR_LINE = re.compile(_NAME + r",? (?:is|was|writes|lives|teaches|serves|served|has been) ")
_TITLE_AUTHOR = re.compile(_NAME + r": ")


def _cues(
    text: str, masks: list[tuple[int, int]], regions: list[tuple[int, int]], toks: list[_Tok] | None = None
) -> list[_Cue]:
    """Verbs of saying and "according to"-style phrases outside quotes, in text order."""
    out = []
    toks = toks if toks is not None else tokens(text, masks, regions)
    for k, tok in enumerate(toks):
        if (
            tok.text in CUE_WORDS
            or (tok.text in AMBIGUOUS_CUES and _verb_here(text, toks, k))
            or tok.text in CAPITAL_CUES
            or (tok.text in ("read", "reads") and _document_reads(text, toks, k))
            or (tok.text in ("found", "finds") and _study_finds(toks, k))
            or (tok.text in TAG_ONLY_CUES and _speech_tag(text, toks, k))
            or (tok.text == "so" and _after_quote(text, tok) and _SO_NAME.match(text, tok.end) is not None)
        ):
            if _noun_use(text, toks, k) or _NO_SPEECH_AFTER.match(text, tok.end):
                continue
            if tok.text in MANNER_CUES and not _MANNER_END.match(text, tok.end):
                continue  # "Audience members laughed when he urged voters, “…”": no speech tag
            out.append(_Cue(tok.start, tok.end, tok.text))
    for start, end in regions:
        for m in CUE_PHRASES.finditer(text, start, end):
            if not any(a <= m.start() < b for a, b in masks):
                out = [c for c in out if not m.start() <= c.start < m.end()]
                out.append(_Cue(m.start(), m.end(), re.sub(r"\s+", " ", m.group())))
    return sorted(out, key=lambda c: c.start)


# What may follow a manner verb that tags speech: its sentence's end, soon ("she laughed.",
# "smiled:", "protested from the sofa.", "paused for a long moment.").
_MANNER_END = re.compile(r"(?:[ \t]+[\w’'-]+){0,4}[ \t]*(?:[.:;!]|$)|[ \t]*[,”\"’]")


# Idioms in which a verb of saying reports no speech: "feel free to “vote your conscience”", and
# its passive before an infinitive ("a writer believed to have links with …", "said to be close"),
# and a verb whose "to" takes the quoted words as what it answers ("officers had responded to
# “violent groups”": the groups, not words of the officers; "vowed to “fight”" is a vow).
_NO_SPEECH_AFTER = re.compile(
    r"\s+(?:free|obliged|to\s+(?:be|have)\b)\b"
    r"|(?:(?<=responded)|(?<=reacted)|(?<=responds)|(?<=reacts))\s+to\s+(?:the\s+|a\s+|an\s+)?[“\"‘«]"
)
# Words before which a verb form of saying is a noun or an adjective ("the remarks", "his
# repeated calls", "Trump’s comments").
_NOUN_BEFORE = frozenset("the a an his her their its our my your this these those".split())
_POSSESSIVE_BEFORE = re.compile(r"\w(?:['’]s|s['’])\s+$")


def _noun_use(text: str, toks: list[_Tok], k: int) -> bool:
    """Is the verb form at ``toks[k]`` used as a noun or an adjective here: after a determiner or
    a possessive, with nothing between ("Lind’s remarks", "her repeated calls")?"""
    if _POSSESSIVE_BEFORE.search(text, max(0, toks[k].start - 4), toks[k].start):
        return True
    if k == 0 or toks[k - 1].brk:
        return False
    if toks[k].text == "revealed" and toks[k - 1].text.lower() in _BE:
        return True  # "when terrorists are revealed as …": shown, not said
    return (
        toks[k - 1].text.lower() in _NOUN_BEFORE
        and not toks[k].text.endswith("ing")
        and toks[k].text not in FOREIGN_CUES  # "a déclaré": the French perfect, no article
    )


_BE = frozenset("is are was were be been being".split())


# Texts an issuer speaks through, whose words "read": "the statement read", "“…,” read an
# Astana Team statement". A banner or a sign is no one's statement ("“…,” read a banner held by
# protesters" stays unattributed).
_DOCUMENTS = frozenset(
    """statement statements letter note message post tweet description notice release communique
communiqué memo editorial email e-mail""".split()
)
# A quotation that ends right before the word: "“…,” comments Lind", "“…,” read the banner".
# (Russian and Ukrainian copy sets a dash after the comma: "„…“, — specified the diplomat")
_AFTER_QUOTE = re.compile(r"[,!?…—–][”\"’»“]\s+$|[”\"’»“],(?:\s+[—–])?\s+$")


# Translated German's "«…», so Oertel." ("so" for "according to"): a name alone, then the sentence ends.
_SO_NAME = re.compile(r"[ \t]+[A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+){0,2}[ \t]*[.;]")


def _after_quote(text: str, tok: _Tok) -> bool:
    """Does a closed quotation end right before ``tok`` ("“…,” comments Lind")?"""
    return _AFTER_QUOTE.search(text, max(0, tok.start - 6), tok.start) is not None


# Verbs that tag speech only right after a quotation, in a short clause that ends the sentence:
# a court's "“…,” she held.", translated copy's "“…”, evaluated the professor." (Portuguese
# "avaliou"), "considered the minister" ("considerou"), "highlighted" ("destacou"). Elsewhere
# they report no speech ("she held the baby", "the professor evaluated the data").
# Spanish and French calques too: "sustained" ("sostuvo"), "specified" ("precisó", "a précisé"),
# "manifested" ("manifestó"), "detailed" ("detalló"), "valued" ("valoró"), "qualified"
# ("calificó"), "launched" ("lanzó", "a lancé"), "hammered" ("a martelé"); Chinese copy's
# "introduced" ("介绍") and "calculated" ("算").
# A reporter's follow-up too: "“…?” the reporter persisted.", "“Does he stay —” a reporter began."
TAG_ONLY_CUES = frozenset(
    """held evaluated assessed considered highlighted ruled pondered completed began persisted pressed
ventured offered interrupted sustained specified manifested detailed valued qualified launched
hammered introduced calculated""".split()
)
# Of those, these report speech before "that" too ("The statement specified that the mediation
# «will continue»", "the court held that"); "began that", "offered that" do not.
_THAT_CUES = frozenset("held considered highlighted ruled sustained specified manifested detailed".split())
# An inverted subject, then an apposition: " the host, Carla Ruiz", " Yang Jianhua, deputy director".
_INVERTED_APPOSED = re.compile(r"(?:[ \t]+[\w’'-]+){1,4},[ \t]+\w")


def _speech_tag(text: str, toks: list[_Tok], k: int) -> bool:
    """Is ``toks[k]`` a verb tagging the quotation that ends right before it or before its
    one-word subject ("“…,” she held.", "“…”, evaluated the professor.")?"""
    if _after_quote(text, toks[k]) and _INVERTED_APPOSED.match(text, toks[k].end):
        return True  # "“…,” specified the host, Carla Ruiz."
    if toks[k].text in _THAT_CUES and text.startswith(" that ", toks[k].end):
        return True  # "The statement specified that …", "the court held that …"
    if not _MANNER_END.match(text, toks[k].end):
        return False
    if _after_quote(text, toks[k]):
        return True  # inverted: the subject follows
    if k > 0 and not toks[k - 1].brk and _after_quote(text, toks[k - 1]):
        return toks[k - 1].text.lower() in ("he", "she", "they") or toks[k - 1].text[:1].isupper()
    # "“…?” the reporter persisted", "a reporter began": a determiner and a noun or two
    return any(
        j >= 0
        and toks[j].text.lower() in ("a", "an", "the", "another", "one")
        and _after_quote(text, toks[j])
        and not any(t.brk for t in toks[j : k - 1])
        for j in (k - 2, k - 3)
    )


def _document_reads(text: str, toks: list[_Tok], k: int) -> bool:
    """Is "read(s)" a verb of saying here: a text as its subject, before it ("the statement read",
    "the description on the website reads") or after a quotation ("“…,” read a statement")?"""
    before = [t.text.lower() for t in toks[max(0, k - 4) : k] if not t.brk]
    if (
        before
        and before[-1] not in ("to", "i", "you", "we", "they", "can", "could", "will", "would")
        and any(w in _DOCUMENTS for w in before)
    ):
        return True
    if _after_quote(text, toks[k]):
        return any(t.text.lower() in _DOCUMENTS for t in toks[k + 1 : k + 5])
    return False


def _study_finds(toks: list[_Tok], k: int) -> bool:
    """Is "found"/"finds" a verb of saying here: a study, report or inquiry as its subject, a
    few words before it ("Two inquiries into the seizure … have found that")?"""
    before = [t.text.lower() for t in toks[max(0, k - 16) : k]]
    return (
        bool(before)
        and before[-1] not in ("be", "been", "was", "were", "is", "are")
        and any(w in STUDY_NOUNS for w in before)
    )


def _verb_here(text: str, toks: list[_Tok], k: int) -> bool:
    """Is a word that is as often a noun ("notes", "reports", "posts") a verb of saying here: after
    a subject pronoun or "who" ("he notes"), or after a name and before a colon, comma or "that"
    ("Trump posts: …", "the Journal notes that …"), or right after a quotation ("“…,” comments
    Lind")?"""
    if _after_quote(text, toks[k]):
        return bool(re.match(r"\s+(?:[A-Z]|(?:the|an?)\s)", text[toks[k].end : toks[k].end + 5]))
    if k == 0 or toks[k - 1].brk:
        return False
    before = toks[k - 1].text
    if before.lower() in SUBJECT_PRONOUNS or before.lower() == "who":
        return True
    if before.lower() in _DOCUMENTS or before.lower() in STUDY_NOUNS:
        return True  # "the judgment states", "the report notes"
    after = text[toks[k].end : toks[k].end + 6]
    return before[:1].isupper() and bool(re.match(r"\s*(?:[,:.“\"‘]|that\b)", after))
