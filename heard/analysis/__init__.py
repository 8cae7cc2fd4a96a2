"""Analysis: the Django side (runs, codebooks, review) and, in `engine`, the pure engine."""
