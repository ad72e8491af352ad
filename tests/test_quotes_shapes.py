"""Attribution by sentence shape: which verb of saying, and which of its mentions, a quote rests on.

Small original sentences with fictional people; each case is one construction of news prose
(found while reading PolNeAR train errors, written here from scratch).
"""

from __future__ import annotations

import pytest
from test_quotes import run

from briefing.models import Article, Quote
from briefing.quotes import UNATTRIBUTED, extract
from briefing.quotes.context import _Cue
from briefing.quotes.order import participle as _participle
from briefing.segment import segment, split_paragraphs

INTRO = "Dana Holt, Ruth Okafor and Mark Lindqvist met on Monday.\n\n"


def attributed(body: str, prefix: str) -> tuple[str, str | None]:
    """The speaker of the quote starting with ``prefix`` and the words its attribution rests on."""
    text = INTRO + body
    quotes: tuple[Quote, ...] = run(text)
    hits = [q for q in quotes if q.text.startswith(prefix)]
    assert len(hits) == 1, [q.text for q in quotes]
    span = hits[0].sources[0].speaker_span
    return hits[0].speaker, text[span[0] : span[1]] if span else None


def first_quoted(body: str) -> tuple[str, str | None]:
    """``attributed`` for the body's first quotation in “…” marks."""
    return attributed(body, body.split("“")[1][:8])


