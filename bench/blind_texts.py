"""Resolved speakers on news texts written blind: by helpers who never saw the extractor, in
three rounds of session 8, two of session 9, two of session 10, one each of sessions 11 to 17
(2026-12), fictional people, web furniture left in.

Two parts, kept apart:

- ``tune`` (bench/data/blind/, 90 texts, 1,397 quotations): sport, entertainment, tech, science,
  business, local and world news (a–c); regional English-language outlets, press releases,
  transcripts, minutes, live blogs (g–h); courts, health, schools, weather, transport in US
  local TV, Canadian, Australian and UK regional styles (i); parliaments, councils, summits,
  earnings, obituaries, reviews, religion in Kenyan, South African, Singaporean, Pakistani and
  Irish styles, two machine-translated wires (j); wire-agency hard news with many speakers and
  relatives sharing a surname (n); local and human-interest news (p). Read to find errors.
- ``held-out`` (bench/data/blind_heldout/, 50 texts, 790 quotations): written by other helpers
  in the same rounds (session 8: mixed genres, wire and world news, blogs and features, d–f;
  session 9: a mix of news, features, interviews, match reports and dispatches in American,
  British, Indian, Nigerian, New Zealand, Australian, Irish, Ghanaian and Malaysian styles, k
  and m), only ever scored: no row of it was read, so it says how the rules carry to copy they
  were not made on.

Round 6 (session 10, 2026-12) is scored as two parts of its own, so that the floors of the
parts above keep their meaning: its helpers were asked for harder copy (relatives and namesakes
sharing a surname, nicknames inside names, relayed speech, quotes over several paragraphs,
documents, signs and slogans in quotation marks, machine-translated French and Arabic).

- ``tune-r6`` (bench/data/blind_r6/, 20 texts, 441 quotations): Canadian national and regional
  news in wire, Globe, CBC, CTV and Prairies styles (q); humanitarian and crisis reporting: UN
  and NGO releases, situation reports, wires from camps, floods and outbreaks, two machine-
  translated (r).
- ``held-out-r6`` (bench/data/blind_r6_heldout/, 10 texts, 228 quotations): Canadian and US
  regional news and crisis dispatches by another helper (s); only ever scored.

Both were first scored with the code of the session's start (536ecb3), before any row was read:
tune-r6 328/441 = 74.4%, held-out-r6 171/228 = 75.0%.

Round 7 (later in session 10, same prompt, other helpers):

- ``tune-r7`` (bench/data/blind_r7/, 20 texts, 425 quotations): US and Canadian regional and
  local news in AP, metro-daily, TV-site and community-weekly styles (t); world and crisis news
  from wires and broadcasters, two machine-translated from Spanish and Portuguese (u).
- ``held-out-r7`` (bench/data/blind_r7_heldout/, 10 texts, 207 quotations): a morning's mix of
  local, world, crisis, business and sports news (v); only ever scored.

First scores with the code of the session's start (536ecb3), before any row was read: t 172/218,
u 155/207 (tune-r7 327/425 = 76.9%), held-out-r7 169/207 = 81.6%. With the code of the time the
texts arrived (after the round-6 rules): t 174/218 (6b83016), u 159/207 (11dd980), held-out-r7
171/207 (6b83016).

Round 8 (session 11, 2026-12, same kind of prompt, other helpers):

- ``tune-r8`` (bench/data/blind_r8/, 10 texts, 198 quotations): UK, Irish, Scottish and
  Australian regional and national news: councils, hospitals, courts, an inquest, match reports,
  floods, a committee hearing, an election count, a pub's last night in a feature interview (w).
- ``held-out-r8`` (bench/data/blind_r8_heldout/, 20 texts, 469 quotations): a risk desk's
  morning: a central bank, a cyber-attack, a recall, a strike, a wildfire, a protest, layoffs,
  a drug trial, a shipping incident, a city council (y); world news from wires and
  broadcasters: a ceasefire, an election dispute, floods, a trade dispute, a verdict abroad, a
  border crossing, an earthquake, a summit with questions, three machine-translated from German,
  Russian and Chinese with „…“, «…» and 「…」 (x: asked for as a tune part, it came too late to
  be read, so it is held out); only ever scored.

First scores with the code of the session's start (f2ba596), before any row was read: tune-r8
148/198 = 74.7%; held-out-r8 y 206/237 = 86.9%, x 176/232 = 75.9% (382/469 = 81.4%). At the
session's end x still scores 176: none of the session's rules, made from w, carried to it.

Round 9 (session 12, 2026-12, the prompt in bench/data/blind_r9/prompt.md, its GENRES
and PREFIX filled in per helper):

- ``tune-r9`` (bench/data/blind_r9/, 20 texts, 403 quotations): US and world wires and national
  papers: a Senate hearing, a ruling, a strike, an earnings call, a hurricane briefing with
  speaker labels, a school board, a drug approval, a mayoral race, a port dispute, a memoir (z);
  the English-language press of India, Pakistan, Bangladesh, Nigeria, Ghana, Kenya, the
  Philippines and Malaysia, two machine-translated from Urdu and Bahasa (e).
- ``held-out-r9`` (bench/data/blind_r9_heldout/, 10 texts, 189 quotations): an analyst's morning
  from around the English-speaking world, one machine-translated from French (k9); only ever
  scored.

First scores with the code of the session's start (b9f63fc), before any row was read: z 163/203,
e 149/200 (tune-r9 312/403 = 77.4%), held-out-r9 151/189 = 79.9%.

Round 10 (session 13, same prompt):

- ``tune-r10`` (bench/data/blind_r10/, 10 texts, 238 quotations): the UK, Irish, Australian and
  New Zealand press: a transfer saga, a cricket press conference, a celebrity court case, lobby
  reporting, a TV review, an inquest, a council row, waiting lists, a drought, an obituary (l).

First score with the code of the session's start (43d19cd), before any row was read: 183/238 =
76.9%. The round's other tune part and its held-out part did not arrive within the session, and
were lost with the machine's /tmp: they were never read, scored once (one of them) and are not here.

Round 11 (session 14, same prompt, in bench/data/blind_r9/prompt.md):

- ``tune-r11`` (bench/data/blind_r11/, 10 texts, 191 quotations): Canadian, South African and
  Indian English-language regional news: a council vote, a bribery trial, an assembly walkout,
  a live blog, a rugby match, a hospital corridor, a long interview, a shooting, a school fee
  row, a night-time ER closure in translated French (ta).
- ``held-out-r11`` (bench/data/blind_r11_heldout/, 20 texts, 420 quotations): a risk desk's
  world morning from Africa, the Middle East, Latin America and South-East Asia, two
  machine-translated from French and Portuguese (ha); US and UK business, markets, technology
  and health: earnings calls, press releases, filings, a Q&A with speaker labels, a regulator
  (hb); only ever scored.

First scores with the code of the session's start (9dc05db), before any row was read: tune-r11
155/191 = 81.2%; held-out-r11 329/420 = 78.3% (ha 158/196, hb 171/224).

Round 12 (session 15, same prompt, in bench/data/blind_r9/prompt.md):

- ``tune-r12`` (bench/data/blind_r12/, 10 texts, 206 quotations): US state and local news and
  sport in AP, metro-daily, local TV and small-town weekly styles: a statehouse budget fight, a
  police chase, a coach's firing, a county fair, a wildfire town hall, a zoning appeal, a union
  vote, a memoir launch, a walk-off, a church closure (tc).
- ``held-out-r12`` (bench/data/blind_r12_heldout/, 20 texts, 385 quotations): European press in
  English and machine-translated from German, Italian, Spanish, Dutch and Polish (hc); what a
  press office's monitor pastes in a morning: a briefing transcript with speaker labels, a
  podcast, a press conference, a Q&A, an op-ed, a committee exchange, a letters page (hd); only
  ever scored.

First scores with the code of the session's start (f9e8e84), before any row was read: tune-r12
181/206 = 87.9%; held-out-r12 290/385 = 75.3% (hc 147/193, hd 143/192).

Round 13 (session 16, same prompt, in bench/data/blind_r9/prompt.md; the held-out helper was
asked to reply with its files' names and counts only, so that no word of its texts reached us):

- ``tune-r13`` (bench/data/blind_r13/, 20 texts, 405 quotations): world and crisis news as wires
  and broadcasters file it, half machine-translated from French, Arabic, Russian, Turkish,
  Spanish and Chinese: a ceasefire, a coup, a port strike, an earthquake, an election count,
  sanctions, a hostage release, a hospital, a drought, a court abroad (td); a press office's
  morning monitor: a briefing transcript, a radio interview, a podcast, a results call, a
  committee exchange, an op-ed, a letters page, a live blog, a press release, a debate (te).
- ``held-out-r13`` (bench/data/blind_r13_heldout/, 10 texts, 182 quotations): a risk desk's
  morning across Asia-Pacific and Latin America, three machine-translated from Japanese,
  Portuguese and Spanish (hf); only ever scored.

First scores with the code of the session's start (72c441c), before any row was read: td
166/218, te 137/187 (tune-r13 303/405 = 74.8%), held-out-r13 141/182 = 77.5%.

Round 14 (session 17, same prompt; the held-out helper again replied with names and counts only):

- ``tune-r14`` (bench/data/blind_r14/, 20 texts, 392 quotations): African and Caribbean
  English-language press (Nigerian, Kenyan, Ghanaian, Ugandan, Zambian, Jamaican, Trinidadian):
  a senate probe, an election petition, a fuel queue, a university strike, a derby, a church
  row, a flood, a bank launch, a police inquiry, with honorifics and two names for one speaker
  (tf); sport, culture and science as features and live pages: a transfer saga, a press
  conference, a film festival, a book prize, a museum restitution, a launch, a study, a
  reunion tour, a chess final, with Q&A sections and social posts (tg).
- ``held-out-r14`` (bench/data/blind_r14_heldout/, 10 texts, 222 quotations): a risk desk's
  morning from the UK, US, Australia, India and the Gulf, two machine-translated from Arabic and
  French (hg); only ever scored.

First scores with the code of the session's start (39a82f6), before any row was read: tf
144/190, tg 155/202 (tune-r14 299/392 = 76.3%), held-out-r14 190/222 = 85.6%.

Round 15 (session 18, same prompt; the held-out helper again replied with names and counts only):

- ``tune-r15`` (bench/data/blind_r15/, 20 texts, 438 quotations): world, politics and business
  news as wires and national papers file it: a summit, a no-confidence vote, a central bank, a
  merger, layoffs, a strike, a ruling, a protest, a wildfire, a diplomatic spat, with relatives
  and namesakes, long titles and spokespeople, two machine-translated (th); long-form features,
  profiles, investigations and Q&A interviews from magazines and weekend papers, two opinion
  columns, an oral history with speaker labels, one machine-translated from German (ti).
- ``held-out-r15`` (bench/data/blind_r15_heldout/, 10 texts, 198 quotations): an analyst's
  morning from the US, UK, Canada, Australia, South Africa, India, Singapore and the
  Philippines, two machine-translated from Spanish and Indonesian (hh); only ever scored.

First scores with the code of the session's start (699e72d), before any row was read: th
198/221, ti 176/217 (tune-r15 374/438 = 85.4%), held-out-r15 178/198 = 89.9%.

``NAME.txt`` is a text, ``NAME.key`` one line per quotation in text order: ``FIRST WORDS|SPEAKER``
(``-`` when no one is reported as saying it; an unnamed speaker's head noun, "spokesman"). The
real CLI (``briefing quotes DIR --json -q``) runs on each folder; each key line is matched to the
extracted quote of its file whose text starts with those words (the key's trailing punctuation
left off, apostrophes as one character; a key of fewer than four words, which the helpers wrote
for a shorter quotation, only where the quote ends or breaks after them; a quotation keyed
twice, in a headline and the body, takes the next such quote in text order), and is right when
the speaker contains the key's name or the key's name contains it (more than 3 letters; case
and accents aside, since session 16: tune 1274 → 1278, a folder's run gives n03's "Helene"
Vasseur a10's "Hélène"); an unattributed or unextracted quote is right only for ``-``.

Measured with the code of session 8's start (3c98f7c): tune 318/420 for the first round (a–c)
and 164/259 for the third (g–h); held-out 337/424 (d–f). Round 4 was first scored with the
code of cad1455: i–j 302/350, k and m 320/366 (the session-8 parts then 558/679 and 338/424;
the held-out 339 under the first scorer, which gave a quotation keyed twice the first match both
times). Until 6b74bb6 the scorer also counted a quote left unattributed wrong for a key's "-"
(the CLI's speaker "unattributed" is a string): with that code, tune 879 → 892/1029 and
held-out 659 → 661/790 once it counts as no one. Holding a short key to a quote that ends
after its words (a7d4595's code): tune 896 → 897, held-out 664 → 662. Round 5 (n, p: 20 texts,
368 quotations, both tune) was first scored with ef4909b, before any of its rows was read:
312/368 = 84.8%, the held-out part's rate then (84.3%).

    .venv/bin/python bench/blind_texts.py [PART ...]  # tune parts' wrong lines (PARTS below)
"""

