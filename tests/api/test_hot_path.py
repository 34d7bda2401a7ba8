"""The request path stays lean: one round trip per request, JSON exactly as the models give it,
and verified tokens remembered only as long as they are valid."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import psycopg
import pytest
from fastapi.testclient import TestClient

from backend.accounts.tokens import TokenVerifier
from backend.core.settings import Settings
from backend.tasks.rows import TaskBody, TaskRow, public, to_json
from backend.tasks.schemas import TaskPublic
from tests.helpers import TEST_SECRET, User, create_task, libpq, make_token


@pytest.fixture
def round_trips(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every round trip psycopg makes for the app: a statement outside a pipeline, or a
    whole pipeline (behind PgBouncer one statement travels with its timeouts in one)."""
    sent: list[str] = []
    execute = psycopg.AsyncConnection.execute
    pipeline = psycopg.AsyncConnection.pipeline

    async def counted_execute(self, query, *args, **kwargs):  # type: ignore[no-untyped-def]
        if self._pipeline is None:
            sent.append(str(query).split(None, 1)[0] if str(query).strip() else "ping")
        return await execute(self, query, *args, **kwargs)

    @asynccontextmanager
    async def counted_pipeline(self) -> AsyncIterator[object]:  # type: ignore[no-untyped-def]
        sent.append("pipeline")
        async with pipeline(self) as p:
            yield p

    monkeypatch.setattr(psycopg.AsyncConnection, "execute", counted_execute)
    monkeypatch.setattr(psycopg.AsyncConnection, "pipeline", counted_pipeline)
    yield sent


def test_each_hot_route_is_one_round_trip(
    client: TestClient, alice: User, round_trips: list[str]
) -> None:
    task = create_task(client, alice)
    url = alice.task_url(task["id"])
    requests = {
        "list": lambda: client.get(alice.tasks_url, headers=alice.headers),
        "list page 2": lambda: client.get(
            alice.tasks_url, params={"limit": 1, "q": "task"}, headers=alice.headers
        ),
        "get": lambda: client.get(url, headers=alice.headers),
        "create": lambda: client.post(alice.tasks_url, json={"title": "x"}, headers=alice.headers),
        "idempotent create": lambda: client.post(
            alice.tasks_url,
            json={"title": "y"},
            headers={**alice.headers, "Idempotency-Key": "k1"},
        ),
        "put": lambda: client.put(
            url, json={"title": "new"}, headers={**alice.headers, "If-Match": '"1"'}
        ),
        "patch": lambda: client.patch(url, json={"completed": True}, headers=alice.headers),
        "delete": lambda: client.delete(url, headers=alice.headers),
        "changes from nothing": lambda: client.get(changes, headers=alice.headers),
        "changes since a token": lambda: client.get(
            changes, params={"since": since, "limit": 1}, headers=alice.headers
        ),
    }
    changes = f"{alice.tasks_url}/changes"
    since = client.get(changes, headers=alice.headers).json()["next"]
    counted = {}
    for name, send in requests.items():
        round_trips.clear()
        response = send()
        assert response.status_code < 300, (name, response.text)
        counted[name] = len(round_trips)
    assert counted == dict.fromkeys(requests, 1)


def test_a_first_seen_user_is_created_in_the_same_round_trip(
    client: TestClient, db: psycopg.Connection, round_trips: list[str]
) -> None:
    newcomer = User(email="new@example.com", name="New")
    client.get("/healthz")
    round_trips.clear()
    assert client.get(newcomer.tasks_url, headers=newcomer.headers).status_code == 200
    assert len(round_trips) == 1
    assert db.execute(
        "SELECT email, name, is_active FROM app_user WHERE id = %s", (newcomer.id,)
    ).fetchone() == ("new@example.com", "New", True)


TITLES = [
    "plain",
    "  trimmed  ",
    'quotes " and \\ backslash',
    "控制 ünïcödé ✓ 🎉",
    "control \x01\x1f and \t\n\r tab",
    "line\u2028separator \u007f del",
]


@pytest.mark.parametrize("title", TITLES)
def test_task_json_is_byte_for_byte_what_task_public_gives(
    client: TestClient, direct_url: str, alice: User, title: str
) -> None:
    created = client.post(
        alice.tasks_url,
        json={"title": title, "description": title * 2},
        headers=alice.headers,
    )
    assert created.status_code == 201
    task_id = created.json()["id"]
    with psycopg.connect(libpq(direct_url)) as conn:
        conn.execute("SET TIME ZONE 'Asia/Kolkata'")  # a row read in any zone answers in UTC
        cursor = conn.cursor(row_factory=psycopg.rows.dict_row)
        row = cursor.execute("SELECT * FROM task WHERE id = %s", (task_id,)).fetchone()
    expected = TaskPublic.model_validate(row).model_dump_json().encode()

    assert created.content == expected
    assert client.get(alice.task_url(task_id), headers=alice.headers).content == expected
    listed = client.get(alice.tasks_url, headers=alice.headers).content
    assert listed == b'{"items":[' + expected + b'],"next_cursor":null}'


