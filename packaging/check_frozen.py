"""Frozen checks: the one-folder app of ``make dist`` works on its own (issue 12, item 2).

Run by ``.ci/run`` after the tests, and by the Windows workflow, with the dev venv's Python
(it decodes the printed QR with zxing-cpp and pypdfium2 as the tests do)::

    .venv/bin/python packaging/check_frozen.py [dist/passapp] [--demo-seconds 10]

1. ``passapp --version`` names the version of the source;
2. ``passapp --demo`` and ``passapp-gui --demo --lang en`` (the English catalogue is there)
   stay up offscreen for N seconds, then are terminated; whatever they wrote to stderr must hold no traceback;
3. the frozen command line sets up a district and an office (enrolment included), logs in
   as the admins, registers a person, issues a pass (PDF written), decodes the pass's QR
   from the PDF at 150 dpi, verifies it with ``passapp pass verify``, exports a bundle that
   the district imports, writes the demand report as PDF (matplotlib, Agg) and encrypts
   the office's file with SQLCipher (the optional extra is in the folder).

The frozen programs run in an empty folder, with no ``PYTHON*`` variables: nothing of the
source tree or the venv can stand in for what the folder lacks. Exit 0 when all pass;
otherwise the first failure, with the program's output, and exit 1.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import zxingcpp

ROOT = Path(__file__).resolve().parent.parent
WINDOWS = sys.platform == "win32"
EXE = ".exe" if WINDOWS else ""
DEMO_START_LIMIT = 120.0  # seconds a demo may take to start on a busy CI machine
QR_DPI = 150  # the resolution the tests decode the QR at (a counter's cheap scanner sees less)
DISTRICT_ADMIN, OFFICE_ADMIN = "kreis", "huber"
PASSWORD = "Lindenallee 12, Dachau"
HOLDER = {"family": "Ahmadi", "given": "Zahra", "birth": "XX.XX.2001"}


class CheckFailed(Exception):
    pass


def source_version() -> str:
    text = (ROOT / "src" / "passapp" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'__version__ = "([^"]+)"', text)
    if match is None:
        raise CheckFailed("no __version__ in src/passapp/__init__.py")
    return match.group(1)


class Frozen:
    """The frozen programs, run in ``work`` with a clean environment."""

    def __init__(self, folder: Path, work: Path) -> None:
        self.cli = folder / f"passapp{EXE}"
        self.gui = folder / f"passapp-gui{EXE}"
        for program in (self.cli, self.gui):
            if not program.is_file():
                raise CheckFailed(f"{program} is missing: run `make dist` first")
        self.work = work
        self.env = clean_environment(work)
        self.timings: list[tuple[str, float]] = []
        self.issued = ""  # the pass number check_issue issued

    def run(self, *args: str, user: str | None = None, expect: int = 0) -> str:
        """One command of the frozen CLI; its stdout (JSON with ``--json``)."""
        env = dict(self.env, PASSAPP_USER=user) if user else self.env
        started = time.perf_counter()
        done = subprocess.run(
            [str(self.cli), *args],
            cwd=self.work,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",  # the programs run in Python's UTF-8 mode (passapp.spec)
            timeout=180,
        )
        self.timings.append((" ".join(args[:4]), time.perf_counter() - started))
        if done.returncode != expect or "Traceback" in done.stderr:
            raise CheckFailed(
                f"passapp {' '.join(args)}: exit {done.returncode} (expected {expect})\n"
                f"stdout: {done.stdout}\nstderr: {done.stderr}"
            )
        return done.stdout

    def json(self, *args: str, user: str | None = None) -> Any:
        return json.loads(self.run("--json", *args, user=user))

    def stays_up(self, program: Path, seconds: float, *args: str) -> None:
        """``program --demo [args]`` gets as far as its demo office (made after the
        translations are installed, before the log-in window opens) and is still running
        ``seconds`` later; its stderr holds no traceback. Terminated then (the demo has no
        other way to be closed from outside). Waiting for the demo office first: a slow start
        on a busy machine must not pass for "stays up"."""
        started = time.perf_counter()
        demos_before = set(self.demo_folders())
        with tempfile.TemporaryFile(mode="w+", encoding="utf-8") as stderr:
            process = subprocess.Popen(
                [str(program), "--demo", *args],
                cwd=self.work,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=stderr,
            )
            try:
                reached = self.wait_for_demo(process, demos_before)
                ended = process.poll() if not reached else wait_or_none(process, seconds)
            finally:
                stop(process)
            stderr.seek(0)
            output = stderr.read()
        name = f"{program.name} --demo {' '.join(args)}".strip()
        self.timings.append(
            (f"{name} (demo office after {reached or 0:.1f} s)", time.perf_counter() - started)
        )
        if not reached:
            raise CheckFailed(f"{name} made no demo office (exit {ended}):\n{output}")
        if ended is not None:
            raise CheckFailed(
                f"{name} ended less than {seconds} s after its start: exit {ended}\n{output}"
            )
        if "Traceback" in output or "Error" in output:
            raise CheckFailed(f"{name} wrote an error:\n{output}")

    def demo_folders(self) -> list[Path]:
        return list((self.work / "tmp").glob("passapp-demo-*"))

    def wait_for_demo(self, process: subprocess.Popen[Any], before: set[Path]) -> float | None:
        """Seconds until a new demo folder appeared; None if the program ended first or
        took longer than DEMO_START_LIMIT."""
        started = time.perf_counter()
        while time.perf_counter() - started < DEMO_START_LIMIT:
            if set(self.demo_folders()) - before:
                return time.perf_counter() - started
            if process.poll() is not None:
                return None
            time.sleep(0.2)
        return None


def wait_or_none(process: subprocess.Popen[Any], seconds: float) -> int | None:
    """The exit code if the process ends within ``seconds``, else None (still running)."""
    try:
        return process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        return None


def clean_environment(work: Path) -> dict[str, str]:
    """The machine's environment without Python's variables; everything the app writes
    (state, output, temporary demo folders, matplotlib's cache, Qt settings) under
    ``work``; offscreen Qt; the admin's password for every command."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    for name in ("TMPDIR", "TEMP", "TMP"):
        env[name] = str(work / "tmp")
    env.update(
        QT_QPA_PLATFORM="offscreen",
        PASSAPP_STATE_DIR=str(work / "state"),
        PASSAPP_OUTPUT_DIR=str(work / "out"),
        PASSAPP_PASSWORD=PASSWORD,
        PASSAPP_NEW_PASSWORD=PASSWORD,
        MPLCONFIGDIR=str(work / "matplotlib"),
        XDG_CONFIG_HOME=str(work / "config"),
    )
    (work / "tmp").mkdir(parents=True, exist_ok=True)
    return env


def stop(process: subprocess.Popen[Any]) -> None:
    if process.poll() is None:
        if WINDOWS:
            process.kill()
        else:
            process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def decoded_qr(pdf: Path) -> str:
    """The digits of the first QR on the pass's first sheet, rendered at 150 dpi."""
    document = pdfium.PdfDocument(pdf)
    try:
        image = document[0].render(scale=QR_DPI / 72).to_pil()
    finally:
        document.close()
    codes = [c for c in zxingcpp.read_barcodes(image) if c.format == zxingcpp.BarcodeFormat.QRCode]
    if not codes:
        raise CheckFailed(f"no QR code found in {pdf} at {QR_DPI} dpi")
    return str(codes[0].text)


def check_version(frozen: Frozen) -> None:
    expected = source_version()
    said = frozen.run("--version")
    if expected not in said:
        raise CheckFailed(f"passapp --version says {said.strip()!r}, the source is {expected}")


OFFICE, DISTRICT = "--db=office.sqlite3", "--db=district.sqlite3"


def check_enrolment(frozen: Frozen) -> None:
    """A district and an office set up with their first admins, the office enrolled."""
    frozen.run(DISTRICT, "district", "init", "--name", "Landkreis Dachau", "--code", "LRADAH",
               "--admin", DISTRICT_ADMIN)  # fmt: skip
    frozen.run(OFFICE, "office", "init", "--code", "EWDAH", "--name", "Einwohnermeldeamt Dachau",
               "--kind", "einwohnermeldeamt", "--municipality", "Dachau", "--admin", OFFICE_ADMIN)  # fmt: skip
    frozen.run(OFFICE, "office", "request", "--out", "anmeldung.json", user=OFFICE_ADMIN)
    frozen.run(DISTRICT, "district", "enrol", "anmeldung.json", "--out", "zertifikat.json",
               user=DISTRICT_ADMIN)  # fmt: skip
    frozen.run(OFFICE, "office", "install", "zertifikat.json", user=OFFICE_ADMIN)


def check_issue(frozen: Frozen) -> None:
    """A person registered and a pass issued with its PDF (Arabic second language)."""
    person = frozen.json(OFFICE, "person", "add", "--family-name", HOLDER["family"],
                         "--given-names", HOLDER["given"], "--birth-date", HOLDER["birth"],
                         "--arrival-date", "2024-09-02", "--nationality", "AFG", "--language", "fa",
                         "--consent", user=OFFICE_ADMIN)  # fmt: skip
    issued = frozen.json(OFFICE, "pass", "issue", person["id"], "--language", "ar", "--out",
                         "pass.pdf", user=OFFICE_ADMIN)  # fmt: skip
    pdf = frozen.work / "pass.pdf"
    if not pdf.is_file() or not pdf.read_bytes().startswith(b"%PDF-"):
        raise CheckFailed(f"pass issue wrote no PDF at {pdf}")
    frozen.issued = issued["pass_number"]


def check_verify(frozen: Frozen) -> None:
    """The QR decoded from the PDF verifies as the issued pass of this holder."""
    digits = decoded_qr(frozen.work / "pass.pdf")
    verified = frozen.json(OFFICE, "pass", "verify", digits, "--family-name", HOLDER["family"],
                           "--given-names", HOLDER["given"], "--birth-date", HOLDER["birth"],
                           user=OFFICE_ADMIN)  # fmt: skip
    if not (verified["valid"] and verified["holder_matches"]):
        raise CheckFailed(f"the issued pass does not verify: {verified}")
    if verified["pass_number"] != frozen.issued:
        raise CheckFailed(f"the QR names {verified['pass_number']}, issued {frozen.issued}")


def check_sync(frozen: Frozen) -> None:
    """The office's bundle exported, and applied by the district (signature verified)."""
    frozen.run(OFFICE, "sync", "export", "--out", "an-landratsamt.passapp", user=OFFICE_ADMIN)
    imported = frozen.json(
        DISTRICT, "sync", "import", "an-landratsamt.passapp", user=DISTRICT_ADMIN
    )
    if not imported["applied"]:
        raise CheckFailed(f"the district applied nothing of the office's bundle: {imported}")


def check_report(frozen: Frozen) -> None:
    """The demand report as PDF: matplotlib's charts with the Agg backend alone."""
    frozen.run(DISTRICT, "report", "demand", "--out", "bedarf.pdf", user=DISTRICT_ADMIN)
    if not (frozen.work / "bedarf.pdf").read_bytes().startswith(b"%PDF-"):
        raise CheckFailed("report demand wrote no PDF")


def check_cyrillic(frozen: Frozen) -> None:
    """A Cyrillic name goes in and comes back through a pipe (UTF-8 mode: on Windows a pipe
    would otherwise get the ANSI code page and the command an encoding error)."""
    frozen.json(OFFICE, "person", "add", "--family-name", "Шевченко", "--given-names", "Олена",
                "--birth-date", "14.03.1998", "--arrival-date", "2025-03-01", "--nationality",
                "UKR", "--language", "uk", "--consent", user=OFFICE_ADMIN)  # fmt: skip
    found = frozen.json(OFFICE, "find", "Шевченко", user=OFFICE_ADMIN)
    if not any(hit["family_names"] == "Шевченко" for hit in found["results"]):
        raise CheckFailed(f"find did not return the Cyrillic name intact: {found}")


def check_sqlcipher(frozen: Frozen) -> None:
    """The office's file encrypted with SQLCipher; with the key file it still lists the
    pass's entries, and it no longer starts with SQLite's header. The key file lies outside
    the database's folder, as passapp demands."""
    with tempfile.TemporaryDirectory(prefix="passapp-frozen-key-") as keys:
        key_file = str(Path(keys) / "office.key")
        frozen.run(OFFICE, "database", "encrypt", "--key-file", key_file, user=OFFICE_ADMIN)
        if (frozen.work / "office.sqlite3").read_bytes().startswith(b"SQLite format 3"):
            raise CheckFailed("database encrypt left a plain SQLite file")
        frozen.env["PASSAPP_DB_KEY_FILE"] = key_file
        try:
            listed = frozen.json(OFFICE, "entry", "list", frozen.issued, user=OFFICE_ADMIN)
        finally:
            del frozen.env["PASSAPP_DB_KEY_FILE"]
    if not isinstance(listed, dict):
        raise CheckFailed(f"entry list on the encrypted file said {listed}")


def folder_size(folder: Path) -> tuple[int, list[tuple[int, str]]]:
    """The folder's bytes and its ten largest parts (the entries of _internal)."""
    parts = [(size_of(part), part.name) for part in (folder / "_internal").iterdir()]
    return size_of(folder), sorted(parts, reverse=True)[:10]


def size_of(path: Path) -> int:
    """Bytes of a file or folder; symbolic links (PyInstaller links some libraries to the
    top of _internal) count once, where they point."""
    files = [path, *path.rglob("*")] if path.is_dir() else [path]
    return sum(f.stat().st_size for f in files if f.is_file() and not f.is_symlink())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=ROOT / "dist" / "passapp")
    parser.add_argument("--demo-seconds", type=float, default=10.0)
    args = parser.parse_args(argv)
    demo = args.demo_seconds
    checks: list[tuple[str, Callable[[Frozen], None]]] = [
        ("version", check_version),
        ("passapp --demo stays up", lambda frozen: frozen.stays_up(frozen.cli, demo)),
        (
            "passapp-gui --demo --lang en stays up",
            lambda frozen: frozen.stays_up(frozen.gui, demo / 2, "--lang", "en"),
        ),
        ("set-up and enrolment", check_enrolment),
        ("pass issued", check_issue),
        ("QR verified", check_verify),
        ("bundle synced", check_sync),
        ("demand report", check_report),
        ("Cyrillic through a pipe", check_cyrillic),
        ("SQLCipher", check_sqlcipher),
    ]
    started = time.perf_counter()
    passed = 0
    with tempfile.TemporaryDirectory(
        prefix="passapp-frozen-", ignore_cleanup_errors=True
    ) as temporary:
        try:
            frozen = Frozen(args.folder.resolve(), Path(temporary))
            for name, check in checks:
                check(frozen)
                passed += 1
                print(f"check_frozen: ok  {name}", flush=True)
        except CheckFailed as failure:
            print(f"check_frozen: FAILED  {checks[passed][0]}: {failure}", file=sys.stderr)
            print(f"check_frozen: {passed} passed, 1 failed")
            return 1
    for step, seconds in frozen.timings:
        print(f"  {seconds:6.1f} s  {step}")
    total, parts = folder_size(args.folder)
    print(f"check_frozen: folder {total / 2**20:.0f} MiB; largest parts:")
    for size, name in parts:
        print(f"  {size / 2**20:6.1f} MiB  {name}")
    print(f"check_frozen: checks took {time.perf_counter() - started:.0f} s")
    print(f"check_frozen: {passed} passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
