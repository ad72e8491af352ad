"""quotes.merge: canonical speakers and one entry per quotation across articles."""

from __future__ import annotations

from briefing.models import Actor, Quote, QuoteSource
from briefing.quotes import UNATTRIBUTED, merge
from briefing.quotes.merge import same_person


def quote(
    text: str, speaker: str, article: str, start: int = 0, role: str | None = None, kind: str = "full"
) -> Quote:
    source = QuoteSource(article, f"{article}.txt", start, start + len(text), 0, 0)
    return Quote(text=text, kind=kind, speaker=speaker, sources=(source,), role=role)


def test_spelling_variants_are_one_person():
    assert same_person("Mara Velden", "Maria Velden")
    assert same_person("Pia Lundqvist", "Pia Lundquist")
    assert same_person("Jon Aalto", "Jonas Aalto")  # a short form of the first name
    assert not same_person("Mara Velden", "Oskar Velden")  # same surname, another person
    assert not same_person("Russian Foreign Ministry", "German Foreign Ministry")
    assert not same_person("senior harbour official", "junior harbour official")
    # a generational suffix is no surname, and tells a son from his father
    assert not same_person("Tom Aldous Jr.", "Tom Riggs Jr.")
    assert not same_person("Tom Riggs", "Tom Riggs Jr.")
    assert same_person("Tom Riggs Jr.", "Tommy Riggs Jr.")
    # letters put before a surname make another one; accents are no difference
    assert not same_person("Ada Moss", "Ada Amoss")
    assert same_person("Ada Muñoz", "Ada Munoz")
    # two near names at once are two people
    assert not same_person("Dean Velden", "Dan Veldan")
    assert same_person("Mara Velden", "Maria Velden")


def test_canonical_name_is_the_spelling_most_articles_use_and_surnames_join_it():
    quotes = [
        quote("We will rebuild the bridge.", "Maria Velden", "a"),
        quote("The ferries keep running.", "Mara Velden", "b"),
        quote("Nobody will be left behind.", "Mara Velden", "c"),
        quote("The cost is high.", "Velden", "d"),
    ]
    merged = merge(quotes)
    assert {q.speaker for q in merged} == {"Mara Velden"}
    assert len(merged) == 4


def test_the_canonical_name_keeps_a_middle_name_but_not_an_initial():
    # "Shazia Bibi Solangi", introduced in full, later "Shazia Solangi": the fuller name is hers
    quotes = [
        quote("We have become refugees on our own land.", "Shazia Bibi Solangi", "a"),
        quote("One bag of flour for three weeks.", "Shazia Solangi", "a", start=90),
        quote("The ferries keep running.", "Colin L. Powell", "b"),
        quote("Nobody will be left behind.", "Colin Powell", "b", start=90),
    ]
    assert {q.speaker for q in merge(quotes)} == {"Shazia Bibi Solangi", "Colin Powell"}


def test_the_canonical_spelling_keeps_its_accents():
    # one outlet writes "Helene Vasseur", another "Hélène Vasseur": the accents are hers
    quotes = [
        quote("We are not afraid.", "Helene Vasseur", "a"),
        quote("We have a plan.", "Hélène Vasseur", "b"),
    ]
    assert {q.speaker for q in merge(quotes)} == {"Hélène Vasseur"}


def test_a_surname_alone_is_the_father_not_the_son():
    quotes = [
        quote("One thing.", "Tom Riggs", "a"),
        quote("Another thing.", "Tom Riggs Jr.", "b"),
        quote("A third thing.", "Riggs", "c"),
        quote("A fourth thing.", "Aldous", "d"),
        quote("A fifth thing.", "Ned Aldous III", "e"),
    ]
    assert [q.speaker for q in merge(quotes)] == [
        "Tom Riggs",
        "Tom Riggs Jr.",
        "Tom Riggs",
        "Ned Aldous III",
        "Ned Aldous III",
    ]


