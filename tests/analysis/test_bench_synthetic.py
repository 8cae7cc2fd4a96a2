"""The synthetic benchmark data of bench/analysis/synthetic.py: seeded, with truth that holds."""

from __future__ import annotations

import json
import re
import statistics
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pytest

# The analysis engine alone (no database): CI runs these on SQLite and on Python 3.13, not again
# on PostgreSQL.
pytestmark = pytest.mark.engine

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench" / "analysis"))

import synthetic  # noqa: E402

from heard.analysis.engine.codebook import load_codebook  # noqa: E402
from heard.analysis.engine.redact import luhn_valid  # noqa: E402

CODEBOOK = ROOT / "heard" / "examples" / "human-trafficking-2018" / "codebook.yaml"


@pytest.fixture(scope="module")
def data() -> list[tuple[dict, dict]]:
    return list(synthetic.Synthetic(3000, seed=7, campaign_share=0.3))


def test_the_same_seed_gives_the_same_data_and_another_seed_other_data() -> None:
    first = list(synthetic.Synthetic(300, seed=11))
    again = list(synthetic.Synthetic(300, seed=11))
    other = list(synthetic.Synthetic(300, seed=12))
    assert first == again
    assert [r["text"] for r, _ in first] != [r["text"] for r, _ in other]
    generator = synthetic.Synthetic(300, seed=11)
    assert list(generator) == list(generator) == first  # iterating twice repeats


def test_records_have_the_fields_the_engine_reads(data: list[tuple[dict, dict]]) -> None:
    ids = [record["id"] for record, _ in data]
    assert len(set(ids)) == len(ids) == 3000
    for record, truth in data:
        assert set(record) == {
            "id",
            "text",
            "question",
            "sector",
            "region",
            "channel",
            "date",
            "consent",
        }
        assert truth["id"] == record["id"]
        assert re.fullmatch(r"2018-\d\d-\d\d", record["date"])


def test_campaign_share_and_kinds(data: list[tuple[dict, dict]]) -> None:
    members: dict[str, list[dict]] = defaultdict(list)
    for _record, truth in data:
        if truth["campaign"]:
            members[truth["campaign"]].append(truth)
    in_campaigns = sum(len(m) for m in members.values())
    assert in_campaigns == round(0.3 * 3000)
    assert all(len(m) >= 3 for m in members.values())
    kinds = Counter(m[0]["campaign_kind"] for m in members.values())
    assert set(kinds) == {"exact", "near", "template", "crosslang"}
    for group in members.values():
        if group[0]["campaign_kind"] == "crosslang" and len(group) >= 10:
            assert {t["language"] for t in group} == {"en", "fr"}
    assert synthetic.Synthetic(1000, seed=1, campaign_share=0.0).campaigns == []


def test_texts_are_about_sixty_words_and_mostly_english(data: list[tuple[dict, dict]]) -> None:
    words = [len(record["text"].split()) for record, _ in data]
    assert 52 <= statistics.mean(words) <= 68
    middle = sorted(words)[len(words) // 20 : -len(words) // 20]
    assert middle[0] >= 25
    assert middle[-1] <= 100
    english = sum(truth["language"] == "en" for _, truth in data) / len(data)
    assert 0.55 <= english <= 0.75


def test_codes_are_codebook_keys(data: list[tuple[dict, dict]]) -> None:
    keys = {code.key for code in load_codebook(CODEBOOK).walk()}
    counts: Counter[str] = Counter()
    for _, truth in data:
        assert truth["codes"]
        assert set(truth["codes"]) <= keys
        counts.update(truth["codes"])
    # Every leaf topic and statement type shows up.
    assert len(counts) >= 25


PATTERNS = {
    "EMAIL": r"[a-z0-9._]+@[a-z0-9.-]+\.[a-z]{2,}",
    "PHONE": r"[+0-9()][0-9 ().+-]{9,}(?: (?:ext\.|poste) \d+)?",
    "POSTAL_CODE": r"(?i)[a-z]\d[a-z] ?\d[a-z]\d",
    "SIN": r"\d{3}([ -]?)\d{3}\1\d{3}",
    "SIN_INVALID": r"\d{3}([ -]?)\d{3}\1\d{3}",
    "NAME": r"[A-ZÀ-Ý][\w'-]+ [A-ZÀ-Ý][\w'-]+",
    "ADDRESS": r"(?:Apt \d+, )?\d+,? .+",
    "URL": r"(?:https?://)?[\w.-]+\.[a-z]{2,}(?:/\S*)?",
}


def test_planted_personal_information_spans_point_at_it(data: list[tuple[dict, dict]]) -> None:
    kinds: Counter[str] = Counter()
    with_pii = 0
    for record, truth in data:
        with_pii += bool(truth["pii"])
        for span in truth["pii"]:
            value = record["text"][span["start"] : span["end"]]
            kinds[span["kind"]] += 1
            assert re.fullmatch(PATTERNS[span["kind"]], value), (span, value)
            if span["kind"] in ("SIN", "SIN_INVALID"):
                digits = re.sub(r"\D", "", value)
                assert luhn_valid(digits) == (span["kind"] == "SIN"), value
    assert 0.07 <= with_pii / len(data) <= 0.13
    assert set(kinds) == set(synthetic.PII_KINDS)


def test_cli_writes_records_and_truth(tmp_path: Path) -> None:
    out = tmp_path / "records.jsonl"
    truth_path = tmp_path / "truth.json"
    code = synthetic.main(
        ["--records", "200", "--out", str(out), "--truth", str(truth_path), "--seed", "3"]
    )
    assert code == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    truth = synthetic.read_truth(truth_path)
    assert [r["id"] for r in records] == [t["id"] for t in truth["truth"]]
    assert truth["seed"] == 3
    assert sum(c["size"] for c in truth["campaigns"].values()) == 60
    expected = [r for r, _ in synthetic.Synthetic(200, seed=3)]
    assert records == expected


def test_seen_phrasings_leave_out_a_third_of_the_banks() -> None:
    seen = synthetic.Bank.of("seen")
    every = synthetic.Bank.of("all")
    held_out = [
        phrase
        for code, languages in every.np.items()
        for lang, phrases in languages.items()
        for phrase in phrases
        if phrase not in seen.np[code][lang]
    ]
    assert len(held_out) >= len(every.np) * 2 * 2  # two of seven per code and language
    texts = " ".join(r["text"] for r, _ in synthetic.Synthetic(500, seed=5, phrasings="seen"))
    assert not [phrase for phrase in held_out if phrase in texts]
