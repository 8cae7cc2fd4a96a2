"""The engine pipeline (heard.analysis.engine.pipeline): no database, no Django."""

from __future__ import annotations

import hashlib
import itertools
import json
import random
import threading
from pathlib import Path

import pytest

from heard.analysis.engine import pipeline, prepare
from heard.analysis.engine.records import RecordError
from heard.analysis.engine.redact import luhn_valid
from tests.analysis.test_pipeline_stages import ONLINE, _records, _texts, _write
from tests.conftest import DEMO

# The analysis engine alone (no database): CI runs these on SQLite and on Python 3.13, not again
# on PostgreSQL.
pytestmark = pytest.mark.engine

CODEBOOK = DEMO / "codebook.yaml"

FIRST = ["Marie", "Jean", "Chantal", "Kwame", "Sophie", "Olivier", "Amira", "David"]
LAST = ["Tremblay", "Gagnon", "Bouchard", "Osei", "Lavoie", "Fortin", "Haddad", "Morrison"]
# Words for varied genuine answers, so that only the planted campaign groups records.
WORDS = {
    "en": (
        ["Survivors", "Young workers", "Migrant women", "Families", "Students", "Elders"],
        ["need", "lack", "rarely find", "ask for", "struggle to reach", "depend on"],
        ["safe housing", "legal advice", "trauma counselling", "translated forms", "job training"],
        ["in remote towns", "near the border", "after they testify", "during the winter"],
        ["and nobody follows up", "while funding keeps shrinking", "because services are far"],
    ),
    "fr": (
        ["Les survivantes", "Les jeunes", "Les travailleuses", "Les familles", "Les aînés"],
        ["manquent de", "réclament", "cherchent", "attendent", "dépendent de"],
        ["logements sûrs", "conseils juridiques", "soutien psychologique", "formulaires traduits"],
        ["dans les villages", "près de la frontière", "après leur témoignage", "en hiver"],
        ["et personne ne fait de suivi", "alors que le financement baisse", "faute de moyens"],
    ),
}


def _sentence(rng: random.Random, language: str) -> str:
    return " ".join(rng.choice(part) for part in WORDS[language]) + "."


CAMPAIGN = (
    "As members of the coalition, we ask the government to fund a national hotline for "
    "survivors of trafficking. We also ask for stable funding for shelters in every province."
)


def _sin(rng: random.Random) -> str:
    while True:
        digits = "".join(str(rng.randrange(10)) for _ in range(9))
        if digits[0] not in "08" and luhn_valid(digits):
            return f"{digits[:3]} {digits[3:6]} {digits[6:]}"


def _postal(rng: random.Random) -> str:
    first, other = "ABCEGHJKLMNPRSTVXY", "ABCEGHJKLMNPRSTVWXYZ"
    return (
        f"{rng.choice(first)}{rng.randrange(10)}{rng.choice(other)} "
        f"{rng.randrange(10)}{rng.choice(other)}{rng.randrange(10)}"
    )


def make_fixture(path: Path, seed: int = 5) -> tuple[list[str], list[str]]:
    """~300 bilingual records, one in five with planted personal information, and a campaign of
    25 exact copies. Returns (planted strings, original texts holding them)."""
    rng = random.Random(seed)
    records = []
    planted: list[str] = []
    originals: list[str] = []
    for index in range(275):
        french = index % 2 == 1
        language = "fr" if french else "en"
        text = f"{_sentence(rng, language)} {_sentence(rng, language)}"
        if index % 5 == 0:
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            user = name.lower().replace(" ", ".")
            email = f"{user}{index}@example.ca"
            phone = f"613-555-{index:04d}"
            postal, sin = _postal(rng), _sin(rng)
            if french:
                extra = (
                    f" Je m'appelle {name}, écrivez à {email} ou au {phone}, "
                    f"code postal {postal}, mon NAS est {sin}."
                )
            else:
                extra = (
                    f" My name is {name}, write to {email} or call {phone}, "
                    f"postal code {postal}, my SIN is {sin}."
                )
            text += extra
            planted += [name, email, phone, postal, sin]
            originals.append(text)
        records.append(
            {
                "id": f"R{index:04d}",
                "text": text,
                "region": rng.choice(["NU", "QC", "ON", "BC"]),
                "language": "declared",  # collides with an output key: kept as input_language
            }
        )
    for copy in range(25):
        records.append({"id": f"K{copy:03d}", "text": CAMPAIGN, "region": "ON"})
    rng.shuffle(records)
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return planted, originals


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    base = tmp_path_factory.mktemp("pipeline")
    source = base / "answers.jsonl"
    planted, originals = make_fixture(source)
    calls: list[tuple[str, int, int | None]] = []
    # Words only: the sentence model reads a few dozen texts a second; the runs with meaning
    # have a smaller test of their own below.
    first = pipeline.run(
        source,
        base / "a",
        codebook=CODEBOOK,
        workers=2,
        meaning="off",
        progress=lambda *args: calls.append(args),
    )
    pipeline.run(source, base / "b", codebook=CODEBOOK, workers=1, meaning="off")
    return {
        "base": base,
        "source": source,
        "planted": planted,
        "originals": originals,
        "summary": first,
        "calls": calls,
    }


