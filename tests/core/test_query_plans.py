"""Every list query shape reads one user's rows through an owner index, never the whole table,
never sorts more rows than the page it returns, and finds a rare or a common word in titles
and descriptions without reading the owner's other tasks; and a page of the change feed reads
about the rows it returns: for a user with 100,000 tasks among 1,000,000."""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import psycopg
import pytest
from psycopg.rows import namedtuple_row, tuple_row

from backend.accounts.tokens import Principal
from backend.accounts.users import account_params
from backend.core.settings import driver_url
from backend.core.statement_pool import StatementPool
from backend.tasks import statements
from backend.tasks.cursors import CursorCodec, ListQuery
from backend.tasks.feed import SyncToken, changes_sql, page_params
from backend.tasks.service import list_params, list_tasks
from tests.helpers import libpq

HEAVY_USER = uuid.UUID("00000000-0000-4000-8000-00000000000a")
HEAVY_TASKS = 100_000
OTHER_USERS, TASKS_PER_OTHER_USER = 1_800, 500  # 1,000,000 tasks in all
PAGE = 20
TRASHED = 3_000  # the heavy user's trash: one deletion every 14 minutes for 30 days
FEED_PAGE = 100
# Titles of three and descriptions (every third task) of six of these words: each word is in
# about one task in seven. The rare word is in ten of the heavy user's tasks (five titles,
# five descriptions) and no one else's.
WORDS = ["call", "email", "invoice", "budget", "meeting", "draft", "report", "review", "plan"]
WORDS += ["order", "payment", "test"]
COMMON, RARE = "report", "xylophone"
# Labels: one in every seventh task, and one the heavy user gave ten tasks while every tenth
# task of everyone else has it (so only an index by owner and label finds the ten at once).
COMMON_LABEL, RARE_LABEL = "work", "taxes"
# Reading this many rows is fine for a page of 20; the owner's 100,000 are not.
MOST_ROWS_READ = 5_000


