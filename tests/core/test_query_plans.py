"""Every list query shape reads one user's rows through an owner index, never the whole table."""

from __future__ import annotations

import itertools

import psycopg
import pytest
from sqlalchemy.dialects.postgresql.psycopg import dialect as psycopg_dialect

from backend.tasks import ListQuery, list_statement
from tests.helpers import libpq

USERS = 2000  # 1,000,000 tasks in all
TASKS_PER_USER = 500


@pytest.fixture(scope="module")
def seeded(direct_url: str) -> psycopg.Connection:
    conn = psycopg.connect(libpq(direct_url), autocommit=True)
    conn.execute("TRUNCATE app_user, task, idempotency_key CASCADE")
    conn.execute(
        "INSERT INTO app_user (id, is_active, created_at, updated_at)"
        " SELECT gen_random_uuid(), true, now(), now() FROM generate_series(1, %s)",
        (USERS,),
    )
    conn.execute(
        """
        INSERT INTO task (id, owner_id, title, description, completed, version, created_at, updated_at)
        SELECT gen_random_uuid(), u.id, 'Task ' || n, CASE WHEN mod(n, 3) = 0 THEN 'about ' || n END,
               mod(n, 2) = 0, 1, now() - n * interval '1 minute', now() - n * interval '30 seconds'
        FROM app_user u, generate_series(1, %s) n
        """,
        (TASKS_PER_USER,),
    )
    conn.execute("ANALYZE task")
    yield conn
    conn.execute("TRUNCATE app_user, task, idempotency_key CASCADE")
    conn.close()


SORTS = ["created_at", "-created_at", "updated_at", "-updated_at", "title", "-title"]
SHAPES = list(itertools.product(SORTS, [None, True], [None, "task 1"], [False, True]))


@pytest.mark.parametrize(("sort", "completed", "q", "with_cursor"), SHAPES)
def test_list_query_is_an_owner_index_scan(
    seeded: psycopg.Connection, sort: str, completed: bool | None, q: str | None, with_cursor: bool
) -> None:
    owner_id = seeded.execute("SELECT id FROM app_user LIMIT 1").fetchone()[0]
    query = ListQuery(owner_id=owner_id, sort=sort, completed=completed, q=q)
    after = None
    if with_cursor:
        middle = seeded.execute(
            "SELECT title, created_at, updated_at, id FROM task WHERE owner_id = %s OFFSET 250 LIMIT 1",
            (owner_id,),
        ).fetchone()
        after = (
            dict(zip(("title", "created_at", "updated_at"), middle[:3], strict=True))[
                sort.lstrip("-")
            ],
            middle[3],
        )
    statement = list_statement(query=query, limit=20, after=after)
    compiled = statement.compile(dialect=psycopg_dialect())

    plan = "\n".join(row[0] for row in seeded.execute("EXPLAIN " + str(compiled), compiled.params))

    assert "Seq Scan" not in plan, plan
    assert "ix_task_owner_id_" in plan, plan
    if completed is None and q is None:
        # Unfiltered pages come straight off the index in order: nothing to sort.
        assert "Sort" not in plan.replace("Sort Key", ""), plan
