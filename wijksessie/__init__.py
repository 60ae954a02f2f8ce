"""wijksessie: a terminal app that guides a neighbourhood network session."""

__version__ = "0.1.0"
