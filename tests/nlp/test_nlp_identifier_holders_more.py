"""Holders of numbers, addresses and accounts: "whose number was", "attributed/linked to", "identified as the
user of", "on its account", "communicated via"."""

from __future__ import annotations

from nlp_support import relations


def held(ex, type_: str) -> set[str]:  # type: ignore[no-untyped-def]
    return {s for t, s, _ in relations(ex) if t == type_}


def test_whose_number_was(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Tom Halden, whose number was +44 7700 900123, called Ben Colley.", lang="en")
    assert held(ex, "HAS_PHONE") == {"Tom Halden"}
    fr = run("Jean Morvan, dont le numéro était le +33 6 12 34 56 78, a appelé Paul Girardot.", lang="fr")
    assert held(fr, "HAS_PHONE") == {"Jean Morvan"}
    nl = run("Kees de Wilde, wiens nummer +31 6 12345678 was, belde met Jan Smeets.", lang="nl")
    assert held(nl, "HAS_PHONE") == {"Kees de Wilde"}


def test_attributed_or_identified(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The number +44 7700 900123 was linked to Tom Halden.", lang="en")
    assert held(ex, "HAS_PHONE") == {"Tom Halden"}
    ex = run("Messages sent from t.halden@protonmail.com were attributed to Tom Halden.", lang="en")
    assert held(ex, "HAS_EMAIL") == {"Tom Halden"}
    ex = run("Investigators said Tom Halden was identified as the holder of the number +44 7700 900123.", lang="en")
    assert held(ex, "HAS_PHONE") == {"Tom Halden"}
    fr = run("Le numéro +33 6 12 34 56 78, rattaché à Jean Morvan, a borné au Havre.", lang="fr")
    assert held(fr, "HAS_PHONE") == {"Jean Morvan"}
    nl = run("Het nummer +31 6 12345678 werd gekoppeld aan Kees de Wilde.", lang="nl")
    assert held(nl, "HAS_PHONE") == {"Kees de Wilde"}


def test_own_account_and_mail_channel(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Harbour Freight Ltd received the money on its account GB29 NWBK 6016 1331 9268 19.", lang="en")
    assert held(ex, "HAS_ACCOUNT") == {"Harbour Freight Ltd"}
    nl = run("Waalkade Logistiek B.V. ontving het geld op haar rekening NL91 ABNA 0417 1643 00.", lang="nl")
    assert held(nl, "HAS_ACCOUNT") == {"Waalkade Logistiek B.V."}
    fr = run("La société Havre Transit SARL a reçu les fonds sur son compte bancaire FR76 3000 6000 0112 3456 7890 189.",
             lang="fr")
    assert held(fr, "HAS_ACCOUNT") == {"Havre Transit SARL"}
    ex = run("Tom Halden communicated via t.halden@protonmail.com with the supplier.", lang="en")
    assert held(ex, "HAS_EMAIL") == {"Tom Halden"}


def test_no_holder_for_another_party_or_a_denial(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Harbour Freight Ltd said the money never reached its account GB29 NWBK 6016 1331 9268 19.", lang="en")
    assert held(ex, "HAS_ACCOUNT") == set()
    ex = run("The number +44 7700 900123 was never linked to Tom Halden, the judge found.", lang="en")
    assert held(ex, "HAS_PHONE") == set()
    ex = run("Tom Halden was not identified as the user of +44 7700 900123.", lang="en")
    assert held(ex, "HAS_PHONE") == set()


def test_possessed_phone_and_the_number_of(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Tom Halden's phone, +44 7700 900123, was seized at his home.", lang="en")
    assert held(ex, "HAS_PHONE") == {"Tom Halden"}
    ex = run("Investigators identified Tom Halden as the user of +44 7700 900123.", lang="en")
    assert held(ex, "HAS_PHONE") == {"Tom Halden"}
    ex = run("Phone records for +44 7700 900123, a number used by Tom Halden, showed calls to Spain.", lang="en")
    assert held(ex, "HAS_PHONE") == {"Tom Halden"}
    ex = run("Mail sent from t.h@harbourmail.com, an address used by Tom Halden, was intercepted.", lang="en")
    assert held(ex, "HAS_EMAIL") == {"Tom Halden"}


def test_no_holder_for_a_lawyer_or_a_caller(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Tom Halden's lawyer, +44 7700 900123, was not reachable.", lang="en")
    assert held(ex, "HAS_PHONE") == set()
    ex = run("Tom Halden was not identified as the user of +44 7700 900123.", lang="en")
    assert held(ex, "HAS_PHONE") == set()
