"""A contact is between named parties: a number or address end goes to its holder in the sentence."""

from nlp.components.contact_ends import settle_contact_ends
from nlp.components.relations import RelationHit

TEXT = "The line 0612, used by Vos, called Bakker twice; Cc: ops@firm.nl"
VOS = (TEXT.index("Vos"), TEXT.index("Vos") + 3)
LINE = (TEXT.index("0612"), TEXT.index("0612") + 4)
BAKKER = (TEXT.index("Bakker"), TEXT.index("Bakker") + 6)
MAIL = (TEXT.index("ops@"), len(TEXT))
SENT = (0, TEXT.index(";"))


def _hit(type_: str, a: tuple[int, int], b: tuple[int, int], lo: int = SENT[0], hi: int = SENT[1]) -> RelationHit:
    return RelationHit(type_, a, b, lo, hi, lo, hi, "rule", 0.8, "test")


def test_number_end_goes_to_its_holder_in_the_sentence():
    hits = [_hit("HAS_PHONE", VOS, LINE), _hit("CONTACTED", LINE, BAKKER)]
    out = settle_contact_ends(hits, {LINE: "PHONE"})
    contacts = [(h.source, h.target) for h in out if h.type == "CONTACTED"]
    assert contacts == [(VOS, BAKKER)]
    assert any(h.type == "HAS_PHONE" and h.source == VOS for h in out)


def test_number_without_holder_makes_no_contact():
    out = settle_contact_ends([_hit("CONTACTED", LINE, BAKKER)], {LINE: "PHONE"})
    assert [h for h in out if h.type == "CONTACTED"] == []


def test_holder_outside_the_sentence_is_not_used():
    hits = [_hit("HAS_PHONE", VOS, LINE), _hit("CONTACTED", LINE, BAKKER, BAKKER[0] - 1, SENT[1])]
    out = settle_contact_ends(hits, {LINE: "PHONE"})
    assert [h for h in out if h.type == "CONTACTED"] == []


def test_address_alone_on_a_copy_line_is_dropped_and_persons_kept():
    hits = [_hit("CONTACTED", VOS, MAIL, 0, len(TEXT)), _hit("CONTACTED", VOS, BAKKER)]
    out = settle_contact_ends(hits, {MAIL: "EMAIL", LINE: "PHONE"})
    assert [(h.source, h.target) for h in out] == [(VOS, BAKKER)]


def test_holder_calling_own_number_is_no_contact():
    hits = [_hit("HAS_PHONE", VOS, LINE), _hit("CONTACTED", VOS, LINE)]
    out = settle_contact_ends(hits, {LINE: "PHONE"})
    assert [h.type for h in out] == ["HAS_PHONE"]


def _contacts(ex) -> set[frozenset[str]]:  # type: ignore[no-untyped-def]
    from nlp_support import relations

    return {frozenset((s, t)) for type_, s, t in relations(ex) if type_ == "CONTACTED"}


def test_a_reported_call_belongs_to_the_person_before_the_verb(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Ciarán Moody and Piotr Lenz were charged. The Garda Síochána say Moody phoned Lenz twice "
             "that evening.", lang="en")
    assert frozenset(("Ciarán Moody", "Piotr Lenz")) in _contacts(ex)
    assert all("Garda" not in " ".join(pair) for pair in _contacts(ex))


def test_two_listed_callers_keep_the_contact(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Ciarán Moody, Aidan Kerr and Piotr Lenz were charged. Moody and Kerr phoned Lenz "
             "from the quay.", lang="en")
    assert frozenset(("Aidan Kerr", "Piotr Lenz")) in _contacts(ex)


def test_a_statement_to_a_broadcaster_is_no_contact(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Prosecutor Hanna de Graaf told the BBC that dock workers are approached by gangs.", lang="en")
    assert _contacts(ex) == set()


def _phones(ex) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    from nlp_support import relations

    return {(s, t) for type_, s, t in relations(ex) if type_ == "HAS_PHONE"}


def test_the_person_called_does_not_hold_the_callers_number(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Joost de Bruin (48) en Kevin S. (31) zijn veroordeeld. Volgens de rechtbank belde hij vaak met "
             "Kevin S., via het nummer +31 6 1122 3344 dat hij gebruikte.", lang="nl")
    assert not any(holder == "Kevin S." for holder, _ in _phones(ex))


def test_an_object_pronoun_is_not_the_caller(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Entendu le 2 mai, Marc Lenoir indique que Yanis Ferhat l'a appelé le soir même depuis un "
             "numéro belge, le +32 471 22 33 44.", lang="fr")
    assert not any(holder == "Marc Lenoir" for holder, _ in _phones(ex))


def test_the_caller_keeps_a_number_said_to_be_his(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Kevin Smit used the number +31 6 1122 3344 to call Joost de Bruin.", lang="en")
    assert any(holder == "Kevin Smit" for holder, _ in _phones(ex))


def test_a_number_used_in_contact_with_someone_is_not_theirs(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Uit de tapgesprekken blijkt dat Fenna Bos contact had met Rudi Lammers via het nummer "
             "06-12345678, dat op haar naam stond.", lang="nl")
    assert not any(holder == "Rudi Lammers" for holder, _ in _phones(ex))


def test_an_account_in_the_name_of_a_possessors_partner(run) -> None:  # type: ignore[no-untyped-def]
    from nlp_support import relations

    ex = run("Darren Cole was charged. The freight was paid from account GB33BUKB20201555555555, held in the "
             "name of Cole's sister, Amy Cole.", lang="en")
    accounts = {s for type_, s, t in relations(ex) if type_ == "HAS_ACCOUNT"}
    assert "Darren Cole" not in accounts
    assert "Amy Cole" in accounts


def test_a_number_after_called_someone_on_his_mobile_goes_to_nobody(run) -> None:  # type: ignore[no-untyped-def]
    intro = "Sean Walsh and Tom Byrne were charged. "
    ex = run(intro + "Walsh rang Byrne on his mobile phone +353 87 555 1234 that night.", lang="en")
    assert not any(holder == "Sean Walsh" for holder, _ in _phones(ex))
    assert frozenset(("Sean Walsh", "Tom Byrne")) in _contacts(ex)
    ex = run(intro + "Walsh used the number +353 87 555 1234 to call Byrne.", lang="en")
    assert any(holder == "Sean Walsh" for holder, _ in _phones(ex))
