"""An upload refused by heard.archives, in words for the person who sent it.

heard.archives is pure (the analysis engine uses it), so its messages are English templates; this
puts them in the active language, with numbers grouped as that language writes them ("250,000",
"250 000"). Readers call it where they raise their own error (TableError, FormError, UploadError),
inside the request, so the screens show it in the language of the page.
"""

from __future__ import annotations

from django.utils.formats import number_format
from django.utils.translation import gettext

from heard.archives import Refused


def explain(refused: Refused) -> str:
    return refused.describe(gettext, lambda value: number_format(value, force_grouping=True))
