"""Quotes: who the speaker is when the text does not simply write "Name said" (fictional people).

Continuations inside a paragraph, unnamed described speakers ("a senior diplomat", "the
official"), appositions ("a spokesperson for X, Name,"), titles kept out of names, pronouns that
respect the gender the text shows, and words that must never become a speaker.
"""

from __future__ import annotations

import pytest

from briefing.models import Quote, QuoteSource
from briefing.quotes import UNATTRIBUTED, merge
from tests.test_quotes import by_start, run


@pytest.fixture(scope="module")
def described(request) -> tuple[Quote, ...]:
    path = request.config.rootpath / "tests" / "fixtures" / "quotes" / "described.txt"
    return run(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "prefix, speaker, cue",
    [
        # “A,” said Name, a … who … . “B.”: B continues the speaker of A
        ("The pumps are the tell", "Maren Holt", "continuation"),
        # “A,” the official said. “B.”
        ("The question is who pays", "port official", "continuation"),
        # “A,” a … diplomat … said. “B.”
        ("Silence has not worked", "senior regional diplomat", "continuation"),
        ("So we start with the pumps", "Northern participant", "continuation"),
        # “A,” she said. “B.”
        ("Every single one", "Anja Berg", "continuation"),
    ],
    ids=["after-apposition", "the-official", "diplomat", "participant", "she-said"],
)
def test_a_quote_after_an_attributed_quote_in_its_paragraph_continues_that_speaker(
    described, prefix, speaker, cue
):
    q = by_start(described, prefix)
    assert (q.speaker, q.cue) == (speaker, cue)


def test_a_sentence_of_other_words_between_two_quotes_stops_the_continuation(described):
    first = by_start(described, "The dredgers leave on Friday")
    assert first.speaker == "Lars Eng"
    second = by_start(described, "Nobody asked the fishermen")
    assert second.speaker == UNATTRIBUTED and second.cue is None


def test_unnamed_speakers_are_their_description(described):
    # determiner + adjectives + role noun; a qualifier between subject and verb is allowed
    q = by_start(described, "We are preparing rules")
    assert (q.speaker, q.cue, q.role) == ("senior regional diplomat", "said", None)
    q = by_start(described, "Nobody in this hall")
    assert q.speaker == "Northern participant"


def test_the_official_links_back_to_the_official_the_article_described(described):
    q = by_start(described, "We have seen this before")
    assert (q.speaker, q.mention, q.cue) == ("port official", "official", "said")


def test_the_official_without_an_earlier_description_is_just_the_official():
    (q,) = run("“The gates stay shut tonight,” the official said.")
    assert q.speaker == "official"


def test_the_official_links_to_the_most_recent_description_with_the_same_noun():
    text = (
        "A harbour official said the ferries would run. A police officer said the road was "
        "closed. Later a water board official spoke to residents.\n\n"
        "“We will pump all night,” the official said."
    )
    (q,) = run(text)
    assert q.speaker == "water board official"


def test_a_description_speaker_has_no_role_repeating_it(described):
    q = by_start(described, "A closed river is not a plan")
    assert (q.speaker, q.role, q.cue) == ("transport minister", None, "told")


def test_apposition_names_the_person_and_the_description_becomes_the_role(described):
    q = by_start(described, "We tested them for twelve hours")
    assert (q.speaker, q.role) == ("Oskar Lenz", "spokesperson for the water board")


def test_titles_are_not_part_of_the_name(described):
    q = by_start(described, "What we see is not maintenance")
    assert q.speaker == "Maren Holt"
    assert q.role is not None and "Colonel" in q.role and "retired engineer" in q.role
    q = by_start(described, "The first winter is cheap")
    assert (q.speaker, q.role) == ("Ilka Sorensen", "economist at the Institute for River Trade in Caldera")


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("“The gates will hold,” said Major Lina Voss.", "Lina Voss"),
        ("“The gates will hold,” said Ms. Lina Voss.", "Lina Voss"),
        ("“The gates will hold,” said Prof. Lina Voss.", "Lina Voss"),
        ("Lina Voss, a hydrologist, spoke first.\n\n“The gates will hold,” Voss said.", "Lina Voss"),
    ],
)
def test_title_variants(text, speaker):
    (q,) = run(text)
    assert q.speaker == speaker


def test_rank_before_a_surname_resolves_to_the_full_name():
    text = "Colonel Lina Voss inspected the gates on Monday.\n\n“The gates will hold,” Colonel Voss said."
    (q,) = run(text)
    assert (q.speaker, q.role) == ("Lina Voss", "Colonel")


def test_merge_links_a_titled_surname_across_articles():
    def quote(text: str, speaker: str, article: str) -> Quote:
        return Quote(
            text=text,
            kind="full",
            speaker=speaker,
            sources=(QuoteSource(article, f"{article}.txt", 0, len(text), 0, 0),),
        )

    merged = merge(
        [
            quote("The gates will hold.", "Lina Voss", "a"),
            quote("The pumps are ready.", "Voss", "b"),
            quote("The wall is late.", "Dr. Lina Voss", "c"),
        ]
    )
    assert {q.speaker for q in merged} == {"Lina Voss"}


