"""The app icon (resources/icons): every size the window and the taskbar ask for, and a
Windows .ico for the installed app."""

from __future__ import annotations

from importlib import resources

from PIL import Image
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from passapp.ui.app import ICON_SIZES, app_icon


def test_app_icon_has_every_size_drawn(qapp: QApplication) -> None:
    icon = app_icon()
    assert sorted(size.width() for size in icon.availableSizes()) == sorted(ICON_SIZES)
    for size in ICON_SIZES:
        image = icon.pixmap(QSize(size, size)).toImage()
        assert (image.width(), image.height()) == (size, size)
        # Drawn, not blank: the blue square left of the white booklet, the corner clear.
        border = image.pixelColor(size * 30 // 256, size // 2)
        assert (border.red() < 80, border.blue() > 120) == (True, True)
        assert image.pixelColor(0, 0).alpha() == 0


def test_windows_icon_holds_the_sizes_explorer_uses() -> None:
    ico = resources.files("passapp.resources").joinpath("icons", "passapp.ico")
    with resources.as_file(ico) as path, Image.open(path) as image:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(image.info["sizes"])
