"""The `heard` command's own behaviour (loading is tested in tests/consultations/test_loader.py)."""

from __future__ import annotations

import socket

import pytest
from cryptography.fernet import Fernet

from heard.cli import main


def test_serve_explains_a_port_already_in_use(capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--port", str(port)]) == 1
    err = capsys.readouterr().err
    assert f"port {port} is already in use" in err
    assert f"--port {port + 1}" in err


def test_keygen_prints_usable_production_secrets(capsys):
    assert main(["keygen"]) == 0
    values = dict(line.split("=", 1) for line in capsys.readouterr().out.splitlines())
    assert set(values) == {"HEARD_SECRET_KEY", "HEARD_ENCRYPTION_KEYS", "HEARD_BLIND_INDEX_KEY"}
    Fernet(values["HEARD_ENCRYPTION_KEYS"])  # a valid key
    assert len(values["HEARD_SECRET_KEY"]) >= 50


@pytest.mark.slow
@pytest.mark.django_db
def test_demo_without_serving_loads_the_demo_and_prints_a_login(capsys, settings, tmp_path):
    settings.HEARD_EMAIL_URL = f"file://{tmp_path}"
    assert main(["demo", "--no-serve", "--port", "8123"]) == 0
    out = capsys.readouterr().out
    assert (
        "http://127.0.0.1:8123/en/consultations/engagement-way-forward-end-human-trafficking/"
        in out
    )
    assert (
        "http://127.0.0.1:8123/fr/consultations/consultation-voie-a-suivre-mettre-fin-traite-personnes/"
        in out
    )
    assert "username: demo-lead" in out
    password = out.split("password: ")[1].split()[0]
    from django.contrib.auth import get_user_model

    lead = get_user_model().objects.get(username="demo-lead")
    assert lead.check_password(password)
    assert lead.memberships.get().role == "lead"
    # The fictional registry, the four sessions and what happened there.
    from heard.events.models import Attendance, Note, Session
    from heard.notify.models import Message
    from heard.stakeholders.models import Person

    assert "Fictional registry: 300 people" in out
    assert Person.objects.count() == 300
    assert Session.objects.count() == 4
    assert Attendance.objects.values("invitation__person").distinct().count() > 200
    languages = {
        note.session.schedule_item.key: note.language
        for note in Note.objects.all()
        if note.language != "mixed"
    }
    assert languages == {
        "vancouver": "en",
        "winnipeg": "en",
        "montreal": "fr",
        "toronto-summit": "en",
    }
    assert not Message.objects.exclude(state="sent").exists()  # delivered, as files
    assert len(list(tmp_path.glob("*.eml"))) == Message.objects.count()
    # Both reports, published in both languages, with their files made.
    from heard.consultations.models import PublishedDocument
    from heard.reports.models import VersionFile

    assert "Reports: 2 published, 10 files made" in out
    assert set(PublishedDocument.objects.values_list("key", flat=True)) == {"full", "questionnaire"}
    assert VersionFile.objects.filter(kind="pdf").count() == 4
    assert main(["demo", "--no-serve"]) == 0  # a second run changes nothing
    assert Person.objects.count() == 300
    assert VersionFile.objects.count() == 10


@pytest.mark.slow
def test_serve_with_worker_delivers_email_from_the_same_process(tmp_path):
    import os
    import subprocess
    import sys
    import time
    from pathlib import Path

    from tests.smtp import free_port

    root = Path(__file__).resolve().parents[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HEARD_", "DATABASE_URL"))}
    env.update(HEARD_VAR_DIR=str(tmp_path / "var"), HEARD_EMAIL_URL=f"file://{tmp_path / 'mail'}")
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "heard.cli",
            "serve",
            "--migrate",
            "--with-worker",
            "--port",
            str(port),
        ],
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        queue = (
            "import django; django.setup()\n"
            "from django.db import transaction\n"
            "from heard.notify.services import queue_email\n"
            "with transaction.atomic():\n"
            "    queue_email(scope='', kind='test', dedupe_key='embedded', to='a@b.example',"
            " subject='Embedded', text='Hello')\n"
        )
        import socket

        for _ in range(600):  # the server listens once its migrations are done
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        subprocess.run(
            [sys.executable, "-c", queue],
            cwd=root,
            check=True,
            timeout=60,
            env=dict(env, DJANGO_SETTINGS_MODULE="heard.settings"),
        )
        for _ in range(300):
            if list((tmp_path / "mail").glob("*.eml")):
                break
            time.sleep(0.1)
        assert len(list((tmp_path / "mail").glob("*.eml"))) == 1
    finally:
        server.terminate()
        server.wait(10)