@pytest.fixture(scope="module")
def seeded(direct_url: str) -> psycopg.Connection:
    conn = psycopg.connect(libpq(direct_url), autocommit=True)
    conn.execute("TRUNCATE app_user, task, task_trash, idempotency_key CASCADE")
    conn.execute(
        "INSERT INTO app_user (id, is_active, created_at, updated_at)"
        " SELECT CASE WHEN u = 0 THEN %s ELSE md5('user' || u)::uuid END, true, now(), now()"
        " FROM generate_series(0, %s) u",
        (HEAVY_USER, OTHER_USERS),
    )
    # Each row as its own transaction had written it, newest last: the change feed's order. The
    # trigger that stamps real writes is off for the seed (session_replication_role).
    newest_xid = conn.execute("SELECT pg_current_xact_id()::text::bigint").fetchone()[0]
    conn.execute("SET session_replication_role = replica")
    conn.execute(
        """
        INSERT INTO task (id, owner_id, title, description, completed, version, created_at,
                          updated_at, change_xid, due_date, due_time, priority, labels)
        SELECT gen_random_uuid(),
               CASE WHEN n <= %(heavy)s THEN %(heavy_user)s
                    ELSE md5('user' || (1 + n %% %(others)s))::uuid END,
               (SELECT string_agg(w[1 + abs(hashint4(n * 10 + i)) %% cardinality(w)], ' ')
                FROM generate_series(1, 3) i)
               || CASE WHEN n <= %(heavy)s AND n %% 20000 = 5000 THEN ' ' || %(rare)s ELSE '' END,
               CASE WHEN n %% 3 = 0 OR (n <= %(heavy)s AND n %% 20000 = 15000) THEN
                   (SELECT string_agg(w[1 + abs(hashint4(n * 20 + i)) %% cardinality(w)], ' ')
                    FROM generate_series(1, 6) i)
                   || CASE WHEN n <= %(heavy)s AND n %% 20000 = 15000
                           THEN ' ' || %(rare)s ELSE '' END END,
               mod(n, 2) = 0, 1, now() - n * interval '1 minute', now() - n * interval '30 seconds',
               %(newest_xid)s::bigint * (%(tasks)s - n) / %(tasks)s,
               CASE WHEN h.due %% 5 < 3 THEN date '2026-01-01' + h.due %% 400 END,
               CASE WHEN h.due %% 5 < 3 AND h.due %% 2 = 0
                    THEN time '08:00' + h.due %% 20 * interval '30 minutes' END,
               CASE h.priority %% 10 WHEN 0 THEN 4 WHEN 1 THEN 3 WHEN 2 THEN 2 ELSE 1 END,
               CASE WHEN n <= %(heavy)s AND n %% 10000 = 7 THEN ARRAY['Taxes']
                    WHEN n > %(heavy)s AND n %% 10 = 0 THEN ARRAY[%(rare_label)s]
                    WHEN h.label %% 7 = 0 THEN ARRAY['Work', 'home']
                    ELSE '{}' END
        FROM generate_series(1, %(tasks)s) n, (SELECT %(words)s::text[] AS w) words,
             -- Each schedule column from a hash of its own: independent of the others.
             LATERAL (SELECT abs(hashint4(n * 3 + 1)) AS due, abs(hashint4(n * 5 + 2)) AS priority,
                             abs(hashint4(n * 7 + 3)) AS label) h
        """,
        {
            "newest_xid": newest_xid,
            "words": WORDS,
            "heavy": HEAVY_TASKS,
            "heavy_user": HEAVY_USER,
            "others": OTHER_USERS,
            "rare": RARE,
            "rare_label": RARE_LABEL,
            "tasks": HEAVY_TASKS + OTHER_USERS * TASKS_PER_OTHER_USER,
        },
    )
    # The heavy user deleted a task every 14 minutes for the trash's 30 days.
    conn.execute(
        """
        INSERT INTO task_trash (id, owner_id, title, completed, version, created_at, updated_at,
                                deleted_at, change_xid)
        SELECT gen_random_uuid(), %(heavy_user)s, 'gone', false, 2, now(), now(),
               now() - k * 14 * interval '1 minute',
               %(newest_xid)s::bigint * (%(tasks)s - k * 14) / %(tasks)s
        FROM generate_series(1, %(trashed)s) k
        """,
        {
            "heavy_user": HEAVY_USER,
            "newest_xid": newest_xid,
            "tasks": HEAVY_TASKS + OTHER_USERS * TASKS_PER_OTHER_USER,
            "trashed": TRASHED,
        },
    )
    conn.execute("RESET session_replication_role")
    conn.execute("VACUUM ANALYZE task, task_trash")
    yield conn
    conn.execute("TRUNCATE app_user, task, task_trash, idempotency_key CASCADE")
    conn.close()


