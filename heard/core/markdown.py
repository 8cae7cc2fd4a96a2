"""Markdown written by staff, rendered safely: raw HTML is escaped, unsafe links are dropped."""

from __future__ import annotations

from functools import cache

from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt


@cache
def _renderer() -> MarkdownIt:
    # CommonMark with raw HTML turned off; markdown-it refuses javascript:, vbscript: and
    # non-image data: links on its own (validateLink).
    return MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})


def render_markdown(text: str, *, top_heading: int = 3) -> SafeString:
    """Render `text`; its headings start at `top_heading` so they sit under the page's own h2s."""
    renderer = _renderer()
    tokens = renderer.parse(text or "")
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            level = int(token.tag[1]) + top_heading - 1
            token.tag = f"h{min(level, 6)}"
    html = renderer.renderer.render(tokens, renderer.options, {})
    return mark_safe(html)  # noqa: S308 - raw HTML is disabled in the renderer
