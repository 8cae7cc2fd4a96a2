"""Phrase banks for the analysis benchmark: development banks and frozen test banks."""
