"""Attribution shapes of general and crisis news outside US politics: governments, foreign names,
campuses, documents. Small original sentences with fictional people and outlets; each case is one
construction found while reading the *tune* parts of bench/resolution_news.py and
bench/resolution_wikinews.py, written here from scratch.
"""

from __future__ import annotations

import pytest
from test_quotes_shapes import attributed


@pytest.mark.parametrize(
    ("body", "speaker", "mention"),
    [
        ("Norway said the detained crew were “in good health” and would be freed.\n", "Norway", "Norway"),
        ("“The detention is completely unacceptable,” said Portugal on Sunday.\n", "Portugal", "Portugal"),
        ("Chile has said the request was “a matter for the courts”.\n", "Chile", "Chile"),
    ],
    ids=["country-said", "said-country", "country-has-said"],
)
def test_a_country_that_says_speaks_through_its_government(body: str, speaker: str, mention: str) -> None:
    prefix = body.split("“")[1][:8]
    assert attributed(body, prefix) == (speaker, mention)


def test_a_country_in_passing_is_still_no_speaker() -> None:
    body = "“We flew in from Norway on Monday,” Holt said after the talks in Portugal.\n"
    assert attributed(body, "We flew") == ("Dana Holt", "Holt")


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("“The waves reached the square,” reported El Vigía, the region’s daily.\n", "El Vigía"),
        ("“We will not yield,” said Las Provincias in an editorial.\n", "Las Provincias"),
        ("In a statement, Des Carrow said he expects “most of it to be done by June”.\n", "Des Carrow"),
        ("“We had called him,” his nephew Tarek el Sayed added.\n", "Tarek el Sayed"),
    ],
    ids=["el", "las", "des-given-name", "el-inside"],
)
def test_a_capitalised_foreign_article_opens_a_name(body: str, speaker: str) -> None:
    assert attributed(body, body.split("“")[1][:8])[0] == speaker
