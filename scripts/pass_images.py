"""The pass images the README links: the first sheet of a German-only and of an
Arabic pass, rendered from the real PDF (the sample catalogue, made-up holders).

    .venv/bin/python scripts/pass_images.py [--out docs]

Writes ``pass-de.png`` and ``pass-ar.png`` (A4 landscape at 120 dpi, 256 colours).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from importlib import resources
from pathlib import Path

import pypdfium2 as pdfium  # type: ignore[import-untyped]

from passapp.domain.dates import PartialDate
from passapp.domain.pass_number import check_digits
from passapp.pdf import OfferLine, PassPrint, render_pass

ROOT = Path(__file__).resolve().parents[1]
DPI = 120


def sample_offers() -> tuple[list[OfferLine], bool]:
    text = resources.files("passapp.resources").joinpath("offers_sample.json").read_text("utf-8")
    catalogue = json.loads(text)
    offers = [
        OfferLine(o["category"], o["title"], o["provider"], o.get("address"), o.get("contact"))
        for o in catalogue["offers"]
    ]
    return offers, bool(catalogue["sample"])


def holder(language: str | None, names: tuple[str, str, str | None, str | None]) -> PassPrint:
    offers, sample = sample_offers()
    family, given, family_original, given_original = names
    digits = str(int.from_bytes(random.Random(7).randbytes(84), "big")).zfill(203)
    return PassPrint(
        pass_number=f"EWDAH-000123-{check_digits('EWDAH', 123)}",
        generation=0,
        family_names=family,
        given_names=given,
        family_names_original=family_original,
        given_names_original=given_original,
        birth_date=PartialDate(1990, 5, None),
        issued_on=dt.date(2026, 11, 25),
        office_name="Einwohnermeldeamt Dachau",
        office_code="EWDAH",
        language=language,
        qr_digits=digits,
        offers=offers,
        offers_are_sample=sample,
    )


EDITIONS = {
    "pass-de.png": holder(None, ("Şahin", "Łukasz Mehmet", None, None)),
    "pass-ar.png": holder("ar", ("Al-Hassan", "Mohammed Abdullah", "الحسن", "محمد عبدالله")),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    out = parser.parse_args().out
    for name, data in EDITIONS.items():
        document = pdfium.PdfDocument(render_pass(data))
        try:
            image = document[0].render(scale=DPI / 72).to_pil()
        finally:
            document.close()
        image.quantize(256).save(out / name, optimize=True)
        print(out / name)


if __name__ == "__main__":
    main()
