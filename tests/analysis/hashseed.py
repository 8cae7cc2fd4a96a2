"""Run a Python snippet in fresh processes with different string-hash seeds (PYTHONHASHSEED).

The engine promises the same output whatever the hash seed; a test proves it by running the same
snippet under two seeds and comparing what it prints.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def outputs_under_hash_seeds(script: str, seeds: tuple[str, ...] = ("1", "2")) -> list[str]:
    """What `script` prints under each seed, run from the repository root."""
    return [
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
            env={**os.environ, "PYTHONHASHSEED": seed},
            cwd=ROOT,
        ).stdout
        for seed in seeds
    ]
