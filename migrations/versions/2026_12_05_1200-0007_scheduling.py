"""scheduling: completion time, due date, time and zone, priority and labels

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05 12:00:00.000000

A live database takes this without stopping writes: the columns are NULL or come with a
constant default (no table rewrite); the checks are added NOT VALID and validated afterwards
(a scan that lets writes through); the indexes are built CONCURRENTLY; tasks completed before
this get their `updated_at` (the latest their completion can have been) as `completed_at` in
small batches, each its own transaction.

`completed_at` is kept by a trigger rather than by each statement, so the API, the back office
and psql all set it the same way: to the write's `updated_at` when `completed` becomes true,
to NULL when it becomes false, untouched otherwise.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHECKS = {
    "ck_task_priority": "priority BETWEEN 1 AND 4",
    "ck_task_due_time_needs_date": "due_time IS NULL OR due_date IS NOT NULL",
    "ck_task_time_zone_needs_time": "time_zone IS NULL OR due_time IS NOT NULL",
    "ck_task_due_date_range": "due_date BETWEEN '0001-01-02' AND '9999-12-30'",
}
INDEXES = {
    "ix_task_owner_id_due": (
        "task (owner_id, coalesce(due_date, 'infinity'::date),"
        " coalesce(due_time, '24:00'::time), id)"
    ),
    "ix_task_owner_id_priority_id": "task (owner_id, priority, id)",
    "ix_task_owner_id_labels": (
        "task USING gin (task_label_keys(owner_id, labels)) WHERE labels <> '{}'"
    ),
}
BACKFILL_BATCH = 5000


def upgrade() -> None:
    for table in ("task", "task_trash"):
        op.add_column(table, sa.Column('completed_at', sa.DateTime(timezone=True), nullable=True))
        op.add_column(table, sa.Column('due_date', sa.Date(), nullable=True))
        op.add_column(table, sa.Column('due_time', sa.Time(), nullable=True))
        op.add_column(table, sa.Column('time_zone', sa.String(length=64), nullable=True))
        op.add_column(
            table,
            sa.Column('priority', sa.SmallInteger(), server_default=sa.text('1'), nullable=False),
        )
        op.add_column(
            table,
            sa.Column(
                'labels',
                postgresql.ARRAY(sa.Text()),
                server_default=sa.text("'{}'"),
                nullable=False,
            ),
        )
    for name, condition in CHECKS.items():
        op.execute(f"ALTER TABLE task ADD CONSTRAINT {name} CHECK ({condition}) NOT VALID")
    # Immutable, as an index expression must be: lower() depends only on the database's
    # fixed locale.
    op.execute(
        """
        CREATE FUNCTION task_label_keys(owner uuid, labels text[]) RETURNS text[]
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        RETURN ARRAY(SELECT owner::text || ':' || lower(label) FROM unnest(labels) AS label)
        """
    )
    op.execute(
        """
        CREATE FUNCTION stamp_completed_at() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NOT NEW.completed THEN
                NEW.completed_at := NULL;
            ELSIF TG_OP = 'UPDATE' AND OLD.completed AND OLD.completed_at IS NOT NULL THEN
                NEW.completed_at := OLD.completed_at;
            ELSIF NEW.completed_at IS NULL THEN
                NEW.completed_at := NEW.updated_at;
            END IF;
            RETURN NEW;
        END
        $$
        """
    )
    op.execute(
        "CREATE TRIGGER task_completed_at BEFORE INSERT OR UPDATE ON task"
        " FOR EACH ROW EXECUTE FUNCTION stamp_completed_at()"
    )
    with op.get_context().autocommit_block():
        for name in CHECKS:
            op.execute(f"ALTER TABLE task VALIDATE CONSTRAINT {name}")
        for name, definition in INDEXES.items():
            # A build that failed half-way leaves an invalid index of this name behind.
            op.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {name}")
            op.execute(f"CREATE INDEX CONCURRENTLY {name} ON {definition}")
        connection = op.get_bind()
        while connection.execute(
            sa.text(
                "UPDATE task SET completed_at = updated_at WHERE id IN (SELECT id FROM task"
                " WHERE completed AND completed_at IS NULL LIMIT :batch)"
            ),
            {"batch": BACKFILL_BATCH},
        ).rowcount:
            pass


def downgrade() -> None:
    for name in INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
    op.execute("DROP TRIGGER IF EXISTS task_completed_at ON task")
    op.execute("DROP FUNCTION IF EXISTS stamp_completed_at()")
    op.execute("DROP FUNCTION IF EXISTS task_label_keys(uuid, text[])")
    for name in CHECKS:
        op.execute(f"ALTER TABLE task DROP CONSTRAINT IF EXISTS {name}")
    for table in ("task", "task_trash"):
        for column in ('labels', 'priority', 'time_zone', 'due_time', 'due_date', 'completed_at'):
            op.drop_column(table, column)
