"""Response exports: every format read back, with the same variable names everywhere."""

from __future__ import annotations

import copy
import csv
import hashlib
import io
import json
import re
from datetime import UTC, date, datetime, timedelta, timezone

import pandas as pd
import pyreadstat
import pytest
from openpyxl import load_workbook

from heard.questionnaires.exporting import (
    META_COLUMNS,
    ExportError,
    ExportFormat,
    _Limit,
    codebook,
    codebook_csv,
    codebook_json,
    export,
    to_csv,
    to_dta,
    to_sav,
    to_xlsx,
    variable_names,
)

LONG_SELECT = "how_satisfied_are_you_with_the_consultation_process_overall"
LONG_MULTI = "which_of_these_services_have_you_used_in_the_past_year"
LONG_LABEL_FR = (
    "Parmi les services municipaux énumérés ci-dessous, lesquels avez-vous utilisés "
    "au cours des douze derniers mois, à l'exception des services d'urgence ?"
)
FORMULA = '=HYPERLINK("http://evil.example","click")'


def t(en: str, fr: str) -> dict[str, str]:
    return {"en": en, "fr": fr}


def field(name: str, kind: str, label: dict | None, list_name: str | None = None, **extra):
    return {
        "name": name,
        "type": kind,
        "label": label,
        "hint": extra.pop("hint", None),
        "required": False,
        "required_message": None,
        "relevant": None,
        "constraint": None,
        "constraint_message": None,
        "calculation": extra.pop("calculation", None),
        "choice_filter": None,
        "default": None,
        "appearance": None,
        "list_name": list_name,
        "page": name,
        "row": 0,
    }


def choice(name: str, en: str, fr: str) -> dict:
    return {"name": name, "label": t(en, fr), "filters": {}}


def make_definition() -> dict:
    fields = [
        field("intro", "note", t("Welcome", "Bienvenue")),
        field(
            "full_name", "text", t("Your name", "Votre nom"), hint=t("As on your ID", "Tel quel")
        ),
        field("comment", "text", t("Comment", "Commentaire")),
        field("age", "integer", t("Age", "Âge")),
        field("amount", "decimal", t("Amount ($)", "Montant ($)")),
        field("visit_date", "date", t("Date of visit", "Date de la visite")),
        field("follow_up", "date", t("Follow-up date", "Date de suivi")),
        field("province", "select_one", t("Province", "Province"), "provinces"),
        field("topics", "select_multiple", t("Topics", "Sujets"), "topics"),
        field("priorities", "rank", t("Priorities", "Priorités"), "priorities"),
        field("consent", "acknowledge", t("I agree", "J'accepte")),
        field("score", "calculate", None, calculation="${age} * 2"),
        field("2nd-choice", "select_one", t("Second choice", "Deuxième choix"), "provinces"),
        field(LONG_SELECT, "select_one", t("Satisfaction", "Satisfaction"), "provinces"),
        field(LONG_MULTI, "select_multiple", t("Services used", LONG_LABEL_FR), "services"),
        field("q-1", "integer", t("Q dash", "Q tiret")),
        field("q.1", "integer", t("Q dot", "Q point")),
        field("in", "text", t("Reserved", "Réservé")),
        field("language", "text", t("Preferred language", "Langue préférée")),
        field("skipped", "text", t("Never answered", "Jamais répondu")),
    ]
    for row, f in enumerate(fields, start=2):
        f["row"] = row
    return {
        "form_id": "housing-2026",
        "form_version": "3",
        "title": t("Housing consultation", "Consultation sur le logement"),
        "languages": {"en": "English (en)", "fr": "Français (fr)"},
        "pages": [
            {"name": f["name"], "label": None, "relevant": None, "fields": [f["name"]]}
            for f in fields
        ],
        "fields": fields,
        "choices": {
            "provinces": [
                choice("on", "Ontario", "Ontario"),
                choice("qc", "Quebec", "Québec"),
                choice("-99", "Prefer not to say", "Préfère ne pas répondre"),
            ],
            "topics": [
                choice("health", "Health", "Santé"),
                choice("housing", "Housing", "Logement"),
                choice("jobs", "Jobs", "Emploi"),
            ],
            "priorities": [
                choice("cost", "Cost", "Coût"),
                choice("speed", "Speed", "Rapidité"),
                choice("quality", "Quality", "Qualité"),
            ],
            "services": [
                choice("library", "Library", "Bibliothèque"),
                choice("pool", "Pool", "Piscine"),
            ],
        },
    }


