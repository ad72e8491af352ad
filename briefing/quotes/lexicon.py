"""Word lists for finding and attributing quotations: general English news vocabulary.

Nothing here names a particular person or article. The lists are the verbs of saying, the
function words that are never part of a name, role nouns and their classes, organisation head
words, and a compact table of countries, demonyms and capitals (so that "the Russian foreign
minister" can be matched with the person introduced as "Russian Foreign Minister ...", and so
that "Moscow" is never mistaken for a person).
"""

from __future__ import annotations

import re
import unicodedata

from .countries import COUNTRY_OF
from .nouns import of_children
from .roleclasses import ROLE_CLASSES, role_class  # noqa: F401  (read from here by the stages)

# Quote marks by the level they work at and the direction their glyph suggests. A glyph only
# suggests: machine translation and scraping use “ as a closer and ” as an opener, so detect.py
# decides by context first.
DOUBLE_MARKS = frozenset('“”„«»"')
SINGLE_MARKS = frozenset("‘’‚'‹›")
OPEN_GLYPHS = frozenset("“„«‘‚‹")
CLOSE_GLYPHS = frozenset("”»’›")
DASHES = "–—"

# Verbs of saying (base forms); inflections are generated below. Irregular forms are listed.
_SAY_BASES = """
say tell add continue warn stress declare comment write note explain insist announce claim argue
emphasize emphasise reiterate repeat recall signal believe ask reply respond answer tweet post
acknowledge admit confirm suggest urge demand accuse condemn call describe express observe remark
conclude point promise vow predict threaten assure complain deny quote caution state signal
agree estimate recount report mention lament affirm stated underline underscore indicate
disagree retort concede joke assert proclaim exclaim shout yell scream chant muse quip boast brag
counter testify pledge plead wonder interject react mock press demand scoff snap gush marvel
grumble lament reason caution charge contend maintain recommend propose pronounce confess bark fume
beam scold chide opine remember allege blast slam criticize criticise praise hail tout dismiss deride
denounce decry label dub brand cite characterize characterise surmise riff exhort retaliate
clarify elaborate speculate hint whisper concur advise reflect
enthuse reassure summarise summarize deplore recall judge reveal
""".split()
_IRREGULAR = {
    "say": ("said", "says", "saying"),
    "tell": ("told", "tells", "telling"),
    "write": ("wrote", "writes", "writing", "written"),
    "think": ("thought",),
    "feel": ("felt", "feels"),
    "stress": ("stressed", "stresses", "stressing"),
}
# "state" is left out as a bare word: "secretary of state" must never read as a cue.
_NOT_CUES = frozenset(
    {
        "state",
        "states",
        "post",
        "posts",
        "call",
        "calls",
        "point",
        "points",
        "report",
        "reports",
        "quote",
        "quotes",
        "note",
        "notes",
        "answer",
        "answers",
        "signal",
        "signals",
        "promise",
        "promises",
        "vow",
        "vows",
        "comment",
        "comments",
        "mention",
        "mentions",
        "estimate",
        "estimates",
    }
)


# Forms of the verbs added for news writing that are, as often, nouns ("the press", "charges",
# "a pledge", "demands", "chants"): only their unambiguous forms count.
_NOT_CUES |= frozenset(
    """press presses charge charges counter counters reason reasons demand demands pledge pledges
chant chants shout shouts yell yells scream screams wonder wonders mock snap snaps muse boast
boasts brag quip quips plead marvel lament laments caution cautions propose recommend
""".split()
)
# … and forms of verbs of saying that are nouns as often and never frame a quoted word either
# ("a sigh", "a hint", "the judge", "product recalls", "judging by").
_NOUN_FORMS = frozenset(
    """sigh sighs hint hints whisper whispers murmur murmurs reflect reflects reveal reveals
recall recalls judge judges judging""".split()
)
_NOT_CUES |= _NOUN_FORMS


# Third-person forms of verbs of saying that are as often nouns: cues only where the context
# shows a verb (see context._verb_here).
AMBIGUOUS_CUES = frozenset(
    """notes reports posts points calls comments charges demands pledges counters reasons cautions
laments signals vows promises answers states""".split()
)


