"""Vietnamese text helpers: labels, date lines, capitals, normalisation (pure functions)."""
