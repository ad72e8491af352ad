"""Attribution shapes of general and crisis news outside US politics: governments, foreign names,
campuses, documents. Small original sentences with fictional people and outlets; each case is one
construction found while reading the *tune* parts of bench/resolution_news.py and
bench/resolution_wikinews.py, written here from scratch.
"""

from __future__ import annotations

import pytest
from test_quotes import run
from test_quotes_shapes import INTRO, attributed, first_quoted

from briefing.quotes.speakers import mentions


@pytest.mark.parametrize(
    ("body", "speaker", "mention"),
    [
        ("Norway said the detained crew were “in good health” and would be freed.\n", "Norway", "Norway"),
        ("“The detention is completely unacceptable,” said Portugal on Sunday.\n", "Portugal", "Portugal"),
        ("Chile has said the request was “a matter for the courts”.\n", "Chile", "Chile"),
    ],
    ids=["country-said", "said-country", "country-has-said"],
)
def test_a_country_that_says_speaks_through_its_government(body: str, speaker: str, mention: str) -> None:
    assert first_quoted(body) == (speaker, mention)


def test_a_country_in_passing_is_still_no_speaker() -> None:
    body = "“We flew in from Norway on Monday,” Holt said after the talks in Portugal.\n"
    assert attributed(body, "We flew") == ("Dana Holt", "Holt")


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("“The waves reached the square,” reported El Vigía, the region’s daily.\n", "El Vigía"),
        ("“We will not yield,” said Las Provincias in an editorial.\n", "Las Provincias"),
        ("In a statement, Des Carrow said he expects “most of it to be done by June”.\n", "Des Carrow"),
        ("“We had called him,” his nephew Tarek el Sayed added.\n", "Tarek el Sayed"),
    ],
    ids=["el", "las", "des-given-name", "el-inside"],
)
def test_a_capitalised_foreign_article_opens_a_name(body: str, speaker: str) -> None:
    assert first_quoted(body)[0] == speaker


@pytest.mark.parametrize(
    ("body", "prefix", "speaker"),
    [
        # a role with its institution, then the name in apposition
        (
            "“Their care shows,” said the executive clerk of the Harbour Monuments Council of "
            "Brenland, Oscar Vell, who thanked them.\n",
            "Their care",
            "Oscar Vell",
        ),
        (
            "“It is a fine day,” said the Executive Clerk of the Council, Oscar Vell.\n",
            "It is a fine",
            "Oscar Vell",
        ),
        # "whilst" opens a clause of its own: the quote before it keeps its speaker
        (
            "Mark Lindqvist, her uncle, said that this is “the best present imaginable”, whilst her "
            "grandmother, Ruth Okafor, said that “we are glad”.\n",
            "the best present",
            "Mark Lindqvist",
        ),
        # an institution's campus after a comma, and a role whose closing comma is left out
        (
            "“The wave is spreading,” Dana Holt, professor of earth sciences at the University of "
            "California, Santa Cruz said.\n",
            "The wave",
            "Dana Holt",
        ),
        (
            "“The wave is spreading,” Dana Holt, director of the Institute of Geophysics and "
            "Planetary Physics at the University of Wisconsin, Madison said.\n",
            "The wave",
            "Dana Holt",
        ),
    ],
    ids=["role-of-institution-name", "capitalised-title", "whilst", "campus", "campus-and-institute"],
)
def test_the_person_behind_a_role_or_an_institution(body: str, prefix: str, speaker: str) -> None:
    assert attributed(body, prefix)[0] == speaker


@pytest.mark.parametrize(
    ("body", "prefix", "speaker"),
    [
        ("“We are excited about the tour,” comments Holt in a statement.\n", "We are excited", "Dana Holt"),
        (
            "“The shop opened in 2019,” the description on the website reads.\n",
            "The shop",
            "description on the website",
        ),
        ("“There is a double population,” read a Harbour Team statement.\n", "There is", "Harbour Team"),
        ("“We will not stop,” the statement read.\n", "We will not", "statement"),
    ],
    ids=["comments-inverted", "description-reads", "read-a-statement", "the-statement-read"],
)
def test_a_text_that_reads_speaks_for_its_issuer(body: str, prefix: str, speaker: str) -> None:
    assert attributed(body, prefix)[0] == speaker


def test_a_spokesperson_for_a_titled_holder_is_the_spokesperson() -> None:
    body = "“We are not seeking a fight,” said a spokesperson for British Prime Minister Dana Holt.\n"
    assert attributed(body, "We are not")[0] == "spokesperson for British Prime Minister Dana Holt"
    # a capitalised role before the name holds it: "CBC Chairman Dana Holt of Ohio" is Holt
    body = "“It is discriminatory,” said CBC Chairman Dana Holt of North Carolina.\n"
    assert attributed(body, "It is")[0] == "Dana Holt"


