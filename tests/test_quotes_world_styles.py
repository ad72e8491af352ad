"""Attribution in the house styles of English-language outlets around the world (Kenyan,
Pakistani, Irish, Canadian, Australian papers; wire copy): small original sentences with
fictional people, each a construction that went wrong in texts written blind to test the
extractor (bench/data/blind, round 4).
"""

from __future__ import annotations

from test_quotes import run
from test_quotes_shapes import INTRO, attributed

from briefing.quotes.acronyms import spelled_out


def test_an_acronym_speaks_under_the_full_name_the_article_spells_out() -> None:
    body = (
        "In its report, Free and Fair Election Watch (FFEW), an observer network, said the count was slow.\n\n"
        "The vote was “largely orderly”, FFEW said.\n\n"
        "A fault halted the Peachtree Regional Transit Authority’s trains. “Expect delays,” PRTA said.\n"
    )
    assert attributed(body, "largely orderly") == ("Free and Fair Election Watch (FFEW)", "FFEW")
    assert attributed(body, "Expect delays") == ("Peachtree Regional Transit Authority (PRTA)", "PRTA")


def test_an_acronym_the_article_never_spells_out_stays_as_written() -> None:
    assert spelled_out("The NDP said no. The Harbour Party agreed.", "NDP") == "NDP"
    assert spelled_out("The New Democratic Party said no.", "NDP") == "New Democratic Party (NDP)"
    # a run of capitals that is no body's name, and that the text does not define, is no spelling
    assert spelled_out("Nadia Diaz Pereira said no.", "NDP") == "NDP"
    assert spelled_out("The New Democratic Party said no.", "Ann Lind") == "Ann Lind"  # no acronym


def test_the_initials_of_a_role_go_back_to_the_person_who_holds_it() -> None:
    body = (
        "Treasury Cabinet Secretary Samuel Kiprop told the National Assembly the bread tax was dropped.\n\n"
        "Appearing before the House, the CS said the Treasury had “listened to the people”.\n"
    )
    assert attributed(body, "listened to") == ("Samuel Kiprop", "the CS")


def test_a_name_closing_a_clause_that_opens_the_sentence_is_not_in_apposition() -> None:
    body = (
        "Senator Ann Lind spoke on Monday.\n\n"
        "Speaking before the Harbour Council, the senator said the bill had “listened to the people”.\n\n"
        "After meeting Kiprop, the senator said it was “a good day”.\n\n"
        "Ann Lind, the senator, said it was “a fine day”.\n"  # a true apposition
    )
    assert attributed(body, "listened to") == ("Ann Lind", "the senator")
    assert attributed(body, "a good day") == ("Ann Lind", "the senator")
    assert attributed(body, "a fine day") == ("Ann Lind", "the senator")


def test_a_lower_case_noun_phrase_without_the_names_no_body() -> None:
    body = (
        "Kuura Interactive cut 80 jobs on Wednesday. In a statement, Kuura said those leaving would get "
        "three months’ pay and access to an outplacement service. “We are committed to treating every "
        "colleague with dignity,” the company said.\n"
    )
    assert attributed(body, "We are committed") == ("Kuura", "the company")  # as the statement names it


def test_portuguese_particles_are_part_of_the_name() -> None:
    body = (
        "João dos Santos runs the market. “Prices are up,” dos Santos said.\n\n"
        "Later Ana do Carmo arrived. “We will see,” she said.\n"
    )
    assert attributed(body, "Prices are up")[0] == "João dos Santos"
    assert attributed(body, "We will see") == ("Ana do Carmo", "she")


def test_a_pronoun_in_a_clause_opening_the_sentence_is_the_main_subject_s() -> None:
    body = (
        "Party candidate Rana Tariq Mehmood won the seat.\n\n"
        "Information secretary Kamran Yousaf described the claims as “the usual crying of a losing side”.\n\n"
        "Asked about the allegations as he left the party office, Mehmood was dismissive. “Let her go to "
        "the tribunal,” he said.\n"
    )
    assert attributed(body, "Let her go") == ("Rana Tariq Mehmood", "he")