def _inflect(base: str) -> set[str]:
    forms = {base}
    stem = base[:-1] if base.endswith("e") else base
    if base.endswith("y") and base[-2] not in "aeiou":
        forms |= {base[:-1] + "ied", base[:-1] + "ies", base + "ing"}
    else:
        forms |= {stem + "ed", stem + "ing", base + ("es" if base.endswith(("s", "sh", "ch")) else "s")}
    if base in ("signal",):
        forms |= {"signalled", "signalling"}
    if base in ("admit", "regret", "quip", "snap", "slam", "dub", "brag", "label"):  # doubled consonant
        forms |= {base + base[-1] + "ed", base + base[-1] + "ing"}
    if base.endswith("ee"):
        forms |= {base + "ing"}  # "agreeing"
    return forms


def _cue_words() -> frozenset[str]:
    words: set[str] = set()
    for base in [*_SAY_BASES, "think", "feel"]:
        words |= _inflect(base)
        words |= set(_IRREGULAR.get(base, ()))
    words -= {"sayed", "saies", "telled", "writed", "thinked", "feeled"}
    return frozenset(words - _NOT_CUES)


# Verbs of saying of the other languages news arrives in (Italian, Spanish, Portuguese, French,
# German, Russian): the third-person forms that report speech, from each language's grammar;
# forms that are also English words ("dice", "dit") are left out.
FOREIGN_CUES = frozenset(
    """
detto dichiarato spiegato affermato aggiunto sottolineato commentato ribadito precisato
raccontato annunciato dichiara spiega afferma aggiunge sottolinea commenta racconta ribadisce
precisa
dijo afirmó explicó señaló aseguró añadió declaró indicó agregó comentó destacó afirma explica
señala asegura añade declara manifestó sostuvo advirtió subrayó
disse afirmou explicou declarou acrescentou destacou ressaltou escreveu garantiu
déclaré expliqué affirmé ajouté souligné estimé indiqué confié déclare explique affirme ajoute
souligne raconte précise
sagte sagt erklärte erklärt betonte betont sagten meinte
сказал сказала сказали заявил заявила заявили отметил отметила сообщил сообщила сообщили
пояснил пояснила добавил добавила говорит рассказал рассказала подчеркнул подчеркнула написал
написала
""".split()
)
# Verbs of a speaker's manner that features use as speech tags ("“We kept it,” she laughed",
# "Fr Walsh laughed. ¶ “Priests don't retire …”"), in their past forms: the others are nouns as
# often ("laughs", "a nod", "shrugs", "Occupy-style protests").
# They tag speech only where the sentence ends with them or soon after ("she laughed.", "the CS
# smiled:", "Mensah protested from the sofa"), never "Audience members laughed when he urged …".
MANNER_CUES = frozenset(
    "laughed smiled nodded shrugged grinned chuckled sighed protested paused hesitated".split()
)
CUE_WORDS = _cue_words() | FOREIGN_CUES | MANNER_CUES
# "According to" in those languages: the speaker follows ("secondo Rossi", "по словам Иванова").
ACCORDING_ABROAD = ("secondo", "según", "segundo", "selon", "по словам")
# Auxiliaries of those languages' perfect ("ha detto", "a déclaré", "hat gesagt"): an inverted
# attribution after a quote may open with one ("«…», ha detto Rossi").
FOREIGN_AUXILIARIES = frozenset("ha hanno a ont hat haben".split())
# Verbs that report how someone framed a thing rather than what they said ("Vell blamed the delay
# on “bureaucrats”", "Rask referred to him as a “hero”"), and the forms of verbs of saying left out
# of CUE_WORDS as often nouns ("notes", "calls", "promises"): reporting words for a quoted word or
# two right after the subject that uses them (reported.py), never cues of their own.
_FRAMING_BASES = "blame defend herald imply intimate insinuate portray depict refer cry".split()
FRAMING_WORDS = frozenset(
    {form for base in _FRAMING_BASES for form in _inflect(base)}
    | {"implied", "implies", "cried", "cries", "referred", "referring", "summed", "sums", "summing"}
    | (
        _NOT_CUES
        - {"state", "states", "report", "reports", "quote", "quotes", "press", "presses"}
        - _NOUN_FORMS
    )
)
# Cue words that only introduce speech with a preposition or particle after them.
# The lookahead after \b holds the first letters of the branches (each must begin with one):
# without it the engine tries every branch at every word, which cost 0.6 ms of a 5 ms article
# (PolNeAR train); with it half that, and the same matches.
CUE_PHRASES = re.compile(
    r"\b(?=[abcfghijpqstwп])(?:according\s+to|pointed\s+out|points\s+out|(?:shot|shoots|fired|fires|hit|hits)\s+back|(?:went|goes)\s+on(?=\s*[,.:;])|called\s+(?:it|this|that|the)|was\s+quoted\s+as\s+saying"
    r"|were\s+quoted\s+as\s+saying|is\s+quoted\s+as\s+saying|quoted\s+(?:[\w’'.,-]+\s+){1,8}?as\s+saying"
    r"|(?:cut|cuts|chimed|chimes|weighed|weighs|jumped|butted)\s+in|(?:puts|put|putting)\s+it"
    r"|(?:spoke|speaks|talked|talks)\s+(?:about|of)|in\s+the\s+words\s+of"
    r"|in\s+[A-Z][\w-]+[’']s\s+(?:own\s+)?words"
    # "according to" in Italian, Spanish, Portuguese, French, Russian
    r"|secondo(?=\s+[A-Z])|según|segundo(?=\s+[A-Z])|selon|по\s+словам)\b",
    re.IGNORECASE,
)

