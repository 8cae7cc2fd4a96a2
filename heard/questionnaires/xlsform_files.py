"""Choices from an attached file: `select_one_from_file cities.csv`.

A form names its files (.csv, or ODK's .xml item lists); the files may come with it or later, as
ODK Central asks for a form's attachments after the form. The choices read from a file go into
the definition under the file's name (`definition["choices"]["cities.csv"]`), so they are
versioned with the form: a new file is a new set of choices for that version, recorded in the
History. `definition["files"]` says, for each file the form names, whether it is attached, its
SHA-256 and how many choices it holds. The questionnaire does not open while a file is missing.

A CSV file (UTF-8) has a `name` column and a `label` column, or labels per language
(`label::English (en)`, `label::Français (fr)`); other columns are there for a choice_filter, as
on a choices sheet. The row's `value=` and `label=` parameters name other columns to use, as
pyxform's do. An XML file lists <item> elements whose children are the columns. A GeoJSON file
(ODK's "select one from map") gives one choice per feature: its `id` is the name, its `title` the
label, as in ODK; its other properties are columns, and its geometry, as ODK writes a location,
the column `geometry`.

A form also names files by reading them: `pulldata('people', 'region', 'id', ${id})` reads the
`region` of the row of `people.csv` whose `id` is the answer. Such a data file is kept whole in
the definition (`definition["data"]["people"]`, its rows), versioned like a file of choices. The
browser receives only the columns the form's pulldata() calls read, to work the form out live.
"""

from __future__ import annotations

import copy
import csv
import hashlib
import io
import re
from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from heard.questionnaires import expressions, form_media
from heard.questionnaires.xlsform_sheets import LIMITS, FormError, FormProblem, Sheet, read_table
from heard.questionnaires.xlsform_vocabulary import DATA_TYPES

MAX_CHOICES = 5_000  # the choices of one file: a list a respondent can still pick from
MAX_DATA_ROWS = 20_000  # the rows of a file pulldata() reads
_DATA_NAME_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")


def read_file_choices(
    name: str,
    data: bytes,
    parameters: Mapping[str, str],
    bare: str | None,
    problems: list[FormProblem],
) -> tuple[list[dict[str, Any]], set[str]]:
    """The choices of an attached file and the columns a choice_filter may use; problems are
    reported against the file's own rows and columns."""
    from heard.questionnaires.xlsform import read_choice_rows  # xlsform reads files through this

    try:
        table = _read_table(data, name)
    except FormError as error:
        problems += error.problems
        return [], set()
    if table is None:
        problems.append(FormProblem(name, None, "", _("The file is empty.")))
        return [], set()
    renames = {}
    # A GeoJSON feature's id and title are its name and label unless the parameters say (ODK).
    geojson = name.lower().endswith(".geojson")
    defaults = {"value": "id", "label": "title"} if geojson else {}
    for key, wanted in (("value", "name"), ("label", "label")):
        column = parameters.get(key) or defaults.get(key)
        if column and column != wanted:
            if column not in table.headers:
                problems.append(
                    FormProblem(
                        name,
                        table.header_row,
                        "",
                        _(
                            "The file has no column “%(column)s”, which the parameter "
                            "%(key)s= names."
                        )
                        % {"column": column, "key": key},
                    )
                )
                return [], set()
            renames[column] = wanted
    headers = [renames.get(h, h) for h in table.headers]
    if "name" not in headers:
        problems.append(
            FormProblem(
                name,
                table.header_row,
                "",
                _(
                    "The file needs a “name” column, or the parameter value= naming the column "
                    "that holds each choice's name."
                ),
            )
        )
        return [], set()
    sheet = Sheet(
        name=name,
        header_row=table.header_row,
        headers=["list_name", *headers],
        rows=[
            (number, {"list_name": name, **{renames.get(k, k): v for k, v in row.items()}})
            for number, row in table.rows
        ],
    )
    if len(sheet.rows) > MAX_CHOICES:
        problems.append(
            FormProblem(
                name,
                None,
                "",
                _("The file holds %(count)d choices, more than the limit of %(limit)d.")
                % {"count": len(sheet.rows), "limit": MAX_CHOICES},
            )
        )
        return [], set()
    before = len(problems)
    choices, columns, _kept, _spaced = read_choice_rows(sheet, problems, {}, bare)
    if len(problems) > before:
        return [], set()
    return choices.get(name, []), columns.get(name, set())


