"""The vectors file, loaded once; its SHA-256 is checked before anything uses it."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

VECTORS = Path(__file__).resolve().parents[1] / "data" / "rfc6962-vectors.json"
VECTORS_SHA256 = "ee40191b52c92e4c42f64865e475188fbbda6962db99a7015d5e8d67b39f99c8"


@pytest.fixture(scope="session")
def vectors():
    raw = VECTORS.read_bytes()
    assert hashlib.sha256(raw).hexdigest() == VECTORS_SHA256
    return json.loads(raw)