@pytest.mark.parametrize(
    ("body", "prefix", "speaker", "mention"),
    [
        # a line ending in a space after the closing mark: the next paragraph is not the attribution
        (
            "“We will rebuild,” she told the radio station. “We can do what we like.” \n"
            "Lindqvist wrote in a letter that he plans to sue.\n",
            "We can do",
            "Dana Holt",
            "she",
        ),
        # "told" with a listener of a few words, then an adverbial: the quote's own attribution
        (
            "“It looks like we will not agree, who knows?” Holt told the city’s public radio "
            "station in an interview aired on Monday when asked about the port.\n",
            "It looks like",
            "Dana Holt",
            "Holt",
        ),
        # a relative clause of another noun closes a participle's complement
        (
            "The councillors who rebuked the plan by publicly expressing doubts included the "
            "deputy mayor, Ruth Okafor, who called the harbour “our best hope.”\n",
            "our best hope",
            "Ruth Okafor",
            "who",
        ),
        # an embedded quote that ends its sentence: the next sentence is its own statement
        (
            "Holt called the ruling “arbitrary.” Mark Lindqvist, a senior party official, "
            "warned on Saturday that the move could hurt.\n",
            "arbitrary",
            "Dana Holt",
            "Holt",
        ),
        # an abbreviation inside a clause that opens the sentence
        (
            "When Lindqvist suggested that the U.S. would sue over the deal, Okafor fired back: "
            "“If they sue us, they are going to lose.”\n",
            "If they sue",
            "Ruth Okafor",
            "Okafor",
        ),
        # an inverted verb before the quote, after a clause boundary
        (
            "Because of how the council drew up the timetable, explained Lindqvist, “the vote "
            "will be over by March.”\n",
            "the vote will",
            "Mark Lindqvist",
            "Lindqvist",
        ),
        # "said of X:" is about X, not by X
        (
            "Recalling the vote, Okafor, who chaired the committee, said of Lindqvist: “The "
            "question is whether he will rally behind the winner.”\n",
            "The question is",
            "Ruth Okafor",
            "Okafor",
        ),
        # "with X calling it": the participle's own subject
        (
            "Councillors were irritated by the lack of detail, with Mark Lindqvist calling it a "
            "“shopping list.”\n",
            "shopping list",
            "Mark Lindqvist",
            "Mark Lindqvist",
        ),
        # a verb of a clause after the main one introduces the quote its "that" complement holds
        (
            "“It is misleading,” Holt wrote after Okafor argued for the second time that “if "
            "everyone had voted as he did, the port would have closed.”\n",
            "if everyone",
            "Ruth Okafor",
            "Okafor",
        ),
        # a reporting clause set off by commas reports the whole sentence
        (
            "Lindqvist spoke on Monday. He sincerely believes, he said, that “the mayor is a "
            "really good neighbour.”\n",
            "the mayor is",
            "Mark Lindqvist",
            "he",
        ),
        # a relative clause with a subject of its own introduces the quote after it
        (
            "Okafor praised the port and contrasted the candidate, whom she described as "
            "“volatile,” with Holt.\n",
            "volatile",
            "Ruth Okafor",
            "she",
        ),
        # "as X said" after a quote
        (
            "The race “is a dead heat right now,” as Okafor said on the radio on Monday.\n",
            "is a dead heat",
            "Ruth Okafor",
            "Okafor",
        ),
        # an adverbial closed by a comma between the quote and an inverted verb
        (
            "“We are extremely happy” about the decision, said Ruth Okafor, the chair of the "
            "nurses’ union, which has broken away from the federation.\n",
            "We are extremely",
            "Ruth Okafor",
            "Ruth Okafor",
        ),
        # a quote opening its sentence after a sentence whose verb of saying is a participle
        (
            "Lindqvist distanced himself from the campaign by saying he would help if asked. "
            "“I am going to support him, and support him enthusiastically.”\n",
            "I am going",
            "Mark Lindqvist",
            "Lindqvist",
        ),
        # a complement closed by a comma, then an inverted verb
        (
            "“Campaigns are short of money. They have no choice” but to lead the advertising, "
            "says Mark Lindqvist, a media consultant in Tarrow.\n",
            "Campaigns are",
            "Mark Lindqvist",
            "Mark Lindqvist",
        ),
        # inflections with a doubled consonant are verbs of saying too
        (
            "“If you ask one more mean question, I may have to leave the stage,” Okafor quipped "
            "in reference to the absent Holt.\n",
            "If you ask",
            "Ruth Okafor",
            "Okafor",
        ),
        # sentences about the speaker between two of her quotes do not change who speaks
        (
            "“You cannot blame the mayor for what her brother did,” said Ruth Okafor, 44, a nurse "
            "from Tarrow who attended the rally. An immigrant, she plans to cast her first ballot "
            "next month. “All she went through, and to make her a victim: it is not fair.”\n",
            "All she went",
            "Ruth Okafor",
            "Ruth Okafor",
        ),
        # a verb form after a possessive or a determiner is a noun ("Lindqvist’s remarks")
        (
            "Okafor denounced Lindqvist’s remarks as “hurtful and humiliating” and warned of the "
            "consequences.\n",
            "hurtful and",
            "Ruth Okafor",
            "Okafor",
        ),
        # a clause of its own joined after the first: its verb reports the quote after it
        (
            "Lindqvist said he would make the harbour “glow in the dark,” for instance, and Okafor "
            "vowed to “fight to the end” over the port.\n",
            "fight to the end",
            "Ruth Okafor",
            "Okafor",
        ),
        # quotes joined in one sentence share the verb that reports the last
        (
            "Guns are “the ultimate public health crisis” and “stunt the growth of children,” "
            "Mark Lindqvist proclaimed to a cheering crowd.\n",
            "the ultimate",
            "Mark Lindqvist",
            "Mark Lindqvist",
        ),
        # a quote of several sentences inside a sentence closes where its last sentence does
        (
            "Okafor and Holt “were stiff. They were not fun. There was no joy” in comparison to "
            "the mayor, Lindqvist said.\n",
            "were stiff",
            "Mark Lindqvist",
            "Lindqvist",
        ),
        # a quote inside an open relative clause rests on "who"
        (
            "Lindqvist, who has styled himself as the “law and order candidate,” has taken a "
            "hard line on the port.\n",
            "law and order",
            "Mark Lindqvist",
            "who",
        ),
        # a quote broken by an inverted verb with an apposition: the second part is the same
        # speaker's, never its own first words
        (
            "“The risk,” said Mark Lindqvist, an economist who directs the forecast, “is that we "
            "are going to be attracting workers and repelling jobs.”\n",
            "is that we",
            "Mark Lindqvist",
            "Mark Lindqvist",
        ),
        # an adverb between a verb of asking and its complement
        (
            "“You think I am going to change?” Lindqvist asked reporters rhetorically during a "
            "news conference on Monday.\n",
            "You think",
            "Mark Lindqvist",
            "Lindqvist",
        ),
        # a colon closing a clause joined after the verb of saying: that clause's subject
        (
            "Lindqvist said both rivals are “non-entities in the council,” but Okafor paid the "
            "mayor a back-handed compliment: “You never have to guess where she stands.”\n",
            "You never",
            "Ruth Okafor",
            "Okafor",
        ),
        # a mention inside a relative clause in commas is not the verb's subject
        (
            "Lindqvist, who has a commanding lead in delegates, mocked Okafor for “having a "
            "tough night” because she won nothing.\n",
            "having a",
            "Mark Lindqvist",
            "Lindqvist",
        ),
        # an object relative whose verb takes "as having"
        (
            "Instead, Okafor backed Holt, whom she describes as having “a prosecutor’s bearing "
            "and a governor’s temperament.”\n",
            "a prosecutor",
            "Ruth Okafor",
            "she",
        ),
        # a quantified noun phrase stands as the subject ("many commentators called")
        (
            "Lindqvist is coming off a strong debate on Thursday, when many commentators called "
            "him “the grown-up on the stage” amid the quarrel.\n",
            "the grown-up",
            "many commentators",
            "many commentators",
        ),
        # a quote paragraph credited by the next paragraph: a dash and a name alone
        (
            "“The idea that I would close the port while we wait is just not accurate.”\n\n"
            "- Okafor.\n\nThe mayor tends to overstate it.\n",
            "The idea that",
            "Ruth Okafor",
            "Okafor",
        ),
        # "opined", "remembered" report speech
        (
            "“Owners should leave their boats at home,” opined the Tarrow Courier.\n",
            "Owners should",
            "Tarrow Courier",
            "the Tarrow Courier",
        ),
        # someone joining in between two quotes is the one who goes on
        (
            "“Tell her I promised you a picture,” Okafor said, and Lindqvist cut in. “Do not "
            "forget me, I have been her friend since school.”\n",
            "Do not forget",
            "Mark Lindqvist",
            "Lindqvist",
        ),
        # a quotation paragraph goes on from the last words naming its speaker
        (
            "“We are going to build a wall,” Lindqvist added. He then had a question for the "
            "crowd.\n\n“Who is going to pay for it?”\n",
            "Who is going",
            "Mark Lindqvist",
            "He",
        ),
        # absolute constructions: a participle with its own subject before it
        (
            "Both issued a statement – Okafor saying she was “very encouraged” and Lindqvist "
            "calling it a “great meeting.”\n",
            "great meeting",
            "Mark Lindqvist",
            "Lindqvist",
        ),
        (
            "Okafor and her backers tried to tie Holt to the mayor, with one of her ads asking, "
            "“Is Holt independent enough to serve?”\n",
            "Is Holt",
            "one of her ads",
            "one of her ads",
        ),
        # verbs of judging that report words ("blasted … as", "slammed", "dubbed")
        (
            "Okafor, who has a long lead in the polls, slammed Lindqvist as “a danger to the "
            "port” on Monday.\n",
            "a danger",
            "Ruth Okafor",
            "Okafor",
        ),
        (
            "The complaint, which was filed in the district court, alleged that the council "
            "“failed to protect the records.”\n",
            "failed to protect",
            "complaint",
            "The complaint",
        ),
        # an attribution closing the sentence reports the quotes before it, with no verb between
        (
            "His endorsements will carry “a great deal of weight” and bring candidates the "
            "“grass-roots firepower” they need to win, Lindqvist said.\n",
            "a great deal",
            "Mark Lindqvist",
            "Lindqvist",
        ),
        # the noun phrase opening the clause is a participle's subject when no mention is
        (
            "The council released a statement on Wednesday saying Lindqvist’s comments “are "
            "based on his opinion, not facts.”\n",
            "are based on",
            "council",
            "The council",
        ),
        # "as X puts it"
        (
            "As Okafor puts it, the mayor is trying to make the council “an offer they cannot refuse.”\n",
            "an offer",
            "Ruth Okafor",
            "Okafor",
        ),
        # a document's subject ends where its own verb begins ("The email went on to say")
        (
            "The club wrote to its members on Monday. The email went on to say, “Fewer people pay "
            "the dues that keep the hall open.”\n",
            "Fewer people",
            "email",
            "The email",
        ),
        # a participle right after "X said," goes with that verb
        (
            "Lindqvist weighed in as well, telling the radio on Monday, “They are both able,” "
            "Okafor said, adding, “She is overwhelmingly qualified to lead.”\n",
            "She is overwhelmingly",
            "Ruth Okafor",
            "Okafor",
        ),
        # a quotation paragraph no one claims goes with the speaker of the next one
        (
            "Okafor sees the mayor as a uniter.\n\n“Not only can the mayor win, she is the one "
            "with the best chance.”\n\n“She may be the only one who unites the council,” "
            "Lindqvist notes.\n",
            "Not only can",
            "Mark Lindqvist",
            "Lindqvist",
        ),
        # a relative joining in is named by the relation to the one before
        (
            "“Tell her I promised you a picture,” Okafor said, and her husband cut in. “Do not "
            "forget me, I have been her friend since school.”\n",
            "Do not forget",
            "Ruth Okafor’s husband",
            "her husband",
        ),
        # "another", "several" alone: one more of the group a description named before
        (
            "“They have lived there for years,” added another council member. Yet another said, "
            "“Lindqvist is in a five-way battle” for second place.\n",
            "Lindqvist is in",
            "another council member",
            "another",
        ),
        # … with where or how after a comma
        (
            "quotable.\n\n“The whole idea is something we hear about all the time.”\n\n"
            "-Ruth Okafor, Tarrow, after the vote.\n",
            "The whole idea",
            "Ruth Okafor",
            "Ruth Okafor",
        ),
        # a complement of the quote, a comma, then the subject and its verb
        (
            "“If the council obtains more records, it intends to search them” for what the "
            "watchdog asked, trial counsel Mark Lindqvist wrote in a filing.\n",
            "If the council",
            "Mark Lindqvist",
            "Mark Lindqvist",
        ),
        # a plain noun phrase after "with" as a participle's subject
        (
            "The port was on the minds of the crowd, with many marchers and spectators chanting "
            "“We are Tarrow” and “Disarm hate.”\n",
            "We are Tarrow",
            "many marchers and spectators",
            "many marchers and spectators",
        ),
        # a long subject after the quote: a person and their institution
        (
            "“Building such a pier would be a stretch for the council,” Mark Lindqvist of the "
            "Tarrow Institute for Harbour and Coastal Studies wrote in December.\n",
            "Building such",
            "Mark Lindqvist",
            "Mark Lindqvist",
        ),
        # a share of those asked as the subject, in a joined clause too
        (
            "The poll asked how likely Okafor was to win the general election, to which 21 percent "
            "said “not too likely” and 14 percent said “not at all likely.”\n",
            "not at all",
            "14 percent",
            "14 percent",
        ),
        (
            "Six in 10 Republicans said that “the mayor should go” before the summer.\n",
            "the mayor should",
            "Six in 10 Republicans",
            "Six in 10 Republicans",
        ),
    ],
)
def test_attribution_by_shape(body: str, prefix: str, speaker: str, mention: str) -> None:
    got_speaker, got_mention = attributed(body, prefix)
    assert (got_speaker, got_mention) == (speaker, mention)


