"""quotes.merge compares only candidate pairs (blocked by speaker and length, prefiltered in
bulk): its result must be exactly that of comparing every quote with every earlier entry."""

from __future__ import annotations

import random
from dataclasses import replace

from rapidfuzz import fuzz

from briefing.models import Quote, QuoteSource
from briefing.quotes import UNATTRIBUTED, merge
from briefing.quotes.merge import (
    QUOTE_SIMILARITY,
    SURNAME_SIMILARITY,
    _canonical_of,
    _compatible,
    _fold,
    _norm,
    _roles,
    canonical_names,
    same_person,
)


def _all_pairs_merge(quotes: list[Quote]) -> tuple[Quote, ...]:
    """The reference: every quote against every entry so far, first match wins."""
    names = canonical_names(quotes)
    ordered = sorted(quotes, key=lambda q: min((s.path, s.start, s.article_id) for s in q.sources))
    roles = _roles(ordered, names, ())
    merged: list[Quote] = []
    members: list[list[Quote]] = []
    keys: list[str] = []
    for q in ordered:
        speaker = names.get(q.speaker, q.speaker)
        role, affiliation = roles.get(speaker, (q.role, q.affiliation))
        q = replace(
            q,
            speaker=speaker,
            role=role if speaker != UNATTRIBUTED else None,
            affiliation=affiliation if speaker != UNATTRIBUTED else None,
        )
        key = _norm(q.text)
        for k in sorted(range(len(merged)), key=lambda k: (keys[k] != key, k)):
            other = merged[k]
            one_article = {s.article_id for s in q.sources} & {
                s.article_id for m in members[k] for s in m.sources
            }
            if (
                fuzz.ratio(key, keys[k]) >= QUOTE_SIMILARITY
                and _compatible(other.speaker, q.speaker)
                and (key == keys[k] or not one_article)
            ):
                merged[k] = _fold(other, q)
                members[k].append(q)
                break
        else:
            merged.append(q)
            members.append([q])
            keys.append(key)
    return tuple(_shared_words(entry, group) for entry, group in zip(merged, members, strict=True))


def _shared_words(entry: Quote, group: list[Quote]) -> Quote:
    """Copies that differ only in trailing punctuation: the words they share, each span cut."""
    bare = {q.text.rstrip(".,;:!?…") for q in group}
    if len({q.text for q in group}) == 1 or len(bare) != 1:
        return entry
    text = next(iter(bare))
    ends = {(s.path, s.start): s.end - (len(q.text) - len(text)) for q in group for s in q.sources}
    return replace(
        entry, text=text, sources=tuple(replace(s, end=ends[(s.path, s.start)]) for s in entry.sources)
    )


_BASES = [
    "We will not accept any change of the borders by force, and we say so clearly to Moscow.",
    "The talks were constructive but no agreement has been reached on the grain corridor yet.",
    "Sanctions will stay in place until the last soldier has left the occupied territory.",
    "Short one.",
    "We are ready for dialogue.",
    "We are ready for a dialogue.",
]
_SPEAKERS = ["Mara Velden", "Maria Velden", "Oskar Lind", UNATTRIBUTED, "a senior official"]


def _variant(rng: random.Random, text: str) -> str:
    chars = list(text)
    for _ in range(rng.choice([0, 0, 1, 2, 4, 9])):
        i = rng.randrange(len(chars))
        op = rng.random()
        if op < 0.4:
            del chars[i]
        elif op < 0.8:
            chars.insert(i, rng.choice("aeiou ,"))
        else:
            chars[i] = chars[i].upper()
    out = "".join(chars)
    return out.replace("'", "’") if rng.random() < 0.3 else out


def test_copies_differing_in_trailing_punctuation_keep_spans_that_hold_the_text():
    a = Quote("That makes me smart.", "full", "Oskar Lind", (QuoteSource("a", "a.txt", 10, 30, 0, 0),))
    b = Quote("That makes me smart", "full", "Oskar Lind", (QuoteSource("b", "b.txt", 40, 59, 0, 0),))
    (entry,) = merge([a, b])
    assert entry.text == "That makes me smart"
    assert [(s.path, s.start, s.end) for s in entry.sources] == [("a.txt", 10, 29), ("b.txt", 40, 59)]