def test_two_single_marks_written_for_a_double_one() -> None:
    body = "“It was an attempt to mislead,’’ Holt told the radio. “And it is wrong.”\n"
    assert attributed(body, "It was an attempt") == ("Dana Holt", "Holt")
    assert attributed(body, "And it is wrong") == ("Dana Holt", "Holt")
    assert attributed("‘‘We will march on,’’ said Okafor.\n", "We will march") == ("Ruth Okafor", "Okafor")


def test_a_capitalised_modal_inside_a_name_is_the_name() -> None:
    body = (
        "“It was an attempt to mislead,” Will Moy, chief executive of the charity Full Fact, told the BBC.\n"
    )
    assert attributed(body, "It was an attempt")[0] == "Will Moy"


def test_a_place_is_no_antecedent_of_he() -> None:
    body = (
        "Lindqvist waited for weeks. At the last minute, a demo came in called “Glasgow (“No Place "
        "Like Home”). “It grabbed me by the heart the moment I heard it,” he said.\n"
    )
    assert attributed(body, "It grabbed me")[0] == "Mark Lindqvist"


def test_a_group_is_an_organisation_and_a_colon_clause_its_subject() -> None:
    body = (
        "Holt has a new deal with Harbour Music Group, and The Lindqvist Group will be left to "
        "wonder: “what did we do to deserve this?”\n"
    )
    assert attributed(body, "what did we do") == ("Lindqvist Group", "The Lindqvist Group")


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "Survivors such as Rachel North have been angered. Ms North says: “We want answers now.”\n",
            "Rachel North",
        ),
        ("That is where author Cornel West took the debate. “I took the money,” he said.\n", "Cornel West"),
        ("“This is an extreme revision,” said David French of the retail federation.\n", "David French"),
    ],
    ids=["north", "west", "french"],
)
def test_a_place_word_after_a_first_name_is_a_surname(body: str, speaker: str) -> None:
    assert first_quoted(body)[0] == speaker


def test_a_study_that_finds_speaks() -> None:
    body = "The study found that workers were “becoming increasingly aware” of the problem.\n"
    assert attributed(body, "becoming") == ("study", "The study")
    body = "The body was found “in a terrible state”, the harbour police said.\n"
    assert attributed(body, "in a terrible")[0] == "harbour police"


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "Iranian media said the sailors were “shouting for joy in the streets” at the news.\n",
            "Iranian media",
        ),
        ("“The talks were constructive,” Russian state television reported.\n", "Russian state television"),
    ],
    ids=["media", "state-television"],
)
def test_a_country_s_media_speak(body: str, speaker: str) -> None:
    assert first_quoted(body)[0] == speaker


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("“We will not leave,” state television quoted the commander as saying.\n", "commander"),
        (
            "“We will not leave,” the agency quoted Dana Holt, the regional governor, as saying.\n",
            "Dana Holt",
        ),
        ("The official news agency said the talks were “constructive and useful”.\n", "official news agency"),
        ("The official said the talks were “constructive and useful”.\n", "official"),
    ],
    ids=["quoted-the-x-as-saying", "quoted-name-apposition-as-saying", "official-adjective", "official-noun"],
)
def test_relayed_and_official_speakers(body: str, speaker: str) -> None:
    assert first_quoted(body)[0] == speaker


def test_a_particle_inside_a_name_before_an_institution() -> None:
    body = "Yesterday Yvo de Boer of the UNFCCC said the parties were “on the brink of a full agreement”.\n"
    assert attributed(body, "on the brink")[0] == "Yvo de Boer"


def test_a_sentence_final_attribution_reports_an_earlier_quote_of_two_sentences() -> None:
    body = (
        "“Their leaders have miscalculated. This case may go to court” if we are faced with "
        "“fuss and wrong behaviour,” added Lindqvist.\n"
    )
    assert attributed(body, "Their leaders")[0] == "Mark Lindqvist"


def test_a_statement_speaks_for_its_issuer() -> None:
    body = "“The union deplores the arrests,” said the statement released by the Harbour Union.\n"
    assert attributed(body, "The union deplores")[0] == "Harbour Union"


def test_a_long_study_subject_speaks_by_its_head() -> None:
    body = (
        "Two inquiries into the seizure of the harbour crew by the coastguard in March have found "
        "that there was a “collective failure of judgement” in the service.\n"
    )
    assert attributed(body, "collective failure")[0] == "Two inquiries"
    body = "Two officials said the plan was “a disaster for everyone”.\n"
    assert attributed(body, "a disaster")[0] == "Two officials"


