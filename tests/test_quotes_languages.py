"""Quotes in the other languages news arrives in: verbs of saying and "according to" of Italian,
Spanish, Portuguese, French, German and Russian. Original sentences with fictional people."""

from __future__ import annotations

import pytest
from test_quotes import run


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("«Non chiuderemo il porto», ha detto Marco Bellini, sindaco della città.", "Marco Bellini"),
        ("«La situazione è grave», ha dichiarato il ministro Luca Ferri.", "Luca Ferri"),
        ("Secondo Giulia Conti, «il piano non funziona affatto».", "Giulia Conti"),
        ("«No cerraremos el puerto», dijo Carlos Ruiz, alcalde de la ciudad.", "Carlos Ruiz"),
        ("Según Carlos Ruiz, «el plan no funciona para nada».", "Carlos Ruiz"),
        ("«Não vamos fechar o porto», disse João Silva.", "João Silva"),
        ("« Nous ne fermerons pas le port », a déclaré Claire Dubois.", "Claire Dubois"),
        ("„Wir schließen den Hafen nicht“, sagte Jonas Weber.", "Jonas Weber"),
        ("«Мы не закроем порт», — сказал Иван Петров.", "Иван Петров"),
        ("Анна Смирнова заявила: «Мы будем работать дальше».", "Анна Смирнова"),
    ],
    ids=[
        "it-ha-detto",
        "it-dichiarato",
        "it-secondo",
        "es-dijo",
        "es-segun",
        "pt-disse",
        "fr",
        "de",
        "ru",
        "ru-colon",
    ],
)
def test_a_verb_of_saying_of_another_language_attributes(text: str, speaker: str) -> None:
    quotes = run("Titolo\n\n" + text + "\n")
    assert [q.speaker for q in quotes] == [speaker]
