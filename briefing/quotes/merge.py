"""Merge: one canonical name per speaker, one entry per quotation, across the whole briefing.

Speakers: config actors win (their name, role and affiliation); otherwise spelling variants of a
person's name ("Anthony"/"Antony Blinken", "Kuleban"/"Kuleba") become one, and a surname used
alone joins the one full name it belongs to. Quotations: the same words reported by several
articles (near-identical after normalising marks, case and spacing) become one Quote citing every
source. Order is deterministic: by first source (path, then position; headline quotes after
the body's, see ``_place``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import replace

import numpy as np
from rapidfuzz import fuzz, process

from ..models import Actor, Quote, QuoteSource
from .attribute import UNATTRIBUTED
from .gender import is_first_name
from .lexicon import HONORIFICS, ORG_HEADS, PLACE_WORDS, RANKS, unaccented

# Name similarity (rapidfuzz ratio, 0–100). Calibrated on transliteration and machine-translation
# variants: Kuleba/Kuleban 92, Antony/Anthony 92, Sergey/Sergei 83, while different people who
# share a surname differ in the first name (Joe/Hunter 22) and unrelated surnames stay far below
# (Lavrov/Lapin 36).
SURNAME_SIMILARITY = 85
FIRST_NAME_SIMILARITY = 75
# Quote texts this similar (ratio on normalised text) are the same quotation: the same words
# copied by two outlets differ only by marks, a typo or a dropped word (≥ 96 on the fixtures).
# Two translations of one statement are not the same words and must stay apart: on the seeds
# they score up to 90 ("deep concerns about Russia's plans to renew…" / "…for a renewed…").
QUOTE_SIMILARITY = 95


def _norm(text: str) -> str:
    text = re.sub(r"[’‘`´]", "'", text.lower())
    text = re.sub(r"[^\w\s']", " ", text)
    return " ".join(text.split())


# Generational suffixes ("Jr.", "III"): after the surname, no part of it ("John Roberts Jr." and
# "John Hinckley Jr." share no surname), but a different suffix is a different person.
_SUFFIXES = frozenset("jr sr ii iii iv".split())


def _tokens(name: str) -> list[str]:
    """The words of a name without titles before it ("Dr.", "Colonel") or a generational suffix
    after it: they are not the name."""
    words = unaccented(_norm(name).replace("'", "")).split()  # outlets differ in accents, a name does not
    while len(words) > 1 and (words[0] in HONORIFICS or words[0] in RANKS):
        words = words[1:]
    return words[:-1] if len(words) > 1 and words[-1] in _SUFFIXES else words


def _suffix(name: str) -> str | None:
    words = _norm(name).split()
    return words[-1] if len(words) > 1 and words[-1] in _SUFFIXES else None


def _person_like(name: str) -> bool:
    """A personal name: capitalised words only, no organisation head or place."""
    words = name.replace("(", "").replace(")", "").split()
    return (
        bool(words)
        and all(w[:1].isupper() for w in words)
        and not any(w.lower() in ORG_HEADS or w.lower() in PLACE_WORDS for w in words)
    )


def same_person(a: str, b: str) -> bool:
    """Are two full names spelling variants of one person's name?"""
    ta, tb = _tokens(a), _tokens(b)
    if len(ta) < 2 or len(tb) < 2 or not (_person_like(a) and _person_like(b)) or _suffix(a) != _suffix(b):
        return False
    if not _near_surnames(ta[-1], tb[-1]):
        return False
    fa, fb = ta[0], tb[0]
    if fa.startswith(fb) or fb.startswith(fa):
        return True
    # A first name spelt two ways only with the very surname: two people whose names are both
    # near ("Dean Baker", "Dan Backer" on PolNeAR train) are as often two people.
    return ta[-1] == tb[-1] and fuzz.ratio(fa, fb) >= FIRST_NAME_SIMILARITY


