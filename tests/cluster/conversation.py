"""Conversations played through the cluster: REST turns from many users at once, and what their trackers hold."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional

import requests

# A whole profile to a recommendation (AZ-104 then AZ-305), then a follow-up: every turn calls an action.
ARCHITECT_TURNS = ["hi", "I've been a Windows sysadmin for 6 years", "not really, I can tweak PowerShell scripts",
                   "a cloud architect, within two years", "some", "none yet", "5 hours a week", "why?"]
# The load: 20 turns each, the profile, then the follow-ups people ask after a recommendation.
LOAD_TURNS = ARCHITECT_TURNS + ["why not AZ-204?", "should I do AZ-900 first?", "is AZ-104 all windows stuff?",
                                "what does the whole path cost?", "is it open book?", "how do I renew?",
                                "is there a cert for SAP?", "does my AWS cert count?", "sources?",
                                "compare AZ-104 and AZ-305", "thanks", "bye"]
REQUEST_TIMEOUT = 120  # seconds: a turn may wait for the lock of a conversation whose server was killed


@dataclass
class UserRun:
    """What one simulated user sent, and the HTTP status each message got (None: no answer at all)."""

    sender: str
    sent: List[str] = field(default_factory=list)
    statuses: List[Optional[int]] = field(default_factory=list)
    replies: List[List[dict]] = field(default_factory=list)
    failures: List[str] = field(default_factory=list)  # why a message got no answer

    def answered(self) -> List[str]:
        return [text for text, status in zip(self.sent, self.statuses, strict=True) if status == 200]

    def errors(self) -> List[str]:
        statuses = [f"{text!r}: HTTP {status}" for text, status in zip(self.sent, self.statuses, strict=True)
                    if status not in (200, None)]
        return statuses + self.failures


def say(base_url: str, sender: str, text: str, session: Optional[requests.Session] = None) -> requests.Response:
    return (session or requests).post(f"{base_url}/webhooks/rest/webhook", json={"sender": sender, "message": text},
                                      timeout=REQUEST_TIMEOUT)


def play(base_url: str, run: UserRun, turns: List[str], after_turn: Callable[[], None]) -> None:
    """Send the turns one after another, as a person does (the next one after the answer)."""
    with requests.Session() as session:
        for text in turns:
            run.sent.append(text)
            try:
                answer = say(base_url, run.sender, text, session)
                run.statuses.append(answer.status_code)
                run.replies.append(answer.json() if answer.status_code == 200 else [])
            except requests.RequestException as error:
                run.statuses.append(None)
                run.replies.append([])
                run.failures.append(f"{text!r}: {error!r}")
            after_turn()


def load(base_url: str, senders: List[str], turns: List[str],
         on_progress: Optional[Callable[[int], None]] = None) -> List[UserRun]:
    """Every sender plays `turns` at the same time (one thread each); `on_progress(total turns done)`."""
    runs = [UserRun(sender) for sender in senders]
    done = [0]
    lock = threading.Lock()

    def after_turn() -> None:
        with lock:
            done[0] += 1
            count = done[0]
        if on_progress:
            on_progress(count)

    threads = [threading.Thread(target=play, args=(base_url, run, turns, after_turn)) for run in runs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return runs


def user_texts(base_url: str, sender: str) -> List[str]:
    """The user messages in the conversation's tracker, in order (all events, reverted turns included)."""
    answer = requests.get(f"{base_url}/conversations/{sender}/tracker", timeout=30)
    answer.raise_for_status()
    return [event.get("text") for event in answer.json()["events"] if event["event"] == "user"]


def slots(base_url: str, sender: str) -> Dict[str, object]:
    answer = requests.get(f"{base_url}/conversations/{sender}/tracker", timeout=30)
    answer.raise_for_status()
    result: Dict[str, object] = answer.json()["slots"]
    return result


def is_subsequence(part: List[str], whole: List[str]) -> bool:
    remaining = iter(whole)
    return all(any(item == candidate for candidate in remaining) for item in part)


def wait_until(condition: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not happen within {seconds:.0f} s")
        time.sleep(0.25)


def healthy(url: str) -> bool:
    try:
        return requests.get(url, timeout=3).status_code == 200
    except requests.RequestException:
        return False


def backend_requests(stats_url: str, backend: str) -> Dict[str, int]:
    """Requests each server of an HAProxy back end has answered (`stot` in HAProxy's CSV statistics)."""
    rows = requests.get(f"{stats_url}/stats;csv", timeout=10).text.lstrip("# ").splitlines()
    header = rows[0].split(",")
    result = {}
    for row in rows[1:]:
        values = dict(zip(header, row.split(","), strict=False))
        if values.get("pxname") == backend and values.get("svname") not in ("FRONTEND", "BACKEND"):
            result[values["svname"]] = int(values.get("stot") or 0)
    return result
