"""Attribution as news is written: cues, subject phrases, pronouns across paragraphs, gender."""

from __future__ import annotations

import pytest

from briefing.models import Article
from briefing.quotes import extract
from briefing.segment import segment, split_paragraphs


def run(text: str):
    article = Article(id="t", path="t.txt", title="T", text=text)
    paragraphs = split_paragraphs(text, "t")
    return extract(article, paragraphs, segment(paragraphs))


def spoken(text: str) -> list[tuple[str, str, str | None]]:
    """(quote, speaker, the words the attribution rests on) for every quote of ``text``."""
    out = []
    for q in run(text):
        (s,) = q.sources
        out.append((q.text, q.speaker, text[slice(*s.speaker_span)] if s.speaker_span else None))
    return out


@pytest.mark.parametrize(
    ("text", "speaker", "words"),
    [
        # a subject that is no name: the phrase speaks as written
        (
            "The ferry was late.\n\n“We have waited since May,” the board said in a statement.",
            "board",
            "the board",
        ),
        ("The ferry was late.\n\n“We waited long,” says a lock-keeper.", "a lock-keeper", "a lock-keeper"),
        # an apposition between subject and verb, and a middle initial
        (
            "The ferry was late.\n\n“It will run again,” Tomas K. Lehto, a harbour pilot for the river "
            "authority of Nordland, said on Tuesday.",
            "Tomas K. Lehto",
            "Tomas K. Lehto",
        ),
        # present tense and verbs news uses besides "said"
        ("The ferry was late.\n\n“Not again,” Ilse Marner insists.", "Ilse Marner", "Ilse Marner"),
        ("The ferry was late.\n\n“Not again,” Ilse Marner shot back.", "Ilse Marner", "Ilse Marner"),
        # an attribution closing the sentence after more words
        ("Ilse Marner came.\n\n“Not this week” at the pier, she said.", "Ilse Marner", "she"),
        # a colon introduction in the paragraph before
        (
            "In a speech on Monday, Ilse Marner declared:\n\n“The pier will open in June.”",
            "Ilse Marner",
            "Ilse Marner",
        ),
    ],
)
def test_cues_as_news_writes_them(text: str, speaker: str, words: str) -> None:
    ((_, got, span),) = spoken(text)
    assert (got, span) == (speaker, words)


def test_a_pronoun_resolves_across_paragraphs_to_the_person_of_its_gender() -> None:
    text = (
        "Petra Lind runs the ferry company. Jonas Aalto owns the pier.\n\n"
        "The two have argued for a year about the fees.\n\n"
        "The council met on Monday and heard both.\n\n"
        "“We cannot pay twice,” she said.\n\n"
        "“The fees stay,” he said."
    )
    assert [(s, w) for _, s, w in spoken(text)] == [("Petra Lind", "she"), ("Jonas Aalto", "he")]


def test_first_names_give_gender_without_titles() -> None:
    # Without a first-name lexicon the last person named (Jonas Aalto) would be "she".
    text = (
        "Petra Lind met Jonas Aalto at the pier.\n\nJonas Aalto left early.\n\n“We will be back,” she said."
    )
    assert [s for _, s, _ in spoken(text)] == ["Petra Lind"]


def test_a_participle_after_a_quote_is_not_an_inverted_attribution() -> None:
    text = "Jonas Aalto spoke first.\n\nPetra Lind defended the “fair fees,” claiming that he had lied."
    assert [s for _, s, _ in spoken(text)] == ["Petra Lind"]


def test_a_credit_line_after_a_quote_names_its_speaker() -> None:
    text = (
        "Readers wrote to us about the ferry.\n\n"
        "“The pier is the heart of the town.” ― Liv Marner\n\n"
        "“Nobody asked the fishermen.” ― Oskar Velden"
    )
    assert [(s, w) for _, s, w in spoken(text)] == [
        ("Liv Marner", "Liv Marner"),
        ("Oskar Velden", "Oskar Velden"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The Nordland Post reported that Petra Lind said “the fees will stay where they are.”",
        "According to the Nordland Post, Petra Lind said “the fees will stay where they are.”",
        "The Nordland Post quoted Petra Lind as saying “the fees will stay where they are.”",
    ],
)
def test_relayed_speech_is_the_speakers_not_the_outlets(text: str) -> None:
    assert [(s, w) for _, s, w in spoken("The ferry was late.\n\n" + text)] == [("Petra Lind", "Petra Lind")]


