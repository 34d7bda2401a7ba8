"""The OpenAPI document describes the whole public API, bearer scheme and error envelope included."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient

from tests.helpers import OPERATIONS


def test_openapi_lists_every_route_with_bearer_security(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    paths = document["paths"]
    assert set(paths["/api/{user_id}/tasks"]) == {"get", "post"}
    assert set(paths["/api/{user_id}/tasks/{task_id}"]) == {"get", "put", "patch", "delete"}
    schemes = document["components"]["securitySchemes"]
    assert any(s["type"] == "http" and s["scheme"] == "bearer" for s in schemes.values())
    for operations in paths.values():
        for operation in operations.values():
            assert operation["security"], operation["operationId"]
            assert {"401", "403", "422", "503"} <= set(operation["responses"])


def test_openapi_documents_parameters_and_envelope(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    list_op = document["paths"]["/api/{user_id}/tasks"]["get"]
    names = {p["name"] for p in list_op["parameters"]}
    assert {"user_id", "limit", "cursor", "completed", "q", "sort"} <= names
    post_op = document["paths"]["/api/{user_id}/tasks"]["post"]
    assert "idempotency-key" in {p["name"].lower() for p in post_op["parameters"]}
    error = document["components"]["schemas"]["ErrorBody"]
    assert {"detail", "code"} <= set(error["required"])
    # Server-owned fields are not part of any input schema.
    for name in ("TaskCreate", "TaskReplace", "TaskPatch"):
        assert not {"id", "owner_id", "created_at", "updated_at"} & set(
            document["components"]["schemas"][name]["properties"]
        )


def test_every_operation_id_is_the_short_name_of_what_it_does(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    ids = {
        operation["operationId"]
        for path in document["paths"].values()
        for operation in path.values()
    }
    assert ids == OPERATIONS


def test_docs_page_is_served(client: TestClient) -> None:
    response = client.get("/docs")
    assert response.status_code == 200
    assert "swagger" in response.text.lower()


def test_the_search_parameter_reads_as_text_not_as_a_regex(client: TestClient) -> None:
    """`q` is any text but NUL, said in words: no regular expression for readers to decode
    (the server still refuses a NUL with 422)."""
    operation = client.get("/openapi.json").json()["paths"]["/api/{user_id}/tasks"]["get"]
    [q] = [p for p in operation["parameters"] if p["name"] == "q"]
    assert "pattern" not in json.dumps(q)
    assert "NUL" in q["description"]
