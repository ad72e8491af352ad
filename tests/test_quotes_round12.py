"""Attribution rules of session 15 (2026-12): small original articles with fictional people,
each a construction that went wrong in texts written blind to test the extractor (the tune
parts of bench/data/blind*).
"""

from __future__ import annotations

from test_quotes import run, speaker_of


def test_a_name_after_a_title_or_a_stated_role_keeps_its_first_word() -> None:
    # the lexicon knows "Abidin" as a given name, not "Zainal": still the whole run is the name
    for intro in (
        "Kedah police chief Datuk Zainal Abidin Kasim said the area was calm.",
        "Police chief Zainal Abidin Kasim said the area was calm.",
    ):
        text = f"Polls close\n\n{intro} “Respect the law and go home after voting,” he said.\n"
        assert speaker_of(text, "Respect the law") == "Zainal Abidin Kasim"
    # a capitalised common word opening a sentence is still no part of the name after it
    text = "Polls close\n\nCelebrities Julianne Moss and Ira Kent came too. “It was fun,” Moss said.\n"
    assert speaker_of(text, "It was fun") == "Julianne Moss"


def test_a_family_name_written_first_is_whom_the_article_had_named_by_then() -> None:
    text = (
        "Network outage\n\n"
        "Orbis Mobile chief executive Datuk Seri Lim Chee Keong apologised to customers.\n\n"
        "“I want to say sorry to every one of you,” Lim said.\n\n"
        "Online seller Lim Mei Ling, 34, said she had to cancel two sessions. “My whole business "
        "is on my phone,” she said.\n"
    )
    assert speaker_of(text, "I want to say") == "Lim Chee Keong"
    assert speaker_of(text, "My whole business") == "Lim Mei Ling"


def test_a_wire_lede_after_its_dateline_holds_back_the_name_the_next_paragraph_gives() -> None:
    text = (
        "Opposition rejects count\n\n"
        "KARVINA, Moravia (AP) — The country’s main opposition leader on Sunday rejected partial "
        "results showing the president ahead, saying the tally had been “cooked in the dark” and "
        "urging supporters to stay calm.\n\n"
        "Oldrich Vavra-Benes, who leads the Civic Movement, told reporters at his party’s offices "
        "that his agents had been kept out of 300 counting centres.\n"
    )
    assert speaker_of(text, "cooked in the dark") == "Oldrich Vavra-Benes"
    # without the dateline too, and not when the description opens a later paragraph
    plain = text.replace("KARVINA, Moravia (AP) — ", "")
    assert speaker_of(plain, "cooked in the dark") == "Oldrich Vavra-Benes"
    later = text.replace(
        "KARVINA, Moravia (AP) — ",
        "Counting went on through the night in most regions, officials said on Sunday morning "
        "as the first results came in.\n\n",
    )
    assert speaker_of(later, "cooked in the dark") != "Oldrich Vavra-Benes"


def test_a_statement_speaks_for_whoever_issued_it() -> None:
    text = (
        "Drought relief\n\n"
        "A statement issued by the chief minister's office in the evening said the second "
        "instalment would be released within ten days. “The government is committed to standing "
        "with every family,” the statement said.\n\n"
        "A statement issued by the Ministry of Finance said payments would follow. “No farmer will "
        "be left behind this season,” it said.\n"
    )
    assert speaker_of(text, "The government is") == "chief minister's office"
    assert speaker_of(text, "No farmer will") == "Ministry of Finance"


def test_the_statement_goes_on_quoting_a_one_noun_description_that_issued_it() -> None:
    text = (
        "Floods\n\n"
        "In a statement, a spokesman for the state’s agriculture minister said grants would be "
        "available “as a matter of urgency”.\n\n"
        "“We will stand with farmers for as long as it takes,” the statement said.\n\n"
        "Police said in a statement that officers had met “violent groups” at the gates.\n\n"
        "“Nine officers were hurt,” the statement said.\n"
    )
    assert speaker_of(text, "We will stand") == speaker_of(text, "as a matter") == "spokesman"
    # a plural description in the statement's sentence is whom it tells of, not who issued it
    assert speaker_of(text, "Nine officers") != "officers"