def test_a_quote_after_a_participle_of_another_clause_keeps_its_opening_attribution() -> None:
    """ "When Holt pointed out that … “…,” Okafor seized upon it, repeating …": Holt's words."""
    body = (
        "When Holt pointed out that Lindqvist refers to it as “a harbour for all,” Okafor seized "
        "upon the phrase, repeating her own line.\n"
    )
    assert attributed(body, "a harbour for all") == ("Dana Holt", "Holt")


@pytest.mark.parametrize(
    ("text", "participle"),
    [("Holt agreed, saying", True), ("Holt is saying", False), ("Holt was also telling", False)],
)
def test_a_progressive_is_finite_not_a_participle(text: str, participle: bool) -> None:
    cue = _Cue(text.rindex(" ") + 1, len(text), text.rsplit(" ", 1)[1])
    assert _participle(text, cue) is participle


def test_said_with_the_subject_of_the_quoted_clause_after_it_is_not_inverted() -> None:
    """ "Holt, a former aide, said Okafor “was involved …”": Holt speaks about Okafor."""
    body = "Dana Holt, a former aide to the mayor, said Okafor “was personally involved in all of it.”\n"
    assert attributed(body, "was personally") == ("Dana Holt", "Dana Holt")


def test_words_that_are_no_noun_phrase_never_speak() -> None:
    """ "As the debate went on, Lindqvist stood by his remark that “…,” refusing to …": the words
    before a participle are no speaker ("refusing to")."""
    from briefing.quotes.phrases import _noun_head

    assert not _noun_head(["refusing", "to"])
    assert not _noun_head(["the", "emotional", "impact", "as"])
    assert not _noun_head(["not", "for", "her", "policy", "influence"])
    assert _noun_head(["Al", "From"]) and _noun_head(["the", "briefing"]) and _noun_head(["The", "email"])


