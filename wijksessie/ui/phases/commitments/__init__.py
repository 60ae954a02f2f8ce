"""Phase 5, "Toezeggingen": who does what, for which goal, by when."""