def _near_surnames(a: str, b: str) -> bool:
    """Spellings of one surname: letters changed inside or at the end (transliteration,
    "Lundqvist"/"Lundquist", "Kuleba"/"Kuleban"); letters put before a surname make another
    one ("Ross"/"Cross", "Costa"/"Acosta", "Ando"/"Pando" on PolNeAR train)."""
    if a == b:
        return True
    return fuzz.ratio(a, b) >= SURNAME_SIMILARITY and not (a.endswith(b) or b.endswith(a))


def _known_first(name: str) -> bool:
    words = name.split()
    return len(words) > 1 and is_first_name(words[0])


def _actor_for(name: str, actors: Sequence[Actor]) -> Actor | None:
    target = _tokens(name)
    for actor in actors:
        for form in (actor.name, *actor.aliases):
            tf = _tokens(form)
            if target == tf or same_person(name, form):
                return actor
            if (
                len(target) == 1
                and tf
                and fuzz.ratio(target[0], tf[-1]) >= SURNAME_SIMILARITY
                and _person_like(name)
            ):
                return actor
    return None


def _surname_keys(surname: str) -> tuple[str, ...]:
    """The blocking keys of a surname: its first and its last three letters. Two surnames at
    SURNAME_SIMILARITY (85) or more differ by at most 15% of their letters, so unless both
    ends are altered they share one of the keys (Kuleba/Kuleban: "kul"; Zelensky/Selensky: "sky")."""
    return ("<" + surname[:3], ">" + surname[-3:])


def _accents(name: str) -> int:
    """How many letters of ``name`` carry a mark ("é", "ø", "ñ")."""
    return sum(1 for ch in name if ch.isalpha() and not ch.isascii())


def _holds(name: str, cluster: Sequence[str]) -> int:
    """How many other names of ``cluster`` are ``name`` with words left out ("Shazia Solangi" of
    "Shazia Bibi Solangi"): its words in order, fewer of them, and not only initials ("Colin
    Powell" stays the name of "Colin L. Powell")."""
    words = _tokens(name)

    def within(other: list[str]) -> bool:
        rest = iter(words)
        extra = [w for w in words if w not in other]
        return all(w in rest for w in other) and any(len(w.strip(".")) > 1 for w in extra)

    return sum(within(_tokens(other)) for other in cluster if other != name)


def _canonical_of(cluster: Sequence[str], articles: dict[str, set[str]]) -> str:
    """The canonical form of one person's names (``articles``: the articles using each). Most
    outlets' spelling wins; then one whose first name the lexicon knows (a capitalised word
    before a name is not one: "Like Allen, their days begin …"); then the one that holds the
    others' words with more of its own ("Shazia Bibi Solangi", introduced in full, later
    "Shazia Solangi": the middle name is hers); then the one with its accents ("Hélène Vasseur":
    an outlet that drops them loses letters); then the shorter one (translation adds case
    endings and letters: "Kuleban" for "Kuleba"), then alphabetical order, so the choice is
    stable."""
    return min(
        cluster,
        key=lambda n: (-len(articles[n]), not _known_first(n), -_holds(n, cluster), -_accents(n), len(n), n),
    )


