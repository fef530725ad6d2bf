"""The check that the desktop app and the command line hold only the Desk (issue 10):
from ``passapp.services`` they may use the Desk, errors, dataclasses and pure helpers,
never the service context nor a service function that takes a context or a session."""

from __future__ import annotations

import ast
import importlib
import inspect


def bypasses_the_desk(module: str, name: str) -> bool:
    """Whether ``module.name`` would let a caller act without the Desk's role check."""
    if module == "passapp.services.context":
        return True
    thing = getattr(importlib.import_module(module), name)
    if not inspect.isfunction(thing):
        return False
    parameters = list(inspect.signature(thing).parameters.values())
    if not parameters:
        return False
    first = parameters[0]
    annotation = str(first.annotation)
    return first.name in {"ctx", "session"} or any(
        kind in annotation for kind in ("ServiceContext", "Session")
    )


def service_names(tree: ast.Module) -> list[tuple[str, str]]:
    """(module, name) for every name a module uses from passapp.services, imported by
    name or reached as ``module.name`` after ``from passapp.services import module``."""
    used: list[tuple[str, str]] = []
    modules: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("passapp.services"):
            for alias in node.names:
                if node.module == "passapp.services":
                    modules[alias.asname or alias.name] = f"passapp.services.{alias.name}"
                else:
                    used.append((node.module or "", alias.name))
        elif isinstance(node, ast.Import):
            used += [(alias.name, "*") for alias in node.names if "services" in alias.name]
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in modules
        ):
            used.append((modules[node.value.id], node.attr))
    return used