SUBJECT_PRONOUNS = {"he": "person", "she": "person", "they": "group", "it": "organisation"}

# Words that may stand capitalised at a sentence start but are never a name.
FUNCTION_WORDS = frozenset(
    """
a an the this that these those there here then thus so but and or nor yet for of in on at by to
from with without into onto over under after before during since until while whilst whereas when where why how
what which who whom whose if unless although though as because meanwhile however moreover also
earlier later today yesterday tomorrow now still even just only some many most few several all
any each every both either neither no not one his her its their our my your we i you he she it
they me him us them according asked speaking der die das le la les el los del des
despite outside inside amid among unlike like beyond besides throughout toward towards regarding
concerning following including considering against about around across behind upon within via
another such
nearby elsewhere overnight afterwards afterward separately instead abroad downstairs upstairs
indoors outdoors nationwide worldwide roughly loosely literally
secondo según segundo selon
""".split()
)

# Possessive determiners: "My father", "Her husband" describe someone by whose they are.
POSSESSIVE_DETERMINERS = frozenset("my his her our their your".split())

# What "finds" what it reports: "the inquiry found that …", "Two studies have found “…”".
STUDY_NOUNS = frozenset(
    """report reports study studies inquiry inquiries investigation investigations survey surveys
poll polls review audit analysis research probe judgment judgement ruling""".split()
)

MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)
TIME_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split()) | MONTHS

