"""Use cases per noun; the only layer that commits."""
