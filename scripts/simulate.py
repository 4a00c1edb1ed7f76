"""`make simulate`: generated people hold whole conversations through the REST channel.

Each person has a true profile drawn at random; every question the form asks is answered with a reply drawn
from `tests/conversation/people_pool.yml` (written apart from the training data, never trained on) that
states that true value. The first exam the assistant recommends is compared with the first exam the rules
give for the true profile, so what is measured is understanding, not the rules. Writes
`reports/simulation.md` (+ `.json`): the share that reach the right first exam, questions asked per
conversation, and every question asked a third time.

    python scripts/simulate.py [--people 150] [--seed 7] [--rasa-url URL]   (without a URL, starts the servers)
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any, Dict, List, Optional

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from advisor.profile import Profile  # noqa: E402
from advisor.rules import recommend  # noqa: E402
from knowledge.queries import get_catalog  # noqa: E402
from scripts.evaluate_conversation import Client  # noqa: E402
from scripts.measurement_report import write_report_files  # noqa: E402

POOL = ROOT / "tests" / "conversation" / "people_pool.yml"
REPORT = ROOT / "reports" / "simulation"
TODAY = date(2026, 11, 22)  # the tests' pinned "today" (ADVISOR_TODAY)
MAX_TURNS = 25


def make_people(count: int, seed: int) -> List[Dict[str, Any]]:
    """Random true profiles, each with the pool's key for its certifications and hours."""
    pool = yaml.safe_load(POOL.read_text(encoding="utf-8"))["answers"]
    rng = random.Random(seed)
    people = []
    for index in range(count):
        certs_key = rng.choice(list(pool["certifications_held"]))
        hours_key = rng.choice(list(pool["weekly_hours"]))
        people.append({
            "id": index,
            "current_role": rng.choice(list(pool["current_role"])),
            "coding_comfort": rng.choice(list(pool["coding_comfort"])),
            "target_role": rng.choice(list(pool["target_role"])),
            "azure_experience": rng.choice(list(pool["azure_experience"])),
            "certifications_held": [] if certs_key == "none" else certs_key.split("+"),
            "certs_key": certs_key,
            "weekly_hours": float(hours_key),
            "hours_key": hours_key,
            "seed": rng.randrange(10**9),
        })
    return people


def answer_for(slot: str, person: Dict[str, Any], pool: Dict[str, Any], rng: random.Random) -> str:
    """A reply from the pool that states the person's true value for `slot`."""
    if slot == "org_cloud_maturity":
        return '/inform{"org_cloud_maturity": "early"}'  # the pool has no answers for it: the button
    key = {"certifications_held": person["certs_key"], "weekly_hours": person["hours_key"]}.get(slot, person.get(slot))
    return str(rng.choice(pool["answers"][slot][key]))


def converse(client: Client, person: Dict[str, Any], pool: Dict[str, Any]) -> Dict[str, Any]:
    """One whole conversation; what was asked, and the first exam recommended."""
    rng = random.Random(person["seed"])
    sender = f"sim-{person['id']}-{uuid.uuid4().hex[:6]}"
    client.send(sender, rng.choice(pool["openers"]))
    asks: Counter[str] = Counter()
    slots: Dict[str, Any] = {}
    for _ in range(MAX_TURNS):
        slots = client.slots(sender)
        requested = slots.get("requested_slot")
        if not requested:
            break
        asks[requested] += 1
        client.send(sender, answer_for(requested, person, pool, rng))
    path = slots.get("recommended_path") or []
    return {"id": person["id"], "asks": dict(asks), "questions": sum(asks.values()), "path": path,
            "understood": {k: slots.get(k) for k in ("current_role", "coding_comfort", "target_role",
                                                     "azure_experience", "certifications_held", "weekly_hours")}}


def expected_first_exam(person: Dict[str, Any]) -> Optional[str]:
    """The first exam the rules give for the true profile (org maturity early, as answered)."""
    profile = Profile.from_slots({**person, "org_cloud_maturity": "early"})
    path = recommend(profile, get_catalog(), TODAY).path
    return path[0] if path else None


def run(rasa_url: str, people_count: int, seed: int) -> Dict[str, Any]:
    pool = yaml.safe_load(POOL.read_text(encoding="utf-8"))
    people = make_people(people_count, seed)
    client = Client(rasa_url)
    with ThreadPoolExecutor(max_workers=3) as executor:
        results = list(executor.map(lambda p: converse(client, p, pool), people))
    rows = []
    for person, result in zip(people, results, strict=True):
        expected = expected_first_exam(person)
        got = result["path"][0] if result["path"] else None
        rows.append({**result, "expected_first": expected, "got_first": got, "right": expected == got,
                     "true": {k: person[k] for k in ("current_role", "coding_comfort", "target_role",
                                                     "azure_experience", "certifications_held", "weekly_hours")},
                     "third_asks": [slot for slot, count in result["asks"].items() if count >= 3]})
    right = sum(row["right"] for row in rows)
    return {"people": len(rows), "seed": seed, "right_first_exam": round(right / len(rows), 3),
            "questions_per_conversation": round(sum(r["questions"] for r in rows) / len(rows), 2),
            "third_asks": sum(len(r["third_asks"]) for r in rows), "rows": rows}


def write_report(result: Dict[str, Any]) -> None:
    lines = ["# Simulated people (`make simulate`)", "",
             f"{result['people']} generated people (seed {result['seed']}), answers drawn from "
             "`tests/conversation/people_pool.yml`, played through the REST channel.", "",
             f"- Right first exam: **{result['right_first_exam']:.3f}** (target 0.98)",
             f"- Questions asked per conversation: {result['questions_per_conversation']}",
             f"- Questions asked a third time: {result['third_asks']} (target 0)", "", "## Wrong first exam", ""]
    for row in result["rows"]:
        if not row["right"]:
            wrong = {k: v for k, v in row["understood"].items() if not _same(v, row["true"][k])}
            lines.append(f"- person {row['id']}: expected {row['expected_first']}, got {row['got_first']}; "
                         f"misread {wrong}")
    third = [row for row in result["rows"] if row["third_asks"]]
    if third:
        lines += ["", "## Asked a third time", ""]
        lines += [f"- person {row['id']}: {', '.join(row['third_asks'])}" for row in third]
    write_report_files(REPORT, result, lines)


def _same(got: Any, true: Any) -> bool:
    if isinstance(true, list):
        return isinstance(got, list) and set(got) == set(true)
    if isinstance(true, float):
        try:
            return abs(float(got) - true) < 0.05
        except (TypeError, ValueError):
            return False
    return bool(got == true)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=150)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rasa-url", default=None, help="running servers; without it they are started")
    parser.add_argument("--model", default=None)
    args = parser.parse_args(argv)
    if args.rasa_url:
        result = run(args.rasa_url, args.people, args.seed)
    else:
        from scripts.servers import running_servers

        with tempfile.TemporaryDirectory() as workdir, running_servers(
                Path(workdir), Path(args.model) if args.model else None,
                env={"ADVISOR_TODAY": TODAY.isoformat()}) as servers:
            result = run(servers.rasa_url, args.people, args.seed)
    write_report(result)
    print(f"right first exam {result['right_first_exam']:.3f}, {result['questions_per_conversation']} questions "
          f"per conversation, {result['third_asks']} third asks; report: {REPORT.with_suffix('.md')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