def test_the_seed_has_the_shape_the_plans_are_for(seeded: psycopg.Connection) -> None:
    tasks, heavy, rare, common = seeded.execute(
        "SELECT count(*), count(*) FILTER (WHERE owner_id = %(u)s),"
        " count(*) FILTER (WHERE title LIKE %(rare)s OR description LIKE %(rare)s),"
        " count(*) FILTER (WHERE owner_id = %(u)s AND (title LIKE %(common)s"
        "  OR description LIKE %(common)s))"
        " FROM task",
        {"u": HEAVY_USER, "rare": f"%{RARE}%", "common": f"%{COMMON}%"},
    ).fetchone()
    assert (tasks, heavy, rare) == (1_000_000, HEAVY_TASKS, 10)
    assert common > HEAVY_TASKS // 10
    dated, labelled, rare_label, others_rare_label = seeded.execute(
        "SELECT count(*) FILTER (WHERE due_date IS NOT NULL),"
        " count(*) FILTER (WHERE 'Work' = ANY(labels)),"
        " count(*) FILTER (WHERE 'Taxes' = ANY(labels)),"
        " (SELECT count(*) FROM task WHERE owner_id <> %(u)s AND 'taxes' = ANY(labels))"
        " FROM task WHERE owner_id = %(u)s",
        {"u": HEAVY_USER},
    ).fetchone()
    assert abs(dated - HEAVY_TASKS * 3 // 5) < HEAVY_TASKS // 50 and labelled > HEAVY_TASKS // 10
    assert rare_label == 10 and others_rare_label > 50_000


SORTS = ["created_at", "-created_at", "updated_at", "-updated_at", "title", "-title"]
SORTS += ["due", "-due", "priority", "-priority"]
SHAPES = list(itertools.product(SORTS, [None, True], [None, COMMON, RARE], [False, True]))


def _shape_id(sort: str, completed: bool | None, q: str | None, with_cursor: bool) -> str:
    return "-".join(
        [
            sort,
            "completed" if completed else "any",
            {None: "no-q", COMMON: "common-word", RARE: "rare-word"}[q],
            "cursor" if with_cursor else "first-page",
        ]
    )


@pytest.mark.parametrize(
    ("sort", "completed", "q", "with_cursor"), SHAPES, ids=[_shape_id(*s) for s in SHAPES]
)
def test_list_query_is_an_owner_index_scan(
    seeded: psycopg.Connection, sort: str, completed: bool | None, q: str | None, with_cursor: bool
) -> None:
    owner_id = HEAVY_USER
    query = ListQuery(owner_id=owner_id, sort=sort, completed=completed, q=q)
    sql, params = _page(seeded, query, with_cursor)
    [[result]] = seeded.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql, params).fetchall()
    nodes = list(_nodes(result[0]["Plan"]))
    shown = json.dumps(result[0]["Plan"], indent=1)

    assert not [n for n in nodes if n["Node Type"] == "Seq Scan"], shown
    assert any(n.get("Index Name", "").startswith("ix_task_owner_id_") for n in nodes), shown
    # Whatever the word's frequency, the page reads a few thousand rows at most: a common
    # word fills the page from the sort key's index, a rare one comes from the trigram index.
    read = _rows_read(nodes)
    assert read <= MOST_ROWS_READ, f"read {read} rows\n{shown}"
    if q == RARE and not with_cursor:
        # Past a cursor PostgreSQL may instead read the sort key's range that is left, when
        # it expects that range to be short; the bound on rows read above holds either way.
        assert any(n.get("Index Name") == "ix_task_owner_id_text_trgm" for n in nodes), shown
    # Unfiltered pages sort nothing beyond the page. A filtered page may let PostgreSQL sort
    # the rows that passed its filters (a bitmap scan, when it expects few), but never rows
    # the filters would drop: no sort ever grows with the owner's task count.
    for node in nodes:
        if node["Node Type"] in ("Sort", "Incremental Sort"):
            # The sort's input; the statement's CTEs (the user check) hang off it as subplans.
            sorted_rows = sum(
                child["Actual Rows"]
                for child in node.get("Plans", [])
                if child.get("Parent Relationship") == "Outer"
            )
            # A -due page merges two ranges (dated, then undated), a page's worth from each.
            if sorted_rows <= (2 if sort == "-due" else 1) * (PAGE + 1):
                continue
            assert completed is not None or q is not None, shown
            every_match = seeded.execute(sql, {**params, "limit": HEAVY_TASKS + 1}).fetchall()
            assert sorted_rows <= len(every_match), (
                f"sorts {sorted_rows} rows of {len(every_match)} matches\n{shown}"
            )