def _files(directory: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(directory.iterdir())}


def test_only_the_three_outputs_are_left(runs):
    assert sorted(_files(runs["base"] / "a")) == ["manifest.json", "records.jsonl", "summary.json"]


def test_two_runs_are_byte_identical_whatever_the_number_of_workers(runs):
    first, second = _files(runs["base"] / "a"), _files(runs["base"] / "b")
    assert first["records.jsonl"] == second["records.jsonl"]
    assert first["summary.json"] == second["summary.json"]
    manifests = [json.loads(files["manifest.json"]) for files in (first, second)]
    assert [manifest["parameters"].pop("workers") for manifest in manifests] == [2, 1]
    assert manifests[0] == manifests[1]


def test_no_personal_information_or_original_text_in_any_output(runs):
    assert len(runs["planted"]) == 5 * 55
    for name, data in _files(runs["base"] / "a").items():
        text = data.decode("utf-8")
        for item in runs["planted"]:
            assert item not in text, (name, item)
        for original in runs["originals"]:
            assert original not in text
            assert json.dumps(original, ensure_ascii=False)[1:-1] not in text


def test_records_file_in_input_order_with_all_fields(runs):
    lines = (runs["base"] / "a" / "records.jsonl").read_text(encoding="utf-8").splitlines()
    source = [json.loads(line) for line in runs["source"].read_text().splitlines()]
    assert [json.loads(line)["id"] for line in lines] == [record["id"] for record in source]
    for line in lines:
        record = json.loads(line)
        assert list(record) == sorted(record)
        assert "text" not in record
        assert record["language"] in ("en", "fr", "und")
        if record["id"].startswith("R"):
            assert record["input_language"] == "declared"
            assert record["region"] in ("NU", "QC", "ON", "BC")
        if "[SIN]" in record["text_redacted"]:
            kinds = {span["kind"] for span in record["redactions"]}
            assert {"EMAIL", "PHONE", "POSTAL_CODE", "SIN", "NAME"} <= kinds


def test_campaign_found_and_counted_once(runs):
    summary = json.loads((runs["base"] / "a" / "summary.json").read_text(encoding="utf-8"))
    assert [(c["kind"], c["size"]) for c in summary["campaigns"]] == [("exact", 25)]
    assert summary["campaigns"][0]["canonical"] == CAMPAIGN
    assert summary["records"] == {"raw": 300, "deduplicated": 276}
    records = [
        json.loads(line) for line in (runs["base"] / "a" / "records.jsonl").read_text().splitlines()
    ]
    copies = [record for record in records if record["id"].startswith("K")]
    assert len({record["campaign"] for record in copies}) == 1
    assert copies[0]["campaign"] is not None
    assert all(record["added_text"] == "" for record in copies)
    assert summary["redactions"]["SIN"] == 55
    assert sum(value["raw"] for value in summary["languages"].values()) == 300
    assert runs["summary"].records == 300
    assert runs["summary"].campaigns == 1
    assert runs["summary"].records_deduplicated == 276


def test_manifest_hashes_match_and_hold_no_paths(runs):
    out = runs["base"] / "a"
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    for name, digest in manifest["outputs"].items():
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == digest
    assert sorted(manifest["outputs"]) == ["records.jsonl", "summary.json"]
    assert manifest["inputs"]["input"] == {
        "name": "answers.jsonl",
        "sha256": hashlib.sha256(runs["source"].read_bytes()).hexdigest(),
    }
    assert manifest["inputs"]["codebook"]["name"] == "codebook.yaml"
    assert manifest["parameters"]["coding"]["threshold"] == 0.5
    for package in ("numpy", "scipy", "scikit-learn"):
        assert manifest["environment"]["packages"][package]
    assert all(len(digest) == 64 for digest in manifest["models"].values())
    assert manifest["parameters"]["seed"] == 2018
    assert manifest["parameters"]["meaning"] == "off"
    assert manifest["parameters"]["coding"]["meaning"] is None
    assert manifest["parameters"]["workers"] == 2
    assert manifest["engine"]["version"] == pipeline.ENGINE_VERSION
    assert manifest["environment"]["packages"]["numpy"]
    assert str(runs["base"]) not in (out / "manifest.json").read_text()


