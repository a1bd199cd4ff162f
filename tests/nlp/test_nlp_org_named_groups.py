"""A gang or network named in quotes after a group noun, and its members."""

from __future__ import annotations

from nlp_support import mentions, relations


def test_a_quoted_group_name_is_an_organisation(run) -> None:  # type: ignore[no-untyped-def]
    cases = (("Hij zou lid zijn van de bende die zich 'De Havenwolven' noemt.", "nl", "Havenwolven"),
             ('Prosecutors say the cell belonged to the network known as "les Quatre Vents".', "en", "Quatre Vents"),
             ("Les deux hommes appartenaient au réseau baptisé « Les Gars du Môle », selon le parquet.", "fr",
              "Gars du Môle"))
    for text, lang, name in cases:
        assert name in mentions(run(text, lang=lang), "ORGANIZATION"), text
    quote = run('The lorry driver told police that "Big Tony" had paid him.', lang="en")
    assert "Big Tony" not in mentions(quote, "ORGANIZATION")


def test_a_member_of_a_group_named_in_quotes(run) -> None:  # type: ignore[no-untyped-def]
    cases = (('Ricky Dunne was a member of the gang known as "the Dockside Crew".', "en",
              ("MEMBER_OF", "Ricky Dunne", "Dockside Crew")),
             ('Kerry Walsh, a senior member of the network dubbed "Harbour Lights", was remanded.', "en",
              ("MEMBER_OF", "Kerry Walsh", "Harbour Lights")),
             ("Jean Dupont faisait partie du réseau surnommé « Les Gars du Môle » depuis 2021.", "fr",
              ("MEMBER_OF", "Jean Dupont", "Gars du Môle")))
    for text, lang, relation in cases:
        assert relation in relations(run(text, lang=lang)), text
    found = relations(run('Ricky Dunne was never a member of the gang known as "the Dockside Crew".', lang="en"))
    assert not {r for r in found if r[0] == "MEMBER_OF"}
