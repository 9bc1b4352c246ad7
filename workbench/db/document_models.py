"""The papers Nav sends with a case (issue 16): the oversendelse's PDFs, kept with the case, and where each
fact of an import from them came from.

``CaseDocument``: one uploaded PDF — the bytes as received, their SHA-256, the sanitised file name, pages,
the class (vedtak, klage, oversendelsesbrev, annet; the jurist may correct it) and what the reader found in it
(``extracted``: the import format's shape, each leaf ``{"value", "page", "line"}``; ``workbench.extract``; and,
under ``services.case_documents.READING``, the read those came from, so the page view needs no second OCR).
Until the case exists the documents of one upload share an opaque ``intake`` token and have no ``case_id``;
the import that creates the case sets it, in the same transaction (``services.case_documents``).

``ImportProvenance``: per field of the imported document, whether it was extracted (document, page, line),
corrected by the jurist, or typed — one row per case imported from papers.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Column, LargeBinary
from sqlmodel import Field, SQLModel

from workbench.db.models import new_public_id, utcnow


class DocumentClass(StrEnum):
    VEDTAK = "vedtak"
    KLAGE = "klage"
    OVERSENDELSESBREV = "oversendelsesbrev"
    ANNET = "annet"


DOCUMENT_CLASS_LABELS = {
    DocumentClass.VEDTAK.value: "Vedtak",
    DocumentClass.KLAGE.value: "Klage",
    DocumentClass.OVERSENDELSESBREV.value: "Oversendelsesbrev",
    DocumentClass.ANNET.value: "Annet",
}


class CaseDocument(SQLModel, table=True):
    """One PDF of the oversendelse (see the module docstring). Addressed in URLs by ``public_id`` only."""

    __tablename__ = "case_documents"

    id: int | None = Field(default=None, primary_key=True)
    public_id: str = Field(default_factory=new_public_id, max_length=32, unique=True, index=True)
    intake: str = Field(max_length=32, index=True)  # the upload it came with (opaque)
    case_id: int | None = Field(default=None, foreign_key="cases.id", index=True)
    filename: str = Field(max_length=150)
    size: int
    sha256: str = Field(max_length=64)
    pages: int
    doc_class: str = Field(max_length=20)  # DocumentClass
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    extracted: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    uploaded_by_id: int | None = Field(default=None, foreign_key="users.id")
    uploaded_at: datetime = Field(default_factory=utcnow)


class ImportProvenance(SQLModel, table=True):
    """Where each field of a case's imported document came from: ``fields`` maps the document path
    (``payments[0].net``) to ``{"source": "extracted" | "corrected" | "typed", "document": public id,
    "page": n, "line": n, "extracted": the value read (corrected only)}``."""

    __tablename__ = "import_provenance"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="cases.id", unique=True, index=True)
    fields: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)
