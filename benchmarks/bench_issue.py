"""Issuing and printing passes, against bare reportlab drawing the same pages.

``python -m benchmarks.bench_issue [--batch 500] [--single 40]``

Service: ``passapp.services.passes.issue_pass`` on a real SQLite file of an enrolled office:
the eligibility check, the next number, the signed QR (scrypt binding hash + ECDSA), the
PDF booklet, the audit event, one transaction, the file written safely.

Baseline, measured in the same run: the drawing calls that the service's PDF code made
for one pass are recorded once (``setFont``, ``drawString``, ``rect``, ``line``, …); for
every pass the baseline replays them on a plain reportlab ``Canvas`` with the same
embedded fonts, encodes that pass's QR with qrcode and draws its modules as one path, and
saves the file. That is the least any program must do to print the same pages, without
layout, shaping, signing or a database.

Reported: per-pass median for single passes, total time for a batch, both as ratios
(service / baseline); goal ≤ 1.5.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from qrcode.constants import ERROR_CORRECT_Q
from qrcode.main import QRCode
from reportlab.pdfgen import canvas as reportlab_canvas
from reportlab.pdfgen.canvas import Canvas

from passapp.domain.dates import PartialDate
from passapp.models.database import open_database, to_url
from passapp.services.context import ServiceContext
from passapp.services.offices import init_office
from passapp.services.passes import issue_pass
from passapp.services.people import PersonInput, register_person
from passapp.services.trust import enrol_office, init_district, install_file, write_request

GOAL = 1.5
RESULTS = Path(__file__).parent / "results"
RECORDED = (
    "setFont",
    "drawString",
    "setFillColorRGB",
    "setStrokeColorRGB",
    "setLineWidth",
    "setDash",
    "rect",
    "roundRect",
    "line",
    "saveState",
    "restoreState",
    "translate",
    "scale",
    "addLiteral",
    "showPage",
)
FAMILIES = [
    "Ahmadi",
    "Schewtschenko",
    "Yılmaz",
    "Al-Hassan",
    "Kowalska",
    "Tesfaye",
    "Nguyễn",
    "Okafor",
]
GIVEN = ["Zahra", "Olena", "Elif", "Mohammed Karim", "Łucja", "Selam", "Thị Lan", "Chinedu"]
LANGUAGES = ["ar", "uk", "tr", "fa", "en", "ru", "", "en"]


def setup(folder: Path, people: int) -> tuple[ServiceContext, list[Any]]:
    district = ServiceContext(
        db=open_database(to_url(str(folder / "district.sqlite3"))), passphrase=None
    )
    init_district(district, name="Landkreis Dachau", code="LRADAH")
    office = ServiceContext(
        db=open_database(to_url(str(folder / "office.sqlite3"))),
        passphrase=None,
        output_folder=folder / "pdf",
    )
    init_office(
        office,
        code="EWDAH",
        name="Einwohnermeldeamt Dachau",
        kind="einwohnermeldeamt",
        municipality="Dachau",
    )
    write_request(office, folder / "request.json")
    enrol_office(district, folder / "request.json", folder / "package.json")
    install_file(office, folder / "package.json")
    district.db.dispose()
    ids = []
    for n in range(people):
        suffix = "" if n < len(FAMILIES) else "abcdefghijklmnopqrstuvwxyz"[n % 26] * (1 + n // 260)
        ids.append(
            register_person(
                office,
                PersonInput(
                    family_names=FAMILIES[n % len(FAMILIES)] + suffix,
                    given_names=GIVEN[n % len(GIVEN)],
                    birth_date=PartialDate(1980 + n % 25, 1 + n % 12),
                    moved_from_abroad=True,
                ),
            ).person.id
        )
    return office, ids


def record_drawing(render: Callable[[], None]) -> list[tuple[str, tuple[Any, ...], dict[str, Any]]]:
    """The canvas calls the pass renderer makes, captured by a recording canvas class."""
    log: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []

    class RecordingCanvas(Canvas):
        pass

    def recorder(name: str) -> Callable[..., Any]:
        original = getattr(Canvas, name)

        def call(self: Canvas, *args: Any, **kwargs: Any) -> Any:
            log.append((name, args, kwargs))
            return original(self, *args, **kwargs)

        return call

    for name in RECORDED:
        setattr(RecordingCanvas, name, recorder(name))
    # pdf.common imports the Canvas class when it draws (not at start, issue 12): the
    # recording class is put where that import finds it.
    saved = reportlab_canvas.Canvas
    reportlab_canvas.Canvas = RecordingCanvas  # type: ignore[misc]
    try:
        render()
    finally:
        reportlab_canvas.Canvas = saved  # type: ignore[misc]
    return log


def bare_reportlab(
    log: list[tuple[str, tuple[Any, ...], dict[str, Any]]], pagesize: tuple[float, float]
) -> Callable[[str, Path], None]:
    calls = [(name, args, kwargs) for name, args, kwargs in log if name != "addLiteral"]
    qr_at = next(i for i, (name, _, _) in enumerate(log) if name == "addLiteral")
    before_qr = sum(1 for name, _, _ in log[:qr_at] if name != "addLiteral")

    def draw(digits: str, out: Path) -> None:
        canvas = Canvas(str(out), pagesize=pagesize, invariant=True, pageCompression=1)
        for index, (name, args, kwargs) in enumerate(calls):
            if index == before_qr:
                # The same QR: encoded for this pass, dark modules as one filled path.
                code = QRCode(error_correction=ERROR_CORRECT_Q, border=0)
                code.add_data(digits, optimize=0)  # all digits: one numeric segment
                matrix = code.get_matrix()
                path = " ".join(
                    f"{x} {-y} 1 1 re"
                    for y, row in enumerate(matrix)
                    for x, dark in enumerate(row)
                    if dark
                )
                canvas.addLiteral(path + " f")
            getattr(canvas, name)(*args, **kwargs)
        canvas.save()

    return draw


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--single", type=int, default=40)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="passapp-bench-issue-") as temporary:
        folder = Path(temporary)
        total = args.single + args.batch + 5
        started = time.perf_counter()
        office, people = setup(folder, total)
        print(
            f"set up district, office and {total} people in {time.perf_counter() - started:.1f} s"
        )

        # Record one pass's drawing (warms fonts and caches for both sides too).
        issued_sample: list[Any] = []
        log = record_drawing(
            lambda: issued_sample.append(issue_pass(office, people[0], languages=("ar",)))
        )
        sample = issued_sample[0]
        draw = bare_reportlab(log, (841.8897637795275, 595.2755905511812))
        for n in range(1, 5):
            issue_pass(office, people[n], languages=(LANGUAGES[n % len(LANGUAGES)] or "de",))
            draw(sample.qr_digits, folder / "warm.pdf")

        queue = iter(people[5:])
        service_single, baseline_single = [], []
        for n in range(args.single):
            person = next(queue)
            language = LANGUAGES[n % len(LANGUAGES)] or "de"
            t0 = time.perf_counter()
            issued = issue_pass(office, person, languages=(language,))
            t1 = time.perf_counter()
            draw(issued.qr_digits, folder / f"bare-{n}.pdf")
            t2 = time.perf_counter()
            service_single.append(t1 - t0)
            baseline_single.append(t2 - t1)

        batch_people = [next(queue) for _ in range(args.batch)]
        t0 = time.perf_counter()
        digits = []
        for n, person in enumerate(batch_people):
            digits.append(
                issue_pass(
                    office, person, languages=(LANGUAGES[n % len(LANGUAGES)] or "de",)
                ).qr_digits
            )
        service_batch = time.perf_counter() - t0
        t0 = time.perf_counter()
        for n, code in enumerate(digits):
            draw(code, folder / f"bare-batch-{n}.pdf")
        baseline_batch = time.perf_counter() - t0

    single_ratio = statistics.median(service_single) / statistics.median(baseline_single)
    batch_ratio = service_batch / baseline_batch
    report = {
        "benchmark": "issue",
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "recorded_calls": len(log),
        "single": {
            "passes": args.single,
            "service_median_ms": statistics.median(service_single) * 1000,
            "baseline_median_ms": statistics.median(baseline_single) * 1000,
            "ratio": single_ratio,
        },
        "batch": {
            "passes": args.batch,
            "service_s": service_batch,
            "baseline_s": baseline_batch,
            "ratio": batch_ratio,
        },
        "goal": GOAL,
    }
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"issue-{dt.datetime.now():%Y%m%d-%H%M%S}.json"
    out.write_text(json.dumps(report, indent=2))
    print(f"recorded {len(log)} drawing calls per pass")
    print(
        f"one pass   service {report['single']['service_median_ms']:7.1f} ms   "
        f"bare reportlab {report['single']['baseline_median_ms']:7.1f} ms   ratio {single_ratio:4.2f}  "
        f"(goal ≤ {GOAL}) {'✓' if single_ratio <= GOAL else '✗'}"
    )
    print(
        f"{args.batch} passes service {service_batch:7.1f} s    bare reportlab {baseline_batch:7.1f} s    "
        f"ratio {batch_ratio:4.2f}  (goal ≤ {GOAL}) {'✓' if batch_ratio <= GOAL else '✗'}"
    )
    print(f"written {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