def canonical_names(quotes: Sequence[Quote], actors: Sequence[Actor] = ()) -> dict[str, str]:
    """Map every speaker name used in ``quotes`` to its canonical form."""
    articles: dict[str, set[str]] = {}
    for q in quotes:
        if q.speaker != UNATTRIBUTED:
            articles.setdefault(q.speaker, set()).update(s.article_id for s in q.sources)
    names = sorted(articles)
    out: dict[str, str] = {}
    for name in names:
        actor = _actor_for(name, actors)
        if actor is not None:
            out[name] = actor.name
    full = [n for n in names if n not in out and len(_tokens(n)) > 1]
    # Blocking: two names can only be variants of one person when their surnames are close
    # (SURNAME_SIMILARITY), and close surnames share their first or last three letters; each name
    # is compared only with the clusters that hold a name of the same block, never with all.
    clusters: list[list[str]] = []
    blocks: dict[str, list[int]] = {}  # surname key -> indices of the clusters holding one
    for name in full:
        keys = _surname_keys(_tokens(name)[-1])
        candidates = sorted({c for key in keys for c in blocks.get(key, ())})
        home = next((c for c in candidates if any(same_person(name, other) for other in clusters[c])), None)
        if home is None:
            home = len(clusters)
            clusters.append([name])
        else:
            clusters[home].append(name)
        for key in keys:
            if home not in blocks.setdefault(key, []):
                blocks[key].append(home)
    for cluster in clusters:
        best = _canonical_of(cluster, articles)
        for name in cluster:
            out[name] = best
    for name in names:
        if name in out or len(_tokens(name)) != 1 or not _person_like(name):
            continue
        word = _tokens(name)[0]
        near = {c for key in _surname_keys(word) for c in blocks.get(key, ())}
        # The very surname (accents aside), of a name, not a description ("a person close to the
        # Clintons"): with no first name to confirm it, a near one is as often another person's
        # (on PolNeAR train "Berman" joined "Michael Berkman", "Ferrera" "Eric Ferrero", "Pate"
        # "Faiza Patel", and no near one was right); a near one still makes it ambiguous, as a
        # second owner would.
        owners: set[tuple[bool, str]] = set()
        exact: set[str] = set()
        for c in near:
            for n in clusters[c]:
                if fuzz.ratio(word, _tokens(n)[-1]) >= SURNAME_SIMILARITY:
                    owners.add((_suffix(n) is not None, out[clusters[c][0]]))
                    if word == _tokens(n)[-1] and n[:1].isupper():
                        exact.add(out[clusters[c][0]])
        if any(o not in exact for _, o in owners):
            continue
        # A surname alone is the father's rather than the son's ("Trump": Donald Trump, not
        # Donald Trump Jr.), a suffixed name's only when no one else has it.
        plain = {o for suffixed, o in owners if not suffixed}
        owned = plain or {o for _, o in owners}
        if len(owned) == 1:
            out[name] = owned.pop()
    for name in names:
        out.setdefault(name, name)
    return out


def merge(quotes: Sequence[Quote], actors: Sequence[Actor] = ()) -> tuple[Quote, ...]:
    """Canonical speakers across the briefing, and one entry per quotation with all its sources."""
    names = canonical_names(quotes, actors)
    ordered = sorted(quotes, key=lambda q: min(_place(s) for s in q.sources))
    roles = _roles(ordered, names, actors)
    prepared: list[Quote] = []
    for q in ordered:
        speaker = names.get(q.speaker, q.speaker)
        role, affiliation = roles.get(speaker, (q.role, q.affiliation))
        if speaker == UNATTRIBUTED:
            role = affiliation = None
        if (speaker, role, affiliation) != (q.speaker, q.role, q.affiliation):
            q = replace(q, speaker=speaker, role=role, affiliation=affiliation)
        prepared.append(q)
    normed: dict[str, str] = {}
    texts = [normed.get(q.text) or normed.setdefault(q.text, _norm(q.text)) for q in prepared]
    unique = list(dict.fromkeys(texts))
    uid = {t: i for i, t in enumerate(unique)}
    speakers: list[set[str]] = [set() for _ in unique]
    for q, key in zip(prepared, texts, strict=True):
        speakers[uid[key]].add(q.speaker)
    near = _near_texts(unique, speakers)
    # Each quote joins the first earlier entry (in order; one with the very same words before any
    # other) whose text is near enough and whose speaker is compatible. Candidates come only from
    # ``near`` (a superset of the pairs that pass QUOTE_SIMILARITY); each is checked again with
    # the exact test.
    heads: list[Quote] = []  # the entry as it stands (speaker/base; sources folded at the end)
    members: list[list[Quote]] = []
    keys: list[str] = []
    entries_of: dict[int, list[int]] = {}  # unique text id -> indices of entries with that key
    for q, key in zip(prepared, texts, strict=True):
        u = uid[key]
        # the same words first, then near ones, each in order
        candidates = sorted((keys[k] != key, k) for v in near[u] for k in entries_of.get(v, ()))
        for _, k in candidates:
            if (
                fuzz.ratio(key, keys[k]) >= QUOTE_SIMILARITY
                and _compatible(heads[k].speaker, q.speaker)
                and (key == keys[k] or not same_article(members[k], q))
            ):
                heads[k] = _fold_head(heads[k], q)
                members[k].append(q)
                break
        else:
            entries_of.setdefault(u, []).append(len(heads))
            heads.append(q)
            members.append([q])
            keys.append(key)
    return tuple(_folded(head, group) for head, group in zip(heads, members, strict=True))


