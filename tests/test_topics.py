"""Topic matching: stemmed, case-insensitive, multi-word, several topics per sentence."""

from __future__ import annotations

from briefing.config import Topic, load_config
from briefing.topics import TopicMatcher, stems

TOPICS = [
    Topic("harbour", "Harbour", ("harbour", "dock workers", "container terminal")),
    Topic("budget", "Budget", ("budget", "spending cuts", "tax")),
]


def test_stems_fold_case_punctuation_and_inflection() -> None:
    assert stems("Dock-Workers’ STRIKES") == stems("dock workers strike")


def test_single_words_match_inflected_forms_case_insensitively() -> None:
    m = TopicMatcher.from_topics(TOPICS)
    assert m.match("Two HARBOURS were closed.") == ("harbour",)
    assert m.match("Taxes rose again.") == ("budget",)


def test_phrases_match_only_as_ordered_runs() -> None:
    m = TopicMatcher.from_topics(TOPICS)
    assert m.match("The dock workers walked out.") == ("harbour",)
    assert m.match("Workers at the dock walked out.") == ()
    assert m.match("The new container terminals opened.") == ("harbour",)


def test_a_sentence_can_serve_several_topics() -> None:
    m = TopicMatcher.from_topics(TOPICS)
    assert m.match("Spending cuts hit the harbour budget.") == ("harbour", "budget")


def test_hyphenated_words_match_their_parts() -> None:
    m = TopicMatcher.from_topics([Topic("minsk", "Minsk", ("separatists",))])
    assert m.match("Fighting between the army and pro-Russian separatists resumed.") == ("minsk",)


def test_default_topics_recognise_analyst_vocabulary() -> None:
    m = TopicMatcher.from_topics(load_config().topics)
    assert "nato-expansion" in m.match("Moscow wants guarantees against the alliance's eastward expansion.")
    assert "sanctions" in m.match("The ministers agreed on new export controls.")
    assert "minsk-accords" in m.match("Shelling was reported near Lugansk overnight.")
    assert "troop-buildup" in m.match("Satellite images show troops massing near the border.")
    assert m.match("The weather was mild in the capital.") == ()
