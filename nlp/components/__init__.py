"""spaCy pipeline components of Havengraph, one per concern, registered under versioned names.

Importing this package registers the factories and the ``Doc`` extensions they fill:

- ``havengraph_lines_v1``         -> sentence starts at line breaks (before the parser)
- ``havengraph_identifiers_v1``  -> ``doc._.hg_identifiers`` (list of ``IdentifierHit``)
- ``havengraph_vessels_v1``      -> ``doc.spans["hg_vessel"]``
- ``havengraph_ports_v1``        -> ``doc.spans["hg_port"]`` (label PORT or LOCATION, kb_id = UN/LOCODE)
- ``havengraph_places_v1``       -> ``doc.spans["hg_place"]`` (cities and municipalities, LOCATION, kb_id = country)
- ``havengraph_organizations_v1``-> ``doc.spans["hg_org"]`` (COMPANY / ORGANIZATION by legal form, role word, gazetteer)
- ``havengraph_persons_v1``      -> ``doc.spans["hg_person"]`` (given-name, title and initial rules)
- ``havengraph_entities_v1``     -> ``doc.spans["hg_entities"]`` (the merged, typed entity mentions)
- ``havengraph_relations_v1``    -> ``doc._.hg_relations`` (list of ``RelationHit``)
- ``havengraph_records_v1``      -> adds the relations stated by "Key: value" record lines
- ``havengraph_mail_v1``         -> adds the relations of pasted e-mails (headers, signatures)
- ``havengraph_dutch_frames_v1`` -> adds the relations of Dutch clause frames (Dutch documents only)
- ``havengraph_contradictions_v1`` -> last: drops the readings their own sentence contradicts
"""

from spacy.tokens import Doc

for _name in ("hg_identifiers", "hg_relations"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

from nlp.components import (  # noqa: E402,F401  (imported to register the factories)
    contradictions,
    dutch_frames,
    entities,
    identifiers,
    lines,
    mail,
    organizations,
    persons,
    places,
    ports,
    records,
    relations,
    vessels,
)

VERSION = "1.0"
COMPONENTS = (
    "havengraph_identifiers_v1",
    "havengraph_vessels_v1",
    "havengraph_organizations_v1",
    "havengraph_ports_v1",
    "havengraph_places_v1",
    "havengraph_persons_v1",
    "havengraph_entities_v1",
    "havengraph_relations_v1",
    "havengraph_records_v1",
    "havengraph_mail_v1",
    "havengraph_shipments_v1",  # registered on import by nlp.components.records
    "havengraph_accomplices_v1",  # registered on import by nlp.components.co_accused_runs
    "havengraph_contact_ends_v1",  # registered on import by nlp.components.shipments
    "havengraph_dutch_frames_v1",  # Dutch documents only
    "havengraph_contradictions_v1",  # last: drops readings their own sentence contradicts
)