from __future__ import annotations

import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from polnear import quotes_json  # noqa: E402  (the CLI run every quote bench shares)

PARTS = {
    "tune": ROOT / "bench" / "data" / "blind",
    "held-out": ROOT / "bench" / "data" / "blind_heldout",
    # round 6 (session 10), scored apart so the earlier parts' floors keep their meaning
    "tune-r6": ROOT / "bench" / "data" / "blind_r6",
    "held-out-r6": ROOT / "bench" / "data" / "blind_r6_heldout",
    "tune-r7": ROOT / "bench" / "data" / "blind_r7",
    "held-out-r7": ROOT / "bench" / "data" / "blind_r7_heldout",
    "tune-r8": ROOT / "bench" / "data" / "blind_r8",
    "held-out-r8": ROOT / "bench" / "data" / "blind_r8_heldout",
    "tune-r9": ROOT / "bench" / "data" / "blind_r9",
    "held-out-r9": ROOT / "bench" / "data" / "blind_r9_heldout",
    "tune-r10": ROOT / "bench" / "data" / "blind_r10",
    "tune-r11": ROOT / "bench" / "data" / "blind_r11",
    "held-out-r11": ROOT / "bench" / "data" / "blind_r11_heldout",
    "tune-r12": ROOT / "bench" / "data" / "blind_r12",
    "held-out-r12": ROOT / "bench" / "data" / "blind_r12_heldout",
    "tune-r13": ROOT / "bench" / "data" / "blind_r13",
    "held-out-r13": ROOT / "bench" / "data" / "blind_r13_heldout",
    "tune-r14": ROOT / "bench" / "data" / "blind_r14",
    "held-out-r14": ROOT / "bench" / "data" / "blind_r14_heldout",
    "tune-r15": ROOT / "bench" / "data" / "blind_r15",
    "held-out-r15": ROOT / "bench" / "data" / "blind_r15_heldout",
}


