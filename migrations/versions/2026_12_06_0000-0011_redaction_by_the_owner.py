"""audit redaction only through the owner's function, only for a user who no longer exists

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06 00:00:00.000000

Before, any session could set `taskapi.erasing` and rewrite the entries of a live user. Now the
audit trigger lets an UPDATE through only when it replaces an entry's values with the fixed
redaction, for a user who no longer exists, inside `redact_erased_user`: a SECURITY DEFINER
function of the owner's, the one way the serving role (which has no UPDATE on audit_log,
`backend.core.migrations.grant_serving_role`) changes the log.
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0011'
down_revision: str | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

REDACTED = """'{"redacted": "the user was erased"}'::jsonb"""


def upgrade() -> None:
    op.execute(
        f"""
        CREATE OR REPLACE FUNCTION audit_log_is_append_only() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'UPDATE'
               AND OLD.subject_user_id IS NOT NULL
               AND OLD.subject_user_id::text = current_setting('taskapi.redacting', true)
               AND NOT EXISTS (SELECT 1 FROM app_user WHERE id = OLD.subject_user_id)
               AND (NEW.id, NEW.staff_id, NEW.staff_email, NEW.action, NEW.object_type,
                    NEW.object_id, NEW.subject_user_id, NEW.created_at)
                   IS NOT DISTINCT FROM
                   (OLD.id, OLD.staff_id, OLD.staff_email, OLD.action, OLD.object_type,
                    OLD.object_id, OLD.subject_user_id, OLD.created_at)
               AND (NEW.before IS NULL OR NEW.before = {REDACTED})
               AND (NEW.after IS NULL OR NEW.after = {REDACTED})
            THEN
                RETURN NEW;
            END IF;
            RAISE EXCEPTION 'audit_log rows cannot be changed or deleted';
        END
        $$
        """
    )
    op.execute(
        f"""
        CREATE FUNCTION redact_erased_user(erased uuid) RETURNS bigint
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        DECLARE
            redacted bigint;
        BEGIN
            IF EXISTS (SELECT 1 FROM app_user WHERE id = erased) THEN
                RAISE EXCEPTION 'only an erased user''s entries are redacted';
            END IF;
            PERFORM set_config('taskapi.redacting', erased::text, true);
            UPDATE audit_log SET
                before = CASE WHEN before IS NULL THEN NULL ELSE {REDACTED} END,
                after = CASE WHEN after IS NULL THEN NULL ELSE {REDACTED} END
            WHERE subject_user_id = erased;
            GET DIAGNOSTICS redacted = ROW_COUNT;
            PERFORM set_config('taskapi.redacting', '', true);
            RETURN redacted;
        END
        $$
        """
    )
    op.execute("REVOKE ALL ON FUNCTION redact_erased_user(uuid) FROM PUBLIC")


def downgrade() -> None:
    op.execute("DROP FUNCTION IF EXISTS redact_erased_user(uuid)")
    op.execute(
        """
        CREATE OR REPLACE FUNCTION audit_log_is_append_only() RETURNS trigger
        LANGUAGE plpgsql AS $$
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