# Nouns that make a person description ("a senior official", "an anonymous diplomat").
# Callings and family words that describe one person, named before or not ("the rancher", "a
# fashion designer for …", "the grandmother of five"): person nouns, and anaphoric nouns below.
# Added from texts of our own (sport, local news, features; crisis dispatches of round 6) whose
# descriptions went unresolved.
_CALLINGS = frozenset(
    """
grandmother grandfather great-grandmother great-grandfather widower pensioner retiree
miner farmer rancher fisherman shepherd beekeeper ranger firefighter paramedic nurse midwife
teacher headteacher headmaster headmistress principal pastor priest vicar bishop imam rabbi
lawyer barrister solicitor attorney counsel constituent convener executive ceo cfo co-founder
cofounder designer
engineer programmer historian novelist poet playwright comedian rapper drummer guitarist
vocalist frontman frontwoman bassist photographer sculptor pilot skier swimmer cyclist
climber jockey batsman bowler all-rounder fly-half quarterback pitcher
neurologist cardiologist oncologist psychologist psychiatrist sociologist criminologist
epidemiologist virologist immunologist geologist meteorologist climatologist seismologist
volcanologist zoologist archaeologist anthropologist dentist pharmacist therapist chemist
physicist pianist violinist cellist lobbyist specialist physician electrician technician
politician statistician mathematician paediatrician pediatrician dietician optician clinician
cllr councillor councilor councilman councilwoman alderman coach modeller modeler forecaster
prefect sub-prefect gendarme herder pastoralist
legislator legislators assemblyman assemblywoman assemblymember parliamentarian parliamentarians
selectman selectwoman supervisor supervisors trustee trustees
selector umpire referee curator registrar coroner bailiff chaplain caretaker janitor lifeguard
carer caregiver cleaner plumber builder mechanic welder labourer laborer courier cashier
receptionist treasurer auditor accountant broker landlord tenant homeowner commuter passenger
motorist pedestrian shopper customer vendor hawker stallholder fisherwoman boatman seafarer
deckhand dockworker longshoreman trucker grower vintner winemaker publican barman barmaid
bartender waiter waitress sommelier florist hairdresser jeweller jeweler optometrist
radiographer surveyor architect assessor adjudicator arbitrator ombudsman comptroller provost
rector tutor pupil graduate undergraduate alumnus alumna intern apprentice trainee recruit
cadet trooper jailer bodyguard administrator administrators warden sheriff magistrate
chair backbencher backbenchers frontbencher frontbenchers
undersecretary under-secretary subsecretary vice-minister viceminister vice-president vice-chancellor
vice-governor vice-mayor vice-premier
""".split()
)
PERSON_NOUNS = _CALLINGS | frozenset(
    """
official officials diplomat diplomats source sources spokesman spokeswoman spokesperson cop cops
representative representatives aide aides adviser advisers advisor advisors analyst analysts officer
officers minister ministers envoy envoys lawmaker lawmakers member members expert experts negotiator
negotiators observer observers insider insiders colleague colleagues participant participants delegate
delegates economist economists analyst planner planners strategist strategists researcher researchers
scientist scientists professor professors lecturer scholar scholars historian historians lawyer lawyers
attorney attorneys judge judges prosecutor prosecutors investigator investigators inspector inspectors
commander commanders soldier soldiers resident residents witness witnesses farmer farmers trader traders
banker bankers executive executives manager managers director directors founder chairman chairwoman
chairperson consultant consultants adviser engineer engineers journalist journalists reporter reporters
editor activist activists campaigner campaigners organiser organisers organizer organizers leader
leaders mediator mediators worker workers employee employees doctor doctors nurse nurses surgeon
volunteer volunteers veteran veterans candidate candidates mayor governor senator ambassador colonel
lieutenant brigadier admiral sergeant staffer staffers operator operators owner owners teacher teachers
student students pensioner pensioners driver drivers fisherman fishermen shopkeeper shopkeepers
economist nominee nominees frontrunner front-runner hopeful hopefuls billionaire businessman
businesswoman businessmen mogul tycoon magnate developer neurosurgeon actress actor star host anchor
commentator pundit columnist author writer pollster congressman congresswoman democrat democrats
republican republicans patient patients victim victims survivor survivors refugee refugees migrant
migrants villager villagers rescuer rescuers firefighter firefighters paramedic paramedics responder
responders eyewitness eyewitnesses mother mothers father fathers parent parents neighbor neighbors
neighbour neighbours relative relatives protester protesters demonstrator demonstrators man woman men
women striker strikers goalkeeper goalkeepers keeper defender defenders midfielder midfielders winger
wingers skipper player players constable constables detective detectives superintendent
""".split()
)
# Head nouns by which news goes on to name someone it has named ("Ted Cruz … the Texas senator
# said", "Ben Carson … the retired neurosurgeon"): a definite mention with one of these heads that
# no unnamed description explains is the person named before. Nouns that as often stand for an
# unnamed speaker ("the official", "the spokesman", "the woman", "the source") are not here.
ANAPHORIC_NOUNS = (
    frozenset(
        """
candidate nominee frontrunner front-runner hopeful senator governor congressman congresswoman
lawmaker president mayor secretary chairman chairwoman leader billionaire businessman businesswoman
mogul tycoon developer magnate neurosurgeon surgeon actress actor star singer host anchor
commentator pundit columnist author writer economist professor strategist consultant pollster
judge justice democrat republican veteran general admiral chancellor minister premier ambassador
teenager youngster player striker midfielder defender goalkeeper keeper forward winger captain
manager coach boss champion winner rider athlete sprinter runner boxer fighter golfer skipper
pensioner widow widower scientist researcher ecologist biologist physicist chemist doctor chef
artist musician filmmaker director founder entrepreneur investor officer
frenchman briton spaniard dutchman englishman scot welshman irishman
councillor councilor councilman councilwoman alderman commissioner supervisor prosecutor detective
inspector sheriff superintendent clerk
""".split()
    )
    | _CALLINGS
)
# "the 46-year-old": an age stands for the person just named, as an anaphoric noun does.
AGE = re.compile(r"\d{1,3}-year-old")