@dataclass
class Score:
    """Right speakers of one part, and its wrong lines (file, first words, what we said, key)."""

    right: int = 0
    total: int = 0
    wrong: list[tuple[str, str, str, str]] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.right / self.total if self.total else 0.0


def quotes(folder: Path) -> dict[str, list[tuple[int, str, str | None]]]:
    """What ``briefing quotes FOLDER --json -q`` extracts, by file name: (start, text, speaker)."""
    by_file: dict[str, list[tuple[int, str, str | None]]] = {}
    for q in quotes_json(folder)[0]:
        for s in q["sources"]:  # type: ignore[attr-defined]
            # "unattributed" is no one: right for a key's "-"
            speaker = None if q["speaker"] == "unattributed" else q["speaker"]
            by_file.setdefault(Path(s["path"]).name, []).append((s["start"], q["text"], speaker))  # type: ignore[arg-type]
    return {name: sorted(found) for name, found in by_file.items()}


def right(said: str | None, found: bool, want: str) -> bool:
    """Is what we said (``found``: the quote was extracted at all) the keyed speaker?"""
    if want == "-":
        return not said
    w, s = _folded(want), _folded(said or "")
    return found and bool(s) and (w in s or (s in w and len(s) > 3))


def _folded(name: str) -> str:
    """A name without case or accents: a key may type "Helene" for the text's "Hélène", and a
    folder's run merges the two spellings of one name to one speaker."""
    return "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if not unicodedata.combining(c))


