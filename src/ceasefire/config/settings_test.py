"""Test settings: the same platform, with only what tests need changed."""

from __future__ import annotations

import tempfile
from pathlib import Path

from ceasefire.config.settings import *  # noqa: F403  # the test settings extend the real ones

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast; tests only
ALLOWED_HOSTS = ["*"]
KEY_DIR = Path(tempfile.mkdtemp(prefix="ceasefire-test-keys-"))
LOG_KEY_FILE = KEY_DIR / "log.key"
WITNESSES_FILE = KEY_DIR / "witnesses.txt"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
EVIDENCE_DIR = Path(tempfile.mkdtemp(prefix="ceasefire-test-evidence-"))
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="ceasefire-test-static-"))
WHITENOISE_AUTOREFRESH = True
