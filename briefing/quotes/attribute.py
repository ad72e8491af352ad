"""Attribute: who said each quoted stretch, resolved within the article.

In order of trust: the stretch's own attribution after it ("…,” Blinken told", "…,” said the US
foreign minister", "– … – he said"), a verb of saying before it in the same sentence ("the
European Union declared: “…", "Peskov felt that “…"), a colon introduction ("Lavrov: “…"), a
continuation (a paragraph that is only a quotation; a quote after an attributed quote of the same
paragraph with only that quote's attribution between them; a quote opening its sentence right
after a sentence of reported speech), and, for a phrase quoted inside a sentence, the sentence's
subject. A pronoun names the most recent clause subject outside quotation marks whose gender, when
the text shows one, agrees; "the official" names the official the article described before.
Nothing found: "unattributed", never a guess.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..models import Actor, Article, Paragraph, Quote, QuoteSource, Sentence
from .context import Speaker, _Article, _Cue
from .detect import MAX_SUBJECT_WORDS, TOKEN, Found
from .lexicon import CUE_WORDS, FINITE_MARKERS, GENDER_OF
from .speakers import Mention

UNATTRIBUTED = "unattributed"
# How far back a pronoun looks for its antecedent, in sentences; news text rarely keeps a
# pronoun's referent further away than the previous paragraph (three to four sentences).
PRONOUN_REACH = 8
# A lower-case quoted fragment this long with a finite verb of its own is a clause that stands as
# a statement (kind "full"); shorter fragments are phrases. Calibrated on the fixtures and the
# seeds: the shortest such statement there has 17 words, the longest quoted phrase 17 without
# a finite verb, 11 with one.
CLAUSE_WORDS = 12
_ADJOINING = frozenset(
    """the a an then also later earlier has had have was is were meanwhile one another two
