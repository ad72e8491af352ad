"""Attribution rules of session 11 (2026-12): small original sentences with fictional people,
each a construction that went wrong in texts written blind to test the extractor
(bench/data/blind_r7, blind_r8 tune parts).
"""

from __future__ import annotations

from test_quotes_shapes import attributed

from briefing.models import Article
from briefing.quotes.context import _Article
from briefing.segment import segment, split_paragraphs


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


def test_a_river_or_a_pub_named_like_a_person_is_no_ones_antecedent() -> None:
    body = (
        "Deb Castellano, 58, farms river flats near Coraki. When the Tanbar River broke its banks on "
        "Sunday night, she had two hours to move the herd.\n\n"
        "“We’ve lost everything twice now,” she said.\n\n"
        "Ishbel Galbraith ran the pub for 31 years. The Kilbrannan Arms shut on Friday.\n\n"
        "“Nobody wanted it to end,” she said.\n"
    )
    assert attributed(body, "We’ve lost")[0] == "Deb Castellano"
    assert attributed(body, "Nobody wanted")[0] == "Ishbel Galbraith"


def test_a_school_or_a_library_is_an_organisation_not_a_person() -> None:
    text = "Anjali Ramaswamy-Torres is an eighth-grader at Hollis Falls High School. She reads at Hollis Falls Public Library.\n"
    article = Article(id="a1", path="a1.txt", title="T", text=text)
    paragraphs = split_paragraphs(text, "a1")
    persons = [p.name for p in _Article(article, paragraphs, segment(paragraphs), ()).people.persons]
    assert persons == ["Anjali Ramaswamy-Torres"]


def test_the_statement_goes_on_quoting_whom_it_is_from() -> None:
    body = (
        "Reading a statement on behalf of the family, his mother, Samantha Kowal, told the hearing "
        "he was kind.\n\n"
        "A statement from Reece Dunmore, one of the two friends, was read to the court.\n\n"
        "“I shouted his name,” the statement continued. “I kept shouting.”\n"
    )
    assert attributed(body, "I shouted") == ("Reece Dunmore", "the statement")


def test_a_single_quoted_quotation_over_paragraphs_opens_each_and_closes_the_last() -> None:
    body = (
        "Ishbel Galbraith bought the pub in 1984. ‘It was about the light,’ she says.\n\n"
        "‘We’d no idea what we were doing. Hector had been a marine engineer on the Clyde.\n\n"
        "‘The first winter nearly finished us. But people kept coming.’\n\n"
        "‘Do you ever regret it?’ I ask.\n\n"
        "‘Not for a second,’ she answers.\n"
    )
    assert attributed(body, "We’d no idea")[0] == "Ishbel Galbraith"
    assert attributed(body, "The first winter")[0] == "Ishbel Galbraith"
    # the marine engineer stands inside her quotation: no one "she" can mean
    assert attributed(body, "Not for a second")[0] == "Ishbel Galbraith"


def test_a_place_named_in_a_captions_phrase_before_its_colon_is_not_the_speaker() -> None:
    body = (
        "Ishbel Galbraith has run the pub since 1984.\n\n"
        "Ishbel Galbraith behind the bar of the Kilbrannan Arms: ‘Hector would have hated all this fuss.’\n"
    )
    assert attributed(body, "Hector would")[0] == "Ishbel Galbraith"


def test_an_office_title_the_article_also_writes_as_a_noun_is_the_persons_role() -> None:
    body = (
        "Defence solicitor Faisal bin Rashid told Sheriff Margaret van der Merwe that his client had an addiction.\n\n"
        "Team leader Ruaridh MacInnes said the volunteers felt betrayed.\n\n"
        "Passing sentence, the sheriff told Fordyce he had committed ‘a grotesque breach of trust’.\n"
    )
    assert attributed(body, "a grotesque breach")[0] == "Margaret van der Merwe"


def test_a_nicknamed_name_with_a_role_in_apposition_is_the_person_its_surname_means_first() -> None:
    body = (
        "The surprise was Independent candidate Pádraig “Podge” Kiely, a taxi driver from Caherdavin.\n\n"
        "“I’ve no party machine,” Kiely said.\n\n"
        "That sister, Noreen Kiely, ran his campaign from her kitchen table.\n"
    )
    assert attributed(body, "I’ve no party")[0] == "Pádraig Kiely"


def test_a_quotation_alone_after_a_paragraph_about_one_person_is_theirs() -> None:
    body = (
        "The twins built the robot in a garage in Soweto.\n\n"
        "Their grandmother, Martha Mokoena, 71, has raised the twins since they were four. She has "
        "never been on an aeroplane.\n\n"
        "“When they told me, I said, what are you going to do there?\n\n"
        "“Their mother would have been so proud.”\n\n"
        "The team flies out on Monday.\n\n"
        "“Nobody here has a passport yet.”\n"
    )
    assert attributed(body, "When they told")[0] == "Martha Mokoena"
    assert attributed(body, "Their mother")[0] == "Martha Mokoena"
    # a paragraph about no one introduces no one
    assert attributed(body, "Nobody here")[0] == "unattributed"


def test_a_description_with_a_relative_clause_reporting_speech_goes_on_in_the_quote_after() -> None:
    body = (
        "Graham Tulloch-Barnes, chairman of the parish council, said villagers felt ignored. "
        "“This is a betrayal,” he said.\n\n"
        "The 63-year-old, who has lived in the village for four decades, added that the council "
        "would take legal advice. “We are not finished. Not by a long way.”\n"
    )
    assert attributed(body, "We are not finished") == ("Graham Tulloch-Barnes", "The 63-year-old")