def test_a_title_of_the_other_gender_is_the_relative_the_article_names_by_a_given_name() -> None:
    body = (
        "Séamus Coughlan, the Ennis publican, has died at the age of 84.\n\n"
        "He died peacefully on Thursday, his daughter Aoife said.\n\n"
        "“Dad went the way he lived,” Ms Coughlan told the Clare Courier.\n\n"
        "“People are coming in from everywhere,” she said.\n"
    )
    assert attributed(body, "Dad went") == ("Aoife Coughlan", "Ms Coughlan")
    assert attributed(body, "People are") == ("Aoife Coughlan", "she")


def test_a_definite_description_in_apposition_states_the_person_s_role() -> None:
    body = (
        "At the hearing, Senator Rodolfo Macaraeg, the panel chair, held up a sack of rice.\n\n"
        "Press officer Jericho Santillan, for his part, was quoted as saying the President “will not "
        "tolerate” smuggling.\n\n"
        "“Next hearing, I want names, not excuses,” the committee chair said as he banged the gavel.\n"
    )
    assert attributed(body, "Next hearing") == ("Rodolfo Macaraeg", "the committee chair")


def test_a_name_the_writer_reports_is_no_quote() -> None:
    text = (
        "Moreau had led for 31 laps before a safety car scrambled the order in another edition of the "
        "so-called “Marina Bay lottery”, Julien Moreau said.\n\n"
        "Séamus Coughlan, known throughout the county simply as “the Gaffer”, has died. “He was a "
        "giant,” said Liam Kinsella.\n"
    )
    found = {q.text for q in run(text)}
    assert "Marina Bay lottery" not in found and "the Gaffer" not in found
    assert "He was a giant," in found or "He was a giant" in found


def test_of_several_holders_of_a_class_the_one_whose_role_ends_in_the_head() -> None:
    body = (
        "KRDX Chief Meteorologist Sean McCaffrey said the storm formed quickly.\n\n"
        "Tuttle Fire Chief Bobby Lusk said crews went door to door through the night.\n\n"
        "The chief also had a message for sightseers: “Please don’t come down here.”\n"
    )
    assert attributed(body, "Please don") == ("Bobby Lusk", "The chief")


def test_police_ranks_are_titles_not_names() -> None:
    body = (
        "Outside court, Detective Senior Constable Ravi Gill said the inquiry took 18 months.\n\n"
        "“Frauds like this are devastating,” Detective Senior Constable Gill told reporters.\n\n"
        "“It was quick,” Supt Paul Reid said.\n"
    )
    assert attributed(body, "Frauds like")[0] == "Ravi Gill"
    assert attributed(body, "It was quick")[0] == "Paul Reid"


def test_a_manner_verb_ending_its_sentence_tags_the_quote_after_it() -> None:
    body = (
        "Fr Kieran Walsh serves three parishes around Belmullet.\n\n"
        "Asked whether he had any plans to retire, Fr Walsh laughed.\n\n"
        "“Priests don’t retire, they just get slower.”\n\n"
        "Audience members laughed when Ruth Okafor urged voters, “Look at what I have delivered.”\n"
    )
    assert attributed(body, "Priests don")[0] == "Kieran Walsh"
    assert attributed(body, "Look at what") == ("Ruth Okafor", "Ruth Okafor")  # not the audience


def test_a_participle_clause_opening_the_sentence_names_no_antecedent() -> None:
    body = (
        "Sierra head coach Javier Lozano refused to discuss the deal for Vinícius Amaral.\n\n"
        "“He is not our player,” Lozano said.\n\n"
        "Pressed on whether Amaral fitted that description, the 47-year-old smiled. “You can work it out.”\n"
    )
    assert attributed(body, "You can work")[0] == "Javier Lozano"


def test_a_town_s_people_name_one_of_them_as_a_people_s_name_does() -> None:
    body = (
        "Aoife Brennan lost in three sets.\n\n"
        "‘That’s tennis, isn’t it?’ said the 31-year-old. ‘One centimetre and I’m in the semis.’\n\n"
        "Asked whether she might reconsider her decision to retire, the Dubliner said: ‘Ask me again "
        "after a glass of wine.’\n"
    )
    quote = next(q for q in run(body) if q.text.startswith("Ask me again"))
    assert quote.speaker == "Aoife Brennan"


