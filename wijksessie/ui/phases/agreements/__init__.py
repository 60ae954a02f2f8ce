"""Phase 4, "Afspraken": basic agreements and the consent round that adopts them."""
