"""Request and response models of the workspace routes: investigations, notes, analyst entries."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from api.routers.models import EntityType, HandlingCode, RelationType, Role

Id = Annotated[str, Field(min_length=1, max_length=300)]


class Position(BaseModel):
    x: float = Field(strict=True)
    y: float = Field(strict=True)


class InvestigationIn(BaseModel):
    """What a saved investigation holds; on PUT, fields left out keep their value."""

    name: str = Field(min_length=1, max_length=200)
    pinned: list[Id] = Field([], max_length=500, description="entity ids on the picture")
    positions: dict[str, Position] = Field({}, description="entity id -> where its node sat")
    filters: dict[str, Any] = Field({}, description="the filters in force (as the page keeps them)")
    notes: str = Field("", max_length=50_000)
    shared_with: Role | None = Field(None, description="lowest role that may open it too; empty: only you")


class InvestigationPatch(BaseModel):
    name: str | None = Field(None, min_length=1, max_length=200)
    pinned: list[Id] | None = Field(None, max_length=500)
    positions: dict[str, Position] | None = None
    filters: dict[str, Any] | None = None
    notes: str | None = Field(None, max_length=50_000)
    shared_with: Role | None = None


class InvestigationOut(BaseModel):
    model_config = ConfigDict(extra="allow")

    investigation_id: str
    owner: str
    name: str
    updated_at: str
    created_at: str | None = None
    pinned: list[str] = []
    positions: dict[str, Position] = {}
    filters: dict[str, Any] = {}
    notes: str = ""
    shared_with: Role | None = None


class InvestigationPicture(InvestigationOut):
    nodes: list[dict[str, Any]] = Field([], description="pinned entities you may see, each with its position")
    edges: list[dict[str, Any]] = Field([], description="relations among them, with evidence")
    hidden: int = Field(0, description="pinned entities you may not (or no longer) see")


class RelationRef(BaseModel):
    source: Id
    type: RelationType
    target: Id


class NoteIn(BaseModel):
    entity_id: Id | None = Field(None, description="the entity the note is about (or give relation)")
    relation: RelationRef | None = None
    text: str = Field(min_length=1, max_length=10_000)
    handling: HandlingCode | None = Field(None, description="default: your clearance")


class NoteOut(BaseModel):
    note_id: str
    target: str
    author: str
    at: str
    text: str
    handling: str
    about: list[str]


class NewEntityIn(BaseModel):
    type: EntityType
    name: str = Field(min_length=1, max_length=300)
    identifiers: dict[str, str] = {}


class NewLinkIn(BaseModel):
    source: Id
    type: RelationType
    target: Id
    date: str | None = Field(None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="when it happened, if known")


class AnalystEntryIn(BaseModel):
    reason: str = Field(min_length=1, max_length=500, pattern=r"^[^\n]*$")
    handling: HandlingCode | None = Field(None, description="default: your clearance")
    grading: str | None = Field(None, max_length=20)
    entities: list[NewEntityIn] = Field([], max_length=100)
    links: list[NewLinkIn] = Field([], max_length=200)


class AnalystEntryOut(BaseModel):
    doc_id: str
    provenance: str
    handling: str | None
    entities: list[str]
    links: list[dict[str, str]]
    status: str = "written"