SUBMITTED = datetime(2026, 3, 5, 14, 30, 0, 123456, tzinfo=UTC)


def make_rows() -> list[dict]:
    eastern = timezone(timedelta(hours=-5))
    return [
        {
            "response_id": "R0001",
            "version": 3,
            "language": "en",
            "channel": "online",
            "submitted_at": SUBMITTED,
            "answers": {
                "full_name": "Zoë Tremblay-Côté",
                "comment": FORMULA,
                "age": 42,
                "amount": "1234.50",
                "visit_date": "2026-02-28",
                "province": "qc",
                "topics": ["health", "jobs"],
                "priorities": ["speed", "cost", "quality"],
                "consent": "OK",
                "score": "84",
                "2nd-choice": "on",
                LONG_SELECT: "on",
                LONG_MULTI: ["pool"],
                "q-1": 1,
                "q.1": 2,
                "in": "inside",
                "language": "français",
            },
        },
        {
            "response_id": "R0002",
            "version": 3,
            "language": "fr",
            "channel": "paper",
            # Another offset, same kind of instant: exported in UTC.
            "submitted_at": datetime(2026, 3, 6, 9, 0, 0, tzinfo=eastern),
            "answers": {
                "full_name": "Élodie",
                "comment": "-5",
                "age": -3,
                "amount": "-0.25",
                "province": "-99",
                "consent": "OK",
            },
        },
        {
            "response_id": "R0003",
            "version": 3,
            "language": "fr",
            "channel": "email",
            "submitted_at": datetime(2026, 3, 7, 23, 59, 59, tzinfo=UTC),
            "answers": {"topics": [], "comment": "@SUM(A1)"},
        },
    ]


NAME_RE = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,31}")
RESERVED = {
    *("_all", "_b", "byte", "_coef", "_cons", "double", "float", "if", "in", "int", "long"),
    *("_n", "_pi", "_pred", "_rc", "_skip", "strl", "using", "with"),
    *("all", "and", "by", "eq", "ge", "gt", "le", "lt", "ne", "not", "or", "to"),
}


def sha6(text: str) -> str:
    return hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()[:6]


@pytest.fixture
def definition():
    return make_definition()


@pytest.fixture
def names(definition):
    return variable_names(definition)


@pytest.fixture
def header(names):
    return [*META_COLUMNS, *names.values()]


def read_csv(content: bytes) -> list[list[str]]:
    assert content.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def read_stat(tmp_path, content: bytes, suffix: str):
    path = tmp_path / f"data{suffix}"
    path.write_bytes(content)
    reader = pyreadstat.read_sav if suffix == ".sav" else pyreadstat.read_dta
    return reader(path)


# --- Names --------------------------------------------------------------------------------


def test_names_are_sanitised_valid_and_unique(names):
    assert names[("full_name", None)] == "full_name"
    assert names[("2nd-choice", None)] == "v2nd_choice"
    assert names[("in", None)] == "vin"
    assert names[(LONG_SELECT, None)] == LONG_SELECT[:32]
    assert names[(LONG_MULTI, "library")] == LONG_MULTI[:24] + "_library"
    assert names[("topics", "health")] == "topics_health"
    assert names[("priorities", "quality")] == "priorities_quality"
    # Both clash after sanitising, so both carry a hash of their own original name.
    assert names[("q-1", None)] == "q_1_" + sha6("q-1")
    assert names[("q.1", None)] == "q_1_" + sha6("q.1")
    # A field may not take a meta column's name.
    assert names[("language", None)] == "language_" + sha6("language")
    assert ("intro", None) not in names

    every = [*META_COLUMNS, *names.values()]
    assert len({n.lower() for n in every}) == len(every)
    for name in every:
        assert NAME_RE.fullmatch(name), name
        assert name.lower() not in RESERVED and not re.match(r"str\d", name, re.I)


def test_names_do_not_depend_on_other_fields(definition, names):
    changed = copy.deepcopy(definition)
    changed["fields"].insert(0, field("zz_new", "select_multiple", t("New", "Nouveau"), "topics"))
    changed["fields"].append(field("q_2", "integer", t("Other", "Autre")))
    changed["fields"].reverse()
    changed["fields"] = [f for f in changed["fields"] if f["name"] != "comment"]
    again = variable_names(changed)
    for key, name in names.items():
        if key[0] != "comment":
            assert again[key] == name
    assert again[("zz_new", "jobs")] == "zz_new_jobs"


