"""Configuration: packaged defaults, user overrides, and errors that name file, key and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing import summarizers
from briefing.config import load_config
from briefing.errors import ConfigError


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "conf.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_packaged_defaults_carry_the_four_topics() -> None:
    config = load_config()
    assert [t.heading for t in config.topics] == [
        "NATO expansion",
        "Sanctions",
        "Minsk accords",
        "Troop buildup",
    ]
    nato = config.topics[0]
    assert "enlargement" in nato.keywords and "security guarantees" in nato.keywords
    assert config.summarizer.name in summarizers.available()
    assert config.output.formats and config.marking


def test_user_file_overrides_scalars_and_replaces_lists(tmp_path: Path) -> None:
    config = load_config(
        write(
            tmp_path,
            """
title: Harbour brief
marking: "TLP:AMBER"
output: {formats: [md]}
topics:
  - name: harbour
    heading: The harbour
    keywords: [harbour, dock workers]
    sentences: 2
""",
        )
    )
    assert config.title == "Harbour brief" and config.marking == "TLP:AMBER"
    assert [t.name for t in config.topics] == ["harbour"]
    assert config.topics[0].keywords == ("harbour", "dock workers")
    assert config.output.formats == ("md",)
    assert config.output.filename == "briefing-{date}"  # kept from the defaults
    assert config.sources[-1] == str(tmp_path / "conf.yaml")


def test_config_objects_are_frozen() -> None:
    config = load_config()
    with pytest.raises(AttributeError):
        config.title = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        config.summarizer.params["x"] = 1  # type: ignore[index]


def test_hash_changes_with_content(tmp_path: Path) -> None:
    assert load_config().hash == load_config().hash
    assert load_config(write(tmp_path, "title: Other\n")).hash != load_config().hash


@pytest.mark.parametrize(
    ("text", "key", "line", "words"),
    [
        ("title: A\ntitel: B\n", "titel", 2, "unknown key"),
        ("title: A\noutput:\n  formats: [md, docx]\n", "output.formats[1]", 3, "unknown format"),
        ("topics:\n  - name: t\n    keywords: []\n", "topics[0].keywords", 3, "must not be empty"),
        ("topics:\n  - name: t\n    heading: T\n", "topics[0]", 2, "needs 'keywords'"),
        (
            "topics:\n  - name: t\n    keywords: [a]\n    sentences: many\n",
            "topics[0].sentences",
            4,
            "whole number",
        ),
        ("key_points: -1\n", "key_points", 1, "between"),
        ("summarizer:\n  name: magic\n", "summarizer.name", 2, "unknown summarizer"),
        ("clean:\n  extra_patterns: ['(unclosed']\n", "clean.extra_patterns[0]", 2, "invalid pattern"),
        ("output:\n  filename: ../escape-{date}\n", "output.filename", 2, "no folders"),
        ("actors:\n  - aliases: [x]\n", "actors[0]", 2, "needs 'name'"),
        ("title: [1, 2]\n", "title", 1, "expected a string"),
    ],
)
def test_errors_name_file_key_and_line(tmp_path: Path, text: str, key: str, line: int, words: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    err = info.value
    assert err.path == str(path)
    assert err.key == key
    assert err.line == line
    assert words in str(err)
    assert str(err).startswith(f"{path}:{line}: {key}: ")


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, "title: A\nmarking: [unclosed\nkey_points: 3\n"))
    assert info.value.line is not None and info.value.line >= 2
    assert "invalid YAML" in str(info.value)


def test_missing_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="file not found"):
        load_config(tmp_path / "nope.yaml")


def test_yaml_is_loaded_safely(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        load_config(write(tmp_path, "title: !!python/object/apply:os.system ['echo pwned']\n"))


def test_actors_are_validated_into_records(tmp_path: Path) -> None:
    config = load_config(
        write(
            tmp_path,
            """
actors:
  - name: Mara Stone
    aliases: [M. Stone, Marra Stone]
    role: Harbour master
""",
        )
    )
    (actor,) = config.actors
    assert actor.name == "Mara Stone" and actor.aliases == ("M. Stone", "Marra Stone")
    assert actor.role == "Harbour master" and actor.affiliation is None


def test_repository_config_is_valid() -> None:
    root = Path(__file__).resolve().parent.parent
    config = load_config(root / "briefing.yaml")
    assert config.title and len(config.topics) == 4


def test_analysis_hash_ignores_what_analysis_does_not_use(tmp_path: Path) -> None:
    base = load_config()
    renamed = load_config(write(tmp_path, "title: Other\nsummarizer: {name: lexrank}\n"))
    assert renamed.hash != base.hash and renamed.analysis_hash == base.analysis_hash
    other_topics = load_config(write(tmp_path, "topics:\n  - name: x\n    keywords: [harbour]\n"))
    assert other_topics.analysis_hash != base.analysis_hash


# --- bounded loading (issue 10) --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "title: Harbour\nmarking: &m [a, a, a]\nkey_points: *m\n",
            "conf.yaml:2: marking: invalid YAML: anchors (&name) are not allowed",
        ),
        ("title: Harbour\ntitle: Coast\n", "conf.yaml:2: title: invalid YAML: duplicate key 'title'"),
        ("title: Harbour\nmarking: TLP\x00\n", "conf.yaml:2: invalid YAML: character '\\x00' is not allowed"),
        (
            "topics:\n  - name: t\n    keywords: " + "[" * 3000 + "\n",
            "conf.yaml:3: topics[0].keywords[0][0][0][0][0]…: invalid YAML: nested more than 64 levels deep",
        ),
        ("key_points: " + "9" * 5000 + "\n", "conf.yaml:1: invalid value: Exceeds the limit"),
        (
            "summarizer:\n  name: coverage\n  params:\n    warp: 3\n",
            "conf.yaml:4: summarizer.params.warp: unknown coverage parameter(s): warp",
        ),
        (
            "clean:\n  extra_patterns:\n    - '^(Sign|up)+$'\n    - '(a+)+$'\n",
            "conf.yaml:4: clean.extra_patterns[1]: refused: a quantifier inside a repeated group",
        ),
        (
            "clean:\n  extra_patterns:\n    - '^(?:Read more|Related)+'\n    - '(a|aa)+$'\n",
            "conf.yaml:4: clean.extra_patterns[1]: refused: alternatives that can start alike",
        ),
    ],
)
def test_hostile_configs_name_file_key_and_line(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path, text))
    assert str(caught.value).startswith(
        str(tmp_path / message.split(":", 1)[0]) + ":" + message.split(":", 1)[1]
    )


def test_an_undecodable_config_names_the_line_of_the_bad_byte(tmp_path: Path) -> None:
    path = tmp_path / "latin.yaml"
    path.write_bytes(b"title: Harbour\nmarking: caf\xe9\n")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value) == f"{path}:2: not UTF-8: byte 0xe9 at column 13"


def test_a_fifo_as_config_is_refused_without_blocking(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "conf.yaml"
    os.mkfifo(fifo)
    with pytest.raises(ConfigError) as caught:
        load_config(fifo)
    assert str(caught.value) == f"{fifo}: not a regular file"


def test_a_config_alias_bomb_is_refused_before_it_expands(tmp_path: Path) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(9)
    )
    with pytest.raises(ConfigError, match="anchors"):
        load_config(write(tmp_path, bomb))


def test_the_escaped_emoji_in_a_config_title_is_one_character(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, 'title: "Harbour \\ud83d\\udea2"\n'))
    assert config.title == "Harbour 🚢"