three four several""".split()
)


def _words(text: str) -> list[str]:
    return [w for w in TOKEN.findall(text) if w[:1].isalnum() or any(ch.isalnum() for ch in w)]


def kind_of(text: str, style: str) -> str:
    """ "full" for a statement of its own, "partial" for a phrase quoted inside a sentence."""
    words = _words(text)
    if style in ("dash", "broken"):
        return "full"
    first = next((ch for ch in text if ch.isalnum()), "")
    if first.isupper() and len(words) >= 3:
        return "full"
    if len(words) >= CLAUSE_WORDS and any(w.lower() in FINITE_MARKERS for w in words):
        return "full"
    return "partial"


# An article right before a quoted word makes it the name of a thing: "the “emergency”".
_TERM_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose|[Ss]o-called)\s+$")
# Attributions that rest on no verb of saying of the quote's own sentence.
_NOT_VERB_CUES = frozenset({None, "subject", "continuation", "colon"})


def _is_name_like(text: str) -> bool:
    """ "Normandy Format": a short quoted run of capitalised words is a name, not speech."""
    words = _words(text)
    return 0 < len(words) <= 4 and all(w[:1].isupper() for w in words) and text.rstrip()[-1:] not in ".!?"


def extract(
    article: Article,
    paragraphs: Sequence[Paragraph],
    sentences: Sequence[Sentence],
    actors: Sequence[Actor] = (),
) -> tuple[Quote, ...]:
    """Every attributed (or honestly unattributed) quotation of one article, in text order."""
    ctx = _Article(article, paragraphs, sentences, actors)
    results: list[tuple[Found, Speaker | None, str | None]] = []
    for k, found in enumerate(ctx.found):
        speaker, cue = _attribute(ctx, k)
        if speaker is not None:
            ctx.speakers[k] = speaker
        results.append((found, speaker, cue))
    results = _forward_continuations(ctx, results)
    quotes = []
    for found, speaker, cue in results:
        quote = _quote(article, ctx, found, speaker, cue)
        if quote is not None:
            quotes.append(quote)
    return tuple(quotes)


def _quote(
    article: Article, ctx: _Article, found: Found, speaker: Speaker | None, cue: str | None
) -> Quote | None:
    text = article.text[found.start : found.end]
    words = _words(text)
    kind = kind_of(text, found.style)
    if found.style == "dash" and speaker is None:
        return None  # a dash without attribution or a quote before it is punctuation, not speech
    if found.style == "marks" and _is_name_like(text):
        return None  # a quoted name ("Normandy Format") is a term, not speech
    term = _TERM_BEFORE.search(article.text, max(0, found.open_at - 12), found.open_at)
    if len(words) < 2 and not (words and speaker is not None and cue not in _NOT_VERB_CUES and not term):
        # A quoted word is a term ("de-escalate", "the “emergency”") unless a verb of saying
        # reports someone using it ("Comey testified “thousands” were not turned over", "Gore
        # insisted it was “premature”").
        return None
    if len(words) < 3 and kind == "partial" and speaker is None:
        return None
    sentence = ctx.sentence(found.start)
    source = QuoteSource(
        article.id,
        article.path,
        found.start,
        found.end,
        found.paragraph,
        sentence.index if sentence is not None else None,
        speaker.span if speaker is not None else None,
    )
    if speaker is None:
        return Quote(text=text, kind=kind, speaker=UNATTRIBUTED, sources=(source,))
    return Quote(
        text=text,
        kind=kind,
        speaker=speaker.name,
        sources=(source,),
        role=speaker.role,
        affiliation=speaker.affiliation,
        mention=speaker.mention,
        cue=cue,
    )


def _attribute(ctx: _Article, k: int) -> tuple[Speaker | None, str | None]:
    found = ctx.found[k]
    following = ctx.found[k + 1] if k + 1 < len(ctx.found) else None
    nxt = following.open_at if following is not None and following.paragraph == found.paragraph else None
    after = found.end if found.style in ("dash", "broken") else found.close_at
    # A quote open to its paragraph's end has nothing after it in the paragraph.
    got = _after(ctx, after, nxt) if found.style != "open" else None
    if got is None and found.style == "marks":
        got = _sentence_final(ctx, found, nxt)
    if got is None and found.style in ("marks", "open"):
        got = _before(ctx, found)
    if got is None and found.style in ("marks", "open"):
        got = _introduced(ctx, found)
    if got is None:
        got = _continuation(ctx, k)
    # A quotation inside a sentence (words of the sentence before it) is the subject's.
    embedded = found.style == "marks" and bool(
        _words(ctx.text[ctx.sentence_bounds(found.open_at)[0] : found.open_at])
    )
    phrase = found.style == "marks" and kind_of(ctx.text[found.start : found.end], "marks") == "partial"
    if got is None and (phrase or embedded):
        got = _subject(ctx, found)
    return got if got is not None else (None, None)


def _sentence_final(ctx: _Article, found: Found, nxt: int | None) -> tuple[Speaker, str] | None:
    """ "… “…” at the convention, he said.": an attribution closing the quote's sentence after a
    comma attributes all of it."""
    _, end = ctx.sentence_bounds(found.open_at)
    if nxt is not None and nxt < end:
        return None  # another quote follows in the sentence: its own attribution is not ours
    for comma in re.finditer(r",\s", ctx.text[found.close_at : end]):
        pos = found.close_at + comma.end()
        first = TOKEN.match(ctx.text, pos)
        if (
            first is None
            or first.group().endswith("ing")
            or first.group().lower() in _CLAUSE_OPENERS | {"what"}
        ):
            continue  # ", engaging in what analysts described …" is no attribution of the quote
        # ", she said, referencing …": the clause after the comma opens with its subject and verb
        if _short_subject_verb(ctx, pos, end) or len(_words(ctx.text[pos:end])) <= MAX_SUBJECT_WORDS + 4:
            got = _after(ctx, pos, None)
            if got is not None:
                return got
    return None


def _introduced(ctx: _Article, found: Found) -> tuple[Speaker, str] | None:
    """A quotation opening its paragraph after one that ends with a colon ("In a 1963 speech, he
    declared:"): the introducing sentence's verb and subject, or its subject."""
    para = next((p for p in ctx.paragraphs if p.index == found.paragraph), None)
    if para is None or _words(ctx.text[para.start : found.open_at]):
        return None
    k = ctx.paragraphs.index(para)
    prev = ctx.paragraphs[k - 1] if k > 0 else None
    if prev is None or not prev.text.rstrip().endswith(":"):
        return None
    colon = prev.start + len(prev.text.rstrip()) - 1
    got = _before(ctx, replace(found, open_at=colon, paragraph=prev.index))
    return got if got is not None else _subject(ctx, replace(found, open_at=colon))


def _paragraph_end(ctx: _Article, pos: int) -> int:
    for p in ctx.paragraphs:
        if p.start <= pos <= p.end:
            return p.end
    return len(ctx.text)


def _after(ctx: _Article, pos: int, nxt: int | None) -> tuple[Speaker, str] | None:
    """The attribution right after a quote: "said X", "X said", "according to X"."""
    while pos < len(ctx.text) and ctx.text[pos] in " \t,;:–—”“\"»'’":
        pos += 1
    limit = _paragraph_end(ctx, pos)
    if nxt is not None:
        limit = min(limit, nxt)
    sent_start, sent_end = ctx.sentence_bounds(pos)
    if sent_start < pos:
        limit = min(limit, sent_end)
    else:  # the quote ended its sentence: only a short clause that follows may attribute it
        stop = re.compile(r"[.!?…]").search(ctx.text, pos, limit)
        if stop is None:
            return None
        if len(_words(ctx.text[pos : stop.start()])) > MAX_SUBJECT_WORDS + 2 and not (
            _apposition(ctx.text, pos, stop.start()) or _short_subject_verb(ctx, pos, stop.start())
        ):
            return None
        limit = stop.end()
    window = [c for c in ctx.cues if pos <= c.start < limit]
    if not window:
        return None
    cue = window[0]
    cue_text = _cue_text(ctx, cue, limit)
    lead = _words(ctx.text[pos : cue.start])
    if not lead and cue.text.endswith("ing"):
        return None  # ", claiming that he …": a participle reports the main clause's subject
    if not lead:  # inverted: "said Blinken", "according to the ministry", "said the coach X"
        for m in ctx.in_range(cue.end, limit):
            gap = _words(ctx.text[cue.end : m.start])
            if len(gap) <= 3 and all(w.islower() for w in gap):
                got = _resolved(ctx, m, cue_text)
                if got is not None:
                    return got
            break
        return _phrase_after(ctx, cue.end, limit, cue_text)
    got = _subject_before(ctx, pos, cue) if len(lead) <= MAX_SUBJECT_WORDS else None
    return got if got is not None else _phrase_before(ctx, pos, cue.start, cue_text)


def _short_subject_verb(ctx: _Article, pos: int, stop: int) -> bool:
    """A clause after a quote that opens with a short subject and its verb of saying, then goes
    on ("“Who are they?” Trump said of Apple in February, when …"), not a "that" clause."""
    cue = next((c for c in ctx.cues if pos <= c.start < stop), None)
    if cue is None or len(_words(ctx.text[pos : cue.start])) > 4:
        return False
    # "Trump said of Apple …", "she told reporters in …": the verb's own complements follow; "He
    # also said Trump's plan …" starts a statement of its own.
    return bool(_VERB_COMPLEMENT.match(ctx.text, cue.end, stop))


_VERB_COMPLEMENT = re.compile(
    r"\s*(?:[,;]|(?:of|in|at|on|to|during|after|before|as|while|when|from|with|about|on)\b"
    r"|(?:reporters|supporters|the\s+crowd|an?\s+\w+|the\s+\w+)\s+(?:in|at|on|during|after|before|as|while|when)\b)"
)


def _subject_before(ctx: _Article, pos: int, cue: _Cue) -> tuple[Speaker, str] | None:
    """ "…,” the US foreign minister said": the last mention before the verb."""
    subjects = [m for m in ctx.in_range(pos, cue.start)]
    if not subjects:
        return None
    subject = subjects[-1]
    if not all(w.lower() in _ADJOINING for w in _words(ctx.text[pos : subjects[0].start])):
        return None
    gap = _words(ctx.text[subject.end : cue.start])
    # A short qualifier may stand between subject and verb ("a senior diplomat involved in the
    # drafting said"), a clause of its own may not ("… officials who were briefed have said").
    if len(gap) > 3 and (len(gap) > MAX_SUBJECT_WORDS - 2 or any(w.lower() in FINITE_MARKERS for w in gap)):
        return None
    return _resolved(ctx, subject, _cue_text(ctx, cue, len(ctx.text)))


# "Name, a strategist and former adviser to X, said": a subject with an apposition in commas.
_APPOSITION = re.compile(r"[^,.;:!?“”\"]{1,60},[^,.;:!?“”\"]{1,160},\s*(\w+)(?:\s+(\w+))?")


def _apposition(text: str, pos: int, end: int) -> bool:
    """Does a subject with an apposition in commas, then its verb of saying, start at ``pos``?"""
    m = _APPOSITION.match(text, pos, end)
    if m is None:
        return False
    first, second = m.group(1), m.group(2)
    return first in CUE_WORDS or (first.lower() in _SUBJECT_TAIL and second in CUE_WORDS)


# Words that may close a subject phrase before its verb but are not part of it ("X also said").
_SUBJECT_TAIL = frozenset(
    """also later then has had have was is were would will again recently previously once further
simply finally earlier today yesterday now still even quickly repeatedly""".split()
)
# A phrase opening with one of these is a clause or an adverbial, not a subject ("but Trump said
# …" reports Trump's answer, not the quote; "in a statement" is where, not who).
_NOT_SUBJECT_START = frozenset(
    """and but or nor so because while as when if though although after before since until in on at
to for from with by of that which than into about over""".split()
)
_PRONOUNS = frozenset("he she they it i we you".split())
_DETERMINERS = frozenset("the a an one another some his her their its this that these those".split())


def _phrase_before(ctx: _Article, pos: int, end: int, cue: str) -> tuple[Speaker, str] | None:
    """ "…,” the board said", "…,” one attendee, who spoke on condition of anonymity, said": the
    words before the verb are its subject when they read as a noun phrase (an apposition in
    commas allowed): a mention inside it names the speaker, else the phrase describes them."""
    lead = ctx.text[pos:end]
    head_end = end
    if "," in lead:  # "X, who …, said": the head is before the first comma, the rest in commas
        if not lead.rstrip().endswith(","):
            return None
        head_end = pos + lead.index(",")
    words = list(TOKEN.finditer(ctx.text, pos, head_end))
    while words and words[-1].group().lower() in _SUBJECT_TAIL | {"who", "which"}:
        words.pop()
    return _phrase(ctx, words, cue)


def _phrase_after(ctx: _Article, pos: int, limit: int, cue: str) -> tuple[Speaker, str] | None:
    """ "…,” says a narrator", "…,” said one attendee": the words after the verb to the next
    punctuation, when they open like a noun phrase (a determiner or a capitalised word)."""
    stop = re.compile(r"[,.;:!?“”\"()–—]|\s(?:who|which|that|in|on|at|during|after|before|when)\s")
    end = stop.search(ctx.text, pos, limit)
    words = list(TOKEN.finditer(ctx.text, pos, end.start() if end else limit))
    if not words:
        return None
    first = words[0].group()
    if first.lower() not in _DETERMINERS and not (first[:1].isupper() and first.lower() not in _TIME_LIKE):
        return None
    return _phrase(ctx, words, cue)


_TIME_LIKE = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight last this
next earlier later""".split()
)


def _phrase(ctx: _Article, words: list[re.Match[str]], cue: str) -> tuple[Speaker, str] | None:
    if not words or len(words) > MAX_SUBJECT_WORDS:
        return None
    texts = [w.group().lower() for w in words]
    if texts[0] in _NOT_SUBJECT_START or any(t in FINITE_MARKERS or t in CUE_WORDS for t in texts):
        return None
    if any(t in _PRONOUNS for t in texts):
        return None  # a pronoun resolves to a person or to no one, never to its own words
    start, end = words[0].start(), words[-1].end()
    for m in ctx.in_range(start, end):
        if not m.after_preposition:
            got = _resolved(ctx, m, cue)
            if got is not None:
                return got
    if all(t in _DETERMINERS or t in _SUBJECT_TAIL for t in texts) or texts[-1] in _DETERMINERS:
        return None
    name = re.sub(r"^(?:the|The)\s+", "", ctx.text[start:end])
    return Speaker(
        name, None, None, ctx.text[start:end], "description", GENDER_OF.get(texts[-1]), (start, end)
    ), cue


def _cue_text(ctx: _Article, cue: _Cue, limit: int) -> str:
    """The cue as written, with its passive auxiliary or particle ("was quoted as saying")."""
    before = ctx.text[max(0, cue.start - 5) : cue.start]
    text = cue.text
    if cue.text == "quoted" and re.search(r"\b(?:was|were|is)\s+$", before):
        text = before.split()[-1] + " quoted"
    tail = re.match(
        r"\s+(?:as\s+saying|on\s+(?:Twitter|X|Facebook|Telegram)|out)\b", ctx.text[cue.end : limit]
    )
    return text + tail.group() if tail else text


def _before(ctx: _Article, found: Found) -> tuple[Speaker, str] | None:
    """A verb of saying earlier in the quote's sentence, with its subject before it."""
    start, _ = ctx.sentence_bounds(found.open_at)
    start = max(start, _paragraph_start(ctx, found.open_at))
    # The verb nearest the quote governs it ("Cruz said as the heckler yelled: “…”").
    for cue in [c for c in ctx.cues if start <= c.start < found.open_at]:
        subjects = [m for m in ctx.in_range(start, cue.start)]
        if cue.text.lower().startswith("according"):
            after = ctx.in_range(cue.end, found.open_at)
            if after:
                return _resolved(ctx, after[0], "according to")
            continue
        # The clause subject: the nearest mention before the verb that is not the object of a
        # preposition ("Blinken has met with Lavrov to warn …" is Blinken's warning), nor inside
        # a clause in commas ("Clinton, who served when Libya …, conceded").
        subjects = [m for m in subjects if not m.after_preposition and _plausible(ctx, m)] or [
            m for m in subjects[-1:] if _plausible(ctx, m)
        ]
        subjects = [m for m in subjects if _governs(ctx.text[m.end : cue.start])] or subjects
        cue_text = _cue_text(ctx, cue, found.open_at)
        if subjects and _governs(ctx.text[subjects[-1].end : cue.start]):
            return _resolved(ctx, subjects[-1], cue_text)
        # No mention stands as the verb's subject: the phrase before it may ("The book accuses").
        phrase = _phrase_before_verb(ctx, start, cue.start, cue_text)
        if phrase is not None:
            return phrase
        if subjects:
            return _resolved(ctx, subjects[-1], cue_text)
    lead = ctx.text[start : found.open_at].rstrip()
    if lead.endswith(":"):
        subjects = ctx.in_range(start, found.open_at)
        if subjects and len(_words(ctx.text[subjects[-1].end : found.open_at])) <= 1:
            return _resolved(ctx, subjects[-1], "colon")
    return None


def _governs(between: str) -> bool:
    """Can a subject followed by ``between`` be the subject of the verb after it: nothing but a
    few words, or a closed stretch in commas ("X, a lawyer for the firm, said")?"""
    if "," not in between:
        return len(_words(between)) <= 3
    stripped = between.strip()
    tail = stripped.rsplit(",", 1)[1].split()
    return stripped.startswith(",") and all(w.lower() in _SUBJECT_TAIL for w in tail)


def _phrase_before_verb(ctx: _Article, start: int, verb: int, cue: str) -> tuple[Speaker, str] | None:
    """The noun phrase right before a verb of saying, back to a clause boundary, when no mention
    stands there: "The book accuses", "A federal lawsuit … alleging", "the poll found"."""
    words = list(TOKEN.finditer(ctx.text, start, verb))
    while words and words[-1].group().lower() in _SUBJECT_TAIL:
        words.pop()
    k = len(words)
    while k > 0 and len(words) - k < MAX_SUBJECT_WORDS:
        gap = ctx.text[words[k - 1].end() : words[k].start() if k < len(words) else verb]
        if k < len(words) and gap.strip():
            break  # punctuation: the phrase starts after it
        if words[k - 1].group().lower() in _CLAUSE_OPENERS:
            break
        k -= 1
    phrase = words[k:]
    if not phrase or phrase[0].group().lower() not in _DETERMINERS - {"his", "her", "their", "its"}:
        return None
    if any(m.kind == "pronoun" for m in ctx.in_range(phrase[0].start(), phrase[-1].end())):
        return None
    return _phrase(ctx, phrase, cue)


_CLAUSE_OPENERS = frozenset("that and but when while because as if after before which who whom".split())


def _paragraph_start(ctx: _Article, pos: int) -> int:
    for p in ctx.paragraphs:
        if p.start <= pos <= p.end:
            return p.start
    return 0


def _continuation(ctx: _Article, k: int) -> tuple[Speaker, str] | None:
    """Dash speech after an attributed quote of the same paragraph; a paragraph that is only a
    quotation (or opens with dash speech) continues the previous paragraph's last speaker."""
    found = ctx.found[k]
    prev = k - 1
    same = prev >= 0 and ctx.found[prev].paragraph == found.paragraph
    if (
        same
        and prev in ctx.speakers
        and (found.style == "dash" or _same_sentence_gap(ctx, ctx.found[prev], found))
    ):
        return ctx.speakers[prev], "continuation"
    reported = _reported(ctx, found)
    if reported is not None or same:
        return reported
    para = next((p for p in ctx.paragraphs if p.index == found.paragraph), None)
    if para is None or prev < 0 or prev not in ctx.speakers:
        return None
    own = [f for f in ctx.found if f.paragraph == found.paragraph]
    outside = ctx.text[para.start : para.end]
    for f in sorted(own, key=lambda f: -f.open_at):
        outside = outside[: f.open_at - para.start] + outside[f.close_at - para.start :]
    if _words(outside):
        return None
    if ctx.found[prev].paragraph != _previous_paragraph(ctx, para):
        return None
    return ctx.speakers[prev], "continuation"


def _reported(ctx: _Article, found: Found) -> tuple[Speaker, str] | None:
    """A quotation that opens its sentence right after a sentence of reported speech in the same
    paragraph ("Dane said the army would stay. “Not this week.”") continues that sentence's
    speaker: the subject just before its verb of saying."""
    here = ctx.sentence(found.open_at)
    if found.style not in ("marks", "open") or here is None or _words(ctx.text[here.start : found.open_at]):
        return None
    k = ctx.sentences.index(here)
    before = ctx.sentences[k - 1] if k > 0 else None
    if (
        before is None
        or before.paragraph != here.paragraph
        or any(before.start <= f.open_at < before.end for f in ctx.found)
    ):
        return None  # a quote there decides by the rules above, never by a guess here
    cue = next((c for c in ctx.cues if before.start <= c.start < before.end), None)
    if cue is None:
        return None
    subjects = [m for m in ctx.in_range(before.start, cue.start) if not m.after_preposition]
    if (
        not subjects
        or not _plausible(ctx, subjects[-1])
        or len(_words(ctx.text[subjects[-1].end : cue.start])) > 3
    ):
        return None
    return _resolved(ctx, subjects[-1], "continuation")


def _same_sentence_gap(ctx: _Article, prev: Found, found: Found) -> bool:
    """Only the previous quote's own attribution stands between it and this quote (“A,” she said.
    “B.”): no sentence of other words that could bring in another speaker. Sentences come from
    the segmenter, so "said Dr. Lind." or "U.S. envoy" are not two sentences."""
    before = ctx.sentence(max(prev.close_at - 1, prev.start))
    here = ctx.sentence(found.open_at)
    if before is None or here is None:
        return False
    return here.index - before.index <= 1


def _previous_paragraph(ctx: _Article, para: Paragraph) -> int | None:
    k = ctx.paragraphs.index(para)
    return ctx.paragraphs[k - 1].index if k > 0 else None


def _forward_continuations(
    ctx: _Article, results: list[tuple[Found, Speaker | None, str | None]]
) -> list[tuple[Found, Speaker | None, str | None]]:
    """A quotation left open at its paragraph's end continues in the next: it takes the speaker
    named there ("“We will win. ¶ “And soon,” she said.")."""
    out = list(results)
    for k in range(len(out) - 2, -1, -1):
        found, speaker, _ = out[k]
        nxt, nxt_speaker, _ = out[k + 1]
        if (
            found.style == "open"
            and speaker is None
            and nxt_speaker is not None
            and nxt.paragraph != found.paragraph
        ):
            out[k] = (found, nxt_speaker, "continuation")
    return out


def _subject(ctx: _Article, found: Found) -> tuple[Speaker, str] | None:
    """The subject of the sentence that quotes a phrase: its first mention outside quotes that
    is not the object of a preposition."""
    start, _ = ctx.sentence_bounds(found.open_at)
    # The main clause's subject comes after a clause that opens the sentence ("When X …, Obama
    # and Clinton call them “lone wolves”") and after a dateline ("FLINT, Mich. (UPI) — …").
    opener = _SUBORDINATE.match(ctx.text, start, found.open_at)
    if opener is not None and opener.end() < found.open_at:
        start = opener.end()
    dateline = _DATELINE.match(ctx.text, start, found.open_at)
    if dateline is not None:
        start = dateline.end()
    for m in ctx.in_range(start, found.open_at):
        if not m.after_preposition and _plausible(ctx, m):
            return _resolved(ctx, m, "subject")
    return None


_SUBORDINATE = re.compile(
    r"\s*(?:When|If|As|After|Before|While|Although|Though|Because|Since|Until|Once|Unless|Whether"
    r"|Asked|Speaking|In\s+an?\s+\w+)\b[^,;:.!?“”\"]{0,160},\s*"
)
_DATELINE = re.compile(r"\s*[A-Z][A-Z .\-]{2,}[^—–\n]{0,60}[—–]\s*")


def _plausible(ctx: _Article, m: Mention) -> bool:
    """Can this mention be a speaker? Not a place; and a lone capitalised word that opens its
    sentence ("Military exercises announced …") is only a name when the article knows it as one
    (a surname of someone named in full, a config actor, the subject of a verb of saying)."""
    if m.kind == "place":
        return False
    if m.kind != "name" or m.name in ctx.speaking or m.name in ctx.named_inside:
        return True
    if ctx.people.known_surname(m.name):
        return True
    start, _ = ctx.sentence_bounds(m.start)
    return bool(_words(ctx.text[start : m.start]))


def _resolved(ctx: _Article, m: Mention, cue: str) -> tuple[Speaker, str] | None:
    """The speaker a mention names, with the mention itself as the words the attribution rests
    on (a pronoun stays "he" however far its antecedent)."""
    speaker = _speaker(ctx, m, depth=0)
    if speaker is None:
        return None
    article = _ARTICLE_BEFORE.search(ctx.text, max(0, m.start - 5), m.start)
    return replace(speaker, span=(article.start() if article else m.start, m.end)), cue


# The article that opens a role or description mention ("the mayor", "a senior official"): part
# of the words the attribution rests on, though not of the mention's name.
_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an|The|A|An)[ \t]+$")