def _page(
    seeded: psycopg.Connection, query: ListQuery, with_cursor: bool
) -> tuple[str, dict[str, object]]:
    """The very statement the API sends for the query's first page, or for the page after the
    task in the middle of the owner's in the query's order (half of them on either side, as
    every run: by id, the seed's random ids put it anywhere, and a short range left could be
    read past the bound): the user check folded in, compiled from the models."""
    after = None
    if with_cursor:
        seeded.row_factory = namedtuple_row
        order = MIDDLE_ORDER.get(query.key, f"{query.key}, id")
        try:
            middle = seeded.execute(
                f"SELECT * FROM task WHERE owner_id = %s ORDER BY {order} OFFSET %s LIMIT 1",  # noqa: S608 (our sort keys)
                (query.owner_id, HEAVY_TASKS // 2),
            ).fetchone()
        finally:
            seeded.row_factory = tuple_row
        codec = CursorCodec(b"key")
        after = codec.decode(query, codec.encode(query, middle))
    principal = Principal(user_id=query.owner_id, email=None, name=None)
    return list_params(principal=principal, query=query, limit=PAGE, after=after)


# The due sort's key (backend.tasks.listing.sort_key), as SQL.
MIDDLE_ORDER = {"due": "coalesce(due_date, 'infinity'), coalesce(due_time, '24:00'), id"}

SCHEDULE_FILTERS = {
    "due": {"has_due": True},
    "no-due": {"has_due": False},
    "due-this-week": {"due_from": date(2026, 3, 2), "due_to": date(2026, 3, 8)},
    "urgent": {"priorities": (4,)},
    "medium-or-high": {"priorities": (2, 3)},
    "common-label": {"labels": (COMMON_LABEL,)},
    "rare-label": {"labels": (RARE_LABEL.upper(),)},
}


@pytest.mark.parametrize("with_cursor", [False, True], ids=["first-page", "cursor"])
@pytest.mark.parametrize("sort", SORTS)
@pytest.mark.parametrize("name", list(SCHEDULE_FILTERS))
def test_schedule_filters_are_owner_index_scans(
    seeded: psycopg.Connection, name: str, sort: str, with_cursor: bool
) -> None:
    """Each schedule filter, under every sort: through an owner index, a few thousand rows
    read at most, the rare label found through the label index."""
    query = ListQuery(owner_id=HEAVY_USER, sort=sort, **SCHEDULE_FILTERS[name])
    sql, params = _page(seeded, query, with_cursor)
    [[result]] = seeded.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql, params).fetchall()
    nodes = list(_nodes(result[0]["Plan"]))
    shown = json.dumps(result[0]["Plan"], indent=1)

    assert not [n for n in nodes if n["Node Type"] == "Seq Scan"], shown
    assert any(n.get("Index Name", "").startswith("ix_task_owner_id_") for n in nodes), shown
    read = _rows_read(nodes)
    assert read <= MOST_ROWS_READ, f"read {read} rows\n{shown}"
    if name == "rare-label" and not with_cursor:
        assert any(n.get("Index Name") == "ix_task_owner_id_labels" for n in nodes), shown
    if name == "rare-label":
        # Ten tasks of the heavy user's, none of the 90,000 other users' with the label.
        assert len(seeded.execute(sql, {**params, "limit": 1000}).fetchall()) <= 10


def _generic_plan(seeded: psycopg.Connection, sql: str, params: dict[str, object]) -> dict:
    """EXPLAIN ANALYZE of a prepared statement's generic plan: the one plan, made without its
    values, that PostgreSQL may settle on after a statement's fifth run."""
    names = list(dict.fromkeys(re.findall(r"%\((\w+)\)s", sql)))
    numbered = re.sub(r"%\((\w+)\)s", lambda m: f"${names.index(m[1]) + 1}", sql)
    seeded.execute("SET plan_cache_mode = force_generic_plan")
    seeded.execute("PREPARE label_page AS " + numbered.replace("%%", "%"))
    try:
        values = ", ".join(f"%({name})s" for name in names)
        explain = f"EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE label_page({values})"
        [[result]] = psycopg.ClientCursor(seeded).execute(explain, params).fetchall()
        return result[0]["Plan"]
    finally:
        seeded.execute("DEALLOCATE label_page")
        seeded.execute("RESET plan_cache_mode")


