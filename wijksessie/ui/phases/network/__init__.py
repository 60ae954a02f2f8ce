"""Phase 2, "Wie doet wat": the panes that map the network and the views that read it."""
