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


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“It is fine,” Halvey’s spokesman said.", "Halvey’s spokesman"),
        ("“It is done,” the Halvey campaign said.", "Halvey campaign"),
        ("“It is done,” Halvey’s campaign said in a statement.", "Halvey campaign"),
        ("“It is the first time,” said Halvey’s top policy aide Piet Olander.", "Piet Olander"),
        ("“It is over,” Piet Olander, Halvey’s campaign manager, said.", "Piet Olander"),
    ],
    ids=["spokesman", "the-campaign", "possessive-campaign", "aide-named-after", "apposition"],
)
def test_what_a_name_owns_speaks_not_the_owner(text: str, speaker: str) -> None:
    """ "Halvey’s spokesman", "the Halvey campaign": the spokesman or the campaign speaks, never
    Tom Halvey himself."""
    assert speakers("Tom Halvey is running for mayor.\n\n" + text) == [speaker]


def test_the_owner_keeps_the_article_s_full_name() -> None:
    """A possessive still names its owner: "Despite Halvey’s standing" is no "Despite Halvey"."""
    text = (
        "Tom Halvey’s top advisers met on Monday. Despite Halvey’s standing, donors stayed.\n\n"
        "“We cannot ignore it,” Halvey said."
    )
    assert speakers(text) == ["Tom Halvey"]


def test_a_party_noun_with_a_state_is_a_description_of_the_person_named() -> None:
    text = (
        "Speaker Tom Halvey says the world is watching.\n\n"
        "In an interview, the Eastmark Republican said allies asked if the country was “still in the game.”"
    )
    assert speakers(text) == ["Tom Halvey"]


def test_a_description_goes_back_to_the_subject_of_the_sentence_before() -> None:
    """ "Tom Halvey said … had Mara Quist congratulated him. … the Republican nominee said": the
    sentence is about Halvey, its first person; Quist is inside a clause of his."""
    text = (
        "Tom Halvey said on Friday that it would have been fine had Mara Quist congratulated him.\n\n"
        "“I was curious to see it,” the Republican nominee said at a rally."
    )
    assert speakers(text) == ["Tom Halvey"]


def test_a_role_mention_with_another_state_is_not_the_earlier_role() -> None:
    text = (
        "“We will win,” the Eastmark senator said.\n\n"
        "Piet Olander, who is third in the polls, spoke in Dayton.\n\n"
        "The Westland senator told reporters that “we will see what it brings.”"
    )
    assert speakers(text)[-1] == "Piet Olander"


def test_an_age_stands_for_the_person_just_named() -> None:
    text = "Mara Quist spoke on Monday night.\n\n“He is a leader,” the 46-year-old said."
    assert speakers(text) == ["Mara Quist"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Harbour Insider commented on the deal.\n\n“We are sorry,” the company said.", "Harbour Insider"),
        ("The Eastmark Gazette ran an editorial.\n\n“The port is a disgrace,” the newspaper wrote.",
         "Eastmark Gazette"),
        # a paper named with its article, whatever its last word
        ("The Westbury Ledger broke the story.\n\n“Staff were told by email,” the newspaper said.",
         "Westbury Ledger"),
        ("Brackwell Rovers confirmed the fee.\n\n“He is a leader,” the club said.", "Brackwell Rovers"),
        ("Norvik Air cancelled 40 flights.\n\n“Safety comes first,” the airline said.", "Norvik Air"),
        # a person is no company, however near
        ("Piet Olander commented on the deal.\n\n“We are sorry,” the company said.", "company"),
        ("Piet Olander broke the story.\n\n“Staff were told by email,” the newspaper said.", "newspaper"),
        # nor is an organisation with its article
        ("The Harbour Rifle Association backed the plan.\n\n“Staff were told,” the newspaper said.",
         "newspaper"),
    ],
    ids=["company", "newspaper", "titled-paper", "club", "airline", "person-is-no-company", "person-is-no-paper",
         "association-is-no-paper"],
)  # fmt: skip
def test_a_generic_noun_names_the_organisation_just_named(text: str, speaker: str) -> None:
    assert speakers("The levee held.\n\n" + text) == [speaker]