@pytest.mark.parametrize("with_cursor", [False, True], ids=["first-page", "cursor"])
@pytest.mark.parametrize("sort", SORTS)
@pytest.mark.parametrize(
    "extra", [{}, {"completed": False}, {"has_due": True}], ids=["any", "open", "due"]
)
@pytest.mark.parametrize("label", [COMMON_LABEL, RARE_LABEL, "nobody's"])
def test_a_prepared_label_page_keeps_its_bounds_for_every_label(
    seeded: psycopg.Connection,
    label: str,
    extra: dict[str, object],
    sort: str,
    with_cursor: bool,
) -> None:
    """The API prepares label pages (backend.tasks.service.list_tasks): the one generic plan
    PostgreSQL may settle on for all labels reads as little as each label's own plan, and
    answers the same rows."""
    query = ListQuery(owner_id=HEAVY_USER, sort=sort, labels=(label,), **extra)
    sql, params = _page(seeded, query, with_cursor)
    plan = _generic_plan(seeded, sql, params)
    nodes = list(_nodes(plan))
    shown = json.dumps(plan, indent=1)

    assert not [n for n in nodes if n["Node Type"] == "Seq Scan"], shown
    read = _rows_read(nodes)
    assert read <= MOST_ROWS_READ, f"read {read} rows\n{shown}"
    if label == RARE_LABEL and not with_cursor:
        assert any(n.get("Index Name") == "ix_task_owner_id_labels" for n in nodes), shown
    page = seeded.execute(sql, params, prepare=False).fetchall()
    seeded.execute("SET plan_cache_mode = force_generic_plan")
    try:
        assert seeded.execute(sql, params, prepare=True).fetchall() == page
    finally:
        seeded.execute("RESET plan_cache_mode")


def test_q_pages_are_planned_for_their_own_word(
    seeded: psycopg.Connection, direct_url: str
) -> None:
    """A prepared statement is planned once for every value (its generic plan: here the
    trigram index's, ten times slower for a common word than the sort key's index), so the API
    never prepares a `q` page, however often the same shape comes."""

    async def pages() -> int:
        pool = StatementPool(driver_url(direct_url), pooled=False)
        principal = Principal(user_id=HEAVY_USER, email=None, name=None)
        try:
            for q in [COMMON, RARE] * 12:
                query = ListQuery(owner_id=HEAVY_USER, sort="-created_at", completed=None, q=q)
                await list_tasks(
                    db=pool,
                    principal=principal,
                    query=query,
                    limit=PAGE,
                    cursor=None,
                    codec=CursorCodec(b"key"),
                )
            # The pool's few connections each ran the shape more than psycopg's threshold (5)
            # for preparing it, had that been allowed; asked in turn, each says what it holds.
            prepared = [
                await pool.fetch(
                    "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%%ILIKE%%'",
                    (),
                )
                for _ in range(10)
            ]
            return max(int(rows[0][0]) for rows in prepared)
        finally:
            await pool.close()

    assert asyncio.run(pages()) == 0


def _rows_read(nodes: list[dict], tables: tuple[str, ...] = ("task",)) -> int:
    """Rows the plan's task scans produced or threw away (a filter's or a recheck's)."""
    return sum(
        int(
            (
                node["Actual Rows"]
                + node.get("Rows Removed by Filter", 0)
                + node.get("Rows Removed by Index Recheck", 0)
            )
            * node.get("Actual Loops", 1)
        )
        for node in nodes
        if node.get("Relation Name") in tables
    )


def _nodes(plan: dict) -> Iterator[dict]:
    yield plan
    for child in plan.get("Plans", []):
        yield from _nodes(child)


