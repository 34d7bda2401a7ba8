"""back-office sessions recorded server-side

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05 23:30:00.000000

The cookie now carries a random token only; each session is a row (found by the token's
SHA-256), so signing out ends that one session and admins can see and end any. Cookies of
sessions opened before this carry no token: their staff sign in again.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'staff_session',
        sa.Column('id', sa.String(length=64), nullable=False),
        sa.Column('staff_id', sa.Uuid(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('last_seen_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('client_address', sa.String(length=64), nullable=False),
        sa.Column('user_agent', sa.String(length=255), nullable=False),
        sa.ForeignKeyConstraint(
            ['staff_id'], ['staff_user.id'],
            name=op.f('fk_staff_session_staff_id_staff_user'), ondelete='CASCADE',
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_session')),
    )
    op.create_index(
        op.f('ix_staff_session_staff_id'), 'staff_session', ['staff_id'], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f('ix_staff_session_staff_id'), table_name='staff_session')
    op.drop_table('staff_session')
