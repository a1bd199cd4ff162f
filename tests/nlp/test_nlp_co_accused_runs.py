"""CO_ACCUSED over one defendant per sentence or clause, nominal forms and negated charges."""

from __future__ import annotations

import pytest
from nlp_support import relations


def _pairs(ex) -> set[frozenset[str]]:
    return {frozenset(r[1:]) for r in relations(ex) if r[0] == "CO_ACCUSED"}


def _all(*names: str) -> set[frozenset[str]]:
    return {frozenset((a, b)) for x, a in enumerate(names) for b in names[x + 1:]}


@pytest.mark.parametrize(("lang", "text", "names"), [
    ("en", "Ivan Petrov, 34, of Hialeah, was sentenced to nine years in prison. Samir Haddad, 29, was sentenced to "
           "seven years. Colm Reilly received five years.", ("Ivan Petrov", "Samir Haddad", "Colm Reilly")),
    ("en", "Raymond Kiley pleaded guilty on Tuesday to conspiracy to import cocaine. Co-defendant Anthony Brunetti "
           "pleaded guilty earlier this year.", ("Raymond Kiley", "Anthony Brunetti")),
    ("en", "Ivan Petrov was extradited from Spain. His co-defendants, Samir Haddad and Colm Reilly, remain in custody.",
     ("Ivan Petrov", "Samir Haddad", "Colm Reilly")),
    ("fr", "Karim Benali a été mis en examen ; Youssef Amrani a été placé sous contrôle judiciaire.",
     ("Karim Benali", "Youssef Amrani")),
    ("fr", "Karim Benali a été condamné à dix ans de prison. Youssef Amrani a quant à lui écopé de huit ans.",
     ("Karim Benali", "Youssef Amrani")),
    ("nl", "Jan de Vries hoorde zes jaar cel tegen zich eisen. De medeverdachte Piet Bakker hoorde vier jaar eisen.",
     ("Jan de Vries", "Piet Bakker")),
    ("nl", "Jan de Vries kreeg zes jaar cel. Piet Bakker werd tot vier jaar veroordeeld.", ("Jan de Vries", "Piet Bakker")),
])
def test_one_defendant_per_sentence_of_one_case(run, lang: str, text: str, names: tuple[str, ...]) -> None:
    ex = run(text, lang=lang)
    assert _pairs(ex) == _all(*names)
    first = next(e.entity_id for e in ex.entities if e.name == names[0])
    evidence = next(r for r in ex.relations if r.type == "CO_ACCUSED" and first in (r.source, r.target)).evidence[0]
    assert evidence.sentence.startswith(text[:12])  # the run, from its first subject's sentence


@pytest.mark.parametrize(("lang", "text"), [
    # a judge as the subject of an active "sentenced"; the defendant of one sentence alone
    ("en", "Ivan Petrov pleaded guilty in March. Judge Mary Lowe sentenced him on Friday."),
    # a witness and an investigator between two charged people break the run
    ("en", "Ivan Petrov was charged with importation. Samir Haddad, a dock worker, told the court he saw the box."),
    # negated predicates
    ("en", "Ivan Petrov was charged with importation. Samir Haddad was not charged."),
    ("fr", "Karim Benali a été mis en examen. Youssef Amrani n'a pas été poursuivi."),
    ("nl", "Jan de Vries werd veroordeeld tot zes jaar. Piet Bakker werd niet vervolgd."),
    # another case
    ("en", "Ivan Petrov was sentenced to nine years. In a separate case, Samir Haddad was sentenced to four years."),
    # a co-defendant cue with nobody charged before it
    ("en", "The report was filed in May. Co-defendant Samir Haddad remains a fugitive."),
])
def test_runs_do_not_pair_across_other_roles_negations_or_cases(run, lang: str, text: str) -> None:
    assert not _pairs(run(text, lang=lang))


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The arrest of Ivan Petrov and Samir Haddad followed a long investigation."),
    ("fr", "L'interpellation de Karim Benali et Youssef Amrani a eu lieu au Havre."),
    ("nl", "De aanhouding van Jan de Vries en Piet Bakker volgde op een lang onderzoek."),
])
def test_nominal_forms_before_a_list(run, lang: str, text: str) -> None:
    assert len(_pairs(run(text, lang=lang))) == 1


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Ivan Petrov and Samir Haddad were not charged."),
    ("en", "Police did not arrest Ivan Petrov and Samir Haddad."),
    ("fr", "Karim Benali et Youssef Amrani n'ont pas été poursuivis."),
    ("nl", "Jan de Vries en Piet Bakker werden niet vervolgd."),
])
def test_a_negated_charge_makes_no_co_accused(run, lang: str, text: str) -> None:
    assert not _pairs(run(text, lang=lang))