def test_a_surname_alone_joins_only_the_very_surname():
    quotes = [
        quote("One thing.", "Mara Veldan", "a"),
        quote("Another thing.", "Velden", "b"),
        quote("A third thing.", "Oskar Lind", "c"),
        quote("A fourth thing.", "Lind", "d"),
        quote("A fifth thing.", "Ivo Linde", "e"),
        quote("A sixth thing.", "Marner", "f"),
        quote("A seventh thing.", "Ilse Marner", "g"),
    ]
    # "Velden" is not "Veldan"'s; "Lind" is ambiguous while a "Linde" is near; "Marner" joins
    assert [q.speaker for q in merge(quotes)] == [
        "Mara Veldan",
        "Velden",
        "Oskar Lind",
        "Lind",
        "Ivo Linde",
        "Ilse Marner",
        "Ilse Marner",
    ]


def test_the_canonical_spelling_has_a_first_name() -> None:
    """ "Like Allen, their days begin …" made a "Like Allen" of one article's Mike Allen."""
    quotes = [quote("One thing.", "Like Velden", "a"), quote("Another thing.", "Mike Velden", "b")]
    assert {q.speaker for q in merge(quotes)} == {"Mike Velden"}


def test_ambiguous_surname_is_left_alone():
    quotes = [
        quote("One thing.", "Mara Velden", "a"),
        quote("Another thing.", "Oskar Velden", "b"),
        quote("A third thing.", "Velden", "c"),
    ]
    assert [q.speaker for q in merge(quotes)] == ["Mara Velden", "Oskar Velden", "Velden"]


def test_config_actor_takes_precedence_and_supplies_role_and_affiliation():
    actor = Actor(
        name="Mara Velden",
        aliases=("M. Velden", "Mara Veldenová"),
        role="Foreign Minister",
        affiliation="Nordland",
    )
    quotes = [
        quote("We will rebuild the bridge.", "Maria Veldenova", "a", role="minister"),
        quote("The cost is high.", "Velden", "b"),
    ]
    merged = merge(quotes, (actor,))
    assert [(q.speaker, q.role, q.affiliation) for q in merged] == [
        ("Mara Velden", "Foreign Minister", "Nordland")
    ] * 2


def test_the_same_words_in_several_articles_become_one_entry_citing_all():
    words = "We will not leave the fishing towns without a crossing this winter."
    quotes = [
        quote(words, "Mara Velden", "b", start=40),
        quote(words.replace("this winter", "this  winter").replace("We", "we"), "Velden", "a", start=7),
        quote("The ferries keep running until the bridge is open again.", "Mara Velden", "a", start=99),
    ]
    merged = merge(quotes)
    assert len(merged) == 2
    first = merged[0]
    assert [s.article_id for s in first.sources] == ["a", "b"]  # by path, then position
    assert first.speaker == "Mara Velden"
    assert merged[1].text.startswith("The ferries")


def test_two_translations_of_one_statement_stay_apart():
    a = "We have deep concerns about the plans for a renewed closure of the harbour."
    b = "We are deeply concerned about the plans to close the harbour again."
    assert len(merge([quote(a, "Mara Velden", "a"), quote(b, "Mara Velden", "b")])) == 2


def test_unattributed_copy_takes_the_attribution_of_the_other_report():
    words = "The inspectors arrive on Monday and stay for a week."
    merged = merge([quote(words, UNATTRIBUTED, "a"), quote(words, "Tomas Kreil", "b")])
    assert [(q.speaker, len(q.sources)) for q in merged] == [("Tomas Kreil", 2)]


def test_different_speakers_saying_the_same_words_stay_apart():
    words = "We are ready to talk at any time and in any place."
    assert len(merge([quote(words, "Mara Velden", "a"), quote(words, "Tomas Kreil", "b")])) == 2


def test_order_is_deterministic_whatever_the_input_order():
    quotes = [
        quote(f"Statement number {n} about the harbour.", "Mara Velden", f"a{n % 3}", start=n * 10)
        for n in range(9)
    ]
    assert merge(quotes) == merge(list(reversed(quotes)))
