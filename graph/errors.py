"""One root error for the whole product, with specific subclasses.

The API maps these to HTTP statuses in one table (``api/errors.py``); the CLI turns them
into one-line messages with a non-zero exit code.
"""

from __future__ import annotations


class HavengraphError(Exception):
    """Root of every error Havengraph raises on purpose."""

    #: HTTP status the API answers with.
    status = 400


class InvalidSchema(HavengraphError):
    """The schema file is inconsistent (unknown type, bad endpoint...)."""

    status = 500


class InvalidInput(HavengraphError):
    """A value given by the user is malformed (bad type name, bad depth...)."""

    status = 422


class EntityNotFound(HavengraphError):
    """No entity with that id in the store."""

    status = 404


class DocumentNotFound(HavengraphError):
    """No document with that id in the store."""

    status = 404


class NoPath(HavengraphError):
    """The two entities are not connected within the allowed depth."""

    status = 404


class StoreUnavailable(HavengraphError):
    """The store URL cannot be opened or the server does not answer."""

    status = 503


class UnsupportedStore(HavengraphError):
    """The store URL has a scheme Havengraph does not know."""

    status = 400


class UnreadableDocument(HavengraphError):
    """A case file could not be read (corrupt, encrypted, empty, unsupported...)."""

    status = 422


class Forbidden(HavengraphError):
    """The caller's role or clearance does not allow this."""

    status = 403


class Unauthorized(HavengraphError):
    """No or unknown API key."""

    status = 401


class TooManyRequests(HavengraphError):
    """Too many requests or jobs at once; the message says when to try again."""

    status = 429


class RecordNotFound(HavengraphError):
    """No saved investigation or note with that id (or not one the user may see)."""

    status = 404


class ToolUnavailable(HavengraphError):
    """A program an export needs (headless Chromium for PDF) is not installed or failed."""

    status = 503
