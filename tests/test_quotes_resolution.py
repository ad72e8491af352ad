"""Resolution: which person a mention names (fictional people, original text).

Titles and role words kept out of names, a surname shared by several people, the end of a
compound surname, and definite descriptions ("the Texas senator") that go on to name someone
the article has named.
"""

from __future__ import annotations

import pytest

from tests.test_quotes_attribution import spoken


def speakers(text: str) -> list[str]:
    return [s for _, s, _ in spoken(text)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # an office title inside the run ends the role before it
        ("The levee held.\n\n“We were lucky,” said former Ohio Gov. Marla Quist.", "Marla Quist"),
        ("The levee held.\n\nDemocrat Sen. Arno Vilks said: “We were lucky.”", "Arno Vilks"),
        # a capitalised common word no first-name lexicon knows opens no name
        ("The levee held.\n\nActor Dale Brenner said: “We were lucky.”", "Dale Brenner"),
        # a party tag or a state abbreviation in parentheses is no part of the name
        ("The levee held.\n\n“We were lucky,” said Rep. Tom Halvey (D-Md.).", "Tom Halvey"),
        ("The levee held.\n\nSen. Tom Halvey (Vt.) said: “We were lucky.”", "Tom Halvey"),
        # a legislature's speaker is an office before the name, as "Gov." is
        ("The levee held.\n\nAs House Speaker Nora Quist has pointed out, it was “pure luck.”", "Nora Quist"),
    ],
    ids=["gov-inside", "sen-inside", "common-word", "party-tag", "state-abbreviation", "speaker"],
)
def test_titles_and_role_words_stay_out_of_the_name(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


def test_a_name_stops_before_a_preposition_after_its_role() -> None:
    text = (
        "Agency Director Paul Renner for acting alone drew criticism.\n\n"
        "“We followed the rules,” Renner said."
    )
    assert speakers(text) == ["Paul Renner"]


def test_a_shared_surname_goes_to_the_person_the_title_or_pronoun_shows() -> None:
    text = (
        "Hal Orlan and his wife, Greta Orlan, opened the mill in 1990.\n\n"
        "“It was hard,” Mrs. Orlan said.\n\n"
        "Orlan now runs the bakery next door. She bakes at four.\n\n"
        "“We never closed,” she said."
    )
    assert speakers(text) == ["Greta Orlan", "Greta Orlan"]


def test_a_shared_surname_is_the_person_named_most_often() -> None:
    text = (
        "Vera Kessel won the race. Vera Kessel thanked the volunteers, and her son Ivo Kessel "
        "carried the banner.\n\n"
        "“Now the work begins,” Kessel said."
    )
    assert speakers(text) == ["Vera Kessel"]


def test_a_headline_word_before_a_surname_is_no_first_name() -> None:
    text = (
        "Board Fires Kettering\n\n"
        "The board dismissed coach Curt Kettering on Monday.\n\n"
        "“I saw it coming,” Kettering said."
    )
    assert speakers(text) == ["Curt Kettering"]


def test_the_end_of_a_compound_name_is_the_person_named_in_full() -> None:
    text = (
        "Dana Moreno Castillo chairs the council.\n\n"
        "Moreno Castillo said the budget would bring “a new bridge.”"
    )
    assert speakers(text) == ["Dana Moreno Castillo"]


def test_a_description_whose_role_a_person_was_given_names_that_person() -> None:
    text = (
        "Texas Sen. Rick Dalton and Ohio Sen. Mary Lane met on Tuesday. Lane left early.\n\n"
        "“That would be a disaster,” the Texas senator said."
    )
    assert speakers(text) == ["Rick Dalton"]


def test_a_description_names_the_person_just_named() -> None:
    text = (
        "Norm Bexley spoke to a crowd in Dayton on Monday.\n\n"
        "The retired neurosurgeon told them: “The state can do better.”"
    )
    assert speakers(text) == ["Norm Bexley"]


def test_a_description_skips_a_person_of_the_other_gender() -> None:
    text = "Selma Ruiz starred in the film. Oskar Brandt directed it.\n\n“It was a gift,” the actress said."
    assert speakers(text) == ["Selma Ruiz"]


def test_a_description_of_anyone_stays_a_description() -> None:
    # "the woman" is as often someone the article never names: no guess at the last name.
    text = "Selma Ruiz starred in the film.\n\nAt the door, “It was a gift,” the woman said."
    assert speakers(text) == ["woman"]


def test_a_surname_opening_with_a_particle_resolves_to_the_full_name() -> None:
    """ "Le Pen", "Da Silva": a capitalised particle opens a surname, which names the person."""
    from tests.test_quotes import run

    text = "Marine Le Pen, the party leader, spoke on Monday.\n\n“It is everything but a victory,” Le Pen said.\n"
    (quote,) = run(text)
    assert quote.speaker == "Marine Le Pen"


def test_an_honorific_before_a_family_name_written_first_names_that_person() -> None:
    """ "Mr. Lou" after "Finance Minister Lou Jiwei": no one puts "Mr." before a given name."""
    from tests.test_quotes import run

    text = (
        "Finance Minister Lou Jiwei spoke in Beijing.\n\n“They are under pressure at home,” Mr. Lou said.\n"
    )
    (quote,) = run(text)
    assert quote.speaker == "Lou Jiwei"


def test_a_pronoun_chain_of_a_profile_reaches_the_name() -> None:
    """A profile names its subject once and says "she" sentence after sentence."""
    text = (
        "Mara Adair is a novelist.\n\n"
        "She left the bank in 2001, but she said she did feel held back. She began writing at "
        "night. She wanted to write about traders. She also wrote a play.\n\n"
        "In her novel, she presents it as farce. A comic tone, she said, would "
        "“widen the conversation.”"
    )
    assert speakers(text) == ["Mara Adair"]


def test_a_role_in_apposition_names_the_person_before_it() -> None:
    text = (
        "The levee held.\n\n“It is the first thing they ask,” Mr. Brask, the Republican consultant, said.\n\n"
        "Rep. Tom Halvey (D-Md.), chair of the Platform Committee, said it was “open to every view.”"
    )
    assert speakers(text) == ["Brask", "Tom Halvey"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The Business Council of Eastmark opposed the levy. “Keep it as it is,” it said.",
         "Business Council of Eastmark"),
        ("“Keep it as it is,” said the Bureau of Harbour Statistics.", "Bureau of Harbour Statistics"),
        # … but a person named after the organisation is the speaker
        ("“Keep it as it is,” said Harbour Board spokesman Piet Olander.", "Piet Olander"),
    ],
    ids=["council-of", "bureau-of", "person-after"],
)  # fmt: skip
def test_an_organisation_of_something_is_one_name(text: str, speaker: str) -> None:
    """ "the Business Council of Eastmark": the head, "of", and its domain name one organisation,
    never a person called "Eastmark"."""
    assert speakers("The levee held.\n\n" + text) == [speaker]


