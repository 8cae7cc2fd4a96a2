"""Cells of a spreadsheet or CSV file Heard writes: one that starts like a formula (=, +, -, @,
a tab or a carriage return) is written with a leading quote, so that Excel or LibreOffice shows
it as text instead of running it (CSV injection)."""

from __future__ import annotations

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: str) -> str:
    """Neutralise spreadsheet formulas: a cell that starts like one is prefixed with a quote."""
    return "'" + value if value.startswith(FORMULA_START) else value
