"""a second factor for staff: TOTP and recovery codes

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 23:45:00.000000

Nullable columns and one with a constant default: no table rewrite.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('staff_user', sa.Column('totp_secret', sa.String(length=64), nullable=True))
    op.add_column('staff_user', sa.Column('totp_last_step', sa.BigInteger(), nullable=True))
    op.add_column(
        'staff_user',
        sa.Column(
            'recovery_code_hashes',
            postgresql.ARRAY(sa.String(length=64)),
            server_default=sa.text("'{}'"),
            nullable=False,
        ),
    )


def downgrade() -> None:
    op.drop_column('staff_user', 'recovery_code_hashes')
    op.drop_column('staff_user', 'totp_last_step')
    op.drop_column('staff_user', 'totp_secret')
