"""Compose: event merging, party inference and each selection filter, on records of our own."""

from __future__ import annotations

from datetime import date

import pytest

from briefing.compose import number_sources, party_of, timeline
from briefing.models import Actor, AnalysedArticle, Article, Paragraph, Sentence
from briefing.summarise import (
    Pool,
    dangling_subject,
    eligible,
    fluent,
    is_furniture,
    self_contained_quote,
)

MON, THU = date(2026, 3, 2), date(2026, 3, 5)


def article(aid: str, text: str, published: date, dates: tuple[date, ...] = ()) -> AnalysedArticle:
    art = Article(id=aid, path=f"/in/{aid}.txt", title=aid, text=text, published=published)
    para = Paragraph(aid, 0, 0, len(text), text)
    sentence = Sentence(aid, 0, 0, 0, len(text), text, dates)
    return AnalysedArticle(art, (para,), (sentence,), (("talks",),), ())


def build(*items: AnalysedArticle) -> tuple[Pool, list[timeline.Event]]:
    source_of = {s.id: s.n for s in number_sources(items)}
    pool = Pool.build(items, source_of)
    return pool, timeline.events(pool, timeline.dated_positions(pool, items, (MON, THU)))


def test_one_event_three_sources_is_one_entry() -> None:
    pool, events = build(
        article(
            "a",
            "Foreign Minister Ann Vale met envoy Piet Doorn in Port Alder for talks on the crossing.",
            MON,
        ),
        article("b", "Envoy Piet Doorn and Ann Vale held talks in Port Alder on the disputed crossing.", MON),
        article("c", "Ann Vale and Piet Doorn ended their first round of talks without an agreement.", MON),
    )
    assert len(events) == 1 and len(events[0].articles) == 3
    entry = timeline.entry(pool, events[0], events[0].members[0], None)
    assert entry.date == MON and sorted(entry.sources) == [1, 2, 3]


def test_the_same_event_on_two_dates_is_two_entries() -> None:
    text = "Ann Vale met envoy Piet Doorn in Port Alder for talks on the disputed crossing."
    _, events = build(article("a", text, MON), article("b", text + " ", THU))
    assert sorted(e.date for e in events) == [MON, THU]


def test_a_sentence_s_own_date_wins_over_its_article_s() -> None:
    _, events = build(
        article("a", "Ann Vale met envoy Piet Doorn in Port Alder for talks on the crossing.", THU, (MON,)),
        article("b", "Ann Vale and Piet Doorn held talks in Port Alder on the disputed crossing.", MON),
    )
    assert [e.date for e in events] == [MON] and len(events[0].articles) == 2


def test_different_news_of_one_day_stays_apart() -> None:
    _, events = build(
        article("a", "Ann Vale met envoy Piet Doorn in Port Alder for talks on the crossing.", MON),
        article("b", "Heavy rain flooded the lower town and closed three schools for the week.", MON),
    )
    assert len(events) == 2


@pytest.mark.parametrize(
    ("speaker", "role", "affiliation", "party"),
    [
        ("Sergei Lavrov", "Russian Foreign Minister", None, "Russia"),
        ("Antony Blinken", "US Secretary of State", None, "United States"),
        ("Dmitry Peskov", "Kremlin spokesman", None, "Russia"),
        ("Russian Foreign Ministry", None, None, "Russia"),
        ("NATO", None, None, "NATO"),
        ("alliance official", None, None, None),  # a person described by a body, not the body
        ("senior EU diplomat", None, None, "European Union"),  # the country word still places them
        ("Ann Vale", "Foreign Minister", "Caldonia", "Caldonia"),
        ("Piet Doorn", None, None, None),
        ("unattributed", None, None, None),
    ],
)
def test_party_inference(speaker: str, role: str | None, affiliation: str | None, party: str | None) -> None:
    assert party_of(speaker, role, affiliation) == party


def test_configured_affiliation_wins() -> None:
    actors = (Actor("Piet Doorn", ("P. Doorn",), "envoy", "Vesteria"),)
    assert party_of("Piet Doorn", "Russian envoy", None, actors) == "Vesteria"


@pytest.mark.parametrize(
    "text",
    [
        "Photo: Delegations arrive at the customs house in Port Alder (Courier/R. Holm)",
        "Ann Vale and Piet Doorn shake hands in Port Alder. REUTERS/Mara Lind",
        "PORT ALDER (Herald) – Ann Vale met Piet Doorn for talks on the crossing.",
        "PORT ALDER, March 2. /TASS/. Ann Vale met Piet Doorn for talks.",
        "Published: 2 March 2026 18:40 CET",
        "Mar. 2 (UPI) -- Ann Vale met Piet Doorn for talks on the crossing.",
    ],
)
def test_captions_datelines_and_stamps_are_furniture(text: str) -> None:
    assert is_furniture(text)


