"""The core runs without Qt (STYLE 1), checked two ways: import contracts and a real import."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORE = ["passapp.domain", "passapp.models", "passapp.services"]


def test_core_modules_do_not_load_qt() -> None:
    modules = [
        f"{package}.{path.stem}"
        for package in CORE
        for path in (ROOT / "src" / package.replace(".", "/")).glob("*.py")
        if path.stem != "__init__"
    ]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "import passapp.cli\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(loaded))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "", f"Qt loaded by the core or the CLI: {done.stdout}"


def test_import_contracts_hold() -> None:
    done = subprocess.run(
        [str(Path(sys.executable).parent / "lint-imports")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "The core never imports Qt KEPT" in done.stdout


def test_no_widget_module_uses_sqlalchemy() -> None:
    offenders = [
        path.name
        for path in (ROOT / "src" / "passapp" / "ui").glob("*.py")
        if "sqlalchemy" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
