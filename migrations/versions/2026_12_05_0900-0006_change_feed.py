"""change feed: each task's and trashed task's writing transaction, indexed per owner

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05 09:00:00.000000

A live database takes this without stopping writes: the columns come with a constant default
(PostgreSQL 11+ stores it in the catalogue; no table rewrite), the trigger applies to rows
written from then on, and the indexes are built CONCURRENTLY, outside the migration's
transaction. Rows written before keep 0: older than every feed token, which only this code
hands out. The trigger, not the application, stamps rows, so every writer (the API, the back
office, an older release still serving during a rolling deploy, an operator's psql) is seen by
the feed.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = {
    "ix_task_owner_id_change_xid_id": "task (owner_id, change_xid, id)",
    "ix_task_trash_owner_id_change_xid_id": "task_trash (owner_id, change_xid, id)",
}


def upgrade() -> None:
    for table in ("task", "task_trash"):
        op.add_column(
            table,
            sa.Column('change_xid', sa.BigInteger(), server_default=sa.text('0'), nullable=False),
        )
    op.create_table('trash_purge',
    sa.Column('id', sa.Boolean(), nullable=False),
    sa.Column('through_xid', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_trash_purge'))
    )
    # xid8 (64 bits, never wraps) as text to bigint: there is no direct cast.
    op.execute(
        """
        CREATE FUNCTION stamp_change_xid() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW.change_xid := pg_current_xact_id()::text::bigint;
            RETURN NEW;
        END
        $$
        """
    )
    for table in ("task", "task_trash"):
        op.execute(
            f"CREATE TRIGGER {table}_change_xid BEFORE INSERT OR UPDATE ON {table}"
            " FOR EACH ROW EXECUTE FUNCTION stamp_change_xid()"
        )
    with op.get_context().autocommit_block():
        for name, definition in INDEXES.items():
            # A build that failed half-way leaves an invalid index of this name behind.
            op.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {name}")
            op.execute(f"CREATE INDEX CONCURRENTLY {name} ON {definition}")


def downgrade() -> None:
    for name in INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
    for table in ("task", "task_trash"):
        op.execute(f"DROP TRIGGER IF EXISTS {table}_change_xid ON {table}")
    op.execute("DROP FUNCTION IF EXISTS stamp_change_xid()")
    op.drop_table('trash_purge')
    for table in ("task", "task_trash"):
        op.drop_column(table, 'change_xid')
