"""Records from memory (RecordStream, CodedExamples): what Heard hands the engine from its database,
so that a run from the staff area writes no original text to disk."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from heard.analysis.engine import pipeline
from heard.analysis.engine.records import RecordError, RecordStream, read_records
from tests.analysis.test_pipeline import CODEBOOK, make_fixture

# The analysis engine alone (no database): CI runs these on SQLite and on Python 3.13, not again
# on PostgreSQL.
pytestmark = pytest.mark.engine


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_a_stream_gives_the_same_results_as_the_same_records_in_a_file(tmp_path):
    source = tmp_path / "answers.jsonl"
    planted, _originals = make_fixture(source)
    records = _lines(source)
    from_file = pipeline.run(source, tmp_path / "file", codebook=CODEBOOK, workers=1, meaning="off")
    stream = RecordStream("consultation 7", lambda: iter(records))
    from_memory = pipeline.run(
        stream, tmp_path / "memory", codebook=CODEBOOK, workers=1, meaning="off"
    )

    assert from_memory.records == from_file.records == len(records)
    for name in pipeline.OUTPUTS:
        assert (tmp_path / "memory" / name).read_bytes() == (tmp_path / "file" / name).read_bytes()
    manifest = json.loads((tmp_path / "memory" / pipeline.MANIFEST).read_text())
    assert manifest["inputs"]["input"]["name"] == "consultation 7"
    assert len(manifest["inputs"]["input"]["sha256"]) == 64
    # Nothing but the outputs was left, and no planted personal information is in them.
    assert sorted(path.name for path in (tmp_path / "memory").iterdir()) == sorted(
        [*pipeline.OUTPUTS, pipeline.MANIFEST]
    )
    written = "".join(path.read_text() for path in (tmp_path / "memory").iterdir())
    assert not [item for item in planted if item in written]


def test_the_hash_names_what_was_read():
    def digest(records):
        stream = RecordStream("x", lambda: iter(records))
        list(read_records(stream))
        return stream.sha256

    one = [{"id": "a", "text": "Shelters are full."}]
    assert digest(one) == digest([dict(one[0])])
    assert digest(one) != digest([{"id": "a", "text": "Shelters are full!"}])


def test_bad_records_in_a_stream_are_all_named():
    records = [
        {"id": "a", "text": "fine"},
        {"text": "no id"},
        "not a record",
        {"id": "a", "text": "x"},
    ]
    stream = RecordStream("from Heard", lambda: iter(records))
    with pytest.raises(RecordError) as refused:
        list(read_records(stream))
    message = str(refused.value)
    assert "record 2: missing id" in message
    assert "record 3: not a record" in message
    assert "record 4: duplicate id 'a'" in message


@pytest.mark.slow
def test_coded_examples_in_memory_teach_the_coder_and_skip_records_of_other_runs(tmp_path):
    source = tmp_path / "answers.jsonl"
    make_fixture(source)
    records = _lines(source)
    first = records[0]["id"]
    examples = pipeline.CodedExamples(
        "reviewed codes", [(first, ["shelters-housing"]), ("elsewhere-1", ["prevention"])]
    )
    pipeline.run(
        RecordStream("answers", lambda: iter(records)),
        tmp_path / "out",
        codebook=CODEBOOK,
        coded=examples,
        workers=1,
        meaning="off",
    )
    coded = {line["id"]: line for line in _lines(tmp_path / "out" / "records.jsonl")}
    given = coded[first]["codes"]
    assert {item["source"] for item in given} == {"person"}
    assert {item["code"] for item in given} == {"protection", "shelters-housing"}
    manifest = json.loads((tmp_path / "out" / pipeline.MANIFEST).read_text())
    assert manifest["inputs"]["coded"]["name"] == "reviewed codes"
    # A code that is not in the codebook is still refused, by name.
    wrong = pipeline.CodedExamples("reviewed codes", [(first, ["no-such-code"])])
    with pytest.raises(pipeline.PipelineError, match="no code 'no-such-code'"):
        pipeline.run(
            RecordStream("answers", lambda: iter(records)),
            tmp_path / "again",
            codebook=CODEBOOK,
            coded=wrong,
            workers=1,
        )
