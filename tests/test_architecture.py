"""Architecture rules that lint cannot see: thin views, logged services, no signals."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import subprocess
import sys
from pathlib import Path

import ceasefire
from ceasefire.ledger import discipline

SRC = Path(ceasefire.__file__).parent
WRITES = {
    "save",
    "create",
    "update",
    "delete",
    "bulk_create",
    "bulk_update",
    "get_or_create",
    "update_or_create",
}


def _calls(path: Path):
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            yield node.func.attr, node.lineno


def test_views_api_and_forms_never_write_rows():
    offenders = [
        f"{path.relative_to(SRC)}:{line} .{name}()"
        for name_ in ("views.py", "api.py", "forms.py", "serializers.py")
        for path in SRC.rglob(name_)
        for name, line in _calls(path)
        if name in WRITES
    ]
    assert offenders == []


def _service_modules():
    for module in pkgutil.walk_packages(ceasefire.__path__, "ceasefire."):
        if module.name.endswith(".services"):
            yield importlib.import_module(module.name)


def test_every_public_service_function_is_decorated():
    undecorated = []
    for module in _service_modules():
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ != module.__name__ or name.startswith("_"):
                continue
            qualified = f"{module.__name__}.{name}"
            if qualified not in discipline.SERVICES and name not in {
                "record",
                "record_batch",
                "actor_label",
                "hash_token",
            }:
                undecorated.append(qualified)
    assert undecorated == []


def test_no_signals_anywhere():
    for path in SRC.rglob("*.py"):
        text = path.read_text()
        assert "django.db.models.signals" not in text and "django.dispatch" not in text, path


def test_pure_cores_import_no_django():
    result = subprocess.run(
        [sys.executable, "-m", "importlinter.cli"], capture_output=True, text=True, check=False
    )
    if result.returncode != 0 and "No module named importlinter.cli" in result.stderr:
        result = subprocess.run(
            [str(Path(sys.executable).parent / "lint-imports")],
            capture_output=True,
            text=True,
            check=False,
        )
    assert result.returncode == 0, result.stdout + result.stderr


def test_models_and_migrations_agree(db):
    from io import StringIO

    from django.core.management import call_command

    output = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=output)
    assert "No changes detected" in output.getvalue()
