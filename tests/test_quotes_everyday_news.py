"""Attribution shapes of everyday news (courts, police, local politics, features): small original
sentences with fictional people, each a construction that went wrong in texts written to test the
extractor on news it was not tuned on (court and crime reports, obituaries, election nights).
"""

from __future__ import annotations

from test_quotes_shapes import attributed


def test_a_man_or_a_woman_is_a_description_a_pronoun_can_name() -> None:
    body = (
        "Detective Sergeant Ann Wray said officers were called at two. “It was a shocking attack,” she said.\n\n"
        "A man who lives nearby said he heard shouting. “It was awful,” he said.\n"
    )
    assert attributed(body, "It was awful") == ("man", "he")


def test_the_subject_of_a_verb_joined_by_and_follows_a_preposition_s_object() -> None:
    body = "At one point, a reporter asked for a photo and Lindqvist said, “as long as it is legal.”\n"
    assert attributed(body, "as long as") == ("Mark Lindqvist", "Lindqvist")


def test_two_roles_joined_by_and_are_not_two_subjects() -> None:
    body = (
        "Ada Brenner, president and CEO of the Harbour Traders Association stated, “It is a math problem.”\n"
    )
    assert attributed(body, "It is a math") == ("Ada Brenner", "Ada Brenner")


def test_a_description_that_names_itself_is_that_person() -> None:
    body = (
        "The woman who started the chant identified herself to Harbour Radio as a 52-year-old "
        "resident named Carola.\n\n"
        "“He truly cares about us,” she said.\n"
    )
    assert attributed(body, "He truly cares") == ("Carola", "she")


def test_a_description_with_a_kinship_apposition_is_that_person() -> None:
    body = (
        "One of the men, Jessie Elkin, 70, said he would not vote. The other man, his cousin Jim "
        "Yorke, 40, cited the risk of war. “He is talking too much trash,” he said.\n"
    )
    assert attributed(body, "He is talking") == ("Jim Yorke", "he")


def test_role_words_before_a_first_name_are_no_part_of_the_name() -> None:
    # the lexicon knows neither "Detective" nor "Inspector" as a first name: Rachel's gender shows
    body = "Detective Inspector Rachel Dunmore said officers were called.\n\n“It was awful,” he said.\n"
    assert "Rachel" not in attributed(body, "It was awful")[0]
    body = "Detective Inspector Rachel Dunmore said it was “a shocking attack”.\n"
    assert attributed(body, "a shocking") == ("Rachel Dunmore", "Detective Inspector Rachel Dunmore")
