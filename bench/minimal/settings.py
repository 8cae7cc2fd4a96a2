"""Heard's settings plus the baseline app: one table, one view that inserts a row."""

from heard.settings import *  # noqa: F403 - the baseline is Heard's configuration, not a new one
from heard.settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "bench.minimal"]
# Heard's own addresses stay (the benchmark's setup reverses personal links with them).
ROOT_URLCONF = "bench.minimal.urls"
WSGI_APPLICATION = "bench.minimal.wsgi.application"