def test_task_body_etag_is_the_version() -> None:
    body = TaskBody(id=str(uuid.uuid4()), body=b"{}", version=7)
    assert body.etag == '"7"'


def _verifier() -> TokenVerifier:
    return TokenVerifier(Settings(_env_file=None, jwt_secret=TEST_SECRET))  # type: ignore[call-arg]


def test_a_verified_token_is_remembered_until_its_exp_and_no_longer() -> None:
    verifier = _verifier()
    user_id = uuid.uuid4()
    token = make_token(user_id, ttl_s=2)
    principal = asyncio.run(verifier.verify(f"Bearer {token}"))
    assert principal.user_id == user_id
    assert verifier.verified.get(token, None) == principal
    time.sleep(2.1)
    assert verifier.verified.get(token, None) is None
    # Past `exp` the token is checked again (and still taken within the clock-skew leeway).
    assert asyncio.run(verifier.verify(f"Bearer {token}")).user_id == user_id


@pytest.mark.parametrize(
    "token",
    [
        make_token(secret="another-secret-that-is-long-enough-0123456789abcdef"),
        make_token(ttl_s=-3600),
        "not.a.token",
    ],
    ids=["wrong signature", "expired", "malformed"],
)
def test_a_refused_token_is_never_remembered(token: str) -> None:
    verifier = _verifier()
    with pytest.raises(Exception):  # noqa: B017 - each is one of the contract's 401s
        asyncio.run(verifier.verify(f"Bearer {token}"))
    assert len(verifier.verified) == 0


def test_the_token_memory_is_bounded() -> None:
    verifier = _verifier()
    verifier.verified._size = 3
    tokens = [make_token() for _ in range(5)]
    for token in tokens:
        asyncio.run(verifier.verify(f"Bearer {token}"))
    assert len(verifier.verified) == 3
    assert verifier.verified.get(tokens[0], None) is None
    assert verifier.verified.get(tokens[-1], None) is not None


def test_a_deactivated_user_with_a_remembered_token_is_refused_at_once(
    client: TestClient, db: psycopg.Connection, alice: User
) -> None:
    assert client.get(alice.tasks_url, headers=alice.headers).status_code == 200
    db.execute("UPDATE app_user SET is_active = false WHERE id = %s", (alice.id,))
    refused = client.get(alice.tasks_url, headers=alice.headers)
    assert refused.status_code == 403
    assert refused.json()["code"] == "user_inactive"


@pytest.mark.parametrize(
    "moment",
    [
        datetime(2026, 1, 1, tzinfo=UTC),
        datetime(2026, 1, 1, 5, 30, 0, 120, tzinfo=ZoneInfo("Asia/Kolkata")),
        datetime(2025, 12, 31, 23, 59, 59, 999999, tzinfo=timezone(timedelta(hours=-7))),
    ],
    ids=["utc, no fraction", "kolkata", "utc-7"],
)
def test_a_timestamp_from_a_session_in_any_zone_is_written_as_pydantic_writes_it(
    moment: datetime,
) -> None:
    task_id, owner_id = uuid.uuid4(), uuid.uuid4()
    schedule = {
        "completed_at": moment,
        "due_date": date(2026, 3, 29),
        "due_time": datetime(2026, 3, 29, 2, 30).time(),
        "time_zone": "Europe/Berlin",
        "priority": 3,
        "labels": ["Home", "ünïcode"],
    }
    row = TaskRow(
        id=str(task_id),
        owner_id=str(owner_id),
        title="t",
        description=None,
        completed=True,
        version=1,
        created_at=moment,
        updated_at=moment,
        **schedule,
    )
    expected = TaskPublic(
        id=task_id,
        owner_id=owner_id,
        title="t",
        completed=True,
        created_at=moment,
        updated_at=moment,
        version=1,
        **schedule,
    ).model_dump_json()
    assert to_json(public(row)).decode() == expected


def test_a_large_token_is_verified_every_time_but_not_remembered() -> None:
    # The memory is bounded in bytes as well as entries: a valid 5 KiB token is accepted and
    # checked again on its next request.
    verifier = _verifier()
    token = make_token(padding="x" * 4000)
    assert asyncio.run(verifier.verify(f"Bearer {token}")).user_id
    assert len(verifier.verified) == 0
