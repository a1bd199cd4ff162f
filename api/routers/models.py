"""Response models of the API, derived from the schema (type names are Literals built from it).

Routes with large answers (neighbourhoods, paths, search) declare these models for the OpenAPI
document but return :class:`Raw`: the data comes from the library's own ``to_dict()`` shapes, so
validating it again on the way out would only cost time (the schemathesis run checks conformance).
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from fastapi import Response
from pydantic import BaseModel, ConfigDict, Field

from graph.filters import DATE_PATTERN, GraphFilter
from graph.model import METHODS
from graph.schema import SCHEMA


class Raw(Response):
    """JSON built with the standard library, without a second pydantic pass."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")


EntityType = Literal[tuple(SCHEMA.entity_types)]  # type: ignore[valid-type]
RelationType = Literal[tuple(SCHEMA.relations)]  # type: ignore[valid-type]
HandlingCode = Literal[tuple(SCHEMA.handling_levels)]  # type: ignore[valid-type]
Method = Literal[METHODS]  # type: ignore[valid-type]
Role = Literal["viewer", "analyst", "admin"]


class EntityOut(BaseModel):
    entity_id: str
    type: EntityType
    name: str
    aliases: list[str] = []
    identifiers: dict[str, str] = {}
    properties: dict[str, Any] = {}


class EvidenceOut(BaseModel):
    doc_id: str = Field(description="SHA-256 of the source document's bytes")
    start: int
    end: int
    sentence: str = ""
    method: Method
    extractor: str = ""
    confidence: float = 1.0
    weight: float = 1.0
    date: str | None = None
    page: int | None = None


class RelationOut(BaseModel):
    source: str
    target: str
    type: RelationType
    weight: float
    count: int
    first_seen: str | None = None
    last_seen: str | None = None
    properties: dict[str, Any] = {}
    evidence: list[EvidenceOut] = []


class SubgraphOut(BaseModel):
    nodes: list[EntityOut]
    edges: list[RelationOut]


class MentionOut(BaseModel):
    entity_id: str
    text: str
    type: str
    start: int
    end: int
    doc_id: str = ""


class DocumentInfo(BaseModel):
    model_config = ConfigDict(extra="ignore")

    doc_id: str
    title: str | None = ""
    source: str | None = ""
    lang: str | None = ""
    format: str | None = ""
    date: str | None = None
    grading: str | None = None
    handling: str | None = None
    length: int | None = None
    ingested_at: str | None = None


class EntityDetail(EntityOut):
    relations: list[RelationOut] = Field(description="the entity's own relations (one end is the entity) with "
                                         "their evidence, strongest first")
    names: dict[str, str] = Field(description="names of the entities at the other end of `relations`")
    mentions: list[MentionOut]
    documents: list[DocumentInfo] = Field(description="documents that mention the entity or support its relations")
    requested_id: str = Field(description="the id asked for: an id merged away differs from `entity_id`")
    neighbourhood: str = Field(description="where the neighbourhood is (relations among the neighbours too)")


class DocumentDetail(DocumentInfo):
    text: str
    pages: list[int] = []
    metadata: dict[str, Any] = {}
    mentions: list[MentionOut] = Field(description="entity mentions, as extracted (spans into `text`)")
    html: str = Field(description="the text as HTML, mentions wrapped in <mark> elements")


class UploadResult(BaseModel):
    doc_id: str
    status: Literal["written", "skipped", "replaced"]
    title: str = ""
    handling: str | None = None
    entities: int = 0
    relations: int = 0


class IngestJobOut(BaseModel):
    """An upload's ingest job: queued, running (with its stage), done (with the result) or failed (why)."""

    job_id: str
    status: Literal["queued", "running", "done", "failed"]
    stage: str
    progress: float = Field(ge=0, le=1)
    filename: str
    bytes: int
    queue_position: int | None = None
    submitted_at: str
    started_at: str | None = None
    finished_at: str | None = None
    elapsed_s: float = 0.0
    result: UploadResult | None = None
    error: str | None = None


class DeleteResult(BaseModel):
    doc_id: str
    deleted: bool


class Health(BaseModel):
    status: Literal["ok"]
    store: str
    auth: bool


class Me(BaseModel):
    name: str
    role: Role
    clearance: str


class PathOut(SubgraphOut):
    hops: int
    target: str | None = Field(None, description="the watchlist entity reached (path to watchlist)")
    target_entry: str | None = Field(None, description="the watchlist row that names `target` (path to watchlist; "
                                     "none when the target is only tagged)")
    hop_dates: list[str] | None = Field(None, description="date of each hop (time-ordered paths)")


