"""A party that sent something from an address holds it, past a relative clause about the party; the person named
inside that clause does not."""

from __future__ import annotations

from nlp_support import relations


def held(ex) -> set[str]:  # type: ignore[no-untyped-def]
    return {s for t, s, _ in relations(ex) if t == "HAS_EMAIL"}


def test_sender_past_a_relative_clause(run) -> None:  # type: ignore[no-untyped-def]
    fr = run("Le transitaire Opale Fret SARL, dont la gérante est Sandrine Vanhoven, a transmis les documents depuis "
             "l'adresse douane@opale-fret.fr.", lang="fr")
    assert held(fr) == {"Opale Fret SARL"}
    ex = run("Harlow Freight Ltd, whose director is Tom Reyna, sent the invoices from the address "
             "accounts@harlowfreight.co.uk.", lang="en")
    assert held(ex) == {"Harlow Freight Ltd"}
    nl = run("Polder Logistiek BV, dat wordt geleid door Kees de Wilde, verstuurde de facturen vanaf het e-mailadres "
             "info@polderlog.nl.", lang="nl")
    assert held(nl) == {"Polder Logistiek BV"}
    ex = run("Tom Reyna sent the invoices from the address tom.r@harbourmail.com.", lang="en")
    assert held(ex) == {"Tom Reyna"}


def test_no_sender_when_denied(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Tom Reyna never sent anything from the address tom.r@harbourmail.com, his lawyer said.", lang="en")
    assert held(ex) == set()
