"""Segmentation: paragraphs and sentences with spans, on small texts of our own."""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.segment import SumyTokenizer, segment, sentence_spans, split_paragraphs, words


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


def test_plain_sentences_split_at_terminators() -> None:
    assert sentences("The mayor left. The council stayed! Why? Nobody knows…") == [
        "The mayor left.",
        "The council stayed!",
        "Why?",
        "Nobody knows…",
    ]


def test_quote_ending_a_sentence_stays_with_its_attribution() -> None:
    text = "“We will not sign this deal,” the negotiator said. Talks resume on Monday."
    assert sentences(text) == [
        "“We will not sign this deal,” the negotiator said.",
        "Talks resume on Monday.",
    ]


def test_sentence_ending_inside_closing_mark() -> None:
    text = "She called it “a turning point.” Critics disagreed."
    assert sentences(text) == ["She called it “a turning point.”", "Critics disagreed."]


def test_detached_closing_mark_belongs_to_its_sentence() -> None:
    text = "The envoy said that “the road will be closed to all traffic. “ The mayor objected."
    assert sentences(text) == [
        "The envoy said that “the road will be closed to all traffic. “",
        "The mayor objected.",
    ]


def test_detached_closing_mark_at_end_of_paragraph() -> None:
    text = "He warned that “the dam cannot hold much longer. ”"
    assert sentences(text) == [text]


def test_stray_full_stop_before_lower_case_word_is_not_a_boundary() -> None:
    text = "The two ministers spoke during a long meeting. in Vienna. Then they left."
    assert sentences(text) == ["The two ministers spoke during a long meeting. in Vienna.", "Then they left."]


def test_abbreviations_do_not_end_sentences() -> None:
    text = (
        "U.S. officials met Dr. Aris Pell and Gen. Mara Stone on Jan. 5 in the U.S. capital. "
        "Mr. Pell declined to comment."
    )
    assert sentences(text) == [
        "U.S. officials met Dr. Aris Pell and Gen. Mara Stone on Jan. 5 in the U.S. capital.",
        "Mr. Pell declined to comment.",
    ]


def test_acronym_at_end_of_sentence_before_clear_opener() -> None:
    assert sentences("The fund moved to the U.S. The board approved it.") == [
        "The fund moved to the U.S.",
        "The board approved it.",
    ]


def test_dash_introduced_speech_is_split_per_sentence() -> None:
    text = (
        "– We are ready to talk about the river – said the mayor. – The bridge can wait. Nobody else spoke."
    )
    assert sentences(text) == [
        "– We are ready to talk about the river – said the mayor.",
        "– The bridge can wait.",
        "Nobody else spoke.",
    ]


def test_dangling_scrap_after_full_stop_joins_the_sentence_before() -> None:
    text = "“We will build it,” the mayor said. City website by. The work starts soon."
    assert sentences(text) == [
        "“We will build it,” the mayor said. City website by.",
        "The work starts soon.",
    ]


def test_initials_are_not_boundaries() -> None:
    assert sentences("The report by J. K. Olsen was late. It arrived Friday.") == [
        "The report by J. K. Olsen was late.",
        "It arrived Friday.",
    ]


def test_paragraphs_split_on_blank_lines_and_complete_lines() -> None:
    text = "Headline without stop\n\nFirst paragraph ends here.\nSecond paragraph.\n\n\nThird one."
    paras = split_paragraphs(text, "a1")
    assert [p.text for p in paras] == [
        "Headline without stop",
        "First paragraph ends here.",
        "Second paragraph.",
        "Third one.",
    ]
    assert all(text[p.start : p.end] == p.text for p in paras)
    assert [p.index for p in paras] == [0, 1, 2, 3]


def test_hard_wrapped_lines_stay_one_paragraph() -> None:
    text = (
        "The committee met on Tuesday to discuss the budget for the coming year and the\n"
        "plans for the new harbour, which have been delayed twice already."
    )
    assert len(split_paragraphs(text, "a")) == 1


def test_bullets_are_paragraphs_of_their_own() -> None:
    text = "  • First point about the harbour\n  • Second point about the budget"
    assert [p.text for p in split_paragraphs(text, "a")] == [
        "• First point about the harbour",
        "• Second point about the budget",
    ]