def test_transcript_labels_name_the_speaker_and_a_question_is_no_ones() -> None:
    text = (
        "Jonas Aalto, the harbour master, took questions.\n\n"
        "“Q: Will the pier open in June?”\n\n"
        "“HARBOUR MASTER AALTO: We will open it when it is safe, not before.”"
    )
    assert [(s, w) for _, s, w in spoken(text)] == [
        ("unattributed", None),
        ("Jonas Aalto", "HARBOUR MASTER AALTO"),
    ]


def test_a_place_or_an_adjective_is_never_the_speaker() -> None:
    text = (
        "The ferry was late again.\n\n"
        "Oklahoma called the plan “a waste of public money and time.”\n\n"
        "German officials arrived. German called it “a fair and open process for all.”"
    )
    assert [s for _, s, _ in spoken(text)] == ["unattributed", "unattributed"]


@pytest.mark.parametrize("demonym", ["Mexican", "Kentuckian", "Texan", "Chilean"])
def test_a_demonym_of_any_country_or_state_is_no_speaker(demonym: str) -> None:
    """Not only the lexicon's few countries: every country's and state's regular adjective."""
    text = f"The ferry was late again.\n\n{demonym} called the plan “a waste of public money and time.”"
    assert [s for _, s, _ in spoken(text)] == ["unattributed"]


def test_a_surname_that_is_also_a_city_stays_a_person() -> None:
    text = "Ilse Houston chairs the board.\n\nHouston called the plan “a fair and open process for all.”"
    assert [s for _, s, _ in spoken(text)] == ["Ilse Houston"]


def test_transcript_turns_are_the_labelled_speakers_statements() -> None:
    text = (
        "Director Jonas Aalto met Mayor Petra Lind at the pier.\n\n"
        "DIRECTOR AALTO: We will open the pier when it is safe.\n\n"
        "Q: Will that be in June?\n\n"
        "MAYOR LIND: (Via interpreter) The council decides that, not the harbour.\n\n"
        "UPDATE: This story was updated on Tuesday."
    )
    assert [(q, s, w) for q, s, w in spoken(text)] == [
        ("We will open the pier when it is safe.", "Jonas Aalto", "DIRECTOR AALTO"),
        ("The council decides that, not the harbour.", "Petra Lind", "MAYOR LIND"),
    ]


def test_page_furniture_never_speaks() -> None:
    text = (
        "Petra Lind arrived late.\n\n"
        "“We will not accept this,” Article Continued Below said.\n\n"
        "“We are ready,” Getty Images said."
    )
    assert [s for _, s, _ in spoken(text)] == ["unattributed", "unattributed"]


def test_a_coordinated_verb_shares_the_clause_subject() -> None:
    text = "The vote was close.\n\nPetra Lind backed Jonas Aalto over Liv Marner and said, “Nordland needs a new pier.”"
    assert [s for _, s, _ in spoken(text)] == ["Petra Lind"]


def test_the_organisation_named_before_speaks_for_its_head_noun() -> None:
    text = (
        "The Nordland Harbour Authority closed the pier on Monday.\n\n"
        "“The pier stays closed until the storm passes,” the authority said in a statement."
    )
    assert [(s, w) for _, s, w in spoken(text)] == [("Nordland Harbour Authority", "the authority")]


def test_a_quotation_paragraph_goes_on_with_the_reported_speech_before_it() -> None:
    text = (
        "The council met on Monday.\n\n"
        "Petra Lind argued in a letter that the fees were never explained to the fishermen.\n\n"
        "“Nobody asked them, and nobody will pay twice for one pier.”"
    )
    assert [(s, w) for _, s, w in spoken(text)] == [("Petra Lind", "Petra Lind")]