# Titles that may stand before a personal name but are not part of it ("Dr. Petra Lind",
# "Colonel Ilse Marner"): honorifics say nothing of the role, ranks do (they go to the role).
# … and those of South and South-East Asia and West Africa ("Shri Ramegowda", "Smt Kavitha Reddy",
# "Datuk Seri Lim", "Alhaji Musa"), from texts of our own in those outlets' styles.
HONORIFICS = frozenset(
    """mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend shri sri smt shrimati kumari
datuk dato datin seri tun puan encik haji hajia alhaji engr fr revd msgr gogo mzee hon mheshimiwa""".split()
)
RANKS = frozenset(
    """colonel col lieutenant lt major maj captain capt admiral adm sergeant sgt brigadier marshal general gen
commander cmdr constable const superintendent supt inspector insp det cpl pte pfc lieut brig cdr comdr
cmdt cpt""".split()
)
# Offices abbreviated or used as a title before a name ("Florida Gov. Jeb Bush", "Sen. Rob Portman",
# "Judge Berman", "House Speaker Paul Ryan"): a role, like a rank, never part of the name.
OFFICE_TITLES = frozenset(
    """gov govs sen sens rep reps judge pastor sheriff rabbi bishop cardinal coach speaker whip
secretary-general director-general cllr cllrs coun justice archbishop imam apostle prophet evangelist
deacon pres amb atty ald""".split()
)
# The gender a personal pronoun asks of its antecedent.
PRONOUN_GENDER = {"he": "m", "she": "f"}
# Grammatical gender a title or role noun shows ("Mrs.", "spokeswoman"): "m", "f".
GENDER_OF = {
    **dict.fromkeys(
        """mr sir lord spokesman chairman congressman king prince father businessman husband shri encik
alhaji fr mzee""".split(),
        "m",
    ),
    **dict.fromkeys(
        """mrs ms miss dame lady spokeswoman chairwoman congresswoman queen princess actress
businesswoman wife smt shrimati kumari datin puan hajia gogo""".split(),
        "f",
    ),
}

# Words that appear in role titles ("U.S. Secretary of State", "Minister of Defense"; "chief whip"
# from blind round 10, tune part; the one-word deputies of translated copy, "Undersecretary of
# Labour", "vice-chancellor", from round 13's).
ROLE_WORDS = frozenset(
    """
secretary state minister foreign affairs affair defense defence president presidential prime
chancellor spokesman spokeswoman spokesperson press head chief ambassador general senator governor
mayor king queen pope deputy vice director chairman chairwoman chair leader commissioner envoy
adviser advisor representative commander interior finance justice economy trade health security
national department service premier top senior former outgoing incoming acting shadow
colonel lieutenant brigadier admiral sergeant marshal retired staff whip
undersecretary under-secretary subsecretary vice-minister vice-president vice-chancellor vice-premier
of for the and
""".split()
)

# Organisation head words: a capitalised run containing one names an organisation.
ORG_HEADS = frozenset(
    """
ministry department union kremlin council commission office agency government parliament embassy
organization organisation nato eu un osce pentagon cabinet administration committee court bank
alliance assembly senate congress duma party army police service fund authority foundation
institute association coalition network company corporation university chamber bureau board
center centre league society federation caucus college academy convention nations group
groups holdings logistics labs systems technologies solutions partners ventures devices foods motors
airlines airways securities pharmaceuticals studios interactive inc ltd llc plc gmbh co-operative cooperative
school library hospital museum airport
""".split()
)

# Places that are not countries or capitals but often stand capitalised in the news.
PLACE_WORDS = frozenset(
    """
europe asia africa crimea donbas donbass lugansk luhansk donetsk sevastopol odessa kharkiv
east west north south eastern western northern southern central euro-atlantic atlantic baltic
balkans caucasus arctic middle united states kingdom federation republic
""".split()
) | frozenset(COUNTRY_OF)

# Finite verbs and auxiliaries that show a long quoted fragment is a clause of its own.
FINITE_MARKERS = frozenset(
    """
is are was were will would can could should must may might shall has have had does do did means
""".split()
)

PREPOSITIONS = frozenset(
    """
with to of by from for against on at about between among in into over under after before during
than like via toward towards alongside including
""".split()
)


def plural(word: str) -> bool:
    """Is a noun plural by its ending ("officials", not "actress" or "campus")?"""
    return word.endswith("s") and not word.endswith(("ss", "us", "is"))


