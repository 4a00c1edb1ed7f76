"""Slack: signed Events API payloads and button clicks sent to the running server; what the assistant posts
back is captured by the local stand-in for Slack's Web API."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import uuid
from typing import Any, Dict, List, Optional
from urllib.parse import urlencode

import pytest
import requests

from scripts.servers import Servers
from tests.channels.conftest import SLACK_SIGNING_SECRET, wait_for_slots
from tests.channels.stand_ins import Recorded, StandIn

pytestmark = pytest.mark.e2e

POST_MESSAGE = "/slack/api/chat.postMessage"
# What the user says, and a word of the question that follows (the whole answer has arrived).
ARCHITECT_CONVERSATION = [("hi", "What do you do"), ("I've been a Windows sysadmin for 6 years", "code"),
                          ("not really, I can tweak PowerShell scripts", "become"),
                          ("a cloud architect, within two years", "experience"), ("some", "certifications"),
                          ("none yet", "hours")]


def signed_headers(body: bytes, timestamp: Optional[int] = None, secret: str = SLACK_SIGNING_SECRET,
                   content_type: str = "application/json") -> Dict[str, str]:
    """Headers as Slack sends them: `v0=` HMAC-SHA256 of `v0:{timestamp}:{body}` with the signing secret."""
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{stamp}:".encode() + body, hashlib.sha256).hexdigest()
    return {"Content-Type": content_type, "X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": f"v0={digest}"}


def message_event(user: str, channel: str, text: str, event_id: Optional[str] = None) -> bytes:
    """An Events API `message.im` callback."""
    return json.dumps({
        "token": "unused", "team_id": "T0TEST", "api_app_id": "A0TEST", "type": "event_callback",
        "event_id": event_id or f"Ev{uuid.uuid4().hex[:10]}", "event_time": int(time.time()),
        "authorizations": [{"user_id": "U0ADVISOR", "is_bot": True}],
        "event": {"type": "message", "channel_type": "im", "channel": channel, "user": user, "text": text,
                  "ts": f"{time.time():.6f}", "client_msg_id": str(uuid.uuid4())},
    }).encode()


def webhook(servers: Servers) -> str:
    return f"{servers.rasa_url}/webhooks/slack/webhook"


def posts_to(stand_in: StandIn, channel: str) -> List[Recorded]:
    return [r for r in stand_in.of(POST_MESSAGE) if isinstance(r.body, dict) and r.body.get("channel") == channel]


def send(servers: Servers, stand_in: StandIn, user: str, channel: str, text: str, expect: str = "") -> List[Recorded]:
    """Send a signed DM; wait for the replies that answer it (one containing `expect`, when given)."""
    before = len(posts_to(stand_in, channel))
    body = message_event(user, channel, text)
    answer = requests.post(webhook(servers), data=body, headers=signed_headers(body), timeout=30)
    assert answer.status_code == 200, answer.text

    def answered(_: List[Recorded]) -> bool:
        new = posts_to(stand_in, channel)[before:]
        return bool(new) and (not expect or any(expect in r.body.get("text", "") for r in new))

    stand_in.wait_for(answered)
    return posts_to(stand_in, channel)[before:]


def user_texts(servers: Servers, sender: str, last: str) -> List[str]:
    """What the conversation holds from the user, once the turn for `last` is saved (replies go out before)."""
    deadline = time.monotonic() + 60
    while True:
        events = servers.tracker(sender)["events"]
        texts = [e.get("text") for e in events if e["event"] == "user"]
        if (texts and texts[-1] == last and events[-1].get("name") == "action_listen") or time.monotonic() > deadline:
            return texts
        time.sleep(0.2)


def blocks_of(posts: List[Recorded]) -> List[Dict[str, Any]]:
    return [block for post in posts for block in post.body.get("blocks", [])]


def test_conversation_to_a_recommendation_with_blocks_and_a_button_click(servers: Servers, stand_in: StandIn) -> None:
    user, channel = "U0ARCHITECT", "D0ARCHITECT"
    for text, next_question in ARCHITECT_CONVERSATION:
        send(servers, stand_in, user, channel, text, expect=next_question)
    posts = send(servers, stand_in, user, channel, "5 hours a week", expect="start over")
    assert all(post.headers.get("Authorization") == "Bearer xoxb-stand-in" for post in posts)
    assert not any("as_user" in post.body for post in posts), "no legacy parameter for new Slack apps"

    blocks = blocks_of(posts)
    header = next(b for b in blocks if b["type"] == "header")
    assert header["text"]["text"] == "Your path: Azure Solutions Architect Expert"
    steps = [b["text"]["text"] for b in blocks if b["type"] == "section" and b["text"]["text"].startswith("*")]
    assert steps[0].startswith("*1. AZ-104*") and "associate" in steps[0] and "weeks" in steps[0]
    assert steps[1].startswith("*2. AZ-305*") and "expert" in steps[1]
    reasons = " ".join(b["text"]["text"] for b in blocks if b["type"] == "section")
    assert "Why:" in reasons, "the reasons follow the roadmap"
    actions = [b for b in blocks if b["type"] == "actions"]
    buttons = {e["text"]["text"]: e["value"] for a in actions for e in a["elements"]}
    assert buttons["Why?"] == "/explain_recommendation" and buttons["Start over"] == "/start_over"
    assert all(buttons.values())
    slots = wait_for_slots(servers, user, lambda slots: slots["recommended_path"] is not None)
    assert slots["recommended_path"] == ["AZ-104", "AZ-305"]

    # The "Why?" button: Slack posts the click as a form-encoded, signed interaction payload.
    before = len(posts_to(stand_in, channel))
    click = {"type": "block_actions", "trigger_id": f"trig-{uuid.uuid4().hex}", "user": {"id": user},
             "channel": {"id": channel}, "message": {"ts": "1.000"},
             "actions": [{"type": "button", "action_id": "advisor_button_0", "value": "/explain_recommendation",
                          "action_ts": f"{time.time():.6f}"}]}
    body = urlencode({"payload": json.dumps(click)}).encode()
    headers = signed_headers(body, content_type="application/x-www-form-urlencoded")
    assert requests.post(webhook(servers), data=body, headers=headers, timeout=30).status_code == 200
    stand_in.wait_for(lambda _: any("source: https://" in r.body.get("text", "")
                                    for r in posts_to(stand_in, channel)[before:]))


def test_questions_offer_their_choices_as_slack_buttons(servers: Servers, stand_in: StandIn) -> None:
    posts = send(servers, stand_in, "U0BUTTONS", "D0BUTTONS", "hi", expect="What do you do today")
    actions = [b for b in blocks_of(posts) if b["type"] == "actions"]
    assert actions and len(actions[0]["elements"]) >= 2
    assert all(e["type"] == "button" and e["value"] for e in actions[0]["elements"])


@pytest.mark.parametrize("case", ["wrong secret", "no signature", "stale timestamp", "body changed"])
def test_badly_signed_requests_are_refused(servers: Servers, stand_in: StandIn, case: str) -> None:
    user, channel = f"U0FORGED{abs(hash(case)) % 10_000}", f"D0FORGED{abs(hash(case)) % 10_000}"
    body = message_event(user, channel, "I'm a developer")
    headers = {
        "wrong secret": signed_headers(body, secret="not-the-secret"),
        "no signature": {"Content-Type": "application/json", "X-Slack-Request-Timestamp": str(int(time.time()))},
        "stale timestamp": signed_headers(body, timestamp=int(time.time()) - 6 * 60),
        "body changed": signed_headers(message_event(user, channel, "hello")),
    }[case]
    answer = requests.post(webhook(servers), data=body, headers=headers, timeout=30)
    assert answer.status_code == 400
    # A correctly signed message from the same user afterwards is the only one the assistant ever saw.
    send(servers, stand_in, user, channel, "hi")
    assert user_texts(servers, user, last="hi") == ["hi"]


def test_retries_of_a_delivered_event_are_not_answered_twice(servers: Servers, stand_in: StandIn) -> None:
    user, channel = "U0RETRY", "D0RETRY"
    body = message_event(user, channel, "hi", event_id="Ev0RETRY0001")
    assert requests.post(webhook(servers), data=body, headers=signed_headers(body), timeout=30).status_code == 200
    stand_in.wait_for(lambda _: bool(posts_to(stand_in, channel)))
    for number, reason in ((1, "http_error"), (2, "http_timeout"), (3, "connection_failed")):
        headers = {**signed_headers(body), "X-Slack-Retry-Num": str(number), "X-Slack-Retry-Reason": reason}
        answer = requests.post(webhook(servers), data=body, headers=headers, timeout=30)
        assert answer.status_code == 200
    send(servers, stand_in, user, channel, "I'm a developer")
    assert user_texts(servers, user, last="I'm a developer") == ["hi", "I'm a developer"], "each event answered once"


def test_url_verification_challenge(servers: Servers) -> None:
    body = json.dumps({"token": "unused", "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
                       "type": "url_verification"}).encode()
    answer = requests.post(webhook(servers), data=body, headers=signed_headers(body), timeout=30)
    assert answer.status_code == 200 and "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" in answer.text