def test_a_description_goes_back_to_the_speaker_of_the_sentence_before() -> None:
    """ "Halvey plans to rebuild the port, Mara Quist said." — the sentence quotes Quist, so it is
    about her, though Halvey comes first."""
    text = (
        "Tom Halvey plans to rebuild the port with “private investment,” Mara Quist said on Monday.\n\n"
        "“They have to stop and listen,” the retired surgeon said."
    )
    assert speakers(text)[-1] == "Mara Quist"


def test_a_group_named_after_its_owner_keeps_the_owner_s_full_name() -> None:
    text = (
        "Volunteers knocked on doors for the Tom Halvey campaign.\n\n"
        "Halvey stepped up his emphasis on the port, saying, “We have got to rebuild it.”"
    )
    assert speakers(text) == ["Tom Halvey"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the reporting sentence is about its speaker, not the first person it names
        ("In describing Tom Halvey, Piet Olander said he sees no curiosity.\n\n“You have to adapt,” he said.",
         "Piet Olander"),
        ("It is the first time a mayor has done it, said Piet Olander, who runs the port.\n\n"
         "“It makes this a national debate,” he said.", "Piet Olander"),
        # … but a relative clause or an apposition before the verb is the subject's own
        ("Mara Quist, who lost her seat in Dayton in 2012, said that Halvey had been rude.\n\n"
         "“He promised to meet us,” she said.", "Mara Quist"),
        # no subject fits: the person named as an object does
        ("Mara Quist made an appearance, courtesy of Mark Olander, a delegate who dressed up.\n\n"
         "“I thought it would be funny,” he said.", "Mark Olander"),
        # "he's" is a subject pronoun too
        ("Across town is Piet Olander, a canvasser. Dismayed by Tom Halvey's record, he's committed "
         "to Quist.\n\n“I'm knocking on doors,” he said.", "Piet Olander"),
    ],
    ids=["reporter-before", "reporter-inverted", "relative-clause", "object-fallback", "contraction"],
)  # fmt: skip
def test_a_pronoun_goes_back_to_the_speaker_of_a_sentence(text: str, speaker: str) -> None:
    assert speakers("The levee held.\n\n" + text)[-1] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Piet Olander, Eastmark director for Halvey, said the office opened.\n\n“We are ready,” he said.",
         "Piet Olander"),
        ("“It is not easy,” said Representative Peter T. Quing of Ohio.", "Peter T. Quing"),
        ("“It is not easy,” said Representative Larry King of Ohio.", "Larry King"),
    ],
    ids=["role-for-someone", "initial", "role-word-surname"],
)  # fmt: skip
def test_who_a_role_is_for_is_not_its_holder(text: str, speaker: str) -> None:
    assert speakers("The levee held.\n\n" + text)[-1] == speaker


def test_a_first_name_shows_gender_before_a_role_noun_does() -> None:
    """US news says "spokesman" of women too: "Hope" shows who "she" is."""
    text = (
        "Mara Quist said the group was independent. Campaign spokesman Hope Halvey confirmed it.\n\n"
        "“They are not affiliated with the campaign,” she said."
    )
    assert speakers(text)[-1] == "Hope Halvey"


@pytest.mark.parametrize("name", ["Peter R. Olander II", "Peter Olander Jr.", "Martin Luther King Jr."])
def test_a_name_suffix_closes_the_name(name: str) -> None:
    text = f"{name}, a onetime lawyer, later came out.\n\n“The politics are blatant,” he said."
    assert speakers(text) == [name]


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


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Minister of Defence of Caldonia Radu Ionescu said the drills were planned.\n\n"
         "“Nobody threatens anybody,” said Ionescu.", "Radu Ionescu"),
        ("“We will consider options,” a spokesman for House Speaker Tom Halvey said.", "spokesman for House Speaker Tom Halvey"),
    ],
    ids=["office-of-a-country-then-the-name", "spokesman-for-a-titled-person"],
)  # fmt: skip
def test_a_role_of_somewhere_before_a_name_is_that_person_s(text: str, speaker: str) -> None:
    assert speakers("The levee held.\n\n" + text)[-1] == speaker


