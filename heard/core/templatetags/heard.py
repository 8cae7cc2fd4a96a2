from __future__ import annotations

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import pgettext

from heard.core.logfilters import EMAIL
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


def _hidden() -> SafeString:
    # A plain word, so that a screen reader says "hidden" rather than a string of bullets.
    return format_html('<span class="masked">{}</span>', pgettext("masked personal data", "hidden"))


@register.filter
def contact(value: object, shown: bool) -> SafeString:
    """A person's name, e-mail address or phone number, for staff who may see it (the view passes
    `show_contact` from heard.consultations.access.may_see_contact_data); "hidden" for the others,
    and when the view said nothing."""
    if shown is True:
        return conditional_escape("" if value is None else str(value))
    return _hidden()


@register.filter
def contact_in_text(text: str, shown: bool) -> SafeString:
    """Free text (a mail server's error, say) with any e-mail address in it masked as `contact`
    does."""
    escaped = conditional_escape(text)
    if shown is True:
        return escaped
    # Escaping leaves addresses as they were (they hold no character HTML escapes).
    return mark_safe(EMAIL.sub(str(_hidden()), escaped))  # noqa: S308 - escaped above
