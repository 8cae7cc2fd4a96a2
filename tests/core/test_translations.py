"""Every interface string has its French, and the compiled catalogue matches the source."""

from __future__ import annotations

from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parents[2] / "heard/locale/fr/LC_MESSAGES"


def test_every_message_is_translated():
    po = polib.pofile(str(LOCALE / "django.po"))
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []
    assert len(po.translated_entries()) > 100


def test_compiled_catalogue_is_up_to_date():
    po = polib.pofile(str(LOCALE / "django.po"))
    mo = polib.mofile(str(LOCALE / "django.mo"))
    source = {
        (e.msgid, e.msgstr or tuple(sorted(e.msgstr_plural.items())))
        for e in po.translated_entries()
    }
    compiled = {
        (e.msgid, e.msgstr or tuple(sorted(e.msgstr_plural.items()))) for e in mo if e.msgid
    }
    assert source == compiled, "run `make messages` to recompile django.mo"