def test_a_new_clash_renames_only_the_names_it_clashes_with(names, definition):
    changed = copy.deepcopy(definition)
    changed["fields"].append(field("Full-Name", "text", t("Again", "Encore")))
    again = variable_names(changed)
    assert again[("full_name", None)] == "full_name_" + sha6("full_name")
    assert again[("Full-Name", None)] == "Full_Name_" + sha6("Full-Name")
    assert again[("age", None)] == names[("age", None)]


def test_unicode_and_odd_names():
    definition = {
        "fields": [
            field("état", "text", t("a", "a")),
            field("_private", "text", t("b", "b")),
            field("str5", "select_multiple", t("c", "c"), "l"),
            field("With", "text", t("d", "d")),
        ],
        "choices": {"l": [choice("é-1", "x", "x"), choice("日本", "y", "y")]},
    }
    names = variable_names(definition)
    assert names[("état", None)] == "etat"
    assert names[("_private", None)] == "v_private"
    assert names[("str5", "é-1")] == "vstr5_e_1"
    assert names[("str5", "日本")] == "vstr5_c" + sha6("日本")
    assert names[("With", None)] == "vWith"


# --- CSV ----------------------------------------------------------------------------------


def test_csv(definition, header):
    rows = read_csv(to_csv(definition, make_rows()))
    assert rows[0] == header
    first, second, third = (dict(zip(header, row, strict=True)) for row in rows[1:])
    assert first["response_id"] == "R0001" and first["version"] == "3"
    assert first["submitted_at"] == "2026-03-05T14:30:00Z"
    assert second["submitted_at"] == "2026-03-06T14:00:00Z"
    assert first["full_name"] == "Zoë Tremblay-Côté"
    assert first["comment"] == "'" + FORMULA
    assert third["comment"] == "'@SUM(A1)"
    assert second["comment"] == "-5"  # a plain number cannot run as a formula
    assert first["amount"] == "1234.50" and second["amount"] == "-0.25"
    assert first["age"] == "42" and second["age"] == "-3"
    assert first["visit_date"] == "2026-02-28" and second["visit_date"] == ""
    assert first["follow_up"] == ""
    assert first["province"] == "qc" and second["province"] == "-99"
    assert (first["topics_health"], first["topics_housing"], first["topics_jobs"]) == (
        "1",
        "0",
        "1",
    )
    assert (second["topics_health"], second["topics_jobs"]) == ("", "")
    assert (third["topics_health"], third["topics_jobs"]) == ("0", "0")
    assert (first["priorities_cost"], first["priorities_speed"], first["priorities_quality"]) == (
        "2",
        "1",
        "3",
    )
    assert second["priorities_cost"] == ""
    assert first["consent"] == "OK" and first["score"] == "84"
    assert first["skipped"] == "" and first["vin"] == "inside"
    assert "intro" not in header


# --- XLSX ---------------------------------------------------------------------------------


def test_xlsx(definition, header):
    workbook = load_workbook(io.BytesIO(to_xlsx(definition, make_rows())))
    assert workbook.sheetnames == ["responses", "variables"]
    sheet = workbook["responses"]
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0] == header
    first = dict(zip(header, values[1], strict=True))
    second = dict(zip(header, values[2], strict=True))
    assert first["comment"] == "'" + FORMULA
    assert sheet.cell(row=2, column=header.index("comment") + 1).data_type == "s"
    assert first["full_name"] == "Zoë Tremblay-Côté"
    assert first["age"] == 42 and second["age"] == -3
    assert first["amount"] == pytest.approx(1234.5)
    assert first["visit_date"] == datetime(2026, 2, 28)
    assert first["submitted_at"] == datetime(2026, 3, 5, 14, 30, 0)
    assert first["topics_jobs"] == 1 and first["topics_housing"] == 0
    assert second["topics_jobs"] is None and second["follow_up"] is None
    assert first["priorities_speed"] == 1
    variables = [[c.value for c in row] for row in workbook["variables"].iter_rows()]
    assert variables[0][:3] == ["variable", "source_field", "choice"]
    assert [row[0] for row in variables[1:]] == header