def test_the_first_person_outside_quotation_marks_is_the_narrator() -> None:
    """ "“…,” I said": the byline when the article has one, else the author of that article."""
    from briefing.models import Article
    from briefing.quotes import extract
    from briefing.segment import segment, split_paragraphs

    text = "The hearing ran late.\n\n“I would like to answer the question you raised,” I said.\n"
    paragraphs = split_paragraphs(text, "a1")
    for author, speaker in (("Dana Holt", "Dana Holt"), (None, "the author of “Court diary”")):
        article = Article(id="a1", path="a1.txt", title="Court diary", text=text, author=author)
        (quote,) = extract(article, paragraphs, segment(paragraphs))
        span = quote.sources[0].speaker_span
        assert (quote.speaker, text[span[0] : span[1]] if span else None) == (speaker, "I")


@pytest.mark.parametrize(
    ("title", "tail", "speaker"),
    [
        ("Court diary", "\n\nDana Holt is a retired clerk in Dayton.\n", "Dana Holt"),
        # … with a link after it
        (
            "Court diary",
            "\n\nDana Holt is a retired clerk in Dayton.\n\nRelated: More diaries\n",
            "Dana Holt",
        ),
        ("Dana Holt: And then there was one", "", "Dana Holt"),
        # a quote headline names no author: "Holt: …" is one word
        ("Holt: The port stays", "", "the author of “Holt: The port stays”"),
    ],
    ids=["author-line", "author-line-then-link", "column-title", "quote-headline"],
)
def test_an_opinion_piece_names_its_narrator(title: str, tail: str, speaker: str) -> None:
    """An op-ed ends on its author's line, a column's title may open with its author."""
    from briefing.models import Article
    from briefing.quotes import extract
    from briefing.segment import segment, split_paragraphs

    text = "The hearing ran late.\n\n“I would like to answer the question you raised,” I said.\n" + tail
    paragraphs = split_paragraphs(text, "a1")
    article = Article(id="a1", path="a1.txt", title=title, text=text)
    (quote,) = extract(article, paragraphs, segment(paragraphs))
    assert quote.speaker == speaker