def test_a_role_owning_an_office_is_no_speaker_the_office_is() -> None:
    text = (
        "Drought relief\n\n"
        "Farmers are struggling. “We will act on this quickly,” the chief minister's office said. "
        "“Help is coming,” the chief executive's spokesman said.\n"
    )
    assert speaker_of(text, "We will act") == "chief minister's office"
    assert speaker_of(text, "Help is coming") == "chief executive's spokesman"


def test_an_apposition_with_a_numbered_adjective_still_names_its_subject() -> None:
    text = (
        "Fire\n\nIncident commander Dana Whitmore took over the fire on Thursday.\n\n"
        "Whitmore, a 26-year veteran of the Oregon Department of Forestry, said crews had made "
        "“real progress” on the southern flank.\n"
    )
    assert speaker_of(text, "real progress") == "Dana Whitmore"


def test_a_whose_clause_between_a_subject_and_its_verb_is_the_subjects() -> None:
    text = (
        "Schools\n\nParents were not all of one mind. Rosa Jimeno, whose two children attend "
        "Mission Park Elementary, said she supports the teachers.\n\n"
        "“I work at a warehouse and leave at five,” she said.\n"
    )
    assert speaker_of(text, "I work at") == "Rosa Jimeno"


def test_a_dateline_ending_on_an_abbreviation_opens_no_dash_speech() -> None:
    text = (
        "Walk-off\n\n"
        "COLUMBUS, Ga. — Mateo Reyna had struck out three times on Friday night.\n\n"
        "“I figured I was due,” Reyna said. His older brother, Luis Reyna, was first to reach him.\n\n"
        "“He picked me up,” Luis Reyna said.\n"
    )
    assert speaker_of(text, "I figured") == "Mateo Reyna"
    # dash speech after a sentence still opens with its dash
    said = run("Talks\n\nHe left early. — Tomorrow we go home – said Lavrov.\n")
    assert [(q.text, q.speaker) for q in said] == [("Tomorrow we go home", "Lavrov")]


def test_a_party_tag_in_commas_stands_between_a_name_and_its_apposition() -> None:
    text = (
        "Budget\n\nRepublicans counter that agencies should find savings. Rep. Jim Baumer, "
        "R-Blair, a member of the House Appropriations Committee, called the warning “the same "
        "movie we watch every year.”\n"
    )
    assert speaker_of(text, "the same movie") == "Jim Baumer"


def test_a_bare_surname_stays_the_story_s_person_not_a_relative_introduced_in_apposition() -> None:
    text = (
        "Walk-off\n\n"
        "Mateo Reyna had struck out three times on Friday night.\n\n"
        "Reyna lined a fastball into the gap to win it in the tenth.\n\n"
        "The first teammate to reach him was his older brother, Luis Reyna, the closer.\n\n"
        "“He picked me up,” Luis Reyna said. “I owe him dinner.”\n\n"
        "Catfish manager Buddy Kinross said he never considered a pinch-hitter. “Not for a second,” "
        "Kinross said.\n\n"
        "Reyna said the ball already had a destination. “It’s going to my mom,” he said.\n"
    )
    assert speaker_of(text, "It’s going") == "Mateo Reyna"
    # a surname the story never used alone before: the relative may be meant
    unused = text.replace("Reyna lined a fastball", "He lined a fastball")
    assert speaker_of(unused, "It’s going") == "Luis Reyna"


def test_a_body_named_with_its_kind_in_apposition_is_what_that_noun_goes_back_to() -> None:
    text = (
        "Zoning\n\nIn a letter to the board, the Linden Historic District Neighbors, a residents' "
        "group with about 400 members, urged the board to reject the request.\n\n"
        "“Approving this would make the height limit a suggestion,” the group wrote.\n"
    )
    assert speaker_of(text, "Approving this") == "Linden Historic District Neighbors"
    # an apposition that goes on as a clause is no kind of the name before it
    relayed = (
        "Club closes\n\nAccording to The Clarion, an email was sent from the club’s director, Jerome "
        "Vasko, to its members. “We are going to wind down the organisation,” the email said.\n"
    )
    assert speaker_of(relayed, "We are going") != "Clarion"


