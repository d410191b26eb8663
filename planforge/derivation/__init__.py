"""Derivation: a lower unit's plan drafted from the higher one (pure functions)."""
