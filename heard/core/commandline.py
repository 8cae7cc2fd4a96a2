"""What every `heard` subcommand shares: Django set up once, in English.

Used by heard.cli and by the commands other apps add to it (heard.analysis.commands), so that no
app imports heard.cli, which sits above every app (see the import-linter layers in pyproject.toml).
"""

from __future__ import annotations

import os


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "heard.settings")
    import django
    from django.apps import apps
    from django.utils import translation

    # Set up once: a second django.setup() would bind logging to whatever sys.stderr is then
    # (under a test, a capture that is closed afterwards, which later log lines would hit).
    if not apps.ready:
        django.setup()
    # The command line speaks English; field names in messages match the files' English keys.
    translation.activate("en")