def test_a_description_a_speaker_gives_of_themselves_is_who_speaks() -> None:
    text = (
        "Fire meeting\n\nA man who identified himself only as a retired firefighter from Cloverdale "
        "read from an index card: “I spent 30 years on the line. Somebody made mistakes early.”\n"
    )
    assert speaker_of(text, "I spent 30") == "retired firefighter"


def test_a_court_s_held_and_a_translation_s_evaluated_tag_the_quote_before_them() -> None:
    text = (
        "Verdict\n\nThe trial judge, Justice Halima Abdul-Rahman, discharged the son, Tobi Banjo, "
        "34.\n\nThe judge, however, said the evidence was thin.\n\n"
        "“The law is that suspicion cannot take the place of proof,” she held.\n\n"
        "For the infectologist Ana Beatriz de Oliveira e Souza, professor of medicine, the scenario "
        "was foreseeable.\n\n"
        "“If the rains continue until March, we can still see the peak in April”, evaluated the "
        "professor.\n\n"
        "She held the baby all night. “It was long,” Banjo said.\n"
    )
    assert speaker_of(text, "The law is") == "Halima Abdul-Rahman"
    assert speaker_of(text, "If the rains") == "Ana Beatriz de Oliveira e Souza"
    assert speaker_of(text, "It was long") == "Tobi Banjo"


def test_an_e_joins_family_names_only_after_a_particle() -> None:
    text = "Talks\n\nAfter the vote Rossi e Bianchi left the hall. “We are done,” Bianchi said.\n"
    assert speaker_of(text, "We are done") == "Bianchi"


def test_speech_relayed_in_the_past_perfect_is_the_relayed_speaker_s() -> None:
    text = (
        "Council\n\nMayor Graham Tullock rejected the criticism. Deputy mayor Sally Waring later "
        "said she had been shocked.\n\n"
        "Councillor Hemi Waka later told Stuff that during a workshop in August, the mayor had told "
        "him to “stop asking questions you don’t want the answers to”.\n\n"
        "Waka said he had warned Tullock that “questions cost nothing”.\n"
    )
    assert speaker_of(text, "stop asking") == "Graham Tullock"  # the mayor, not his deputy
    assert speaker_of(text, "questions cost") == "Hemi Waka"


def test_she_after_a_relayed_quote_is_the_woman_who_relayed_it() -> None:
    text = (
        "Shooting\n\nFatima Dawood, the boy's mother, spoke at the house.\n\n"
        "Dawood said Zaid's friend, who escaped unhurt, told her that one of the gunmen had "
        "shouted “Get down, get down!” before the shooting started.\n\n"
        "“He was only a child. He did not know to get down,” she said.\n"
    )
    assert speaker_of(text, "Get down") == "one of the gunmen"
    assert speaker_of(text, "He was only") == "Fatima Dawood"


def test_a_restrictive_relative_clause_before_the_verb_holds_no_subject() -> None:
    text = (
        "Gangs\n\nA taxi driver who works the Hanover Park–Claremont route, and who did not want "
        "to be named, said the gangs “own the streets after six”.\n\n"
        "“People think the police run Hanover Park. After dark, you ask the boys,” he said.\n"
    )
    assert speaker_of(text, "own the streets") == speaker_of(text, "People think") == "taxi driver"


def test_a_ministry_s_principal_secretary_is_the_ps() -> None:
    text = (
        "Cartel\n\nThe Principal Secretary for Higher Education and Research, Dr Joseph Kiprono "
        "Lagat, on Friday said the ministry had uncovered what he called “a well-oiled cartel”.\n\n"
        "“Those who benefited will be discontinued,” the PS said.\n"
    )
    assert speaker_of(text, "a well-oiled") == speaker_of(text, "Those who") == "Joseph Kiprono Lagat"