def singular(word: str) -> str:
    """A word without its plural "s" ("hosts" → "host"; "boss" stays)."""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


# Heads of phrases that name things which speak only as "it" (never "he" or "she"): works,
# programmes, documents and media ("the “Off Message” podcast", "the book", "the statement").
_THING_NOUNS = frozenset(
    """podcast podcasts show shows programme program broadcast book books film films video videos
documentary series episode interview article story column op-ed essay paper newspaper website site
blog page ad ads advert advertisement commercial campaign statement statements letter letters memo
note message release communique communiqué email e-mail tweet post notice document documents
editorial speech transcript poll affidavit complaint lawsuit filing ruling verdict indictment
petition motion brief order""".split()
)


_THINGS = _THING_NOUNS | ORG_HEADS | STUDY_NOUNS
_HEAD_ENDS = PREPOSITIONS | {"who", "which"}  # words that close a noun phrase's head


def a_thing(phrase: str) -> bool:
    """Does a phrase's head noun name a thing, not a person ("a reporter for Agence France-Presse"
    is a person; "the podcast", "the ministry", "the study" are things)? The head is the last word
    before a preposition or relative pronoun."""
    words = phrase.split()
    cut = next((i for i, w in enumerate(words) if i and w.lower() in _HEAD_ENDS), len(words))
    head = words[cut - 1].lower().strip(".,") if words else ""
    return head in _THINGS


# Page furniture that scraping leaves inside an article body: never a speaker, whatever verb
# follows it ("“…,” Article Continued Below said", "Getty Images said").
FURNITURE = re.compile(
    r"(?:article|story)\s+continue[sd]?(?:\s+below)?|continue\s+reading(?:\s+below)?|read\s+more"
    r"|advertisement|sponsored(?:\s+content)?|getty(?:\s+images)?|ap\s+photo|(?:reuters|afp|epa)\s+photo"
    r"|photo(?:graph)?s?|images?|caption|related(?:\s+\w+)?|click\s+here|subscribe|sign\s+up|share\s+this"
    r"|watch(?:\s+video)?|video|listen|more\s+from\s+\w+|image\s+source",
    re.IGNORECASE,
)


# A clause opening a sentence before its main clause, up to its comma ("When X arrived, …",
# "Pressed on whether Amaral fitted, …").
SUBORDINATE_OPENER = re.compile(
    r"\s*(?:(?:Shortly|Soon|Even|Just|Only|Long|Right)\s+)?(?:When|If|As|After|Before|While|Although"
    r"|Though|Because|Since|Until|Once|Unless|Whether|Asked|Speaking|[A-Z][a-z]+ing|In\s+an?\s+\w+"
    r"|[A-Z][a-z]+ed(?=\s+(?:on|about|over|by|for|whether|if|why|how|what)\b)"
    r"|In\s+(?:response|reply|addition)\s+to)\b(?:[^,;:.!?“”\"]|(?<=\b[A-Z])\.){0,160},\s*"
)


# A share of those asked as the subject: "21 percent", "just 8 percent of Democrats", "Six in 10
# Republicans".
SHARE = re.compile(
    r"\b((?:\d[\d,.]*\s*(?:percent|per\s+cent|%)|(?:[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even"
    r"|[Ee]ight|[Nn]ine|\d+)\s+in\s+(?:10|ten|\d+))(?:\s+of)?(?:\s+[\w’'-]+){0,3}?)\s+$"
)


def unaccented(text: str) -> str:
    """``text`` without accents: "Mahārāshtra" → "Maharashtra", "calderón" → "calderon"."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


_COMPLEMENT_OPENERS = frozenset("of for at from with".split())


def head_noun(phrase: str) -> str:
    """The head noun of a description, lower-case: its last word before a complement ("the
    grandmother of five", "a fashion designer for the G-III Apparel Group": grandmother, designer)."""
    words = [of_children(w.strip(".,")) for w in phrase.lower().split()]
    cut = next((k for k, w in enumerate(words) if k > 0 and w in _COMPLEMENT_OPENERS), len(words))
    return words[cut - 1] if cut else ""


# Nouns that make "official" an adjective: "the official news agency", "official figures".
OFFICIAL_THINGS = frozenset(
    "news agency media television radio newspaper website statement figures data results report".split()
)
# What "this" before a noun makes the article's writer: "When this correspondent asked him".
THE_WRITER = frozenset("correspondent reporter writer journalist".split())