def test_segment_numbers_sentences_across_paragraphs_with_article_spans() -> None:
    text = "Intro here.\n\nOne. Two.\n\nThree."
    result = segment(split_paragraphs(text, "art"))
    assert [s.index for s in result] == [0, 1, 2, 3]
    assert [s.paragraph for s in result] == [0, 1, 1, 2]
    for s in result:
        assert text[s.start : s.end] == s.text
        assert s.key == ("art", s.index)


def test_words_and_sumy_tokenizer() -> None:
    assert words("Kyiv’s mayor said 40 well-known pro-EU groups, e.g. ours, left.") == (
        "Kyiv's",
        "mayor",
        "said",
        "well-known",
        "pro-EU",
        "groups",
        "e",
        "g",
        "ours",
        "left",
    )
    tok = SumyTokenizer()
    assert tok.to_sentences("One here. Two there.") == ("One here.", "Two there.")
    assert tok.to_words("Hello, world!") == ("Hello", "world")


# --- properties ----------------------------------------------------------------------------------
_NEWSY = st.text(alphabet=string.ascii_letters + " .,!?…“”\"'«»–—-\n()0123456789", max_size=400)


def _check_spans(text: str) -> None:
    spans = sentence_spans(text)
    pos = 0
    for start, end in spans:
        assert pos <= start < end <= len(text)
        assert not text[pos:start].strip(), "only whitespace may fall between sentences"
        assert text[start:end] == text[start:end].strip()
        pos = end
    assert not text[pos:].strip(), "only whitespace may follow the last sentence"


@settings(max_examples=300, deadline=None)
@given(_NEWSY)
def test_spans_cover_newsy_text_in_order(text: str) -> None:
    _check_spans(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_spans_cover_arbitrary_unicode_in_order(text: str) -> None:
    _check_spans(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_paragraph_spans_are_exact_and_ordered(text: str) -> None:
    paras = split_paragraphs(text, "x")
    pos = 0
    for p in paras:
        assert p.start >= pos and text[p.start : p.end] == p.text and p.text.strip() == p.text
        pos = p.end
    covered = "".join(p.text for p in paras)
    assert "".join(covered.split()) == "".join(text.split())


# --- stamps opening a paragraph -------------------------------------------------------------------


def test_a_dateline_opening_a_paragraph_is_not_sentence_text() -> None:
    text = "STOCKHOLM (Reuters) – The board met. It voted.\n\nBy Tuesday, the vote was known."
    result = segment(split_paragraphs(text, "art"))
    assert [s.text for s in result] == ["The board met.", "It voted.", "By Tuesday, the vote was known."]
    for s in result:
        assert text[s.start : s.end] == s.text
    assert result[0].start == text.index("The board")


def test_a_sentence_that_is_only_a_stamp_is_no_sentence() -> None:
    text = "MOSCOW, February 12. /TASS/. The minister left.\n\nBy Ann Lee and Bo Park\n\nPublished: 2 December 2021\n\nShe spoke."
    result = segment(split_paragraphs(text, "art"))
    assert [s.text for s in result] == ["The minister left.", "She spoke."]
    assert [s.index for s in result] == [0, 1]
    assert [s.paragraph for s in result] == [0, 3]


def test_a_stamp_later_in_a_paragraph_stays_text() -> None:
    # Only the opening of a paragraph carries a dateline; the same words later are reported text.
    text = "The agency wrote it. WASHINGTON (AP) — was its first line."
    assert [s.text for s in segment(split_paragraphs(text, "a"))] == [
        "The agency wrote it.",
        "WASHINGTON (AP) — was its first line.",
    ]


_STAMPS = st.sampled_from(
    [
        "",
        "STOCKHOLM (Reuters) – ",
        "Dec. 2 (UPI) -- ",
        "MOSCOW, February 12. /TASS/. ",
        "By Ann Lee\n\n",
        "AFP\n",
    ]
)


@settings(max_examples=200, deadline=None)
@given(_STAMPS, _NEWSY, _STAMPS, _NEWSY)
def test_sentences_after_stamps_keep_exact_ordered_spans(a: str, b: str, c: str, d: str) -> None:
    text = a + b + "\n\n" + c + d
    result = segment(split_paragraphs(text, "x"))
    pos = 0
    for i, s in enumerate(result):
        assert s.index == i and pos <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text and s.text.strip() == s.text
        pos = s.end
