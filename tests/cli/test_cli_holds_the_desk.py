"""The command line reaches the services only through the Desk (issue 10): from
``passapp.services`` it imports the Desk, the errors, and input and view dataclasses, never
a context or a function that takes one, so no command can skip the log-in or the role
check."""

from __future__ import annotations

import ast
from pathlib import Path

import passapp.cli

ALLOWED = {
    "passapp.services.desk": {"Desk", "Gate", "PermissionDenied"},
    "passapp.services.errors": {"InvalidInput", "PartialExport", "ServiceError"},
    "passapp.services.views": {"EligibilityView"},
    "passapp.services.people": {"PersonInput", "CONSENT_NOTICE_VERSION"},
    "passapp.services.entries": {"EntryInput"},
    "passapp.services.accounts": {"AccountView"},
}


def service_imports() -> list[tuple[str, str]]:
    tree = ast.parse(Path(passapp.cli.__file__).read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, "*") for alias in node.names if "services" in alias.name]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
            "passapp.services"
        ):
            found += [(node.module or "", alias.name) for alias in node.names]
    return found


def test_the_cli_imports_from_the_services_only_the_desk_errors_and_dataclasses() -> None:
    imports = service_imports()
    assert ("passapp.services.desk", "Gate") in imports  # the check reads the real file
    strays = [(module, name) for module, name in imports if name not in ALLOWED.get(module, ())]
    assert strays == []
    source = Path(passapp.cli.__file__).read_text(encoding="utf-8")
    assert "ServiceContext" not in source
    assert "open_context" not in source
    assert "PASSAPP_CLERK" not in source
