"""What lives as long as an open session is kept out of the garbage collector's way.

Python's cyclic garbage collector now and then walks every object the process holds (a full
collection). With the large session open that is the store's documents and entities, the
screen's widgets and Textual's caches: 40 ms on a quiet machine, more on a busy one, and it
falls in the middle of whatever allocates most, such as showing a phase the first time or
adding a participant. The small session's full collection is a third of that, so it made the
large session look slower than its own work (issue 20: phase 2 ran 1.1× the small session
without a collection and 1.5-2.8× with one).

``gc.freeze`` moves every object tracked so far into a generation the collector leaves alone
(a constant-time splice of two lists), so later collections walk only what was made since. The
session screen does it when it is made (the session just read from its file: reading 2,000
documents set off a full collection while the screen was built, 110-180 ms of opening the
large session in the benchmark's process, 300 ms of CPU without it against 450), after its
first paint, and after each phase's first paint.
Reference counting still frees what the session lets go of; only objects in cycles that
become garbage wait, and ``release`` hands them all back when the session closes, so nothing
frozen outlives it.

The app's start is kept out of the collector's way too (``hold_collections``): from the moment
the app runs until its first screen is painted, it makes hundreds of thousands of objects
(styles, widgets, their caches) and keeps nearly all of them, so the young collections that
ran every 700 of them, and every tenth of those over everything young, found nothing to free:
about 20 ms of CPU of a cold open of the large session (issue 20). After the first paint the
collector runs again (``started``), with what the start made frozen out of its way.
"""

from __future__ import annotations

import gc


def settle_in() -> None:
    """Leave everything alive now out of later collections (the session's data, its screen)."""
    gc.freeze()


def hold_collections() -> None:
    """The app starts: no collection until its first screen is painted (``started``)."""
    gc.disable()


def started() -> None:
    """The first screen is painted: freeze what the start made, and collect again."""
    gc.freeze()
    gc.enable()


def stopped() -> None:
    """The app stops, perhaps before its first paint: the collector sees everything again."""
    gc.unfreeze()
    gc.enable()


def release(*, collect: bool) -> None:
    """Let the collector see everything again: the session closed, its objects may go.

    ``collect`` (the facilitator went back to the start screen) collects them at once, while
    nobody types: otherwise the closed session's cycles would wait for a full collection at
    some later moment, or be frozen with the next session opened, until that one closes too.
    An app that quits leaves that to the end of the process.
    """
    gc.unfreeze()
    if collect:
        gc.collect()
