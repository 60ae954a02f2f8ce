"""Phase 3, "Doelen": shared goals and the dot-voting round that ranks them."""
