"""A firm's head written as "X's chief executive, Y", and a second role coordinated after a first."""

from __future__ import annotations

from nlp_support import relations


def test_a_firms_head_written_with_a_possessive_before_the_name(run) -> None:  # type: ignore[no-untyped-def]
    cases = (("Harbourline Ltd's managing director, Peter Cole, declined to comment.", "en",
              ("DIRECTOR_OF", "Peter Cole", "Harbourline Ltd")),
             ("A statement said Kestrel Reefer Services Ltd's chief executive, Ann Moyo, had ordered an audit.", "en",
              ("DIRECTOR_OF", "Ann Moyo", "Kestrel Reefer Services Ltd")),
             ("Police later interviewed Brightwater Logistics Inc's president, Carl Eady, at his home.", "en",
              ("DIRECTOR_OF", "Carl Eady", "Brightwater Logistics Inc")))
    for text, lang, relation in cases:
        assert relation in relations(run(text, lang=lang)), text
    owner = relations(run("Harbourline Ltd's lawyer, Peter Cole, declined to comment.", lang="en"))
    assert not {r for r in owner if r[0] == "DIRECTOR_OF"}


def test_a_second_role_after_a_first_is_the_same_persons(run) -> None:  # type: ignore[no-untyped-def]
    cases = (("Dean Tully, 33, a longshoreman at the Seagirt Marine Terminal and a member of the Harbour Lashers Guild, "
              "admitted the charge.", "en", ("MEMBER_OF", "Dean Tully", "Harbour Lashers Guild")),
             ("Ray Okafor, a clerk at Medway Box Ltd and a director of Okafor Fresh Ltd, was charged.", "en",
              ("DIRECTOR_OF", "Ray Okafor", "Okafor Fresh Ltd")),
             ("Jacques Le Bihan, docker au port de Lorient et gérant de la société Ker Marée, a été mis en examen.", "fr",
              ("DIRECTOR_OF", "Jacques Le Bihan", "Ker Marée")))
    for text, lang, relation in cases:
        assert relation in relations(run(text, lang=lang)), text


def test_a_role_after_another_persons_name_is_not_given(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("Dean Tully met Ray Okafor at Medway Box Ltd and a director of Okafor Fresh Ltd joined them.",
                          lang="en"))
    assert not {r for r in found if r[0] == "DIRECTOR_OF" and r[1] == "Dean Tully"}
    found = relations(run("Dean Tully called Medway Box Ltd and the director of Okafor Fresh Ltd on Monday.", lang="en"))
    assert not {r for r in found if r[0] == "DIRECTOR_OF" and r[1] == "Dean Tully"}
