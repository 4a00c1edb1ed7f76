"""Scores follow-ups after a recommendation: does each question get the kind of answer it asks for?

Reads `tests/conversation/heldout_followups.yml` (written apart from the training data, never trained on).
For each case a fresh conversation gives the case's profile through the buttons' payloads, gets the
recommendation, then types the follow-up. The actions that answered it (read from the tracker) must be
one of those that give that kind of answer, the whole path must not be printed again (except after a real
profile change), the helpful fallback must not be the answer, and `expect_slots` must hold. Writes
`reports/followups_heldout.md` (+ `.json`).

    python scripts/evaluate_followups.py --rasa-url http://127.0.0.1:5005 [--gate 0.9]
"""

from __future__ import annotations

import argparse
import sys
import uuid
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import yaml

from scripts.evaluate_conversation import FORM_ORDER, Client, payload, same
from scripts.measurement_report import table, write_report_files

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "conversation" / "heldout_followups.yml"
REPORT = ROOT / "reports" / "followups_heldout"
# The actions that give each kind of answer.
ANSWERED_BY: Dict[str, Tuple[str, ...]] = {
    "path_step": ("action_answer_why_not", "action_recommend_path:path_step", "action_answer_exam_question",
                  "action_choose_exam:exam_choice", "action_answer_follow_up:held_counts"),
    "why_not": ("action_answer_why_not", "action_recommend_path:path_step", "action_choose_exam:exam_choice"),
    "what_if": ("action_answer_why_not",),
    "profile_change": ("action_recommend_path:recommendation", "profile_form", "action_recommend_path:unchanged",
                       "action_record_exam_result"),
    "exam_fact": ("action_answer_exam_question", "action_answer_follow_up:exam_family"),
    "policy": ("action_answer_exam_question", "action_answer_follow_up:held_counts"),
    "compare": ("action_compare_exams",),
    "study_time": ("action_make_study_plan", "action_answer_follow_up:deadline", "action_answer_follow_up:faster"),
    "explain": ("action_explain_recommendation",),
    "other_vendor": ("action_answer_follow_up:other_vendor",),
    "career": ("action_answer_follow_up:career",),
    "budget": ("action_advise_budget", "action_make_study_plan"),
    "start_over": ("action_start_over",),
}
NAMED_BY_KIND = {"action_recommend_path": "recommendation", "action_answer_follow_up": "career",
                 "action_choose_exam": "exam_choice"}
FALLBACKS = ("action_default_fallback", "action_two_stage_fallback", "utter_default", "utter_ask_rephrase",
             "utter_out_of_scope")
SKIP = ("action_listen", "action_unlikely_intent", "action_extract_slots", "validate_profile_form",
        "action_default_ask_affirmation")


def _answering_actions(events: List[Dict[str, Any]]) -> List[str]:
    """The actions after the last user message; the recommendation is named with the answer_kind it set."""
    last_user = max(i for i, e in enumerate(events) if e.get("event") == "user")
    names: List[str] = []
    for index, event in enumerate(events[last_user + 1:], start=last_user + 1):
        if event.get("event") != "action" or event.get("name") in SKIP:
            continue
        name = str(event.get("name"))
        if name in NAMED_BY_KIND:  # the actions that give several kinds of answer say which in `answer_kind`
            kind = next((e.get("value") for e in events[index + 1:] if e.get("event") == "slot"
                         and e.get("name") == "answer_kind"), NAMED_BY_KIND[name])
            name = f"{name}:{kind}"
        names.append(name)
    return names


def play(client: Client, case: Dict[str, Any]) -> Tuple[bool, List[str], Dict[str, Any], Optional[str]]:
    """One follow-up after a recommendation. Returns (right, actions, slots, problem)."""
    sender = f"followup-{case['id']}-{uuid.uuid4().hex[:6]}"
    profile = dict(case["profile"])
    client.send(sender, "/request_recommendation")
    for slot in FORM_ORDER:
        if slot not in profile:
            continue
        value = profile[slot]
        message = ", ".join(value) if slot == "certifications_held" and len(value) > 1 else payload(slot, value)
        client.send(sender, message)
    if not client.slots(sender).get("recommended_path") and client.slots(sender).get("requested_slot"):
        client.send(sender, payload("org_cloud_maturity", "early"))
    before = client.slots(sender)
    if before.get("recommended_path") is None:
        return False, [], before, "no recommendation before the follow-up"
    client.send(sender, case["ask"])
    events = client.session.get(f"{client.url}/conversations/{sender}/tracker", timeout=60).json()["events"]
    actions = _answering_actions(events)
    got = client.slots(sender)
    problems = []
    if not any(action in ANSWERED_BY[case["kind"]] for action in actions):
        problems.append("not the kind of answer asked for")
    if "action_recommend_path:recommendation" in actions and case["kind"] != "profile_change":
        problems.append("the whole path again")
    if any(action in FALLBACKS for action in actions):
        problems.append("a fallback")
    for slot, value in (case.get("expect_slots") or {}).items():
        if not same(value, got.get(slot)):
            problems.append(f"{slot} is {got.get(slot)!r}, expected {value!r}")
    return not problems, actions, got, "; ".join(problems) or None


def evaluate(rasa_url: str, workers: int = 3) -> Dict[str, Any]:
    """Play every case; the share answered with the right kind, per kind and overall."""
    cases = yaml.safe_load(CASES.read_text(encoding="utf-8"))["cases"]
    client = Client(rasa_url)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(lambda case: play(client, case), cases))
    per_kind: Dict[str, List[int]] = defaultdict(lambda: [0, 0])
    misses = []
    for case, (right, actions, _, problem) in zip(cases, results, strict=True):
        per_kind[case["kind"]][1] += 1
        per_kind[case["kind"]][0] += int(right)
        if not right:
            misses.append({"id": case["id"], "kind": case["kind"], "ask": case["ask"], "actions": actions,
                           "problem": problem})
    right_total = sum(r for r, _ in per_kind.values())
    return {"cases": len(cases), "overall": round(right_total / len(cases), 3),
            "kinds": {k: {"right": r, "total": t, "score": round(r / t, 3)} for k, (r, t) in sorted(per_kind.items())},
            "misses": misses}


def write_report(result: Dict[str, Any], gate: Optional[float]) -> None:
    """reports/followups_heldout.md and .json."""
    lines = ["# Follow-ups after a recommendation (held-out)", "",
             f"{result['cases']} follow-ups from `tests/conversation/heldout_followups.yml` through the REST channel; "
             f"right kind of answer overall: **{result['overall']:.3f}**" + (f" (gate {gate:.2f})." if gate else "."),
             ""]
    lines += table(["kind", "right", "total", "share"],
                   [[kind, c["right"], c["total"], f"{c['score']:.3f}"] for kind, c in result["kinds"].items()])
    lines += ["", f"## Misses ({len(result['misses'])})", ""]
    for miss in result["misses"]:
        lines.append(f"- `{miss['kind']}` \"{miss['ask']}\": {miss['problem']} (answered by {miss['actions']})")
    write_report_files(REPORT, result, lines)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rasa-url", default="http://127.0.0.1:5005")
    parser.add_argument("--gate", type=float, default=None)
    parser.add_argument("--workers", type=int, default=3)
    args = parser.parse_args(argv)
    result = evaluate(args.rasa_url, args.workers)
    write_report(result, args.gate)
    for kind, count in result["kinds"].items():
        print(f"{kind:16} {count['score']:.3f}")
    print(f"overall          {result['overall']:.3f}")
    return 1 if args.gate is not None and result["overall"] < args.gate else 0


if __name__ == "__main__":
    sys.exit(main())
