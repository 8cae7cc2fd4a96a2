"""The pipeline's later stages together: codes, analysts' examples, themes, baseline, quotes."""

from __future__ import annotations

import json
import random
from itertools import product
from pathlib import Path

import pytest

from heard.analysis.engine import pipeline
from tests.conftest import DEMO

CODEBOOK = DEMO / "codebook.yaml"

# Answers about two subjects of the demo codebook, in both languages, every one different.
ONLINE = {
    "en": (
        ["Teenagers", "Young people in our town", "Students", "Girls in care"],
        ["are recruited", "are lured", "get approached", "are groomed"],
        ["on social media", "through dating apps", "in online games", "by online advertisements"],
        ["by people posing as friends.", "with promises of modelling work.", "within weeks."],
    ),
    "fr": (
        ["Les adolescentes", "Les jeunes de notre ville", "Les élèves"],
        ["sont recrutées", "sont leurrées", "sont approchées"],
        ["sur les médias sociaux", "par des applications de rencontre", "dans les jeux en ligne"],
        ["par de faux amis.", "avec des promesses de mannequinat.", "en quelques semaines."],
    ),
}
SHELTER = {
    "en": (
        ["Survivors", "Women leaving exploitation", "Victims who testify", "Young survivors"],
        ["cannot find", "wait months for", "are turned away from", "never get"],
        ["a shelter bed", "safe housing", "emergency housing", "a place in a shelter"],
        ["in the North.", "in rural areas.", "after a trial.", "near their families."],
    ),
    "fr": (
        ["Les survivantes", "Les victimes", "Les femmes qui quittent l'exploitation"],
        ["ne trouvent pas", "attendent des mois pour", "se voient refuser"],
        ["un lit en refuge", "un logement sûr", "un hébergement d'urgence"],
        ["dans le Nord.", "en région.", "après le procès."],
    ),
}


def _texts(bank: dict[str, tuple[list[str], ...]], language: str) -> list[str]:
    return [" ".join(parts) for parts in product(*bank[language])]


def _records(online: int, shelter: int, seed: int, prefix: str) -> list[dict]:
    rng = random.Random(seed)
    chosen = []
    for bank, count in ((ONLINE, online), (SHELTER, shelter)):
        pool = [(text, "en") for text in _texts(bank, "en")] + [
            (text, "fr") for text in _texts(bank, "fr")
        ]
        chosen += rng.sample(pool, count)
    rng.shuffle(chosen)
    return [
        {
            "id": f"{prefix}{index:04d}",
            "text": text,
            "sector": rng.choice(["ngos", "police", "health"]),
            "consent": "oui" if index % 3 else "no",
        }
        for index, (text, _language) in enumerate(chosen)
    ]


def _write(path: Path, records: list[dict]) -> Path:
    path.write_text(
        "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records),
        encoding="utf-8",
    )
    return path


# Every test of this file but two reads `analysed`, two whole runs of the engine (about 90 s).
# The engine alone, with no database: CI runs these on SQLite, not again on PostgreSQL.
pytestmark = [pytest.mark.slow, pytest.mark.engine]


@pytest.fixture(scope="module")
def analysed(tmp_path_factory):
    base = tmp_path_factory.mktemp("stages")
    current = _records(online=120, shelter=120, seed=1, prefix="C")
    source = _write(base / "current.jsonl", current)
    baseline = _write(base / "baseline.jsonl", _records(online=8, shelter=232, seed=2, prefix="B"))
    coded = base / "coded.jsonl"
    # An analyst coded twenty records, one of them with a code the engine would not give.
    examples = [{"id": record["id"], "codes": ["shelters-housing"]} for record in current[:19]]
    examples.append({"id": current[19]["id"], "codes": ["data-research"]})
    _write(coded, examples)
    options = {"codebook": CODEBOOK, "coded": coded, "baseline": baseline}
    pipeline.run(source, base / "a", workers=2, **options)
    pipeline.run(source, base / "b", workers=1, **options)
    records = [json.loads(line) for line in (base / "a" / "records.jsonl").read_text().splitlines()]
    summary = json.loads((base / "a" / "summary.json").read_text())
    return {"base": base, "records": records, "summary": summary, "current": current}


def test_one_or_two_workers_give_the_same_bytes(analysed):
    for name in ("records.jsonl", "summary.json"):
        first = (analysed["base"] / "a" / name).read_bytes()
        assert first == (analysed["base"] / "b" / name).read_bytes(), name
    manifests = [json.loads((analysed["base"] / run / "manifest.json").read_text()) for run in "ab"]
    assert [manifest["parameters"].pop("workers") for manifest in manifests] == [2, 1]
    assert manifests[0] == manifests[1]
    assert sorted(manifests[0]["inputs"]) == ["baseline", "codebook", "coded", "input"]


