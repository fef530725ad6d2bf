"""The desktop app holds only the Desk (issue 10): no widget module imports the service
context or calls a service function that takes one, so every use case it runs passes the
Desk's role check. (The import contract in pyproject.toml forbids ``services.context``.)"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.support.desk_only import bypasses_the_desk, service_names

UI = Path(__file__).resolve().parents[2] / "src" / "passapp" / "ui"


def test_no_widget_module_uses_the_context_or_a_service_function_taking_it() -> None:
    offenders = [
        f"{path.name}: {module}.{name}"
        for path in sorted(UI.glob("*.py"))
        for module, name in service_names(ast.parse(path.read_text(encoding="utf-8")))
        if bypasses_the_desk(module, name)
    ]
    assert offenders == []


def test_the_check_would_see_a_service_call() -> None:
    tree = ast.parse(
        "from passapp.services.search import find\nfrom passapp.services import choices\n"
        "choices.municipalities\nfrom passapp.services.trust import installation\n"
    )
    found = service_names(tree)
    assert ("passapp.services.search", "find") in found
    assert ("passapp.services.choices", "municipalities") in found
    assert bypasses_the_desk("passapp.services.search", "find")
    assert bypasses_the_desk("passapp.services.choices", "municipalities")
    assert bypasses_the_desk("passapp.services.trust", "installation")  # takes a session
    assert not bypasses_the_desk("passapp.services.desk", "Gate")
