"""The engine pipeline (heard.analysis.engine.pipeline): no database, no Django."""

from __future__ import annotations

import hashlib
import json
import random
import threading
from pathlib import Path

import pytest

from heard.analysis.engine import pipeline, prepare
from heard.analysis.engine.redact import luhn_valid
from tests.conftest import DEMO

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
    first = pipeline.run(
        source,
        base / "a",
        codebook=CODEBOOK,
        workers=2,
        progress=lambda *args: calls.append(args),
    )
    pipeline.run(source, base / "b", codebook=CODEBOOK, workers=2)
    pipeline.run(source, base / "c", codebook=CODEBOOK, workers=1)
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


def test_two_runs_are_byte_identical(runs):
    assert _files(runs["base"] / "a") == _files(runs["base"] / "b")


def test_one_worker_gives_the_same_records(runs):
    a = (runs["base"] / "a" / "records.jsonl").read_bytes()
    assert a == (runs["base"] / "c" / "records.jsonl").read_bytes()
    assert _files(runs["base"] / "a")["summary.json"] == _files(runs["base"] / "c")["summary.json"]


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
    assert manifest["parameters"]["workers"] == 2
    assert manifest["engine"]["version"] == pipeline.ENGINE_VERSION
    assert manifest["environment"]["packages"]["numpy"]
    assert str(runs["base"]) not in (out / "manifest.json").read_text()


def test_progress_reported(runs):
    stages = [call[0] for call in runs["calls"]]
    assert [stage for stage in dict.fromkeys(stages)] == [
        "redact",
        "campaigns",
        "codes",
        "themes",
        "comparisons",
        "quotes",
        "write",
        "done",
    ]
    assert runs["calls"][-1] == ("done", 300, 300)


def test_failed_run_leaves_no_output(tmp_path):
    source = tmp_path / "bad.jsonl"
    source.write_text('{"id": "1", "text": "fine"}\n{"id": "1", "text": "duplicate"}\n')
    out = tmp_path / "out"
    with pytest.raises(Exception, match="duplicate id"):
        pipeline.run(source, out, workers=1)
    assert list(out.iterdir()) == []


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
        pipeline.run(source, tmp_path / "out", codebook=CODEBOOK, workers=2)
    finally:
        release.set()
    assert (tmp_path / "out" / "records.jsonl").stat().st_size > 0
