"""Settings for Heard, read from environment variables (see the table in README.md).

Two profiles, chosen by HEARD_ENV:

- ``development`` (the default): works with nothing set. Secrets are generated once into
  ``var/dev-secrets.json`` so a restart keeps sessions and encrypted data readable.
- ``production``: refuses to start unless every secret and the allowed hosts are given, and turns
  on every transport-security setting that ``manage.py check --deploy`` asks for.
"""

from __future__ import annotations

import ipaddress
import json
import os
import secrets
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
ENV = os.environ.get("HEARD_ENV", "development").strip().lower()
if ENV not in {"development", "production"}:
    raise ImproperlyConfigured(f"HEARD_ENV must be 'development' or 'production', not {ENV!r}.")
PRODUCTION = ENV == "production"

VAR_DIR = Path(os.environ.get("HEARD_VAR_DIR", BASE_DIR / "var")).resolve()


def _env_list(name: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


def _env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}.")


def _env_positive(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip() or str(default)
    if not raw.isdigit() or int(raw) < 1:
        raise ImproperlyConfigured(f"{name} must be a whole number above 0, not {raw!r}.")
    return int(raw)


def _development_secrets() -> dict[str, str]:
    """Generate development secrets once and keep them under var/ (never used in production)."""
    path = VAR_DIR / "dev-secrets.json"
    if path.exists():
        stored: dict[str, str] = json.loads(path.read_text())
        return stored
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    generated = {
        "secret_key": secrets.token_urlsafe(50),
        "encryption_key": Fernet.generate_key().decode(),
        "blind_index_key": secrets.token_urlsafe(32),
    }
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        json.dump(generated, handle)
    return generated


# --- Secrets ------------------------------------------------------------------------------------
# Encryption keys are kept apart from SECRET_KEY so that either can be rotated alone, and so that a
# leaked SECRET_KEY (which signs sessions) does not expose personal data at rest.
SECRET_KEY = os.environ.get("HEARD_SECRET_KEY", "")
ENCRYPTION_KEYS = _env_list("HEARD_ENCRYPTION_KEYS")
# Blind index keys, newest first like the encryption keys: lookups try every one, so an index
# still works while `heard rotate-keys` recomputes the stored hashes under the newest.
BLIND_INDEX_KEYS = _env_list("HEARD_BLIND_INDEX_KEY")
ALLOWED_HOSTS = _env_list("HEARD_ALLOWED_HOSTS")

if PRODUCTION:
    missing = [
        name
        for name, value in (
            ("HEARD_SECRET_KEY", SECRET_KEY),
            ("HEARD_ENCRYPTION_KEYS", ENCRYPTION_KEYS),
            ("HEARD_BLIND_INDEX_KEY", BLIND_INDEX_KEYS),
            ("HEARD_ALLOWED_HOSTS", ALLOWED_HOSTS),
        )
        if not value
    ]
    if missing:
        raise ImproperlyConfigured(
            "Heard will not start in production without: " + ", ".join(missing) + ". "
            "See the configuration table in README.md."
        )
    if len(SECRET_KEY) < 50:
        raise ImproperlyConfigured("HEARD_SECRET_KEY must be at least 50 characters long.")
else:
    dev = _development_secrets()
    SECRET_KEY = SECRET_KEY or dev["secret_key"]
    ENCRYPTION_KEYS = ENCRYPTION_KEYS or [dev["encryption_key"]]
    BLIND_INDEX_KEYS = BLIND_INDEX_KEYS or [dev["blind_index_key"]]
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]", "testserver"]

for _position, _key in enumerate(ENCRYPTION_KEYS, start=1):
    try:
        Fernet(_key)
    except (ValueError, TypeError) as error:
        raise ImproperlyConfigured(
            f"HEARD_ENCRYPTION_KEYS entry {_position} is not a valid Fernet key "
            "(32 url-safe base64-encoded bytes; make one with `heard keygen`)."
        ) from error

BLIND_INDEX_KEY = BLIND_INDEX_KEYS[0]

DEBUG = _env_bool("HEARD_DEBUG", default=False)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("HEARD_DEBUG cannot be on when HEARD_ENV=production.")

