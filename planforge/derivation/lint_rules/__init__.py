"""The derivation lint's rules; importing the package registers them (L1 …)."""

from planforge.derivation.lint_rules import levels, structure, wording

__all__ = ["levels", "structure", "wording"]
