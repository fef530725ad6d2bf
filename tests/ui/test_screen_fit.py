"""Issue 9, item 13: every window and dialog fits a 1366×768 screen at 100, 125 and 150 %
display scaling, with its buttons in sight.

Each scaling runs ``screen_fit_probe`` in a fresh process (Qt reads the scaling and the
screen once, at start) on an offscreen screen of 1366 × (768 − taskbar) device pixels
(``QT_SCALE_FACTOR`` and the offscreen platform's screen file). A window fits when its
smallest size (minimumSizeHint) and the size it opens at, plus the frame and title bar
of Windows, are within the screen's work area, and no visible button is cut off or only
reachable by scrolling.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from passapp.ui.screen import WINDOW_FRAME

ROOT = Path(__file__).resolve().parents[2]
TASKBAR_PX = 40  # Windows' taskbar at 100 %; it scales with the display
# Logical pixels the hit list keeps beside the person panel: a family name and given
# names stay readable (the person panel's buttons once squeezed it to 100 px at 150 %).
MIN_HIT_LIST_WIDTH = 260
EXPECTED = {
    "main window",
    "main window (admin)",
    "registration",
    "registration: profile open",
    "learner profile",
    "entry form",
    "entry correction",
    "entry cancellation",
    "issue pass",
    "issue pass: print step",
    "replace pass",
    "entry sheet",
    "data exchange",
    "audit log check",
    "offers",
    "offer form",
    "set-up: welcome",
    "set-up: office",
    "set-up: first admin",
    "log-in",
    "log-in (demo)",
    "accounts",
    "add account",
    "own password",
    "erase",
    "withdraw consent",
    "locked window",
    "figures",
    "offices",
    "enrol office",
    "report compromised key",
    "new key request",
    "offers (district)",
    "review: duplicates",
    "review: conflicts",
    "merge",
    "dismissed pairs",
    "backup",
    "restore",
}


def probe(scale: float, folder: Path, language: str | None = None) -> dict[str, Any]:
    screen = folder / "screen.json"
    work_area = {"width": 1366, "height": round(768 - TASKBAR_PX * scale)}
    screen.write_text(
        json.dumps(
            {
                "screens": [
                    {"name": "counter", "x": 0, "y": 0, "logicalDpi": 96, "dpr": 1, **work_area}
                ]
            }
        )
    )
    env = dict(os.environ)
    env.update(
        QT_SCALE_FACTOR=str(scale),
        QT_QPA_PLATFORM=f"offscreen:configfile={screen}",
        PYTHONPATH=os.pathsep.join([str(ROOT / "src"), str(ROOT)]),
    )
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.ui.screen_fit_probe",
            str(folder),
            *(("--lang", language) if language else ()),
        ],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return result


@pytest.mark.parametrize("scale", [1.0, 1.25, 1.5])
def test_every_window_fits_the_counter_screen(scale: float, tmp_path: Path) -> None:
    found = probe(scale, tmp_path)
    width, height = found["screen"]
    assert (width, height) == (round(1366 / scale), round(768 / scale - TASKBAR_PX))
    room = (width - WINDOW_FRAME.width(), height - WINDOW_FRAME.height())
    assert {window["name"] for window in found["windows"]} == EXPECTED
    too_big = []
    for window in found["windows"]:
        for size in ("min", "size"):
            w, h = window[size]
            if w > room[0] or h > room[1]:
                too_big.append(f"{window['name']}: {size} {w}×{h} > {room[0]}×{room[1]}")
        too_big += [f"{window['name']}: {text}" for text in window["clipped"]]
        hit_list = window["hit_list_width"]
        if hit_list is not None and hit_list < MIN_HIT_LIST_WIDTH:
            too_big.append(f"{window['name']}: hit list only {hit_list} px wide")
    assert too_big == []
