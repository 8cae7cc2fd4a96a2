"""Run axe-core in a page. The script ships inside the axe-playwright-python wheel (no CDN)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@cache
def _axe_source() -> str:
    return resources.files("axe_playwright_python").joinpath("axe.min.js").read_text()


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """The WCAG 2.1 A and AA violations axe finds on the page as it is now."""
    page.wait_for_load_state()  # a page still loading has no document to check yet
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol, so the page's CSP (no inline script) allows it.
        page.evaluate(_axe_source())
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        WCAG_21_AA,
    )
    return [
        {"id": v["id"], "help": v["help"], "targets": [n["target"] for n in v["nodes"]]}
        for v in result["violations"]
    ]
