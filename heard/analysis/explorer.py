"""The findings explorer's reads: prevalence of each code and theme by segment, from a run's
summary, and the geometry of its charts (drawn on the server as SVG, each beside its table).

The figures are the engine's (codes it gave, and people's where they taught it), raw or with each
campaign counted once, with 95% Wilson intervals; a flagged cell differs significantly from the
rest of its segment after Benjamini-Hochberg correction (docs/analysis/engine.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SEGMENTS = ("source", "question", "sector", "region", "event", "language", "channel")
BASES = ("deduplicated", "raw")
CHART_WIDTH = 640
BAR_HEIGHT = 22
LABEL_WIDTH = 220
PLOT_WIDTH = CHART_WIDTH - LABEL_WIDTH - 60


@dataclass(frozen=True)
class Cell:
    value: str
    n: int
    count: int
    share: float | None
    low: float | None
    high: float | None
    flagged: bool = False
    direction: str | None = None
    records: int = 0  # every record holding the label: what a link to the records opens


@dataclass
class Row:
    label: str
    name: str
    overall: Cell
    cells: list[Cell] = field(default_factory=list)


@dataclass(frozen=True)
class Bar:
    """One bar of a chart: its segment value, where it sits, and its interval's whisker."""

    value: str
    text: str
    y: int
    width: float
    low: float
    high: float
    flagged: bool


@dataclass(frozen=True)
class Chart:
    height: int
    bars: list[Bar]
    ticks: list[tuple[float, str]]
    label_width: int = LABEL_WIDTH
    plot_width: int = PLOT_WIDTH


def _cell(
    value: str, counts: dict[str, Any], label: str, comparison: dict[str, Any], raw: dict[str, Any]
) -> Cell:
    entry = counts.get("labels", {}).get(label, {})
    records = raw.get("labels", {}).get(label, {}).get("count", 0)
    interval = entry.get("ci") or [None, None]
    return Cell(
        value=value,
        n=counts.get("n", 0),
        count=entry.get("count", 0),
        share=entry.get("share"),
        low=interval[0],
        high=interval[1],
        flagged=bool(comparison.get("flagged")),
        direction=comparison.get("direction"),
        records=records,
    )


def table(
    summary: dict[str, Any], names: dict[str, str], segment: str, basis: str
) -> tuple[list[str], list[Row]]:
    """The segment's values, and a row per label: overall, then each value."""
    prevalence = summary.get("prevalence") or {}
    values_data = prevalence.get("segments", {}).get(segment, {}).get("values", {})
    values = sorted(values_data)
    rows = []
    for label in prevalence.get("parameters", {}).get("labels", []):
        overall = _cell("", prevalence["overall"][basis], label, {}, prevalence["overall"]["raw"])
        if not overall.count:
            continue
        row = Row(label, names.get(label, label), overall)
        for value in values:
            data = values_data[value]
            row.cells.append(
                _cell(
                    value,
                    data[basis],
                    label,
                    data.get("comparisons", {}).get(label, {}),
                    data["raw"],
                )
            )
        rows.append(row)
    return values, rows


def decimal(value: float | None, french: bool) -> str:
    """A share as the page shows it: two decimals, a decimal comma in French."""
    if value is None:
        return "—"
    text = f"{value:.2f}"
    return text.replace(".", ",") if french else text


@dataclass(frozen=True)
class Shown:
    """A cell ready for the template: the texts and the link, made once in Python (the table has
    hundreds of cells; template filters and URL reversing per cell made the page slow)."""

    cell: Cell
    share: str
    interval: str
    link: str


def shown(cell: Cell, french: bool, link: str) -> Shown:
    return Shown(
        cell,
        decimal(cell.share, french),
        f"{decimal(cell.low, french)}–{decimal(cell.high, french)}",
        link,
    )


def chart(row: Row, labels: dict[str, str]) -> Chart:
    """Horizontal bars, one per segment value, with the interval as a whisker; 0-100%."""
    bars = []
    for index, cell in enumerate(row.cells):
        if cell.share is None:
            continue
        bars.append(
            Bar(
                value=cell.value,
                text=labels.get(cell.value, cell.value),
                y=index * (BAR_HEIGHT + 6) + 4,
                width=round(cell.share * PLOT_WIDTH, 1),
                low=round((cell.low or 0) * PLOT_WIDTH, 1),
                high=round((cell.high or 0) * PLOT_WIDTH, 1),
                flagged=cell.flagged,
            )
        )
    height = len(row.cells) * (BAR_HEIGHT + 6) + 28
    ticks = [
        (round(share * PLOT_WIDTH, 1), f"{round(share * 100)} %")
        for share in (0, 0.25, 0.5, 0.75, 1)
    ]
    return Chart(height=height, bars=bars, ticks=ticks)


def emerging(summary: dict[str, Any], names: dict[str, str]) -> list[dict[str, Any]]:
    return [
        {**item, "name": names.get(item["label"], item["label"])}
        for item in summary.get("emerging") or []
    ]