def test_a_clause_opening_the_sentence_leaves_its_pronoun_to_the_main_subject_s_role() -> None:
    text = (
        "Hearing\n\nGregory Vane, who led the bank for nine years, told senators he had taken the "
        "letters “extremely seriously”.\n\n"
        "“Forgive me if I am not comforted,” Sen. Luis Ocana said.\n\n"
        "Asked by Ocana whether he would return any of the pay, the former CEO paused. “I am "
        "prepared to discuss that with the receivership,” he said.\n"
    )
    assert speaker_of(text, "I am prepared") == "Gregory Vane"


def test_according_to_the_statement_a_subject_gave_in_a_statement() -> None:
    text = (
        "Polls\n\nKedah police chief Datuk Zainal Abidin Karim in a statement said the "
        "constituency was calm. “The police advise all parties to respect the law,” according to "
        "the statement.\n"
    )
    assert speaker_of(text, "The police advise") == "Zainal Abidin Karim"


def test_the_counsel_is_the_counsel_named_with_his_title() -> None:
    text = (
        "Bail plea\n\nCounsel of the accused, Barrister Ahsan Raza Gondar, argued that his client "
        "had been in jail for 98 days.\n\n"
        "Barrister Gondar further argued that the complainant was pressured. «The whole case "
        "stands on the statement of one patwari,» the counsel said.\n"
    )
    assert speaker_of(text, "The whole case") == "Ahsan Raza Gondar"


def test_relayed_speech_with_a_time_between_object_and_that() -> None:
    text = (
        "Budget\n\nBloc MP Gaetan Lapointe said Quebec had been “treated like an afterthought”.\n\n"
        "He said a Quebec cabinet minister, Nadia Beaulieu-Roy, had told him Thursday morning "
        "that the province was “learning about this from the newspapers”.\n\n"
        "Before Tyrell began his training, the elder said, he had told the young man that the "
        "water plant was “the most important job in this community”.\n"
    )
    assert speaker_of(text, "learning about") == "Nadia Beaulieu-Roy"
    # a pronoun subject of the relaying clause is the outer subject again
    assert speaker_of(text, "the most important") == "elder"


def test_what_the_object_of_a_phrase_s_for_owns_does_not_speak() -> None:
    text = (
        "Housing\n\nMayor Bertrand Lafleur said council had approved more homes.\n\n"
        "In a statement, a spokesperson for Ontario’s Minister of Municipal Affairs said the "
        "province was “working with municipalities of every size”.\n"
    )
    assert speaker_of(text, "working with") == "spokesperson for Ontario"


def test_a_nested_quote_after_coordinated_verbs_or_from_dad() -> None:
    text = (
        "Memoir\n\nCountry singer Darla Whitlow gave the manuscript to her daughter, singer Lacey "
        "Whitlow, before anyone else.\n\n"
        "“Lacey read it first. She got to chapter 11 and called me up and said, ‘Mama, you can’t "
        "put that in there,’ and I said, ‘Watch me,’” Whitlow said.\n\n"
        "It was Kaylee's grandfather, the late Dean Hanson, who bought her first heifer.\n\n"
        "“Dad always told her, ‘You feed them right and the ribbons take care of themselves,’” "
        "Jodi Schroer said.\n"
    )
    assert speaker_of(text, "Mama, you") == "Lacey Whitlow"
    assert speaker_of(text, "Watch me") == "Darla Whitlow"
    assert speaker_of(text, "You feed") == "Dean Hanson"


def test_a_body_with_an_apposition_speaks_and_issues_its_statement() -> None:
    text = (
        "Clash\n\nCarabineros, Chile’s national police, said in a statement that officers had "
        "responded to “violent groups” who threw stones. “Twenty-three officers were injured, four "
        "of them seriously,” the statement said.\n"
    )
    assert speaker_of(text, "violent groups") == "Carabineros"  # not words of the officers
    assert speaker_of(text, "Twenty-three") == "Carabineros"


