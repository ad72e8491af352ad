"""A quoted word or two inside reported speech is the speaker's (reported.py); a term, a title or
a scare quote that no one is reported as saying stays out.

Original sentences with fictional people, one construction each (the shapes were found reading
PolNeAR train misses and written here from scratch).
"""

from __future__ import annotations

import pytest
from test_quotes import run

INTRO = "Dana Holt, Ruth Okafor and Mark Lindqvist met on Monday.\n\n"


def quoted(body: str) -> dict[str, tuple[str, str | None]]:
    """Every extracted quote's text -> (speaker, the words its attribution rests on)."""
    text = INTRO + body
    out = {}
    for q in run(text):
        span = q.sources[0].speaker_span
        out[q.text.rstrip(".")] = (q.speaker, text[span[0] : span[1]] if span else None)
    return out


@pytest.mark.parametrize(
    ("body", "word", "speaker", "mention"),
    [
        # in the complement of a verb of saying, after an indefinite article
        (
            "Okafor said the levy could be a “failure” if the council waits.",
            "failure",
            "Ruth Okafor",
            "Okafor",
        ),
        (
            "Lindqvist argued that “outsiders” had stirred up the dispute.",
            "outsiders",
            "Mark Lindqvist",
            "Lindqvist",
        ),
        ("Holt called him a “coward” on the radio.", "coward", "Dana Holt", "Holt"),
        ("Then she cut into Lindqvist, calling him a “bore.”", "bore", "Dana Holt", "she"),
        # … or a definite one: the word is still the speaker's
        ("Okafor said the “fraud” went back to the spring.", "fraud", "Ruth Okafor", "Okafor"),
        ("Residents said the “emergency” had been coming for years.", "emergency", "Residents", "Residents"),
        # an attribution phrase governs the clause after it
        (
            "According to Okafor, the papers would call her a “quitter” if she left.",
            "quitter",
            "Ruth Okafor",
            "Okafor",
        ),
        # a verb of framing right after its subject, not in the verbs of saying
        (
            "Lindqvist blamed the delay on “bureaucrats” and left.",
            "bureaucrats",
            "Mark Lindqvist",
            "Lindqvist",
        ),
        ("Okafor later defended the budget as “fair.”", "fair", "Ruth Okafor", "Okafor"),
        (
            "Holt did post on her page that the claims were “nonsense” last night.",
            "nonsense",
            "Dana Holt",
            "Holt",
        ),
        # an attribution after a comma that closes the sentence
        ("Even a “good” wage does not help the family, Okafor said.", "good", "Ruth Okafor", "Okafor"),
        (
            "The board made a “mistake” in hiring the clerk, Lindqvist has said.",
            "mistake",
            "Mark Lindqvist",
            "Lindqvist",
        ),
        # … or a title-case slogan, in '' marks too
        ("''Keep the Harbour Open,'' Ms. Holt said.", "Keep the Harbour Open", "Dana Holt", "Ms. Holt"),
        # a name the speaker gives, by a verb of naming right after the speaker
        ("Within minutes, she called Lindqvist “Little Mark” twice.", "Little Mark", "Dana Holt", "she"),
        # a reply of one capitalised word, closed by its own attribution
        ("“Tuesday,” Holt answered.", "Tuesday", "Dana Holt", "Holt"),
        ("“Never,” said Lindqvist when asked about the merger.", "Never", "Mark Lindqvist", "Lindqvist"),
    ],
)
def test_a_word_in_reported_speech_is_the_speakers(body: str, word: str, speaker: str, mention: str) -> None:
    assert quoted(body).get(word) == (speaker, mention)


@pytest.mark.parametrize(
    ("body", "word"),
    [
        # "so-called": the writer names a thing
        ("Holt said the council had armed the so-called “rebels” last year.", "rebels"),
        # a name or a title, even in reported speech
        ("Okafor told the “Harbour Morning” show that she would run again.", "Harbour Morning"),
        ("Lindqvist said he backed the “Keep Rail” campaign.", "Keep Rail"),
        # a title: capitalised words with lower-case function words between them
        ("Holt said on Sunday’s “Meet the Harbour” that she would run.", "Meet the Harbour"),
        ("The “Ban on Night Flights” initiative failed in May.", "Ban on Night Flights"),
        ("Lindqvist defended the “Port of Call” plan, which he wrote.", "Port of Call"),
        # a name given by the writer: a participle after a comma, "so called"
        ("Okafor writes a blog, called the “Harbour Watch” by its readers.", "Harbour Watch"),
        ("Holt backed the so called “Fair Rent” initiative.", "Fair Rent"),
        # no verb of saying: a term, however close its subject
        ("Okafor joined the council for a “unity” lunch.", "unity"),
        ("Holt crushed the party’s “establishment” candidate in May.", "establishment"),
        ("Lindqvist's promise of a “fresh” start impressed nobody.", "fresh"),
        ("The “opt-out” movement grew quickly in the valley.", "opt-out"),
        # a verb right after the word has it for its subject
        ("Party leaders backed the plan, as the “review” recommended, and lost the vote.", "review"),
        # a passive verb of saying names no speaker
        ("Lindqvist sat through what is called a “hearing” but was a lecture.", "hearing"),
    ],
)
def test_terms_titles_and_scare_quotes_stay_out(body: str, word: str) -> None:
    assert word not in quoted(body)


def test_a_word_after_another_clause_is_not_the_first_verbs() -> None:
    """ "While Holt calls it “…,” Okafor dwells on the “cost”": the second quote is in a clause of
    its own, which the verb before the first quote does not govern."""
    got = quoted("While Holt calls the plan “a sound and timely idea,” Okafor dwells on a “cost” nobody saw.")
    assert got.get("a sound and timely idea", (None,))[0] == "Dana Holt"
    assert got.get("cost", (None,))[0] != "Dana Holt"


def test_markup_attribute_values_are_no_quotes() -> None:
    """Scraped markup left in the text (`<tweet tweet-author="@holt" tweet-date="May 3, 2016">`):
    an attribute's value in marks after "=" is nobody's words."""
    got = quoted(
        'Holt wrote on Tuesday: <tweet tweet-author="@danaholt" tweet-date="May 3, 2016">The levy is dead.'
        '</tweet> <a href="http://example.org/levy">more</a>\n'
    )
    assert not [q for q in got if q.startswith(("May 3", "@danaholt", "http"))]
