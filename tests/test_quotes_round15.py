"""Attribution rules of session 18 (2026-12): small original articles with fictional people, each a
construction that went wrong in the tune part of blind round 15 (bench/data/blind_r15)."""

from __future__ import annotations

from test_quotes import run, speaker_of


def test_an_oral_historys_labels_in_capitals_name_the_speakers_of_the_quotes_after_them() -> None:
    text = (
        "Oral history\n\n"
        "MARISOL QUIÑONES, then a 24-year-old train operator on the 4 line: “I was in the tunnel.”\n\n"
        "DENNIS HALLORAN, Con Edison lineman, Queens: “We knew in about ten seconds.”\n\n"
        "QUIÑONES: “People were calm at first.”\n\n"
        "LT. ANGELA DiNAPOLI, FDNY (retired), then assigned to Engine 54: “We ran more calls.”\n\n"
        "DiNAPOLI: “That is the thing,” she said. “What I remember is the heat.”\n\n"
        "TREVOR BANKS, then 15: “My mom was at work.”\n\n"
        "LORETTA BANKS, his mother: “I walked home.”\n\n"
        "L. BANKS: “I had blisters.”\n\n"
        "HALLORAN: “By midnight we had crews.”\n"
    )
    quotes = run(text)
    assert [q.speaker for q in quotes] == [
        "Marisol Quiñones",
        "Dennis Halloran",
        "Marisol Quiñones",
        "Angela DiNapoli",
        "Angela DiNapoli",
        "Angela DiNapoli",
        "Trevor Banks",
        "Loretta Banks",
        "Loretta Banks",
        "Dennis Halloran",
    ]
    # the turn's words are the quotation, without its marks
    assert quotes[-1].text == "By midnight we had crews."
    assert quotes[1].role == "Con Edison lineman, Queens"


def test_a_sentence_or_a_headline_before_a_colon_is_no_label() -> None:
    text = (
        "Earthquake\n\n"
        "AFAD, in the statement made from its social media account, announced that 86 aftershocks "
        "occurred, the biggest of which was of magnitude 4.9, and warned the citizens: “Do not enter "
        "the damaged buildings.”\n\n"
        "IOWA POLLS NOT NECESSARILY WRONG, JUST TOO EARLY - Mark Blumenthal and Jon Cohen: “The "
        "polls just ended too early.”\n"
    )
    assert speaker_of(text, "Do not enter") == "AFAD"
    assert speaker_of(text, "The polls") != "Not Necessarily Wrong"


def test_a_transcript_label_may_hold_letters_beyond_ascii() -> None:
    text = (
        "Briefing transcript\n\n"
        "Mayor Inés Muñoz took questions on Tuesday.\n\n"
        "MUÑOZ: We will reopen the bridge on Friday, and not an hour before.\n\n"
        "Q: Why the delay?\n\n"
        "MUÑOZ: Because the engineers said so.\n"
    )
    assert speaker_of(text, "We will reopen") == "Inés Muñoz"
    assert speaker_of(text, "Because the engineers") == "Inés Muñoz"


def test_who_asked_a_question_is_not_who_answers_it() -> None:
    text = (
        "Summit\n\n"
        "Mayor Thandeka Mokoena closed the session on Sunday.\n\n"
        "“Mayor, is this summit a failure?” one reporter asked as the news conference drew to a close.\n\n"
        "“No. A failure is when you stop talking,” she replied.\n"
    )
    assert speaker_of(text, "Mayor, is this") == "reporter"
    assert speaker_of(text, "No. A failure") == "Thandeka Mokoena"


def test_the_one_quoted_as_saying_by_a_pronoun_is_never_who_quotes() -> None:
    text = (
        "Balloons\n\n"
        "The ministry's spokesman, Anatoly Glushkevich, dismissed the accusations on Friday.\n\n"
        'BelTA quoted him as saying: "Balloons do not carry passports."\n'
    )
    assert speaker_of(text, "Balloons do not") == "Anatoly Glushkevich"


def test_an_inverted_office_in_commas_before_a_name_is_the_names() -> None:
    for office in ("the Vice-President of the Court", "the Vice President of the Court"):
        text = (
            "Ruling\n\n"
            f"„A blank cheque is not a law“, said {office}, Doris Kehrmann, as she announced the judgment.\n"
        )
        assert speaker_of(text, "A blank cheque") == "Doris Kehrmann"
    # a description that is no office stays the speaker
    plain = "Ruling\n\n„A law“, said the old man who lives next door, Doris Kehrmann, on Friday.\n"
    assert speaker_of(plain, "A law") == "old man"


def test_an_administrator_warden_or_sheriff_is_a_person_noun_not_a_name() -> None:
    text = (
        "Wolves\n\n"
        "The District Administrator of the Heidekreis, Dr. Ulrike Brandes-Kühn, has applied for the "
        "removal of the animal. „The patience of the people is exhausted“, said the 61-year-old.\n"
    )
    assert speaker_of(text, "The patience") == "Ulrike Brandes-Kühn"