@pytest.mark.parametrize("title", ["Mr.", "Sen.", "Dr."])
def test_an_attribution_after_a_question_mark_reads_past_an_abbreviation(title: str) -> None:
    """ "“Why?” Mr. Holt asked.": the attribution ends where its sentence does, not at "Mr."."""
    body = f"“Why do they pay lower rates than you do?” {title} Holt asked.\n"
    assert attributed(body, "Why do") == ("Dana Holt", f"{title} Holt")


def test_feet_and_inches_close_no_quotation() -> None:
    """ "5’2”" is a height: the quote goes on to its real closing mark and continues its speaker."""
    body = (
        "“He is like 6’2”,” Holt said in Albany.\n\n"
        "“Which is why his hands are the size of someone who is 5’2”. You can’t trust them.”\n"
    )
    assert attributed(body, "Which is why") == ("Dana Holt", "Holt")


def test_a_place_before_an_inverted_speaker_s_name_is_his_description() -> None:
    body = "“The court is my concern,” said Idaho supplement executive Piet Olander, who backed Holt.\n"
    assert attributed(body, "The court") == ("Piet Olander", "Piet Olander")


def test_a_reporting_clause_in_commas_later_in_the_sentence_reports_its_quote() -> None:
    body = (
        "Lindqvist told a radio station that he had been watching the fireworks.\n\n"
        "“A big truck” plowed through the barriers that had been set up, he said, and “everyone ran.”\n"
    )
    assert attributed(body, "A big truck") == ("Mark Lindqvist", "he")


