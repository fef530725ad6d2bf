"""The command line reaches the services only through the Desk (issue 10): from
``passapp.services`` it imports the Desk, the errors, input and view dataclasses and pure
helpers, never a context or a function that takes a context or a session, so no command
can skip the log-in or the role check."""

from __future__ import annotations

import ast
from pathlib import Path

import passapp.cli
from tests.support.desk_only import bypasses_the_desk, service_names


def test_the_cli_imports_from_the_services_only_the_desk_errors_and_dataclasses() -> None:
    source = Path(passapp.cli.__file__).read_text(encoding="utf-8")
    imports = service_names(ast.parse(source))
    assert ("passapp.services.desk", "Gate") in imports  # the check reads the real file
    strays = [(module, name) for module, name in imports if bypasses_the_desk(module, name)]
    assert strays == []
    assert not [module for module, name in imports if name == "*"]  # no module imported whole
    assert "ServiceContext" not in source
    assert "open_context" not in source
    assert "PASSAPP_CLERK" not in source
