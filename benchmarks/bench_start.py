"""How fast the app starts: passapp's main window against a bare Qt window (issue 12).

``python -m benchmarks.bench_start [--rounds 9] [--account sachbearbeitung]``

Every measurement is a fresh Python process (nothing cached in the interpreter, the OS
file cache warm after the first round), with ``QT_QPA_PLATFORM=offscreen``:

* **bare**: ``QApplication`` and an empty ``QMainWindow`` of passapp's size, shown;
* **floor**: the same after importing SQLAlchemy's ORM and passapp's models, which any
  window that reads this database needs: what no lazy import can take off;
* **passapp**: what ``passapp`` does (``ui/app.run``): import ``passapp.ui.app`` (Qt and
  the log-in window only), the application with its icon and translators, the log-in
  window shown; after its first paint ``Start`` opens the database (upgrade check
  included) and enables "Anmelden"; then the account logs in and the ``Counter`` shows the
  main window. The database is the demo office (enrolled at its demo district, 15 people,
  passes and entries), prepared once before the timing; each round only opens it.
  Reported: the log-in window's first paint (the first window the clerk can type in),
  "ready" (the database open, log-in enabled), and the wait from the log-in (after
  Argon2id) to the main window's first paint, each against the bare window of the same run;
  and, as before, the whole start to the main window with Argon2id subtracted.

Bytecode is cached (``PYTHONPYCACHEPREFIX`` in a temporary folder, filled by untimed
warm-up runs), as in an installed app. Time counts from just before the parent starts the
process (``time.monotonic()``, which on Linux is one clock for all processes) to the
window's first paint (and the child's CPU time up to then): an event filter sees
the window's first ``Paint`` event, and a zero timer after it fires once that paint (the
whole widget tree) is done. The log-in's Argon2id (the password hash and the key slot, at
the real parameters: 64 MiB, 3 passes, twice) is timed on its own and **subtracted** from
passapp's window time; it is reported separately. Rounds alternate which variant goes
first. Memory: the process's peak RSS (``ru_maxrss``, which for passapp includes Argon2id's
64 MiB) and its RSS at the first paint (``/proc/self/statm``).

Also measured: the command line from process start to exit (outer wall clock) for
``passapp --version``, ``passapp --help`` and a read command (``find``, logged in: Argon2id
included) against ``python -c pass``; and the first pass issued in a fresh process against
the second (the PDF libraries load on first use), in a scratch copy of the database.

Goal: the window within 2× of the bare window. JSON in ``benchmarks/results``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

GOAL = 2.0
KINDS = ("bare", "floor", "passapp")
RESULTS = Path(__file__).parent / "results"
ROOT = Path(__file__).resolve().parent.parent
WINDOW_SIZE = (1280, 700)  # the main window's own size (MainWindow: fit_to_screen)
PYCACHE = Path(tempfile.gettempdir()) / "passapp-bench-start-pycache"
HEAVY = ("reportlab", "matplotlib", "openpyxl", "pypdfium2", "numpy", "PIL")


# --- in the child process -------------------------------------------------------------------


def _rss_now_mb() -> float:
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def _peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _when_painted(window: Any, done: Any) -> Any:
    """Call ``done()`` once the window's first paint is over; returns the filter (keep it)."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        seen = False

        def eventFilter(self, watched: Any, event: Any) -> bool:
            if event.type() == QEvent.Type.Paint and not self.seen:
                self.seen = True
                QTimer.singleShot(0, done)
            return False

    first_paint = FirstPaint()
    window.installEventFilter(first_paint)
    return first_paint


def child_bare(started: float, floor: bool = False) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication, QMainWindow

    if floor:  # what any window on this database pays: the ORM and the schema's models
        import passapp.models.entities  # noqa: F401

    marks: dict[str, float] = {"imported": time.monotonic() - started}
    app = QApplication([sys.argv[0]])
    window = QMainWindow()
    window.resize(*WINDOW_SIZE)

    def done() -> None:
        marks["painted"] = time.monotonic() - started
        marks["cpu"] = time.process_time()
        marks["rss_mb"] = _rss_now_mb()
        app.quit()

    keep = _when_painted(window, done)
    window.show()
    app.exec()
    del keep
    return {
        "window_s": marks["painted"],
        "window_cpu_s": marks["cpu"],
        "marks": marks,
        "peak_rss_mb": _peak_rss_mb(),
    }