def _plain(text: str) -> str:
    """Apostrophes as one character: a key may type ’ where the text has ' (and back)."""
    return text.replace("’", "'").replace("‘", "'")


# The keys give a quotation's first four words, all of it when it is shorter.
KEY_WORDS = 4


def _starts(quote: str, prefix: str) -> bool:
    """Does the extracted quote start with the key's words, and, when the key is shorter than
    ``KEY_WORDS``, end or break there (a key "Gentle Mode" is that name, not "Gentle Mode
    doesn't …")?"""
    text = _plain(quote.lstrip("‘'\"“«… "))
    if not text.startswith(prefix):
        return False
    # a shorter key ends where the quotation or its clause does ("Sino ang protektor? Someone …")
    after = text[len(prefix) : len(prefix) + 1]
    return len(prefix.split()) >= KEY_WORDS or not (after.isspace() or after.isalnum())


def score(part: str) -> Score:
    """Score one part through the real CLI."""
    folder = PARTS[part]
    extracted = quotes(folder)
    result = Score()
    for key in sorted(folder.glob("*.key")):
        found = extracted.get(key.with_suffix(".txt").name, [])
        used: set[int] = set()
        for line in key.read_text(encoding="utf-8").splitlines():
            if "|" not in line:
                continue
            prefix, want = (p.strip() for p in line.split("|", 1))
            prefix = _plain(prefix.rstrip(",.;:!?"))
            hits = [k for k, q in enumerate(found) if _starts(q[1], prefix)]
            # a quotation keyed twice (a headline, then the body) is two quotes, in text order
            hit = next((k for k in hits if k not in used), hits[-1] if hits else None)
            if hit is not None:
                used.add(hit)
            said = found[hit][2] if hit is not None else None
            result.total += 1
            if right(said, bool(hits), want):
                result.right += 1
            else:
                result.wrong.append(
                    (key.stem, prefix, (said or "unattributed") if hits else "(not extracted)", want)
                )
    return result


def main(argv: list[str]) -> int:
    """Print each part's figure, and the tune part's wrong lines."""
    parts = [a for a in argv if a in PARTS] or list(PARTS)
    for part in parts:
        result = score(part)
        if part.startswith("tune"):
            for stem, prefix, said, want in result.wrong:
                print(f"XX {stem} {prefix} -> {said} | want {want}")
        print(f"blind texts ({part}): {result.right}/{result.total} = {result.rate:.1%} right speakers")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
