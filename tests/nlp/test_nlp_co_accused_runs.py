"""CO_ACCUSED over one defendant per sentence or clause, nominal forms and negated charges."""

from __future__ import annotations

import pytest
from nlp_support import relations


def _pairs(ex) -> set[frozenset[str]]:
    return {frozenset(r[1:]) for r in relations(ex) if r[0] == "CO_ACCUSED"}


def _all(*names: str) -> set[frozenset[str]]:
    return {frozenset((a, b)) for x, a in enumerate(names) for b in names[x + 1:]}


@pytest.mark.parametrize(("lang", "text", "names"), [
    # one sentence, a clause per defendant: cut at ";" or before a name after a conjunction
    ("en", "Luis Carmona, 44, from Toxteth, received 14 years; Pedro Ibarra, 39, from Kirkby, got 11 years; and Marco "
           "Diaz, 31, was given nine years.", ("Luis Carmona", "Pedro Ibarra", "Marco Diaz")),
    ("en", "Luis Carmona was sentenced to 14 years in prison, while Pedro Ibarra received 11 years.",
     ("Luis Carmona", "Pedro Ibarra")),
    ("fr", "Karim Benali a été mis en examen ; Youssef Amrani a été placé sous contrôle judiciaire.",
     ("Karim Benali", "Youssef Amrani")),
    # a conjunct that shares the verb of the clause before it
    ("fr", "Karim Benali a été condamné à dix ans d'emprisonnement et Youssef Amrani à huit ans.",
     ("Karim Benali", "Youssef Amrani")),
    ("nl", "Ronald V. (46) uit Rotterdam kreeg tien jaar cel, Dennis K. (29) uit Schiedam zes jaar.",
     ("Ronald V.", "Dennis K.")),
    # a co-defendant named as such in the next sentence
    ("en", "Raymond Kiley pleaded guilty on Tuesday to conspiracy to import cocaine. Co-defendant Anthony Brunetti "
           "pleaded guilty earlier this year.", ("Raymond Kiley", "Anthony Brunetti")),
    ("en", "A jury found Ivan Petrov guilty of importation. His co-defendants, Samir Haddad and Colm Reilly, remain in "
           "custody.", ("Ivan Petrov", "Samir Haddad", "Colm Reilly")),
    ("fr", "Karim Bensaïd a été condamné à douze ans. Son coprévenu Anthony Leleu a écopé de sept ans.",
     ("Karim Bensaïd", "Anthony Leleu")),
    ("nl", "Jan de Vries hoorde zes jaar cel tegen zich eisen. De medeverdachte Piet Bakker hoorde vier jaar eisen.",
     ("Jan de Vries", "Piet Bakker")),
])
def test_clauses_of_one_sentence_and_named_co_defendants(run, lang: str, text: str, names: tuple[str, ...]) -> None:
    ex = run(text, lang=lang)
    assert _pairs(ex) == _all(*names)
    first = next(e.entity_id for e in ex.entities if e.name == names[0])
    evidence = next(r for r in ex.relations if r.type == "CO_ACCUSED" and first in (r.source, r.target)).evidence[0]
    assert evidence.sentence.startswith(text[:12])  # from the first defendant's clause


@pytest.mark.parametrize(("lang", "text"), [
    # each sentence charges its own defendant: separate lists, as the annotation reads them
    ("en", "Ivan Petrov, 34, was sentenced to nine years in prison. Samir Haddad, 29, was sentenced to seven years."),
    ("nl", "Jan de Vries kreeg zes jaar cel. Piet Bakker werd tot vier jaar veroordeeld."),
    # a judge as the subject of an active "sentenced"; the defendant of one sentence alone
    ("en", "Ivan Petrov pleaded guilty in March. Judge Mary Lowe sentenced him on Friday."),
    # a co-defendant cue after a witness who is named between
    ("en", "Ivan Petrov was charged with importation. Jane Roe, a dock worker, told the court she saw the box. "
           "Co-defendant Samir Haddad remains a fugitive."),
    # negated predicates
    ("en", "Ivan Petrov was charged with importation, but Samir Haddad was not charged."),
    ("fr", "Karim Benali a été mis en examen ; Youssef Amrani n'a pas été poursuivi."),
    ("nl", "Jan de Vries werd veroordeeld tot zes jaar, maar Piet Bakker werd niet vervolgd."),
    # another case
    ("en", "Ivan Petrov was sentenced to nine years. In a separate case, co-defendant Samir Haddad was sentenced to four "
           "years."),
    # a co-defendant cue with nobody charged before it
    ("en", "The report was filed in May. Co-defendant Samir Haddad remains a fugitive."),
    # an age is no sentence: "A, 38 ans, docker" does not share a verb
    ("fr", "Mickaël Hébert, 38 ans, docker au port, a témoigné ; Youssef Amrani a été mis en examen."),
])
def test_runs_do_not_pair_across_sentences_roles_negations_or_cases(run, lang: str, text: str) -> None:
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
