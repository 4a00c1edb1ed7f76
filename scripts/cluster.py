"""`make cluster`: two Rasa servers and two action servers on PostgreSQL and Redis, behind HAProxy.

`python -m scripts.cluster --model MODEL` checks PostgreSQL (`TRACKER_DATABASE_URL`) and Redis (`REDIS_URL`),
stops with a clear message and exit status 2 when one cannot be reached, creates the conversations database
when missing, then starts the action servers, the Rasa servers (`python -m rasa_runtime run`, so with the
project's fixes), the web chat page and HAProxy on 127.0.0.1:$CLUSTER_PORT (8000). Ctrl-C stops all of them.

`running_cluster()` does the same for tests and the cluster benchmark and yields a `Cluster` whose processes
can be stopped, frozen, killed and restarted one by one.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Tuple

import requests
import yaml

from rasa_runtime.faults import action_timeout
from scripts import write_credentials
from scripts.cluster_config import ClusterPorts, endpoints, error_page_text, haproxy_config
from scripts.cluster_services import (
    ServiceUnavailable,
    ServiceUrls,
    prepare_services,
    safe_redis_url,
    safe_url,
    service_urls,
)
from scripts.servers import BIN, ROOT, _env, _stop, _wait, find_model

HAPROXY_CANDIDATES = ("haproxy", "/usr/sbin/haproxy")


def haproxy_binary() -> str:
    """HAProxy from Debian's package (`make haproxy` installs it)."""
    for candidate in HAPROXY_CANDIDATES:
        found = shutil.which(candidate) or (candidate if os.access(candidate, os.X_OK) else None)
        if found:
            return found
    raise FileNotFoundError("HAProxy is not installed: run `make haproxy` (Debian's haproxy package).")


@dataclass
class Cluster:
    """The running processes, by name: actions1, actions2, rasa1, rasa2, web, haproxy."""

    url: str
    ports: ClusterPorts
    workdir: Path
    model: Path
    env: Dict[str, str]
    processes: Dict[str, subprocess.Popen] = field(default_factory=dict)

    def server_url(self, name: str) -> str:
        """The direct address of one back end (rasa1, rasa2, actions1, actions2)."""
        kind, number = name.rstrip("0123456789"), int(name[len(name.rstrip("0123456789")):])
        ports = self.ports.rasa if kind == "rasa" else self.ports.actions
        return f"http://127.0.0.1:{ports[number - 1]}"

    def signal(self, name: str, sig: signal.Signals) -> None:
        """Send `sig` to one process's group (SIGSTOP freezes it, SIGCONT resumes it, SIGKILL kills it)."""
        os.killpg(self.processes[name].pid, sig)
        if sig == signal.SIGKILL:
            self.processes[name].wait(timeout=30)

    def start(self, name: str) -> None:
        """Start (or restart after a kill) one back end on its own port."""
        if not name.startswith(("rasa", "actions")):
            raise ValueError(f"cannot restart {name}")
        old = self.processes.get(name)
        if old is not None:
            _stop(old)
        start_back_ends(self, [name])


def _spawn(name: str, command: List[str], workdir: Path, env: Dict[str, str]) -> subprocess.Popen:
    """Start one process in its own session (Ctrl-C reaches only the orchestrator), logging to NAME.log."""
    log = workdir / f"{name}.log"
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log.open("a"), stderr=subprocess.STDOUT,
                            start_new_session=True)


def _ready(cluster: Cluster, name: str, process: subprocess.Popen, ready_url: str, seconds: float) -> None:
    """Until `ready_url` answers 200; a clear error with the log's end when the process ended first."""
    _wait(ready_url, process, cluster.workdir / f"{name}.log", seconds)


def _command(cluster: Cluster, name: str) -> Tuple[List[str], str, float]:
    """The command line of a back end, its readiness URL and how long it may take to get ready."""
    url = cluster.server_url(name)
    port = url.rsplit(":", 1)[1]
    if name.startswith("actions"):
        return [str(BIN / "rasa"), "run", "actions", "--actions", "actions", "--port", port], f"{url}/health", 120
    public = cluster.ports.public
    command = [str(BIN / "python"), "-m", "rasa_runtime", "run", "--model", str(cluster.model),
               "--endpoints", str(cluster.workdir / "endpoints.yml"),
               "--credentials", str(cluster.workdir / "credentials.yml"), "--enable-api",
               "--interface", "127.0.0.1", "--port", port,
               "--cors", f"http://127.0.0.1:{public}", f"http://localhost:{public}"]
    token = cluster.env.get("RASA_AUTH_TOKEN")
    if token:
        command += ["--auth-token", token]
    return command, f"{url}/health", 600


def start_back_ends(cluster: Cluster, names: List[str]) -> None:
    """Start back ends at the same time, then wait until each is ready."""
    started = {}
    for name in names:
        command, ready_url, seconds = _command(cluster, name)
        cluster.processes[name] = _spawn(name, command, cluster.workdir, cluster.env)
        started[name] = (ready_url, seconds)
    for name, (ready_url, seconds) in started.items():
        _ready(cluster, name, cluster.processes[name], ready_url, seconds)


def _start_web(cluster: Cluster) -> subprocess.Popen:
    env = {**cluster.env, "WEB_PORT": str(cluster.ports.web), "RASA_URL": cluster.url}
    process = _spawn("web", [str(BIN / "python"), str(ROOT / "scripts" / "web_page.py")], cluster.workdir, env)
    _ready(cluster, "web", process, f"http://127.0.0.1:{cluster.ports.web}/health", 60)
    return process


