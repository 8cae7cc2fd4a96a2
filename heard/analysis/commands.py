"""`heard analyse` and `heard export-records`: the analysis engine from the command line.

`heard analyse` needs no database and no Django: it runs the engine on any file of records (from
Heard or from another tool), shows progress on standard error, and ends with a readable summary.
`heard export-records` is the bridge from a Heard consultation: it writes the consultation's
answers and session notes as a records file for `heard analyse`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any, TextIO

from heard.analysis.engine.meaning import AUTO_LIMIT as MEANING_LIMIT
from heard.analysis.engine.meaning import MODES as MEANING_MODES

PROGRESS_INTERVAL = 2.0  # seconds between two progress lines of the same stage


class ProgressPrinter:
    """Progress on a terminal (one line redrawn) or in a log (a line every few seconds)."""

    def __init__(
        self, stream: TextIO, *, interval: float = PROGRESS_INTERVAL, unit: str = "records"
    ) -> None:
        self.stream = stream
        self.unit = unit  # what a count without a total counts
        self.interval = interval
        self.started = time.monotonic()
        self.stage = ""
        self.stage_started = self.started
        self.last = 0.0
        self.redraw = False  # a warning was written under the stage's line: draw it again
        self.live = stream.isatty()

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        if stage == "done":
            self.close()
            self.stage = stage
            return
        now = time.monotonic()
        new_stage = stage != self.stage
        if new_stage and self.stage:
            self._line(self.stage, None, None, now, final=True)
        if new_stage:
            self.stage, self.stage_started = stage, now
        finished = total is not None and done >= total
        if new_stage or finished or self.redraw or now - self.last >= self.interval:
            self._line(stage, done, total, now, final=False)
            self.last, self.redraw = now, False

    def _line(
        self, stage: str, done: int | None, total: int | None, now: float, *, final: bool
    ) -> None:
        elapsed = now - self.stage_started
        if final:
            text = f"  {stage}: finished in {elapsed:.1f} s"
        elif total and total > 1:
            share = 100 * done / total if done is not None else 0
            text = f"  {stage}: {done:,} of {total:,} ({share:.0f}%), {elapsed:.1f} s"
        elif total == 1:
            if done:
                return  # the "finished in" line follows
            text = f"  {stage}…"
        else:
            text = f"  {stage}: {done:,} {self.unit}, {elapsed:.1f} s"
        if self.live:
            end = "\n" if final else ""
            self.stream.write("\r\033[K" + text + end)
        else:
            self.stream.write(text + "\n")
        self.stream.flush()

    def note(self, text: str) -> None:
        """A line of its own (a warning) between progress lines, not drawn over by them."""
        if self.live:
            self.stream.write("\r\033[K")
        self.stream.write(text + "\n")
        self.stream.flush()
        self.redraw = self.live  # on a terminal, the stage's line again at its next report

    def close(self) -> None:
        if self.stage and self.stage != "done":
            self._line(self.stage, None, None, time.monotonic(), final=True)
        elif self.live:
            self.stream.write("\r\033[K")
        self.stream.flush()


def _shorten(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _label_name(summary: dict[str, Any], label: str) -> str:
    for code in summary["codes"]:
        if code["key"] == label:
            return f"{code['name']['en']} ({label})"
    for theme in summary["themes"].get("themes", []):
        if theme["id"] == label:
            return f"theme {label}: " + ", ".join(theme["key_phrases"].get("en", [])[:3])
    return label


def format_summary(summary: dict[str, Any], out_dir: Path, elapsed: float) -> str:
    """The readable summary printed at the end of `heard analyse`, from summary.json."""
    lines: list[str] = []
    records = summary["records"]
    lines.append(
        f"Analysed {records['raw']:,} records ({records['deduplicated']:,} with each campaign "
        f"counted once) in {elapsed:.1f} s."
    )
    languages = ", ".join(
        f"{language} {counts['raw']:,}" for language, counts in summary["languages"].items()
    )
    lines.append(f"Languages: {languages or 'none'}.")
    redactions = ", ".join(f"{kind} {count:,}" for kind, count in summary["redactions"].items())
    lines.append(f"Personal information redacted: {redactions or 'none found'}.")
    campaigns = summary["campaigns"]
    lines.append(f"Campaigns: {len(campaigns):,}.")
    for campaign in campaigns[:5]:
        lines.append(
            f"  {campaign['id']} {campaign['kind']}, {campaign['size']:,} records: "
            f"“{_shorten(campaign['canonical'], 70)}”"
        )
    coded = [code for code in summary["codes"] if code["records"]["raw"]]
    if not summary["codes"]:
        lines.append("Codes: none (the codebook has no codes), so only themes were looked for.")
    else:
        lines.append(f"Codes assigned: {len(coded)} of {len(summary['codes'])}. Most frequent:")
        ranked = sorted(coded, key=lambda code: (-code["records"]["raw"], code["key"]))
        for code in ranked[:10]:
            counts = code["records"]
            lines.append(
                f"  {code['name']['en']} ({code['key']}): {counts['raw']:,} records, "
                f"{counts['deduplicated']:,} deduplicated"
            )
    themes = summary["themes"].get("themes", [])
    lines.append(f"Candidate themes beyond the codebook: {len(themes)}.")
    for theme in themes[:8]:
        phrases = theme["key_phrases"]
        words = "; ".join(
            part
            for part in (", ".join(phrases.get("en", [])[:4]), ", ".join(phrases.get("fr", [])[:4]))
            if part
        )
        lines.append(f"  {theme['id']} ({theme['size']:,} records): {words}")
    change = summary.get("emerging")
    if change is not None:
        rising = [item for item in change if item["change"] in ("new", "rising")]
        falling = [item for item in change if item["change"] == "declining"]
        lines.append(
            f"Against the baseline: {len(rising)} emerging (new or rising), "
            f"{len(falling)} declining."
        )
        for item in rising[:8]:
            before = item["baseline"]["share"] if item["baseline"] else None
            was = f"{before:.1%}" if before is not None else "not coded"
            lines.append(
                f"  {_label_name(summary, item['label'])}: {was} → {item['current']['share']:.1%}"
            )
    quoted = sum(len(entry["quotes"]) for entry in summary["quotes"].values())
    lines.append(f"Quotes chosen: {quoted:,}, from records with consent to publish.")
    if summary["to_code_next"]:
        shown = ", ".join(summary["to_code_next"][:10])
        more = " …" if len(summary["to_code_next"]) > 10 else ""
        lines.append(f"Code these next for the most gain: {shown}{more}")
    written = ", ".join(str(out_dir / name) for name in ("records.jsonl", "summary.json"))
    lines.append(f"Wrote {written} and {out_dir / 'manifest.json'}.")
    return "\n".join(lines)


def cmd_analyse(args: argparse.Namespace) -> int:
    from heard.analysis.engine.codebook import CodebookError
    from heard.analysis.engine.pipeline import PipelineError, run
    from heard.analysis.engine.records import RecordError

    out_dir = Path(args.out)
    printer = ProgressPrinter(sys.stderr)
    print(f"heard analyse: {args.input} → {out_dir}", file=sys.stderr)

    def warn(text: str) -> None:
        printer.note(f"heard analyse: warning: {text}")

    started = time.monotonic()
    try:
        run(
            args.input,
            out_dir,
            codebook=args.codebook,
            coded=args.coded,
            baseline=args.baseline,
            seed=args.seed,
            workers=args.workers,
            threshold=args.threshold,
            meaning=args.meaning,
            segments=args.segments.split(",") if args.segments else None,
            consent_field=args.consent_field,
            progress=printer,
            warn=warn,
        )
    except (RecordError, CodebookError, PipelineError) as error:
        printer.close()
        print(f"heard analyse: {error}\nNothing was written.", file=sys.stderr)
        return 2
    printer.close()
    summary = json.loads((out_dir / "summary.json").read_text(encoding="utf-8"))
    print(format_summary(summary, out_dir, time.monotonic() - started))
    return 0


def cmd_export_records(args: argparse.Namespace) -> int:
    from heard.core.commandline import setup_django

    setup_django()
    from heard.analysis.collect import consultation_records
    from heard.analysis.engine.prepare import dumps
    from heard.consultations.selectors import UnknownConsultation, consultation_by_key
    from heard.core.private_files import open_private_text

    try:
        consultation = consultation_by_key(args.consultation)
    except UnknownConsultation as error:
        print(f"heard export-records: {error}", file=sys.stderr)
        return 2
    target = Path(args.out)
    # The file holds the original answers: readable by its owner only, like a key file.
    count = 0
    with open_private_text(target) as handle:
        for record in consultation_records(consultation):
            handle.write(dumps(record) + "\n")
            count += 1
    print(
        f"Wrote {count:,} records to {target}. It holds the original answers and notes, "
        "unredacted: keep it as safe as the database, and delete it after `heard analyse`."
    )
    return 0


def _probability(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0 < value < 1:
        raise argparse.ArgumentTypeError(f"{text} is not between 0 and 1 (say 0.5)")
    return value


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} is not 1 or more")
    return value


def add_commands(commands: Any) -> None:
    """Add `analyse` and `export-records` to the `heard` command's sub-parsers."""
    analyse = commands.add_parser(
        "analyse",
        help="analyse a file of records offline: redaction, campaigns, codes, themes, quotes",
        description=(
            "Analyse answers or notes from a JSONL, CSV or XLSX file of records ({id, text, "
            "...metadata}). Runs offline; writes records.jsonl, summary.json and manifest.json "
            "to --out. See docs/analysis/engine.md for the formats."
        ),
    )
    analyse.add_argument("input", help="records: .jsonl, .csv or .xlsx with id and text columns")
    analyse.add_argument(
        "--codebook", required=True, help="the codebook: .yaml, .toml, .json or REFI-QDA .qdc"
    )
    analyse.add_argument(
        "--coded", help="analyst-coded examples: .jsonl {id, codes} or .csv id,codes (a;b)"
    )
    analyse.add_argument(
        "--baseline", help="an earlier consultation or period, same formats as INPUT"
    )
    analyse.add_argument("--out", required=True, help="folder for the three output files")
    analyse.add_argument("--seed", type=int, default=2018, help="random seed (2018)")
    analyse.add_argument(
        "--workers", type=_positive, default=os.cpu_count() or 1, help="processes (all cores)"
    )
    analyse.add_argument(
        "--threshold", type=_probability, default=0.5, help="confidence to assign a code (0.5)"
    )
    analyse.add_argument(
        "--meaning",
        choices=MEANING_MODES,
        default="auto",
        help="code, and find themes, by the answers' meaning as well as their words, with the "
        "bundled sentence "
        f"model: 'auto' (default) up to {MEANING_LIMIT:,} distinct texts (about ten a "
        "second); 'on' always; 'off' words only",
    )
    analyse.add_argument(
        "--segments",
        help="comma-separated metadata fields to compare (default: source, question, sector, "
        "region, event, channel when present; the language always)",
    )
    analyse.add_argument(
        "--consent-field",
        default="consent",
        help="metadata field that must be true for a record to be quoted (consent)",
    )
    analyse.set_defaults(func=cmd_analyse)

    exporter = commands.add_parser(
        "export-records",
        help="write a consultation's answers and session notes as records for `heard analyse`",
    )
    exporter.add_argument(
        "consultation", help="the consultation's key, e.g. human-trafficking-2018"
    )
    exporter.add_argument("--out", required=True, help="the .jsonl file to write")
    exporter.set_defaults(func=cmd_export_records)
