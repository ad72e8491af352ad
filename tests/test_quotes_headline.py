"""Headline quotes: a quote in the title, attributed to a speaker the title names.

The articles are original and fictional (Nordland, its mayor Ilse Varga, its governor Tomas
Brandt, foreign minister Osk Lindqvist).
"""

from __future__ import annotations

import dataclasses

import pytest

from briefing.clean import clean
from briefing.config import load_config
from briefing.models import Actor, Article, Quote
from briefing.pipeline import analyse_article
from briefing.quotes import extract, headline_quotes, merge
from briefing.segment import segment

BODY = (
    "Foreign Minister Osk Lindqvist spoke in Harbourtown on Monday. Mayor Ilse Varga met the dock "
    "workers, and Governor Tomas Brandt toured the flooded quay.\n\n"
    "“The ferry will run daily,” Varga said.\n\n"
    "The storm closed the old harbour road for two days."
)


def headline(title: str, body: str = BODY, actors: tuple[Actor, ...] = ()) -> tuple[Quote, ...]:
    article = Article(id="t1", path="t1.txt", title=title, text=body)
    cleaned = clean(article)
    sentences = segment(cleaned.paragraphs)
    found = extract(article, cleaned.paragraphs, sentences, actors)
    return headline_quotes(article, cleaned.paragraphs, sentences, actors, found)


def said(title: str, body: str = BODY) -> list[tuple[str, str, str]]:
    """(quote, speaker, the title words the attribution rests on) of each headline quote."""
    out = []
    for q in headline(title, body):
        (s,) = q.sources
        assert s.in_title and s.paragraph == -1 and s.sentence is None
        assert title[s.start : s.end] == q.text  # spans index the title
        assert s.speaker_span is not None
        out.append((q.text, q.speaker, title[s.speaker_span[0] : s.speaker_span[1]]))
    return out


def test_a_verb_of_saying_before_the_quote_names_the_speaker_resolved_in_the_body() -> None:
    (q,) = headline("Lindqvist warns of ‘grave consequences’")
    assert (q.text, q.speaker, q.kind, q.cue) == ("grave consequences", "Osk Lindqvist", "partial", "warns")
    assert q.role == "Foreign Minister"
    assert said("Lindqvist warns of ‘grave consequences’") == [
        ("grave consequences", "Osk Lindqvist", "Lindqvist")
    ]


def test_a_speaker_label_and_a_colon_make_everything_after_it_theirs() -> None:
    assert said("Mayor: ‘We will not close the port’") == [
        ("We will not close the port", "Ilse Varga", "Mayor")
    ]
    assert said("Brandt: Varga’s plan is ‘a gift to the harbour’") == [
        ("a gift to the harbour", "Tomas Brandt", "Brandt")
    ]
    assert said("Varga: Brandt’s plan is ‘reckless’") == [("reckless", "Ilse Varga", "Varga")]  # one word
    # "X on Y:" is still X's label; a label that opens a clause speaks for a quote naming no one.
    assert said("Brandt on the port: ‘It stays open’") == [("It stays open", "Tomas Brandt", "Brandt")]
    assert said("Brandt tours the quay: ‘We will rebuild’") == [("We will rebuild", "Tomas Brandt", "Brandt")]


def test_an_attribution_after_the_quote_with_the_article_dropped() -> None:
    assert said("‘We will rebuild,’ says governor") == [("We will rebuild", "Tomas Brandt", "governor")]
    assert said("‘We will rebuild,’ Brandt says") == [("We will rebuild", "Tomas Brandt", "Brandt")]
    # the quote's own attribution wins over a clause label before it
    assert said("Storm hits the quay: ‘We will rebuild,’ says Brandt") == [
        ("We will rebuild", "Tomas Brandt", "Brandt")
    ]


@pytest.mark.parametrize("marks", ["‘’", "''", "“”", '""'])
def test_every_headline_mark_style(marks: str) -> None:
    title = f"Lindqvist warns of {marks[0]}grave consequences{marks[1]}"
    assert said(title) == [("grave consequences", "Osk Lindqvist", "Lindqvist")]


