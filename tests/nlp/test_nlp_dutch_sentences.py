"""Dutch without a parser: sentence ends after an anonymised name ("Kees P.") and the plural "ze"."""

from __future__ import annotations

from nlp_support import relations


def test_an_initial_before_a_new_sentence_ends_that_sentence(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("De verdachte Ali B. had contact met Mo B., de zoon van Karim B. De rechtbank veroordeelt Dennis K., "
             "die werkzaam was bij Hutchison Ports, tot vier jaar.", lang="nl")
    found = relations(ex)
    assert ("EMPLOYED_BY", "Dennis K.", "Hutchison Ports") in found
    assert not {r for r in found if r[0] == "EMPLOYED_BY" and r[1] in ("Ali B.", "Mo B.", "Karim B.")}
    name = run("Volgens de rechtbank was Jan P. de broer van Kees P. Hij werkte als planner bij ECT.", lang="nl")
    assert "Kees P." in {m.text for m in name.mentions if m.type == "PERSON"}
    same = run("De rechtbank hoorde Jan P. de Vries als getuige.", lang="nl")
    assert not {m.text for m in same.mentions if m.text.endswith(" P.")} - {"Jan P."}


def test_ze_before_a_plural_verb_is_they(run) -> None:  # type: ignore[no-untyped-def]
    plural = run("De politie hield Sander K. aan. Ze zijn in dienst van Maasvlakte Logistics BV.", lang="nl")
    assert not {r for r in relations(plural) if r[0] == "EMPLOYED_BY"}
    single = run("Marloes K. werd ook aangehouden. Ze werkte als planner bij Maasvlakte Logistics BV.", lang="nl")
    assert ("EMPLOYED_BY", "Marloes K.", "Maasvlakte Logistics BV") in relations(single)


def test_verb_final_relative_clauses(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Marc P., die sinds 2019 bij Polder Trucking BV werkte, is verdachte. "
             "Dylan M., die in de haven van Antwerpen werkte, bleef vrij. "
             "Youssef A., die Tropenfruit Handel BV runt, zweeg.", lang="nl")
    found = relations(ex)
    assert {("EMPLOYED_BY", "Marc P.", "Polder Trucking BV"), ("WORKS_AT", "Dylan M.", "Antwerp"),
            ("DIRECTOR_OF", "Youssef A.", "Tropenfruit Handel BV")} <= found
    never = run("Marc P., die nooit bij Polder Trucking BV werkte, is getuige.", lang="nl")
    assert not {r for r in relations(never) if r[0] == "EMPLOYED_BY"}
    client = run("Youssef A., die Tropenfruit Handel BV belde, zweeg.", lang="nl")
    assert not {r for r in relations(client) if r[0] == "DIRECTOR_OF"}
