"""Pasted e-mails (headers, signatures), role lists after a colon, listed members, associates."""

from __future__ import annotations

from nlp_support import relations

MAIL_NL = """Van: Jan Peeters <jan@kaai.be>
Aan: Piet Janssens <piet@haven.nl>
Onderwerp: levering

Piet, de container staat klaar.

Met vriendelijke groet,
Jan Peeters
Planner
Kaaiveld Logistics BV
Tel. +32 3 201 44 90
"""


def test_mail_header_and_signature_nl(run) -> None:  # type: ignore[no-untyped-def]
    rels = relations(run(MAIL_NL, lang="nl"))
    assert ("CONTACTED", "Jan Peeters", "Piet Janssens") in rels
    assert ("HAS_EMAIL", "Piet Janssens", "piet@haven.nl") in rels
    assert ("EMPLOYED_BY", "Jan Peeters", "Kaaiveld Logistics BV") in rels
    assert ("HAS_PHONE", "Jan Peeters", "+3232014490") in rels


def test_mail_header_fr_address_only(run) -> None:  # type: ignore[no-untyped-def]
    text = "De : Marc Dubois <m.dubois@transit-lille.fr>\nÀ : ops@quai-nord.fr\nObjet : conteneur\n\nBonjour.\n"
    rels = relations(run(text, lang="fr"))
    # a recipient named by an address alone is no named party: no contact, the sender's address is kept
    assert not any(t == "CONTACTED" for t, _s, _o in rels)
    assert ("HAS_EMAIL", "Marc Dubois", "m.dubois@transit-lille.fr") in rels


def test_a_lone_de_line_is_no_header(run) -> None:  # type: ignore[no-untyped-def]
    rels = relations(run("De : Marc Dubois\nPaul Martin\n", lang="fr"))
    assert not any(t == "CONTACTED" for t, _s, _o in rels)


def test_role_list_after_colon(run) -> None:  # type: ignore[no-untyped-def]
    text = ("The Zeeslang group imported cocaine. The leaders of the Zeeslang group: Ruben Kasteleyn, "
            "his brother Milan Kasteleyn and Stijn Dewolfs.")
    rels = relations(run(text, lang="en"))
    for name in ("Ruben Kasteleyn", "Milan Kasteleyn", "Stijn Dewolfs"):
        assert ("MEMBER_OF", name, "Zeeslang") in rels


def test_role_list_negated(run) -> None:  # type: ignore[no-untyped-def]
    text = "The Zeeslang group was dismantled. Not the leaders of the Zeeslang group: Ruben Kasteleyn and Stijn Dewolfs."
    rels = relations(run(text, lang="en"))
    assert not any(t == "MEMBER_OF" for t, _s, _o in rels)


def test_listed_members_all(run) -> None:  # type: ignore[no-untyped-def]
    rels = relations(run("Jan Peeters, Piet Janssens and Karim Haddad, all members of the Zeeslang group, "
                         "were convicted.", lang="en"))
    assert {("MEMBER_OF", n, "Zeeslang") for n in ("Jan Peeters", "Piet Janssens", "Karim Haddad")} <= rels


def test_associates_en_fr_nl(run) -> None:  # type: ignore[no-untyped-def]
    pairs = [("en", "Jan Peeters and his accomplice Piet Janssens drove to the quay."),
             ("fr", "Jan Peeters et son complice Piet Janssens se sont rendus au quai."),
             ("nl", "Jan Peeters en zijn kompaan Piet Janssens reden naar de kade."),
             ("nl", "Jan Peeters en zijn handlanger Piet Janssens reden naar de kade.")]
    for lang, text in pairs:
        rels = relations(run(text, lang=lang))
        assert {("ASSOCIATE_OF", "Jan Peeters", "Piet Janssens"), ("ASSOCIATE_OF", "Piet Janssens", "Jan Peeters")} & rels, lang
        # arrested together, the same two are co-accused (the annotation guide: not also associates)
        charged = text.replace("drove to the quay", "were arrested").replace("se sont rendus au quai", "ont été arrêtés")
        rels = relations(run(charged.replace("reden naar de kade", "werden opgepakt"), lang=lang))
        assert {r[0] for r in rels} == {"CO_ACCUSED"}, lang


def test_associates_plural_predicate_and_negation(run) -> None:  # type: ignore[no-untyped-def]
    rels = relations(run("Jan Peeters and Piet Janssens are associates of long standing.", lang="en"))
    assert {("ASSOCIATE_OF", "Jan Peeters", "Piet Janssens"), ("ASSOCIATE_OF", "Piet Janssens", "Jan Peeters")} & rels
    rels = relations(run("Jan Peeters and Piet Janssens are not associates.", lang="en"))
    assert not any(t == "ASSOCIATE_OF" for t, _s, _o in rels)