def test_a_surname_names_the_person_whose_full_name_ends_in_a_suffix() -> None:
    """ "Jr.", "III" follow the surname: "Marsh" names "Owen T. Marsh Jr."."""
    text = "Rear Adm. Owen T. Marsh Jr. took command on Monday.\n\n“We are ready,” Marsh said."
    assert speakers(text) == ["Owen T. Marsh Jr."]


def test_a_shared_surname_is_the_person_named_in_full_just_before_in_the_paragraph() -> None:
    """The one named more often loses to the one the same paragraph has just named in full."""
    text = (
        "Reid Vanterpool and his brother, Cal Vanterpool, ran the ranch. Reid Vanterpool spoke "
        "for them both.\n\n"
        "In March, a camera followed Cal Vanterpool to the gate. “Stay out,” Vanterpool told the guards."
    )
    assert speakers(text) == ["Cal Vanterpool"]


def test_a_particle_opening_a_sentence_is_the_end_of_the_full_name() -> None:
    """ "Al Rashidi and …": a capitalised particle and surname are "Omar al Rashidi"."""
    text = (
        "The couple were named as Omar al Rashidi and Lina Haddad.\n\n"
        "Al Rashidi and Haddad were flying home. “We are tired,” Rashidi said."
    )
    assert speakers(text) == ["Omar al Rashidi"]