# --- SPSS and Stata -----------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".sav", ".dta"])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_statistics_files(tmp_path, definition, names, header, suffix, language):
    write = to_sav if suffix == ".sav" else to_dta
    frame, meta = read_stat(tmp_path, write(definition, make_rows(), language), suffix)
    assert list(frame.columns) == header
    labels = meta.column_names_to_labels
    value_labels = meta.variable_value_labels
    en = language == "en"
    assert meta.file_label == ("Housing consultation" if en else "Consultation sur le logement")

    assert labels["province"] == "Province"
    assert labels["visit_date"] == ("Date of visit" if en else "Date de la visite")
    assert labels["topics_health"] == ("Topics: Health" if en else "Sujets : Santé")
    assert labels["priorities_cost"] == ("Priorities: Cost" if en else "Priorités : Coût")
    assert labels["score"] == "score"
    assert labels["submitted_at"] == ("Submitted at (UTC)" if en else "Date de soumission (UTC)")
    assert value_labels["province"] == (
        {1: "Ontario", 2: "Quebec", 3: "Prefer not to say"}
        if en
        else {1: "Ontario", 2: "Québec", 3: "Préfère ne pas répondre"}
    )
    assert value_labels["topics_jobs"] == ({0: "No", 1: "Yes"} if en else {0: "Non", 1: "Oui"})
    assert value_labels["consent"] == {1: "OK"}
    assert value_labels["language"] == (
        {1: "English", 2: "French"} if en else {1: "anglais", 2: "français"}
    )
    assert value_labels["channel"][3] == ("Paper" if en else "Papier")
    assert "priorities_cost" not in value_labels and "age" not in value_labels

    first, second, third = (frame.iloc[i].to_dict() for i in range(3))
    assert first["response_id"] == "R0001" and first["version"] == 3
    assert first["language"] == 1 and second["language"] == 2 and third["channel"] == 2
    assert first["submitted_at"] == datetime(2026, 3, 5, 14, 30, 0)
    assert second["submitted_at"] == datetime(2026, 3, 6, 14, 0, 0)
    assert first["full_name"] == "Zoë Tremblay-Côté"
    assert first["comment"] == FORMULA  # not a spreadsheet: stored as typed
    assert first["age"] == 42 and second["age"] == -3
    assert first["amount"] == pytest.approx(1234.5) and second["amount"] == pytest.approx(-0.25)
    assert first["visit_date"] == date(2026, 2, 28)
    assert pd.isna(second["visit_date"]) and pd.isna(first["follow_up"])
    assert first["province"] == 2 and second["province"] == 3
    assert (first["topics_health"], first["topics_housing"], first["topics_jobs"]) == (1, 0, 1)
    assert pd.isna(second["topics_health"])  # not answered
    assert (third["topics_health"], third["topics_jobs"]) == (0, 0)
    assert (first["priorities_cost"], first["priorities_speed"]) == (2, 1)
    assert first["consent"] == 1 and pd.isna(third["consent"])
    assert first["score"] == "84"
    assert first[names[(LONG_SELECT, None)]] == 1
    assert first[names[(LONG_MULTI, "pool")]] == 1

    if suffix == ".sav":
        assert meta.original_variable_types["visit_date"] == "SDATE10"
        assert meta.original_variable_types["amount"] == "F8.2"
        assert meta.variable_measure["priorities_cost"] == "ordinal"
    else:
        # Value label sets carry their variable's name, which is a valid Stata name.
        for variable, label_set in meta.variable_to_label.items():
            assert label_set == variable
        assert meta.variable_to_label[names[(LONG_SELECT, None)]] == LONG_SELECT[:32]


def test_long_labels_are_cut_without_splitting_a_character(tmp_path, definition, names):
    pool = names[(LONG_MULTI, "pool")]
    _, meta = read_stat(tmp_path, to_dta(definition, make_rows(), "fr"), ".dta")
    label = meta.column_names_to_labels[pool]
    assert len(label) <= 80 and label.endswith("… : Piscine")
    assert label.startswith("Parmi les services municipaux")

    _, meta = read_stat(tmp_path, to_sav(definition, make_rows(), "fr"), ".sav")
    assert meta.column_names_to_labels[pool] == LONG_LABEL_FR + " : Piscine"  # fits in 256 bytes

    # 8 bytes leave 5 before the ellipsis: the third é would be split, so it goes.
    cut = _Limit(8, in_bytes=True).cut("ééééééé")
    assert cut == "éé…" and len(cut.encode()) == 7
    assert _Limit(5, in_bytes=False).cut("Québec city") == "Québ…"


