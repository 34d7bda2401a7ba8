"""trigram search: pg_trgm and btree_gin, GIN indexes for task text and user email

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 18:00:00.000000

Both extensions ship with PostgreSQL's contrib modules and are trusted (PostgreSQL 13+), so the
database's owner creates them; Neon allows both. The indexes are built CONCURRENTLY, outside
the migration's transaction, so a deployed database keeps taking writes while they build.
"""

from collections.abc import Sequence

from alembic import op

from backend.core.migrations import require_extensions

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = {
    "ix_task_owner_id_text_trgm": (
        "task USING gin (owner_id, title gin_trgm_ops, description gin_trgm_ops)"
    ),
    "ix_app_user_email_trgm": "app_user USING gin (email gin_trgm_ops)",
}


def upgrade() -> None:
    require_extensions(op.get_bind(), "pg_trgm", "btree_gin")
    with op.get_context().autocommit_block():
        for name, definition in INDEXES.items():
            # A build that failed half-way leaves an invalid index of this name behind.
            op.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {name}")
            op.execute(f"CREATE INDEX CONCURRENTLY {name} ON {definition}")


def downgrade() -> None:
    for name in INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
    # The extensions stay: other objects in the database may use them.
