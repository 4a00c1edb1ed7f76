"""Scores answers in context: question asked → answer as people type it → the slots it must fill.

Reads `tests/conversation/heldout_answers.yml` (written apart from the training data, never trained on),
and for each case drives a fresh conversation through the REST channel of running servers: the earlier
questions are answered with the buttons' payloads (the case's `known` values, or defaults), then the
held-out answer is typed while the form asks the case's slot, and the tracker's slots are compared with
the expected values. Writes `reports/conversation_heldout.md` (+ `.json`) with the accuracy per slot and
every miss. `--gate 0.95` fails when any slot scores lower.

    python scripts/evaluate_conversation.py --rasa-url http://127.0.0.1:5005 [--gate 0.95]
"""

from __future__ import annotations

import argparse
import json
import sys
import uuid
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import requests
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from scripts.measurement_report import table, write_report_files  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "conversation" / "heldout_answers.yml"
REPORT = ROOT / "reports" / "conversation_heldout"
FORM_ORDER = ("current_role", "coding_comfort", "target_role", "azure_experience", "certifications_held",
              "weekly_hours", "org_cloud_maturity")
DEFAULTS: Dict[str, Any] = {"current_role": "administrator", "coding_comfort": "low", "target_role": "architect",
                            "azure_experience": "some", "certifications_held": [], "weekly_hours": 5}
ENTITY_FOR = {"current_role": "job_role", "target_role": "job_role", "coding_comfort": "coding_comfort",
              "azure_experience": "azure_experience", "weekly_hours": "weekly_hours",
              "org_cloud_maturity": "org_cloud_maturity"}


def payload(slot: str, value: Any) -> str:
    """The button payload that answers `slot` with `value`."""
    if slot == "certifications_held":
        return "/inform" + json.dumps({"exam_code": value[0]} if value else {"amount": "none"})
    return "/inform" + json.dumps({ENTITY_FOR[slot]: value})


class Client:
    """REST messages and tracker slots of one Rasa server."""

    def __init__(self, rasa_url: str) -> None:
        self.url = rasa_url.rstrip("/")
        self.session = requests.Session()

    def send(self, sender: str, text: str) -> List[dict]:
        response = self.session.post(f"{self.url}/webhooks/rest/webhook", json={"sender": sender, "message": text},
                                     timeout=60)
        response.raise_for_status()
        return list(response.json())

    def slots(self, sender: str) -> Dict[str, Any]:
        response = self.session.get(f"{self.url}/conversations/{sender}/tracker", timeout=60)
        response.raise_for_status()
        return dict(response.json()["slots"])


def same(expected: Any, got: Any) -> bool:
    """Equal as the contract means it: hours within 0.05, certification lists as sets."""
    if isinstance(expected, list):
        return isinstance(got, list) and {str(c).upper() for c in expected} == {str(c).upper() for c in got}
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        try:
            return abs(float(got) - float(expected)) <= 0.05
        except (TypeError, ValueError):
            return False
    return bool(expected == got)


def play(client: Client, case: Dict[str, Any]) -> Tuple[bool, Dict[str, Any], Optional[str]]:
    """One case: reach the question, type the answer, compare. Returns (right, slots got, problem)."""
    sender = f"heldout-{case['id']}-{uuid.uuid4().hex[:6]}"
    asked = case["asked"]
    known = {**DEFAULTS, **(case.get("known") or {})}
    if asked == "org_cloud_maturity":
        known.update({"current_role": "administrator", "target_role": "undecided", "certifications_held": ["AZ-104"]})
    client.send(sender, "/request_recommendation")
    for slot in FORM_ORDER[:FORM_ORDER.index(asked)]:
        client.send(sender, payload(slot, known[slot]))
    before = client.slots(sender)
    if before.get("requested_slot") != asked:
        return False, before, f"the form asked {before.get('requested_slot')!r}, not {asked!r}"
    client.send(sender, case["answer"])
    got = client.slots(sender)
    right = all(same(value, got.get(slot)) for slot, value in case["expect"].items())
    return right, got, None


def evaluate(rasa_url: str, workers: int = 4) -> Dict[str, Any]:
    """Play every case; accuracy per asked slot, and the misses."""
    cases = yaml.safe_load(CASES.read_text(encoding="utf-8"))["cases"]
    client = Client(rasa_url)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(lambda case: play(client, case), cases))
    per_slot: Dict[str, List[int]] = defaultdict(lambda: [0, 0])
    misses: List[Dict[str, Any]] = []
    for case, (right, got, problem) in zip(cases, results, strict=True):
        per_slot[case["asked"]][1] += 1
        if right:
            per_slot[case["asked"]][0] += 1
        else:
            misses.append({"id": case["id"], "asked": case["asked"], "answer": case["answer"],
                           "expected": case["expect"], "got": {k: got.get(k) for k in case["expect"]},
                           "problem": problem})
    scores = {slot: round(right / total, 3) for slot, (right, total) in sorted(per_slot.items())}
    return {"cases": len(cases), "scores": scores,
            "counts": {slot: {"right": r, "total": t} for slot, (r, t) in sorted(per_slot.items())},
            "misses": misses}


def write_report(result: Dict[str, Any], gate: Optional[float]) -> None:
    """reports/conversation_heldout.md and .json."""
    lines = ["# Answers in context (held-out)", "",
             f"{result['cases']} cases from `tests/conversation/heldout_answers.yml`, each typed while the profile "
             "form asked its slot, through the REST channel of the trained model and the real action server."
             + (f" Gate: {gate:.2f} per slot." if gate else ""), ""]
    lines += table(["slot asked", "right", "total", "accuracy"],
                   [[slot, c["right"], c["total"], f"{result['scores'][slot]:.3f}"]
                    for slot, c in result["counts"].items()])
    lines += ["", f"## Misses ({len(result['misses'])})", ""]
    for miss in result["misses"]:
        why = f" ({miss['problem']})" if miss["problem"] else ""
        lines.append(f"- `{miss['asked']}` \"{miss['answer']}\": expected {miss['expected']}, got {miss['got']}{why}")
    write_report_files(REPORT, result, lines)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rasa-url", default="http://127.0.0.1:5005")
    parser.add_argument("--gate", type=float, default=None, help="fail when a slot scores below this")
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args(argv)
    result = evaluate(args.rasa_url, args.workers)
    write_report(result, args.gate)
    for slot, score in result["scores"].items():
        print(f"{slot:22} {score:.3f}")
    low = [slot for slot, score in result["scores"].items() if args.gate is not None and score < args.gate]
    if low:
        print(f"below the gate {args.gate}: {', '.join(low)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