def test_a_role_owned_by_a_common_noun_is_a_definite_role() -> None:
    body = (
        "President Ruth Okafor flew in on Monday. The country’s president, in a televised address, "
        "called the quake “a national tragedy”.\n"
    )
    assert attributed(body, "a national tragedy") == ("Ruth Okafor", "president")


def test_an_adverbial_in_commas_between_a_phrase_subject_and_its_verb() -> None:
    body = (
        "The harbour authority, in a statement posted on its website, said operations were "
        "“suspended until further notice”.\n"
    )
    assert attributed(body, "suspended")[0] == "harbour authority"


def test_a_description_named_so_is_the_person() -> None:
    body = (
        "Her neighbour, a fisherman named Tomas Rauch, was less lucky. “My boat is gone, my house "
        "is gone,” he said.\n"
    )
    assert attributed(body, "My boat")[0] == "Tomas Rauch"
    body = "One lawmaker called Holt “the orange prince of self-publicity.”\n"
    assert attributed(body, "the orange prince")[0] == "lawmaker"


def test_a_club_speaks_in_its_statement() -> None:
    body = (
        "Harbour United said in a statement: “Dana is one of the most accomplished coaches in the "
        "league.”\n\n“She is renowned for her tactical prowess.”\n"
    )
    assert attributed(body, "Dana is one")[0] == "Harbour United"
    assert attributed(body, "She is renowned")[0] == "Harbour United"
    body = "Tottenham said in a statement: “Jose is one of the most accomplished managers.”\n"
    assert attributed(body, "Jose is one")[0] == "Tottenham"


def test_where_opens_a_clause_of_its_own() -> None:
    body = (
        "The evidence for the last claim was a clip from a rally with Holt and Okafor, where the "
        "secretary of state said she was “not only here to do my job” but also to back her candidate.\n"
    )
    assert attributed(body, "not only here")[1] == "the secretary of state"


def test_a_relative_clause_with_its_own_subject_reports_the_quote() -> None:
    body = (
        "Footage of the crew was broadcast, with one of them, Ruth Okafor, 26, saying that they had "
        "strayed, a move which Portugal calls “completely unacceptable.”\n"
    )
    assert attributed(body, "completely") == ("Portugal", "Portugal")


def test_according_to_an_acronym_or_a_phrase() -> None:
    body = "According to the BBC, “very large waves” have struck the islands.\n"
    assert attributed(body, "very large waves")[0] == "BBC"
    body = "On Monday, NASA said the launch had been “a complete success from start to finish”.\n"
    assert attributed(body, "a complete success")[0] == "NASA"


def test_a_statement_goes_on_past_an_embedded_post_s_credit() -> None:
    body = (
        "Harbour United said in a statement: “Dana is one of the most accomplished coaches.”\n\n"
        "Club statement\n\n— Harbour United (@HarbourUtd) November 20, 2019\n\n"
        "“She has won a domestic title in four different countries and twice in Europe.”\n"
    )
    assert attributed(body, "She has won")[0] == "Harbour United"
    assert not [q for q in run(INTRO + body) if "HarbourUtd" in q.text]


def test_the_next_sentence_says_whose_view_it_was() -> None:
    body = (
        "The merger will create a news enterprise “with deep local roots and national scale.”\n\n"
        "That’s the optimistic view mouthed by Mark Lindqvist, the chief executive, on Nov. 14.\n"
    )
    assert attributed(body, "with deep local")[0] == "Mark Lindqvist"
    body = "“We are not going anywhere.” That was the message from Holt on Monday.\n"
    assert attributed(body, "We are not going") == ("Dana Holt", "Holt")


def test_a_description_of_another_office_is_not_the_office_holder_named() -> None:
    body = (
        "President Ruth Okafor spoke on Monday. The city’s mayor said the storm was “the worst in memory”.\n"
    )
    assert attributed(body, "the worst")[0] != "Ruth Okafor"  # not the president
    body = (
        "President Ruth Okafor spoke on Monday. The president said the damage was “severe but manageable”.\n"
    )
    assert attributed(body, "severe")[0] == "Ruth Okafor"