@pytest.mark.parametrize(
    "title",
    [
        "The ‘special operation’ enters its third year",
        "Inside the ‘ghost fleet’",
        "Varga’s ‘harbour of the future’ divides the council",  # a subject only: a name, not speech
        "Brandt visits ‘the old quay’ at dawn",  # no verb of saying
        "Analysis: ‘We will rebuild’ is the wrong slogan",  # a genre label is no speaker
        "Ukraine: ‘We will not give up’",  # a place label names a topic as often
        "‘We are tired’: a quay waits for the ferry",  # a colon parts the quote from the clause
    ],
)
def test_scare_quotes_and_labels_that_say_nothing_stay_out(title: str) -> None:
    assert headline(title) == ()


def test_a_quote_opening_the_title_is_the_subject_s_after_the_colon() -> None:
    # "‘…’: Name verbs …" / "‘…’: Name on …": a feature headline's shape; a role may come first
    assert said("‘I will not resign’: Varga vows to fight on") == [
        ("I will not resign", "Ilse Varga", "Varga")
    ]
    assert said("“We were lucky”: Governor Tomas Brandt on the night the quay flooded") == [
        ("We were lucky", "Tomas Brandt", "Governor Tomas Brandt")
    ]
    assert headline("‘We were lucky’: the quay on the night it flooded") == ()  # no one speaks
    assert headline("‘We were lucky’: Harbourtown braces for the next storm") == ()  # a place does not


def test_title_case_headlines_read_as_sentences() -> None:
    (q,) = headline("Lindqvist Warns Of ‘Grave Consequences’")
    assert (q.text, q.speaker, q.cue, q.kind) == ("Grave Consequences", "Osk Lindqvist", "warns", "partial")
    assert said("Brandt Slams Harbour Plan As ‘A Disgrace’") == [("A Disgrace", "Tomas Brandt", "Brandt")]


def test_headline_verbs_report_speech_next_to_their_subject() -> None:
    assert said("Governor vows to ‘rebuild every pier’") == [
        ("rebuild every pier", "Tomas Brandt", "Governor")
    ]
    assert said("Brandt calls the plan ‘a disgrace’") == [("a disgrace", "Tomas Brandt", "Brandt")]
    # a name far from the verb is no subject of it ("council" is, and names no one)
    assert headline("Varga’s harbour budget was cut again; council says plan ‘half-finished’") == ()


def test_a_quote_the_body_holds_takes_the_body_speaker() -> None:
    # the same words, the same speaker: the headline's own attribution and its span stay
    assert said("Varga: ‘The ferry will run daily’") == [("The ferry will run daily", "Ilse Varga", "Varga")]
    # words inside a body quote, the headline's subject a description: the body names who said it
    (q,) = headline("Port chief insists ferry will ‘run daily’")
    assert (q.text, q.speaker, q.role, q.cue) == ("run daily", "Ilse Varga", "Mayor", "repeated")
    (s,) = q.sources
    assert s.in_title and s.speaker_span is None  # no word of the title names her
    unattributed = BODY.replace("Varga said", "a banner read")
    (q,) = headline("Varga: ‘The ferry will run daily’", unattributed)
    assert q.speaker == "Ilse Varga"  # the body's copy names no one: the headline's stays


def test_a_title_from_the_body_or_repeated_in_it_gives_nothing_of_its_own() -> None:
    article = Article(id="t2", path="t2.txt", title="Mayor: ‘We will not close the port’", text=BODY)
    cleaned = clean(article)
    sentences = segment(cleaned.paragraphs)
    derived = dataclasses.replace(article, title_derived=True)
    assert headline_quotes(derived, cleaned.paragraphs, sentences) == ()
    repeated = "Mayor: ‘We will not close the port’\n\n" + BODY
    assert headline("Mayor: ‘We will not close the port’", repeated) == ()


def test_config_actors_name_a_title_speaker() -> None:
    actor = Actor("Osk Lindqvist", aliases=("Lindqvist",), role="Foreign Minister", affiliation="Nordland")
    (q,) = headline("Lindqvist: ‘Talks resume in spring’", "The talks stalled again on Monday.", (actor,))
    assert (q.speaker, q.role, q.affiliation) == ("Osk Lindqvist", "Foreign Minister", "Nordland")


def test_the_pipeline_puts_headline_quotes_first() -> None:
    article = Article(id="t3", path="t3.txt", title="Mayor: ‘We will not close the port’", text=BODY)
    analysed = analyse_article(article, load_config())
    assert [q.sources[0].in_title for q in analysed.quotes] == [True, False]
    assert analysed.quotes[0].topics == ()  # the title is no body sentence: no topic of its own


