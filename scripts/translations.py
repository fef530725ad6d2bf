"""Extract the desktop app's texts for Qt Linguist and compile the translations.

    .venv/bin/python scripts/translations.py            # update .ts from the code, build .qm
    .venv/bin/python scripts/translations.py --check    # fail if .ts or .qm are out of date

``pyside6-lupdate`` reads every module of ``src/passapp/ui`` (``self.tr`` and
``QCoreApplication.translate`` calls) into ``resources/translations/passapp_<lang>.ts``, keeping
the translations already made; a translator fills the new ones in Qt Linguist
(``pyside6-linguist``). ``pyside6-lrelease`` compiles the ``.qm`` files the app loads.
``--check`` (run by the tests) fails when a text in the code is missing from a ``.ts``
file, when a translation is unfinished, or when a ``.qm`` file is older than its ``.ts``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "src" / "passapp" / "ui"
FOLDER = ROOT / "resources" / "translations"
LANGUAGES = ("en",)
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    found = BIN / name
    return str(found) if found.exists() else (shutil.which(name) or name)


def sources() -> list[str]:
    return sorted(str(path) for path in UI.glob("*.py"))


def lupdate(ts: Path) -> None:
    subprocess.run(
        [tool("pyside6-lupdate"), *sources(), "-locations", "none", "-ts", str(ts)],
        check=True,
        capture_output=True,
    )


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True
    )


def messages(ts: Path) -> dict[tuple[str, str], tuple[str, str | None]]:
    """(context, source) → (translation, type attribute: None when finished)."""
    found = {}
    for context in ElementTree.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            text = "" if translation is None else (translation.text or "")
            kind = None if translation is None else translation.get("type")
            found[(name, message.findtext("source") or "")] = (text, kind)
    return found


def problems(language: str) -> list[str]:
    ts = FOLDER / f"passapp_{language}.ts"
    qm = ts.with_suffix(".qm")
    if not ts.exists() or not qm.exists():
        return [f"{ts.name} or {qm.name} missing: run scripts/translations.py"]
    found = []
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch) / ts.name
        shutil.copy(ts, fresh)
        lupdate(fresh)
        current, updated = messages(ts), messages(fresh)
        for key, (_text, kind) in updated.items():
            if kind == "vanished" or kind == "obsolete":
                continue
            if key not in current or current[key][1] == "vanished":
                found.append(f"not extracted yet: {key[0]}: {key[1]!r}")
            elif kind == "unfinished" or not current[key][0]:
                found.append(f"not translated: {key[0]}: {key[1]!r}")
        for key, (_text, kind) in current.items():
            if kind not in ("vanished", "obsolete") and updated.get(key, ("", "vanished"))[1] in (
                "vanished",
                "obsolete",
            ):
                found.append(f"no longer in the code: {key[0]}: {key[1]!r}")
        compiled = Path(scratch) / qm.name
        lrelease(ts, compiled)
        if compiled.read_bytes() != qm.read_bytes():
            found.append(f"{qm.name} is older than {ts.name}: run scripts/translations.py")
    return found


def update(language: str) -> None:
    ts = FOLDER / f"passapp_{language}.ts"
    FOLDER.mkdir(parents=True, exist_ok=True)
    if not ts.exists():
        ts.write_text(
            '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
            f'<TS version="2.1" language="{language}" sourcelanguage="de"></TS>\n',
            encoding="utf-8",
        )
    lupdate(ts)
    lrelease(ts, ts.with_suffix(".qm"))
    unfinished = [k for k, (text, kind) in messages(ts).items() if kind == "unfinished" or not text]
    print(f"{ts.relative_to(ROOT)}: {len(messages(ts))} texts, {len(unfinished)} to translate")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check, change nothing")
    check = parser.parse_args().check
    if not check:
        for language in LANGUAGES:
            update(language)
        return 0
    found = [problem for language in LANGUAGES for problem in problems(language)]
    for problem in found:
        print(problem, file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
