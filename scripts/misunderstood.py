"""What real conversations show the advisor did not understand, read from the tracker store.

`python -m scripts.misunderstood [--url URL] [--days N] [--out FILE]` reads Rasa's `events` table (the SQL
tracker store: `TRACKER_DATABASE_URL`, PostgreSQL under `make cluster`, or `tracker.db` of `make run`) and
reports, for the people who run the advisor:

- the questions asked again: a profile question (`requested_slot`) still asked after the person answered it,
  and the answers that did not fill it, most frequent first;
- the messages that went to the fallback (NLU fallback, the two-stage fallback, the core fallback);
- the turns lost to an action-server fault (the apology of `rasa_runtime.faults`).

It only reads; it never changes a conversation.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Tuple

from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parent.parent
FALLBACK_INTENTS = {"nlu_fallback"}
FALLBACK_ACTIONS = {"action_default_fallback", "action_two_stage_fallback", "action_default_ask_affirmation",
                    "action_default_ask_rephrase"}


@dataclass
class Turn:
    """One user message and what followed it until the next one."""

    sender: str
    text: str
    intent: Optional[str]
    asked_before: Optional[str]
    asked_after: Optional[str] = None
    actions: List[str] = field(default_factory=list)
    fault: bool = False
    reasked: bool = False  # the form asked the pending question again during this turn

    def asked_again(self) -> bool:
        """The question pending when the person answered was asked again, and is still the one pending."""
        return (self.asked_before is not None and self.reasked and self.asked_after == self.asked_before
                and not self.fault)

    def went_to_fallback(self) -> bool:
        return not self.fault and (self.intent in FALLBACK_INTENTS or bool(FALLBACK_ACTIONS & set(self.actions)))


@dataclass
class Report:
    source: str
    conversations: int = 0
    turns: List[Turn] = field(default_factory=list)

    def asked_again(self) -> List[Turn]:
        return [turn for turn in self.turns if turn.asked_again()]

    def fallbacks(self) -> List[Turn]:
        return [turn for turn in self.turns if turn.went_to_fallback()]

    def faults(self) -> List[Turn]:
        return [turn for turn in self.turns if turn.fault]


def default_url() -> str:
    return os.environ.get("TRACKER_DATABASE_URL") or f"sqlite:///{ROOT / 'tracker.db'}"


def read_events(url: str, since: Optional[float] = None) -> Iterable[Tuple[str, Dict[str, Any]]]:
    """(sender, event) in the order they were stored."""
    engine = create_engine(url)
    query = "SELECT sender_id, data FROM events"
    params: Dict[str, Any] = {}
    if since is not None:
        query += " WHERE timestamp >= :since"
        params["since"] = since
    try:
        with engine.connect() as connection:
            for sender, data in connection.execute(text(query + " ORDER BY id"), params):
                yield sender, json.loads(data)
    finally:
        engine.dispose()


def turns_of(events: Iterable[Tuple[str, Dict[str, Any]]]) -> Tuple[List[Turn], int]:
    """The user turns of every conversation, and how many conversations there were."""
    asked: Dict[str, Optional[str]] = defaultdict(lambda: None)
    open_turn: Dict[str, Turn] = {}
    turns: List[Turn] = []
    senders = set()
    for sender, event in events:
        senders.add(sender)
        kind = event.get("event")
        if kind == "user":
            turn = Turn(sender, event.get("text") or "", (event.get("parse_data") or {}).get("intent", {}).get("name"),
                        asked[sender], asked[sender])
            open_turn[sender] = turn
            turns.append(turn)
            continue
        if kind == "slot" and event.get("name") == "requested_slot":
            asked[sender] = event.get("value")
        elif kind in ("restart", "session_started"):
            asked[sender] = None
        turn_now = open_turn.get(sender)
        if turn_now is None:
            continue
        if kind == "slot" and event.get("name") == "requested_slot" and event.get("value") == turn_now.asked_before:
            turn_now.reasked = True
        if kind == "action" and event.get("name"):
            turn_now.actions.append(event["name"])
        elif kind == "bot" and (event.get("metadata") or {}).get("advisor_fault"):
            turn_now.fault = True
        elif kind == "rewind" and turn_now.fault:
            asked[sender] = turn_now.asked_before  # the failed turn was undone
        turn_now.asked_after = asked[sender]
    return turns, len(senders)


def build_report(url: str, days: Optional[float] = None) -> Report:
    since = time.time() - days * 86400 if days else None
    turns, conversations = turns_of(read_events(url, since))
    return Report(_safe(url), conversations, turns)


def _safe(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def _cell(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ").strip() or "(empty)"


def render(report: Report, top: int = 30) -> str:
    """The report as Markdown."""
    lines = ["# What the advisor did not understand", "",
             f"Read from `{report.source}`: {report.conversations} conversations, {len(report.turns)} messages.", ""]
    again = report.asked_again()
    by_question = Counter(turn.asked_before or "" for turn in again)
    lines += ["## Questions asked again", ""]
    if again:
        conversations = defaultdict(set)
        for turn in again:
            conversations[turn.asked_before].add(turn.sender)
        lines += ["| question (slot) | asked again | in conversations |", "|---|---|---|"]
        lines += [f"| {slot} | {count} | {len(conversations[slot])} |" for slot, count in by_question.most_common()]
        lines += ["", "### Answers that did not fill the question", "", "| question (slot) | answer | times |",
                  "|---|---|---|"]
        answers = Counter((turn.asked_before or "", turn.text) for turn in again)
        lines += [f"| {slot} | {_cell(answer)} | {count} |" for (slot, answer), count in answers.most_common(top)]
    else:
        lines.append("None.")
    fallbacks = report.fallbacks()
    lines += ["", "## Messages that went to the fallback", ""]
    if fallbacks:
        lines += ["| message | intent | times |", "|---|---|---|"]
        counted = Counter((turn.text, turn.intent or "") for turn in fallbacks)
        lines += [f"| {_cell(message)} | {intent} | {count} |" for (message, intent), count in counted.most_common(top)]
    else:
        lines.append("None.")
    faults = report.faults()
    lines += ["", "## Turns lost to an action-server fault", "",
              f"{len(faults)} messages in {len({turn.sender for turn in faults})} conversations got the apology "
              "(the person was asked to try again)." if faults else "None.", ""]
    return "\n".join(lines)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=None, help="the tracker store (SQLAlchemy URL); default "
                        "TRACKER_DATABASE_URL, else tracker.db of `make run`")
    parser.add_argument("--days", type=float, default=None, help="only the last N days")
    parser.add_argument("--top", type=int, default=30, help="rows per table")
    parser.add_argument("--out", type=Path, default=None, help="write the report here instead of printing it")
    args = parser.parse_args(argv)
    url = args.url or default_url()
    try:
        report = build_report(url, args.days)
    except Exception as error:  # noqa: BLE001 (any driver error: say which store could not be read)
        print(f"error: could not read the tracker store at {_safe(url)}: {error}", file=sys.stderr)
        return 1
    output = render(report, args.top)
    if args.out:
        args.out.write_text(output, encoding="utf-8")
        print(f"Wrote {args.out}")
    else:
        print(output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
