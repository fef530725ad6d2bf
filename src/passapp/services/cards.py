"""Printed cards: sign the QR of one card generation and render its PDF.

The PDF is written as the last step of the issuing transaction and removed again if the
commit fails (:func:`card_output`): the database never holds a pass whose card was not
written, a refused or failed issue leaves no file, and no staged copy of the holder's data
is left behind.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import platformdirs
from sqlalchemy import select
from sqlalchemy.orm import Session

from passapp.atomic import check_output_path
from passapp.crypto.passverify import sign_pass
from passapp.domain.qr import FORMAT_VERSION, PassClaims, binding_hash
from passapp.models.entities import Entry, Offer, Office, Pass, PassCard, Person
from passapp.pdf import EntryLine, EntrySheet, OfferLine, PassPrint, render_entry_sheet, render_pass
from passapp.services import changes
from passapp.services.context import ServiceContext
from passapp.services.errors import Refused
from passapp.services.files import write_atomically
from passapp.services.privacy_contact import stored_contact
from passapp.services.reference import entry_kind_labels, entry_status_labels, load_resource
from passapp.services.trust import signing_key_for_passes


def default_pdf_path(ctx: ServiceContext, pass_number: str, generation: int) -> Path:
    folder = ctx.output_folder or Path(platformdirs.user_documents_dir()) / "passapp"
    suffix = f"-ersatz{generation}" if generation else ""
    return folder / f"Pass-{pass_number}{suffix}.pdf"


class CardFile:
    """The PDF of one card, written by :meth:`write` inside the issuing transaction."""

    def __init__(self) -> None:
        self.written: Path | None = None

    def write(self, target: Path, content: bytes) -> Path:
        """Write the whole file; call it as the transaction's last step, right before the commit."""
        path = check_output_path(target).resolve()
        try:
            write_atomically(path, content)
        except OSError as error:
            raise Refused(
                f"cannot write the card to {path}: {error.strerror or error}; nothing was saved",
                f"Die Karte konnte nicht nach {path} geschrieben werden ({error.strerror or error}); "
                "es wurde nichts gespeichert.",
            ) from error
        self.written = path
        return path

    def remove(self) -> None:
        if self.written is not None:
            self.written.unlink(missing_ok=True)


@contextmanager
def card_output() -> Iterator[CardFile]:
    """Enter before the transaction: if the commit fails after the card was written, the
    file goes too, so it never names a pass the database does not hold."""
    card_file = CardFile()
    try:
        yield card_file
    except BaseException:
        card_file.remove()
        raise


def sign_card(
    ctx: ServiceContext, session: Session, office: Office, record: Pass, person: Person
) -> PassCard:
    """Sign the QR for the record's current generation and keep the card."""
    key, private = signing_key_for_passes(ctx, session, office)
    claims = PassClaims(
        version=FORMAT_VERSION,
        office=office.code,
        key_id=key.key_id,
        sequence=record.sequence,
        issued_on=ctx.today(),
        generation=record.generation,
        binding=binding_hash(
            record.pass_number, person.family_names, person.given_names, person.birth_date
        ),
    )
    card = PassCard(
        pass_id=record.id,
        generation=record.generation,
        issued_on=claims.issued_on,
        issued_by=ctx.clerk,
        key_id=key.key_id,
        qr_digits=sign_pass(private, claims),
    )
    session.add(card)
    session.flush()
    changes.record(session, card)
    return card


def second_language(record: Pass) -> str | None:
    """The language printed beside German on this pass, if any."""
    return next((code for code in record.print_languages if code != "de"), None)


def render_card(
    session: Session, record: Pass, person: Person, office: Office, card: PassCard
) -> bytes:
    from passapp.services.erasure import retention_years  # erasure → passes → cards

    language = second_language(record)
    contact = stored_contact(session)
    offers = list(
        session.scalars(
            select(Offer).where(Offer.active.is_(True)).order_by(Offer.category, Offer.title)
        )
    )
    return render_pass(
        PassPrint(
            pass_number=record.pass_number,
            generation=card.generation,
            family_names=person.family_names,
            given_names=person.given_names,
            family_names_original=person.family_names_original,
            given_names_original=person.given_names_original,
            birth_date=person.birth_date,
            issued_on=card.issued_on,
            office_name=office.name,
            office_code=office.code,
            language=language,
            qr_digits=card.qr_digits,
            offers=[
                OfferLine(
                    o.category,
                    o.title,
                    o.provider,
                    o.address,
                    o.contact,
                    tuple(sorted((o.titles or {}).items())),
                )
                for o in offers
            ],
            offers_are_sample=any(o.is_sample for o in offers),
            district_name=_district_name(),
            privacy_contact=None if contact is None else contact.printed(),
            retention_years=retention_years(session),
        )
    )


@cache
def _district_name() -> str:
    # Read once per process: it is printed on every pass.
    return str(load_resource("municipalities.json")["district"]["name"])


def entry_sheet(session: Session, record: Pass, office: Office, on: dt.date) -> bytes:
    person = record.holder
    entries = list(
        session.scalars(
            select(Entry)
            .where(Entry.pass_id == record.id)
            .order_by(Entry.start_date, Entry.created_at)
        )
    )
    superseded = {e.refers_to_id: e.action for e in entries if e.refers_to_id is not None}
    offices = {o.id: o.code for o in session.scalars(select(Office))}
    kinds, statuses = entry_kind_labels(), entry_status_labels()
    language = second_language(record)
    offers = _offers_of(session, entries)
    lines = [
        EntryLine(
            date=e.start_date,
            kind_label=kinds[e.kind].label_de if e.kind in kinds else e.kind,
            title=e.title or (offers[e.offer_id].title if e.offer_id in offers else None),
            provider=e.provider,
            level=e.level,
            result=e.result,
            office=offices.get(e.office_id, "?"),
            status_label=statuses[e.status].label_de if e.status in statuses else None,
            note=_note(e, superseded),
            title_translation=_offer_title_in(offers.get(e.offer_id), language),
        )
        for e in entries
    ]
    return render_entry_sheet(
        EntrySheet(
            pass_number=record.pass_number,
            family_names=person.family_names if person else "–",
            given_names=person.given_names if person else "",
            birth_date=person.birth_date if person else None,  # type: ignore[arg-type]
            printed_on=on,
            office_name=office.name,
            language=language,
            entries=lines,
        )
    )


def _offers_of(session: Session, entries: list[Entry]) -> dict[uuid.UUID | None, Offer]:
    ids = {e.offer_id for e in entries if e.offer_id is not None}
    if not ids:
        return {}
    return {o.id: o for o in session.scalars(select(Offer).where(Offer.id.in_(ids)))}


def _offer_title_in(offer: Offer | None, language: str | None) -> str | None:
    """The offer's title in the sheet's second language, if the district gave one."""
    if offer is None or language is None:
        return None
    return (offer.titles or {}).get(language) or None


def _note(entry: Entry, superseded: dict[uuid.UUID, str]) -> str | None:
    if entry.action == "correction":
        return "Korrektur"
    if entry.action == "cancellation":
        return "Storno"
    later = superseded.get(entry.id)
    if later == "cancellation":
        return "storniert"
    if later == "correction":
        return "korrigiert"
    return None