def test_empty_export_and_all_formats(tmp_path, definition, header):
    for fmt in ExportFormat:
        content, filename, content_type = export(definition, [], fmt, language="fr")
        assert content and filename.endswith(fmt.extension) and content_type == fmt.content_type
        if fmt in (ExportFormat.SAV, ExportFormat.DTA):
            frame, _ = read_stat(tmp_path, content, fmt.extension)
            assert list(frame.columns) == header and len(frame) == 0
    assert export(definition, [], "csv")[1:] == (
        "housing-2026-v3-responses.csv",
        "text/csv; charset=utf-8",
    )
    assert export(definition, [], "sav", "fr")[1] == "housing-2026-v3-responses-fr.sav"
    assert export(definition, [], "codebook-json")[1:] == (
        "housing-2026-v3-codebook.json",
        "application/json",
    )
    assert ExportFormat.XLSX.content_type.endswith("spreadsheetml.sheet")
    with pytest.raises(ValueError):
        export(definition, [], "sav", language="de")


def test_names_agree_across_formats(tmp_path, definition, header):
    rows = make_rows()
    assert read_csv(to_csv(definition, rows))[0] == header
    workbook = load_workbook(io.BytesIO(to_xlsx(definition, rows)))
    assert [c.value for c in next(workbook["responses"].iter_rows())] == header
    assert list(read_stat(tmp_path, to_sav(definition, rows), ".sav")[0].columns) == header
    assert list(read_stat(tmp_path, to_dta(definition, rows), ".dta")[0].columns) == header
    assert [f["name"] for f in json.loads(codebook_json(definition))["fields"]] == header
    assert [row[0] for row in read_csv(codebook_csv(definition))[1:]] == header


def test_long_and_unprintable_text(tmp_path, definition):
    rows = make_rows()
    essay = "é" * 20000  # 40,000 bytes: beyond SPSS's 32,767 and Stata's 2,045 (so a strL)
    rows[0]["answers"]["comment"] = essay
    rows[1]["answers"]["comment"] = "tab\there, vertical\x0btab"

    frame, _ = read_stat(tmp_path, to_dta(definition, rows), ".dta")
    assert frame["comment"][0] == essay
    frame, _ = read_stat(tmp_path, to_sav(definition, rows), ".sav")
    kept = frame["comment"][0]
    assert kept.endswith("…") and len(kept.encode()) <= 32767 and kept[:-1] == "é" * len(kept[:-1])

    sheet = load_workbook(io.BytesIO(to_xlsx(definition, rows)))["responses"]
    column = [c.value for c in next(sheet.iter_rows())].index("comment") + 1
    assert sheet.cell(row=2, column=column).value == essay  # 20,000 characters fit in a cell
    assert sheet.cell(row=3, column=column).value == "tab\there, verticaltab"


# --- Codebook -----------------------------------------------------------------------------


def test_codebook_json(definition, names):
    schema = codebook(definition)
    assert schema["missingValues"] == [""] and schema["primaryKey"] == ["response_id"]
    assert schema["titles"] == {"en": "Housing consultation", "fr": "Consultation sur le logement"}
    fields = {f["name"]: f for f in schema["fields"]}
    assert fields["submitted_at"]["type"] == "datetime"
    assert fields["language"]["constraints"]["enum"] == ["en", "fr"]
    assert fields["channel"]["codes"] == {"online": 1, "email": 2, "paper": 3}

    province = fields["province"]
    assert province["type"] == "string" and province["constraints"] == {"enum": ["on", "qc", "-99"]}
    assert province["valueLabels"]["fr"] == {
        "on": "Ontario",
        "qc": "Québec",
        "-99": "Préfère ne pas répondre",
    }
    assert province["codes"] == {"on": 1, "qc": 2, "-99": 3}
    assert province["questionType"] == "select_one" and province["sourceName"] == "province"
    assert province["sourceField"]["list_name"] == "provinces" and province["sourceRow"] == 9

    health = fields["topics_health"]
    assert health["type"] == "integer" and health["constraints"]["enum"] == [0, 1]
    assert health["titles"] == {"en": "Topics: Health", "fr": "Sujets : Santé"}
    assert health["valueLabels"]["en"] == {"0": "No", "1": "Yes"} and "codes" not in health
    assert health["sourceChoice"] == "health"
    rank = fields["priorities_speed"]
    assert rank["constraints"] == {"minimum": 1, "maximum": 3}
    assert fields["full_name"]["descriptions"] == {"en": "As on your ID", "fr": "Tel quel"}
    assert fields["amount"]["type"] == "number" and fields["visit_date"]["type"] == "date"
    assert fields["consent"]["codes"] == {"OK": 1}
    assert fields[names[("2nd-choice", None)]]["sourceName"] == "2nd-choice"
    assert json.loads(codebook_json(definition)) == json.loads(json.dumps(schema))