def test_a_judgment_speaks_for_the_judge_who_handed_it_down() -> None:
    text = (
        "Bakery case\n\nIn a 38-page judgment handed down in Manchester on Thursday, Mrs Justice "
        "Anneliese Vargo found that Greystone Foods had passed off its loaves as the bakery's.\n\n"
        "“The similarities are not the product of coincidence,” the judgment states.\n"
    )
    assert speaker_of(text, "The similarities") == "Anneliese Vargo"


def test_a_reporter_s_follow_up_tagged_after_the_quote() -> None:
    text = (
        "Game\n\nManager Buddy Kinross spoke after the game.\n\n"
        "“Does he stay the closer —” a reporter began.\n\n"
        "“But would you rule it out?” the reporter persisted.\n\n"
        "Kinross pressed the button and left. “That is all,” he said.\n"
    )
    assert speaker_of(text, "Does he stay") == "reporter"
    assert speaker_of(text, "But would you") == "reporter"
    assert speaker_of(text, "That is all") == "Buddy Kinross"


def test_a_person_from_a_place_before_a_colon_speaks_not_the_place() -> None:
    text = (
        "Sewage\n\nCommittee chair Dame Priscilla Odell-Harcourt opened the session by reading "
        "from a letter sent to her by a constituent in Ross-on-Wye: ‘I can no longer let my "
        "grandchildren paddle in the river. I pay my bill every month.’\n\n"
        "‘That is the reality your customers are living with,’ she said.\n\n"
        "The release ends with a line from Rao Adityan: “Tallo is our apology to everyone.”\n"
    )
    assert speaker_of(text, "I can no longer") == "constituent"
    assert speaker_of(text, "That is the reality") == "Priscilla Odell-Harcourt"
    assert speaker_of(text, "Tallo is our") == "Rao Adityan"


def test_the_owner_of_the_statement_is_the_body_its_noun_goes_back_to() -> None:
    text = (
        "Settlement\n\nThe Lindqvist campaign said on Monday it had settled the case.\n\n"
        "“The matter is now concluded,” the campaign’s statement said.\n"
    )
    assert speaker_of(text, "The matter is") == "Lindqvist campaign"


def test_a_nested_quote_after_he_d_and_say() -> None:
    text = (
        "Obituary\n\nMurray Kennard, who coached the club for 30 years, died on Monday. His widow, "
        "Jude Kennard, remembered the mornings.\n\n"
        "“Not once did he forget,” she said. “He'd come in with the tea and say, ‘Right, Jude, "
        "what's the damage?’”\n"
    )
    assert speaker_of(text, "Right, Jude") == "Murray Kennard"


def test_he_after_a_sentence_opened_by_a_clause_is_its_main_subject() -> None:
    text = (
        "Test\n\n“We will be ready,” Josh Kellan said at the press conference.\n\n"
        "Asked directly whether Doherty would play, the 31-year-old was guarded.\n\n"
        "“Dohers is a chance,” he said.\n\nFast bowler Liam Doherty trained on Friday.\n"
    )
    assert speaker_of(text, "Dohers is") == "Josh Kellan"


def test_a_bare_surname_after_a_spouse_introduced_with_the_person_is_the_person() -> None:
    text = (
        "Flood\n\nIn north Lake Charles, Darnell Fontaine, 67, stood in knee-deep water outside the "
        "house. His wife, Loretta Fontaine, had wanted to leave on Sunday, he said.\n\n"
        "“She said, ‘Darnell, we're too old for this,’ and I didn't listen,” Fontaine said.\n\n"
        "Loretta Fontaine, reached by phone, laughed. “I'll believe it when I see it,” she said.\n"
    )
    assert speaker_of(text, "She said") == "Darnell Fontaine"
    assert speaker_of(text, "Darnell, we're") == "Loretta Fontaine"