def test_translated_germans_so_after_a_quote_names_its_speaker() -> None:
    text = (
        "Wolves\n\n"
        "Melanie Oertel is a spokeswoman of NABU.\n\n"
        "That the fences in the Heidekreis apparently do not hold, Oertel does not dispute. «Wolves do "
        "not read fence regulations, that is right», so Oertel. «But the people must learn again.»\n\n"
        "Hinrich Wessels keeps sheep. “It was so,” so to speak, he recalled.\n"
    )
    assert speaker_of(text, "Wolves do not") == "Melanie Oertel"
    assert speaker_of(text, "But the people") == "Melanie Oertel"
    assert speaker_of(text, "It was so") == "Hinrich Wessels"


def test_a_surname_two_people_share_goes_to_the_one_its_apposition_describes() -> None:
    text = (
        "Layoffs\n\n"
        "Priya Patel, a senior software engineer, learned she had been laid off.\n\n"
        "“I tapped it three times,” Patel, 34, said.\n\n"
        "Nikhil Patel, an analyst at Wedbush Securities, said investors would welcome the move.\n\n"
        "Priya Patel said she would look for work.\n\n"
        "“If they can’t, you’ll see quiet rehiring,” said Patel, the analyst.\n"
    )
    assert speaker_of(text, "If they can") == "Nikhil Patel"
    assert speaker_of(text, "I tapped") == "Priya Patel"


def test_a_backbencher_is_a_person_noun_not_the_party_before_it() -> None:
    text = (
        "Budget\n\n"
        "One Fianna Fáil backbencher, who asked not to be named, said the party had been “whipped "
        "within an inch of its life” and that several TDs had considered abstaining.\n"
    )
    assert speaker_of(text, "whipped within") == "Fianna Fáil backbencher"


def test_one_of_a_group_described_in_apposition_is_that_description() -> None:
    text = (
        "Nursing homes\n\n"
        "Two current employees described similar conditions. One, a certified nursing aide who spoke "
        'on the condition of anonymity, said: "Some nights it is me and one other aide."\n'
    )
    assert speaker_of(text, "Some nights") == "certified nursing aide"


def test_a_parenthetical_reporter_relays_what_someone_told_her_to_do() -> None:
    text = (
        "Nursing homes\n\n"
        "Latasha Broussard worked nights.\n\n"
        'Once, she said, an administrator told her to "be creative" with the schedule.\n\n'
        'Once, she said, the rota was "a joke" by March.\n'
    )
    assert speaker_of(text, "be creative") == "administrator"
    assert speaker_of(text, "a joke") == "Latasha Broussard"


def test_a_quote_inside_a_quote_goes_to_whom_the_sentence_before_reported_the_speaker_meeting() -> None:
    text = (
        "Protest\n\n"
        "Peter Wafula Njoroge, a lawyer, said the march was lawful.\n\n"
        "Wanjiru Kamau said a police officer had stopped her and her mother at a roadblock.\n\n"
        '"He told me, \'Go home, you have no business here,\'" she said. "I told him this is my business."\n'
    )
    assert speaker_of(text, "Go home") == "officer"
    # a predicate describes someone named, no one new: "Callum was the strongest swimmer"
    swim = (
        "Inquest\n\n"
        "Callum Pritchard, 19, drowned in the quarry in July.\n\n"
        "\"Callum was the strongest swimmer of us. He swam out and shouted back, 'It's freezing, come "
        "on in.' Then he went quiet,\" his friend Ryan Beddoe said.\n"
    )
    assert speaker_of(swim, "It's freezing") == "Callum Pritchard"


def test_guillemets_hold_a_quote_in_curly_marks_and_my_father_is_the_speakers_namesake() -> None:
    text = (
        "Docks\n\n"
        "Jean-Marc Rossi, 58, a docker for 34 years, shows his hands.\n\n"
        "His son, Lucas Rossi, 26, nods. « My father always says “hold on, it will pass”. Me, I do "
        "not want to hold on until 64 », he says, laughing.\n"
    )
    assert speaker_of(text, "hold on, it will") == "Jean-Marc Rossi"
    assert speaker_of(text, "My father always") == "Lucas Rossi"


def test_a_single_quoted_quotation_opened_mid_paragraph_may_run_on_into_the_next() -> None:
    text = (
        "Apples\n\n"
        "‘He was a salesman, obviously,’ Eirlys Bowen said. ‘But he was a salesman who knew his fruit.\n\n"
        "‘The problem is that the description fits about 40 other apples. We have lost them.’\n\n"
        "There is now a better test.\n"
    )
    assert speaker_of(text, "But he was") == "Eirlys Bowen"
    assert speaker_of(text, "The problem is") == "Eirlys Bowen"