# --- Applications ---------------------------------------------------------------------------------
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp_webauthn",
    "heard.core",
    "heard.consultations",
    "heard.notify",
    "heard.stakeholders",
    "heard.events",
    "heard.questionnaires",
    "heard.analysis",
    "heard.reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "heard.core.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Public pages kept in memory, answered before the session, language and CSRF middleware (as
    # static files are), for visitors without a session only (heard/consultations/public_cache.py).
    "heard.consultations.public_cache.PublicPageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Before anything reads the session: a respondent's session row is read with their visit, in
    # one query (heard/questionnaires/visit_cookie.py, ADR 0023).
    "heard.questionnaires.visit_cookie.VisitMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "heard.core.sessions.SessionTimeoutMiddleware",  # after auth and messages: it uses both
    # After OTP's (which says who gave a second factor), messages and the session timeout.
    "heard.core.middleware.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "heard.urls"
WSGI_APPLICATION = "heard.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "heard" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "heard.core.context_processors.site",
                "heard.notify.context_processors.worker_warning",
                "heard.core.sessions.timeout",
            ],
        },
    },
    # The pages a respondent's personal link opens, in Jinja2 (heard.core.jinja, ADR 0021):
    # their templates end in .jinja and sit in each app's jinja2/ folder.
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "APP_DIRS": True,
        "OPTIONS": {
            "environment": "heard.core.jinja.environment",
            "context_processors": [
                "django.contrib.messages.context_processors.messages",
                "heard.core.context_processors.site",
                "heard.core.sessions.timeout",
                "heard.core.csrf_field.csrf_field",
            ],
        },
    },
    # Plain-text email (heard.notify.bilingual renders every email body with it, and nothing
    # else does): the same template folders, but nothing is HTML-escaped, so a title with "<" or
    # "&" reads as it was typed rather than as "&lt;" or "&amp;".
    {
        "NAME": "text",
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {"autoescape": False},
    },
]

# --- Database -------------------------------------------------------------------------------------
# SQLite under var/ needs nothing installed; PostgreSQL is chosen by DATABASE_URL.
_default_sqlite = f"sqlite:///{VAR_DIR / 'heard.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", "") or _default_sqlite,
        conn_max_age=int(os.environ.get("HEARD_DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    # WAL lets the web server read while the loader or worker writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        # Seconds a writer waits for another's transaction before "database is locked"; the
        # worker retries after that, but a web request would fail, so wait long enough for the
        # longest write (an import of 100,000 people commits in under 30 s on SQLite).
        "timeout": 30,
    }
    # Tests use a file too, not SQLite's shared in-memory database: that one fails simultaneous
    # writers at once ("table is locked") where a file waits its turn, as it does in production.
    # One file per test run, so that two runs at once never share it.
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"heard-test-{os.getpid()}.sqlite3")
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and _env_bool(
    "HEARD_DB_PREPARED_STATEMENTS", default=True
):
    # Statements run five times on a connection are prepared on the server, which then parses
    # and plans them once (ADR 0020). Needs server-side binding, and a direct connection or a
    # pooler in session mode: turn it off behind PgBouncer in transaction mode.
    DATABASES["default"]["OPTIONS"] = {"server_side_binding": True, "prepare_threshold": 5}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Authentication -------------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "heard.core.passwords.VarietyValidator"},
]
LOGIN_URL = "staff:login"
PASSWORD_RESET_TIMEOUT = 60 * 60  # a reset link works for an hour (Django's default: 3 days)
LOGIN_REDIRECT_URL = "staff:home"
LOGOUT_REDIRECT_URL = "staff:login"