@pytest.mark.parametrize(
    ("body", "prefix", "speaker"),
    [
        ("“The way I see it,” she elaborated, “nobody lost.”\n", "The way", "Ruth Okafor"),
        ("“The mayor was probably asleep,” he speculated.\n", "The mayor", "Mark Lindqvist"),
        ("“Every one of them came home,” she reflected.\n", "Every one", "Ruth Okafor"),
    ],
    ids=["elaborated", "speculated", "reflected"],
)
def test_verbs_of_saying_of_features_and_sport(body: str, prefix: str, speaker: str) -> None:
    lead = {"Ruth Okafor": "Ruth Okafor arrived first. ", "Mark Lindqvist": "Mark Lindqvist arrived first. "}
    assert attributed(lead[speaker] + body, prefix)[0] == speaker


def test_a_sentence_opening_preposition_is_no_part_of_a_name() -> None:
    body = (
        "Okafor spoke after the vote. Following Okafor’s speech, Holt said the plan was “dead on arrival”.\n\n"
        "Regarding Holt’s remarks, she said they were “beneath the office”.\n"
    )
    assert attributed(body, "dead on") == ("Dana Holt", "Holt")
    assert attributed(body, "beneath")[0] in ("Dana Holt", "Ruth Okafor")  # a person, not "Regarding Holt"


def test_he_or_she_is_never_a_work_or_a_document() -> None:
    body = (
        "Okafor, speaking to me for the “Night Desk” podcast remembers being taken aback. "
        "“I was more thinking that it would look artificial,” she said.\n"
    )
    assert attributed(body, "I was more")[0] == "Ruth Okafor"
    body = (
        "The book accuses Holt of treating the crews like “hired hands.” Holt said that is a "
        "distortion. “These crews were heroes,” she said.\n"
    )
    assert attributed(body, "These crews")[0] == "Dana Holt"


def test_two_titles_joined_by_and_are_one_person_s() -> None:
    body = (
        "“He is reprising that role,” said former Brenland Gov. and National Harbour Council "
        "Chairman Tomas Rauch.\n"
    )
    assert attributed(body, "He is reprising")[0] == "Tomas Rauch"
    body = "“We won,” the Brenland senator and party candidate said in a statement.\n"
    assert attributed(body, "We won")[1] == "the Brenland senator"


def test_an_interview_s_answer_after_a_question_is_the_interviewee_s() -> None:
    body = (
        "Dr. Hanna Lutz has spent a decade tracking urban foxes.\n\n"
        "How many foxes live in the city?\n\n"
        "“Around 3,000, but it could be double,” Lutz says.\n\n"
        "Are they a problem?\n\n"
        "“Mostly not. People worry about bins, but the data does not support the fears.”\n"
    )
    assert attributed(body, "Mostly not") == ("Hanna Lutz", "Lutz")


def test_a_demonym_is_no_name() -> None:
    body = "“We are ready,” said the Brazilian striker.\n"
    assert attributed(body, "We are ready") == ("Brazilian striker", "the Brazilian striker")
    body = "“We have no freedom of opinion,” tweeted a German user from Hanover.\n"
    assert attributed(body, "We have no") == ("a German user", "a German user")


def test_feel_free_reports_no_speech() -> None:
    body = (
        "If you view voting as I did when I was a student, and you live in Texas, feel free to "
        "“vote your conscience” or whatever you call it.\n"
    )
    assert attributed(body, "vote your")[0] == "unattributed"


def test_a_nationality_noun_names_the_person_before() -> None:
    body = (
        "Northbridge coach Elena Ruiz was pleased with the reaction. “We were poor in the first "
        "half,” the Spaniard admitted.\n"
    )
    assert attributed(body, "We were poor") == ("Elena Ruiz", "the Spaniard")
    body = "Mark Lindqvist backed the fund early. “The Senate is worse,” the investor said on Monday.\n"
    assert attributed(body, "The Senate") == ("Mark Lindqvist", "the investor")


def test_a_description_with_the_name_in_commas_after_it_is_that_person() -> None:
    body = (
        "The youngest volunteer, 16-year-old Aisha Patel, joined the project when she was 13. "
        "“I didn’t know anything about boats,” she said.\n"
    )
    assert attributed(body, "I didn’t know") == ("Aisha Patel", "she")


def test_a_generic_organisation_noun_names_the_organisation_before() -> None:
    body = (
        "The aid agency Relief Harbour disputed the figures, telling Harbour Radio that the "
        "organisation had its own counts. “This is the worst spill in a generation,” the agency said.\n"
    )
    assert attributed(body, "This is the worst") == ("Relief Harbour", "the agency")


