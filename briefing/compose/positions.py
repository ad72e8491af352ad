"""Positions of the parties: per topic, what each party says, grouped by party.

A speaker's party is the configured actor's ``affiliation``; else the quote's own affiliation;
else the country their role names ("Russian Foreign Minister" → Russia, "US Secretary of State"
→ United States); else the country an organisation's name names ("Russian Foreign Ministry" →
Russia, "Kremlin" → Russia); else an organisation speaks for itself ("NATO"). A person with no
role and no affiliation has no known party and is left out of the positions (never guessed).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from ..models import Actor, Position, Quote, SentenceKey, Statement
from ..quotes.countries import country_of
from ..quotes.lexicon import CUE_WORDS, ORG_HEADS, PERSON_NOUNS
from ..summarise import DUPLICATE_COSINE, Pool, display_text, self_contained_quote

# Display names of the country codes of ``quotes.lexicon`` (the parties a briefing names).
PARTY_NAMES = {
    "US": "United States",
    "RU": "Russia",
    "UA": "Ukraine",
    "GB": "United Kingdom",
    "FR": "France",
    "DE": "Germany",
    "CN": "China",
    "BY": "Belarus",
    "PL": "Poland",
    "LV": "Latvia",
    "LT": "Lithuania",
    "EE": "Estonia",
    "FI": "Finland",
    "SE": "Sweden",
    "IT": "Italy",
    "ES": "Spain",
    "TR": "Turkey",
    "JP": "Japan",
    "IN": "India",
    "IL": "Israel",
    "IR": "Iran",
    "EU": "European Union",
    "GE": "Georgia",
    "NO": "Norway",
    "DK": "Denmark",
    "NL": "Netherlands",
    "BE": "Belgium",
    "AT": "Austria",
    "CH": "Switzerland",
    "CA": "Canada",
    "KR": "Korea",
}
# Parties a topic shows (the topic's ``quotes`` setting caps statements per party): the two sides
# and two others, so a page stays readable; chosen, not fitted (the seeds name five parties).
MAX_PARTIES = 4
_WORD = re.compile(r"[^\W\d_]+(?:[.'’\-][^\W\d_]+)*\.?")
_WORD_OR_COMMA = re.compile(_WORD.pattern + "|,")


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def party_of(
    speaker: str, role: str | None, affiliation: str | None, actors: Sequence[Actor] = ()
) -> str | None:
    """The party ``speaker`` speaks for, or None when it cannot be told (never a guess)."""
    if speaker == "unattributed":
        return None
    for actor in actors:
        if actor.affiliation and (speaker == actor.name or speaker in actor.aliases):
            return actor.affiliation
    if affiliation:
        return affiliation
    code = country_of(_words(role)) if role else None
    words = _words(speaker)
    if code is None:
        code = country_of(words)
    if code is not None:
        return PARTY_NAMES.get(code, code)
    if words and words[-1].lower() in PERSON_NOUNS:
        return None  # "an alliance official": a person the text leaves unplaced, not the body itself
    if any(w.lower().strip(".") in ORG_HEADS for w in words):
        return speaker  # an organisation speaks for itself
    return None


@dataclass(frozen=True, slots=True)
class Speaker:
    """A known speaker: how the text names them, and their party."""

    name: str
    party: str
    mentions: tuple[str, ...]  # lower-case word sequences that name them ("lavrov", "sergei lavrov")


def speakers(quotes: Sequence[Quote], actors: Sequence[Actor] = ()) -> list[Speaker]:
    """Every speaker of ``quotes`` with a known party, with the words that mention them."""
    out: dict[str, Speaker] = {}
    for q in quotes:
        if q.speaker in out:
            continue
        party = party_of(q.speaker, q.role, q.affiliation, actors)
        if party is None:
            continue
        words = [w.lower() for w in _words(q.speaker)]
        if len(words) < 2:
            continue  # "Moscow", "Kremlin": a place word anywhere in a sentence is no attribution
        mentions = {" ".join(words)}
        person = not any(w.strip(".") in ORG_HEADS for w in words)
        if person and len(words) >= 2 and len(words[-1]) > 3 and q.speaker[0].isupper():
            mentions.add(words[-1])  # a person's surname ("Lavrov")
        out[q.speaker] = Speaker(q.speaker, party, tuple(sorted(mentions, key=len, reverse=True)))
    return list(out.values())


def reported_speaker(text: str, known: Sequence[Speaker] | MentionIndex) -> Speaker | None:
    """The known speaker a sentence reports ("Blinken called on Russia to …"), or None.

    The verb of saying is the first one that is not an infinitive ("… met Lavrov to warn
    Russia" reports no statement of Lavrov's). The speaker is the one named right before it
    ("Lavrov demanded"), else the first one named before it, the sentence's subject as a rule
    ("Blinken, sitting next to Lavrov, repeated …").
    """
    index = known if isinstance(known, MentionIndex) else MentionIndex.of(known)
    # Commas are kept as tokens: "Doorn, repeated" is not "Doorn repeated".
    words = [w.lower().strip(".") for w in _WORD_OR_COMMA.findall(display_text(text))]
    cue = next((i for i, w in enumerate(words) if w in CUE_WORDS and (i == 0 or words[i - 1] != "to")), None)
    if cue is None:
        return None
    found: list[tuple[int, int, Speaker]] = []  # (start, end, speaker) of each mention before the cue
    for i in range(cue):
        for parts, sp in index.by_first.get(words[i], ()):
            if i + len(parts) <= cue and tuple(words[i : i + len(parts)]) == parts:
                found.append((i, i + len(parts), sp))
    if not found:
        return None
    adjacent = [f for f in found if f[1] == cue]
    return (adjacent or found)[0][2]


@dataclass(frozen=True, slots=True)
class MentionIndex:
    """Known speakers' mentions by first word, longest first, for one pass over a sentence."""

    by_first: dict[str, list[tuple[tuple[str, ...], Speaker]]]

    @classmethod
    def of(cls, known: Sequence[Speaker]) -> MentionIndex:
        """Index the mentions of ``known``."""
        by_first: dict[str, list[tuple[tuple[str, ...], Speaker]]] = {}
        for sp in known:
            for mention in sp.mentions:
                parts = tuple(p.strip(".") for p in mention.split())
                by_first.setdefault(parts[0], []).append((parts, sp))
        for items in by_first.values():
            items.sort(key=lambda item: -len(item[0]))
        return cls(by_first)


def reported_statements(
    pool: Pool, known: Sequence[Speaker]
) -> dict[int, tuple[str, Speaker, float, Sequence[int]]]:
    """Every pool sentence that reports what a known speaker said: position → (party, speaker,
    how widely it was reported, the positions of every sentence reporting the same speaker), a
    ranking; the exact sources of a statement that is shown are found by ``reported_statement``."""
    index = MentionIndex.of(known)
    speaking: dict[int, Speaker] = {}
    for pos, sentence in enumerate(pool.sentences):
        sp = reported_speaker(sentence.text, index)
        if sp is not None:
            speaking[pos] = sp
    if not speaking:
        return {}
    # How widely a statement was reported: the articles reporting the same speaker in a sentence
    # at DUPLICATE_COSINE or more (same speaker only: one product per speaker, not all pairs).
    article_of = np.array([hash(s.article_id) for s in pool.sentences])
    by_speaker: dict[str, list[int]] = {}
    for pos, sp in speaking.items():
        by_speaker.setdefault(sp.name, []).append(pos)
    out: dict[int, tuple[str, Speaker, float, Sequence[int]]] = {}
    for rows in by_speaker.values():
        sims = sparse.csr_matrix(pool.matrix[rows] @ pool.matrix[rows].T)
        for row, pos in enumerate(rows):
            lo, hi = sims.indptr[row], sims.indptr[row + 1]
            near = np.asarray(rows)[sims.indices[lo:hi][sims.data[lo:hi] >= DUPLICATE_COSINE]]
            out[pos] = (speaking[pos].party, speaking[pos], float(len(np.unique(article_of[near]))), rows)
    return out


def reported_statement(
    pool: Pool,
    pos: int,
    speaker: Speaker,
    reports: Sequence[int],
    source_of: Mapping[str, int],
    earlier: Collection[str] | None,
) -> Statement:
    """The statement pool sentence ``pos`` reports, citing every source that reported the same
    (among ``reports``, the sentences that report the same speaker)."""
    sentence = pool.sentences[pos]
    sims = (pool.matrix[pos] @ pool.matrix[list(reports)].T).toarray().ravel()
    same = [
        reports[i]
        for i in (int(k) for k in np.flatnonzero(sims >= DUPLICATE_COSINE))
        if reports[i] != pos and pool.same_statement(pos, reports[i], float(sims[i]))
    ]
    articles = {pool.sentences[j].article_id for j in same} | {sentence.article_id}
    first = source_of[sentence.article_id]
    cited = (first, *sorted({source_of[a] for a in articles} - {first}))
    keys = (sentence.key, *(pool.sentences[j].key for j in same))
    new = earlier is not None and not (articles & set(earlier))
    return Statement(display_text(sentence.text), speaker.name, "reported", cited, keys, new)


Candidate = Statement | Callable[[], Statement]  # a quote, or a reported statement made when shown


def candidates(
    topic: str,
    pool: Pool,
    positions: Sequence[int],
    quotes: Sequence[Quote],
    known: Sequence[Speaker],
    reported: Mapping[int, tuple[str, Speaker, float, Sequence[int]]],
    source_of: Mapping[str, int],
    earlier: Collection[str] | None = None,
) -> dict[str, list[tuple[frozenset[SentenceKey], Candidate]]]:
    """What each party says on ``topic``: full self-contained quotes by known speakers, and the
    topic's sentences among ``reported`` (``reported_statements``); per party, the most widely
    reported first. Each comes with the sentence keys it stands in."""
    party_of_speaker = {sp.name: sp.party for sp in known}
    by_party: dict[str, list[tuple[float, int, frozenset[SentenceKey], Candidate]]] = {}
    for order, q in enumerate(quotes):
        party = party_of_speaker.get(q.speaker)
        if party is None or q.kind != "full" or topic not in q.topics or not self_contained_quote(q.text):
            continue
        keys = tuple((s.article_id, s.sentence) for s in q.sources if s.sentence is not None)
        cited = tuple(sorted({source_of[s.article_id] for s in q.sources if s.article_id in source_of}))
        new = earlier is not None and not ({s.article_id for s in q.sources} & set(earlier))
        st = Statement(q.text, q.speaker, "quote", cited, keys, new)
        by_party.setdefault(party, []).append((len(cited), order, frozenset(keys), st))
    for order, pos in enumerate(positions, start=len(quotes)):
        if pos in reported:
            party, sp, weight, reports = reported[pos]

            def make(pos: int = pos, sp: Speaker = sp, reports: Sequence[int] = reports) -> Statement:
                return reported_statement(pool, pos, sp, reports, source_of, earlier)

            by_party.setdefault(party, []).append((weight, order, frozenset({pool.sentences[pos].key}), make))
    return {
        party: [(keys, c) for _, _, keys, c in sorted(items, key=lambda t: (-t[0], t[1]))]
        for party, items in by_party.items()
    }


def allocate(
    per_topic: Sequence[tuple[str, dict[str, list[tuple[frozenset[SentenceKey], Candidate]]]]],
    per_party: Mapping[str, int],
    shown: set[SentenceKey],
    shown_quotes: set[tuple[str, str]],
) -> dict[str, list[Position]]:
    """Share the statements out among the topics, each shown once: in rounds, every topic gets
    one more statement per party, so an early topic cannot take all of a party's words and leave
    a later one with a single side. Parties are ordered by how many statements they have on
    the topic (then by name); a topic shows at most ``MAX_PARTIES``."""
    chosen: dict[tuple[str, str], list[Statement]] = {}
    order: dict[str, list[str]] = {}
    for topic, parties in per_topic:
        order[topic] = sorted(parties, key=lambda p: (-len(parties[p]), p))[:MAX_PARTIES]
    for round_ in range(max(per_party.values(), default=0)):
        for topic, parties in per_topic:
            if round_ >= per_party.get(topic, 0):
                continue
            for party in order[topic]:
                for keys, candidate in parties[party]:
                    if keys & shown:
                        continue
                    st = candidate if isinstance(candidate, Statement) else candidate()
                    if (st.kind == "quote" and (st.speaker, st.text) in shown_quotes) or set(st.keys) & shown:
                        continue
                    chosen.setdefault((topic, party), []).append(st)
                    shown.update(st.keys)
                    if st.kind == "quote":
                        shown_quotes.add((st.speaker, st.text))
                    break
    return {
        topic: [Position(p, topic, tuple(chosen[(topic, p)])) for p in order[topic] if (topic, p) in chosen]
        for topic, _ in per_topic
    }
