"""Read the values a rendered HTML form would send, the way a browser would submit it unchanged.

Tests of edit screens post back exactly what the page showed, with one field changed, so that a
screen that drops or ignores a field cannot pass by accident.
"""

from __future__ import annotations

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self, form_index: int) -> None:
        super().__init__(convert_charrefs=True)
        self.form_index = form_index
        self.forms_seen = -1
        self.inside = False
        self.values: list[tuple[str, str]] = []
        self._select: str | None = None
        self._select_first: str | None = None
        self._select_chosen = False
        self._option_value: str | None = None
        self._option_text: list[str] = []
        self._pending_selected = False
        self._textarea: str | None = None
        self._textarea_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        if tag == "form":
            self.forms_seen += 1
            self.inside = self.forms_seen == self.form_index
            return
        if not self.inside:
            return
        name = found.get("name")
        if tag == "input" and name:
            kind = found.get("type", "text").lower()
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio"):
                if "checked" in found:
                    self.values.append((name, found.get("value", "on")))
                return
            self.values.append((name, found.get("value", "")))
        elif tag == "select" and name:
            self._select, self._select_first, self._select_chosen = name, None, False
        elif tag == "option" and self._select is not None:
            self._option_value = found.get("value")
            self._option_text = []
            self._pending_selected = "selected" in found
            self._select_chosen = self._select_chosen or self._pending_selected
        elif tag == "textarea" and name:
            self._textarea, self._textarea_text = name, []

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._textarea_text.append(data)
        elif self._option_value is not None or self._select is not None:
            self._option_text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.inside = False
        elif tag == "option" and self._select is not None:
            value = self._option_value
            if value is None:
                value = "".join(self._option_text).strip()
            if self._select_first is None:
                self._select_first = value
            if self._pending_selected:
                self.values.append((self._select, value))
            self._option_value = None
        elif tag == "select" and self._select is not None:
            if not self._select_chosen and self._select_first is not None:
                self.values.append((self._select, self._select_first))
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            text = "".join(self._textarea_text)
            # HTML drops one newline right after <textarea>.
            self.values.append((self._textarea, text[1:] if text.startswith("\n") else text))
            self._textarea = None


def form_values(html: str, form_index: int = 0) -> dict[str, str | list[str]]:
    """The name/value pairs the `form_index`-th form on the page submits (lists for repeats)."""
    reader = _FormReader(form_index)
    reader.feed(html)
    values: dict[str, str | list[str]] = {}
    for name, value in reader.values:
        if name in values:
            existing = values[name]
            values[name] = [*existing, value] if isinstance(existing, list) else [existing, value]
        else:
            values[name] = value
    return values


def form_index_with(html: str, field: str) -> int:
    """The position of the first form on the page that has a field called `field`."""
    for index in range(html.count("<form")):
        if field in form_values(html, index):
            return index
    raise AssertionError(f"no form on the page has a field called {field!r}")
