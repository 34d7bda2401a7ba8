"""task: every vacuum cleans its indexes, and autovacuum comes after 2 % of its rows changed

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06 06:00:00.000000

A user who deletes (or moves to the trash) their newest tasks leaves their index entries at
the head of the owner's `created_at` index, the first page's: every first page then steps
over them, a leaf page per few hundred. VACUUM skips index cleanup when the dead rows sit on
fewer than 2 % of the table's pages (PostgreSQL's bypass, `vacuum_index_cleanup = auto`),
which a few thousand of one user's rows among millions always do, so they stayed for good:
after 20,000 deleted, the first page read 209 buffers instead of 17, vacuumed or not (issue
28: the first list page's throughput that moved between runs). With `on` every vacuum removes
them; at the default scale factor (20 %) autovacuum waits for 200,000 dead rows in a table
of 1,000,000: 2 % brings it within a minute of a burst.
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0012'
down_revision: str | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(
        "ALTER TABLE task SET (vacuum_index_cleanup = on, autovacuum_vacuum_scale_factor = 0.02)"
    )


def downgrade() -> None:
    op.execute("ALTER TABLE task RESET (vacuum_index_cleanup, autovacuum_vacuum_scale_factor)")
