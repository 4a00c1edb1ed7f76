"""Start the real action server and Rasa server for end-to-end tests and benchmarks."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Sequence

import requests
import yaml

from scripts import write_credentials
from scripts.write_endpoints import tracker_store_endpoint

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def find_model() -> Path:
    """RASA_MODEL, or the newest model under models/; a clear error when there is none."""
    explicit = os.environ.get("RASA_MODEL")
    if explicit:
        path = Path(explicit)
        if not path.is_absolute():
            path = ROOT / path
        if not path.exists():
            raise FileNotFoundError(f"RASA_MODEL={explicit} does not exist; run `make model`")
        return path
    models = sorted((ROOT / "models").glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)
    if not models:
        raise FileNotFoundError("no trained model under models/; run `make model` first")
    return models[-1]


@dataclass
class Servers:
    rasa_url: str
    actions_url: str
    workdir: Path
    processes: Dict[str, subprocess.Popen]
    model: Path
    env: Dict[str, str]
    actions_port: int
    credentials: Optional[Path] = None
    cors: Sequence[str] = ()
    web_url: Optional[str] = None

    def say(self, sender: str, message: str, timeout: float = 60) -> List[dict]:
        response = requests.post(f"{self.rasa_url}/webhooks/rest/webhook",
                                 json={"sender": sender, "message": message}, timeout=timeout)
        response.raise_for_status()
        return response.json()

    def tracker(self, sender: str) -> dict:
        response = requests.get(f"{self.rasa_url}/conversations/{sender}/tracker", timeout=30)
        response.raise_for_status()
        return response.json()

    def pid(self, name: str) -> int:
        return self.processes[name].pid


def _wait(url: str, process: subprocess.Popen, log: Path, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}; log:\n{log.read_text()[-3000:]}")
        try:
            if requests.get(url, timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise TimeoutError(f"{url} did not come up in {seconds:.0f} s; log:\n{log.read_text()[-3000:]}")


def stop_process(process: subprocess.Popen) -> None:
    """Stop a server started in its own session, and only its process group (SIGTERM, then SIGKILL)."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


_stop = stop_process  # the name the cluster scripts and older tests use


def _env(workdir: Path, extra: Optional[Dict[str, str]]) -> Dict[str, str]:
    env = dict(os.environ)
    env.pop("TRACKER_DATABASE_URL", None)  # a test's own database only (`extra`), never the shell's
    env.update({
        "SQLALCHEMY_SILENCE_UBER_WARNING": "1", "TF_CPP_MIN_LOG_LEVEL": "2", "RASA_TELEMETRY_ENABLED": "false",
        "PYTHONWARNINGS": "ignore", "DATABASE_URL": env.get("DATABASE_URL") or f"sqlite:///{workdir / 'knowledge.db'}",
    })
    env.update(extra or {})
    return env


def start_actions(workdir: Path, port: int, env: Dict[str, str]) -> subprocess.Popen:
    log = workdir / "actions.log"
    process = subprocess.Popen(
        [str(BIN / "rasa"), "run", "actions", "--actions", "actions", "--port", str(port)],
        cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT, start_new_session=True)
    _wait(f"http://127.0.0.1:{port}/health", process, log, 120)
    return process


def start_rasa(workdir: Path, model: Path, port: int, actions_port: int, env: Dict[str, str],
               credentials: Optional[Path] = None, cors: Sequence[str] = ()) -> subprocess.Popen:
    """The Rasa server; `credentials` defaults to the channels file for `env` (Slack/Teams when configured).
    Conversations go to `env`'s TRACKER_DATABASE_URL when the test set it, else to SQLite in `workdir`."""
    endpoints = {
        "action_endpoint": {"url": f"http://127.0.0.1:{actions_port}/webhook"},
        "tracker_store": (tracker_store_endpoint(env["TRACKER_DATABASE_URL"]) if env.get("TRACKER_DATABASE_URL")
                          else {"type": "SQL", "dialect": "sqlite", "db": str(workdir / "tracker.db")}),
    }
    (workdir / "endpoints.yml").write_text(yaml.safe_dump(endpoints))
    credentials = credentials or write_credentials.write(workdir / "credentials.yml", env)
    log = workdir / f"rasa-{port}.log"
    process = subprocess.Popen(
        [str(BIN / "python"), "-m", "rasa_runtime", "run", "--model", str(model),
         "--endpoints", str(workdir / "endpoints.yml"),
         "--credentials", str(credentials), "--enable-api", "--interface", "127.0.0.1",
         "--port", str(port), *(["--cors", *cors] if cors else [])],
        cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT, start_new_session=True)
    _wait(f"http://127.0.0.1:{port}/status", process, log, 300)
    return process


def start_web(workdir: Path, port: int, rasa_url: str, env: Dict[str, str]) -> subprocess.Popen:
    """The web chat page (scripts/web_page.py), its widget pointed at `rasa_url`."""
    log = workdir / "web.log"
    process = subprocess.Popen(
        [str(BIN / "python"), str(ROOT / "scripts" / "web_page.py")], cwd=ROOT,
        env={**env, "WEB_PORT": str(port), "RASA_URL": rasa_url}, stdout=log.open("w"), stderr=subprocess.STDOUT,
        start_new_session=True)
    _wait(f"http://127.0.0.1:{port}/health", process, log, 60)
    return process


@contextmanager
def running_servers(workdir: Path, model: Optional[Path] = None,
                    env: Optional[Dict[str, str]] = None, web: bool = False) -> Iterator[Servers]:
    """The action server and the Rasa server (REST, socket.io, HTTP API; Slack and Teams when `env`
    configures them) on free local ports; with `web`, the web chat page too (`Servers.web_url`)."""
    workdir.mkdir(parents=True, exist_ok=True)
    model = model or find_model()
    full_env = _env(workdir, env)
    actions_port, rasa_port = free_port(), free_port()
    web_port = free_port() if web else None
    cors = [f"http://127.0.0.1:{web_port}"] if web_port else []
    credentials = write_credentials.write(workdir / "credentials.yml", full_env)
    processes: Dict[str, subprocess.Popen] = {}
    try:
        processes["actions"] = start_actions(workdir, actions_port, full_env)
        processes["rasa"] = start_rasa(workdir, model, rasa_port, actions_port, full_env, credentials, cors)
        rasa_url = f"http://127.0.0.1:{rasa_port}"
        if web_port:
            processes["web"] = start_web(workdir, web_port, rasa_url, full_env)
        yield Servers(rasa_url, f"http://127.0.0.1:{actions_port}", workdir, processes, model, full_env,
                      actions_port, credentials, cors, f"http://127.0.0.1:{web_port}" if web_port else None)
    finally:
        for process in processes.values():
            _stop(process)


def restart_rasa(servers: Servers) -> None:
    """Stop and start the Rasa server on the same port and tracker store."""
    _stop(servers.processes["rasa"])
    port = int(servers.rasa_url.rsplit(":", 1)[1])
    servers.processes["rasa"] = start_rasa(servers.workdir, servers.model, port, servers.actions_port, servers.env,
                                           servers.credentials, servers.cors)