def _start_haproxy(cluster: Cluster, web: bool) -> subprocess.Popen:
    error_page = cluster.workdir / "haproxy-503.http"
    error_page.write_text(error_page_text(), encoding="utf-8")
    config = cluster.workdir / "haproxy.cfg"
    timeout = float(cluster.env.get("ACTION_SERVER_TIMEOUT") or action_timeout())
    config.write_text(haproxy_config(cluster.ports, error_page, timeout, web=web), encoding="utf-8")
    binary = haproxy_binary()
    check = subprocess.run([binary, "-c", "-q", "-f", str(config)], capture_output=True, text=True)
    if check.returncode != 0:
        raise RuntimeError(f"HAProxy refused {config}:\n{check.stdout}{check.stderr}")
    process = _spawn("haproxy", [binary, "-db", "-f", str(config)], cluster.workdir, cluster.env)
    _ready(cluster, "haproxy", process, f"{cluster.url}/health", 60)
    return process


def cluster_env(workdir: Path, urls: ServiceUrls, extra: Optional[Dict[str, str]] = None) -> Dict[str, str]:
    """The servers' environment: the project's defaults, the services, what the caller adds."""
    return _env(workdir, {"TRACKER_DATABASE_URL": urls.tracker_database, "REDIS_URL": urls.redis,
                          "DATABASE_URL": os.environ.get("DATABASE_URL")
                          or f"sqlite:///{ROOT / 'knowledge' / 'knowledge.db'}", **(extra or {})})


@contextmanager
def running_cluster(workdir: Path, public_port: int, model: Optional[Path] = None,
                    env: Optional[Dict[str, str]] = None, urls: Optional[ServiceUrls] = None,
                    web: bool = True, rasa_servers: int = 2, action_servers: int = 2) -> Iterator[Cluster]:
    """Check the services, then start everything; stop everything on leaving (also on an error)."""
    workdir.mkdir(parents=True, exist_ok=True)
    urls = urls or service_urls(env)
    prepare_services(urls)
    ports = ClusterPorts.from_public(public_port, rasa_servers, action_servers)
    cluster = Cluster(f"http://127.0.0.1:{public_port}", ports, workdir, model or find_model(),
                      cluster_env(workdir, urls, {"WEB_URL": f"http://127.0.0.1:{public_port}", **(env or {})}))
    (workdir / "endpoints.yml").write_text(yaml.safe_dump(endpoints(
        urls.tracker_database, urls.redis, f"http://127.0.0.1:{ports.actions_balancer}/webhook")), encoding="utf-8")
    write_credentials.write(workdir / "credentials.yml", cluster.env)
    try:
        start_back_ends(cluster, [f"actions{n}" for n in range(1, action_servers + 1)]
                        + [f"rasa{n}" for n in range(1, rasa_servers + 1)])
        if web:
            cluster.processes["web"] = _start_web(cluster)
        cluster.processes["haproxy"] = _start_haproxy(cluster, web)
        _wait_all_up(cluster)
        yield cluster
    finally:
        for process in reversed(list(cluster.processes.values())):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGCONT)  # a frozen process cannot stop
            _stop(process)


def _wait_all_up(cluster: Cluster, seconds: float = 30) -> None:
    """Until HAProxy's health checks have seen every Rasa server (each answers /health through it)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if requests.get(f"{cluster.url}/health", timeout=5).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise TimeoutError(f"{cluster.url}/health did not answer 200 in {seconds:.0f} s; see {cluster.workdir}")


def _interrupt(signum: int, frame: object) -> None:
    """SIGTERM (and SIGINT, whatever the parent set) stops the cluster the way Ctrl-C does."""
    raise KeyboardInterrupt


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=None, help="the trained model (default: the newest)")
    parser.add_argument("--workdir", type=Path, default=ROOT / ".run" / "cluster", help="generated files, logs")
    parser.add_argument("--rasa-servers", type=int, default=2, help=argparse.SUPPRESS)  # tests start fewer
    parser.add_argument("--action-servers", type=int, default=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    port = int(os.environ.get("CLUSTER_PORT") or 8000)
    urls = service_urls()
    print(f"Conversations: {safe_url(urls.tracker_database)}; locks and delivery memory: {safe_redis_url(urls.redis)}")
    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGINT, _interrupt)  # Ctrl-C stops it even when started with SIGINT ignored (a background job)
    try:
        with running_cluster(args.workdir, port, args.model, urls=urls, rasa_servers=args.rasa_servers,
                             action_servers=args.action_servers) as cluster:
            print(f"Cluster up behind HAProxy: {cluster.url}/ (web chat page), REST: POST "
                  f"{cluster.url}/webhooks/rest/webhook; health: {cluster.url}/health. Logs in {args.workdir}.")
            print("Ctrl-C stops everything.", flush=True)
            while all(p.poll() is None for name, p in cluster.processes.items()):
                time.sleep(1)
            ended = [name for name, p in cluster.processes.items() if p.poll() is not None]
            print(f"error: {', '.join(ended)} stopped; see {args.workdir}. Stopping the cluster.", file=sys.stderr)
            return 1
    except ServiceUnavailable as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\nStopped.")
        return 0
    except (RuntimeError, TimeoutError, FileNotFoundError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