def test_story_sentences_are_not_furniture() -> None:
    assert not is_furniture("Ann Vale met Piet Doorn in Port Alder on Monday, officials said.")
    assert not is_furniture("The photo exhibition on the harbour opens in June, the council said.")


@pytest.mark.parametrize(
    ("text", "dangling"),
    [
        ("He said the talks were difficult and would go on.", True),
        ("In his turn, he said the talks were difficult.", True),
        ("The latter rejected the plan within an hour.", True),
        ("This was announced on Monday by the foreign ministry.", True),
        ("Ann Vale met Piet Doorn; the latter rejected the plan.", False),
        ("After Ann Vale landed, she said the talks would go on.", False),
        ("Piet Doorn, in his turn, said the crossing would stay closed.", False),
    ],
)
def test_dangling_subjects(text: str, dangling: bool) -> None:
    assert dangling_subject(text) is dangling


def test_word_salad_is_not_fluent() -> None:
    salad = (
        "In a joint press conference with his counterpart, he warned today, Thursday, Foreign Minister "
        "Ann Vale Port Alder Since escalating Kellmar, he has called on Vesteria to reopen."
    )
    assert not fluent(salad)
    assert fluent("Ann Vale warned Vesteria on Thursday that the closure of the crossing broke the treaty.")


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("Yes. I would see that.", False),
        ("No, that is not what we agreed on at all.", False),
        ("tale wording means that the regime intends to use force", False),
        ("The offer is not serious and we are", False),
        ("It is a matter that worries us a great deal", False),
        ("It is likely that the two envoys will meet again next week", True),
        ("Vesteria will control its own border, and no agreement can change that", True),
    ],
)
def test_quotes_shown_must_be_self_contained(text: str, ok: bool) -> None:
    assert self_contained_quote(text) is ok


def test_eligible_applies_every_filter() -> None:
    def sentence(text: str) -> Sentence:
        return Sentence("a", 0, 0, 0, len(text), text)

    assert eligible(sentence("Ann Vale met Piet Doorn in Port Alder on Monday for talks."), "body")
    for text in (
        "Photo: Ann Vale and Piet Doorn at the customs house in Port Alder.",
        "He said the talks in Port Alder were difficult on Monday.",
        "PORT ALDER (Herald) – Ann Vale met Piet Doorn on Monday for talks on the crossing.",
        "In a press conference with his counterpart, he warned today, Monday, Foreign Minister Ann Vale "
        "Port Alder Since escalating Kellmar, he has called on Vesteria to reopen.",
        "Q: Will the crossing at Port Alder reopen before the harvest begins?",
        "SPOKESPERSON DOORN: We expect the customs house to reopen on Monday morning.",
        "Will the two governments agree on the crossing before the harvest begins?",
    ):
        assert not eligible(sentence(text), "body"), text
    # A capitalised name that is no label, and a question inside a reported sentence, stay.
    assert eligible(sentence("NATO officials said on Monday that the crossing would reopen."), "body")
    assert eligible(
        sentence("Reporters asked whether the crossing would reopen, and Vale said it would."), "body"
    )


@pytest.mark.parametrize(
    "text",
    [
        "An AP/Civic poll found that three in ten residents had given to the flood fund.",
        "The parade starts in Harbour Square at 15:00 CET (UTC+1) on Saturday.",
        "Reuters/Ipsos polling shows the mayor ahead by four points in the north.",
    ],
)
def test_news_that_mentions_agencies_or_times_is_not_furniture(text: str) -> None:
    assert not is_furniture(text)


def test_a_demonstrative_before_a_noun_is_not_a_dangling_subject() -> None:
    assert not dangling_subject("This storm lasted nearly ten minutes, the weather office said.")
    assert not dangling_subject("“Frankly, these talks were the hardest of the year,” Ann Vale said.")
    assert dangling_subject("This is what the envoys agreed on in Port Alder.")


def test_reported_statements_name_their_speaker() -> None:
    from briefing.compose.positions import Speaker, reported_speaker

    vale = Speaker("Ann Vale", "Caldonia", ("ann vale", "vale"))
    doorn = Speaker("Piet Doorn", "Vesteria", ("piet doorn", "doorn"))
    known = [vale, doorn]
    assert reported_speaker("Vale, sitting next to Doorn, repeated her warning to Vesteria.", known) is vale
    assert (
        reported_speaker("After the meeting with Vale, Doorn said the crossing stays shut.", known) is doorn
    )
    # "… met Doorn to warn …": the infinitive reports nothing Doorn said.
    assert reported_speaker("Ann Vale met Piet Doorn to warn Vesteria about the closure.", known) is None
    assert reported_speaker("The crossing reopened to freight on Friday morning.", known) is None


def test_actors_are_names_not_roles_places_or_acronyms() -> None:
    assert timeline.actors(
        "Foreign Minister Ann Vale met NATO envoys and Piet Doorn in Stockholm on Monday."
    ) == {
        "vale",
        "doorn",
    }