def test_a_bare_surname_goes_back_to_the_relative_named_before_it() -> None:
    body = (
        "Former budget minister Jean-Marc Delvaux took the stand at his trial alongside his son.\n\n"
        "“I never took a cent from anyone,” Delvaux, 61, told the court.\n\n"
        "Prosecutors allege money went to a consultancy run by his son, Thomas Delvaux, and that "
        "Thomas Delvaux knew it.\n"
    )
    assert attributed(body, "I never took")[0] == "Jean-Marc Delvaux"


def test_of_two_named_as_often_a_bare_surname_is_the_one_named_first() -> None:
    body = (
        "Every Tuesday, Dolores “Dee” Kaminski laces up her bowling shoes.\n\n"
        "She moved to Sturgeon Bay after marrying Walter Kaminski, a welder who died in 2003.\n\n"
        "“People keep asking me what the secret is,” Kaminski said.\n"
    )
    assert attributed(body, "People keep")[0] == "Dolores Kaminski"


def test_given_names_the_lexicon_does_not_know_are_given_names_of_the_family_named() -> None:
    body = (
        "“We have the robot,” said Sipho Dlamini, a physical science teacher.\n\n"
        "Among them are 16-year-old twins Lerato and Karabo Mokoena, who live with their grandmother.\n\n"
        "Lerato, who does most of the programming, said the idea came from watching people.\n\n"
        "“We see it every day,” she said.\n\n"
        "Karabo, who built the robot’s arm, was less philosophical. “I just like taking things apart,” he said.\n"
    )
    assert attributed(body, "We see it") == ("Lerato Mokoena", "she")
    assert attributed(body, "I just like") == ("Karabo Mokoena", "he")


def test_a_quoted_nickname_between_two_names_marks_a_given_name() -> None:
    body = (
        "The unit received 140 calls, according to unit controller Chukwuemeka “Emeka” Obi.\n\n"
        "“Most of those were people who drove through water,” Mr Obi said.\n"
    )
    assert attributed(body, "Most of those")[0] == "Chukwuemeka Obi"


def test_a_pronoun_of_the_opening_clause_gives_the_description_its_gender() -> None:
    body = (
        "Denise Kowalczyk led the team to its first title in 41 years.\n\n"
        "Orrville Christian coach Raymond Achterberg was gracious in defeat. “Credit to them,” "
        "Achterberg said.\n\n"
        "Kowalczyk admitted she had barely slept. “I watched it back three times,” she said.\n\n"
        "Asked what the win meant to her personally, the coach paused for a long moment.\n\n"
        "“I was 15 and I didn’t play a minute in that game.”\n"
    )
    assert attributed(body, "I was 15")[0] == "Denise Kowalczyk"


def test_an_unnamed_description_that_never_spoke_yields_to_the_person_speaking_since() -> None:
    body = (
        "Some churches will be without a priest on a Sunday for the first time.\n\n"
        "Fr Kieran Walsh, who serves three parishes, said he had been “running on fumes” for years.\n\n"
        "“Some Sundays I say four Masses,” the priest told the Messenger.\n\n"
        "A deacon said the plan was fair. “It is the only way,” the deacon said.\n"  # a description that speaks
    )
    assert attributed(body, "Some Sundays")[0] == "Kieran Walsh"
    assert attributed(body, "It is the only")[0] == "deacon"


def test_a_name_in_apposition_to_an_object_is_not_the_subject_after_it() -> None:
    body = (
        "Former minister Jean-Marc Delvaux took the stand on Tuesday.\n\n"
        "Under questioning from the presiding judge, Patrick Lemoine, the 61-year-old described the "
        "consultancy as “a young man’s business”.\n"
    )
    assert attributed(body, "a young man")[0] == "Jean-Marc Delvaux"


def test_the_elder_and_the_younger_of_two_relatives_by_age_or_by_who_is_the_son() -> None:
    body = (
        "Chairman Lau Kwok-wing told a briefing the market had found a floor.\n\n"
        "His son, vice-chairman and chief executive Lau Chun-hei, struck a more cautious tone. "
        "“We are planning for a slow recovery,” the younger Lau said.\n\n"
        "Asked whether he was stepping down, the elder Lau laughed. “Every year someone asks me this,” he said.\n\n"
        "Former minister Jean-Marc Delvaux, 61, and his son Thomas Delvaux, 34, deny the charges.\n\n"
        "“I know what people think when they hear my surname,” the younger Delvaux said.\n"
    )
    assert attributed(body, "We are planning")[0] == "Lau Chun-hei"
    assert attributed(body, "Every year")[0] == "Lau Kwok-wing"
    assert attributed(body, "I know what")[0] == "Thomas Delvaux"


