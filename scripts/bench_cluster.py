"""`make bench-cluster`: the cluster measured side by side with `make run`'s single server.

Three set-ups, one after another on the same machine and model, each given the same load (scripts/benchmark.py's
whole conversations: one user, then concurrent users):

1. `make run`'s: one Rasa server on SQLite, one action server, no balancer;
2. the cluster with one Rasa server: PostgreSQL tracker store, Redis lock store, HAProxy, two action servers;
3. the cluster with two Rasa servers (`make cluster`).

Writes reports/benchmark-cluster.md: latency p50/p95, messages per second, and resident memory per process.
It measures; it asserts nothing. Its PostgreSQL database (`advisor_bench`) is dropped before each cluster run.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Dict, List, Optional

import requests
from sqlalchemy.engine import make_url

from scripts.benchmark import CONVERSATIONS, percentile, play, rss_mb, run_load
from scripts.cluster import running_cluster
from scripts.cluster_services import ServiceUrls, drop_database, safe_url, service_urls
from scripts.servers import ROOT, find_model, running_servers

ENV = {"ADVISOR_TODAY": "2026-11-22"}


@dataclass
class Endpoint:
    """What scripts/benchmark.py's load needs: `say(sender, message)` against one address."""

    url: str

    def say(self, sender: str, message: str, timeout: float = 120) -> List[dict]:
        answer = requests.post(f"{self.url}/webhooks/rest/webhook", json={"sender": sender, "message": message},
                               timeout=timeout)
        answer.raise_for_status()
        result: List[dict] = answer.json()
        return result


@dataclass
class Measured:
    name: str
    single: List[float]
    single_rate: float
    concurrent: List[float]
    concurrent_rate: float
    memory: Dict[str, float]


def measure(name: str, endpoint: Endpoint, pids: Dict[str, int], users: int, rounds: int) -> Measured:
    play(endpoint, f"{name}-warm-up", CONVERSATIONS[0])  # type: ignore[arg-type]
    single: List[float] = []
    start = time.perf_counter()
    for index in range(6):
        single += play(endpoint, f"{name}-single-{index}-{time.time_ns()}",  # type: ignore[arg-type]
                       CONVERSATIONS[index % len(CONVERSATIONS)])
    single_rate = len(single) / (time.perf_counter() - start)
    concurrent, concurrent_rate = run_load(endpoint, users, rounds, f"{name}-load-{time.time_ns()}")  # type: ignore[arg-type]
    memory = {process: rss_mb(pid) for process, pid in pids.items()}
    print(f"{name}: p50 {statistics.median(concurrent):.0f} ms, {concurrent_rate:.1f} msg/s", flush=True)
    return Measured(name, single, single_rate, concurrent, concurrent_rate, memory)


def bench_single(model: Path, users: int, rounds: int) -> Measured:
    with tempfile.TemporaryDirectory() as tmp, running_servers(Path(tmp), model, env=ENV) as servers:
        pids = {"rasa": servers.pid("rasa"), "actions": servers.pid("actions")}
        return measure("make run", Endpoint(servers.rasa_url), pids, users, rounds)


def bench_cluster(model: Path, port: int, urls: ServiceUrls, rasa_servers: int, users: int,
                  rounds: int) -> Measured:
    drop_database(urls.tracker_database)
    with tempfile.TemporaryDirectory() as tmp, running_cluster(Path(tmp), port, model, env=ENV, urls=urls,
                                                                web=False, rasa_servers=rasa_servers) as cluster:
        pids = {name: process.pid for name, process in cluster.processes.items()}
        return measure(f"cluster, {rasa_servers} Rasa server{'s' if rasa_servers > 1 else ''}",
                       Endpoint(cluster.url), pids, users, rounds)


def postgres_mb() -> Optional[float]:
    """Resident memory of the PostgreSQL server processes (all of them, shared buffers counted per process)."""
    total, found = 0.0, False
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().strip() in ("postgres", "redis-server"):
                    total += rss_mb(int(entry.name))
                    found = True
            except OSError:
                continue
    return total if found else None


