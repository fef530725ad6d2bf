"""Imported first by the screenshot scripts: the state folder for the counter ledger of
their throwaway databases, and for Qt's offscreen platform a counter screen of 1366×768
less a 40-pixel taskbar (Qt's default offscreen screen is 800×800, on which the windows
would shrink to fit)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("PASSAPP_STATE_DIR", tempfile.mkdtemp(prefix="passapp-shots-state-"))
SCREEN = Path(os.environ["PASSAPP_STATE_DIR"]) / "screen.json"
SCREEN.write_text(
    '{"screens": [{"name": "counter", "x": 0, "y": 0, "width": 1366, "height": 728,'
    ' "logicalDpi": 96, "dpr": 1}]}'
)
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN}"
