"""Measure the advisor: latency, throughput, memory, model load and training time.

Starts the real action server and Rasa server, plays whole conversations through the REST channel
(one user, then 20 concurrent users), and writes reports/benchmark.md. Run with `make bench`.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from pathlib import Path
from typing import Dict, List, Optional, Tuple

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.servers import ROOT, Servers, find_model, running_servers  # noqa: E402

CONVERSATIONS: List[List[str]] = [
    ["hi", "I've been a Windows sysadmin for 6 years", "not really, I can tweak PowerShell scripts",
     "a cloud architect, within two years", "some", "none yet", "5 hours a week", "why?"],
    ["I'm a C# developer, I build web apps every day and I want a developer certification",
     "a lot, I use Azure daily", "none", "about 6 hours a week", "why?"],
    ["hello", "I'm a student", "I don't code", "not sure yet", "I've never used Azure", "no certifications", "10"],
]


def rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, in MB (from /proc)."""
    total = 0
    pids = [pid]
    while pids:
        current = pids.pop()
        try:
            with open(f"/proc/{current}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
            pids += [int(c) for c in children]
        except OSError:
            continue
    return total / 1024


def play(servers: Servers, sender: str, conversation: List[str]) -> List[float]:
    latencies = []
    for message in conversation:
        start = time.perf_counter()
        servers.say(sender, message)
        latencies.append((time.perf_counter() - start) * 1000)
    return latencies


def percentile(values: List[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def run_load(servers: Servers, users: int, rounds: int, prefix: str) -> Tuple[List[float], float]:
    jobs = [(f"{prefix}-{u}-{r}", CONVERSATIONS[(u + r) % len(CONVERSATIONS)])
            for r in range(rounds) for u in range(users)]
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=users) as pool:
        results = list(pool.map(lambda job: play(servers, *job), jobs))
    elapsed = time.perf_counter() - start
    latencies = [value for result in results for value in result]
    return latencies, len(latencies) / elapsed


def measure_training() -> Optional[float]:
    """A cold `rasa train` (empty cache) into a temporary folder, in seconds."""
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, RASA_CACHE_DIRECTORY=str(Path(tmp) / "cache"))
        start = time.perf_counter()
        result = subprocess.run([str(Path(sys.executable).parent / "rasa"), "train", "--out", tmp, "--quiet"],
                                cwd=ROOT, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            print(result.stdout[-2000:], result.stderr[-2000:], file=sys.stderr)
            return None
        return time.perf_counter() - start


def row(name: str, latencies: List[float], throughput: float) -> str:
    return (f"| {name} | {len(latencies)} | {statistics.median(latencies):.0f} | {percentile(latencies, 0.95):.0f} | "
            f"{throughput:.1f} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", help="model archive (default: RASA_MODEL or the newest under models/)")
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=2, help="conversations per concurrent user")
    parser.add_argument("--skip-training", action="store_true", help="don't measure a cold training run")
    parser.add_argument("--out", default=str(ROOT / "reports" / "benchmark.md"))
    args = parser.parse_args()
    model = Path(args.model) if args.model else find_model()

    results: Dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        with running_servers(Path(tmp), model, env={"ADVISOR_TODAY": "2026-11-22"}) as servers:
            startup = time.perf_counter() - start
            play(servers, "warm-up", CONVERSATIONS[0])
            single: List[float] = []
            single_start = time.perf_counter()
            for index in range(6):
                single += play(servers, f"single-{index}", CONVERSATIONS[index % len(CONVERSATIONS)])
            single_rate = len(single) / (time.perf_counter() - single_start)
            concurrent, concurrent_rate = run_load(servers, args.users, args.rounds, "load")
            rasa_mb = rss_mb(servers.pid("rasa"))
            actions_mb = rss_mb(servers.pid("actions"))
        results["single"] = row("1 user", single, single_rate)
        results["concurrent"] = row(f"{args.users} concurrent users", concurrent, concurrent_rate)
    training = None if args.skip_training else measure_training()

    report = [
        "# Benchmark",
        "",
        f"Measured {datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M UTC')} on {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}; model `{model.name}`; SQLite tracker store; "
        "REST channel; whole conversations (profile form, recommendation, \"why?\").",
        "",
        "| load | messages | median ms | p95 ms | messages/s |",
        "|---|---|---|---|---|",
        results["single"],
        results["concurrent"],
        "",
        "| measure | value |",
        "|---|---|",
        f"| Rasa server resident memory | {rasa_mb:.0f} MB |",
        f"| action server resident memory | {actions_mb:.0f} MB |",
        f"| start-up of both servers incl. model load | {startup:.1f} s |",
        f"| cold `rasa train` (empty cache) | {f'{training:.0f} s' if training else 'not measured'} |",
        "",
        "Reference (a bare `rasa init` bot on this 2-core machine): about 60 ms median with one user, "
        "about 24 messages/s with 20 users, 1.3 GB resident.",
    ]
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(report) + "\n", encoding="utf-8")
    print("\n".join(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
