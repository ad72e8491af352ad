"""Attribution rules of session 12 (2026-12): small original sentences with fictional people and
bodies, each a construction that went wrong in texts written blind to test the extractor
(bench/data/blind* tune parts).
"""

from __future__ import annotations

from test_quotes import run
from test_quotes_shapes import INTRO, attributed


def test_the_department_is_the_public_body_named_before() -> None:
    body = (
        "In a statement, Rural Services Canada said the plant would serve the town for decades.\n\n"
        "“Lifting this advisory is the result of years of work,” the department said.\n"
    )
    assert attributed(body, "Lifting this advisory") == ("Rural Services Canada", "the department")


def test_the_noun_of_a_body_goes_back_to_the_one_of_that_head_not_an_earlier_lower_case_one() -> None:
    body = (
        "The Harrow Food Standards Department said it was investigating the jars.\n\n"
        "“No illnesses have been reported,” the department said.\n\n"
        "“We ask shoppers to check their cupboards,” the department added.\n"
    )
    assert attributed(body, "No illnesses")[0] == "Harrow Food Standards Department"
    assert attributed(body, "We ask shoppers")[0] == "Harrow Food Standards Department"


def test_a_body_introduced_by_description_is_not_the_one_named_before() -> None:
    body = (
        "The Lakeview Board of Elections was firm: “Further discussion is unnecessary.”\n\n"
        "But a Westmoor ballot commission in January was more tentative.\n\n"
        "That, the commission said, “would be helpful in avoiding uncertainty.”\n"
    )
    assert attributed(body, "would be helpful")[0] != "Lakeview Board of Elections"


def test_a_lone_acronym_is_a_body_that_the_agency_goes_back_to() -> None:
    body = (
        "In a statement, the UN refugee agency UNHCR said it was “deeply shocked” by the sinking.\n\n"
        "“Too many lives continue to be lost at sea,” the agency said.\n"
    )
    assert attributed(body, "Too many lives")[0] == "UNHCR"


def test_an_acronym_in_a_title_a_definition_or_a_dateline_is_no_body() -> None:
    body = (
        "BEREA, OH - Valentina Okafor-Reyes, the CEO of Ridgeway Foods, spoke first.\n\n"
        "“We will rebuild,” says CEO Okafor-Reyes.\n\n"
        "Piet Claessens, president of the Union Velocipédique Européenne (UVE) told reporters: "
        "“I cannot comment on this.”\n"
    )
    assert attributed(body, "We will rebuild")[0] == "Valentina Okafor-Reyes"
    assert attributed(body, "I cannot comment")[0] == "Piet Claessens"


def test_a_question_put_by_a_reporter_is_the_reporters_and_its_answer_the_answerers() -> None:
    body = (
        "Asked by a reporter, “Is the league form not a criterion any more?”, Farhan Quaderi "
        "replied, “It is a criterion, but not the only one.”\n\n"
        "Responding to a journalist, who asked, “Governor, when should businesses expect relief?”, "
        "Dr Esi Owusu-Ansah said the bank would not pre-commit.\n\n"
        "“I know the business community is eager,” she said.\n"
    )
    assert attributed(body, "Is the league form")[0] == "reporter"
    assert attributed(body, "It is a criterion")[0] == "Farhan Quaderi"
    assert attributed(body, "Governor, when")[0] == "journalist"
    assert attributed(body, "I know the business")[0] == "Esi Owusu-Ansah"


def test_a_question_nobody_named_puts_is_nobodys() -> None:
    body = "When asked, “Will you resign?”, the minister, Ana Pereira-Lobo, said: “No.”\n"
    assert attributed(body, "Will you resign")[0] == "unattributed"
    assert attributed(body, "No.")[0] == "Ana Pereira-Lobo"


def test_words_on_placards_and_shirts_are_nobodys() -> None:
    body = (
        "Workers carried placards reading “Safety Starts With Rest” and wore T-shirts bearing the "
        "union’s slogan, “Grounded Until It’s Fair.”\n\n"
        "The traders carried placards with inscriptions such as “We are dying in silence” and "
        "“Reverse it now”.\n\n"
        "Supporters wore T-shirts printed with the words “Parents Decide,” said Dolores Quaye-Nunn.\n"
    )
    quotes = run(INTRO + body)
    said = {q.text: q.speaker for q in quotes}
    assert [q for q in quotes if q.speaker != "unattributed"] == [], said  # (a title-like one is no quote)
    assert {"We are dying in silence", "Reverse it now"} <= set(said)


