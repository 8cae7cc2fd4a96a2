"""The deployment files in deploy/ are read by the programs that use them: nginx accepts the
production site with the shared proxy rules, and systemd accepts the units. CI installs nginx
and sets HEARD_REQUIRE_NGINX=1, which turns a missing nginx into a failure; the local cluster
built from the same files is run by CI's fault test (bench/questionnaire_200.py)."""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"


def _nginx() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else "")
    if not found:
        if os.environ.get("HEARD_REQUIRE_NGINX"):
            pytest.fail("HEARD_REQUIRE_NGINX is set but nginx is not installed")
        pytest.skip("nginx is not installed (apt-get install nginx)")
    return found


def _self_signed(folder: Path) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "consult.example.org")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + datetime.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    cert, private = folder / "fullchain.pem", folder / "privkey.pem"
    cert.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    private.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert, private


def test_nginx_accepts_the_production_site_and_the_shared_proxy_rules(tmp_path):
    nginx = _nginx()
    cert, private = _self_signed(tmp_path)
    site = (DEPLOY / "nginx" / "heard-site.conf").read_text()
    for installed, here in {
        "/etc/nginx/snippets/heard-proxy.conf": DEPLOY / "nginx" / "heard-proxy.conf",
        "/etc/letsencrypt/live/consult.example.org/fullchain.pem": cert,
        "/etc/letsencrypt/live/consult.example.org/privkey.pem": private,
        "/var/log/nginx/heard.access.log": tmp_path / "access.log",
    }.items():
        assert installed in site, f"heard-site.conf no longer names {installed}"
        site = site.replace(installed, str(here))
    (tmp_path / "heard-site.conf").write_text(site)
    # What Debian's /etc/nginx/nginx.conf does around a file of sites-enabled.
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path / 'nginx.pid'};\nerror_log {tmp_path / 'error.log'};\n"
        "events {}\n"
        f"http {{\n  include {tmp_path / 'heard-site.conf'};\n}}\n"
    )
    checked = subprocess.run(
        [nginx, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stderr
    assert "test is successful" in checked.stderr


def test_the_local_cluster_writes_a_configuration_nginx_accepts(tmp_path):
    nginx = _nginx()
    sys.path.insert(0, str(ROOT))
    try:
        from deploy.cluster import nginx_config
    finally:
        sys.path.remove(str(ROOT))
    for kind in ("nginx", "logs"):
        (tmp_path / kind).mkdir()
    for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (tmp_path / "nginx" / kind).mkdir()
    conf = tmp_path / "nginx" / "nginx.conf"
    conf.write_text(nginx_config(tmp_path, 18080, [18001, 18002]))
    checked = subprocess.run(
        [nginx, "-t", "-p", str(tmp_path / "nginx"), "-c", str(conf)],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stderr
    text = conf.read_text()
    assert "server 127.0.0.1:18001" in text and "server 127.0.0.1:18002" in text
    assert str(DEPLOY / "nginx" / "heard-proxy.conf") in text


def test_systemd_accepts_the_units(tmp_path):
    analyze = shutil.which("systemd-analyze")
    if not analyze:
        pytest.skip("systemd-analyze is not installed")
    heard = Path(sys.executable).parent / "heard"
    names = []
    for unit in sorted((DEPLOY / "systemd").iterdir()):
        text = unit.read_text().replace("/opt/heard/venv/bin/heard", str(heard))
        text = text.replace("EnvironmentFile=/etc/heard/heard.env", "EnvironmentFile=-/dev/null")
        (tmp_path / unit.name).write_text(text)
        # A template is checked through an instance of it, as systemd starts it.
        names.append(unit.name.replace("@.", "@8001.") if "@." in unit.name else unit.name)
    for unit in list(tmp_path.iterdir()):
        if "@." in unit.name:
            (tmp_path / unit.name.replace("@.", "@8001.")).symlink_to(unit)
    checked = subprocess.run(
        [analyze, "verify", *[str(tmp_path / name) for name in names]],
        capture_output=True,
        text=True,
        env={**os.environ, "SYSTEMD_LOG_LEVEL": "warning"},
    )
    problems = [
        line
        for line in (checked.stdout + checked.stderr).splitlines()
        # What a container without systemd as its init says about itself, not about our units.
        if line.strip()
        and "multi-user.target" not in line
        and "System has not been booted" not in line
    ]
    assert checked.returncode == 0 or not problems, "\n".join(problems)
    assert not problems, "\n".join(problems)
