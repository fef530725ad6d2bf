"""Errors of the crypto layer; each says what went wrong in English and in German.

They derive from :class:`~passapp.domain.errors.InputError` because every one of them is
caused by a file or a passphrase someone supplied, and callers already map that type to a
message next to the field (UI) or exit code 2 (command line).
"""

from __future__ import annotations

from passapp.domain.errors import InputError


class KeyFormatError(InputError):
    """A key file or public key that cannot be read, or is not ECDSA P-256."""


class WrongPassphraseError(InputError):
    """The passphrase does not open the private key (or one is missing)."""


class RequestError(InputError):
    """An enrolment request (CSR) that is malformed or not signed by its own key."""


class CertificateError(InputError):
    """A certificate that is malformed, not a passapp office certificate, or cannot be issued."""


class TrustListError(InputError):
    """A trust list whose signature does not verify or whose document is malformed."""