def _speaker(ctx: _Article, m: Mention, depth: int) -> Speaker | None:
    if m.kind in ("person", "name"):
        person = ctx.people.person(m)
        if person is None:
            return None
        return Speaker(
            person.name, person.role, person.affiliation, ctx.text[m.start : m.end], "person", person.gender
        )
    if m.kind == "role":
        holder = ctx.people.holder(m)
        if holder is not None:
            return Speaker(
                holder.name,
                holder.role,
                holder.affiliation,
                ctx.text[m.start : m.end],
                "person",
                holder.gender or m.gender,
            )
        # Nobody named holds it: "the minister" is the unnamed minister described before ("the
        # economy minister of one member state"), else the role words themselves.
        prior = next(
            (
                p
                for p in reversed(ctx.mentions)
                if p.end <= m.start
                and p.kind == "role"
                and p.role_class == m.role_class
                and p.country in (m.country, None)
            ),
            m,
        )
        name = re.sub(r"^(?:the|a|an)\s+", "", prior.name, flags=re.IGNORECASE)
        return Speaker(name, None, None, ctx.text[m.start : m.end], "description", m.gender or prior.gender)
    if m.kind in ("organisation", "description", "place"):
        actor = ctx.people.actor(m.name)
        if actor is not None:
            return Speaker(actor.name, actor.role, actor.affiliation, ctx.text[m.start : m.end], m.kind)
        return Speaker(m.name, None, None, ctx.text[m.start : m.end], m.kind, m.gender)
    if m.kind == "definite":
        return _described_before(ctx, m)
    if m.kind == "pronoun" and depth < 3:
        return _antecedent(ctx, m, depth)
    return None


