"""Every list query shape reads one user's rows through an owner index, never the whole table,
and never sorts more rows than the page it returns."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from datetime import UTC, datetime

import psycopg
import pytest

from backend.security import Principal
from backend.tasks import ListQuery, list_sql
from backend.users import account_params
from tests.helpers import libpq

USERS = 2000  # 1,000,000 tasks in all
TASKS_PER_USER = 500
PAGE = 20


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
    # The very statement the API sends: the user check folded in, compiled from the models.
    principal = Principal(user_id=owner_id, email=None, name=None)
    sql, params = list_sql(principal=principal, query=query, limit=PAGE, after=after)

    [[result]] = seeded.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql, params).fetchall()
    nodes = list(_nodes(result[0]["Plan"]))
    shown = json.dumps(result[0]["Plan"], indent=1)

    assert not [n for n in nodes if n["Node Type"] == "Seq Scan"], shown
    assert any(n.get("Index Name", "").startswith("ix_task_owner_id_") for n in nodes), shown
    # Unfiltered pages sort nothing beyond the page. A filtered page may let PostgreSQL sort
    # the rows that passed its filters (a bitmap scan of the range, when it expects few), but
    # never rows the filters would drop: no sort ever grows with the owner's task count.
    allowed = PAGE + 1
    if completed is not None or q is not None:
        every_match = {**params, "limit": TASKS_PER_USER + 1}
        allowed = max(allowed, len(seeded.execute(sql, every_match).fetchall()))
    for node in nodes:
        if node["Node Type"] in ("Sort", "Incremental Sort"):
            # The sort's input; the statement's CTEs (the user check) hang off it as subplans.
            sorted_rows = sum(
                child["Actual Rows"]
                for child in node.get("Plans", [])
                if child.get("Parent Relationship") == "Outer"
            )
            assert sorted_rows <= allowed, f"sorts {sorted_rows} rows, allowed {allowed}\n{shown}"


def _nodes(plan: dict) -> Iterator[dict]:
    yield plan
    for child in plan.get("Plans", []):
        yield from _nodes(child)


def _single_task_statements() -> dict[str, str]:
    from backend import tasks

    return {
        "get": tasks._get_sql(),
        "patch": tasks._update_sql(("completed",), False),
        "put if-match": tasks._update_sql(("completed", "description", "title"), True),
        "delete if-match": tasks._delete_sql(True),
    }


@pytest.mark.parametrize("name", list(_single_task_statements()))
def test_single_task_statements_read_one_row_by_key(seeded: psycopg.Connection, name: str) -> None:
    owner_id, task_id = seeded.execute("SELECT owner_id, id FROM task LIMIT 1").fetchone()
    principal = Principal(user_id=owner_id, email=None, name=None)
    params = {
        **account_params(principal),
        "task_id": task_id,
        "versions": [1],
        "completed": True,
        "description": None,
        "title": "changed",
        "now": datetime.now(UTC),
    }
    sql = _single_task_statements()[name]
    # Writes are explained for real and then undone.
    with seeded.transaction(force_rollback=True):
        [[result]] = seeded.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql, params).fetchall()
    nodes = list(_nodes(result[0]["Plan"]))
    shown = json.dumps(result[0]["Plan"], indent=1)
    assert not [n for n in nodes if n["Node Type"] == "Seq Scan"], shown
    task_scans = [n for n in nodes if n.get("Relation Name") == "task" and "Index Name" in n]
    assert task_scans, shown
    assert all(n["Actual Rows"] <= 1 for n in task_scans), shown
