"""Storage: one TinyDB JSON file per session, written crash-safely, locked while edited.

The UI talks to ``SessionStore`` and ``folder``; nothing above this package touches TinyDB or a
file path of a session's insides.
"""

from wijksessie.store.session_store import SessionStore

__all__ = ["SessionStore"]
