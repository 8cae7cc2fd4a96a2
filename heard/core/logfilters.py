"""Keep personal data and secrets out of log lines.

Redaction happens in the formatter, on the finished line, so it also covers exception tracebacks
and the arguments of every logger (settings.LOGGING routes Django's own loggers through it).
"""

from __future__ import annotations

import logging
import re

from django.core.exceptions import PermissionDenied

# Plain and percent-encoded e-mail addresses (“a@b.ca”, “a%40b.ca”).
_EMAIL = re.compile(r"[\w.+-]+(?:@|%40)[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
EMAIL = _EMAIL  # also masks addresses on staff pages (heard.core.templatetags.heard)
# Query-string values that carry secrets (personal links, password resets).
_SECRET_PARAM = re.compile(r"(?i)\b(token|key|password|code|sessionid|csrftoken)=([^&\s\"';]+)")
# Long random path segments, the shape of tokens in personal links: 32+ URL-safe characters mixing
# digits and capitals (page slugs are lower case).
_TOKEN_SEGMENT = re.compile(
    r"(?<=/)(?=[A-Za-z0-9_-]*\d)(?=[A-Za-z0-9_-]*[A-Z])[A-Za-z0-9_-]{32,}(?=/|\?|\s|$)"
)


# Personal links (/r/ for sessions, /q/ for the questionnaire): what follows is a token.
_PERSONAL_LINK = re.compile(r"/([rq])/[^/\s?\"']+")
# A password reset link: /staff/password/reset/<account>/<token>/ (Django's token is lower case).
_RESET_LINK = re.compile(r"(/password/reset/)(?!sent/)[^/\s?\"']+/[^/\s?\"']+")


def redact(text: str) -> str:
    text = _EMAIL.sub("[email]", text)
    text = _PERSONAL_LINK.sub(r"/\1/[token]", text)
    text = _RESET_LINK.sub(r"\1[token]", text)
    text = _SECRET_PARAM.sub(r"\1=[redacted]", text)
    return _TOKEN_SEGMENT.sub("[token]", text)


class RedactingFormatter(logging.Formatter):
    """A formatter whose output, traceback included, has emails and secrets masked."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class ExpectedForbidden(logging.Filter):
    """A refusal raised on purpose (PermissionDenied) is one line with its reason, no traceback.

    Django logs "Forbidden (Permission denied): <path>" with the exception attached, which prints
    a whole traceback for what is an ordinary answer. Attached to the django.request logger; the
    line still goes through the redacting formatter.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, PermissionDenied):
            record.exc_info = None
            record.exc_text = None
            reason = str(error)
            if reason and isinstance(record.args, tuple):
                record.msg = f"{record.msg} (%s)"
                record.args = (*record.args, reason)
        return True
