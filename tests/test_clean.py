"""Clean: boilerplate removal, headings and list items, on original fixtures and the seeds."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.clean import clean
from briefing.clean.blocks import classify_blocks
from briefing.errors import ConfigError
from briefing.ingest import article_id, normalise, read_path
from briefing.models import Article, CleanArticle

# Body paragraphs for inline articles: plain reported sentences, long enough to be body.
LEDE = "The town council voted on Tuesday to rebuild the old pier after a three-year dispute."
MIDDLE = "Work is due to start in March and to take about eighteen months, the planning office said."
CLOSE = "The council said it would publish a plan for a temporary landing place next week."


def make(*paragraphs: str) -> Article:
    text = "\n\n".join(paragraphs)
    return Article(id=article_id(text), path="inline.txt", title="Inline", text=text)


def kept(result: CleanArticle) -> list[str]:
    return [p.text for p in result.paragraphs]


def removed(result: CleanArticle) -> dict[str, str]:
    """Removed text → reason."""
    return {result.article.text[r.start : r.end]: r.reason for r in result.removed}


def assert_removed(line: str, reason: str, *, at_end: bool = False) -> None:
    """``line`` between body paragraphs (or after them) is removed for ``reason``; the body stays."""
    article = make(LEDE, MIDDLE, line, CLOSE) if not at_end else make(LEDE, MIDDLE, CLOSE, line)
    result = clean(article)
    assert removed(result) == {line: reason}
    assert kept(result) == [LEDE, MIDDLE, CLOSE]


def assert_kept(line: str) -> None:
    result = clean(make(LEDE, line, MIDDLE, CLOSE))
    assert result.removed == ()
    assert kept(result) == [LEDE, line, MIDDLE, CLOSE]


# --- one rule at a time, each with its negatives -----------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "See also: Fishing quotas cut for the second year",
        "See also  Fishing quotas cut for the second year",
        "SEE ALSO – Ferry timetable changes",
        "Read more: Fishing quotas are cut, the ministry says.",
        "Read also Fishing quotas cut for the second year",
        "Also read: Ferry timetable changes",
        "Related: Ferry timetable changes for the winter",
        "Recommended: How the harbour was built",
        "See also:",
    ],
)
def test_teasers_are_removed(line: str) -> None:
    assert_removed(line, "teaser")


@pytest.mark.parametrize(
    "line",
    [
        "Passengers who want to see also the revised times can find them at stations, she said.",
        "Read more than the timetable, the union said, and you will see the staff shortages behind it.",
        "See also how the vote went in the neighbouring towns, where the result was closer, he said.",
        "Related talks were held in the capital last month, according to the regional ministry.",
        "Recommended speed limits on the coast road will drop to fifty from May, the police said.",
    ],
)
def test_sentences_that_mention_teaser_words_are_kept(line: str) -> None:
    assert_kept(line)


@pytest.mark.parametrize(
    "line",
    [
        "Subscribe to our newsletter for daily updates.",
        "Thanks for reading. Sign up for our morning newsletter to get the day's news in your inbox.",
        "We are glad you are here. Subscribe to the Harbour Daily newsletter to receive our best stories.",
        "Register for free e-mail alerts",
    ],
)
def test_newsletter_prompts_are_removed(line: str) -> None:
    assert_removed(line, "newsletter")


@pytest.mark.parametrize(
    "line",
    [
        "The minister urged farmers to subscribe to the new weather alert service, which is free.",
        "Subscribers to the annual pass will not pay more, the operator said in a newsletter.",
        "Readers who subscribe to the operator's alerts will be told of delays by email, she said.",
    ],
)
def test_sentences_about_subscribing_are_kept(line: str) -> None:
    assert_kept(line)


@pytest.mark.parametrize(
    "line",
    [
        "Leave a Reply",
        "Leave a comment",
        "Your email address will not be published.",
        "Your email address will not be published. Required fields are marked *",
        "3 Comments",
        "34 responses to “Pier to be rebuilt”",
        "Show all 34 comments",
        "Load comments",
        "Loading comments…",
    ],
)
def test_comment_forms_are_removed(line: str) -> None:
    assert_removed(line, "comments", at_end=True)


@pytest.mark.parametrize(
    "line",
    [
        "Related Posts",
        "Next Post",
        "Previous Post",
        "Check Also",
        "You may also like",
        "You might also like:",
        "More stories",
        "Most read",
        "Recommended",
        "Recommended for you",
    ],
)
def test_related_link_blocks_are_removed(line: str) -> None:
    assert_removed(line, "related links", at_end=True)


@pytest.mark.parametrize(
    "line",
    [
        "Next, the operator plans to review weekend services on the coastal line, it said.",
        "Check also that your ticket is valid before boarding, the operator told passengers.",
        "More stories of damage from the storm came in overnight, the fire brigade said.",
    ],
)
def test_sentences_opening_with_link_words_are_kept(line: str) -> None:
    assert_kept(line)


@pytest.mark.parametrize(
    "line",
    [
        "Read More About: Local News",
        "Tags: harbour, council, pier",
        "Filed under: Politics",
    ],
)
def test_tag_lines_are_removed(line: str) -> None:
    assert_removed(line, "tags", at_end=True)


def test_hashtag_lines_are_removed_but_a_hashtag_in_a_sentence_is_not() -> None:
    assert_removed("#pier #harbour #council #vote", "hashtags", at_end=True)
    assert_kept("The union said the hashtag #LateTrains had been used thousands of times this week.")


@pytest.mark.parametrize(
    "line",
    [
        "Editing: A. N. Editor",
        "Edited by Sam Roe",
        "Translated by Kim Lee",
        "Reporting by A. Writer in the port city; Editing by B. Editor",
        "Photo: Harbour Daily",
    ],
)
def test_credits_are_removed(line: str) -> None:
    assert_removed(line, "credit")


@pytest.mark.parametrize(
    "line", ["Getty.", "Nils Vold via Getty Images.", "AP Photo/Jane Roe", "Kim Lee for Reuters"]
)
def test_picture_credits_standing_alone_are_removed(line: str) -> None:
    assert_removed(line, "photo credit")


def test_a_sentence_naming_an_agency_is_kept() -> None:
    assert_kept("The ferry operator told Reuters the timetable would change.")
    assert_kept("The Getty museum reopened on Monday after the storm.")


def test_a_sentence_opening_like_a_credit_is_kept() -> None:
    assert_kept("Edited by hand, the old timetable had been hard to read for years, commuters said.")
    assert_kept("Reporting by local radio suggested that the ferry had been delayed for hours.")


@pytest.mark.parametrize(
    "line",
    [
        "Original article on Example.org website",
        "This article was originally published by The Harbour Daily.",
    ],
)
def test_original_article_notes_are_removed(line: str) -> None:
    assert_removed(line, "original article")


@pytest.mark.parametrize(
    "line",
    [
        "The rest of the text below the video.",
        "The rest of the article below the video.",
        "Story continues below advertisement",
        "Story continues below",
        "Article continues below.",
        "Advertisement",
        "Continue reading",
    ],
)
def test_interstitials_are_removed(line: str) -> None:
    assert_removed(line, "interstitial")


def test_a_sentence_about_the_rest_of_a_text_is_kept() -> None:
    assert_kept("The rest of the text of the agreement was not published, officials said.")
    assert_kept("The rest of the text after the preamble was not published, officials said.")
    assert_kept("The story continues below the surface of the lake, divers said.")


@pytest.mark.parametrize("line", ["Share this article", "Follow us on social media", "Share on Facebook"])
def test_share_prompts_are_removed(line: str) -> None:
    assert_removed(line, "share")


def test_share_prices_are_body() -> None:
    assert_kept("Share prices of the ferry company fell sharply on Monday after the announcement.")


@pytest.mark.parametrize("line", ["by harbour daily", "By Alex Example", "By Alex Example, Harbour Daily"])
def test_site_byline_at_the_top_is_removed(line: str) -> None:
    result = clean(make(line, LEDE, MIDDLE, CLOSE))
    assert removed(result) == {line: "byline"}


def test_byline_words_elsewhere_are_not_a_byline() -> None:
    result = clean(make("By the numbers", LEDE, MIDDLE, CLOSE))
    assert result.removed == ()
    assert result.paragraphs[0].kind == "heading"
    assert_kept("By the end of the year the pier should be open again, the engineers said.")


def test_author_bio_at_the_end_is_removed_with_its_paragraph() -> None:
    bio = "Jordan has covered the coast for a decade and writes about boats, bridges and their builders."
    result = clean(make(LEDE, MIDDLE, CLOSE, "About Jordan Smithers", bio))
    assert removed(result) == {"About Jordan Smithers": "author bio", bio: "author bio"}
    assert kept(result) == [LEDE, MIDDLE, CLOSE]


def test_about_heading_in_the_first_half_is_not_a_bio() -> None:
    result = clean(make(LEDE, "About New Harbour", MIDDLE, CLOSE, MIDDLE.replace("March", "May")))
    assert result.removed == ()
    assert result.paragraphs[1].kind == "heading"


# --- end of article and trailing fragments -----------------------------------------------------


def test_everything_after_a_strong_end_marker_in_the_tail_is_removed() -> None:
    teaser_title = "Ferry timetable changes for the winter"
    teaser_body = "The ferry company said on Monday that winter crossings would start a week earlier."
    result = clean(make(LEDE, MIDDLE, CLOSE, "Check Also", teaser_title, teaser_body))
    assert kept(result) == [LEDE, MIDDLE, CLOSE]
    reasons = removed(result)
    assert reasons["Check Also"] == "related links"
    assert reasons[teaser_title] == reasons[teaser_body] == "after end of article (related links)"


def test_a_box_of_links_inside_the_story_does_not_end_it() -> None:
    # a tabloid's "MOST READ" box in the second half, and the story's quotes after it
    first = [P1, P2, "“It was a lovely evening,” the harbour master said after the ferry came in late."]
    story = [
        "But a friend of the harbour master insisted he had not acted out of malice on the night.",
        "“He is not a bad man. He has had a rough season and he feels he cannot give more,” the friend said.",
        "“He knows the way he did it was wrong,” the friend added, asking not to be named in the paper.",
        "Later the ferry company said in a statement: “We are grateful for the patience of our passengers.”",
    ]
    result = clean(make(*first, "MOST READ IN LOCAL NEWS", *story))
    assert kept(result) == [*first, *story]
    assert removed(result) == {"MOST READ IN LOCAL NEWS": "related links"}
    # with prose after it that quotes no one, the marker still ends the article
    teasers = [CLOSE, MIDDLE.replace("March", "May"), LEDE.replace("Tuesday", "Friday")]
    result = clean(make(*first, "MOST READ IN LOCAL NEWS", *teasers))
    assert kept(result) == first


def test_a_strong_marker_near_the_top_does_not_end_the_article() -> None:
    body = [LEDE, MIDDLE, CLOSE, MIDDLE.replace("March", "May"), CLOSE.replace("next", "this")]
    result = clean(make(body[0], "Related Posts", *body[1:]))
    assert removed(result) == {"Related Posts": "related links"}
    assert kept(result) == body


def test_short_unterminated_lines_after_the_last_sentence_are_removed() -> None:
    result = clean(make(LEDE, MIDDLE, CLOSE, "World News", "Local"))
    assert removed(result) == {"World News": "trailing fragment", "Local": "trailing fragment"}


def test_trailing_list_items_and_sentences_are_kept() -> None:
    items = ["- Two million from the regional grant", "- One million from a harbour levy"]
    result = clean(make(LEDE, MIDDLE, "The money comes from two sources:", "\n".join(items)))
    assert result.removed == ()
    assert [p.kind for p in result.paragraphs] == ["body", "body", "body", "list", "list"]


# --- headings and lists ------------------------------------------------------------------------


def test_subheadings_between_body_paragraphs_are_headings() -> None:
    result = clean(make(LEDE, "Mutual accusations", MIDDLE, "Mayor: “A historic day”", CLOSE))
    assert [p.kind for p in result.paragraphs] == ["body", "heading", "body", "heading", "body"]


@pytest.mark.parametrize(
    "line",
    [
        "“We will not give up.”",
        "“We will not give up”",
        "– We will not give up, he said",
        "he said, without giving details",
        "The money comes from two sources:",
    ],
)
def test_quoted_sentences_and_fragments_are_not_headings(line: str) -> None:
    result = clean(make(LEDE, line, MIDDLE, CLOSE))
    assert [p.kind for p in result.paragraphs] == ["body", "body", "body", "body"]


def test_bullet_items_are_list_paragraphs() -> None:
    result = clean(
        make(LEDE, "• First point of the plan\n• Second point of the plan\n1. A numbered one", MIDDLE)
    )
    assert [p.kind for p in result.paragraphs] == ["body", "list", "list", "list", "body"]


# --- extra patterns ----------------------------------------------------------------------------


def test_extra_patterns_mark_boilerplate() -> None:
    line = "Photo gallery: the pier through the years"
    result = clean(make(LEDE, line, MIDDLE, CLOSE), extra_patterns=[r"^photo gallery\b"])
    assert removed(result) == {line: "pattern '^photo gallery\\\\b'"}
    assert kept(clean(make(LEDE, line, MIDDLE, CLOSE))) == [LEDE, line, MIDDLE, CLOSE]


def test_invalid_extra_pattern_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="extra_patterns"):
        clean(make(LEDE), extra_patterns=["(unclosed"])


# --- invariants --------------------------------------------------------------------------------


def check_spans(result: CleanArticle) -> None:
    text = result.article.text
    for paragraph in result.paragraphs:
        assert paragraph.text == text[paragraph.start : paragraph.end]
        assert paragraph.article_id == result.article.id
    indices = [p.index for p in result.paragraphs]
    assert indices == sorted(indices)
    spans = sorted([(p.start, p.end) for p in result.paragraphs] + [(r.start, r.end) for r in result.removed])
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    # Kept and removed together cover every non-space character of the article.
    covered = "".join(text[s:e] for s, e in spans)
    assert "".join(covered.split()) == "".join(text.split())


def test_fixture_article_with_every_kind_of_furniture(fixtures_dir: Path) -> None:
    (article,), errors = read_path(fixtures_dir / "clean" / "blog_tail.txt")
    assert errors == []
    result = clean(article)
    check_spans(result)
    body = "\n".join(kept(result))
    for furniture in (
        "harbour daily",
        "Share this",
        "Read also",
        "below the video",
        "Editing:",
        "newsletter",
        "Jordan",
        "More stories",
        "Ferry timetable",
        "winter crossings",
        "#pier",
        "Leave a Comment",
        "email address",
    ):
        assert furniture not in body
    # The story itself survives: its eight body paragraphs, one subheading, two bullet items.
    kinds = [p.kind for p in result.paragraphs]
    assert (kinds.count("body"), kinds.count("heading"), kinds.count("list")) == (8, 1, 2)
    assert all(p.text.endswith((".", "”")) for p in result.paragraphs if p.kind == "body")
    assert set(removed(result).values()) == {
        "byline",
        "share",
        "teaser",
        "interstitial",
        "credit",
        "newsletter",
        "author bio",
        "related links",
        "after end of article (author bio)",
        "hashtags",
        "comments",
    }


def test_fixture_news_without_furniture_is_kept_whole(fixtures_dir: Path) -> None:
    (article,), _ = read_path(fixtures_dir / "clean" / "plain_news.txt")
    result = clean(article)
    assert result.removed == ()
    assert "\n\n".join(kept(result)) == article.text
    assert [p.text for p in result.paragraphs if p.kind == "heading"] == ["What comes next"]


WORDS = [
    "harbour",
    "council",
    "vote",
    "pier",
    "ferry",
    "week",
    "plan",
    "said",
    "would",
    "the",
    "town",
    "engineers",
    "grant",
    "cost",
    "open",
    "spring",
    "union",
    "workers",
    "boats",
]
sentence = st.lists(st.sampled_from(WORDS), min_size=7, max_size=20).map(
    lambda ws: " ".join(ws).capitalize() + "."
)
paragraph = st.lists(sentence, min_size=1, max_size=3).map(" ".join)


@given(st.lists(paragraph, min_size=1, max_size=8))
def test_plain_body_is_never_removed(paragraphs: list[str]) -> None:
    result = clean(make(*paragraphs))
    assert result.removed == ()
    assert kept(result) == paragraphs
    assert {p.kind for p in result.paragraphs} == {"body"}


# --- the reference corpus ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def cleaned_seeds(seed_paths: list[Path]) -> dict[str, CleanArticle]:
    out = {}
    for path in seed_paths:
        (article,), errors = read_path(path)
        assert errors == []
        out[path.name] = clean(article)
    return out


@pytest.mark.seeds
def test_seed_boilerplate_is_removed(cleaned_seeds: dict[str, CleanArticle], gold: dict) -> None:
    for name, result in cleaned_seeds.items():
        check_spans(result)
        for entry in gold["boilerplate"].get(name, []):
            entry = normalise(entry)
            assert entry in result.article.text, (name, entry)  # the gold entry is really there
            assert not any(entry in text for text in kept(result)), (name, entry)


@pytest.mark.seeds
def test_seed_removals_are_all_gold_boilerplate(cleaned_seeds: dict[str, CleanArticle], gold: dict) -> None:
    """No body lost: each removed paragraph holds a gold boilerplate entry or continues a removed
    block that starts with one."""
    total = 0
    for name, result in cleaned_seeds.items():
        entries = [normalise(e) for e in gold["boilerplate"].get(name, [])]
        text = result.article.text
        kept_starts = {p.start for p in result.paragraphs}
        block_has_gold = False
        previous_end = -1
        for item in sorted(result.removed, key=lambda r: r.start):
            chunk = text[item.start : item.end]
            has_gold = any(e in chunk for e in entries)
            contiguous = not any(previous_end <= s < item.start for s in kept_starts)
            block_has_gold = has_gold or (contiguous and block_has_gold)
            assert block_has_gold, (name, chunk, item.reason)
            previous_end = item.end
            total += 1
        # and every gold entry is accounted for by a removal
        for entry in entries:
            assert any(entry in text[r.start : r.end] for r in result.removed), (name, entry)
    assert total >= sum(len(v) for v in gold["boilerplate"].values())


@pytest.mark.seeds
def test_seed_quotes_survive_cleaning(cleaned_seeds: dict[str, CleanArticle], gold: dict) -> None:
    for name, result in cleaned_seeds.items():
        body = "\n\n".join(kept(result))
        for entry in gold.get(name, []):
            assert normalise(entry["quote"]) in body, (name, entry["quote"])


@pytest.mark.seeds
def test_seed_headings_are_short_lines_followed_by_body(cleaned_seeds: dict[str, CleanArticle]) -> None:
    headings = 0
    for result in cleaned_seeds.values():
        paragraphs = result.paragraphs
        for n, paragraph in enumerate(paragraphs):
            if paragraph.kind == "heading":
                headings += 1
                assert "\n" not in paragraph.text and not paragraph.text.endswith(".")
                assert n + 1 < len(paragraphs) and paragraphs[n + 1].kind != "heading"
            elif paragraph.kind == "body":
                # a body paragraph is a sentence (or more): longer than a heading, or terminated
                assert len(paragraph.text) > 100 or paragraph.text.rstrip('”’"')[-1:] in ".!?…:"
    assert headings >= 1


def test_an_article_of_fragments_only_is_kept() -> None:
    result = clean(make("Harbour notice", "Pier closed until further notice"))
    assert result.removed == ()
    assert len(result.paragraphs) == 2


LINES = [
    "See also: A teaser",
    "Leave a Reply",
    "#a #b",
    "About Alex Example",
    "Mutual accusations",
    "• An item",
    "by some site",
    LEDE,
    MIDDLE,
    CLOSE,
    "“Short quote.”",
    "",
    "Editing: X",
]


@given(st.lists(st.one_of(st.sampled_from(LINES), st.text(max_size=40)), max_size=14))
def test_any_text_cleans_into_consistent_spans(lines: list[str]) -> None:
    text = normalise("\n".join(lines)).strip()
    result = clean(Article(id=article_id(text), path="fuzz", title="Fuzz", text=text))
    check_spans(result)
    assert {p.kind for p in result.paragraphs} <= {"body", "heading", "list"}


def test_short_author_bio_sentence_at_the_end_is_removed() -> None:
    from briefing.clean import clean
    from briefing.models import Article

    text = (
        "The harbour board met on Monday and approved the new crane contract after a long debate.\n\n"
        "Members said the cranes would arrive in the spring and double the terminal's capacity.\n\n"
        "Ola Brenn covers shipping and ports for the Coast Courier. She previously reported from Bergen."
    )
    kept = [p.text for p in clean(Article(id="x", path="x", title="t", text=text)).paragraphs]
    assert len(kept) == 2 and not any("Ola Brenn" in p for p in kept)


def test_a_person_described_in_the_body_is_not_a_bio() -> None:
    from briefing.clean import clean
    from briefing.models import Article

    text = (
        "The board approved the crane contract on Monday after a debate that lasted most of the day.\n\n"
        "Ola Brenn covers the night shift at the terminal, where she has worked for twenty years, and she "
        "said the new cranes would change everything for the dockers who load the ferries."
    )
    kept = [p.text for p in clean(Article(id="x", path="x", title="t", text=text)).paragraphs]
    assert len(kept) == 2


# --- pages copied as text: block classification ------------------------------------------------


def test_copied_page_keeps_the_article_and_drops_the_furniture(fixtures_dir: Path) -> None:
    (article,), errors = read_path(fixtures_dir / "clean" / "copied_page.txt")
    assert errors == []
    result = clean(article)
    check_spans(result)
    body = "\n".join(kept(result))
    assert kept(result)[0].startswith("The harbour board approved a contract")
    assert kept(result)[-1].startswith("The old cranes, which date from the 1970s")
    kinds = [p.kind for p in result.paragraphs]
    assert (kinds.count("body"), kinds.count("heading")) == (6, 1)
    for furniture in (
        "Skip to content",
        "Podcasts",
        "Deutsch",
        "OSLO 1,204.5",
        "0:00 / 4:07",
        "No media source",
        "Share this",
        "Most popular",
        "Ferry timetable",
        "Photo: Coast Courier",
        "Join the conversation",
        "cookies",
        "Terms of use",
        "All rights reserved",
    ):
        assert furniture not in body, furniture
    reasons = set(removed(result).values())
    assert {"outside the main text", "headline", "media player", "footer"} <= reasons


# Paragraphs of a page's article body: long enough (over 200 characters) to be good prose.
P1, P2, P3 = f"{LEDE} {MIDDLE} {CLOSE}", f"{MIDDLE} {CLOSE} {LEDE}", f"{CLOSE} {LEDE} {MIDDLE}"


def _page(*middle: str) -> list[str]:
    menu = ["Home", "News", "Local", "Business", "Sport", "Weather", "Opinion", "Contact"]
    return [*menu, *middle, *menu]


def test_menus_around_prose_are_navigation_and_the_prose_is_kept() -> None:
    texts = _page(P1, P2, P3)
    reasons = classify_blocks(texts, "Pier to be rebuilt")
    assert reasons[8:11] == [None, None, None]
    assert all(r is not None for r in reasons[:8] + reasons[11:])


def test_an_isolated_sentence_in_a_sea_of_links_is_outside_the_main_text() -> None:
    teaser = "The ferry company said on Monday that winter crossings would start a week earlier than planned."
    links = [f"Ferry news item number {n}" for n in range(10)]
    texts = _page(P1, P2, P3, MIDDLE, *links, teaser, *links)
    reasons = classify_blocks(texts, "")
    assert reasons[8:12] == [None] * 4
    assert reasons[texts.index(teaser)] == "outside the main text"


def test_a_subheading_and_a_short_list_between_prose_are_kept() -> None:
    texts = _page(P1, "Mutual accusations", P2, "Two million from the grant", "One million from a levy", P3)
    assert classify_blocks(texts, "")[8:14] == [None] * 6


def test_a_clause_introducing_the_quote_after_it_is_kept_after_furniture() -> None:
    # short lines between near-good prose, with no good block after them, smooth to furniture
    # (jusText's rule); a clause ending with a colon introduces the block after it and stays
    near1 = "Halvorsen’s wife recovered from what doctors later told the couple was a mild stroke."
    near2 = "“Temporary closures are never our first choice, and every one is a last resort,” it added."
    for line, kept in (("In a statement, the Harbour Authority said:", True), ("Ferry news today", False)):
        texts = _page(
            P1, P2, P3, near1, "Advertisement 3", "Story continues below", line, near2, near1, near2, near1
        )
        reasons = classify_blocks(texts, "")
        assert reasons[texts.index("Story continues below")] == "navigation"
        assert (reasons[texts.index(line)] is None) is kept, line


def test_the_headline_repeat_opens_the_article() -> None:
    footer = " ".join([CLOSE.replace("council", "board")] * 8)  # prose, longer, but after the teasers
    teasers = [
        f"Ferry Timetable Changes For The Winter Season Announced By Harbour Operator, Part {n}"
        for n in range(16)
    ]
    texts = _page("Pier to be rebuilt", P1, P2, *teasers, footer)
    reasons = classify_blocks(texts, "Pier to be rebuilt | Harbour Daily")
    assert reasons[8] == "headline"
    assert reasons[9:11] == [None, None]
    assert reasons[texts.index(footer)] == "outside the main text"
    # Without the anchor the longer run of prose would be taken for the article.
    assert classify_blocks(texts, "")[texts.index(footer)] is None


def test_text_with_no_furniture_is_left_whole() -> None:
    assert classify_blocks([LEDE, "Mutual accusations", MIDDLE, CLOSE], "") == [None] * 4


@pytest.mark.parametrize(
    "line",
    [
        "The old pier at low tide, seen from the ferry. Photo: Sam Roe",
        "Workers on the quay on Monday (Photo: Harbour Daily)",
        "The new cranes will stand where the sheds are now. Image: Coast Courier archive",
    ],
)
def test_captions_ending_in_their_credit_are_removed(line: str) -> None:
    assert_removed(line, "caption")


@pytest.mark.parametrize(
    "line",
    [
        "[Caption: St Ita's Church, Ballyderg, where the Sunday service moves to alternate weeks.]",
        "[Photo: Marta Lind pictured on the quay in 1997. Photo: Harbour Daily archive]",
        "Caption: The old pier at low tide",
        "Pictured: Harbour master Osk Brandt with the new pilot boat",
    ],
)
def test_captions_set_apart_by_their_label_are_removed(line: str) -> None:
    assert_removed(line, "caption")


def test_a_sentence_about_a_photo_is_kept() -> None:
    assert_kept("The mayor showed reporters one photo: the pier in ruins after the storm, she said.")
    assert_kept("Photo credits for the exhibition went to three local amateurs, the museum said.")
    assert_kept("[Officials did not say when the pier would reopen.]")  # a bracket alone is no label


@pytest.mark.parametrize(
    "line",
    ["0:00 / 4:07", "No media source currently available", "Your browser does not support the video tag"],
)
def test_media_player_text_is_removed(line: str) -> None:
    assert_removed(line, "media player")


@pytest.mark.parametrize(
    "line", ["© 2024 Harbour Daily. All rights reserved.", "Copyright 2024 Harbour Daily"]
)
def test_copyright_lines_are_removed(line: str) -> None:
    assert_removed(line, "footer", at_end=True)


def test_a_sentence_about_copyright_is_kept() -> None:
    assert_kept("Copyright holders of the old harbour photographs will be asked before the book is printed.")


def test_cleaning_time_grows_linearly_with_the_page(fixtures_dir: Path) -> None:
    """A page 8 times longer takes about 8 times as long, never the square of it: the ratio of two
    timings in the same run (best of three each, after a warm-up), against 3 × 8, far under 8²."""
    import time

    page = (fixtures_dir / "clean" / "copied_page.txt").read_text(encoding="utf-8")
    body = page.partition("\n")[2].strip()

    def best_time(copies: int) -> float:
        text = "\n\n".join([body] * copies)
        article = Article(id=article_id(text), path="p.txt", title="Harbour board", text=text)
        timings = []
        for _ in range(3):
            started = time.perf_counter()
            clean(article)
            timings.append(time.perf_counter() - started)
        return min(timings)

    best_time(1)  # stop lists loaded once per process
    small, large = best_time(10), best_time(80)
    assert large / small < 3 * 8


def test_a_repeat_of_the_headline_is_removed_but_a_title_taken_from_the_body_is_not() -> None:
    headline = "Pier to be rebuilt after three-year dispute"
    text = "\n\n".join([headline, LEDE, MIDDLE, CLOSE])
    given = Article(id=article_id(text), path="a.txt", title=f"{headline} | Harbour Daily", text=text)
    assert removed(clean(given)) == {headline: "headline"}
    derived = Article(id=article_id(text), path="a.txt", title=headline, text=text, title_derived=True)
    assert removed(clean(derived)) == {}


def test_a_list_introduced_by_a_colon_at_the_end_of_the_article_is_kept() -> None:
    dates = [f"June {n} -- Harbour Arena, Port Town, Coast County" for n in range(1, 12)]
    texts = _page(P1, P2, "The tour dates:", *dates)
    reasons = classify_blocks(texts, "")
    assert reasons[8:22] == [None] * 14
    assert all(r is not None for r in reasons[22:])  # the menu after the list


def test_sentences_about_comments_are_kept() -> None:
    assert_kept("Readers who want to see comments on the plan can do so at the town hall until Friday.")
    assert_kept("Show comments were added to the schedule, the festival organisers said on Tuesday.")


def test_a_title_case_subheading_does_not_split_the_article() -> None:
    heading = "What The New Crane Contract Means For The Dockers And The Port Of Harbourtown"
    result = clean(make(LEDE, MIDDLE, heading, CLOSE))
    assert result.removed == ()
    assert [p.kind for p in result.paragraphs] == ["body", "body", "heading", "body"]


def test_a_long_menu_is_navigation_even_when_the_article_has_only_short_paragraphs() -> None:
    texts = _page(LEDE, MIDDLE, CLOSE)
    reasons = classify_blocks(texts, "")
    assert reasons[8:11] == [None, None, None]
    assert all(r is not None for r in reasons[:8] + reasons[11:])


def test_an_interstitial_inside_a_copied_page_does_not_cut_the_article() -> None:
    page = _page(P1, P2, "Advertisement", MIDDLE, "Read more: Ferry timetable changes", CLOSE)
    result = clean(make(*page))
    assert kept(result) == [P1, P2, MIDDLE, CLOSE]
    reasons = removed(result)
    assert reasons["Advertisement"] == "interstitial"
    assert reasons["Read more: Ferry timetable changes"] == "teaser"


def test_a_box_of_links_inside_a_copied_page_is_crossed_when_the_story_goes_on_after_it() -> None:
    # a "RELATED NEWS" box in the second half of a page copied as text, then two quoting
    # paragraphs, the second going on with "He said": the story resumes, and the main text of
    # the page runs across the box as across an interstitial
    before = [P1, P2, P3, f"{MIDDLE} {CLOSE}"]
    box = [
        "RELATED NEWS",
        "- Pier works: what the closures mean for you",
        "- Ferry shares fall 4% after the council vote",
        "- Opinion: Why the harbour needs a plan B",
    ]
    after = [
        "The harbour users' association urged the council to publish its costings.",
        "“A plan without figures is a wish list,” said the association's secretary, Ilse Marrow-Pike.",
        "He said the association had received 600 letters by 5pm. “People are worried,” he added.",
    ]
    result = clean(make(*_page(*before, *box, *after)))
    assert kept(result) == [*before, *after]
    assert removed(result)["RELATED NEWS"] == "related links"


def test_a_tabloids_related_box_of_ten_lines_with_straight_single_quotes_after_it() -> None:
    # a "RELATED ARTICLES" carousel (Previous / 1 / Next, three headlines, a share bar: nine
    # short lines) in the middle of a story that quotes in straight single quotes
    before = [P1, P2, P3, f"{MIDDLE} {CLOSE}"]
    box = [
        "RELATED ARTICLES",
        "Previous",
        "1",
        "Next",
        "Harbour pilot retires after 40 years on the water",
        "Ferry fares to rise by 6% from April",
        "Council to review pier lease",
        "Share this article",
        "Share",
        "214 shares",
    ]
    after = [
        "Her mother, Ana Rell, 61, who flew out for the hearing, told reporters she had visited her.",
        "'She's lost so much weight. She's sleeping on a mat,' Mrs Rell said.",
        "'The boys think Mummy is away on a work trip,' she added. 'How do I tell them?'",
        "A Foreign Office spokesperson said: 'We are supporting a British woman detained abroad.'",
        "The charity Fair Trials said in a statement that the laws 'punish the most vulnerable'.",
    ]
    result = clean(make(*_page(*before, *box, *after)))
    assert kept(result) == [*before, *after]


def test_a_live_pages_first_entry_is_kept_across_a_caption_and_an_advertisement() -> None:
    # a live page: timestamped entries, each with a heading, a photo and an ad between them
    article = make(
        "Home | Football | Transfers | Premier League | Scores | Tables | Sign in",
        "LIVE",
        "Last updated: 16:42, Tuesday 27 August",
        "Share | Tweet | Email | Copy link",
        "16:42",
        "Midfielder's father gives his blessing",
        "Joaquim Serrano, the player's father and his first coach at a small club near Leiria, "
        "has been speaking to a Portuguese radio station about the move.",
        "“He called me last night and he was crying, but they were happy tears,” he said. “He has "
        "wanted this league since he was a boy with a poster on his wall.”",
        "The elder Serrano added that the call ended with a simple message: “This is the one.”",
        "[Photo: Serrano celebrates scoring against a rival in April. Credit: Agency]",
        "ADVERTISEMENT",
        "16:15",
        "Manager: 'We're not there yet'",
        "The manager would not confirm the deal at his press conference this afternoon, saying "
        "only that the club was talking to several players and that nothing was signed yet.",
        "“Until a player has a shirt in his hands, he is not our player,” he told reporters. “We "
        "have done this job long enough to know how quickly a deal can fall apart in August.”",
        "He added that the squad was not finished and that the club would not overpay for anyone, "
        "whatever supporters were reading online about the size of the fee being discussed.",
        "Related:",
        "• Summer spending passes £150m",
        "• Every deal so far this window",
    )
    body = kept(clean(article))
    assert any(p.startswith("Joaquim Serrano, the player's father") for p in body)
    assert any(p.startswith("The elder Serrano added") for p in body)
    assert not any(p.startswith(("ADVERTISEMENT", "[Photo", "Home |", "• Summer")) for p in body)
