"""Keep personal data and secrets out of log lines."""

from __future__ import annotations

import logging
import re

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Query-string values that carry secrets (personal links, password resets).
_SECRET_PARAM = re.compile(r"(?i)\b(token|key|password|code)=([^&\s\"']+)")


def redact(text: str) -> str:
    text = _EMAIL.sub("[email]", text)
    return _SECRET_PARAM.sub(r"\1=[redacted]", text)


class RedactPersonalData(logging.Filter):
    """Rewrite each record's message with emails and secret parameters masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            return True
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True
