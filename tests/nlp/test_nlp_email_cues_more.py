"""HAS_EMAIL from the address mail was sent from ("sent ... to Y in e-mails from X"), lodged from
("lodged by F from the address X") or received at ("a reçu des instructions par courriel à l'adresse X");
the recipient of the mail does not get the sender's address."""

from __future__ import annotations

from nlp_support import relations


def emails(ex) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(s, t) for ty, s, t in relations(ex) if ty == "HAS_EMAIL"}


def test_the_sender_holds_the_address_mail_came_from(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Marcus Reid and Paul Nolan were convicted. Marcus Reid sent the location of the bags to Paul Nolan "
             "in a series of e-mails from reefer99@protonmail.com, an address he admitted was his.", lang="en")
    assert ("Marcus Reid", "reefer99@protonmail.com") in emails(ex)
    assert ("Paul Nolan", "reefer99@protonmail.com") not in emails(ex)


def test_a_firm_lodging_from_its_address(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The customs entry was lodged by Harbour Clearance Services Ltd from the address "
             "entries@harbourclearance.co.uk on 2 May.", lang="en")
    assert ("Harbour Clearance Services Ltd", "entries@harbourclearance.co.uk") in emails(ex)


def test_french_instructions_received_at_an_address(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Karim Benali, qui a reconnu avoir reçu des instructions par courriel à l'adresse "
             "kb.quai@proton.me, a été mis en examen.", lang="fr")
    assert ("Karim Benali", "kb.quai@proton.me") in emails(ex)