# --- Languages and time ---------------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French"))]
# heard/locale_vendor: French for the passkey package's own strings (tools/fr_catalogue.py).
LOCALE_PATHS = [BASE_DIR / "heard" / "locale", BASE_DIR / "heard" / "locale_vendor"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = os.environ.get("HEARD_TIME_ZONE", "America/Toronto")

# --- Static files ---------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
MEDIA_ROOT = VAR_DIR / "media"
if not PRODUCTION:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # collectstatic fills it in production
# Serve static files from the app folders without collectstatic outside production.
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = DEBUG

# --- Security -------------------------------------------------------------------------------------
# Cookies are never readable from scripts and are sent only to this site.
SESSION_ENGINE = "heard.core.session_store"  # Django's database sessions, read by a prepared query
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
# How long sessions live (heard.core.sessions). A personal link's session ends with the browser
# (its cookie has no expiry date) and after a short idle time: people answer from shared
# computers, and some are at risk; the questionnaire keeps its draft on the server, so opening the
# link again loses nothing sent. A staff session ends after an idle time and, whatever happens,
# some hours after signing in, since staff pages show personal data.
HEARD_LINK_IDLE_SECONDS = 60 * _env_positive("HEARD_LINK_IDLE_MINUTES", 30)
HEARD_STAFF_IDLE_SECONDS = 60 * _env_positive("HEARD_STAFF_IDLE_MINUTES", 60)
HEARD_STAFF_MAX_SECONDS = 60 * 60 * _env_positive("HEARD_STAFF_SESSION_HOURS", 10)
# Exports of personal data and role changes ask for the password again after this long.
HEARD_REAUTH_SECONDS = 60 * _env_positive("HEARD_REAUTH_MINUTES", 10)
# Erasures and purges, kept outside the database (and its backups) so that a restore replays them.
HEARD_ERASURE_LOG = Path(
    os.environ.get("HEARD_ERASURE_LOG", "") or VAR_DIR / "erasure-log.jsonl"
).resolve()
# Delivered (or given up) emails keep their text this long, then only the record that they went.
HEARD_SENT_EMAIL_DAYS = _env_positive("HEARD_SENT_EMAIL_DAYS", 30)
SESSION_COOKIE_AGE = HEARD_STAFF_MAX_SECONDS  # the server refuses the session sooner if idle
X_FRAME_OPTIONS = "DENY"  # no page of Heard is meant to be framed (clickjacking)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"  # never leak page addresses to other hosts
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
CSRF_TRUSTED_ORIGINS = _env_list("HEARD_CSRF_TRUSTED_ORIGINS")
# A refused form gets the site's own page, in the page's language (not Django's bare English one).
CSRF_FAILURE_VIEW = "heard.core.errors.csrf_failure"
# Flash messages can name people ("Checked in: …"): keep them server-side, not in a cookie.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

# Reverse proxies whose X-Forwarded-For names the client (heard.core.clients): their addresses
# or networks. Without them, the address a request comes from is the client's.
HEARD_TRUSTED_PROXIES = _env_list("HEARD_TRUSTED_PROXIES")
HEARD_TRUSTED_PROXY_NETWORKS = []
for _entry in HEARD_TRUSTED_PROXIES:
    try:
        HEARD_TRUSTED_PROXY_NETWORKS.append(ipaddress.ip_network(_entry, strict=False))
    except ValueError:
        raise ImproperlyConfigured(
            f"HEARD_TRUSTED_PROXIES: {_entry!r} is not an IP address or a network such as "
            "10.0.0.0/24."
        ) from None

if PRODUCTION:
    # Behind a TLS-terminating proxy, trust its header only when told to.
    if _env_bool("HEARD_BEHIND_PROXY", default=False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = _env_bool("HEARD_SSL_REDIRECT", default=True)
    # A proxy or supervisor checks these over plain HTTP on the private side.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
    SESSION_COOKIE_SECURE = True  # cookies only over HTTPS
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("HEARD_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# Content security policy: only this host, and no inline script or style at all.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"

# --- Logging --------------------------------------------------------------------------------------
# Every log line is written through the redacting formatter: e-mail addresses and tokens never
# reach a log, tracebacks included. Django's own loggers are routed here too (its default
# configuration would otherwise print some of them with a plain formatter when DEBUG is on).
_LOG_LEVEL = os.environ.get("HEARD_LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"expected_forbidden": {"()": "heard.core.logfilters.ExpectedForbidden"}},
    "formatters": {
        "redacted": {
            "()": "heard.core.logfilters.RedactingFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s",
        }
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "redacted"}},
    "root": {"handlers": ["console"], "level": _LOG_LEVEL},
    "loggers": {
        **{
            name: {"handlers": ["console"], "level": _LOG_LEVEL, "propagate": False}
            for name in ("django", "django.server", "django.request", "django.security", "waitress")
        },
        # An expected 403 (PermissionDenied) is one line, not a traceback.
        "django.request": {
            "handlers": ["console"],
            "level": _LOG_LEVEL,
            "propagate": False,
            "filters": ["expected_forbidden"],
        },
        # waitress warns of its queue depth on every request that waits for a thread: a crowd
        # arriving at once would bury the log in these lines. Errors still come through.
        "waitress.queue": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        # WeasyPrint logs each layout step of each page at INFO: noise, not news. Its warnings
        # (a font missing, a CSS rule it cannot use) still come through.
        "weasyprint.progress": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}

# --- Email ---------------------------------------------------------------------------------------
# Every message goes through the outbox (heard.notify) and is delivered by `heard worker`.
# The default writes each message as a file under var/mail/, so nothing leaves the machine until
# an SMTP relay is configured.
HEARD_EMAIL_URL = os.environ.get("HEARD_EMAIL_URL", "file:")
HEARD_EMAIL_DOMAIN = os.environ.get("HEARD_EMAIL_DOMAIN", "heard.localhost")
HEARD_EMAIL_FROM = os.environ.get("HEARD_EMAIL_FROM", f"Heard <no-reply@{HEARD_EMAIL_DOMAIN}>")
HEARD_EMAIL_ENVELOPE_FROM = os.environ.get(
    "HEARD_EMAIL_ENVELOPE_FROM", HEARD_EMAIL_FROM.rsplit("<", 1)[-1].rstrip(">").strip()
)
HEARD_EMAIL_TIMEOUT = float(os.environ.get("HEARD_EMAIL_TIMEOUT", "30"))
HEARD_EMAIL_RETRY_SECONDS = float(os.environ.get("HEARD_EMAIL_RETRY_SECONDS", "60"))
HEARD_EMAIL_MAX_ATTEMPTS = int(os.environ.get("HEARD_EMAIL_MAX_ATTEMPTS", "12"))

# --- Background worker ----------------------------------------------------------------------------
# A job stays with its worker this long without a heartbeat (beats come every quarter of it); a
# worker on another machine that stops is noticed when the lease runs out. Staff pages warn when
# no worker has been seen for HEARD_WORKER_STALE_SECONDS and work is waiting.
HEARD_WORKER_LEASE_SECONDS = float(os.environ.get("HEARD_WORKER_LEASE_SECONDS", "120"))
HEARD_WORKER_STALE_SECONDS = float(os.environ.get("HEARD_WORKER_STALE_SECONDS", "180"))

# Processes an analysis run uses for its heaviest stages (redaction, coding). One runs them in the
# worker itself; more start from a fork server (docs/adr/0011). Two suit a two-core machine.
HEARD_ANALYSIS_PROCESSES = _env_positive("HEARD_ANALYSIS_PROCESSES", 2)
# Whether analysis runs read the answers' meaning with the bundled sentence model as well as their
# words: "auto" for runs of up to 5,000 distinct texts (the model takes minutes on more), "on",
# "off" (docs/adr/0013).
HEARD_ANALYSIS_MEANING = os.environ.get("HEARD_ANALYSIS_MEANING", "auto")
if HEARD_ANALYSIS_MEANING not in ("auto", "on", "off"):
    raise ImproperlyConfigured(
        f"HEARD_ANALYSIS_MEANING must be auto, on or off, not {HEARD_ANALYSIS_MEANING!r}"
    )

# Personal links in email point here: the address the public reaches the site at.
HEARD_PUBLIC_URL = os.environ.get("HEARD_PUBLIC_URL", "http://127.0.0.1:8000")
# Where the questionnaire's "Leave this site" button goes: a neutral page that gives nothing away.
HEARD_QUICK_EXIT_URL = os.environ.get("HEARD_QUICK_EXIT_URL", "https://weather.gc.ca/")

# --- Heard ----------------------------------------------------------------------------------------
HEARD_SITE_NAME = os.environ.get("HEARD_SITE_NAME", "Heard")
# The largest file a respondent may attach to an answer (image, audio, video, file questions), in
# megabytes. Kept encrypted in the database with the response; the proxy's client_max_body_size
# (deploy/nginx) must allow it.
HEARD_ANSWER_FILE_MAX_MB = _env_positive("HEARD_ANSWER_FILE_MAX_MB", 10)
# Public pages are kept in each web process's memory (heard/consultations/public_cache.py). Each
# process asks the database whether they changed at most this often (seconds; 0: on every request).
# A change made through another process shows within this time; through the same one, at once.
_check = os.environ.get("HEARD_PUBLIC_PAGE_CHECK_SECONDS", "").strip() or "1"
try:
    HEARD_PUBLIC_PAGE_CHECK_SECONDS = float(_check)
except ValueError:
    HEARD_PUBLIC_PAGE_CHECK_SECONDS = -1.0
if not 0 <= HEARD_PUBLIC_PAGE_CHECK_SECONDS <= 60:
    raise ImproperlyConfigured(
        f"HEARD_PUBLIC_PAGE_CHECK_SECONDS must be a number of seconds from 0 to 60, not {_check!r}."
    )

# --- Second factor for staff (django-otp; passkeys through django-otp-webauthn) ----------------
# Who must have one: staff with one of these roles in any consultation (others may add one).
HEARD_SECOND_FACTOR_ROLES = tuple(
    _env_list("HEARD_SECOND_FACTOR_ROLES")
    if "HEARD_SECOND_FACTOR_ROLES" in os.environ
    else ["lead", "analyst"]
)
# A passkey belongs to a domain name, the public address's (an IP address cannot be one, so the
# development default 127.0.0.1 becomes localhost); sign-in pages must be reached at that name.
_public = urlsplit(HEARD_PUBLIC_URL)
_host = _public.hostname or "localhost"
try:
    ipaddress.ip_address(_host)
    _host = "localhost"
except ValueError:
    pass
OTP_WEBAUTHN_RP_ID = _host
OTP_WEBAUTHN_RP_NAME = HEARD_SITE_NAME
OTP_WEBAUTHN_ALLOWED_ORIGINS = [
    f"{_public.scheme}://{_host}" + (f":{_public.port}" if _public.port else "")
]
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False  # a passkey is the second factor, after the password
