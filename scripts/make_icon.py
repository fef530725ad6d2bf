"""Draw the app icon: ``resources/icons/passapp.svg`` and the PNG and Windows ``.ico`` made
from it.

    .venv/bin/python scripts/make_icon.py            # write the icons
    .venv/bin/python scripts/make_icon.py --check    # fail if a file differs from the SVG

The SVG is the source: a white pass booklet with a title line, two text lines and a QR
finder pattern on a blue rounded square; plain shapes that stay legible at 16 pixels.
Qt's SVG renderer draws each PNG size (so they match what the app shows); Pillow packs
the ``.ico`` that Windows and the PyInstaller build use.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
BLUE, PALE = "#1d4f91", "#9db3d6"

SVG = f"""<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <title>passapp</title>
  <rect x="8" y="8" width="240" height="240" rx="48" fill="{BLUE}"/>
  <rect x="52" y="32" width="152" height="192" rx="16" fill="#ffffff"/>
  <rect x="74" y="56" width="108" height="18" rx="9" fill="{BLUE}"/>
  <rect x="74" y="90" width="80" height="12" rx="6" fill="{PALE}"/>
  <rect x="74" y="112" width="96" height="12" rx="6" fill="{PALE}"/>
  <rect x="118" y="140" width="64" height="64" rx="6" fill="{BLUE}"/>
  <rect x="130" y="152" width="40" height="40" rx="3" fill="#ffffff"/>
  <rect x="140" y="162" width="20" height="20" rx="2" fill="{BLUE}"/>
</svg>
"""


def png(size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(QByteArray(SVG.encode("utf-8"))).render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def ico(largest: bytes) -> bytes:
    out = io.BytesIO()
    Image.open(io.BytesIO(largest)).save(out, format="ICO", sizes=[(s, s) for s in ICO_SIZES])
    return out.getvalue()


def icons() -> dict[str, bytes]:
    files = {"passapp.svg": SVG.encode("utf-8")}
    for size in SIZES:
        files[f"passapp-{size}.png"] = png(size)
    files["passapp.ico"] = ico(files["passapp-256.png"])
    return files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check, change nothing")
    check = parser.parse_args().check
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    made = icons()
    if check:
        stale = [n for n, data in made.items() if (FOLDER / n).read_bytes() != data]
        for name in stale:
            print(f"{name} differs from the SVG: run scripts/make_icon.py", file=sys.stderr)
        return 1 if stale else 0
    FOLDER.mkdir(parents=True, exist_ok=True)
    for name, data in made.items():
        with tempfile.NamedTemporaryFile(dir=FOLDER, delete=False) as scratch:
            scratch.write(data)
        Path(scratch.name).chmod(0o644)
        Path(scratch.name).replace(FOLDER / name)
    print(f"{len(made)} files in {FOLDER.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