class WatchlistEntry(BaseModel):
    name: str
    type: str | None = None
    identifier: str | None = None
    entity_id: str | None = Field(None, description="the entity it names in the store, if any (a name match "
                                  "first, else the holder of its identifier)")
    entity_ids: list[str] = Field([], description="every entity the row matched (its name, its identifier's node)")


class VisNode(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: str


class VisEdge(BaseModel):
    model_config = ConfigDict(extra="allow")
    to: str
    from_: str = Field(alias="from")


class GraphView(BaseModel):
    """Nodes and edges styled for vis-network (colours and shapes from the schema)."""

    nodes: list[VisNode]
    edges: list[VisEdge]
    focus: str


class SchemaInfo(BaseModel):
    entity_types: list[str]
    relation_types: list[str]
    styles: dict[str, dict[str, str]]
    handling_levels: list[str]
    weak_relations: list[str]
    undirected_relations: list[str] = Field([], description="relations without a direction (drawn without arrow)")
    relation_styles: dict[str, dict[str, str]] = Field({}, description="relation type -> colour and family")


class Decision(BaseModel):
    model_config = ConfigDict(extra="allow")

    decision_id: str | None = None
    kind: str | None = None
    a: str | None = None
    b: str | None = None
    score: float | None = None
    reason: str | None = ""
    who: str | None = None
    at: str | None = None
    status: str | None = None


class MergeIn(BaseModel):
    keep: str = Field(min_length=1, max_length=300)
    drop: str = Field(min_length=1, max_length=300)
    reason: str = Field("", max_length=2000)


class PinIn(BaseModel):
    a: str = Field(min_length=1, max_length=300)
    b: str = Field(min_length=1, max_length=300)
    reason: str = Field("", max_length=2000)


class CypherIn(BaseModel):
    query: str = Field(min_length=1, max_length=10_000)
    params: dict[str, Any] = {}
    limit: int = Field(100, ge=1, le=10_000)


class CypherOut(BaseModel):
    columns: list[str] = []
    rows: list[Any]
    truncated: bool = False


class PackageIn(BaseModel):
    """What goes into an evidence package: an entity's neighbourhood, a path, or a list of entities."""

    model_config = ConfigDict(json_schema_extra={"anyOf": [
        {"required": ["entity_id"], "properties": {"entity_id": {"type": "string"}}},
        {"required": ["source", "target"], "properties": {"source": {"type": "string"}, "target": {"type": "string"}}},
        {"required": ["entity_ids"], "properties": {"entity_ids": {"type": "array"}}}]})

    entity_id: str | None = Field(None, min_length=1, max_length=300)
    depth: int = Field(1, ge=1, le=3)
    limit: int = Field(100, ge=1, le=500)
    source: str | None = Field(None, min_length=1, max_length=300, description="with `target`: the shortest path")
    target: str | None = Field(None, min_length=1, max_length=300)
    entity_ids: list[Annotated[str, Field(min_length=1, max_length=300)]] | None = \
        Field(None, min_length=1, max_length=500)
    include_weak: bool = False
    type: list[EntityType] | None = Field(None, description="keep only these entity types")
    relation_type: list[RelationType] | None = Field(None, description="keep only these relation types")
    min_grading: str | None = Field(None, max_length=8, pattern=SCHEMA.grading_pattern)
    date_from: str | None = Field(None, max_length=10, pattern=DATE_PATTERN,
                                  description="a relation is inside the range when one of its evidence dates is")
    date_to: str | None = Field(None, max_length=10, pattern=DATE_PATTERN)
    max_handling: HandlingCode | None = None
    undated: Literal["include", "exclude"] = Field("include", description="relations without any date")

    def graph_filter(self) -> GraphFilter:
        """The request's filter, the same as the query parameters of the reading routes."""
        return GraphFilter.build(self.type, self.relation_type, self.include_weak, self.min_grading,
                                 self.date_from, self.date_to, self.max_handling, self.undated)


class PackageCheck(BaseModel):
    valid: bool
    problems: list[str]
    counts: dict[str, Any]
    package_sha256: str


class AuditEntry(BaseModel):
    seq: int
    at: str
    who: str
    role: str | None
    method: str
    endpoint: str
    params: Any
    status: int
    result_bytes: int
    result_items: int | None
    duration_ms: float
    prev_hash: str
    row_hash: str


class AuditCheck(BaseModel):
    ok: bool
    entries: int
    first_bad_seq: int | None


class UserInfo(BaseModel):
    name: str
    role: Role
    clearance: str
    created_at: str
    revoked_at: str | None
    key_id: str