def test_a_given_name_joined_to_a_full_name_shares_its_surname() -> None:
    """ "brothers Cal and Reid Vanterpool": Cal Vanterpool is named twice, Reid once."""
    text = (
        "The brothers Cal and Reid Vanterpool ran the ranch. Cal Vanterpool fed the herd.\n\n"
        "By noon the gate was shut.\n\n“Stay out,” Vanterpool told the guards."
    )
    assert speakers(text) == ["Cal Vanterpool"]


def test_the_given_name_before_and_is_the_person_who_speaks() -> None:
    text = "The mill closed.\n\nIts founders, Lena and Ivo Marsh, wrote that it “was never meant to last.”"
    assert speakers(text) == ["Lena Marsh"]


def test_the_last_of_a_list_of_single_names_is_no_one_else_s_relative() -> None:
    """ "Brandy, Monica and Lauryn Hill": three singers, no "Monica Hill"."""
    from briefing.quotes.people import People
    from briefing.quotes.speakers import mentions

    text = "Stars like Brandy, Monica and Lauryn Hill sang."
    assert [p.name for p in People(mentions(text, []), text=text).persons] == ["Lauryn Hill"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a family name written first, with no honorific to show it
        ("Premier Pak Sun-hee toured the port on Monday.\n\n“We will rebuild,” Pak said.", "Pak Sun-hee"),
        # a given name a profile goes on with
        ("Ilse Marner grew up in Kiel.\n\n“I wanted the sea,” Ilse said.", "Ilse Marner"),
        # … but not a first name two people share
        ("Ilse Marner and Ilse Brandt grew up in Kiel.\n\n“I wanted the sea,” Ilse said.", "Ilse"),
    ],
    ids=["family-name-first", "given-name", "two-people"],
)
def test_a_word_that_begins_one_full_name_names_that_person(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


def test_a_title_case_run_is_no_full_name_a_given_name_names() -> None:
    """ "Zorya Kelly Is No Quitter" repeated in the body makes a "Kelly Is": no one's name."""
    text = "Ledger: Zorya Kelly Is No Quitter.\n\nThe race went on.\n\n“I stay,” Kelly said."
    assert speakers(text) == ["Kelly"]


def test_a_quoted_nickname_inside_a_name_splits_no_name() -> None:
    """'Anna “Nan” Kovacs': the nickname is masked as a quote; Kovacs is still Anna Kovacs."""
    text = "The former medic Anna “Nan” Kovacs was there.\n\n“We were never told,” Kovacs said."
    assert speakers(text) == ["Anna Kovacs"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“It was planned,” says T.J. Okafor, an expert on militias.\n\nOkafor says it was “ready.”", "T.J. Okafor"),
        ("The late Walter H.W. Brandt built it.\n\nIn 1990, “it was ours,” Brandt said.", "Walter H.W. Brandt"),
        # a state's abbreviation before a name is no initials
        ("Okafor left.\n\nIn D.C. Okafor said it was “ready.”", "Okafor"),
        # … nor a firm named after someone the article names in full
        ("Leo Okafor runs L.H. Okafor, a firm.\n\nIt was “ready,” Mr. Okafor said.", "Leo Okafor"),
    ],
    ids=["initials", "given-name-and-initials", "state", "firm"],
)  # fmt: skip
def test_initials_before_a_surname_are_part_of_the_name(text: str, speaker: str) -> None:
    assert speakers(text)[-1] == speaker


def test_the_first_of_two_surnames_names_the_person() -> None:
    """ "Ms. Moreno" of "Dana Moreno Castillo": Spanish names carry two surnames, news uses the first."""
    text = "Dana Moreno Castillo chairs the council.\n\n“It works,” Ms. Moreno said."
    assert speakers(text) == ["Dana Moreno Castillo"]