def _described_before(ctx: _Article, m: Mention) -> Speaker:
    """ "the official": the most recent unnamed person the article described with the same head
    noun ("an alliance official, who asked not to be named"); else the phrase itself."""
    head = m.name.split()[-1].lower()
    for prior in reversed([p for p in ctx.mentions if p.end <= m.start and p.kind == "description"]):
        if prior.name.split()[-1].lower() == head:
            return Speaker(
                prior.name, None, None, ctx.text[m.start : m.end], "description", prior.gender or m.gender
            )
    return Speaker(m.name, None, None, ctx.text[m.start : m.end], "description", m.gender)


def _suits(ctx: _Article, pronoun: str, m: Mention) -> bool:
    if pronoun in ("he", "she"):
        if m.kind == "name":
            return m.name in ctx.speaking or ctx.people.known_surname(m.name)
        singular = not m.name.endswith("s")
        return m.kind in ("person", "role") or (m.kind in ("description", "definite") and singular)
    if pronoun == "they":
        return m.kind == "organisation" or (m.kind == "description" and m.name.endswith("s"))
    return m.kind == "organisation"


def _antecedent(ctx: _Article, pronoun: Mention, depth: int) -> Speaker | None:
    """The most recent clause subject outside quotation marks that suits the pronoun."""
    sentence = ctx.sentence(pronoun.start)
    if sentence is None:
        return None
    k = ctx.sentences.index(sentence)
    for back in range(0, PRONOUN_REACH + 1):
        if k - back < 0:
            break
        s = ctx.sentences[k - back]
        end = pronoun.start if back == 0 else s.end
        if back > 0:
            quoted = [
                i for i, f in enumerate(ctx.found) if s.start <= f.open_at < s.end and i in ctx.speakers
            ]
            if (
                quoted
                and ctx.speakers[quoted[0]].kind in ("person", "description")
                and _agrees(pronoun, ctx.speakers[quoted[0]])
            ):
                return ctx.speakers[quoted[0]]
        for m in ctx.in_range(s.start, end):
            if m.after_preposition:
                continue
            if m.kind == "pronoun" and m.name == pronoun.name and m.start != pronoun.start:
                return _speaker(ctx, m, depth + 1)
            if _suits(ctx, pronoun.name, m):
                speaker = _speaker(ctx, m, depth + 1)
                if speaker is None or _agrees(pronoun, speaker):
                    return speaker
    # No antecedent: "he warned today, US Secretary of State X …" names him later in the sentence.
    for m in ctx.in_range(pronoun.end, sentence.end):
        if _suits(ctx, pronoun.name, m) and m.kind != "name":
            speaker = _speaker(ctx, m, depth + 1)
            if speaker is None or _agrees(pronoun, speaker):
                return speaker
    return None


def _agrees(pronoun: Mention, speaker: Speaker) -> bool:
    """ "she" never names someone the article shows to be a man ("Mr.", "spokesman"), nor "he" a
    woman; an unknown gender agrees with both."""
    want = {"he": "m", "she": "f"}.get(pronoun.name)
    return want is None or speaker.gender in (None, want)
