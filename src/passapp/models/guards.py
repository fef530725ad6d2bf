"""Database-level guards for append-only tables.

Entries and audit events are append-only (DESIGN §3): corrections are new rows. The
services never update them; these triggers make the database refuse it too, so a bug or a
hand-made SQL statement cannot rewrite history silently. (Someone with the file can still
drop a trigger; the audit hash chain then shows the edit.)
"""

from __future__ import annotations

from sqlalchemy import Connection, text

APPEND_ONLY = {
    "entry": ("UPDATE",),
    "audit_event": ("UPDATE", "DELETE"),
}


def _statements(dialect: str) -> list[str]:
    statements: list[str] = []
    for table, operations in APPEND_ONLY.items():
        for operation in operations:
            name = f"{table}_no_{operation.lower()}"
            if dialect == "sqlite":
                statements.append(
                    f"CREATE TRIGGER IF NOT EXISTS {name} BEFORE {operation} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
                )
            elif dialect == "postgresql":
                statements.append(
                    # SQLSTATE 23000 as SQLite's RAISE(ABORT): an IntegrityError on both.
                    "CREATE OR REPLACE FUNCTION passapp_append_only() RETURNS trigger AS $$ "
                    "BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME "
                    "USING ERRCODE = 'integrity_constraint_violation'; END $$ LANGUAGE plpgsql"
                )
                statements.append(f"DROP TRIGGER IF EXISTS {name} ON {table}")
                statements.append(
                    f"CREATE TRIGGER {name} BEFORE {operation} ON {table} "
                    "FOR EACH ROW EXECUTE FUNCTION passapp_append_only()"
                )
    return statements


def install_guards(connection: Connection) -> None:
    for statement in _statements(connection.dialect.name):
        connection.execute(text(statement))


def remove_guards(connection: Connection) -> None:
    for table, operations in APPEND_ONLY.items():
        for operation in operations:
            name = f"{table}_no_{operation.lower()}"
            if connection.dialect.name == "postgresql":
                connection.execute(text(f"DROP TRIGGER IF EXISTS {name} ON {table}"))
            else:
                connection.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
