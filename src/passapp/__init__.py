"""passapp: Bildungs- und Beratungspass des Landkreises Dachau."""

import importlib.util
import sys
from pathlib import Path

__version__ = "0.1.0"


def _map_checkout_resources() -> None:
    """Make ``passapp.resources`` the checkout's top-level ``resources/`` when ``src`` is on
    the path by hand (``PYTHONPATH=src``, no install of this checkout).

    A wheel and a frozen app carry the assets inside the package (``passapp/resources``);
    an editable install maps them itself. Only a bare checkout needs this: the folder is
    found next to ``src`` and imported under its package name, so that
    ``importlib.resources.files("passapp.resources")`` reads this checkout's files.
    """
    package = Path(__file__).resolve().parent
    folder = package.parents[1] / "resources"
    if (package / "resources").is_dir() or not (folder / "__init__.py").is_file():
        return
    spec = importlib.util.spec_from_file_location(
        "passapp.resources", folder / "__init__.py", submodule_search_locations=[str(folder)]
    )
    if spec is None or spec.loader is None:
        return
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    globals()["resources"] = module  # as the import system binds a loaded submodule


_map_checkout_resources()
