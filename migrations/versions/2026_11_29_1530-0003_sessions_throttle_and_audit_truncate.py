"""staff session versions, a throttle per email and per client address, audit log refuses TRUNCATE

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 15:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        'staff_user',
        sa.Column('session_version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    )
    # The throttle's rows are short-lived counters: start afresh with the new key.
    op.execute("DELETE FROM staff_sign_in_throttle")
    op.alter_column(
        'staff_sign_in_throttle', 'email', new_column_name='subject',
        type_=sa.String(length=400), existing_nullable=False,
    )
    op.create_index(
        op.f('ix_staff_sign_in_throttle_first_failure_at'), 'staff_sign_in_throttle',
        ['first_failure_at'], unique=False,
    )
    # Row triggers do not fire on TRUNCATE: without this, one statement empties the history.
    op.execute(
        "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
        "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only()"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER audit_log_no_truncate ON audit_log")
    op.drop_index(
        op.f('ix_staff_sign_in_throttle_first_failure_at'), table_name='staff_sign_in_throttle'
    )
    op.execute("DELETE FROM staff_sign_in_throttle")
    op.alter_column(
        'staff_sign_in_throttle', 'subject', new_column_name='email',
        type_=sa.String(length=320), existing_nullable=False,
    )
    op.drop_column('staff_user', 'session_version')