def test_it_after_a_company_s_quote_or_a_document_is_that_company_or_document() -> None:
    body = (
        "“Ms Holt never contacted anyone at TradeHub.com,” the company TradeHub wrote in its "
        "statement.\n\nIt added, “We want no part in the listing on our web site.”\n"
    )
    assert attributed(body, "We want no part") == ("TradeHub", "It")
    body = (
        "Lind wrote in the affidavit that he saw bruises. It continued: “Probable cause exists to "
        "charge Mark Lindqvist with battery.”\n"
    )
    assert attributed(body, "Probable cause") == ("affidavit", "It")


def test_a_translated_inverted_perfect_reports_the_quote() -> None:
    body = (
        "The councillor of Agriculture, Rosa Vidal, presented the aid. «Nobody will be left "
        "behind», has assured Vidal.\n"
    )
    assert attributed(body, "Nobody will") == ("Rosa Vidal", "Vidal")


def test_for_someone_it_is_gives_their_view() -> None:
    body = (
        "The opposition criticised the plan. For the spokesman of the opposition, Luis Ferrer, it "
        "is «late and insufficient».\n"
    )
    assert attributed(body, "late and") == ("Luis Ferrer", "Luis Ferrer")


def test_someone_described_by_whose_they_are_is_a_pronoun_s_antecedent() -> None:
    body = (
        "Three years ago I was a lawyer in the city.\n\nMy father thought I had lost my mind. "
        "“You spent seven years training for this,” he told me.\n"
    )
    assert attributed(body, "You spent") == ("My father", "he")
    body = "Okafor voted early. Her delegate lead grew, and “it would seal the deal,” Holt said.\n"
    assert attributed(body, "it would seal")[0] == "Dana Holt"


def test_a_label_s_role_words_are_not_part_of_the_name() -> None:
    body = (
        "PRESENTER: Minister, the waiting lists are the longest they have ever been.\n\n"
        "MINISTER FOR HEALTH KAREN LUND: No, I do not accept that.\n\n"
        "PRESENTER: But patients are waiting longer.\n\n"
        "LUND: They are, and that is why we are investing.\n"
    )
    assert attributed(body, "No, I do not") == ("Karen Lund", "MINISTER FOR HEALTH KAREN LUND")
    assert attributed(body, "They are, and") == ("Karen Lund", "LUND")


def test_an_unnamed_spokesperson_is_no_holder_named_later() -> None:
    body = (
        "A spokesperson for the Department of Health said: “We recognise the pressures.”\n\n"
        "Opposition health spokeswoman Joanna Kemp said the government had “lost control.”\n"
    )
    assert attributed(body, "We recognise")[0] != "Joanna Kemp"
    body = "“They would be wrong,” Michael Briggs, a spokesman for Holt, said on Sunday.\n"
    assert attributed(body, "They would")[0] == "Michael Briggs"


def test_where_someone_wrote_is_no_speaker() -> None:
    body = "“Worst day of my life as a supporter,” wrote one fan on Twitter.\n"
    assert attributed(body, "Worst day") == ("one fan", "one fan")


def test_a_quote_after_a_sentence_about_a_person_is_theirs() -> None:
    body = (
        "Harbour Labs chief executive Ruth Vale is blunt about it. “We tried fully remote for two "
        "years. It did not work for us.”\n"
    )
    assert attributed(body, "We tried") == ("Ruth Vale", "Harbour Labs chief executive Ruth Vale")
    body = (
        "“It goes in here and out here,” Holt said. Mark Lindqvist shook his head. “Dana is much "
        "better about it than I am.”\n"
    )
    assert attributed(body, "Dana is much")[0] != "Mark Lindqvist"  # after a quote, continuation decides


def test_in_someone_s_words() -> None:
    body = (
        "Economist Maya Lind studies it. In Lind’s words, the shift is “the biggest change since the car.”\n"
    )
    assert attributed(body, "the biggest") == ("Maya Lind", "Lind")


def test_a_name_inside_an_apposition_of_the_subject_is_no_speaker() -> None:
    body = (
        "One respondent, a maintainer of a popular JavaScript library, put it bluntly: “I get 200 "
        "issues a week and zero dollars.”\n"
    )
    assert attributed(body, "I get 200") == ("One respondent", "One respondent")


def test_what_an_object_owns_is_no_subject() -> None:
    text = "The council of a small town in Brenland’s Lowlands has said it gave away $10,000."
    lowlands = [m for m in mentions(text, []) if m.name == "Lowlands"]
    assert lowlands and lowlands[0].after_preposition


def test_a_local_office_noun_names_its_holder_named_before() -> None:
    body = (
        "As indicated by the councillor of Agriculture, Rosa Vidal, the aid will arrive before "
        "summer. «Nobody will be left behind», has assured the councillor.\n"
    )
    assert attributed(body, "Nobody will") == ("Rosa Vidal", "the councillor")