# Lower than QUOTE_SIMILARITY so that the bulk prefilter never drops a pair the exact test keeps.
_PREFILTER = QUOTE_SIMILARITY - 2
_BLOCK = 128


def _near_texts(texts: Sequence[str], speakers: Sequence[set[str]]) -> list[set[int]]:
    """For each text, the indices of the texts that may reach QUOTE_SIMILARITY with it (itself
    included), among those it could ever be merged with: a quote only joins an entry whose
    speaker is the same or unattributed (or any entry when it is unattributed itself), and an
    entry keeps the text of its first quote. ``speakers[i]``: the speakers quoted with text i."""
    near: list[set[int]] = [{i} for i in range(len(texts))]
    groups: dict[str, list[int]] = {}
    for i, names in enumerate(speakers):
        for name in names:
            groups.setdefault(name, []).append(i)
    everyone = list(range(len(texts)))
    for name, rows in groups.items():
        for i, j in _similar_pairs(texts, rows, everyone if name == UNATTRIBUTED else None):
            near[i].add(j)
            near[j].add(i)
    return near


def _similar_pairs(
    texts: Sequence[str], rows: Sequence[int], cols: Sequence[int] | None
) -> Iterator[tuple[int, int]]:
    """The pairs (row, column) of texts scoring at least _PREFILTER: rows in blocks of similar
    length, each compared in bulk only with the columns of a length that can reach the score.
    Without ``cols``, the rows among themselves, each unordered pair once (the score is
    symmetric)."""
    rows = sorted(rows, key=lambda i: len(texts[i]))
    among_rows = cols is None
    cols = rows if cols is None else sorted(cols, key=lambda i: len(texts[i]))
    lengths = [len(texts[i]) for i in cols]
    # ratio = 100 * (1 - d / (la + lb)) with d >= |la - lb|, so a pair at or above the prefilter
    # score has lb >= la * (100 - c) / (100 + c) with c = 100 - _PREFILTER.
    c = 100 - _PREFILTER
    low_factor = (100 - c) / (100 + c)
    for start in range(0, len(rows), _BLOCK):
        block = rows[start : start + _BLOCK]
        lo = start if among_rows else bisect_left(lengths, int(len(texts[block[0]]) * low_factor) - 1)
        hi = bisect_right(lengths, int(len(texts[block[-1]]) / low_factor) + 1)
        window = cols[lo:hi]
        if not window:
            continue
        scores = process.cdist(
            [texts[i] for i in block],
            [texts[j] for j in window],
            scorer=fuzz.ratio,
            score_cutoff=_PREFILTER,
            workers=1,
        )
        for r, k in zip(*np.nonzero(scores), strict=True):
            yield block[r], window[k]


def _fold_head(first: Quote, other: Quote) -> Quote:
    """The entry's attribution after folding ``other`` into it (as ``_fold``, sources aside)."""
    if first.speaker != UNATTRIBUTED or other.speaker == UNATTRIBUTED:
        return first
    return replace(other, text=first.text)


