"""Storage: one TinyDB JSON file per session, written crash-safely, locked while edited.

The UI talks to ``SessionStore`` and ``folder``; nothing above this package touches TinyDB or a
file path of a session's insides.

``SessionStore`` is loaded on first use (PEP 562): the start screen needs only ``folder`` and
``settings``, and should not wait for TinyDB and the file lock to import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wijksessie.store.session_store import SessionStore

__all__ = ["SessionStore"]


def __getattr__(name: str) -> Any:
    if name == "SessionStore":
        from wijksessie.store.session_store import SessionStore

        return SessionStore
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