def test_parades_terraces_and_esplanades_are_streets() -> None:
    body = (
        "One resident of a side street off Railway Parade said she could not get her car out.\n\n"
        "“I love the festival, I do,” she said.\n"
    )
    assert attributed(body, "I love the")[0] == "resident"


def test_a_definite_description_in_apposition_before_a_name_states_the_role() -> None:
    # "The chair, Bronwen Pryce-Okoro," makes her the chair, not the judge named before her
    body = (
        "Judge Helen Cartwright adjourned the case. The chair, Bronwen Pryce-Okoro, opened the hearing.\n\n"
        "The chair said there were “no easy answers” for the market.\n"
    )
    assert attributed(body, "no easy answers") == ("Bronwen Pryce-Okoro", "The chair")


def test_a_british_portfolio_secretary_is_a_minister_role() -> None:
    body = (
        "Shadow health secretary Niamh Cassidy and Mark Reilly spoke on Monday.\n\n"
        "The shadow health secretary said families had been “misled” by ministers.\n"
    )
    assert attributed(body, "misled") == ("Niamh Cassidy", "The shadow health secretary")


def test_an_unnamed_spokesman_keeps_the_body_he_speaks_for() -> None:
    # not "spokesman for the health": the organisation noun ends the phrase
    body = "A spokesman for the health ministry told state radio the report was “exaggerated and unfair”.\n"
    assert attributed(body, "exaggerated") == (
        "spokesman for the health ministry",
        "A spokesman for the health ministry",
    )


def test_a_storm_is_no_one() -> None:
    # "he told the ABC" is the priest's, not the typhoon named before him
    body = (
        "Super Typhoon Man-yi was the sixth storm to hit the country in a month.\n\n"
        "The parish priest, Fr Benjamin dela Cruz, opened the church to 800 people.\n\n"
        "‘We prayed the rosary while the windows went,’ he told the ABC.\n"
    )
    assert attributed(body, "We prayed") == ("Benjamin dela Cruz", "he")


def test_a_given_name_the_lexicon_lacks_is_one_when_the_article_calls_her_by_it() -> None:
    # "Farhiya" is unknown to the name lexicon, "Abdi" known: the article calls her "Farhiya"
    body = (
        "At the site, the camp manager, Farhiya Abdi Jama, keeps a register.\n\n"
        "Back in the camp, Farhiya was closing her register. ‘Write that we are still here,’ she said.\n"
    )
    assert attributed(body, "Write that") == ("Farhiya Abdi Jama", "she")


def test_an_unnamed_person_a_relative_who_describes_is_a_speaker() -> None:
    # "pipefitter" is in no list of person nouns; "who" says it is one
    body = (
        "Trevor Szczepański, an economist, spoke first. “It is a gamble,” he said.\n\n"
        "A retired pipefitter who did not give his name said he supported the move.\n\n"
        "“Ottawa has been taking more out than it puts in,” he said.\n"
    )
    assert attributed(body, "Ottawa") == ("retired pipefitter", "he")


def test_the_body_before_a_role_is_part_of_it() -> None:
    # "the union president" is the union president named before, not the union's acronym
    body = (
        "“We are not asking for the moon,” union president Marc-André Gagnon told reporters.\n\n"
        "In a message, the SEET accused the mayor of “taking sides”.\n\n"
        "Back on the picket line, the union president said members were prepared to stay out.\n\n"
        "“We have coffee, we have tents,” he said.\n"
    )
    assert attributed(body, "We have coffee") == ("Marc-André Gagnon", "he")


def test_the_younger_of_a_grandmother_and_her_grandson_is_the_grandson() -> None:
    body = (
        "Among those in the stands was Gladys Wiebe, 79. One of the players was her own grandson, "
        "defenceman Carter Wiebe.\n\n"
        "‘I have had a lot of boys live in my basement,’ Wiebe said.\n\n"
        "‘She has been at every home game,’ the younger Wiebe said.\n"
    )
    assert attributed(body, "She has been")[0] == "Carter Wiebe"
    assert attributed(body, "I have had")[0] == "Gladys Wiebe"


