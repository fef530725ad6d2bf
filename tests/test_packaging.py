"""The top-level ``resources/`` ships as ``passapp.resources``: in the wheel, found through
``importlib.resources`` once installed, and every resource file the code names exists."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from passapp.pdf.translations import SUPPORTED_LANGUAGES
from passapp.ui import app, i18n

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "resources"
# A file name with one of the assets' suffixes, as a string literal in the code (f-strings too).
NAMED = re.compile(r"""["']([\w./{}-]+\.(?:json|ttf|qm|ts|svg|png|ico))["']""")
LOADED = re.compile(r"""load_resource\(\s*f?["']([^"']+)["']""")
# What the placeholders of those f-strings stand for.
PLACEHOLDERS = {
    "code": ("de", *SUPPORTED_LANGUAGES),
    "language": tuple(code for code in i18n.LANGUAGES if code != i18n.DEFAULT_LANGUAGE),
    "size": tuple(str(size) for size in app.ICON_SIZES),
}


def resource_files() -> list[str]:
    """Every asset under ``resources/``, relative to it (no compiled Python)."""
    return sorted(
        path.relative_to(RESOURCES).as_posix()
        for path in RESOURCES.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    )


def named_in_code() -> set[str]:
    """The resource file names the code writes down, placeholders filled in: every asset
    name in a module that reads ``passapp.resources``, and every ``load_resource`` name."""
    literals: list[str] = []
    for source in (ROOT / "src" / "passapp").rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        literals += LOADED.findall(text)
        if '"passapp.resources"' in text:
            literals += NAMED.findall(text)
    names: set[str] = set()
    for literal in literals:
        found = re.search(r"\{(\w+)\}", literal)
        if found is None:
            names.add(literal)
            continue
        names.update(
            literal.replace(found.group(0), value) for value in PLACEHOLDERS[found.group(1)]
        )
    return names


def test_every_resource_the_code_names_exists() -> None:
    shipped = resource_files()
    named = named_in_code()
    # The fonts, the reference data, the printed texts of every language, the translations.
    assert {
        "NotoSans-Regular.ttf",
        "municipalities.json",
        "print/uk.json",
        "passapp_en.qm",
        "passapp-16.png",
    } <= named
    missing = [
        name for name in named if not any(f"/{file}".endswith(f"/{name}") for file in shipped)
    ]
    assert missing == []


def test_setuptools_lists_every_package_and_resource_folder() -> None:
    listed = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"
    ]["packages"]
    code = {
        ".".join(path.parent.relative_to(ROOT / "src").parts)
        for path in (ROOT / "src" / "passapp").rglob("*.py")
        if "__pycache__" not in path.parts
    }
    folders = {
        ".".join(("passapp", "resources", *path.relative_to(RESOURCES).parts))
        for path in [RESOURCES, *RESOURCES.rglob("*")]
        if path.is_dir() and "__pycache__" not in path.parts
    }
    assert sorted(listed) == sorted(code | folders)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from a copy of the checkout (the build leaves nothing in the tree)."""
    checkout = tmp_path_factory.mktemp("checkout")
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
    for folder in ("src", "resources"):
        shutil.copytree(ROOT / folder, checkout / folder, ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, checkout / name)
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "--wheel-dir",
            str(out),
            str(checkout),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    (built,) = out.glob("passapp-*.whl")
    return built


def test_wheel_contains_every_resource(wheel: Path) -> None:
    inside = set(zipfile.ZipFile(wheel).namelist())
    expected = {f"passapp/resources/{name}" for name in resource_files()}
    assert expected - inside == set()
    assert "passapp/resources/translations/passapp_en.qm" in inside


def test_installed_wheel_reads_its_resources(wheel: Path, tmp_path: Path) -> None:
    """Installed from the wheel alone (no checkout on the path), every asset reads the same."""
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    code = (
        "import hashlib, sys\n"
        "from importlib import resources\n"
        "import passapp\n"
        "root = resources.files('passapp.resources')\n"
        "for name in sys.argv[1:]:\n"
        "    print(name, hashlib.sha256(root.joinpath(*name.split('/')).read_bytes()).hexdigest())\n"
        "print(passapp.__file__)\n"
    )
    names = resource_files()
    done = subprocess.run(
        [
            sys.executable,
            "-I",
            "-c",
            f"import sys; sys.path.insert(0, {str(target)!r})\n{code}",
            *names,
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    *digests, origin = done.stdout.splitlines()
    assert origin.startswith(str(target))
    assert digests == [
        f"{name} {hashlib.sha256((RESOURCES / name).read_bytes()).hexdigest()}" for name in names
    ]


def test_a_checkout_on_the_path_reads_its_own_resources(tmp_path: Path) -> None:
    """``PYTHONPATH=src`` without installing this checkout: its own ``resources/``."""
    code = (
        "import importlib.resources, passapp.resources\n"
        "print(passapp.resources.__file__)\n"
        "print(importlib.resources.files('passapp.resources').joinpath('print', 'de.json'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
    )
    assert done.stdout.splitlines() == [
        str(RESOURCES / "__init__.py"),
        str(RESOURCES / "print" / "de.json"),
    ]