def test_a_titled_role_for_a_company_is_not_the_company() -> None:
    text = "“Alarm management is a focus,” Piet Olander, Senior Vice President of Sales for Dragen, says."
    assert speakers("The levee held.\n\n" + text) == ["Piet Olander"]


def test_a_country_s_role_speaks_not_the_country() -> None:
    """ "Caldonia’s ambassador to Britain warned that the government “…”": the ambassador."""
    text = "Norway’s ambassador to Britain warned that the government “will not sit on its hands”."
    assert speakers("The levee held.\n\n" + text) == ["Norway’s ambassador"]


def test_a_singular_they_goes_back_to_the_person_reporting() -> None:
    text = (
        "Kym Olander, a spokesperson for the firm, confirmed that it notifies users.\n\n"
        "“We use a model which predicts intent,” they said in an email."
    )
    assert speakers("The levee held.\n\n" + text) == ["Kym Olander"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Writing on her weblog, Ms North says:\n\n“It is us who pay the cost.”", "North"),
        ("On Monday, Piet Olander, the UN's chief of emergency relief said rich nations were “stingy”.",
         "Piet Olander"),
        ("The navy called for an alert; however, the Harbour Warning Center commented that “no wave "
         "is expected.”", "Harbour Warning Center"),
        ("“It is long and tiring,” Tina Olander, Mrs. Quist's chief of staff, said.", "Tina Olander"),
    ],
    ids=["honorific-place-word", "organisation-s-chief", "joined-clause-the", "possessive-role-apposition"],
)  # fmt: skip
def test_crisis_report_speakers(text: str, speaker: str) -> None:
    assert speakers("The levee held.\n\n" + text)[-1] == speaker


def test_a_list_of_sources_names_each_quote_s_source() -> None:
    text = (
        "Reports of the death toll\n\n"
        '    * Harbour Wire - "confirmed death toll passed 1,000."\n'
        '    * EBC - "at least 1,200 are dead."\n'
        '    * United Nations - "the toll may never be known."\n'
    )
    assert speakers(text) == ["Harbour Wire", "EBC", "United Nations"]


def test_a_hyphenated_office_is_a_title() -> None:
    assert speakers("“Talks resume,” said UN Secretary-General Mara Quist.") == ["Mara Quist"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("When commenting, Piet Olander QC claimed that “the defendants shared the beliefs.”", "Piet Olander"),
        ("“They are in good health,” said Norway's Foreign Ministry spokesman, Piet Olander, who added more.",
         "Piet Olander"),
        ("Piet Olander, Director of University of Eastmark Seismologic Service said it is a “late "
         "aftershock”.", "Piet Olander"),
    ],
    ids=["post-nominal", "possessive-then-apposition", "capitalised-role-of-an-institution"],
)  # fmt: skip
def test_more_crisis_report_speakers(text: str, speaker: str) -> None:
    assert speakers("The levee held.\n\n" + text)[-1] == speaker


@pytest.mark.parametrize(("text", "speaker"), [
    ("Developer Harbourworks called the game “a flagship title.”", "Harbourworks"),
    ("“Well, the water came at night,” Reporter Mara Quist said.", "Mara Quist"),
])  # fmt: skip
def test_a_capitalised_person_noun_before_a_name_is_no_part_of_it(text: str, speaker: str) -> None:
    assert speakers("The levee held.\n\n" + text) == [speaker]


def test_a_role_mention_goes_back_through_an_earlier_one_to_the_person() -> None:
    """ "Minister of Defence Radu Lind … According to the minister, … – added the minister": the
    earlier "the minister" names Lind, and so does the later one."""
    text = (
        "Minister of Defence of Caldonia Radu Lind declared the exercises planned.\n\n"
        "According to the minister, about 40 thousand servicemen take part.\n\n"
        "“We are ready to show the observers,” added the minister."
    )
    assert speakers(text) == ["Radu Lind"]
