"""Session notes: a .docx whose document inflates to hundreds of megabytes, or whose parts lie
about their size, is refused before python-docx opens it, with a message naming the file and the
limit, on the notes page in English and French; no note is recorded."""

from __future__ import annotations

import html
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from heard.events.models import Note
from heard.events.notes import UploadError, read_upload
from tests import bombs
from tests.factories import MembershipFactory, UserFactory


def plain(words: str) -> str:
    return re.sub(r"[\s\u202f\xa0]+", " ", html.unescape(words))


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def refused(content: bytes) -> str:
    with pytest.raises(UploadError) as caught:
        read_upload("table-3.docx", content)
    return plain(str(caught.value))


def test_a_document_that_inflates_to_200_mb_is_refused_before_it_is_opened():
    assert refused(bombs.docx_bomb()) == (
        "“table-3.docx” would expand to 202 MB when opened, more than the limit of 64 MB; "
        "nothing was read."
    )


def test_a_part_that_holds_more_than_it_declares_is_refused():
    payload = b"<w:p/>" * (20 * bombs.MB // 6)
    lying = bombs.forged(
        bombs.with_part(bombs.small_docx(), "word/extra.xml", payload),
        "word/extra.xml",
        declared=4096,
        crc_of=payload[:4096],
    )
    assert refused(lying) == (
        "“table-3.docx” is damaged or forged: its part word/extra.xml holds more than the 4 KB "
        "it declares; nothing was read."
    )


def test_a_part_compressed_more_than_100_to_1_is_refused():
    docx = bombs.with_part(bombs.small_docx(), "word/media/image1.png", b"\0" * (30 * bombs.MB))
    assert "compressed 1,0" in refused(docx) and "more than the limit of 100 to 1" in refused(docx)


def test_a_normal_document_is_read():
    assert "We need more shelters in the north." in read_upload("notes.docx", bombs.small_docx())


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            "“table-3.docx” would expand to 202 MB when opened, more than the limit of 64 MB; "
            "nothing was read.",
        ),
        (
            "fr",
            "« table-3.docx » occuperait 202 Mo une fois décompressé, plus que la limite de 64 Mo "
            "; rien n'a été lu.",
        ),
    ],
)
@pytest.mark.django_db
def test_the_notes_page_refuses_a_bomb_in_english_and_french(
    client, session_event, language, expected
):
    user = UserFactory(username="notetaker")
    MembershipFactory(
        consultation=session_event.schedule_item.consultation, user=user, role="facilitator"
    )
    client.force_login(user)
    url = (
        f"/{language}/staff/consultations/{session_event.schedule_item.consultation.pk}/sessions/"
        f"{session_event.pk}/notes/"
    )
    upload = SimpleUploadedFile("table-3.docx", bombs.docx_bomb())
    page = client.post(url, {"action": "note", "language": "", "text": "", "upload": upload})
    assert page.status_code in (200, 400)  # the page again, with the reason by the field
    assert expected in plain(page.content.decode())
    assert Note.objects.count() == 0