def test_merge_folds_a_headline_into_the_body_report_of_the_same_words() -> None:
    other = Article(id="a0", path="a.txt", title="Mayor: ‘We Will Not Close The Port’", text=BODY)
    body = Article(
        id="b0", path="b.txt", title="Harbour news", text="“We will not close the port,” Varga said."
    )
    quotes = []
    for article in (other, body):
        cleaned = clean(article)
        sentences = segment(cleaned.paragraphs)
        found = extract(article, cleaned.paragraphs, sentences)
        quotes += [*headline_quotes(article, cleaned.paragraphs, sentences, (), found), *found]
    merged = [q for q in merge(quotes) if "port" in q.text]
    (q,) = merged
    # one entry, the body's wording (its source comes first), both articles cited
    assert q.text == "We will not close the port"
    assert [(s.article_id, s.in_title) for s in q.sources] == [("b0", False), ("a0", True)]


def test_a_verb_before_a_semicolon_reports_no_quote_after_it() -> None:
    # the clause after the semicolon has a speaker of its own, right before the quote
    title = "Harbour Negotiations soon to conclude in Ellen; UN ‘concerned by the pace of things’"
    assert [(q.speaker, q.cue) for q in headline(title)] == [("UN", "headline")]
    assert headline("Harbour Negotiations soon to conclude in Ellen; ‘concerned by the pace of things’") == ()


@pytest.mark.parametrize(
    ("title", "speaker", "words"),
    [
        ("Harbour talks near their end; Varga “concerned by the pace of things”", "Ilse Varga", "Varga"),
        ("Brandt ‘deeply disappointed’ by ferry ruling", "Tomas Brandt", "Brandt"),
    ],
)
def test_a_lower_case_quote_right_after_its_speaker_is_theirs(title: str, speaker: str, words: str) -> None:
    # no verb between: a headline's shorthand for "X is “…”"; a capitalised quote there is a
    # work's title, and a verb between makes a subject only ("Brandt visits ‘the old quay’")
    ((_quote, who, rests_on),) = said(title)
    assert (who, rests_on) == (speaker, words)
    assert headline("Brandt ‘Harbour Lights’ sequel in the works") == ()


ROLES_BODY = (
    "The harbour committee met on Tuesday. The chair, Bronwen Pryce-Okoro, heard residents for three hours. "
    "Judge Helen Cartwright sentenced the former treasurer, and Nordline chief executive Matthias Kronberger "
    "spoke to analysts. Shadow health secretary Niamh Cassidy visited the quay.\n\n"
    "“We will see,” Kronberger said.\n"
)


@pytest.mark.parametrize(
    ("title", "speaker", "words"),
    [
        ("Car park plan deferred as chair warns there are “no easy answers”", "Bronwen Pryce-Okoro", "chair"),
        (
            "Shadow health secretary says families have been ‘misled’",
            "Niamh Cassidy",
            "Shadow health secretary",
        ),
        ("Nordline shares slide; CEO says demand is “lumpy, not lost”", "Matthias Kronberger", "CEO"),
        # a credit after the quote wins over the title's subject before it
        ("Treasurer ‘betrayed’ her community, judge says", "Helen Cartwright", "judge"),
    ],
)
def test_a_bare_role_subject_of_a_title_is_the_body_person_holding_it(
    title: str, speaker: str, words: str
) -> None:
    # a headline drops the article before a role ("the chair warns"): the role is still the
    # subject, and it names the one person of the body whose stated role it fits
    ((_quote, who, rests_on),) = said(title, ROLES_BODY)
    assert (who, rests_on) == (speaker, words)


def test_a_title_quote_no_one_in_the_title_says_is_the_body_speakers_when_the_body_quotes_it() -> None:
    (q,) = headline("‘The ferry will run daily’: harbour town cheers new timetable")
    assert (q.text, q.speaker, q.cue, q.kind) == (
        "The ferry will run daily",
        "Ilse Varga",
        "repeated",
        "full",
    )
    (s,) = q.sources
    assert s.in_title and s.speaker_span is None
    # words the body quotes from no one, a single word, a name: nobody's
    assert headline("‘Storm of the decade’: harbour town counts the cost") == ()
    assert headline("Harbour town hopes the ‘ferry’ returns") == ()
    assert headline("Harbour town cheers ‘Run Daily’ festival", BODY.replace("run daily", "Run Daily")) == ()
