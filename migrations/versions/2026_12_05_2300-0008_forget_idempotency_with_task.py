"""forget a task's idempotency records when the task is deleted

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05 23:00:00.000000

An `Idempotency-Key`'s record holds the created task's answer (its title and description) for
24 hours. When the task leaves the `task` table (deleted through the API or the back office,
or with its erased owner) its record goes in the same statement: a trigger, so every way of
deleting does it. One statement-level trigger per deleting statement, with the deleted rows
as a transition table: an erasure of many tasks is one more DELETE, not one per task.
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(
        """
        CREATE FUNCTION forget_idempotency_of_deleted_tasks() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            DELETE FROM idempotency_key AS k USING deleted_task AS d
            WHERE k.owner_id = d.owner_id AND k.task_id = d.id;
            RETURN NULL;
        END
        $$
        """
    )
    op.execute(
        "CREATE TRIGGER task_forget_idempotency AFTER DELETE ON task"
        " REFERENCING OLD TABLE AS deleted_task"
        " FOR EACH STATEMENT EXECUTE FUNCTION forget_idempotency_of_deleted_tasks()"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS task_forget_idempotency ON task")
    op.execute("DROP FUNCTION IF EXISTS forget_idempotency_of_deleted_tasks()")
