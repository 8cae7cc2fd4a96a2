"""A consultation folder's codebook (`codebook.yaml`, `.toml` or `.qdc`), loaded by `heard load`
and `heard demo` as the consultation's working codebook."""

from __future__ import annotations

from pathlib import Path

from heard.analysis import codebooks
from heard.analysis.engine.codebook import CodebookError, load_codebook
from heard.consultations.loading import LOADER_LABEL
from heard.consultations.models import Consultation
from heard.core.sources import Problem, SourceError

NAMES = ("codebook.yaml", "codebook.yml", "codebook.toml", "codebook.qdc")


def load_folder_codebook(folder: Path, consultation: Consultation) -> list[str]:
    """Load the folder's codebook, if it has one; returns what changed."""
    path = next((folder / name for name in NAMES if (folder / name).is_file()), None)
    if path is None:
        return []
    try:
        codebook = load_codebook(path)
    except CodebookError as error:
        raise SourceError(
            Problem(path.name, problem.field, problem.line, problem.message)
            for problem in error.problems
        ) from None
    changed = codebooks.replace_codebook(
        actor=None,
        consultation=consultation,
        data=codebook.to_dict(),
        system_label=LOADER_LABEL,
    )
    return [f"codebook revision {changed.revision}"] if changed else []