def _read_table(data: bytes, name: str) -> Sheet | None:
    """An attached file as a table: ODK's XML item list, a GeoJSON file or a CSV file, by its
    name."""
    lowered = name.lower()
    if lowered.endswith(".xml"):
        return _read_xml(data, name)
    if lowered.endswith(".geojson"):
        return _read_geojson(data, name)
    return read_table(data, name)


def _too_large(data: bytes, name: str) -> None:
    if len(data) > LIMITS.max_bytes:
        raise FormError(
            [
                FormProblem(
                    name,
                    None,
                    "",
                    _("The file is larger than the limit of %(limit)d MB.")
                    % {"limit": LIMITS.max_bytes // (1024 * 1024)},
                )
            ]
        )


def _read_geojson(data: bytes, name: str) -> Sheet | None:
    """A GeoJSON FeatureCollection as a table: one row per feature, its properties as columns
    (`id` from the feature's own id when its properties have none), its geometry as ODK writes
    a location (`lat lon 0 0`, points joined by `;`) in the column `geometry`. Rows are numbered
    by feature, from 1."""
    import json

    _too_large(data, name)
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise FormError(
            [FormProblem(name, None, "", _("This is not a readable GeoJSON file (%s).") % exc)]
        ) from exc
    features = document.get("features") if isinstance(document, dict) else None
    if not isinstance(features, list):
        raise FormError(
            [
                FormProblem(
                    name,
                    None,
                    "",
                    _("A GeoJSON file of choices is a FeatureCollection: a list of features."),
                )
            ]
        )
    headers: list[str] = []
    rows: list[tuple[int, dict[str, str]]] = []
    for number, feature in enumerate(features, start=1):
        if not isinstance(feature, dict):
            continue
        properties = feature.get("properties") or {}
        row = {
            str(k): _json_text(v)
            for k, v in (properties.items() if isinstance(properties, dict) else [])
        }
        if "id" not in row and feature.get("id") is not None:
            row["id"] = _json_text(feature["id"])
        geometry = _odk_geometry(feature.get("geometry"))
        if geometry:
            row["geometry"] = geometry
        headers += [h for h in row if h not in headers]
        rows.append((number, row))
    if not rows:
        return None
    return Sheet(name=name, header_row=0, headers=headers, rows=rows)


def _json_text(value: Any) -> str:
    """A property's value as a column's text: numbers and booleans as JSON writes them."""
    import json

    if isinstance(value, str):
        return value.strip()
    return "" if value is None else json.dumps(value, ensure_ascii=False)


def _odk_geometry(geometry: Any) -> str:
    """A GeoJSON Point, LineString or Polygon (its outer ring) as ODK writes a location; "" for
    anything else. GeoJSON puts the longitude first; ODK the latitude."""
    if not isinstance(geometry, dict):
        return ""
    kind, coordinates = geometry.get("type"), geometry.get("coordinates")
    points: list[Any] = []
    if kind == "Point":
        points = [coordinates]
    elif kind == "LineString" and isinstance(coordinates, list):
        points = coordinates
    elif kind == "Polygon" and isinstance(coordinates, list) and coordinates:
        points = coordinates[0]
    try:
        return ";".join(
            f"{float(p[1]):.10g} {float(p[0]):.10g} {float(p[2]) if len(p) > 2 else 0:.10g} 0"
            for p in points
        )
    except (TypeError, ValueError, IndexError, KeyError):
        return ""


def _read_xml(data: bytes, name: str) -> Sheet | None:
    """ODK's XML file of choices, <root><item><name>…</name><label>…</label>…</item></root>,
    as a table: one row per item, one column per element found in the items."""
    from defusedxml import ElementTree  # type: ignore[import-untyped]

    _too_large(data, name)
    try:
        root = ElementTree.fromstring(data)
    except Exception as exc:  # a damaged file, or one defusedxml refuses (entities)
        raise FormError(
            [FormProblem(name, None, "", _("This is not a readable XML file (%s).") % exc)]
        ) from exc
    headers: list[str] = []
    rows: list[tuple[int, dict[str, str]]] = []
    for number, item in enumerate(root, start=2):
        row = {child.tag: (child.text or "").strip() for child in item}
        headers += [h for h in row if h not in headers]
        rows.append((number, row))
    if not rows:
        return None
    return Sheet(name=name, header_row=1, headers=headers, rows=rows)


# Data files: read by pulldata() and instance('name')/root/item[...]/column -------------------

_EXPRESSION_KEYS = (
    "relevant",
    "constraint",
    "calculation",
    "required_if",
    "choice_filter",
    "read_only_if",
)


def data_lookups(fields: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """For each data file the form's pulldata() calls read, by the name they give it: the
    columns they use and the first survey row that reads it."""
    found: dict[str, dict[str, Any]] = {}
    for item in fields:
        texts = [item.get(key) for key in _EXPRESSION_KEYS]
        if item.get("default_dynamic"):
            texts.append(item.get("default"))
        for text in texts:
            if not text or ("pulldata" not in text and "instance" not in text):
                continue
            tree = expressions.parse(text)
            looked_up = expressions.instance_names(tree)
            for file, columns in expressions.data_lookups(tree).items():
                entry = found.setdefault(
                    file, {"row": item["row"], "columns": set(), "instance_row": None}
                )
                entry["columns"] |= columns
                if file in looked_up and entry["instance_row"] is None:
                    entry["instance_row"] = item["row"]
    return found


# A data file as the definition keeps it: {"columns": [...], "rows": [[...], ...]}.
DataTable = dict[str, list[Any]]


def read_data_files(
    fields: list[dict[str, Any]],
    files: dict[str, dict[str, Any]],
    attachments: Mapping[str, bytes],
    survey: str,
    problems: list[FormProblem],
    lists: Mapping[str, set[str]] | None = None,
) -> dict[str, DataTable]:
    """Register the data files the form names (csv-external and xml-external rows) or reads
    (pulldata(), instance()) in `files`, attached or not, and return the rows of those attached,
    by the form's name for them. A file read by instance() must be named by a row or be the file
    of a select_one_from_file, as ODK requires, or a list of the choices sheet (`lists`, with
    the columns of each: name, label and its filter columns), read from the form itself."""
    lists = lists or {}
    tables: dict[str, DataTable] = {}
    # csv-external and xml-external rows name a file; pulldata() names a CSV file.
    declared = {
        f["name"]: (f["row"], "xml" if f["type"] == "xml-external" else "csv")
        for f in fields
        if f["type"] in DATA_TYPES
    }
    lookups = data_lookups(fields)
    for name in sorted(set(lookups) | set(declared)):
        # Not declared: a CSV for pulldata(), or the file of a select_one_from_file (a CSV,
        # XML or GeoJSON file: ODK names its instance after the file, without the extension).
        row, extension = declared.get(
            name,
            (None, next((e for e in ("csv", "xml", "geojson") if f"{name}.{e}" in files), "csv")),
        )
        use = lookups.get(name) or {"row": row, "columns": set()}
        if name.lower().endswith((".csv", ".xml")) and name not in declared:
            problems.append(
                FormProblem(
                    survey,
                    use["row"],
                    "",
                    _(
                        "Name a data file without its extension: pulldata('%(stem)s', …) reads "
                        "%(stem)s.csv."
                    )
                    % {"stem": name.rsplit(".", 1)[0]},
                )
            )
            continue
        if not _DATA_NAME_RE.fullmatch(name):
            problems.append(
                FormProblem(
                    survey,
                    use["row"],
                    "",
                    _(
                        "A data file is named “%(name)s”: name it with letters, digits and _, "
                        "without .csv, as in pulldata('people', …) or instance('people')."
                    )
                    % {"name": name},
                )
            )
            continue
        instance_row = use.get("instance_row")
        if instance_row and name not in declared and f"{name}.{extension}" not in files:
            if name in lists:
                # ODK's way to read a choice's label or another of its columns: the rows come
                # from the list itself (Form.data), so only its columns can be read.
                missing = sorted(use["columns"] - lists[name])
                if missing:
                    problems.append(
                        FormProblem(
                            survey,
                            instance_row,
                            "",
                            _(
                                "instance('%(name)s') reads %(columns)s, which the choice list "
                                "“%(name)s” does not have: it has %(has)s."
                            )
                            % {
                                "name": name,
                                "columns": ", ".join(f"“{c}”" for c in missing),
                                "has": ", ".join(f"“{c}”" for c in sorted(lists[name])),
                            },
                        )
                    )
                continue
            reason = _(
                "instance('%(name)s') reads a file the form does not name: add a row of "
                "type csv-external (or xml-external) named %(name)s."
            )
            problems.append(FormProblem(survey, instance_row, "", reason % {"name": name}))
            continue
        file = f"{name}.{extension}"
        attached = attachments.get(file)
        table = None if attached is None else read_data_table(file, attached, use, problems)
        entry = files.setdefault(file, file_entry(attached if table is not None else None, []))
        entry["data"] = name
        if table is not None:
            entry["rows"] = len(table["rows"])
            tables[name] = table
    return tables


def read_data_table(
    file: str, data: bytes, use: Mapping[str, Any], problems: list[FormProblem]
) -> DataTable | None:
    """The rows of a data file; None, with the problems, if it cannot be used."""
    try:
        table = _read_table(data, file)
    except FormError as error:
        problems += error.problems
        return None
    if table is None:
        problems.append(FormProblem(file, None, "", _("The file is empty.")))
        return None
    missing = sorted(use["columns"] - set(table.headers))
    if missing:
        problems.append(
            FormProblem(
                file,
                table.header_row,
                "",
                _(
                    "The file has no column %(columns)s, which pulldata() on survey row %(row)d "
                    "reads."
                )
                % {"columns": ", ".join(f"“{c}”" for c in missing), "row": use["row"]},
            )
        )
        return None
    if len(table.rows) > MAX_DATA_ROWS:
        problems.append(
            FormProblem(
                file,
                None,
                "",
                _("The file holds %(count)d rows, more than the limit of %(limit)d.")
                % {"count": len(table.rows), "limit": MAX_DATA_ROWS},
            )
        )
        return None
    return {
        "columns": list(table.headers),
        "rows": [[row.get(h, "") for h in table.headers] for _number, row in table.rows],
    }


def data_rows(table: DataTable, columns: set[str] | None = None) -> list[dict[str, str]]:
    """A data table's rows as pulldata() reads them, with only these columns if given."""
    keep = [c for c in table["columns"] if columns is None or c in columns]
    at = [table["columns"].index(c) for c in keep]
    return [dict(zip(keep, (row[i] for i in at), strict=True)) for row in table["rows"]]


def data_for_browser(definition: Mapping[str, Any]) -> dict[str, list[dict[str, str]]]:
    """The data files as logic.js gets them: only the columns pulldata() reads."""
    tables = definition.get("data", {})
    if not tables:
        return {}
    used = data_lookups(definition["fields"])
    return {
        name: data_rows(table, used[name]["columns"])
        for name, table in tables.items()
        if name in used
    }


def data_to_xml(table: DataTable) -> bytes:
    """A data file written back as ODK's XML: one <item> per row, one element per column."""
    from xml.etree.ElementTree import Element, SubElement, tostring

    root = Element("root")
    for values in table["rows"]:
        item = SubElement(root, "item")
        for column, value in zip(table["columns"], values, strict=True):
            SubElement(item, column).text = value
    return tostring(root, encoding="utf-8", xml_declaration=True)


def data_to_csv(table: DataTable) -> bytes:
    """A data file written back as it was read: its columns in order, one row per row."""
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(table["columns"])
    writer.writerows(table["rows"])
    return out.getvalue().encode("utf-8")


def file_entry(data: bytes | None, choices: list[dict[str, Any]]) -> dict[str, Any]:
    """What `definition["files"]` keeps of a file: attached or not, its hash, its size."""
    if data is None:
        return {"attached": False}
    return {
        "attached": True,
        "sha256": hashlib.sha256(data).hexdigest(),
        "choices": len(choices),
    }


def missing_files(definition: Mapping[str, Any]) -> list[str]:
    """The files the form names that are not attached yet: files of choices and data, and the
    pictures, recordings and videos it shows (form_media)."""
    return sorted(
        [name for name, entry in definition.get("files", {}).items() if not entry["attached"]]
        + form_media.missing(definition)
    )


def attached_files(definition: Mapping[str, Any]) -> dict[str, bytes]:
    """The files attached to a definition, written back from their choices: what reading its
    form again needs (a translation, the same form uploaded again)."""
    return {
        name: to_file(definition, name)
        for name, entry in definition.get("files", {}).items()
        if entry["attached"]
    }


def to_file(definition: Mapping[str, Any], name: str) -> bytes:
    """An attached file written back from its rows (a data file) or its choices, in its own
    format."""
    data_name = definition.get("files", {}).get(name, {}).get("data")
    if data_name and data_name in definition.get("data", {}):
        table = definition["data"][data_name]
        return data_to_xml(table) if name.lower().endswith(".xml") else data_to_csv(table)
    if name.lower().endswith(".geojson"):
        return to_geojson(definition, name)
    return to_xml(definition, name) if name.lower().endswith(".xml") else to_csv(definition, name)


def to_geojson(definition: Mapping[str, Any], name: str) -> bytes:
    """A GeoJSON file of choices written back: each choice a feature, its name the `id`, its
    label the `title` (one language, as the file had), its columns the other properties, its
    `geometry` column the feature's geometry."""
    import json

    features = []
    for choice in definition["choices"].get(name, []):
        labels = choice["label"] or {}
        properties = {"id": choice["name"], "title": labels.get("en") or labels.get("fr") or ""}
        properties.update({k: v for k, v in choice["filters"].items() if k != "geometry"})
        features.append(
            {
                "type": "Feature",
                "geometry": _geojson_geometry(choice["filters"].get("geometry", "")),
                "properties": properties,
            }
        )
    document = {"type": "FeatureCollection", "features": features}
    return json.dumps(document, ensure_ascii=False, indent=1).encode()


def _geojson_geometry(text: str) -> dict[str, Any] | None:
    """ODK's location text back to GeoJSON: a point, or a line (a polygon when it closes)."""
    points = [p.split() for p in text.split(";") if p.strip()]
    coordinates = [[float(p[1]), float(p[0])] for p in points if len(p) >= 2]
    if not coordinates:
        return None
    if len(coordinates) == 1:
        return {"type": "Point", "coordinates": coordinates[0]}
    if len(coordinates) >= 4 and coordinates[0] == coordinates[-1]:
        return {"type": "Polygon", "coordinates": [coordinates]}
    return {"type": "LineString", "coordinates": coordinates}


def to_xml(definition: Mapping[str, Any], name: str) -> bytes:
    """ODK's XML item list; its labels have one language, as the file had (an element name
    cannot say which)."""
    from xml.etree.ElementTree import Element, SubElement, tostring

    root = Element("root")
    for choice in definition["choices"].get(name, []):
        item = SubElement(root, "item")
        SubElement(item, "name").text = choice["name"]
        labels = choice["label"] or {}
        SubElement(item, "label").text = labels.get("en") or labels.get("fr") or ""
        for column, value in choice["filters"].items():
            SubElement(item, column).text = value
    return tostring(root, encoding="utf-8", xml_declaration=True)


def attach(
    definition: Mapping[str, Any], files: Mapping[str, bytes], bare: str | None
) -> dict[str, Any]:
    """The definition with these files' choices in it; FormError, nothing changed, if a file is
    not one the form names or cannot be used."""
    named = definition.get("files", {})
    # A "label" column without a language is in the form's own bare language, if it has one.
    bare = next((lang for lang, spelt in definition["languages"].items() if not spelt), bare)
    problems: list[FormProblem] = []
    updated = copy.deepcopy(dict(definition))
    for name, data in files.items():
        if name not in named:
            problems.append(
                FormProblem(
                    name,
                    None,
                    "",
                    _("The form uses no file of this name. It uses: %(names)s.")
                    % {"names": ", ".join(sorted({*named, *definition.get("media", {})})) or "–"},
                )
            )
            continue
        before = len(problems)
        data_name = named[name].get("data")
        table = None
        if data_name:
            use = data_lookups(definition["fields"]).get(data_name, {"row": 0, "columns": set()})
            table = read_data_table(name, data, use, problems)
        users = [f for f in definition["fields"] if f.get("list_name") == name]
        choices: list[dict[str, Any]] = []
        if users:
            choices = _read_choices_for(name, data, users, bare, problems)
        if len(problems) == before:
            if users:
                updated["choices"][name] = choices
            updated["files"][name] = {**file_entry(data, choices), **_data_marks(named[name])}
            if table is not None:
                updated["files"][name]["rows"] = len(table["rows"])
                updated.setdefault("data", {})[data_name] = table
    if problems:
        raise FormError(problems)
    return updated


def _data_marks(entry: Mapping[str, Any]) -> dict[str, Any]:
    return {"data": entry["data"]} if entry.get("data") else {}


def _read_choices_for(
    name: str,
    data: bytes,
    users: list[dict[str, Any]],
    bare: str | None,
    problems: list[FormProblem],
) -> list[dict[str, Any]]:
    """The choices a file gives the questions that list them, checked against their filters."""
    parameters = next((f.get("parameters") or {} for f in users if f.get("parameters")), {})
    choices, columns = read_file_choices(name, data, parameters, bare, problems)
    for item in users:
        if not item["choice_filter"]:
            continue
        used = expressions.column_names(expressions.parse(item["choice_filter"]))
        for column in sorted(used - columns - {"name"}):
            problems.append(
                FormProblem(
                    name,
                    1,
                    "",
                    _(
                        "The choice_filter on survey row %(row)d uses a column “%(column)s” "
                        "this file does not have."
                    )
                    % {"row": item["row"], "column": column},
                )
            )
    return choices


def to_csv(definition: Mapping[str, Any], name: str) -> bytes:
    """An attached file written back from the choices it gave (UTF-8, one row per choice)."""
    from heard.questionnaires.xlsform import LANGUAGE_LABELS, LANGUAGES

    choices = definition["choices"].get(name, [])
    languages = definition["languages"]
    filters: list[str] = []
    for choice in choices:
        filters += [k for k in choice["filters"] if k not in filters]
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(
        [
            "name",
            # Each language named, so that the file reads the same beside any form.
            *(f"label::{languages[lang] or LANGUAGE_LABELS[lang]}" for lang in LANGUAGES),
            *filters,
        ]
    )
    for choice in choices:
        writer.writerow(
            [
                choice["name"],
                *((choice["label"] or {}).get(lang, "") for lang in LANGUAGES),
                *(choice["filters"].get(k, "") for k in filters),
            ]
        )
    return out.getvalue().encode("utf-8")
