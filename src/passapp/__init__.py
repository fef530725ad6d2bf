"""passapp: Bildungs- und Beratungspass des Landkreises Dachau."""

__version__ = "0.1.0"
