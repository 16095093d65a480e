"""Django settings, read from `CEASEFIRE_*` environment variables.

Defaults give an embedded SQLite database under `var/` (zero set-up); setting
`CEASEFIRE_DATABASE_URL=postgresql://…` switches to PostgreSQL through psycopg 3.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parents[3]
VAR_DIR = Path(os.environ.get("CEASEFIRE_VAR_DIR", BASE_DIR / "var"))


def _flag(name: str, default: bool = False) -> bool:
    return os.environ.get(name, "1" if default else "0").lower() in {"1", "true", "yes", "on"}


def _secret_key() -> str:
    """Use the configured key, or one generated once and kept in var/ so sessions survive."""
    if key := os.environ.get("CEASEFIRE_SECRET_KEY"):
        return key
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = _flag("CEASEFIRE_DEBUG")
ALLOWED_HOSTS = os.environ.get("CEASEFIRE_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "ceasefire.web",
    "ceasefire.ledger",
    "ceasefire.accounts",
    "ceasefire.agreements",
    "ceasefire.incidents",
    "ceasefire.cases",
    "ceasefire.newsdesk",
    "ceasefire.evidence",
    "ceasefire.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "ceasefire.ledger.middleware.CorrelationMiddleware",
]

ROOT_URLCONF = "ceasefire.config.urls"
WSGI_APPLICATION = "ceasefire.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ceasefire.web.context.platform",
                "ceasefire.cases.context.inbox",
                "ceasefire.newsdesk.context.waiting",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("CEASEFIRE_DATABASE_URL", f"sqlite:///{VAR_DIR / 'ceasefire.sqlite3'}"),
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Concurrent writers queue on the database lock instead of failing mid-transaction.
    DATABASES["default"]["OPTIONS"] = {"transaction_mode": "IMMEDIATE", "timeout": 20}
    DATABASES["default"]["CONN_MAX_AGE"] = 0

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "web:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "web:home"

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Strict"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "ceasefire.api.auth.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "ceasefire.api.errors.exception_handler",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "ceasefire API",
    "DESCRIPTION": (
        "Agreement register, accounts and transparency log of a ceasefire monitoring, "
        "verification and enforcement mechanism. Every write appends one log entry."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
}

# The transparency log (see docs/log-operations.md).
# Workflow e-mail (tasking, reply windows, approvals needed) through Django's mail backends.
EMAIL_BACKEND = os.environ.get(
    "CEASEFIRE_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("CEASEFIRE_FROM_EMAIL", "ceasefire@localhost")
SITE_URL = os.environ.get("CEASEFIRE_SITE_URL", "http://127.0.0.1:8000")

# Shared by every worker (the public form's rate limit counts across them); the table is
# created by a migration of the incidents app.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "ceasefire_cache",
    }
}
PUBLIC_REPORTS_PER_WINDOW = int(os.environ.get("CEASEFIRE_PUBLIC_REPORTS_PER_WINDOW", "5"))
PUBLIC_REPORT_WINDOW_SECONDS = int(os.environ.get("CEASEFIRE_PUBLIC_REPORT_WINDOW", "3600"))
# The map: ISO 3166-1 numeric codes of the countries drawn as parties (world-atlas ids), and
# the initial view as "latitude,longitude,zoom".
MAP_COUNTRIES = os.environ.get("CEASEFIRE_MAP_COUNTRIES", "586,004")
MAP_CENTER = os.environ.get("CEASEFIRE_MAP_CENTER", "32.5,68.5,6")
# Form and JSON bodies (files stream separately): large enough for a pasted article of several
# megabytes to reach the news desk's own, clearer limit.
DATA_UPLOAD_MAX_MEMORY_SIZE = 8 * 1024 * 1024

# The news desk fetches http(s) pages and feeds; `file:` URLs only when this is on.
NEWS_ALLOW_FILE_URLS = _flag("CEASEFIRE_NEWS_ALLOW_FILE_URLS")
IMPORT_MAX_BYTES = int(os.environ.get("CEASEFIRE_IMPORT_MAX_BYTES", str(50 * 1024 * 1024)))

LOG_ORIGIN = os.environ.get("CEASEFIRE_LOG_ORIGIN", "ceasefire.example/demo")
KEY_DIR = Path(os.environ.get("CEASEFIRE_KEY_DIR", VAR_DIR / "keys"))
LOG_KEY_FILE = Path(os.environ.get("CEASEFIRE_LOG_KEY_FILE", KEY_DIR / "log.key"))
WITNESSES_FILE = Path(os.environ.get("CEASEFIRE_WITNESSES_FILE", KEY_DIR / "witnesses.txt"))
CHECKPOINT_INTERVAL = int(os.environ.get("CEASEFIRE_CHECKPOINT_INTERVAL", "60"))

# The evidence locker (see docs/decisions/0005-evidence-storage.md). Evidentiary copies live
# under their SHA-256, on the local disk by default or in any Django storage backend (e.g.
# `storages.backends.s3.S3Storage` from the `s3` extra) named by CEASEFIRE_EVIDENCE_STORAGE.
# Uploads stream into EVIDENCE_DIR/incoming/ (hashed as they arrive), so it must be local.
EVIDENCE_DIR = Path(os.environ.get("CEASEFIRE_EVIDENCE_DIR", VAR_DIR / "evidence"))
EVIDENCE_STORAGE = os.environ.get("CEASEFIRE_EVIDENCE_STORAGE", "local")
if EVIDENCE_STORAGE != "local":
    STORAGES["evidence"] = {"BACKEND": EVIDENCE_STORAGE}
EVIDENCE_MAX_BYTES = int(os.environ.get("CEASEFIRE_EVIDENCE_MAX_BYTES", str(200 * 1024 * 1024)))
EVIDENCE_ARCHIVE_MAX_EXPANDED = int(
    os.environ.get("CEASEFIRE_EVIDENCE_ARCHIVE_MAX_EXPANDED", str(1024 * 1024 * 1024))
)
EVIDENCE_ARCHIVE_MAX_RATIO = int(os.environ.get("CEASEFIRE_EVIDENCE_ARCHIVE_MAX_RATIO", "100"))
EVIDENCE_ARCHIVE_MAX_ENTRIES = int(
    os.environ.get("CEASEFIRE_EVIDENCE_ARCHIVE_MAX_ENTRIES", "10000")
)
# Every multipart file is hashed while it streams to disk; none is ever held whole in memory.
FILE_UPLOAD_HANDLERS = ["ceasefire.evidence.uploads.EvidenceUploadHandler"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("CEASEFIRE_LOG_LEVEL", "WARNING")},
}
