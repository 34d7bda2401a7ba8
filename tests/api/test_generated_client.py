"""A Python client generated from /openapi.json by openapi-python-client, as a new user would
make one, drives the live server end to end, with short function names and every error parsed
into the documented envelope."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from types import ModuleType

import httpx
import pytest

from tests.helpers import OPERATIONS, User


@pytest.fixture
def generated(live_server: str, tmp_path: Path) -> Iterator[ModuleType]:
    spec = tmp_path / "openapi.json"
    spec.write_bytes(httpx.get(f"{live_server}/openapi.json").content)
    tools = Path(sys.executable).parent
    result = subprocess.run(
        [
            tools / "openapi-python-client",
            "generate",
            "--path",
            spec,
            "--meta",
            "none",
            "--output-path",
            tmp_path / "task_platform_client",
        ],
        env={**os.environ, "PATH": f"{tools}{os.pathsep}{os.environ.get('PATH', '')}"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    sys.path.insert(0, str(tmp_path))
    try:
        yield importlib.import_module("task_platform_client")
    finally:
        sys.path.remove(str(tmp_path))
        for name in [m for m in sys.modules if m.startswith("task_platform_client")]:
            del sys.modules[name]


def _api(package: ModuleType, operation: str) -> ModuleType:
    return importlib.import_module(f"{package.__name__}.api.tasks.{operation}")


def test_every_operation_has_a_short_stable_name(generated: ModuleType) -> None:
    folder = Path(generated.__file__).parent / "api" / "tasks"
    assert {path.stem for path in folder.glob("*.py")} - {"__init__"} == OPERATIONS


def test_a_generated_client_creates_lists_reads_changes_and_deletes(
    generated: ModuleType, live_server: str, alice: User
) -> None:
    models = importlib.import_module(f"{generated.__name__}.models")
    client = generated.AuthenticatedClient(base_url=live_server, token=alice.token)
    with client as api:
        created = _api(generated, "create_task").sync_detailed(
            alice.id,
            client=api,
            body=models.TaskCreate(title="Generated"),
            idempotency_key="gen-1",
        )
        assert created.status_code == 201
        task = created.parsed
        assert isinstance(task, models.TaskPublic) and task.title == "Generated"

        listed = _api(generated, "list_tasks").sync(alice.id, client=api)
        assert [t.id for t in listed.items] == [task.id]

        got = _api(generated, "get_task").sync_detailed(alice.id, task.id, client=api)
        etag = got.headers["etag"]
        patched = _api(generated, "patch_task").sync_detailed(
            alice.id, task.id, client=api, body=models.TaskPatch(completed=True), if_match=etag
        )
        assert patched.status_code == 200 and patched.parsed.completed is True
        stale = _api(generated, "patch_task").sync(
            alice.id, task.id, client=api, body=models.TaskPatch(title="Late"), if_match=etag
        )
        assert isinstance(stale, models.ErrorBody) and stale.code == "precondition_failed"

        replaced = _api(generated, "replace_task").sync(
            alice.id, task.id, client=api, body=models.TaskReplace(title="Replaced")
        )
        assert replaced.title == "Replaced" and replaced.completed is False

        deleted = _api(generated, "delete_task").sync_detailed(alice.id, task.id, client=api)
        assert deleted.status_code == 204
        missing = _api(generated, "get_task").sync(alice.id, task.id, client=api)
        assert isinstance(missing, models.ErrorBody) and missing.code == "not_found"


def test_a_generated_client_follows_the_change_feed_until_it_is_caught_up(
    generated: ModuleType, live_server: str, alice: User
) -> None:
    models = importlib.import_module(f"{generated.__name__}.models")
    create, list_changes = _api(generated, "create_task"), _api(generated, "list_changes")
    with generated.AuthenticatedClient(base_url=live_server, token=alice.token) as api:
        created = {
            create.sync(alice.id, client=api, body=models.TaskCreate(title=f"t{n}")).id
            for n in range(3)
        }
        copy: dict[object, object] = {}
        since, pages = None, 0
        while True:
            kwargs = {"since": since} if since is not None else {}
            page = list_changes.sync(alice.id, client=api, limit=2, **kwargs)
            assert isinstance(page, models.Changes), page
            for change in page.changes:
                # The discriminated union parses into one model per kind of change.
                assert isinstance(change, models.TaskUpserted)
                copy[change.task.id] = change.task
            since, pages = page.next_, pages + 1
            if not page.more:
                break
        assert set(copy) == created and pages == 2
        victim = next(iter(created))
        _api(generated, "delete_task").sync_detailed(alice.id, victim, client=api)
        [deleted] = list_changes.sync(alice.id, client=api, since=since).changes
        assert isinstance(deleted, models.TaskDeleted) and deleted.id == victim
        altered = list_changes.sync(alice.id, client=api, since=since + "x")
        assert isinstance(altered, models.ErrorBody) and altered.code == "invalid_cursor"


def test_every_error_parses_into_the_documented_envelope(
    generated: ModuleType, live_server: str, alice: User, bob: User
) -> None:
    models = importlib.import_module(f"{generated.__name__}.models")
    list_tasks = _api(generated, "list_tasks")
    with generated.AuthenticatedClient(base_url=live_server, token=alice.token) as api:
        forbidden = list_tasks.sync(bob.id, client=api)
        invalid = list_tasks.sync(alice.id, client=api, limit=1000)
        bad_cursor = list_tasks.sync(alice.id, client=api, cursor="not-a-cursor")
    with generated.AuthenticatedClient(base_url=live_server, token="not.a.jwt") as api:
        unauthenticated = list_tasks.sync(alice.id, client=api)
    for error, code in [
        (forbidden, "forbidden"),
        (invalid, "validation_error"),
        (bad_cursor, "invalid_cursor"),
        (unauthenticated, "invalid_token"),
    ]:
        assert isinstance(error, models.ErrorBody), error
        assert error.code == code and error.detail
    assert invalid.errors and invalid.errors[0].loc == ["query", "limit"]


def test_a_generated_client_reads_the_schedule_as_dates_enums_and_lists(
    generated: ModuleType, live_server: str, alice: User
) -> None:
    models = importlib.import_module(f"{generated.__name__}.models")
    with generated.AuthenticatedClient(base_url=live_server, token=alice.token) as api:
        task = _api(generated, "create_task").sync(
            alice.id,
            client=api,
            body=models.TaskCreate(
                title="Dentist",
                due_date=date(2026, 7, 15),
                due_time="09:00",
                time_zone="America/New_York",
                priority=models.Priority.HIGH,
                labels=["Health"],
            ),
        )
        assert isinstance(task, models.TaskPublic), task
        # Dates as dates, instants as aware datetimes, the priority as its named member.
        assert task.due_date == date(2026, 7, 15) and task.due_time == "09:00"
        assert task.due_at == datetime(2026, 7, 15, 13, 0, tzinfo=UTC)
        assert task.priority is models.Priority.HIGH and task.labels == ["Health"]
        assert task.completed_at is None
        listed = _api(generated, "list_tasks").sync(
            alice.id,
            client=api,
            priority=[models.Priority.HIGH],
            label=["health"],
            sort=models.ListTasksSort.DUE_DESC,
        )
        assert [t.id for t in listed.items] == [task.id]
        # Every sort a readable member (a generator's default is VALUE_1, VALUE_2, ...).
        members = {member.name for member in models.ListTasksSort}
        assert {"CREATED_AT_DESC", "CREATED_AT", "DUE", "DUE_DESC", "PRIORITY_DESC"} <= members
        assert not [name for name in members if name.startswith("VALUE")]
