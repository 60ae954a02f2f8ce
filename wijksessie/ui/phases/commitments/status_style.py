"""How a commitment's status looks in every list of this phase (the list and the review round)."""

from __future__ import annotations

from wijksessie.domain.model import CommitmentStatus

STATUS_STYLE = {
    CommitmentStatus.OPEN: "bold",
    CommitmentStatus.BUSY: "bold yellow",
    CommitmentStatus.DONE: "green",
    CommitmentStatus.DROPPED: "dim strike",
}
"""A status's style: open stands out, busy is yellow, done green, dropped struck through."""
