"""Attribution rules of session 14 (2026-12): small original articles with fictional people,
each a construction that went wrong in texts written blind to test the extractor (the tune
parts of bench/data/blind*).
"""

from __future__ import annotations

import pytest
from test_quotes import run, speaker_of
from test_quotes_headline import headline

from briefing.clean import clean
from briefing.models import Article
from briefing.quotes import extract
from briefing.segment import segment, split_paragraphs

LEDE = (
    "A Tarnby pensioner who has waited three years for a knee operation says she is “in pain "
    "every single night”, as new figures show hospital waiting lists at a record high.\n\n"
    "Edda Lunvik (71), a retired postmistress from Tarnby, was referred to a surgeon in 2023. "
    "Last month she was told to expect another year’s wait.\n\n"
    "“I used to walk the dog twice a day,” Mrs Lunvik said.\n"
)


def test_a_lede_that_holds_the_name_back_is_the_person_the_next_paragraph_names() -> None:
    assert speaker_of(LEDE, "in pain every") == "Edda Lunvik"
    # a description the lede keeps anonymous is nobody the next paragraph names
    anonymous = LEDE.replace(
        "A Tarnby pensioner who", "A Tarnby pensioner, who asked not to be named and who"
    )
    assert speaker_of(anonymous, "in pain every") != "Edda Lunvik"
    # nor is one deeper in the story, after the lede
    later = (
        "Hospital waiting lists in the region reached a record high this month, according to "
        "figures published by the health board on Tuesday.\n\n" + LEDE
    )
    assert speaker_of(later, "in pain every") != "Edda Lunvik"


def test_a_headline_quoting_more_of_a_body_quote_is_its_speakers() -> None:
    body = LEDE.split("\n\n", 1)[0] + "\n\n" + LEDE.split("\n\n", 1)[1]
    (q,) = headline("‘I’m in pain every single night’: Tarnby pensioner waits three years", body)
    assert (q.speaker, q.cue) == ("Edda Lunvik", "repeated")
    # two words of a body quote inside a headline's are not enough to make it theirs
    assert headline("‘The night shift is every single one of us’: nurses speak out", body) == ()


def test_a_title_repeated_only_in_page_furniture_the_clean_stage_took_off_still_quotes() -> None:
    title = "‘I’m in pain every single night’: Tarnby pensioner waits three years"
    most_read = LEDE + "\nMost read\n\n1. " + title + "\n"
    (q,) = headline(title, most_read)
    assert q.speaker == "Edda Lunvik"


INTERVIEW = (
    "Dr. Ilse Marrow has worked in Tarnby since 1991.\n\n"
    'Kestrel Health has struggled for years to keep doctors, and its "open door" policy has '
    "been reviewed twice.\n\n"
    '"Do you regret staying?" I ask her.\n\n'
    "She takes her glasses off.\n\n"
    '"Regret is a big word," she says.\n'
)


def test_she_is_never_a_body_that_a_sentence_before_quoted() -> None:
    assert speaker_of(INTERVIEW, "Regret is") == "Ilse Marrow"


@pytest.mark.parametrize(
    "text, prefix, speaker",
    [
        # "The union president" opening its sentence is a role (its "The" capitalised), and the
        # sentence's first verb of saying, not the "warned" of the clause it reports, names them
        (
            "Odile Marchand, president of the Tarnby nurses' union, spoke outside the hospital.\n\n"
            "The union president said nurses had warned management months ago.\n\n"
            "«We told them in writing in February. We offered solutions.\n\n«Nobody answered.»\n",
            "We told them",
            "Odile Marchand",
        ),
        # a parenthesis after a name, closed before a lower-case word, is an aside
        (
            "Tarnby council member Ragna Solberg (Eastport) said the ferry subsidy had been cut.\n\n"
            "“Not one sailing has been added,” Ms. Solberg said.\n",
            "Not one sailing",
            "Ragna Solberg",
        ),
        # a lone word the article names no one by, before a role and a name, is their agency
        (
            "“The rain will continue until Friday,” said Tarnvik weather specialist Grace Lunde in "
            "a 5 a.m. briefing.\n",
            "The rain will",
            "Grace Lunde",
        ),
        # a house's capitalised title before a name is the role a later "the Speaker" uses
        (
            "Speaker M. Olav Brenhaug asked the members to return to their seats. “This is not the "
            "way to debate a drought,” the Speaker said.\n",
            "This is not",
            "M. Olav Brenhaug",
        ),
    ],
)
def test_round_11_speakers(text: str, prefix: str, speaker: str) -> None:
    assert speaker_of(text, prefix) == speaker


def test_a_crosshead_repeating_a_later_quote_is_that_speakers_not_the_one_before() -> None:
    text = (
        "Harbour master Ivo Strand said the pier would reopen in May. “We are on schedule,” "
        "Strand said.\n\n"
        "‘Where are the new moorings?’\n\n"
        "Councillor Signe Aalto said moorings promised in October had not been built.\n\n"
        "“Where are the new moorings? I have walked the quay twice,” Ms. Aalto said.\n"
    )
    quotes = [(q.text, q.speaker) for q in run(text)]
    assert ("Where are the new moorings?", "Signe Aalto") in quotes


