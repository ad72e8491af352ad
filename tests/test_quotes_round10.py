"""Attribution rules of session 13 (2026-12): small original sentences with fictional people and
bodies, each a construction that went wrong in texts written blind to test the extractor
(bench/data/blind_r10, the tune part).
"""

from __future__ import annotations

from test_quotes_shapes import attributed


def test_a_national_sport_body_is_one_organisation_not_a_country() -> None:
    body = (
        "The squad flew home on Monday, Fox Netball reported.\n\n"
        "Netball Australia said in a statement that the captain had undergone scans, which had "
        "“revealed no lasting damage”.\n\n"
        "“She will be assessed again on the morning of the match,” the statement said.\n"
    )
    assert attributed(body, "revealed no lasting")[0] == "Netball Australia"
    assert attributed(body, "She will be assessed")[0] == "Netball Australia"


def test_the_seat_of_a_member_for_it_is_a_place_and_the_name_after_it_the_member() -> None:
    body = (
        "The Green MP for Arden Valley, Owen Lacey, was among 40 members who signed the letter.\n\n"
        "“This plan has been badly judged from the start,” he told reporters.\n"
    )
    assert attributed(body, "This plan has")[0] == "Owen Lacey"


def test_a_translation_after_a_quote_is_the_same_speakers_not_an_adverbs() -> None:
    body = (
        "Sporting director Anders Vik told a local paper this week: „Er ist ein guter Spieler, "
        'aber der Preis ist zu hoch.“ Roughly translated: "He is a good player, but the price is '
        'too high."\n'
    )
    assert attributed(body, "He is a good player")[0] == "Anders Vik"


def test_his_statement_speaks_for_whoever_his_stands_for() -> None:
    body = (
        "A neighbour, Gareth Penhale, said in a written statement read to the inquest that the "
        "group had seen the signs.\n\n"
        "“We had swum there many times,” his statement said. “Nobody thought it was deep.”\n"
    )
    assert attributed(body, "We had swum")[0] == "Gareth Penhale"
    assert attributed(body, "Nobody thought")[0] == "Gareth Penhale"


def test_the_chief_whip_is_a_role_the_person_named_with_it_holds() -> None:
    body = (
        "On Sunday night the chief whip, Moira Stennett, was said to be ringing round wavering "
        "MPs. One MP who spoke to her said the chief whip had told them: “Nobody is voting against this.”\n"
    )
    assert attributed(body, "Nobody is voting")[0] == "Moira Stennett"
