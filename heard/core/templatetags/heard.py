from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from heard.core.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str) -> SafeString:
    return render_markdown(text)


@register.filter
def get_count(counts: dict[str, int], key: str) -> int:
    return counts.get(key, 0) if counts else 0


@register.filter
def percent_of(value: int, total: int) -> int:
    """A width step (0, 5, …, 100) for the CSS bar charts: the CSP forbids inline styles."""
    if not total:
        return 0
    return min(100, round(100 * value / total / 5) * 5)
