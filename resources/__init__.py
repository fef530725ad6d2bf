"""The app's non-Python assets, shipped as the package ``passapp.resources``.

This folder sits at the top of the repository (DESIGN §2) and is mapped to
``passapp.resources`` by ``package-dir`` in ``pyproject.toml`` (wheel and editable
install) and by ``passapp/__init__.py`` when ``src`` is put on the path by hand. Read it
only through ``importlib.resources.files("passapp.resources")``, never by a file path.
"""