def test_a_place_after_outside_is_no_antecedent() -> None:
    # "outside Baidoa" is a place the sentence opens with, not the "she" who speaks
    body = (
        "At the site outside Baidoa, the camp manager, Ann Lee, keeps a register.\n\n"
        "‘They come with nothing. The animals are dead,’ she says.\n"
    )
    assert attributed(body, "They come") == ("Ann Lee", "she")


def test_a_name_in_apposition_after_a_comma_is_all_name() -> None:
    # "Mahamat" is unknown to the name lexicon and "Saleh" known: after the comma it is still
    # all one name, and the prefect's role resolves "the prefect"
    body = (
        "The prefect of Adré, Mahamat Saleh Djibrine, said host communities were sharing wells.\n\n"
        "“Chad has opened its door,” the prefect told reporters.\n\n"
        "A Chadian gendarme at the checkpoint, who did not give his name, complained.\n\n"
        "“They are our brothers,” he said.\n"
    )
    assert attributed(body, "Chad has") == ("Mahamat Saleh Djibrine", "the prefect")
    assert attributed(body, "They are") == ("Chadian gendarme", "he")


def test_this_correspondent_is_the_writer_and_no_one_elses_he() -> None:
    body = (
        "At the embankment, engineer Farrukh Zaheer Abbasi walks the dyke every night. When this "
        "correspondent asked him, “Will the embankment hold tonight?”, he looked at the water.\n\n"
        "“Tonight, yes,” he said.\n\n"
        "At a relief camp in Dadu, the area’s provincial assembly member, Mir Haji Khan Solangi, "
        "supervised the distribution.\n\n"
        "“Relief is reaching every union council,” the lawmaker said.\n"
    )
    assert attributed(body, "Tonight") == ("Farrukh Zaheer Abbasi", "he")
    assert attributed(body, "Will the")[1] == "this correspondent"
    # a name in apposition to the subject's description is the one the description goes on to mean
    assert attributed(body, "Relief is")[0] == "Khan Solangi"


def test_an_unnamed_person_with_a_place_after_the_noun_is_a_speaker() -> None:
    body = (
        "And an inhabitant of the neighbourhood of Shiha, who refused to reveal his name, narrated "
        "the moments of the disaster, saying: “The water came like a mountain.”\n\n"
        "“We climbed to the roof,” he added.\n\n"
        "“You cannot blame her,” said Sara Walker, 44, a home-care aide. An immigrant from Uganda "
        "who became a U.S. citizen in 2013, she plans to vote. “It is not fair.”\n"
    )
    assert attributed(body, "We climbed") == ("inhabitant", "he")
    # a description opening the sentence for its pronoun describes her, and speaks for no one else
    assert attributed(body, "It is not")[0] == "Sara Walker"


def test_an_arabic_surname_with_its_article_is_part_of_the_name() -> None:
    body = (
        "The RSF's chief negotiator, Ezzeldin Musa al-Amin, accused the army of stalling. “Every day "
        "they delay, more Sudanese die,” al-Amin said.\n\n"
        "Dr Hawa al-Amin, a paediatrician in El Fasher, said her ward had run out of milk.\n"
    )
    # "al-Amin" is the one named before it, not the doctor the article names later
    assert attributed(body, "Every day") == ("Ezzeldin Musa al-Amin", "al-Amin")


def test_a_public_body_named_for_its_portfolio_and_place_speaks_for_itself() -> None:
    body = (
        "In a statement, Nova Scotia Health said it “recognizes that wait times are longer”.\n\n"
        "Indigenous Services Canada said the plant would serve the community “for 25 years”.\n\n"
        "The Libyan Minister of Health Salem Faraj al-Obeidi said the count was “very large”.\n"
    )
    assert attributed(body, "recognizes") == ("Nova Scotia Health", "Nova Scotia Health")
    assert attributed(body, "for 25")[0] == "Indigenous Services Canada"
    assert attributed(body, "very large")[0] == "Salem Faraj al-Obeidi"  # a minister of health: a role


