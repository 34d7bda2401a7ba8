"""The deployable stack: compose.yaml, Prometheus and Grafana provisioning, and the Dockerfile.

There is no container engine in CI, so these check what can be checked without one: every file
parses, the pieces point at each other, and every metric the dashboard queries is one the
platform exports.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import yaml
from fastapi.testclient import TestClient

from tests.helpers import REPO_ROOT, Metrics, Staff, User, create_task, sign_in

DASHBOARD = REPO_ROOT / "deploy/grafana/dashboards/taskapi.json"
RULES = REPO_ROOT / "deploy/prometheus/rules/taskapi.yml"
# Series Prometheus makes itself for every target.
SCRAPE_SERIES = {"up"}
PROMQL_WORDS = {
    "by",
    "without",
    "on",
    "ignoring",
    "group_left",
    "group_right",
    "bool",
    "and",
    "or",
    "unless",
    "offset",
}


def _compose() -> dict:
    return yaml.safe_load((REPO_ROOT / "compose.yaml").read_text())


def test_compose_runs_the_platform_postgres_prometheus_and_grafana() -> None:
    services = _compose()["services"]
    assert set(services) == {"db", "app", "prometheus", "grafana"}
    assert services["app"]["build"] == "."
    assert "METRICS_TOKEN" in services["app"]["environment"]
    assert services["app"]["depends_on"]["db"]["condition"] == "service_healthy"
    for service in services.values():
        for volume in service.get("volumes", []):
            source = volume.split(":")[0]
            if source.startswith("./"):
                assert (REPO_ROOT / source).exists(), f"{source} is mounted but missing"


def test_compose_ships_no_password_and_publishes_only_the_platform() -> None:
    text = (REPO_ROOT / "compose.yaml").read_text()
    services = _compose()["services"]
    secret_names = ("PASSWORD", "SECRET", "TOKEN")
    for name, service in services.items():
        for key, value in service.get("environment", {}).items():
            if any(word in key for word in secret_names):
                assert str(value).startswith("${") and ":?" in str(value), (name, key)
        for port in service.get("ports", []):
            if name != "app":
                assert port.startswith("127.0.0.1:"), (name, port)
    # The app's database URL takes its password from the same variable as the database.
    assert "${POSTGRES_PASSWORD:?" in services["app"]["environment"]["DATABASE_URL"]
    assert "taskapi:taskapi@" not in text and "ports" not in services["db"]


def test_prometheus_scrapes_the_app_with_the_metrics_token() -> None:
    prometheus = _compose()["services"]["prometheus"]
    config = yaml.safe_load((REPO_ROOT / "deploy/prometheus/prometheus.yml").read_text())
    [job] = config["scrape_configs"]
    assert job["metrics_path"] == "/metrics"
    assert job["static_configs"][0]["targets"] == ["app:8000"]
    token_file = job["authorization"]["credentials_file"]
    assert f"> {token_file}" in " ".join(prometheus["entrypoint"])
    assert "METRICS_TOKEN" in prometheus["environment"]


def test_grafana_provisions_the_datasource_and_the_dashboard() -> None:
    provisioning = REPO_ROOT / "deploy/grafana/provisioning"
    [source] = yaml.safe_load((provisioning / "datasources/prometheus.yml").read_text())[
        "datasources"
    ]
    assert source["url"] == "http://prometheus:9090"
    [provider] = yaml.safe_load((provisioning / "dashboards/taskapi.yml").read_text())["providers"]
    mounts = _compose()["services"]["grafana"]["volumes"]
    assert f"./deploy/grafana/dashboards:{provider['options']['path']}:ro" in mounts
    dashboard = json.loads(DASHBOARD.read_text())
    assert all(panel["datasource"]["uid"] == source["uid"] for panel in dashboard["panels"])


def _queried_metrics(expr: str) -> set[str]:
    expr = re.sub(r"\{[^}]*\}", "", expr)  # label matchers
    # grouping and matching labels
    expr = re.sub(r"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", "", expr)
    expr = re.sub(r"\[[^\]]*\]", "", expr)  # ranges
    names = re.findall(r"\b([a-zA-Z_:][a-zA-Z0-9_:]*)\b(?!\s*\()", expr)
    return {name for name in names if name not in PROMQL_WORDS}


def _exported(client: TestClient, alice: User, staff: Staff) -> set[str]:
    task = create_task(client, alice)
    client.patch(alice.task_url(task["id"]), json={"completed": True}, headers=alice.headers)
    client.delete(alice.task_url(task["id"]), headers=alice.headers)
    client.get(alice.tasks_url)
    sign_in(client, staff)
    return Metrics(client.get("/metrics").text).sample_names()


def _rules() -> list[dict]:
    return [
        rule for group in yaml.safe_load(RULES.read_text())["groups"] for rule in group["rules"]
    ]


def test_every_metric_the_dashboard_and_the_alerts_query_is_exported_or_recorded(
    client: TestClient, alice: User, make_staff: Callable[..., Staff]
) -> None:
    exported = _exported(client, alice, make_staff())
    recorded = {rule["record"] for rule in _rules() if "record" in rule}
    dashboard = json.loads(DASHBOARD.read_text())
    queried: set[str] = set()
    for panel in dashboard["panels"]:
        for target in panel["targets"]:
            queried |= _queried_metrics(target["expr"])
    alerting: set[str] = set()
    for rule in _rules():
        alerting |= _queried_metrics(rule["expr"])
    assert queried, "the dashboard queries nothing"
    known = exported | recorded | SCRAPE_SERIES
    assert queried <= known, f"not exported: {sorted(queried - known)}"
    assert alerting <= known, f"alerts on what is not exported: {sorted(alerting - known)}"
    # The dashboard shows the SLOs and their error-budget burn.
    assert {"taskapi:slo_availability:objective", "taskapi:api_errors:ratio_rate1h"} <= queried
    # Rate, errors and latency per route, pool saturation and the business counters.
    for needed in (
        "http_requests_total",
        "http_request_duration_seconds_bucket",
        "db_pool_checked_out",
        "tasks_created_total",
        "auth_failures_total",
        "admin_sign_ins_total",
        # Each worker's memory and CPU.
        "process_resident_memory_bytes",
        "process_cpu_seconds_total",
    ):
        assert needed in queried


def test_dockerfile_is_multi_stage_non_root_with_a_healthcheck_and_migrates_first() -> None:
    dockerfile = (REPO_ROOT / "Dockerfile").read_text()
    assert len(re.findall(r"^FROM ", dockerfile, re.MULTILINE)) >= 2
    assert re.search(r"^USER (?!root)\S+", dockerfile, re.MULTILINE)
    assert "HEALTHCHECK" in dockerfile and "/healthz" in dockerfile
    [command] = re.findall(r"^CMD (.*)$", dockerfile, re.MULTILINE)
    assert command.index("taskapi db upgrade") < command.index("taskapi serve")
