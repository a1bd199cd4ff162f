"""A person named again by age at the head of a sentence ("The 38-year-old works for X") (issue 16)."""

from __future__ import annotations

from nlp_support import relations


def test_an_age_phrase_stands_for_the_one_person_named_before(run) -> None:  # type: ignore[no-untyped-def]
    cases = (("Mark Hale was arrested on Tuesday. The 38-year-old works for DP World.", "en", "Mark Hale", "DP World"),
             ("Kevin B. werd dinsdag aangehouden. De 31-jarige werkt bij APM Terminals.", "nl", "Kevin B.",
              "APM Terminals"),
             ("Karim B. a été interpellé mardi. Ce docker de 34 ans travaillait pour la société Eurofos.", "fr",
              "Karim B.", "Eurofos"))
    for text, lang, person, firm in cases:
        assert ("EMPLOYED_BY", person, firm) in relations(run(text, lang=lang))


def test_an_age_phrase_after_two_people_names_neither(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("Mark Hale and Tom Reed were arrested on Tuesday. The 38-year-old works for DP World.",
                          lang="en"))
    assert not {r for r in found if r[0] == "EMPLOYED_BY"}


def test_an_age_phrase_inside_a_sentence_is_not_read_as_a_reference(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("Mark Hale was arrested on Tuesday. Police said a 38-year-old works for DP World.",
                          lang="en"))
    assert not {r for r in found if r[0] == "EMPLOYED_BY"}
