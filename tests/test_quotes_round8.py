"""Attribution rules of session 11 (2026-12): small original sentences with fictional people,
each a construction that went wrong in texts written blind to test the extractor
(bench/data/blind_r7, blind_r8 tune parts).
"""

from __future__ import annotations

from test_quotes_shapes import attributed


def test_a_role_noun_no_lexicon_lists_names_the_person_last_given_that_title() -> None:
    body = (
        "Trustee Kwabena Mensah-Bonsu, who voted against the plan, was not persuaded.\n\n"
        "“A committee can review a book on the shelf,” he said.\n\n"
        "Trustee Darlene Fitch said afterward that the testimony had moved her.\n\n"
        "“That young lady was brave,” the trustee said.\n"
    )
    assert attributed(body, "That young lady") == ("Darlene Fitch", "the trustee")
    assert attributed(body, "A committee")[0] == "Kwabena Mensah-Bonsu"  # "Trustee" is no given name


def test_a_thing_named_at_the_end_of_a_persons_role_is_not_that_person() -> None:
    body = (
        "Odile Marchand, 34, a plaintiff in the lawsuit, waited four hours to vote.\n\n"
        "The county showed “a pattern of neglect,” the lawsuit says.\n"
    )
    assert attributed(body, "a pattern of neglect")[0] != "Odile Marchand"


def test_of_two_holders_of_a_role_class_the_role_mention_is_the_one_named_last() -> None:
    body = (
        "Agency spokeswoman Hedda Lindqvist said on Monday that 40 boats had left.\n\n"
        "Later, a second spokeswoman, Ines Marchetti-Rocha, said the port was closed.\n\n"
        "“The needs are enormous,” the spokeswoman added.\n"
    )
    assert attributed(body, "The needs")[0] == "Ines Marchetti-Rocha"