def test_blocked_merge_equals_all_pairs_merge():
    for seed in range(40):
        rng = random.Random(seed)
        quotes = []
        for n in range(rng.randrange(5, 60)):
            text = _variant(rng, rng.choice(_BASES))
            article = f"art{rng.randrange(12)}"
            start = rng.randrange(0, 400)
            source = QuoteSource(article, f"{article}.txt", start, start + len(text), 0, n)
            quotes.append(
                Quote(
                    text=text,
                    kind=rng.choice(["full", "partial"]),
                    speaker=rng.choice(_SPEAKERS),
                    sources=(source,),
                    role=rng.choice([None, "minister", "spokesperson"]),
                )
            )
        assert merge(quotes) == _all_pairs_merge(quotes), seed


def _all_pairs_names(names_by_article: dict[str, set[str]]) -> dict[str, str]:
    """The reference for canonical names: every full name against every cluster so far (first
    cluster with a variant wins), then each lone surname against every cluster."""
    names = sorted(names_by_article)
    full = [n for n in names if len(n.split()) > 1]
    clusters: list[list[str]] = []
    for name in full:
        home = next((c for c in clusters if any(same_person(name, o) for o in c)), None)
        if home is None:
            clusters.append([name])
        else:
            home.append(name)
    out = {}
    for cluster in clusters:
        best = _canonical_of(cluster, names_by_article)
        out.update(dict.fromkeys(cluster, best))
    for name in names:
        if name in out:
            continue
        near = [
            c
            for c in clusters
            if any(fuzz.ratio(name.lower(), n.split()[-1].lower()) >= SURNAME_SIMILARITY for n in c)
        ]
        owners = {out[c[0]] for c in near}
        exact = {out[c[0]] for c in near if any(name.lower() == n.split()[-1].lower() for n in c)}
        out[name] = owners.pop() if len(owners) == 1 and owners == exact else name
    return out


_FIRST = ["Mara", "Maria", "Oskar", "Oscar", "Ilse", "Jonas", "Petra", "Tomas", "Thomas", "Liv"]
_LAST = ["Velden", "Veldan", "Lind", "Linde", "Marner", "Petrauskas", "Petrauskis", "Brandt", "Brant"]


def test_blocked_canonical_names_equal_all_pairs_names():
    """Blocking by surname keys finds every variant an all-pairs comparison finds, in the same
    cluster order, on names with spelling variants at both ends of the surname."""
    for seed in range(60):
        rng = random.Random(seed)
        by_article: dict[str, set[str]] = {}
        quotes = []
        for n in range(rng.randrange(3, 80)):
            last = rng.choice(_LAST)
            if rng.random() < 0.3:  # a transliteration variant: one letter changed inside
                k = rng.randrange(1, max(2, len(last) - 1))
                last = last[:k] + rng.choice("aeiouy") + last[k + 1 :]
            name = last if rng.random() < 0.25 else f"{rng.choice(_FIRST)} {last}"
            article = f"art{rng.randrange(15)}"
            by_article.setdefault(name, set()).add(article)
            source = QuoteSource(article, f"{article}.txt", n, n + 10, 0, n)
            quotes.append(Quote(text=f"words {n}", kind="full", speaker=name, sources=(source,)))
        assert canonical_names(quotes) == _all_pairs_names(by_article), seed


def test_near_identical_quotes_of_one_article_are_two_statements() -> None:
    """Two quotes of one article that differ in a word ("… end of June", "… end of July") stay two
    entries, each span holding its own words; the same words in two articles fold into one."""
    june = "We will reopen the old harbour pier by the end of June"
    july = "We will reopen the old harbour pier by the end of July"
    assert fuzz.ratio(_norm(june), _norm(july)) >= QUOTE_SIMILARITY  # near enough to fold
    a = Quote(june, "full", "Oskar Lind", (QuoteSource("a", "a.txt", 10, 10 + len(june), 0, 0),))
    b = Quote(july, "full", "Oskar Lind", (QuoteSource("a", "a.txt", 90, 90 + len(july), 1, 1),))
    c = Quote(july, "full", "Oskar Lind", (QuoteSource("b", "b.txt", 5, 5 + len(july), 0, 0),))
    d = Quote(june, "full", "Oskar Lind", (QuoteSource("c", "c.txt", 7, 7 + len(june), 0, 0),))
    merged = merge([a, b, c, d])
    assert sorted((q.text, sorted(s.path for s in q.sources)) for q in merged) == [
        (july, ["a.txt", "b.txt"]),
        (june, ["a.txt", "c.txt"]),
    ]
