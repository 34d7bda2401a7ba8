"""What SREs run: the alert rules (checked and unit-tested by promtool), their runbooks, and the
Kubernetes manifests (validated offline against the Kubernetes schemas, and agreeing with the
app they run)."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
import yaml

from backend.cli import build_parser
from backend.observability.health import router as health_router
from tests.helpers import REPO_ROOT

RULES = REPO_ROOT / "deploy/prometheus/rules/taskapi.yml"
RULE_TESTS = REPO_ROOT / "deploy/prometheus/rules/tests/taskapi_test.yml"
KUBERNETES = REPO_ROOT / "deploy/kubernetes"


def _promtool() -> str:
    promtool = shutil.which("promtool")
    assert promtool, "promtool is missing: scripts/ensure-system-tools installs `prometheus`"
    return promtool


def _alerts() -> list[dict]:
    groups = yaml.safe_load(RULES.read_text())["groups"]
    return [rule for group in groups for rule in group["rules"] if "alert" in rule]


@pytest.mark.slow  # runs another program in a subprocess
def test_promtool_accepts_the_rules() -> None:
    result = subprocess.run(
        [_promtool(), "check", "rules", str(RULES)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow  # runs another program in a subprocess
def test_promtool_unit_tests_pass_and_cover_every_alert() -> None:
    result = subprocess.run(
        [_promtool(), "test", "rules", str(RULE_TESTS)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    tests = yaml.safe_load(RULE_TESTS.read_text())["tests"]
    cases = [case for test in tests for case in test.get("alert_rule_test", [])]
    for alert in {rule["alert"] for rule in _alerts()}:
        fired = [c for c in cases if c["alertname"] == alert and c["exp_alerts"]]
        quiet = [c for c in cases if c["alertname"] == alert and not c["exp_alerts"]]
        assert fired and quiet, f"{alert} needs a case that fires and one that stays quiet"


def test_every_alert_has_a_severity_and_a_runbook_in_the_repository() -> None:
    for rule in _alerts():
        assert rule["labels"]["severity"] in ("page", "ticket"), rule["alert"]
        runbook = REPO_ROOT / rule["annotations"]["runbook_url"]
        assert runbook.is_file(), f"{rule['alert']}: no {runbook}"
        text = runbook.read_text()
        assert rule["alert"].removesuffix("FastBurn").removesuffix("SlowBurn") in text
        for section in ("What it means", "Confirm", "What to do"):
            assert section in text, f"{runbook.name} has no '{section}'"


def test_the_slo_targets_are_named_once() -> None:
    text = RULES.read_text()
    assert text.count("vector(0.999)") == 1 and text.count("vector(0.99)") == 1
    for rule in _alerts():
        if "slo" in rule["labels"]:
            assert "objective" in rule["expr"], rule["alert"]


def test_compose_loads_the_rules_into_prometheus() -> None:
    compose = yaml.safe_load((REPO_ROOT / "compose.yaml").read_text())
    prometheus = yaml.safe_load((REPO_ROOT / "deploy/prometheus/prometheus.yml").read_text())
    mounts = compose["services"]["prometheus"]["volumes"]
    assert "./deploy/prometheus/rules:/etc/prometheus/rules:ro" in mounts
    assert prometheus["rule_files"] == ["/etc/prometheus/rules/*.yml"]


def _manifests() -> dict[str, dict]:
    return {
        path.name: yaml.safe_load(path.read_text())
        for path in sorted(KUBERNETES.glob("*.yaml"))
        if path.name != "kustomization.yaml"
    }


def test_the_kustomization_lists_every_manifest() -> None:
    kustomization = yaml.safe_load((KUBERNETES / "kustomization.yaml").read_text())
    assert sorted(kustomization["resources"]) == sorted(_manifests())


@pytest.mark.slow  # runs another program in a subprocess
def test_the_manifests_validate_against_the_kubernetes_schemas() -> None:
    files = [str(KUBERNETES / name) for name in _manifests()]
    result = subprocess.run(
        [sys.executable, "-m", "kubernetes_validate", "--strict", "--quiet", *files],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _container(manifest: dict) -> dict:
    [container] = manifest["spec"]["template"]["spec"]["containers"]
    return container


def test_the_deployment_runs_the_app_as_the_app_expects() -> None:
    manifests = _manifests()
    deployment = manifests["deployment.yaml"]
    container = _container(deployment)
    command = container["command"]
    assert command[0] == "taskapi"
    args = build_parser().parse_args(command[1:])
    assert args.command == "serve" and args.workers == 1, "one process per pod"
    [port] = container["ports"]
    assert port["containerPort"] == args.port
    assert args.host == "0.0.0.0"  # noqa: S104 - a pod listens on its own address
    health_paths = {route.path for route in health_router.routes}
    assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert {"/healthz", "/readyz"} <= health_paths
    for probe in ("livenessProbe", "readinessProbe"):
        assert container[probe]["httpGet"]["port"] in (port["name"], port["containerPort"])
    pod = deployment["spec"]["template"]["spec"]
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    assert container["resources"]["requests"] and container["resources"]["limits"]
    # Longer than uvicorn's 20 s drain (backend/cli.py) plus the pre-stop pause.
    pre_stop = container["lifecycle"]["preStop"]["sleep"]["seconds"]
    assert pod["terminationGracePeriodSeconds"] > 20 + pre_stop
    annotations = deployment["spec"]["template"]["metadata"]["annotations"]
    assert annotations["prometheus.io/port"] == str(args.port)
    assert annotations["prometheus.io/path"] == "/metrics"
    service = manifests["service.yaml"]
    assert service["spec"]["ports"][0]["targetPort"] == port["name"]
    assert manifests["hpa.yaml"]["spec"]["scaleTargetRef"]["name"] == deployment["metadata"]["name"]
    assert manifests["pdb.yaml"]["spec"]["selector"] == deployment["spec"]["selector"]


def test_the_migration_job_upgrades_through_the_direct_url() -> None:
    manifests = _manifests()
    job = _container(manifests["migrate-job.yaml"])
    args = build_parser().parse_args(job["command"][1:])
    assert (args.command, args.action) == ("db", "upgrade")
    # The Job gets the same configuration and Secret (DATABASE_URL and DATABASE_DIRECT_URL
    # among the Secret's keys, which the README lists) as the pods.
    assert job["envFrom"] == _container(manifests["deployment.yaml"])["envFrom"]
    readme = (REPO_ROOT / "README.md").read_text()
    for key in ("DATABASE_URL", "DATABASE_DIRECT_URL", "JWT_SECRET", "ADMIN_SECRET_KEY"):
        assert f"--from-literal={key}=" in readme, key
    assert "--from-literal=METRICS_TOKEN=" in readme


def test_the_trash_is_purged_daily_with_the_pods_configuration() -> None:
    manifests = _manifests()
    cronjob = manifests["purge-trash-cronjob.yaml"]
    [container] = cronjob["spec"]["jobTemplate"]["spec"]["template"]["spec"]["containers"]
    args = build_parser().parse_args(container["command"][1:])
    assert args.command == "purge-trash"
    assert container["envFrom"] == _container(manifests["deployment.yaml"])["envFrom"]
    assert cronjob["spec"]["concurrencyPolicy"] == "Forbid"


def test_the_scrape_job_keeps_the_deployment_pods() -> None:
    scrape = yaml.safe_load(_manifests()["prometheus-scrape.yaml"]["data"]["taskapi-scrape.yml"])
    [job] = scrape["scrape_configs"]
    assert job["metrics_path"] == "/metrics" and job["authorization"]["type"] == "Bearer"
    keep = {
        tuple(r["source_labels"]): r["regex"]
        for r in job["relabel_configs"]
        if r.get("action") == "keep"
    }
    labels = _manifests()["deployment.yaml"]["spec"]["template"]["metadata"]["labels"]
    assert (
        keep[("__meta_kubernetes_pod_label_app_kubernetes_io_name",)]
        == (labels["app.kubernetes.io/name"])
    )