@pytest.mark.parametrize(
    "age", [timedelta(minutes=1), timedelta(days=29), None], ids=["1-minute", "29-days", "first"]
)
def test_a_feed_page_reads_about_as_many_rows_as_it_returns(
    seeded: psycopg.Connection, age: timedelta | None
) -> None:
    """From a token one minute old (a client polling: nearly nothing to send), one 29 days old
    (thousands of changes and deletions behind: a full page) and from nothing, a page of the
    heavy user's feed reads its own rows from the two owner indexes and a few more."""
    token = None
    if age is not None:
        minutes = int(age.total_seconds() // 60)
        tasks = HEAVY_TASKS + OTHER_USERS * TASKS_PER_OTHER_USER
        newest = seeded.execute("SELECT max(change_xid) FROM task").fetchone()[0]
        xid = newest * (tasks - minutes) // tasks  # as the seed's clock maps time to ids
        token = SyncToken(
            (xid, uuid.UUID(int=(1 << 128) - 1)), datetime.now(UTC), datetime.now(UTC), -1
        )
    principal = Principal(user_id=HEAVY_USER, email=None, name=None)
    params = page_params(principal, token, FEED_PAGE)

    [[result]] = seeded.execute(
        "EXPLAIN (ANALYZE, FORMAT JSON) " + changes_sql(), params
    ).fetchall()
    nodes = list(_nodes(result[0]["Plan"]))
    shown = json.dumps(result[0]["Plan"], indent=1)
    returned = len(seeded.execute(changes_sql(), params).fetchall())

    # trash_purge is one row: read whole, as it should be.
    scanned = {n.get("Relation Name") for n in nodes if n["Node Type"] == "Seq Scan"}
    assert scanned <= {"trash_purge"}, shown
    used = {n.get("Index Name") for n in nodes}
    assert "ix_task_owner_id_change_xid_id" in used, shown
    if token is not None:
        assert "ix_task_trash_owner_id_change_xid_id" in used, shown
    if age == timedelta(days=29):
        assert returned == FEED_PAGE + 1  # a full page, and the row that says more follow
    read = _rows_read(nodes, ("task", "task_trash"))
    assert read <= returned + 3, f"read {read} rows for {returned}\n{shown}"


def _single_task_statements() -> dict[str, str]:
    return {
        "get": statements.get_sql(),
        "patch": statements.update_sql(("completed",), False),
        "put if-match": statements.update_sql(("completed", "description", "title"), True),
        "delete if-match": statements.delete_sql(True),
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


# The heavy user's burst: tasks made and deleted at once (an import undone), on well under 2 %
# of the table's pages.
BURST = 5_000


def test_every_vacuum_of_task_cleans_its_indexes(seeded: psycopg.Connection) -> None:
    """The newest tasks' index entries, where every first page starts, go with the next vacuum
    (migration 0012). PostgreSQL's default skips cleaning the indexes when the dead rows sit on
    fewer than 2 % of the table's pages, as one user's few thousand among millions always do:
    on the bench's million tasks the first page then stepped over their dead entries for good
    (216 buffers instead of 27 after 20,000; `bench/run.py`'s data, PostgreSQL 18)."""
    [options] = seeded.execute("SELECT reloptions FROM pg_class WHERE relname = 'task'").fetchone()
    assert "vacuum_index_cleanup=on" in options
    seeded.execute(
        "INSERT INTO task (id, owner_id, title, completed, version, created_at, updated_at)"
        " SELECT gen_random_uuid(), %s, 'burst', false, 1, now() + interval '1 day', now()"
        " FROM generate_series(1, %s)",
        (HEAVY_USER, BURST),
    )
    seeded.execute("DELETE FROM task WHERE owner_id = %s AND title = 'burst'", (HEAVY_USER,))
    sql, params = _page(seeded, ListQuery(owner_id=HEAVY_USER, sort="-created_at"), False)
    # The user's next page reads the dead rows' heap pages once, which prunes them: from then
    # on they are what VACUUM counts to decide whether cleaning the indexes is worth it.
    seeded.execute(sql, params)
    said: list[str] = []
    seeded.add_notice_handler(lambda notice: said.append(notice.message_primary or ""))
    seeded.execute("VACUUM (VERBOSE) task")
    [report] = [
        line for line in said if line.startswith('finished vacuuming "') and ".task" in line
    ]
    assert "index scans: 1" in report, report

    [[result]] = seeded.execute("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + sql, params).fetchall()
    shown = json.dumps(result[0]["Plan"], indent=1)
    [scan] = [
        n
        for n in _nodes(result[0]["Plan"])
        if n.get("Index Name") == "ix_task_owner_id_created_at_id"
    ]
    # The page's 21 rows and the index's path down to them; the burst's dead entries would
    # add a leaf page per few hundred.
    assert scan["Shared Hit Blocks"] + scan["Shared Read Blocks"] <= 30, shown