def test_progress_reported(runs):
    stages = [call[0] for call in runs["calls"]]
    # Each stage is reported once, in the order it runs: fitting the coder is a stage of its own
    # (not part of the campaigns), and so is choosing the records to code next.
    assert [stage for stage, _ in itertools.groupby(stages)] == list(dict.fromkeys(stages))
    assert [stage for stage in dict.fromkeys(stages)] == [
        "redact",
        "campaigns",
        "fitting the coder",
        "codes",
        "themes",
        "comparisons",
        "quotes",
        "records to code next",
        "write",
        "done",
    ]
    assert runs["calls"][-1] == ("done", 300, 300)


def test_failed_run_leaves_no_output(tmp_path):
    source = tmp_path / "bad.jsonl"
    source.write_text('{"id": "1", "text": "fine"}\n{"id": "1", "text": "duplicate"}\n')
    out = tmp_path / "new" / "out"
    with pytest.raises(RecordError, match="duplicate id"):
        pipeline.run(source, out, workers=1)
    # The run made `new/out`: it is gone again, with the parent it made.
    assert not out.exists() and not (tmp_path / "new").exists()
    # A folder that existed is left as it was, earlier outputs and all.
    kept = tmp_path / "kept"
    kept.mkdir()
    (kept / "summary.json").write_text("earlier\n")
    with pytest.raises(RecordError):
        pipeline.run(source, kept, workers=1)
    assert _files(kept) == {"summary.json": b"earlier\n"}


