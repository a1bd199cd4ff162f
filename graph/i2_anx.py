"""A subgraph as an i2 Analyst's Notebook chart in ANX (the notebook's XML chart format).

Each entity becomes a ``ChartItem`` holding an ``End``/``Entity`` with an icon of its type (the
types come from the schema: every node type is declared in ``EntityTypeCollection``); each relation
becomes a ``ChartItem`` holding a ``Link`` between the two entities' ids, labelled with the relation
type, with an arrow when the relation has a direction and a dashed (``Tentative``) line for weak
co-mentions and analyst-entered links; a dated relation carries its first date as the chart
item's date (``DateTime``, ``DateSet="true"``), which the notebook's timeline and time-ordered
views read. Attributes carry the Havengraph id, the evidence count, the
hashes of the supporting documents and the first evidence sentence, so that a chart opened in the
notebook can be traced back to the case files. Saved node positions are kept.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

from graph.model import Subgraph
from graph.schema import SCHEMA

__all__ = ["I2_ICONS", "to_anx"]

#: the notebook's standard icon for each schema node label (types not listed use their label)
I2_ICONS = {"Person": "Person", "Company": "Office", "Organization": "Organisation", "Vessel": "Ship",
            "Port": "Anchor", "Location": "Place", "Address": "House", "Container": "Container",
            "Phone": "Phone", "Email": "Email", "BankAccount": "Bank Account", "Shipment": "Parcel",
            "Document": "Document"}

#: attribute classes on the chart: (name, i2 type)
ATTRIBUTES = (("Havengraph id", "AttText"), ("Evidence count", "AttNumber"), ("Documents", "AttText"),
              ("Evidence", "AttText"), ("Method", "AttText"), ("Provenance", "AttText"), ("First seen", "AttText"),
              ("Last seen", "AttText"))


def _attrs(parent: ET.Element, values: dict[str, Any]) -> None:
    collection = ET.SubElement(parent, "AttributeCollection")
    for name, value in values.items():
        if value not in (None, ""):
            ET.SubElement(collection, "Attribute", AttributeClass=name, Value=str(value))


def _chart_date(when: str | None) -> dict[str, str]:
    """The ``ChartItem`` date attributes for an evidence date (a day, optionally with a time)."""
    found = re.match(r"(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?))?", when or "")
    if not found:
        return {"DateSet": "false"}
    day, time = found.groups()
    clock = (time + ":00")[:8] if time else "00:00:00"
    return {"DateTime": f"{day}T{clock}", "DateSet": "true", "TimeSet": "true" if time else "false"}


def to_anx(sub: Subgraph, positions: dict[str, dict[str, float]] | None = None) -> bytes:
    """The ANX bytes of ``sub``; ``positions`` (entity id -> ``{"x", "y"}``) places the nodes."""
    positions = positions or {}
    chart = ET.Element("Chart", IdReferenceLinking="false", Rigorous="true")
    classes = ET.SubElement(chart, "AttributeClassCollection")
    for name, kind in ATTRIBUTES:
        ET.SubElement(classes, "AttributeClass", Name=name, Type=kind, ShowValue="true", Visible="true")
    ET.SubElement(ET.SubElement(chart, "LinkTypeCollection"), "LinkType", Name="Link", Colour="0")
    types = ET.SubElement(chart, "EntityTypeCollection")
    for node in SCHEMA.nodes.values():
        ET.SubElement(types, "EntityType", Name=node.label, IconFile=I2_ICONS.get(node.label, node.label))
    items = ET.SubElement(chart, "ChartItemCollection")
    for i, entity in enumerate(sub.nodes):
        at = positions.get(entity.entity_id) or {"x": (i % 8) * 160, "y": (i // 8) * 160}
        item = ET.SubElement(items, "ChartItem", Label=entity.name, DateSet="false",
                             XPosition=str(round(at["x"])))
        end = ET.SubElement(item, "End", Y=str(round(at["y"])))
        ent = ET.SubElement(end, "Entity", EntityId=entity.entity_id, Identity=entity.name,
                            LabelIsIdentity="true")
        ET.SubElement(ET.SubElement(ent, "Icon"), "IconStyle", Type=SCHEMA.node(entity.type).label)
        _attrs(item, {"Havengraph id": entity.entity_id, "Provenance": entity.properties.get("provenance")})
    for rel in sub.edges:
        spec = SCHEMA.relations[rel.type]
        analyst = bool(rel.evidence) and all(e.method == "analyst" for e in rel.evidence)
        data = rel.to_dict()
        first = rel.evidence[0] if rel.evidence else None
        item = ET.SubElement(items, "ChartItem", Label=rel.type, **_chart_date(data["first_seen"]))
        link = ET.SubElement(item, "Link", End1Id=rel.source, End2Id=rel.target)
        ET.SubElement(link, "LinkStyle", Type="Link", ArrowStyle="ArrowNone" if spec.symmetric else "ArrowOnHead",
                      Strength="Tentative" if spec.weak or analyst else "Confirmed",
                      LineWidth=str(min(1 + len(rel.evidence) // 3, 5)))
        _attrs(item, {"Evidence count": len(rel.evidence),
                      "Documents": " ".join(sorted({e.doc_id for e in rel.evidence})),
                      "Evidence": first.sentence if first else None,
                      "Method": " ".join(sorted({e.method for e in rel.evidence})),
                      "First seen": data["first_seen"], "Last seen": data["last_seen"]})
    ET.indent(chart)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(chart, encoding="utf-8") + b"\n"
