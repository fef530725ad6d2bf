"""Typed ORM models and the database setup. No Qt here."""