def test_every_record_is_coded_and_analysts_codes_are_kept(analysed):
    by_id = {record["id"]: record for record in analysed["records"]}
    person = by_id[analysed["current"][19]["id"]]["codes"]
    # The analyst's code and its parent, exactly, from a person.
    assert person == [
        {"code": "partnerships", "confidence": 1.0, "source": "person"},
        {"code": "data-research", "confidence": 1.0, "source": "person"},
    ]
    engine = [
        record
        for record in analysed["records"]
        if record["id"] not in {example["id"] for example in analysed["current"][:20]}
    ]
    online = [r for r in engine if any(c["code"] == "online-recruitment" for c in r["codes"])]
    shelters = [r for r in engine if any(c["code"] == "shelters-housing" for c in r["codes"])]
    assert len(online) >= 80 and len(shelters) >= 80
    for record in engine:
        assert all(code["source"] == "engine" for code in record["codes"])
        assert all(0.5 <= code["confidence"] <= 1 for code in record["codes"])


def test_online_recruitment_emerges_against_the_baseline(analysed):
    emerging = analysed["summary"]["emerging"]
    rising = {item["label"]: item for item in emerging if item["change"] in ("new", "rising")}
    assert "online-recruitment" in rising
    item = rising["online-recruitment"]
    assert item["current"]["share"] > 3 * item["baseline"]["share"]
    falling = {item["label"] for item in emerging if item["change"] == "declining"}
    assert "shelters-housing" in falling


def test_quotes_only_from_records_with_consent(analysed):
    consent = {record["id"]: record["consent"] for record in analysed["current"]}
    quoted = [
        quote for entry in analysed["summary"]["quotes"].values() for quote in entry["quotes"]
    ]
    assert quoted
    assert all(consent[quote["id"]] == "oui" for quote in quoted)
    assert {"en", "fr"} <= {quote["language"] for quote in quoted}


def test_prevalence_by_segment_and_language(analysed):
    prevalence = analysed["summary"]["prevalence"]
    assert set(prevalence["segments"]) == {"language", "sector"}
    overall = prevalence["overall"]["raw"]
    assert overall["n"] == 240
    assert overall["labels"]["online-recruitment"]["count"] >= 100


def test_records_to_code_next_are_uncoded_inputs(analysed):
    proposed = analysed["summary"]["to_code_next"]
    coded = {record["id"] for record in analysed["current"][:20]}
    assert len(proposed) == len(set(proposed)) == pipeline.TO_CODE_NEXT
    assert not coded & set(proposed)


def test_coded_examples_must_name_input_records_and_codebook_codes(tmp_path):
    source = _write(tmp_path / "in.jsonl", _records(online=10, shelter=10, seed=3, prefix="R"))
    coded = _write(
        tmp_path / "coded.jsonl",
        [{"id": "R0001", "codes": ["no-such-code"]}, {"id": "X9", "codes": ["gap"]}],
    )
    out = tmp_path / "out"
    with pytest.raises(pipeline.PipelineError) as caught:
        pipeline.run(source, out, codebook=CODEBOOK, coded=coded, workers=1)
    message = str(caught.value)
    assert "no code 'no-such-code'" in message and "'X9' is not in the input" in message
    assert not out.exists()


def test_what_campaign_members_add_is_coded_like_any_answer(tmp_path):
    letter = (
        "We call on the government to fund emergency shelters for survivors of trafficking. "
        "Every province needs safe housing for victims who leave their traffickers. "
        "Stable funding for shelter beds would save lives this year."
    )
    own = "Also, teenagers in my town are being recruited on social media and dating apps."
    records = [{"id": f"L{index:02d}", "text": letter, "consent": "yes"} for index in range(12)]
    records.append({"id": "L99", "text": f"{letter} {own}", "consent": "yes"})
    records += _records(online=20, shelter=20, seed=6, prefix="R")
    source = _write(tmp_path / "in.jsonl", records)
    pipeline.run(source, tmp_path / "out", codebook=CODEBOOK, workers=1)
    lines = {
        json.loads(line)["id"]: json.loads(line)
        for line in (tmp_path / "out" / "records.jsonl").read_text().splitlines()
    }
    member = lines["L99"]
    assert member["campaign"] == lines["L00"]["campaign"] is not None
    assert member["added_text"] == own
    assert "online-recruitment" in {code["code"] for code in member["added_codes"]}
    assert lines["L00"]["added_codes"] is None
    assert lines["R0000"]["added_codes"] is None
    summary = json.loads((tmp_path / "out" / "summary.json").read_text())
    counts = {code["key"]: code["records"] for code in summary["codes"]}
    assert counts["online-recruitment"]["added_text"] == 1
