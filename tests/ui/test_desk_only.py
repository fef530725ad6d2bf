"""The desktop app holds only the Desk (issue 10): no widget module imports the service
context or calls a service function that takes one, so every use case it runs passes the
Desk's role check. (The import contract in pyproject.toml forbids ``services.context``.)"""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "src" / "passapp" / "ui"


def _takes_a_context(thing: object) -> bool:
    if not inspect.isfunction(thing):
        return False
    parameters = list(inspect.signature(thing).parameters.values())
    return bool(parameters) and (
        parameters[0].name == "ctx" or "ServiceContext" in str(parameters[0].annotation)
    )


def _service_names(tree: ast.Module) -> list[tuple[str, str]]:
    """(module, name) for every name a ui module uses from passapp.services."""
    used: list[tuple[str, str]] = []
    modules: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("passapp.services"):
            for alias in node.names:
                if node.module == "passapp.services":
                    modules[alias.asname or alias.name] = f"passapp.services.{alias.name}"
                else:
                    used.append((node.module or "", alias.name))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in modules
        ):
            used.append((modules[node.value.id], node.attr))
    return used


def test_no_widget_module_uses_the_context_or_a_service_function_taking_it() -> None:
    offenders = []
    for path in sorted(UI.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for module, name in _service_names(tree):
            if module == "passapp.services.context":
                offenders.append(f"{path.name}: {module}.{name}")
            elif _takes_a_context(getattr(importlib.import_module(module), name)):
                offenders.append(f"{path.name}: {module}.{name}(ctx, …)")
    assert offenders == []


def test_the_check_would_see_a_service_call() -> None:
    tree = ast.parse(
        "from passapp.services.search import find\nfrom passapp.services import choices\n"
        "choices.municipalities\n"
    )
    found = _service_names(tree)
    assert ("passapp.services.search", "find") in found
    assert _takes_a_context(importlib.import_module("passapp.services.search").find)
    assert _takes_a_context(importlib.import_module("passapp.services.choices").municipalities)
    assert ("passapp.services.choices", "municipalities") in found
