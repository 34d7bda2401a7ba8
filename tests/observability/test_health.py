"""/healthz answers while the process lives; /readyz only when the database is up and at head."""

from __future__ import annotations

import time

import psycopg
from fastapi.testclient import TestClient

from tests.helpers import wait_until
from tests.servers import OwnDatabase


def test_healthz_and_readyz_on_a_migrated_database(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").status_code == 200


def test_readyz_is_503_while_the_database_is_unreachable(
    make_client, unreachable_database_url: str
) -> None:
    dead = unreachable_database_url
    client = make_client(database_url=dead, database_direct_url=dead)
    assert client.get("/healthz").status_code == 200
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["code"] == "database_unavailable"
    assert "unreachable" in response.json()["detail"]
    assert response.headers["Retry-After"]
    assert "pw" not in response.text


def test_readyz_is_503_when_schema_is_not_migrated(make_client, empty_database: str) -> None:
    client = make_client(database_url=empty_database, database_direct_url=empty_database)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["code"] == "database_unavailable"
    assert "not migrated" in response.json()["detail"]


def test_readyz_is_503_when_schema_is_behind_head(make_client, empty_database: str) -> None:
    with psycopg.connect(empty_database, autocommit=True) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY)")
        conn.execute("INSERT INTO alembic_version VALUES ('0000')")
    client = make_client(database_url=empty_database, database_direct_url=empty_database)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert "not at the migrations' head" in response.json()["detail"]


def test_readyz_follows_the_database_down_and_back_without_a_restart(
    make_client, own_database: OwnDatabase
) -> None:
    client = make_client(
        database_url=own_database.app_url, database_direct_url=own_database.direct_url
    )
    assert client.get("/readyz").status_code == 200
    own_database.stop()
    started = time.monotonic()
    down = client.get("/readyz")
    assert down.status_code == 503
    assert down.json()["code"] == "database_unavailable"
    # Its 3 s bound, plus up to 5 s for psycopg to give up on a query PgBouncer has queued.
    assert time.monotonic() - started < 9
    own_database.start()
    assert wait_until(lambda: client.get("/readyz").status_code == 200)


def test_the_servers_address_points_to_the_docs_and_the_back_office(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    links = response.json()
    assert links["api_docs"] == "/docs" and links["back_office"] == "/admin"
    for path in links.values():
        assert client.get(path, follow_redirects=True).status_code == 200, path
    assert "/" not in client.get("/openapi.json").json()["paths"]