@pytest.mark.parametrize(
    "tie",
    [
        "Jori's uncle, Aksel Brandvik, said the boy loved boats.",
        "His uncle Aksel Brandvik said the boy loved boats.",
        "Aksel Brandvik, the boy's uncle, said the boy loved boats.",
    ],
)
def test_a_relative_described_by_the_tie_is_the_person_named_with_it(tie: str) -> None:
    text = (
        "Jori Lund, 14, drowned off the Tarnby pier on Saturday.\n\n"
        f"{tie}\n\n"
        "“He knew every boat in the harbour,” the boy's uncle said.\n"
    )
    assert speaker_of(text, "He knew every") == "Aksel Brandvik"
    # named with no tie, the relative stays the description
    untied = text.replace(tie, "Aksel Brandvik said the boy loved boats.")
    assert speaker_of(untied, "He knew every") == "boy's uncle"


def test_her_son_is_the_person_whose_mother_the_article_followed() -> None:
    text = (
        "At 2 am, Teo Varga helped his feverish mother lie down in the corridor.\n\n"
        "By Monday night, Teo Varga's mother had been moved to a ward.\n\n"
        "‘We got a bed because you came with cameras,’ her son said.\n"
    )
    assert speaker_of(text, "We got a bed") == "Teo Varga"


LIVE_BLOG = (
    "7:20 p.m.\n\n"
    "Minister: 'Every boat we have'\n\n"
    "Harbour Minister Signe Aalto told reporters the province had sent 40 crews.\n\n"
    '"We are putting every boat we have into the bay tonight," Aalto said.\n'
)


def test_a_live_blogs_subheading_quotes_its_entrys_speaker() -> None:
    cleaned = clean(Article(id="lb", path="lb.txt", title="Live: Tarnby fire", text=LIVE_BLOG))
    assert any(p.kind == "heading" and "Every boat" in p.text for p in cleaned.paragraphs)
    quotes = extract(cleaned.article, cleaned.paragraphs, segment(cleaned.paragraphs))
    assert ("Every boat we have", "Signe Aalto") in [(q.text, q.speaker) for q in quotes]


@pytest.mark.parametrize(
    "text, nobodys, whose, speaker",
    [
        # a part of a place named by its direction is a place, no speaker
        (
            "Dr. Ilse Marrow has worked in Thompson since 1991.\n\n"
            "Northern Manitoba has struggled for decades to keep physicians, and the region's "
            '"revolving door" of locums has been reviewed twice.\n\n'
            '"Regret is a big word," she says.\n',
            "revolving door",
            "Regret is a big word",
            "Ilse Marrow",
        ),
        # slogans raised are nobody's words
        (
            "Members of both Opposition parties then rushed to the well of the House, raising "
            "slogans of “Justice for the farmers now” (shame on the government).\n\n"
            "“We only want the fee explained,” said parent Ola Brenn.\n",
            "Justice for the farmers now",
            "We only want the fee explained",
            "Ola Brenn",
        ),
    ],
)
def test_words_nobody_is_reported_saying(text: str, nobodys: str, whose: str, speaker: str) -> None:
    found = {q.text: q.speaker for q in run(text)}
    assert found.get(nobodys, "unattributed") == "unattributed"
    assert found[whose] == speaker


NESTED = (
    "Edda Lunvik, 24, crashed her car into a bus shelter in Tarnby on Friday.\n\n"
    "Bus driver Odd Haugen saw it happen.\n\n"
    "“I thought she was a kid who’d been in a fight,” he said. “Then she told me, ‘I’m on "
    "the radio, you can’t tell anyone.’ I said, ‘Love, you’ve just knocked down a shelter.’ "
    "Everyone calls it ‘the glass box’ anyway.”\n\n"
    "Her grandmother, Ingrid Lunvik, wrote in a memoir that she had always been reckless.\n\n"
    "“My grandmother used to say, ‘Slow down, Edda, the road will wait,’ and I never did,” "
    "Edda Lunvik said.\n"
)


def test_a_quote_a_speaker_quotes_is_its_speakers() -> None:
    article = Article(id="n1", path="n1.txt", title="T", text=NESTED)
    paragraphs = split_paragraphs(NESTED, "n1")
    quotes = extract(article, paragraphs, segment(paragraphs))
    found = {q.text: (q.speaker, q.cue) for q in quotes}
    assert found["I’m on the radio, you can’t tell anyone."] == ("Edda Lunvik", "nested")
    assert found["Love, you’ve just knocked down a shelter."] == ("Odd Haugen", "nested")
    assert found["Slow down, Edda, the road will wait"] == ("Ingrid Lunvik", "nested")
    assert "the glass box" not in found  # a term inside a quote, no one introduces it
    for q in quotes:
        assert NESTED[q.sources[0].start : q.sources[0].end] == q.text
    # the outer quotes stay whole
    assert any(t.startswith("Then she told me, ‘I’m on the radio") for t in found)


def test_someone_a_speaker_tells_of_in_their_own_words_is_who_they_quote() -> None:
    text = (
        "GOV. HALVORSEN: I went to the shelter this morning and talked with a woman who is 81 "
        "years old. She told me, “Governor, I stayed for the last storm too.”\n\n"
        "Q: When will power come back?\n\n"
        "GOV. HALVORSEN: I spoke with the president an hour ago. He asked me, “What do you "
        "need?” and I told him generators.\n"
    )
    found = {q.text: q.speaker for q in run(text)}
    assert found["Governor, I stayed for the last storm too."] == "woman"
    assert found["What do you need?"] == "president"