def test_the_company_is_the_one_the_article_is_about_when_none_is_named_near() -> None:
    filler = "The farmers repay the loans within a season, and most of them repay early. " * 10
    body = (
        "NAIROBI — Mavuno Labs, a Kenyan startup, has raised $18 million. Mavuno scores farmers for loans.\n\n"
        "The Baobab Seed Fund also invested in the round.\n\n"
        f"{filler}\n\n"
        "“Mavuno will use the funds to reach one million farmers,” the company said in a statement.\n"
    )
    assert attributed(body, "Mavuno will") == ("Mavuno Labs", "the company")


def test_a_trade_term_the_writer_reports_is_no_one_speaking() -> None:
    body = (
        "The fire chief, Priyanka Dhaliwal, said gusts had pushed the fire into what crews call "
        "“Rank 5” behaviour, and what planners call “gentle density” was not the issue.\n\n"
        "Later she said the town faced “a very long night”.\n"
    )
    quotes = run(INTRO + body)
    assert [q.text for q in quotes if q.text.startswith(("Rank", "gentle"))] == []
    assert attributed(body, "a very long")[0] == "Priyanka Dhaliwal"


def test_an_adverb_or_a_number_opening_a_sentence_is_no_one() -> None:
    body = (
        "Nearby, a woman loading two horses into a trailer, who declined to give her name, said she "
        "had been “watching the orange glow for three nights.”\n\n"
        "Tens of thousands marched against what they call the “muzzle bill”.\n"
    )
    assert attributed(body, "watching")[0] == "woman"
    assert attributed(body, "muzzle")[0] != "Tens"


def test_a_quote_after_reported_speech_whose_subject_has_a_relative_clause_is_theirs() -> None:
    body = (
        "“Keep the peace,” said Prisca Mutale, 34, who sells clothes.\n\n"
        "Mutale, who is not related to the ruling party’s spokesman, said she had voted for the "
        "opposition. “My husband says I have wasted my vote.”\n"
    )
    assert attributed(body, "My husband")[0] == "Prisca Mutale"


def test_an_unnamed_person_who_gives_a_name_is_that_person() -> None:
    body = (
        "“My parents came here in 1975,” said one woman buying roti, who gave only her first name, "
        "Gracia. “But also, I am not stupid.”\n\n"
        "“I sell tomatoes in Gikomba,” one trader, who gave her name only as Mama Njeri, told the paper.\n"
    )
    assert attributed(body, "But also") == ("Gracia", "woman")
    assert attributed(body, "I sell")[0] == "Mama Njeri"


def test_a_surname_two_people_share_goes_to_the_one_of_the_pronouns_gender() -> None:
    body = (
        "The RSF's chief negotiator, Hamid Yousif Abakar, was dismissive.\n\n"
        "In Chad, Mariam Abakar, 31, said she had walked for nine days with her four children.\n\n"
        "Abakar said her husband, a teacher, was taken from their home and she has heard nothing since.\n\n"
        "“Peace is a word for men in hotels,” she said.\n"
    )
    assert attributed(body, "Peace is")[0] == "Mariam Abakar"


def test_a_clause_ending_in_a_colon_introduces_a_quote_running_on_into_the_next_paragraph() -> None:
    body = (
        "Experts warn it will repeat. M.K. Hazarika, a hydrologist at IIT Guwahati who has studied "
        "the Brahmaputra's sediment load, was blunt: “We are building walls. The river will win.\n\n"
        "“The bed has risen in many stretches.”\n"
    )
    assert attributed(body, "We are building") == ("M.K. Hazarika", "M.K. Hazarika")
    assert attributed(body, "The bed")[0] == "M.K. Hazarika"


def test_the_statement_is_its_issuers_when_no_quote_of_it_came_before() -> None:
    body = (
        "Her campaign manager, Tobiah Reinholt-Asante, said in a statement that the ad would run statewide.\n\n"
        "“Dale Ferncastle has spent six months telling voters what he won’t do,” the statement said.\n"
    )
    assert attributed(body, "Dale Ferncastle") == ("Tobiah Reinholt-Asante", "the statement")


def test_a_possessive_opening_a_colon_clause_names_whose_words_follow() -> None:
    body = (
        "Interior Minister Giorgi Meladze-Oniani spoke on Monday. “Nobody will turn Tbilisi into a "
        "battlefield,” he said.\n\n"
        "His message to those on the avenue was blunt: “Go home to your families.”\n"
    )
    assert attributed(body, "Go home") == ("Giorgi Meladze-Oniani", "His")
