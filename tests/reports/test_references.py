"""Figures are references, formatted per language from one value."""

from __future__ import annotations

from heard.reports.references import Figure, fill, format_figure, references_in


def test_one_value_is_written_each_languages_way():
    figures = {"responses": Figure(1234.0), "code:prevention:percent": Figure(41.6, "percent")}
    text = "[[responses]] submissions; [[ code:prevention:percent ]] spoke of prevention."
    assert fill(text, figures, "en") == "1,234 submissions; 42% spoke of prevention."
    assert fill(text, figures, "fr") == "1\u202f234 submissions; 42\u202f% spoke of prevention."
    assert references_in(text + " [[responses]]") == ["responses", "code:prevention:percent"]


def test_small_counts_are_suppressed_in_both_languages():
    figure = Figure(3.0, suppressed=True, threshold=5)
    assert format_figure(figure, "en") == "fewer than 5"
    assert format_figure(figure, "fr") == "moins de 5"
