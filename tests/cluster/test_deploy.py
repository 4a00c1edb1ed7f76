"""deploy/: the YAML parses, its parts are wired to each other, the Helm values use the official charts' keys,
and no secret is written down. (Kubernetes, Helm and a Docker daemon are not available here to run them.)"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Dict, Iterator, Set, Tuple

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent.parent
DEPLOY = ROOT / "deploy"

# Keys of Rasa's official charts (RasaHQ/helm-charts: `rasa` 1.17.8, `rasa-action-server` 1.0.9): those of their
# values.yaml, plus the few their templates read without a default (rasa-common's _postgresql.tpl, _redis.tpl).
RASA_CHART_KEYS = {
    "affinity", "applicationSettings", "args", "autoscaling", "command", "deploymentAnnotations", "deploymentLabels",
    "duckling", "extraArgs", "extraContainers", "extraEnv", "fullnameOverride", "global", "hostAliases", "image",
    "ingress", "initContainers", "livenessProbe", "nameOverride", "networkPolicy", "nginx", "nodeSelector",
    "podAnnotations", "podLabels", "podSecurityContext", "postgresql", "rabbitmq", "rasa-action-server",
    "readinessProbe", "redis", "registry", "replicaCount", "resources", "securityContext", "service",
    "serviceAccount", "strategy", "tolerations", "volumeMounts", "volumes",
}
RASA_NESTED_KEYS = {
    "applicationSettings": {"cors", "credentials", "debugMode", "enableAPI", "endpoints", "initialModel", "port",
                            "rasaX", "scheme", "telemetry", "token", "trainInitialModel"},
    "applicationSettings.endpoints": {"action", "additionalEndpoints", "eventBroker", "lockStore", "models",
                                      "trackerStore"},
    "postgresql": {"external", "install", "existingSecretKey"},
    "redis": {"auth", "external", "install", "replica", "existingSecret", "existingSecretPasswordKey", "master"},
    "global": {"postgresql", "redis"},
    "global.postgresql": {"postgresqlUsername", "postgresqlPassword", "existingSecret", "postgresqlDatabase",
                          "servicePort"},
    "rasa-action-server": {"external", "install"},
    "image": {"name", "pullPolicy", "pullSecrets", "repository", "tag"},
    "ingress": {"annotations", "enabled", "extraPaths", "hostname", "labels", "path", "pathType", "tls"},
}
ACTION_CHART_KEYS = {
    "affinity", "applicationSettings", "args", "autoscaling", "command", "deploymentAnnotations", "deploymentLabels",
    "extraEnv", "fullnameOverride", "hostAliases", "image", "ingress", "initContainers", "livenessProbe",
    "nameOverride", "nodeSelector", "podAnnotations", "podLabels", "podSecurityContext", "readinessProbe",
    "registry", "replicaCount", "resources", "securityContext", "service", "serviceAccount", "strategy",
    "tolerations", "volumeMounts", "volumes",
}
SECRET_WORDS = re.compile(r"(password|token|secret)", re.IGNORECASE)


def load(name: str) -> Any:
    return yaml.safe_load((DEPLOY / name).read_text(encoding="utf-8"))


def leaves(node: Any, path: Tuple[str, ...] = ()) -> Iterator[Tuple[Tuple[str, ...], Any]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from leaves(value, (*path, str(key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from leaves(value, (*path, str(index)))
    else:
        yield path, node


def nested(values: Dict[str, Any], dotted: str) -> Set[str]:
    node: Any = values
    for part in dotted.split("."):
        node = node.get(part, {})
    return set(node)


@pytest.mark.parametrize("name", ["docker-compose.yml", "endpoints.yml", "helm/rasa-values.yaml",
                                  "helm/rasa-action-server-values.yaml"])
def test_no_secret_is_written_down(name: str) -> None:
    for path, value in leaves(load(name)):
        names_a_kubernetes_secret = path[-1].startswith("existingSecret")
        if SECRET_WORDS.search(path[-1]) and isinstance(value, str) and not names_a_kubernetes_secret:
            assert value.startswith(("${", "$(")) or value == "", f"{name}: {'.'.join(path)} holds a literal secret"


def test_compose_runs_two_rasa_and_two_action_servers_on_postgresql_and_redis() -> None:
    compose = load("docker-compose.yml")
    services = compose["services"]
    assert set(services) == {"postgres", "redis", "actions", "rasa", "balancer"}
    assert services["rasa"]["deploy"]["replicas"] == 2 and services["actions"]["deploy"]["replicas"] == 2
    env = services["rasa"]["environment"]
    assert env["DB_HOST"] == "postgres" and env["REDIS_HOST"] == "redis"
    assert env["ACTION_SERVER_URL"] == "http://balancer:5055/webhook", "actions are balanced too"
    assert env["DB_DATABASE"] == services["postgres"]["environment"]["POSTGRES_DB"]
    assert services["rasa"]["depends_on"]["postgres"]["condition"] == "service_healthy"
    for name in ("rasa", "actions"):
        assert "/health" in " ".join(services[name]["healthcheck"]["test"]), f"{name} is health-checked"
    assert "python -m rasa_runtime" in (DEPLOY / "Dockerfile").read_text().replace('", "', " ").replace('"', "")
    assert services["balancer"]["ports"] == ["8000:8000"]


def test_compose_endpoints_name_only_variables_the_services_receive() -> None:
    endpoints_text = (DEPLOY / "endpoints.yml").read_text()
    needed = set(re.findall(r"\$\{(\w+)\}", endpoints_text))
    env = load("docker-compose.yml")["services"]["rasa"]["environment"]
    assert needed <= set(env), f"missing in the compose environment: {needed - set(env)}"
    endpoints = load("endpoints.yml")
    assert endpoints["tracker_store"]["dialect"] == "postgresql" and endpoints["lock_store"]["type"] == "redis"


def test_the_compose_balancer_is_sticky_for_socketio_and_checks_health() -> None:
    config = (DEPLOY / "haproxy.cfg").read_text()
    assert "cookie ADVISOR_SERVER insert" in config and "use_backend rasa_socketio if socketio" in config
    assert config.count("option httpchk GET /health") == 3
    assert "server-template rasa 4 rasa:5005" in config and "server-template actions 4 actions:5055" in config


def test_rasa_chart_values_use_the_charts_keys_and_the_external_stores() -> None:
    values = load("helm/rasa-values.yaml")
    assert set(values) <= RASA_CHART_KEYS, set(values) - RASA_CHART_KEYS
    for dotted, allowed in RASA_NESTED_KEYS.items():
        assert nested(values, dotted) <= allowed, f"{dotted}: {nested(values, dotted) - allowed}"
    endpoints = values["applicationSettings"]["endpoints"]
    assert endpoints["trackerStore"]["enabled"] and endpoints["trackerStore"]["dialect"] == "postgresql"
    assert endpoints["lockStore"]["enabled"] and endpoints["lockStore"]["type"] == "redis"
    assert values["postgresql"]["install"] is False and values["postgresql"]["external"]["enabled"] is True
    assert values["redis"]["install"] is False and values["redis"]["external"]["enabled"] is True
    assert values["replicaCount"] >= 2
    assert values["command"] == ["python", "-m", "rasa_runtime"] and values["args"][0] == "run"
    assert values["readinessProbe"]["httpGet"]["path"] == "/health"
    assert values["ingress"]["annotations"]["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    assert {e["name"] for e in values["extraEnv"]} >= {"REDIS_URL", "ACTION_SERVER_TIMEOUT"}
    assert values["resources"]["limits"]["memory"]


def test_action_server_chart_values_use_the_charts_keys() -> None:
    values = load("helm/rasa-action-server-values.yaml")
    assert set(values) <= ACTION_CHART_KEYS, set(values) - ACTION_CHART_KEYS
    assert set(values["applicationSettings"]) <= {"port", "scheme"}
    assert values["replicaCount"] >= 2
    assert values["readinessProbe"]["httpGet"]["path"] == "/health"
    assert values["args"][:2] == ["run", "actions"]
    rasa = load("helm/rasa-values.yaml")
    assert rasa["rasa-action-server"]["external"]["url"].endswith("/webhook")


def test_the_guide_says_kubernetes_was_not_run() -> None:
    guide = (DEPLOY / "README.md").read_text()
    assert "Kubernetes could not be run here" in guide
    for topic in ("Secrets from the environment", "Health and readiness", "Replicas per node memory",
                  "Sticky sessions for socket.io"):
        assert f"## {topic}" in guide


def test_both_deployments_keep_conversations_for_the_stated_retention() -> None:
    """The README's privacy promise holds in the deployments too: conversations older than the retention go."""
    compose = load("docker-compose.yml")["services"]["rasa"]["environment"]
    assert compose["TRACKER_RETENTION_DAYS"] == "${TRACKER_RETENTION_DAYS:-365}"
    chart = {item["name"]: item["value"] for item in load("helm/rasa-values.yaml")["extraEnv"]}
    assert chart["TRACKER_RETENTION_DAYS"] == "365"
