"""Sync between offices and the district (DESIGN §7): bundle files, change log, merge.

:mod:`passapp.sync.bundle` is the bundle file format alone (no database): a signed,
encrypted, streamed file with a readable plain header.
"""
