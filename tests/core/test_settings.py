"""The production profile refuses to start without its secrets, and passes Django's deploy check."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parents[2]


def _run(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("HEARD_", "DJANGO_"))}
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


PRODUCTION = {
    "HEARD_ENV": "production",
    "HEARD_SECRET_KEY": secrets.token_urlsafe(50),
    "HEARD_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
    "HEARD_BLIND_INDEX_KEY": "b" * 40,
    "HEARD_ALLOWED_HOSTS": "consult.example.org",
}


def test_production_refuses_to_start_without_secrets(tmp_path):
    result = _run(["manage.py", "check"], HEARD_ENV="production", HEARD_VAR_DIR=str(tmp_path))
    assert result.returncode != 0
    for name in [
        "HEARD_SECRET_KEY",
        "HEARD_ENCRYPTION_KEYS",
        "HEARD_BLIND_INDEX_KEY",
        "HEARD_ALLOWED_HOSTS",
    ]:
        assert name in result.stderr
    assert not (tmp_path / "dev-secrets.json").exists()


def test_production_rejects_a_malformed_encryption_key(tmp_path):
    env = {**PRODUCTION, "HEARD_ENCRYPTION_KEYS": "not-a-key", "HEARD_VAR_DIR": str(tmp_path)}
    result = _run(["manage.py", "check"], **env)
    assert result.returncode != 0
    assert "HEARD_ENCRYPTION_KEYS entry 1 is not a valid Fernet key" in result.stderr


def test_production_passes_the_deploy_check_with_no_warnings(tmp_path):
    env = {**PRODUCTION, "HEARD_VAR_DIR": str(tmp_path)}
    result = _run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **env)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_development_generates_and_keeps_its_own_secrets(tmp_path):
    env = {"HEARD_VAR_DIR": str(tmp_path)}
    code = "from django.conf import settings; print(settings.SECRET_KEY)"
    first = _run(
        [
            "-c",
            f"import django, os; os.environ['DJANGO_SETTINGS_MODULE']='heard.settings'; django.setup(); {code}",
        ],
        **env,
    )
    second = _run(
        [
            "-c",
            f"import django, os; os.environ['DJANGO_SETTINGS_MODULE']='heard.settings'; django.setup(); {code}",
        ],
        **env,
    )
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout and len(first.stdout.strip()) >= 50
    assert oct((tmp_path / "dev-secrets.json").stat().st_mode & 0o777) == "0o600"


def test_an_unknown_analysis_meaning_mode_is_named(tmp_path):
    result = _run(
        ["manage.py", "check"], HEARD_ANALYSIS_MEANING="sometimes", HEARD_VAR_DIR=str(tmp_path)
    )
    assert result.returncode != 0
    assert "HEARD_ANALYSIS_MEANING must be auto, on or off, not 'sometimes'" in result.stderr


def test_a_trusted_proxy_that_is_not_an_address_is_named(tmp_path):
    env = {**PRODUCTION, "HEARD_VAR_DIR": str(tmp_path), "HEARD_TRUSTED_PROXIES": "10.0.0.1,proxy"}
    result = _run(["manage.py", "check"], **env)
    assert result.returncode != 0
    assert "HEARD_TRUSTED_PROXIES: 'proxy' is not an IP address" in result.stderr
    fine = _run(
        ["manage.py", "check"], **{**env, "HEARD_TRUSTED_PROXIES": "10.0.0.1, 2001:db8::/32"}
    )
    assert fine.returncode == 0, fine.stderr