def test_metadata_is_redacted_too(tmp_path):
    import json as _json

    from heard.analysis.engine.pipeline import run as _run

    source = tmp_path / "in.jsonl"
    source.write_text(
        _json.dumps(
            {
                "id": "1",
                "text": "We need more shelters in the North.",
                "contact": "dana.fictive@example.org, 613-555-0142",
                "sector": "ngos",
                "date": "2018-09-14",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    _run(source, tmp_path / "out", workers=1)
    written = (tmp_path / "out" / "records.jsonl").read_text(encoding="utf-8")
    assert "dana.fictive@example.org" not in written and "613-555-0142" not in written
    line = _json.loads(written)
    assert (line["sector"], line["date"]) == ("ngos", "2018-09-14")


def test_worker_processes_are_never_forked_from_a_threaded_caller(tmp_path):
    """Heard will run analyses inside a threaded process (the web server with its worker
    thread): forking it copies locks that other threads hold, and a worker can hang on one.
    Its workers start from a fork server instead. (Python 3.12+ warns of such a fork: CI's 3.13
    run saw it from the test runner's own threads; the suite makes that warning an error.)"""
    release = threading.Event()
    bystander = threading.Thread(target=release.wait, name="bystander", daemon=True)
    bystander.start()
    try:
        assert prepare.worker_context().get_start_method() != "fork"
        source = tmp_path / "answers.jsonl"
        make_fixture(source)
        pipeline.run(source, tmp_path / "out", codebook=CODEBOOK, workers=2, meaning="off")
    finally:
        release.set()
    assert (tmp_path / "out" / "records.jsonl").stat().st_size > 0


# --- Command-line concerns: stages, workers, codebooks that are not ready to publish ----------


def _online_or_shelter(records: list[dict]) -> list[dict]:
    """Coded examples for `_records`: online recruitment or shelters, and every third a gap."""
    online = set(_texts(ONLINE, "en") + _texts(ONLINE, "fr"))
    return [
        {
            "id": record["id"],
            "codes": (["online-recruitment"] if record["text"] in online else ["shelters-housing"])
            + (["gap"] if index % 3 == 0 else []),
        }
        for index, record in enumerate(records)
    ]


def _one_and_two_workers(tmp_path: Path, records: list[dict], examples: int, **options):
    """The same records and coded examples run with one worker, then two: each run's progress
    calls, and its manifest without its number of workers, after checking that both runs wrote
    the same records and summary."""
    source = _write(tmp_path / "in.jsonl", records)
    coded = _write(tmp_path / "coded.jsonl", _online_or_shelter(records[:examples]))
    calls: dict[int, list[tuple[str, int, int | None]]] = {1: [], 2: []}
    for workers in (1, 2):
        pipeline.run(
            source,
            tmp_path / f"w{workers}",
            codebook=CODEBOOK,
            coded=coded,
            workers=workers,
            progress=lambda *args, workers=workers: calls[workers].append(args),
            **options,
        )
    for name in ("records.jsonl", "summary.json"):
        assert (tmp_path / "w1" / name).read_bytes() == (tmp_path / "w2" / name).read_bytes()
    manifests = [json.loads((tmp_path / f"w{n}" / "manifest.json").read_text()) for n in (1, 2)]
    assert [manifest["parameters"].pop("workers") for manifest in manifests] == [1, 2]
    assert manifests[0] == manifests[1]
    return calls, manifests[0]


def test_the_coder_is_fitted_across_workers_with_the_same_result(tmp_path):
    records = _records(online=40, shelter=40, seed=8, prefix="R")
    calls, manifest = _one_and_two_workers(tmp_path, records, 45, meaning="off")
    models = manifest["parameters"]["coding"]["codes"]
    fitted = [key for key, code in models.items() if code["model"].startswith("logistic")]
    # online-recruitment, prevention, shelters-housing, protection and gap have models.
    assert len(fitted) >= 4
    # The fit is reported as its own stage, counting each code's two tasks.
    fit = [(done, total) for stage, done, total in calls[2] if stage == "fitting the coder"]
    assert (2 * len(fitted), 2 * len(fitted)) in fit
    assert fit[0] == (0, 1) and fit[-1] == (1, 1)


@pytest.mark.slow
def test_a_run_reading_meaning_is_the_same_whatever_the_number_of_workers(tmp_path, monkeypatch):
    # Chunks of 8 texts, so that two workers really score them (the texts embedded beforehand).
    monkeypatch.setattr(pipeline, "CHUNK_SIZE", 8)
    records = _records(online=15, shelter=15, seed=21, prefix="M")
    runs, manifest = _one_and_two_workers(tmp_path, records, 20)  # auto: 30 texts, by meaning
    calls = runs[1] + runs[2]
    assert manifest["parameters"]["meaning"] == "auto"
    assert manifest["parameters"]["coding"]["meaning"]["model"].startswith("multilingual-e5")
    # Its own stage, before the fit, counting the distinct texts read.
    stages = [stage for stage, _ in itertools.groupby(call[0] for call in calls)]
    assert stages.index("meaning") == stages.index("campaigns") + 1
    assert stages[stages.index("meaning") + 1] == "fitting the coder"
    assert ("meaning", 30, 30) in calls


def test_the_baseline_has_its_own_stages_before_the_comparisons(tmp_path):
    source = _write(tmp_path / "in.jsonl", _records(online=20, shelter=20, seed=12, prefix="C"))
    baseline = _write(tmp_path / "base.jsonl", _records(online=5, shelter=35, seed=13, prefix="B"))
    calls: list[tuple[str, int, int | None]] = []
    pipeline.run(
        source,
        tmp_path / "out",
        codebook=CODEBOOK,
        baseline=baseline,
        workers=1,
        meaning="off",
        progress=lambda *args: calls.append(args),
    )
    stages = [stage for stage, _ in itertools.groupby(call[0] for call in calls)]
    assert stages == [
        "redact",
        "campaigns",
        "fitting the coder",
        "codes",
        "themes",
        "baseline",
        "baseline campaigns",
        "baseline codes",
        "baseline themes",
        "comparisons",
        "quotes",
        "records to code next",
        "write",
        "done",
    ]


def test_a_codebook_without_codes_gives_themes_only(tmp_path):
    source = _write(tmp_path / "in.jsonl", _records(online=30, shelter=30, seed=9, prefix="R"))
    codebook = tmp_path / "none.json"
    codebook.write_text('{"codes": []}', encoding="utf-8")
    calls: list[tuple[str, int, int | None]] = []
    summary = pipeline.run(
        source, tmp_path / "out", codebook=codebook, workers=1, progress=lambda *a: calls.append(a)
    )
    stages = {stage for stage, _, _ in calls}
    assert not stages & {"fitting the coder", "codes", "records to code next"}
    assert "themes" in stages
    assert summary.codes == {} and summary.to_code_next == []
    written = json.loads((tmp_path / "out" / "summary.json").read_text())
    assert written["codes"] == [] and written["themes"]["themes"]
    lines = (tmp_path / "out" / "records.jsonl").read_text().splitlines()
    assert all(json.loads(line)["codes"] == [] for line in lines)
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["parameters"]["coding"] is None
    coded = _write(tmp_path / "coded.jsonl", [{"id": "R0000", "codes": []}])
    with pytest.raises(pipeline.PipelineError, match="codebook with codes: this one has none"):
        pipeline.run(source, tmp_path / "again", codebook=codebook, coded=coded, workers=1)
    assert not (tmp_path / "again").exists()


@pytest.mark.slow
def test_missing_french_names_are_a_warning_and_keys_keep_their_case(tmp_path):
    records = _records(online=30, shelter=30, seed=10, prefix="R")
    source = _write(tmp_path / "in.jsonl", records)
    codebook = tmp_path / "mixed.yaml"
    codebook.write_text(
        "codes:\n"
        "  - key: Prevention\n"
        "    name: {en: Prevention}\n"
        "    children:\n"
        "      - key: Prevention-Online\n"
        "        name: {en: Online recruitment}\n"
        "        keywords: {en: [social media, dating apps], fr: [médias sociaux]}\n"
        "  - key: Shelters\n"
        "    name: {en: Shelters, fr: Refuges}\n"
        "    keywords: {en: [shelter, housing], fr: [refuge, logement]}\n",
        encoding="utf-8",
    )
    coded = _write(
        tmp_path / "coded.jsonl",
        [
            {"id": record["id"], "codes": ["Prevention-Online"] if "online" in codes else []}
            for record, codes in zip(
                records[:30],
                [item["codes"][0] for item in _online_or_shelter(records[:30])],
                strict=True,
            )
        ],
    )
    warned: list[str] = []
    summary = pipeline.run(
        source, tmp_path / "out", codebook=codebook, coded=coded, workers=1, warn=warned.append
    )
    assert warned == summary.warnings
    assert warned == [
        "2 codes of the codebook have no French name: Prevention, Prevention-Online. The "
        "analysis runs; a report needs both names before it can be published."
    ]
    assert summary.codes["Prevention-Online"] > 0
    written = json.loads((tmp_path / "out" / "summary.json").read_text())
    table = {code["key"]: code for code in written["codes"]}
    assert table["Prevention-Online"]["parent"] == "Prevention"
    assert table["Prevention-Online"]["name"] == {"en": "Online recruitment", "fr": ""}
    keys = set()
    for line in (tmp_path / "out" / "records.jsonl").read_text().splitlines():
        keys |= {code["code"] for code in json.loads(line)["codes"]}
    assert "Prevention-Online" in keys and "prevention-online" not in keys
    assert "Prevention-Online" in written["prevalence"]["overall"]["raw"]["labels"]
    # A coded file must write the key as the codebook does.
    lower = _write(tmp_path / "lower.jsonl", [{"id": "R0000", "codes": ["prevention-online"]}])
    with pytest.raises(pipeline.PipelineError, match="did you mean 'Prevention-Online'"):
        pipeline.run(source, tmp_path / "again", codebook=codebook, coded=lower, workers=1)


def test_no_consent_field_is_a_warning(runs, tmp_path):
    # make_fixture's records carry no consent field at all: nothing can be quoted.
    [warning] = runs["summary"].warnings
    assert warning.startswith("no record has a value in the consent field 'consent'")
    assert runs["summary"].quotes == 0
    records = _records(online=15, shelter=15, seed=11, prefix="R")
    source = _write(tmp_path / "in.jsonl", records)
    summary = pipeline.run(source, tmp_path / "out", codebook=CODEBOOK, workers=1, meaning="off")
    assert summary.warnings == []
    renamed = _write(
        tmp_path / "renamed.jsonl",
        [
            {("agreed" if name == "consent" else name): value for name, value in record.items()}
            for record in records
        ],
    )
    warned: list[str] = []
    pipeline.run(
        renamed, tmp_path / "out2", codebook=CODEBOOK, workers=1, meaning="off", warn=warned.append
    )
    assert len(warned) == 1 and "'consent'" in warned[0]
    quiet = pipeline.run(
        renamed,
        tmp_path / "out3",
        codebook=CODEBOOK,
        workers=1,
        meaning="off",
        consent_field="agreed",
    )
    assert quiet.warnings == [] and quiet.quotes > 0