def row(measured: Measured, latencies: List[float], rate: float) -> str:
    return (f"| {measured.name} | {len(latencies)} | {statistics.median(latencies):.0f} | "
            f"{percentile(latencies, 0.95):.0f} | {rate:.1f} |")


def render(results: List[Measured], users: int, model: Path, urls: ServiceUrls, services_mb: Optional[float]) -> str:
    lines = [
        "# Benchmark: the cluster beside `make run`",
        "",
        f"Measured {datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M UTC')} by `make bench-cluster` on "
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; model `{model.name}`; "
        f"REST channel; whole conversations (profile form, recommendation, \"why?\"); conversations in "
        f"`{safe_url(urls.tracker_database)}` for the cluster. The load generator runs on the same machine, and "
        "other work on it is not controlled: compare the rows of one run with each other, not across runs.",
        "",
        "## One user at a time",
        "",
        "| set-up | messages | p50 ms | p95 ms | messages/s |",
        "|---|---|---|---|---|",
        *[row(m, m.single, m.single_rate) for m in results],
        "",
        f"## {users} concurrent users",
        "",
        "| set-up | messages | p50 ms | p95 ms | messages/s |",
        "|---|---|---|---|---|",
        *[row(m, m.concurrent, m.concurrent_rate) for m in results],
        "",
        "## Memory per process (resident, MB, after the load)",
        "",
        "| set-up | " + " | ".join(sorted({p for m in results for p in m.memory})) + " |",
        "|---|" + "---|" * len({p for m in results for p in m.memory}),
    ]
    names = sorted({p for m in results for p in m.memory})
    for m in results:
        lines.append(f"| {m.name} | " + " | ".join(f"{m.memory[n]:.0f}" if n in m.memory else "" for n in names)
                     + " |")
    if services_mb is not None:
        lines += ["", f"PostgreSQL and Redis together (all their processes): {services_mb:.0f} MB."]
    lines += [
        "",
        "## Where the time goes",
        "",
        "- On 2 cores a second Rasa server cannot double throughput: each Rasa server is one Python process whose "
        "turn (NLU, policies) is CPU-bound, and the two share the cores with two action servers, PostgreSQL, "
        "Redis, HAProxy and the load generator itself.",
        "- Each turn of the cluster does more I/O than `make run`'s: the Redis lock (issue a ticket, read it, "
        "clean it up: several round trips), the tracker read and the saved events in PostgreSQL instead of a local "
        "SQLite file, and one more hop through HAProxy both to the Rasa server and to the action server. Rasa 3.6 "
        "makes the SQL and Redis calls synchronously inside its event loop, so they add to every turn's latency.",
        "- A second server helps when turns wait on I/O (the calls above, the action server): while one server "
        "waits, the other computes. What a second server buys on more cores, or on a second machine, is "
        "measured by running this on that machine.",
        "",
    ]
    return "\n".join(lines)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=None, help="model archive (default: the newest)")
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=2, help="conversations per concurrent user")
    parser.add_argument("--out", type=Path, default=ROOT / "reports" / "benchmark-cluster.md")
    args = parser.parse_args(argv)
    model = args.model or find_model()
    port = int(os.environ.get("CLUSTER_PORT") or 8000) + 100
    base = service_urls()
    bench_db = make_url(base.tracker_database).set(database="advisor_bench").render_as_string(hide_password=False)
    urls = ServiceUrls(bench_db, base.redis)
    results = [bench_single(model, args.users, args.rounds)]
    for rasa_servers in (1, 2):
        results.append(bench_cluster(model, port, urls, rasa_servers, args.users, args.rounds))
    drop_database(urls.tracker_database)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(render(results, args.users, model, urls, postgres_mb()), encoding="utf-8")
    print(f"Wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