def test_a_quote_after_a_paragraph_whose_only_quote_is_on_a_shirt_is_that_paragraphs_subject() -> None:
    body = (
        "Dariusz Kowalczyk-Hale, chair of the campaign group River Guardians, watched from the "
        "gallery wearing a T-shirt printed with the slogan ‘Stop Poisoning Our Rivers’.\n\n"
        "‘We have heard apologies like this before. What we haven’t heard is a date.’\n"
    )
    assert attributed(body, "We have heard")[0] == "Dariusz Kowalczyk-Hale"


def test_a_legislator_is_a_person_noun() -> None:
    body = (
        "A senior Congress legislator from the north, who did not wish to be named, admitted that "
        "several members were unhappy. “We also have to go back to our people,” he said.\n"
    )
    assert attributed(body, "We also have to")[0] == "senior Congress legislator"


def test_a_statement_released_by_a_body_goes_on_as_the_bodys() -> None:
    body = (
        "A statement released by Harrow Vale Council said the road would reopen on Friday.\n\n"
        "“We thank residents for their patience,” the statement added.\n"
    )
    assert attributed(body, "We thank residents")[0] == "Harrow Vale Council"


def test_a_titled_surname_is_the_namesake_given_that_title() -> None:
    body = (
        "Const. Dawson Okonjo-Marsh told the jury he fired twice. Okonjo-Marsh, 31, said he had "
        "seconds. Okonjo-Marsh said it again under questioning.\n\n"
        "Jurors also heard from Sgt. Maryse Okonjo-Marsh, no relation, who oversees training.\n\n"
        "“I’d like more training,” Sgt. Okonjo-Marsh said.\n\n"
        "A lecturer, Dr Adwoa Quarshie-Boakye, called the hold “the right call”.\n\n"
        "But the MP Nana Yaw Quarshie-Boakye was less charitable.\n\n"
        "Dr Quarshie-Boakye, the economist, cautioned against politicising it. “Monetary policy is "
        "not the place to score points,” she said.\n"
    )
    assert attributed(body, "I’d like more")[0] == "Maryse Okonjo-Marsh"
    assert attributed(body, "Monetary policy")[0] == "Adwoa Quarshie-Boakye"


def test_a_bare_surname_after_a_paragraph_introducing_a_namesake_is_the_namesake() -> None:
    body = (
        "“We did not want this,” said Carla Benavides-Ruiz, president of the cabin crew union.\n\n"
        "At the terminal, the union president’s younger sister, Marisol Benavides-Ruiz, a "
        "flight attendant for 14 years, handed out leaflets.\n\n"
        "“My sister does the talking. I do the flying,” Benavides-Ruiz said, laughing.\n"
    )
    assert attributed(body, "My sister does")[0] == "Marisol Benavides-Ruiz"


def test_a_surname_the_article_has_made_one_persons_stays_theirs_after_a_namesake_appears() -> None:
    body = (
        "Senator Chris Marwick-Dane spoke for an hour. Marwick-Dane said the bill was overdue. "
        "Marwick-Dane said it again at noon.\n\n"
        "He read the names of the victims, among them a teacher, Anne Marie Marwick-Dane.\n\n"
        "“It takes courage to look into the eye of a shooter,” Marwick-Dane said.\n"
    )
    assert attributed(body, "It takes courage")[0] == "Chris Marwick-Dane"


def test_callings_no_lexicon_had_are_person_nouns() -> None:
    body = (
        "Chief selector Rezaul Karim-Dutta, who announced the squad on Tuesday, defended the call. "
        "“We looked at the conditions in Galle,” he said.\n\n"
        "Head coach Graeme Latimer-Voss backed the selectors. “I back every name,” Latimer-Voss said.\n"
    )
    assert attributed(body, "We looked at")[0] == "Rezaul Karim-Dutta"


def test_an_indefinite_object_of_a_verb_is_no_ones_she() -> None:
    body = (
        "Wanjiru Kamau-Otieno acknowledged the concern on a call with reporters.\n\n"
        "The company has hired an external auditor in Nairobi to review the model twice a year.\n\n"
        "“If we can’t explain why a farmer was rejected, we shouldn’t reject them,” she told reporters.\n"
    )
    assert attributed(body, "If we can")[0] == "Wanjiru Kamau-Otieno"


def test_a_ranked_speaker_of_a_named_service_after_the_quote() -> None:
    body = (
        "‘I had seconds. Maybe not even that,’ Const. Dawson Leclair-Moss of the Greater Sudbury "
        "Police Service told the five-person jury.\n"
    )
    assert attributed(body, "I had seconds")[0] == "Dawson Leclair-Moss"