def test_she_does_not_name_a_man_the_text_shows_as_one(described):
    # "Mr. Paul Ries" is the most recent subject, but "she" can only be "Mrs. Anja Berg"
    q = by_start(described, "We will publish every invoice")
    assert q.speaker == "Anja Berg"


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Mr. Paul Ries left early. “We will be back,” she said.", UNATTRIBUTED),
        ("A spokesman for the board, Kim Aro, arrived late. “We will be back,” she said.", UNATTRIBUTED),
        ("A spokesman for the board, Kim Aro, arrived late. “We will be back,” he said.", "Kim Aro"),
        ("Kim Aro arrived late. “We will be back,” she said.", "Kim Aro"),  # gender unknown: agrees
    ],
)
def test_pronoun_gender(text, speaker):
    (q,) = run(text)
    assert q.speaker == speaker


@pytest.mark.parametrize(
    "text",
    [
        # a capitalised word opening the sentence, before a verb of saying that is not its own
        "Harbour repairs announced for “routine maintenance of the old dykes” have doubled in cost.",
        "Flood barriers ordered for “routine maintenance work” have been left half built.",
        # no verb of saying and no speaker noun
        "Yesterday the “longest night of the year” passed quietly in Caldera.",
    ],
)
def test_a_noun_that_is_no_speaker_never_becomes_one(text):
    for q in run(text):
        assert q.speaker == UNATTRIBUTED


def test_a_name_opening_its_sentence_still_speaks_when_the_article_knows_it():
    text = "Lina Voss toured the gates.\n\nVoss announced “a full review of the dyke budget” on Friday."
    (q,) = run(text)
    assert q.speaker == "Lina Voss"


def test_a_clause_between_subject_and_verb_is_not_a_qualifier():
    # "… who were briefed have said": the verb belongs to a clause of its own
    text = "“The gates will hold,” two officials who were briefed have said."
    (q,) = run(text)
    assert q.speaker == UNATTRIBUTED


def test_the_minister_links_back_to_the_unnamed_minister_described_before():
    text = (
        "The transport minister of one coastal province warned that prices were rising.\n\n"
        "“A closed river is not a plan,” the minister told reporters."
    )
    (q,) = run(text)
    assert (q.speaker, q.role, q.mention) == ("transport minister", None, "minister")


def test_a_lower_case_rank_names_the_officer_the_article_introduced():
    text = "Colonel Lina Voss inspected the gates.\n\n“They will hold,” the colonel said."
    (q,) = run(text)
    assert (q.speaker, q.role) == ("Lina Voss", "Colonel")


@pytest.mark.parametrize(
    "text",
    [
        "“The gates will hold,” said Dr. Lina Voss. “The pumps are ready.”",
        "“The gates will hold,” said U.S. envoy Lina Voss. “The pumps are ready.”",
        "“The gates will hold,” Lina Voss said on Monday, adding that the pumps had arrived. “They are ready.”",
    ],
)
def test_an_abbreviation_in_the_attribution_does_not_end_the_continuation(text):
    quotes = run(text)
    assert [q.speaker for q in quotes] == ["Lina Voss", "Lina Voss"]
    assert quotes[1].cue == "continuation"


def test_a_quote_after_a_sentence_of_reported_speech_continues_its_speaker():
    text = (
        "“This is the last warning,” Interior Minister Karl Dane said. The minister said later "
        "that the army would not be deployed. “Not this week, not next week.”"
    )
    quotes = run(text)
    assert [(q.speaker, q.cue) for q in quotes] == [("Karl Dane", "said"), ("Karl Dane", "continuation")]


def test_a_disagreeing_speaker_takes_the_quote_that_follows():
    text = "“It is a question of money,” said Jens Ulf. Maria Holm disagreed. “It is a question of respect.”"
    quotes = run(text)
    assert [q.speaker for q in quotes] == ["Jens Ulf", "Maria Holm"]


@pytest.mark.parametrize(
    "text",
    [
        # the sentence before has no verb of saying: nobody is reported
        "“It is a question of money,” said Jens Ulf. Maria Holm left the room. “It is a question of respect.”",
        # the quote does not open its sentence
        "Maria Holm said the talks were over. Later the crowd chanted “no deal without respect for us”.",
        # reported speech in another paragraph
        "Maria Holm said the talks were over.\n\nThe crowd waited outside. “It is a question of respect.”",
    ],
)
def test_reported_speech_continues_only_into_the_quote_right_after_it(text):
    assert run(text)[-1].speaker == UNATTRIBUTED


def test_an_age_between_name_and_apposition_keeps_the_role():
    text = "Maria Holm, 54, a teacher from the old town, marched again. “Nothing changes,” she said."
    (q,) = run(text)
    assert (q.speaker, q.role) == ("Maria Holm", "teacher from the old town")