def child_passapp(started: float, database: str, account: str, password: str) -> dict[str, Any]:
    """passapp's own start (``ui/app.run``): the log-in window first, the database opened by
    ``Start`` after its first paint, then the log-in and the main window."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from passapp.ui import app as passapp_app
    from passapp.ui import i18n
    from passapp.ui.login_dialog import LoginDialog

    marks: dict[str, float] = {"imported": time.monotonic() - started}
    cpu: dict[str, float] = {}
    app = QApplication([sys.argv[0]])
    app.setApplicationName("passapp")
    app.setWindowIcon(passapp_app.app_icon())
    i18n.install_translations(app, "de")
    marks["application"] = time.monotonic() - started
    login = LoginDialog()
    argon: dict[str, float] = {}

    def login_painted() -> None:  # connected before Start's own slot, which opens the database
        marks["login_painted"] = time.monotonic() - started
        cpu["login_painted"] = time.process_time()
        marks["login_rss_mb"] = _rss_now_mb()
        QTimer.singleShot(0, after_open)

    def after_open() -> None:
        marks["ready"] = time.monotonic() - started  # "Anmelden" enabled
        cpu["ready"] = time.process_time()
        assert start.gate is not None
        assert login.login_button.isEnabled()
        began, cpu_began = time.monotonic(), time.process_time()
        login.desk = start.gate.log_in(account, password)  # what log_in() does, timed alone
        argon["s"], argon["cpu"] = time.monotonic() - began, time.process_time() - cpu_began
        marks["logged_in"] = time.monotonic() - started
        cpu["logged_in"] = time.process_time()
        login.accept()  # the Counter shows the main window
        marks["shown"] = time.monotonic() - started
        assert start.counter is not None
        assert start.counter.window is not None
        keep.append(_when_painted(start.counter.window, done))
        start.counter.window.update()

    def done() -> None:
        marks["painted"] = time.monotonic() - started
        cpu["painted"] = time.process_time()
        marks["rss_mb"] = _rss_now_mb()
        app.quit()

    keep: list[Any] = []
    login.painted.connect(login_painted)
    start = passapp_app.Start(app, login, database, demo=False)  # opens on the first paint
    login.open()
    app.exec()
    loaded = sorted(name for name in HEAVY if name in sys.modules)
    start.close()
    return {
        # process start to the main window's paint, log-in's Argon2id subtracted
        "window_s": marks["painted"] - argon["s"],
        "window_cpu_s": cpu["painted"] - argon["cpu"],
        "login_window_s": marks["login_painted"],
        "login_window_cpu_s": cpu["login_painted"],
        "ready_s": marks["ready"],
        "ready_cpu_s": cpu["ready"],
        # what the clerk waits for after the log-in, Argon2id excluded
        "after_login_s": marks["painted"] - marks["logged_in"],
        "after_login_cpu_s": cpu["painted"] - cpu["logged_in"],
        "login_s": argon["s"],
        "marks": marks,
        "peak_rss_mb": _peak_rss_mb(),
        "heavy_loaded": loaded,
    }


def child_issue(database: str, account: str, password: str) -> dict[str, Any]:
    """The first and the second pass issued in one process (the first loads the PDF code)."""
    from passapp.domain.dates import PartialDate
    from passapp.services.desk import Gate
    from passapp.services.people import PersonInput

    gate = Gate.open(database, create=False)
    desk = gate.log_in(account, password)
    times = []
    for given in ("Amina", "Yonas"):
        person = desk.register_person(
            PersonInput(
                family_names="Startzeit",
                given_names=given,
                birth_date=PartialDate.parse("1990-04-01"),
                arrival_date=PartialDate.parse("2025-04-01"),
                moved_from_abroad=True,
                nationalities=("SYR",),
                languages=("ar",),
            )
        ).person
        began = time.monotonic()
        desk.issue_pass(person.id, languages=("ar",), override_reason="Benchmark")
        times.append(time.monotonic() - began)
    gate.close()
    return {"first_s": times[0], "second_s": times[1]}


def child_main(args: argparse.Namespace) -> int:
    if args.child in ("bare", "floor"):
        result = child_bare(args.started, floor=args.child == "floor")
    elif args.child == "passapp":
        result = child_passapp(args.started, args.db, args.account, args.password)
    else:
        result = child_issue(args.db, args.account, args.password)
    print(json.dumps(result), flush=True)
    return 0


# --- in the parent --------------------------------------------------------------------------


def child_env(source: Path) -> dict[str, str]:
    # Bytecode cached as in an installed app (pip and PyInstaller ship .pyc): a process that
    # compiles every module from source measures the compiler. The cache lives in the run's
    # own folder (PYTHONPYCACHEPREFIX, for site-packages too), filled by the warm-up rounds.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPYCACHEPREFIX=str(PYCACHE))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(source), str(ROOT), *filter(None, [env.get("PYTHONPATH")])]
    )
    return env


def run_child(kind: str, database: Path, args: argparse.Namespace) -> dict[str, Any]:
    command = [sys.executable, "-m", "benchmarks.bench_start", "--child", kind]
    command += ["--db", str(database), "--account", args.account, "--password", args.password]
    started = time.monotonic()
    done = subprocess.run(
        [*command, "--started", repr(started)],
        cwd=ROOT,
        env=child_env(args.src),
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{kind} child failed:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def time_command(command: list[str], env: dict[str, str]) -> float:
    started = time.monotonic()
    subprocess.run(command, cwd=ROOT, env=env, capture_output=True, check=True)
    return time.monotonic() - started


def prepare_demo(folder: Path, source: Path) -> Path:
    """The demo office in ``folder`` (made in a child: the parent stays free of passapp)."""
    script = (
        "import sys; from pathlib import Path; from passapp.services.desk import Gate; "
        "Gate.open_demo(Path(sys.argv[1])).close()"
    )
    subprocess.run(
        [sys.executable, "-c", script, str(folder)], cwd=ROOT, env=child_env(source), check=True
    )
    return folder / "demo.sqlite3"


def median(values: list[float]) -> float:
    return statistics.median(values)


def measure_windows(database: Path, args: argparse.Namespace) -> dict[str, list[dict[str, Any]]]:
    runs: dict[str, list[dict[str, Any]]] = {kind: [] for kind in KINDS}
    for kind in KINDS:  # warm the OS file cache and the bytecode cache, untimed
        run_child(kind, database, args)
    for round_number in range(args.rounds):
        order = KINDS if round_number % 2 == 0 else KINDS[::-1]
        for kind in order:
            runs[kind].append(run_child(kind, database, args))
        print(f"round {round_number + 1}/{args.rounds}", file=sys.stderr)
    return runs


def measure_cli(database: Path, args: argparse.Namespace) -> dict[str, list[float]]:
    env = child_env(args.src) | {"PASSAPP_USER": args.account, "PASSAPP_PASSWORD": args.password}
    python = [sys.executable]
    commands = {
        "python -c pass": [*python, "-c", "pass"],
        "passapp --version": [*python, "-m", "passapp", "--version"],
        "passapp --help": [*python, "-m", "passapp", "--help"],
        "passapp find (logged in)": [
            *python,
            "-m",
            "passapp",
            "--db",
            str(database),
            "find",
            "Ahmadi",
        ],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for command in commands.values():
        time_command(command, env)  # warm-up
    for _ in range(args.rounds):
        for name, command in commands.items():
            times[name].append(time_command(command, env))
    return times


def measure_issue(database: Path, args: argparse.Namespace, folder: Path) -> list[dict[str, Any]]:
    runs = []
    for number in range(max(3, args.rounds // 3)):
        scratch = folder / f"issue-{number}.sqlite3"
        shutil.copyfile(database, scratch)
        runs.append(run_child("issue", scratch, args))
        scratch.unlink()
    return runs


def summarise(
    windows: dict[str, list[dict[str, Any]]],
    cli: dict[str, list[float]],
    issue: list[dict[str, Any]],
) -> dict[str, Any]:
    bare = median([run["window_s"] for run in windows["bare"]])
    window = median([run["window_s"] for run in windows["passapp"]])
    baseline_cli = median(cli["python -c pass"])
    return {
        "floor_window_s": median([run["window_s"] for run in windows["floor"]]),
        "floor_cpu_s": median([run["window_cpu_s"] for run in windows["floor"]]),
        "floor_rss_at_paint_mb": median([run["marks"]["rss_mb"] for run in windows["floor"]]),
        "bare_window_s": bare,
        "passapp_window_s": window,
        "ratio": window / bare,
        "login_s": median([run["login_s"] for run in windows["passapp"]]),
        "bare_peak_rss_mb": median([run["peak_rss_mb"] for run in windows["bare"]]),
        "passapp_peak_rss_mb": median([run["peak_rss_mb"] for run in windows["passapp"]]),
        "bare_rss_at_paint_mb": median([run["marks"]["rss_mb"] for run in windows["bare"]]),
        "passapp_rss_at_paint_mb": median([run["marks"]["rss_mb"] for run in windows["passapp"]]),
        "bare_cpu_s": median([run["window_cpu_s"] for run in windows["bare"]]),
        "passapp_cpu_s": median([run["window_cpu_s"] for run in windows["passapp"]]),
        "passapp_marks_s": {
            mark: median([run["marks"][mark] for run in windows["passapp"]])
            for mark in windows["passapp"][0]["marks"]
            if mark not in {"cpu", "rss_mb", "login_rss_mb"}
        },
        "heavy_loaded_at_window": windows["passapp"][0]["heavy_loaded"],
        **{
            key: median([run[key] for run in windows["passapp"]])
            for key in (
                "login_window_s",
                "login_window_cpu_s",
                "ready_s",
                "ready_cpu_s",
                "after_login_s",
                "after_login_cpu_s",
            )
        },
        "passapp_login_rss_at_paint_mb": median(
            [run["marks"]["login_rss_mb"] for run in windows["passapp"]]
        ),
        "cli_s": {name: median(values) for name, values in cli.items()},
        "cli_ratio": {name: median(values) / baseline_cli for name, values in cli.items()},
        "first_issue_s": median([run["first_s"] for run in issue]),
        "second_issue_s": median([run["second_s"] for run in issue]),
    }


def print_table(summary: dict[str, Any]) -> None:
    ok = "✓" if summary["ratio"] <= GOAL else "✗"
    print(f"{'what':<34}{'median':>10}{'ratio':>9}")
    print(f"{'bare QMainWindow, first paint':<34}{summary['bare_window_s']:>9.3f}s{1:>8.2f}×")
    print(
        f"{'passapp main window, first paint':<34}{summary['passapp_window_s']:>9.3f}s"
        f"{summary['ratio']:>8.2f}× {ok} (goal ≤ {GOAL:g}×; log-in excluded)"
    )
    floor = summary["floor_window_s"]
    print(
        f"{'floor: bare + SQLAlchemy ORM+models':<34}{floor:>9.3f}s{floor / summary['bare_window_s']:>8.2f}×"
    )
    print(f"{'  log-in (Argon2id, excluded)':<34}{summary['login_s']:>9.3f}s")
    print(
        f"CPU time to first paint: bare {summary['bare_cpu_s']:.3f} s, passapp "
        f"{summary['passapp_cpu_s']:.3f} s (log-in excluded), "
        f"{summary['passapp_cpu_s'] / summary['bare_cpu_s']:.2f}×; floor "
        f"{summary['floor_cpu_s']:.3f} s"
    )
    bare, bare_cpu = summary["bare_window_s"], summary["bare_cpu_s"]
    for what, key in (
        ("log-in window, first paint", "login_window"),
        ("log-in enabled (database open)", "ready"),
        ("log-in → main window painted", "after_login"),
    ):
        wall, cpu = summary[f"{key}_s"], summary[f"{key}_cpu_s"]
        print(
            f"{what:<34}{wall:>9.3f}s{wall / bare:>8.2f}×   CPU {cpu:.3f} s, "
            f"{cpu / bare_cpu:.2f}× the bare window's"
        )
    print(f"  RSS at the log-in window's paint: {summary['passapp_login_rss_at_paint_mb']:.0f} MB")
    marks = ", ".join(f"{k} {v:.3f}" for k, v in summary["passapp_marks_s"].items())
    print(f"  passapp marks (s from start): {marks}")
    print(
        f"peak RSS: bare {summary['bare_peak_rss_mb']:.0f} MB, passapp "
        f"{summary['passapp_peak_rss_mb']:.0f} MB; at first paint: bare "
        f"{summary['bare_rss_at_paint_mb']:.0f} MB, floor {summary['floor_rss_at_paint_mb']:.0f} MB, "
        f"passapp {summary['passapp_rss_at_paint_mb']:.0f} MB"
    )
    print(f"heavy modules loaded at the window: {summary['heavy_loaded_at_window'] or 'none'}")
    for name, seconds in summary["cli_s"].items():
        print(f"{name:<34}{seconds:>9.3f}s{summary['cli_ratio'][name]:>8.1f}×")
    print(
        f"first pass issued in a process: {summary['first_issue_s']:.3f} s; "
        f"the second: {summary['second_issue_s']:.3f} s"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--account", default="sachbearbeitung")
    parser.add_argument("--password", default="Bildungspass-Demo")
    parser.add_argument(
        "--src",
        type=Path,
        default=ROOT / "src",
        help="the passapp source tree to measure (another checkout's src for a before/after)",
    )
    parser.add_argument("--child", choices=(*KINDS, "issue"), help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--started", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.src = args.src.resolve()
    if args.child:
        return child_main(args)
    with tempfile.TemporaryDirectory(prefix="bench-start-") as scratch:
        folder = Path(scratch)
        print("preparing the demo office …", file=sys.stderr)
        database = prepare_demo(folder, args.src)
        windows = measure_windows(database, args)
        cli = measure_cli(database, args)
        issue = measure_issue(database, args, folder)
    summary = summarise(windows, cli, issue)
    print_table(summary)
    report = {
        "summary": summary,
        "windows": windows,
        "cli": cli,
        "issue": issue,
        "rounds": args.rounds,
        "account": args.account,
        "environment": {
            "python": platform.python_version(),
            "machine": platform.machine(),
            "cpus": os.cpu_count(),
            "load_average": os.getloadavg(),
        },
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"start-{dt.datetime.now().strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(f"results: {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