# Trailing punctuation that copies of one quote disagree on ("smart." / "smart").
_TRAILING = ".,;:!?…"


def _folded(head: Quote, group: list[Quote]) -> Quote:
    """The final entry of a group of reports, as folding them one by one with ``_fold``; when
    the copies differ only in trailing punctuation, the entry keeps the words they share and
    each source's span is cut to them, so that every span still holds the entry's text."""
    if len(group) == 1:
        return group[0]
    return _common_ending(_fold_group(head, group), group)


def _common_ending(entry: Quote, group: list[Quote]) -> Quote:
    texts = {q.text for q in group}
    bare = {t.rstrip(_TRAILING) for t in texts}
    if len(texts) == 1 or len(bare) != 1:
        return entry
    text = bare.pop()
    cut = {s: len(q.text) - len(text) for q in group for s in q.sources}
    sources = tuple(replace(s, end=s.end - cut.get(s, 0)) for s in entry.sources)
    return replace(entry, text=text, sources=sources)


def _fold_group(head: Quote, group: list[Quote]) -> Quote:
    sources = {s for q in group for s in q.sources}
    keys = {_place(s) for s in sources}
    if len(keys) != len(sources):  # ties in the order: replay the folds for the very same order
        out = group[0]
        for q in group[1:]:
            out = _fold(out, q)
        return out
    kind = "full" if any(q.kind == "full" for q in group) else "partial"
    return replace(head, sources=tuple(sorted(sources, key=_place)), kind=kind)


def _place(s: QuoteSource) -> tuple[bool, str, int, str]:
    """Where a source stands in the order of reports: body quotes by path and position, then
    headline quotes (their offsets index titles, not the body), so that a headline folded into
    a body report of the same words takes the body's wording."""
    return (s.in_title, s.path, s.start, s.article_id)


def same_article(group: Sequence[Quote], q: Quote) -> bool:
    """Does ``q`` come from an article a member of the group comes from? Two near-identical
    quotes of one article are two statements ("We will …" and "Will we …"), not two reports of
    one: they fold only when their words are the same."""
    ids = {s.article_id for s in q.sources}
    return any(s.article_id in ids for other in group for s in other.sources)


def _compatible(a: str, b: str) -> bool:
    return a == b or UNATTRIBUTED in (a, b)


def _fold(first: Quote, other: Quote) -> Quote:
    """One entry for two reports of the same words: the first's text, every source, the
    attribution of whichever report has one."""
    sources = tuple(sorted({*first.sources, *other.sources}, key=_place))
    base = (
        first
        if first.speaker != UNATTRIBUTED or other.speaker == UNATTRIBUTED
        else replace(other, text=first.text)
    )
    kind = "full" if "full" in (first.kind, other.kind) else "partial"
    return replace(base, sources=sources, kind=kind)


def _roles(
    quotes: Sequence[Quote], names: dict[str, str], actors: Sequence[Actor]
) -> dict[str, tuple[str | None, str | None]]:
    """One role and affiliation per canonical speaker: the config actor's, else the role the
    articles state most often (first stated on a tie)."""
    stated: dict[str, Counter[str]] = {}
    affiliations: dict[str, str] = {}
    for q in quotes:
        name = names.get(q.speaker, q.speaker)
        if q.role:
            stated.setdefault(name, Counter())[q.role] += 1
        if q.affiliation:
            affiliations.setdefault(name, q.affiliation)
    out: dict[str, tuple[str | None, str | None]] = {}
    for name in set(names.values()):
        actor = next((a for a in actors if a.name == name), None)
        counts = stated.get(name)
        role = counts.most_common(1)[0][0] if counts else None
        if actor is not None:
            out[name] = (actor.role or role, actor.affiliation or affiliations.get(name))
        else:
            out[name] = (role, affiliations.get(name))
    return out
