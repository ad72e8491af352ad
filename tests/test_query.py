"""Query-focused selection: topics described in words, ``summarize --query``, relevance.

The fixtures in tests/fixtures/query are four original articles about two unrelated fictional
stories (a harbour strike, a valley flood): a question about one story must bring back that
story, whatever else the pool holds.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import main
from briefing.config import Topic, load_config
from briefing.errors import ConfigError
from briefing.models import Sentence
from briefing.pipeline import digest, load_corpus, make_briefing
from briefing.summarizers import available, create
from briefing.summarizers.coverage import CoverageParams, standalone
from briefing.summarizers.query import content_stems, query_terms, query_words, relevance
from briefing.topics import TopicMatcher, match_topics

STRIKE = "What did the dock workers at Port Selwyn strike over, and how are the talks going?"
FLOOD = "How many residents were evacuated from the flooded Marrow valley villages?"
STORY_WORDS = {
    STRIKE: ("dock", "port", "union", "strike", "harbour", "crane", "container", "shift"),
    FLOOD: ("flood", "river", "valley", "levee", "evacuat", "rain", "water", "resident"),
}
QUERY_AWARE = ("coverage", "lexrank", "textrank")


@pytest.fixture()
def query_dir(fixtures_dir: Path) -> Path:
    return fixtures_dir / "query"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "briefing.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def about(text: str, question: str) -> bool:
    """Does ``text`` use a word (by its start) of the story ``question`` asks about?"""
    lower = text.lower()
    return any(re.search(rf"\b{word}", lower) for word in STORY_WORDS[question])


# --- configuration --------------------------------------------------------------------------------


def test_a_topic_may_carry_a_description_beside_or_instead_of_keywords(tmp_path: Path) -> None:
    config = load_config(
        write(
            tmp_path,
            "topics:\n"
            "  - name: strike\n"
            "    description: >-\n"
            "      What did the dock workers strike over?\n"
            "  - name: flood\n"
            "    description: Where did the river flood?\n"
            "    keywords: [flood, levee]\n",
        )
    )
    strike, flood = config.topics
    assert strike.keywords == () and strike.description == "What did the dock workers strike over?"
    assert strike.query == ("What did the dock workers strike over?",)
    assert flood.query == ("Where did the river flood?", "flood", "levee")


@pytest.mark.parametrize(
    ("text", "key", "line", "message"),
    [
        ("topics:\n  - name: t\n    heading: T\n", "topics[0]", 2, "needs 'keywords' or 'description'"),
        (
            "topics:\n  - name: t\n    keywords: []\n",
            "topics[0].keywords",
            3,
            "or give the topic a 'description'",
        ),
        ("topics:\n  - name: t\n    description: 3\n", "topics[0].description", 3, "expected a string"),
        ("topics:\n  - name: t\n    description: '  '\n", "topics[0].description", 3, "must not be empty"),
    ],
)
def test_a_topic_without_keywords_or_description_is_refused(
    tmp_path: Path, text: str, key: str, line: int, message: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert info.value.key == key and info.value.line == line and message in str(info.value)


def test_the_repository_config_has_a_description_only_topic() -> None:
    config = load_config(Path(__file__).resolve().parent.parent / "briefing.yaml")
    assert any(t.description and not t.keywords for t in config.topics)
    assert any(t.description and t.keywords for t in config.topics)


# --- topic matching from a description ------------------------------------------------------------


def sentences_of(*texts: str, article: str = "a") -> list[Sentence]:
    out = []
    offset = 0
    for i, text in enumerate(texts):
        out.append(
            Sentence(
                text=text, article_id=article, paragraph=i, index=i, start=offset, end=offset + len(text)
            )
        )
        offset += len(text) + 1
    return out


def test_a_description_matches_by_its_content_words_not_its_framing() -> None:
    matcher = TopicMatcher.from_topics(
        [Topic("strike", "Strike", (), description="Describe why the dock workers went on strike.")]
    )
    assert matcher.match("The dock workers went on strike at dawn.") == ("strike",)
    assert matcher.match("Dock cranes stood idle.") == ()  # one word of a longer description
    assert matcher.match("Officials describe the weather as mild.") == ()  # framing word only


def test_names_alone_do_not_match_a_description() -> None:
    matcher = TopicMatcher.from_topics(
        [Topic("t", "T", (), description="What penalties has Velmora threatened against Ostrand?")]
    )
    assert matcher.match("Velmora and Ostrand held talks on fishing rights.") == ()
    assert matcher.match("Velmora threatened new penalties on Monday.") == ("t",)


def test_a_description_is_expanded_from_the_article() -> None:
    topic = Topic("strike", "Strike", (), description="Why did the dock workers strike?")
    matcher = TopicMatcher.from_topics([topic])
    article = sentences_of(
        "The dock workers began a strike over the new rota on Monday.",
        "The strike by dock workers entered its second day as the rota dispute went on.",
        "Union leaders said the rota had been imposed without talks.",
        "Dock cranes stood idle while the rota stayed in force.",
        "The weather in the city was mild and dry.",
        "A new bakery opened in the old town square.",
        "The city council approved the budget for the library.",
        "Cyclists gathered for the annual race along the coast.",
    )
    plain = [matcher.match(s.text) for s in article]
    expanded = match_topics(article, matcher)
    assert plain[2] == () and plain[3] == ()
    # "rota" recurs in the matched sentences: with it, the dock cranes sentence qualifies; the
    # union sentence has no word of the description itself, so it still does not.
    assert expanded[3] == ("strike",)
    assert expanded[2] == () and all(names == () for names in expanded[4:])
    assert expanded[0] == expanded[1] == ("strike",)


def test_stems_are_computed_once_per_distinct_word(monkeypatch: pytest.MonkeyPatch) -> None:
    import briefing.topics as topics

    calls: list[str] = []
    real = topics.stem

    def counting(word: str) -> str:
        calls.append(word)
        return real(word)

    monkeypatch.setattr(topics, "stem", counting)
    monkeypatch.setattr(topics, "_STEMS", {})
    matcher = TopicMatcher.from_topics([Topic("h", "H", ("harbour strike",))])
    article = sentences_of(*["The harbour strike went on, and the harbour stayed shut."] * 50)
    assert all(names == ("h",) for names in match_topics(article, matcher))
    distinct = {"The", "harbour", "strike", "went", "on", "and", "the", "stayed", "shut"}
    assert sorted(calls) == sorted(distinct)


def test_a_topic_with_only_a_description_builds_a_section(query_dir: Path, tmp_path: Path) -> None:
    config = load_config(
        write(
            tmp_path,
            "topics:\n"
            "  - name: strike\n"
            "    heading: Harbour strike\n"
            f"    description: {STRIKE}\n"
            "  - name: flood\n"
            "    heading: Flood\n"
            f"    description: {FLOOD}\n",
        )
    )
    briefing = make_briefing(load_corpus([query_dir], config), config)
    strike, flood = briefing.topics
    assert strike.sentences and flood.sentences
    assert all(about(k.text, STRIKE) and not about(k.text, FLOOD) for k in strike.sentences)
    assert all(about(k.text, FLOOD) for k in flood.sentences)


def test_a_description_only_topic_builds_a_section_on_the_seeds(seeds_dir: Path, tmp_path: Path) -> None:
    config = load_config(
        write(
            tmp_path,
            "topics:\n"
            "  - name: guarantees\n"
            "    heading: Security guarantees\n"
            "    description: >-\n"
            "      Where do Russia and the West stand on NATO's eastward expansion, and what\n"
            "      security guarantees has Moscow demanded?\n",
        )
    )
    corpus = load_corpus([seeds_dir], config)
    (section,) = make_briefing(corpus, config).topics
    assert 0 < len(section.sentences) <= 4 and section.matched >= len(section.sentences)
    on_question = [
        k for k in section.sentences if re.search(r"NATO|[Ss]ecurity|guarantee|enlargement", k.text)
    ]
    assert len(on_question) * 2 >= len(section.sentences)


# --- relevance ------------------------------------------------------------------------------------


def test_query_terms_drop_stop_and_framing_words() -> None:
    assert set(query_terms(["Discuss the flooding of the valley and describe the evacuation."])) == {
        "flood",
        "valley",
        "evacu",
    }
    assert set(query_terms(["Describe it."])) == {"describ"}  # nothing else left: kept


def test_query_words_are_the_content_words_as_written_once_each() -> None:
    # Edmundson's bonus words: sumy stems them itself.
    assert query_words(["Describe the flooding of the Marrow valley.", "valley, levees"]) == [
        "flooding",
        "marrow",
        "valley",
        "levees",
    ]


def test_relevance_prefers_sentences_on_the_question_and_expands_it() -> None:
    texts = [
        "Rescue crews evacuated residents of the flooded valley by boat as levees broke.",
        "More residents of the flooded valley were evacuated as levees failed.",
        "Levees along the river were reinforced by army engineers overnight.",
        "The harbour strike entered its third day.",
        "Crane operators at the harbour refused night shifts.",
        "The union said talks with the port authority would resume on Friday.",
        "Container ships waited offshore for a third night.",
    ]
    rel = relevance([content_stems(t) for t in texts], ["Who was evacuated from the flooded valley?"])
    assert max(rel) == 1.0 and rel[3] == rel[4] == rel[5] == rel[6] == 0.0
    # "levees" recurs in the best matching sentences: the third sentence is relevant through it.
    assert rel[2] > 0.0


@pytest.mark.parametrize("name", QUERY_AWARE)
@pytest.mark.parametrize("question", [STRIKE, FLOOD])
def test_the_question_decides_which_story_is_summarised(query_dir: Path, name: str, question: str) -> None:
    generic = digest([query_dir], words=100, summarizer=name)
    focused = digest([query_dir], words=100, summarizer=name, query=[question])
    other = FLOOD if question == STRIKE else STRIKE
    assert focused and all(about(k.text, question) and not about(k.text, other) for k in focused)
    assert [k.text for k in focused] != [k.text for k in generic]


@pytest.mark.parametrize("name", available())
def test_every_summarizer_accepts_a_query_and_keeps_the_budget(query_dir: Path, name: str) -> None:
    chosen = digest([query_dir], words=60, summarizer=name, query=[FLOOD])
    assert chosen and sum(len(k.text.split()) for k in chosen) <= 60


@pytest.mark.parametrize("words", [100, 250])
def test_short_and_long_budgets_are_used_well_without_cut_or_dangling_sentences(
    multiling_dir: Path, words: int
) -> None:
    from bench import quality, rouge

    topics = rouge.load_multiling(multiling_dir)
    queries = quality.load_queries(quality.QUERIES, topics)
    params = CoverageParams()
    for topic, query in list(zip(topics, queries, strict=True))[:4]:
        paths = [multiling_dir / "source" / s.name for s in topic.sources]
        for asked in ((), query):
            chosen = digest(paths, words=words, query=asked)
            used = sum(len(k.text.split()) for k in chosen)
            # Filled to within the length of a short sentence, never over.
            assert words - 15 <= used <= words, (topic.id, asked, used)
            assert all(standalone(k.text, params) for k in chosen)


def test_without_a_query_selection_is_the_generic_one(query_dir: Path) -> None:
    for name in QUERY_AWARE:
        assert digest([query_dir], words=80, summarizer=name) == digest(
            [query_dir], words=80, summarizer=name, query=()
        )
    # A query without any content word has nothing to bias by.
    sentences = load_corpus([query_dir], load_config()).analysed[0].sentences
    plain = create("coverage").select(sentences, words=60)
    assert create("coverage").select(sentences, words=60, query=["the of and"]) == plain


# --- the command line -----------------------------------------------------------------------------


def test_summarize_query_on_the_fixtures(query_dir: Path) -> None:
    result = CliRunner().invoke(
        main, ["summarize", str(query_dir), "--words", "80", "--query", FLOOD, "--json"]
    )
    assert result.exit_code == 0, result.output
    items = json.loads(result.output)
    assert items and sum(len(i["text"].split()) for i in items) <= 80
    assert all(about(i["text"], FLOOD) for i in items)


def test_summarize_query_on_the_seeds(seeds_dir: Path) -> None:
    question = "What sanctions have Western governments threatened if Russia invades Ukraine?"
    focused = CliRunner().invoke(main, ["summarize", str(seeds_dir), "--words", "100", "--query", question])
    generic = CliRunner().invoke(main, ["summarize", str(seeds_dir), "--words", "100"])
    assert focused.exit_code == 0 and generic.exit_code == 0, focused.output
    lines = focused.output.strip().splitlines()
    assert lines and sum(len(line.split()) for line in lines) <= 100
    assert any("sanction" in line.lower() or "consequences" in line.lower() for line in lines)


def test_summarize_help_lists_every_summarizer_and_the_query_option() -> None:
    result = CliRunner().invoke(main, ["summarize", "--help"])
    assert result.exit_code == 0 and "--query" in result.output
    flat = " ".join(result.output.split())
    assert all(name in flat for name in available())
