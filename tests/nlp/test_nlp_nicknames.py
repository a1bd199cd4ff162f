"""A nickname given right after a person's name ("known as", "dit", "a/k/a") is a person's surface,
not a body or a place, and never a second member of a defendants' list."""

from __future__ import annotations

import pytest
from nlp_support import mentions, relations


@pytest.mark.parametrize(("lang", "text", "nick"), [
    ("en", "Marcus Vale, known as AP, and Dean Cole were convicted of importing cocaine.", "AP"),
    ("fr", "Rachid Amari, dit le Chat, et Nordine Belkacem ont été condamnés.", "Chat"),
    ("fr", "Rachid Amari, dit « le Chat », et Nordine Belkacem ont été condamnés.", "Chat"),
])
def test_nickname_after_a_person_is_a_person(run, lang: str, text: str, nick: str) -> None:  # type: ignore[no-untyped-def]
    ex = run(text, lang)
    assert nick in mentions(ex, "PERSON")
    assert nick not in mentions(ex, "ORGANIZATION") | mentions(ex, "LOCATION")
    assert not any(nick in r[1:] for r in relations(ex) if r[0] == "CO_ACCUSED")


def test_quoted_alias_after_a_k_a_is_no_list_member(run) -> None:  # type: ignore[no-untyped-def]
    ex = run('Gavin Price, a/k/a "Gee," and Rory Nash, a/k/a "Ronnie," were indicted on Tuesday.', "en")
    pairs = {frozenset(r[1:]) for r in relations(ex) if r[0] == "CO_ACCUSED"}
    assert frozenset(("Gavin Price", "Rory Nash")) in pairs
    assert not any("Ronnie" in p for p in pairs)


def test_a_firm_with_a_legal_form_after_known_as_stays_a_firm(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Gavin Price, known as Boss Transport Ltd, was charged.", "en")
    assert "Boss Transport Ltd" in mentions(ex, "COMPANY")
    assert "Boss Transport Ltd" not in mentions(ex, "PERSON")


def test_a_name_after_known_as_without_a_person_before_keeps_its_type(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The Rotterdam terminal, known as Euromax, handled the box.", "en")
    assert "Euromax" not in mentions(ex, "PERSON")


def test_quoted_nickname_of_two_words_stays_inside_the_name(run) -> None:  # type: ignore[no-untyped-def]
    ex = run('Rachid "Ricco" Amrani and Thomas "Tommy Bags" Carrozza were charged.', "en")
    assert 'Thomas "Tommy Bags" Carrozza' in mentions(ex, "PERSON")
    assert "Thomas" not in mentions(ex, "PERSON")
    pairs = {frozenset(r[1:]) for r in relations(ex) if r[0] == "CO_ACCUSED"}
    assert pairs == {frozenset(('Rachid "Ricco" Amrani', 'Thomas "Tommy Bags" Carrozza'))}