def test_a_quotation_paragraph_after_someone_spoke_about_something_is_theirs() -> None:
    body = (
        "Okafor also spoke about the case before the court, which challenges the law.\n\n"
        "“It is the law of the land. But I believe it is not a right if you cannot reach it.”\n"
    )
    assert attributed(body, "It is the law") == ("Ruth Okafor", "Okafor")


@pytest.mark.parametrize(
    ("body", "mention"),
    [
        ("“It is done,” Holt, director of research at Widmeyer Partners, said at the time.\n", "Holt"),
        ("“It is done,” said Dayton State University political scientist Dana Holt.\n", "Dana Holt"),
        ("“It is done,” Holt, who used to work on Capitol Hill, said about the plan.\n", "Holt"),
    ],
    ids=["apposition-object", "institution-before-name", "relative-clause-object"],
)
def test_a_preposition_s_object_or_an_institution_is_not_the_speaker(body: str, mention: str) -> None:
    assert attributed(body, "It is done") == ("Dana Holt", mention)


def test_a_background_sentence_with_a_noun_s_reporting_clause_keeps_the_speaker() -> None:
    body = (
        "“The mission worked with one launch,” Holt, a member of the crew, responded. She then "
        "referred to earlier testimony that concluded there was a 50 percent chance. “I cannot "
        "disagree with it.”\n"
    )
    assert attributed(body, "I cannot") == ("Dana Holt", "Holt")


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("Here is how bad it got, in the words of the patient: “I was unable to stand.”\n", "patient"),
        ("“The water came in the night,” one survivor said.\n", "survivor"),
        ("Hundreds marched. “No justice, no peace,” the protesters chanted.\n", "protesters"),
    ],
    ids=["in-the-words-of", "survivor", "protesters"],
)
def test_the_people_of_crisis_reports_speak(body: str, speaker: str) -> None:
    assert first_quoted(body)[0] == speaker


def test_a_verb_of_the_quote_s_own_words_is_not_its_attribution() -> None:
    body = (
        "“The mayor wants a bigger deal. Bigger than the little deal” announced in October, said "
        "Dana Holt, a scholar with the harbour institute in Dayton.\n"
    )
    assert attributed(body, "The mayor wants") == ("Dana Holt", "Dana Holt")


def test_a_verb_some_outlets_capitalise_is_a_cue_and_no_name() -> None:
    body = "“Not us, but we cannot argue with it!” Holt, the head of the group, Tweeted on Friday.\n"
    assert attributed(body, "Not us")[0] == "Dana Holt"
    assert attributed("“It is over,” Lindqvist Tweeted.\n", "It is over") == ("Mark Lindqvist", "Lindqvist")


def test_an_interview_s_answers_are_the_interviewee_s_its_questions_no_one_s() -> None:
    article = Article(
        id="i1",
        path="i1.txt",
        title="‘I still run every morning’: Wanjiru Kamau on her last season",
        text=(
            "Wanjiru Kamau has won four marathons. She met our reporter, Piet de Vries, in Eldoret.\n\n"
            "Q: “How do you feel?”\n\n"
            "A: “Tired, but happy. I still run every morning.”\n\n"
            "Q: “What about your coach, Samuel Otieno?”\n\n"
            "A: “Samuel is family.” She smiles. “He taught me to wait.”\n"
        ),
    )
    paragraphs = split_paragraphs(article.text, "i1")
    found = {q.text: q for q in extract(article, paragraphs, segment(paragraphs))}
    assert found["How do you feel?"].speaker == UNATTRIBUTED  # a question states nothing
    for text in (
        "Tired, but happy. I still run every morning.",
        "Samuel is family.",
        "He taught me to wait.",
    ):
        assert found[text].speaker == "Wanjiru Kamau"
    (source,) = found["Samuel is family."].sources
    assert source.speaker_span is not None
    assert article.text[source.speaker_span[0] : source.speaker_span[1]] == "A"