def test_codebook_csv(definition, header):
    rows = read_csv(codebook_csv(definition))
    assert rows[0] == [
        "variable",
        "source_field",
        "choice",
        "question_type",
        "data_type",
        "label_en",
        "label_fr",
        "values_en",
        "values_fr",
        "codes",
    ]
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name["province"][3:] == [
        "select_one",
        "string",
        "Province",
        "Province",
        "on = Ontario; qc = Quebec; -99 = Prefer not to say",
        "on = Ontario; qc = Québec; -99 = Préfère ne pas répondre",
        "1 = on; 2 = qc; 3 = -99",
    ]
    assert by_name["topics_jobs"][1:3] == ["topics", "jobs"]
    assert by_name["topics_jobs"][7:] == ["0 = No; 1 = Yes", "0 = Non; 1 = Oui", ""]
    assert by_name["response_id"][3] == "meta"


# --- Bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("province", "bc", "not a choice"),
        ("topics", ["health", "sports"], "not a list of choices"),
        ("priorities", ["cost", "cost"], "twice"),
        ("age", "forty", "integer"),
        ("amount", "1,5", "decimal"),
        ("visit_date", "28/02/2026", "date"),
    ],
)
def test_an_answer_the_definition_cannot_hold_names_the_response(definition, name, value, message):
    rows = make_rows()
    rows[1]["answers"][name] = value
    with pytest.raises(ExportError, match=rf"R0002.*{name}.*{message}"):
        to_csv(definition, rows)


def test_a_naive_submission_time_is_refused(definition):
    rows = make_rows()
    rows[0]["submitted_at"] = datetime(2026, 3, 5, 14, 30)
    with pytest.raises(ExportError, match="R0001"):
        to_csv(definition, rows)


def test_worked_out_answers_that_no_respondent_could_give_are_left_unanswered_and_export():
    # Found by bench/xlsform_mutations.py: a select_one worked out by a calculation stored a name
    # its list does not have, and every export of the questionnaire then stopped on it.
    from heard.questionnaires.form import Form
    from heard.questionnaires.xlsform import parse
    from tests.questionnaires.builders import choice, row, xlsx

    definition, _xform = parse(
        xlsx(
            [
                row("integer", "n", "A number", "Un nombre"),
                row(
                    "select_one yes_no",
                    "pick",
                    "Pick",
                    "Choix",
                    calculation="if(${n} > 1, 'yes', 'maybe')",
                ),
                row(
                    "select_multiple yes_no", "many", "Many", "Plusieurs", calculation="'yes maybe'"
                ),
                row("decimal", "root", "Root", "Racine", calculation="sqrt(${n})"),
                row(
                    "date",
                    "when",
                    "When",
                    "Quand",
                    calculation="if(${n} > 1, '2020-01-02', 'someday')",
                ),
            ],
            [choice("yes_no", "yes", "Yes", "Oui"), choice("yes_no", "no", "No", "Non")],
        ),
        "form.xlsx",
    )
    form = Form(definition)
    odd = form.with_calculations({"n": -4})
    assert {k: odd.get(k) for k in ("pick", "many", "root", "when")} == {
        "pick": None,
        "many": ["yes"],
        "root": None,
        "when": None,
    }
    fine = form.with_calculations({"n": 4})
    assert (fine["pick"], fine["root"], fine["when"]) == ("yes", "2", "2020-01-02")
    rows = [
        {
            "response_id": f"R{number}",
            "version": 1,
            "language": "en",
            "channel": "online",
            "submitted_at": datetime(2026, 12, 6, tzinfo=UTC),
            "answers": form.stored(form.clean({"n": n})),
        }
        for number, n in ((1, -4), (2, 4))
    ]
    for fmt in ExportFormat:
        content, _name, _type = export(definition, rows, fmt)
        assert content
    assert "maybe" not in to_csv(definition, rows).decode()
