"""Markdown written by staff, rendered safely: raw HTML is escaped, unsafe links are dropped."""

from __future__ import annotations

from functools import cache, lru_cache

from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt


@cache
def _renderer() -> MarkdownIt:
    # CommonMark with raw HTML turned off; markdown-it refuses javascript:, vbscript: and
    # non-image data: links on its own (validateLink).
    return MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})


# Texts up to this long are kept once rendered: a questionnaire's privacy notice is rendered on
# every respondent's first page, a consultation's texts on every visit of its page, and parsing
# took a quarter of the privacy page's time. Longer texts (report sections) are rendered each time.
_KEPT_UP_TO = 16_000


def render_markdown(text: str, *, top_heading: int = 3) -> SafeString:
    """Render `text`; its headings start at `top_heading` so they sit under the page's own h2s."""
    text = text or ""
    html = _kept(text, top_heading) if len(text) <= _KEPT_UP_TO else _render(text, top_heading)
    return mark_safe(html)  # noqa: S308 - raw HTML is disabled in the renderer


@lru_cache(maxsize=512)
def _kept(text: str, top_heading: int) -> str:
    return _render(text, top_heading)


def _render(text: str, top_heading: int) -> str:
    renderer = _renderer()
    tokens = renderer.parse(text)
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            level = int(token.tag[1]) + top_heading - 1
            token.tag = f"h{min(level, 6)}"
    return str(renderer.renderer.render(tokens, renderer.options, {}))
