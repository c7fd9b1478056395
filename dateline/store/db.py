"""Opening the SQLite store and migrating its schema.

Migrations are the numbered ``migrations/NNNN_name.sql`` files of this package, applied in order,
each in its own transaction and recorded in ``schema_migrations``. A database that records a
migration this version does not ship was written by a newer dateline and is refused rather than
guessed at.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from dateline.core.errors import SchemaVersionError, StoreError

DEFAULT_DB = "dateline.db"


@dataclass(frozen=True, slots=True)
class Migration:
    number: int
    name: str
    sql: str


def migrations() -> list[Migration]:
    """Every migration shipped with this version, in order."""
    found: list[Migration] = []
    folder = resources.files("dateline.store") / "migrations"
    for entry in folder.iterdir():
        stem = entry.name.removesuffix(".sql")
        if not entry.name.endswith(".sql") or "_" not in stem:
            continue
        number, _, name = stem.partition("_")
        if number.isdigit():
            found.append(Migration(int(number), name, entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.number)
    return found


def connect(path: str | Path = DEFAULT_DB, *, migrate: bool = True, readonly: bool = False) -> sqlite3.Connection:
    """Open (creating if needed) the store at ``path`` in WAL mode, migrated to this version."""
    path = Path(path)
    if readonly and not path.exists():
        raise StoreError(f"{path}: no such database (run `dateline ingest ... --db {path}` first)")
    if readonly and migrate:
        _migrate_before_reading(path)
    try:
        if readonly:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
        else:
            # An engine may read (and store) the first articles in a thread while its cluster starts;
            # the connection is never used by two threads at once.
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 10000")
        if not readonly:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: cannot open database: {exc}") from exc
    if migrate and not readonly:
        apply_migrations(conn, source=str(path))
    return conn


def _migrate_before_reading(path: Path) -> None:
    """A database an older dateline made is migrated before a read-only open: the reading code
    expects this version's schema. Migrations change the schema only, never what is stored; a file
    that cannot be written is refused with what to do."""
    try:
        probe = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
        try:
            done = applied_migrations(probe)
        finally:
            probe.close()
    except sqlite3.DatabaseError:
        return  # not a database: the read-only open says so
    if not done or {m.number for m in migrations()} <= set(done):
        return
    if not os.access(path, os.W_OK):
        raise SchemaVersionError(f"{path}: made by an older dateline and read-only here; open it once where it can be "
                                 "written (any `dateline ingest --db FILE`) to bring its schema up to date")  # fmt: skip
    connect(path).close()


def applied_migrations(conn: sqlite3.Connection) -> dict[int, str]:
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
    ).fetchone()
    if not exists:
        return {}
    return {row[0]: row[1] for row in conn.execute("SELECT number, name FROM schema_migrations")}


def apply_migrations(conn: sqlite3.Connection, *, source: str = "database") -> list[Migration]:
    """Apply every shipped migration the database lacks; return those applied."""
    try:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            " number INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{source}: not a dateline database ({exc})") from exc
    shipped = migrations()
    done = applied_migrations(conn)
    unknown = sorted(set(done) - {m.number for m in shipped})
    if unknown:
        raise SchemaVersionError(
            f"{source}: written by a newer dateline (unknown migrations {unknown}); upgrade dateline"
        )
    applied: list[Migration] = []
    for migration in shipped:
        if migration.number in done:
            continue
        try:
            conn.execute("BEGIN IMMEDIATE")
            for statement in _statements(migration.sql):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_migrations(number, name, applied_at) VALUES (?, ?, ?)",
                (migration.number, migration.name, _now()),
            )
            conn.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            conn.execute("ROLLBACK")
            raise StoreError(f"{source}: migration {migration.number:04d}_{migration.name} failed: {exc}") from exc
        applied.append(migration)
    return applied


def _statements(sql: str) -> list[str]:
    """Split a migration script into statements (``executescript`` would commit on its own)."""
    out: list[str] = []
    buf = ""
    for line in sql.splitlines(keepends=True):
        if line.lstrip().startswith("--") and not buf.strip():
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
