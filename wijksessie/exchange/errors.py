"""The errors an import or export can meet, each with one line in the user's language."""

from __future__ import annotations

from wijksessie.errors import WijksessieError


class ExchangeFileError(WijksessieError):
    """A file cannot be read or written: missing, empty, foreign, broken or locked."""


class ColumnMappingError(WijksessieError, ValueError):
    """A hand-made column mapping names a field that does not exist (or is written wrongly)."""


class ImportRefusedError(WijksessieError):
    """The import was read but is not applied: bad rows, or far more than one session holds."""
