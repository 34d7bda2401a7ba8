"""task trash, audit entries tied to the API user they are about, redaction on erasure

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 16:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('task_trash',
    sa.Column('owner_id', sa.Uuid(), nullable=False),
    sa.Column('title', sa.String(length=255), nullable=False),
    sa.Column('description', sa.String(length=1000), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('completed', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['owner_id'], ['app_user.id'], name=op.f('fk_task_trash_owner_id_app_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_task_trash'))
    )
    op.create_index('ix_task_trash_deleted_at', 'task_trash', ['deleted_at'], unique=False, postgresql_using='brin')
    op.add_column('audit_log', sa.Column('subject_user_id', sa.Uuid(), nullable=True))
    op.create_index(op.f('ix_audit_log_subject_user_id'), 'audit_log', ['subject_user_id'], unique=False)
    # Existing entries learn whom they are about: a user's own id; a task's owner from the
    # values recorded, or from the task itself. (The trigger allows no UPDATE: lifted here.)
    op.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only")
    op.execute(
        """
        UPDATE audit_log a SET subject_user_id = CASE
            WHEN a.object_type = 'user' THEN a.object_id::uuid
            ELSE coalesce(
                (a.after ->> 'owner_id')::uuid,
                (a.before ->> 'owner_id')::uuid,
                (SELECT t.owner_id FROM task t WHERE t.id::text = a.object_id)
            ) END
        WHERE a.object_type IN ('user', 'task')
        """
    )
    op.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only")
    # History stays append-only, with one exception: erasing a user (taskapi's erasure, which
    # sets taskapi.erasing for its own transaction) may replace the recorded values of entries
    # about that user, and nothing else about any entry.
    op.execute(
        """
        CREATE OR REPLACE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'UPDATE'
               AND current_setting('taskapi.erasing', true) = 'on'
               AND OLD.subject_user_id IS NOT NULL
               AND OLD.subject_user_id::text = current_setting('taskapi.erased_user', true)
               AND (NEW.id, NEW.staff_id, NEW.staff_email, NEW.action, NEW.object_type,
                    NEW.object_id, NEW.subject_user_id, NEW.created_at)
                   IS NOT DISTINCT FROM
                   (OLD.id, OLD.staff_id, OLD.staff_email, OLD.action, OLD.object_type,
                    OLD.object_id, OLD.subject_user_id, OLD.created_at)
            THEN
                RETURN NEW;
            END IF;
            RAISE EXCEPTION 'audit_log rows cannot be changed or deleted';
        END
        $$
        """
    )


def downgrade() -> None:
    op.execute(
        """
        CREATE OR REPLACE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'audit_log rows cannot be changed or deleted';
        END
        $$
        """
    )
    op.drop_index(op.f('ix_audit_log_subject_user_id'), table_name='audit_log')
    op.drop_column('audit_log', 'subject_user_id')
    op.drop_index('ix_task_trash_deleted_at', table_name='task_trash')
    op.drop_table('task_trash')
