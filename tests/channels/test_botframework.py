"""Microsoft Teams through the Bot Framework: activities posted to the running server's webhook with tokens
signed by local keys (published by a local OpenID metadata stand-in); the replies are captured by a local
stand-in Bot Connector at the activity's serviceUrl."""

from __future__ import annotations

import asyncio
import time
import uuid
from typing import Any, Dict, List, Optional

import pytest
import requests

from rasa_runtime.channels.botframework import AuthenticationError, BotFrameworkInput, validate_token
from scripts.servers import Servers, free_port
from tests.channels.conftest import APP_ID
from tests.channels.stand_ins import ISSUER, TOKEN, Recorded, SigningKey, StandIn

pytestmark = pytest.mark.e2e

CONVERSATION = [("hi", "What do you do"), ("I've been a Windows sysadmin for 6 years", "code"),
                ("not really, I can tweak PowerShell scripts", "become"),
                ("a cloud architect, within two years", "experience"), ("some", "certifications"),
                ("none yet", "hours")]


def service_url(stand_in: StandIn) -> str:
    return f"{stand_in.url}/connector/"


def claims(stand_in: StandIn, **overrides: Any) -> Dict[str, Any]:
    now = int(time.time())
    base = {"iss": ISSUER, "aud": APP_ID, "exp": now + 3600, "nbf": now - 60, "iat": now - 60,
            "serviceurl": service_url(stand_in)}
    base.update(overrides)
    return {k: v for k, v in base.items() if v is not None}


def token(stand_in: StandIn, key: Optional[SigningKey] = None, **overrides: Any) -> str:
    return (key or stand_in.key).sign(claims(stand_in, **overrides), kid=stand_in.key.kid)


def activity(stand_in: StandIn, user: str, conversation: str, text: str) -> Dict[str, Any]:
    return {"type": "message", "id": uuid.uuid4().hex, "channelId": "msteams", "serviceUrl": service_url(stand_in),
            "from": {"id": user, "name": "Test User"}, "conversation": {"id": conversation},
            "recipient": {"id": f"28:{APP_ID}", "name": "Azure certification path advisor"}, "text": text,
            "textFormat": "plain", "locale": "en-US"}


def webhook(servers: Servers) -> str:
    return f"{servers.rasa_url}/webhooks/botframework/webhook"


def replies_in(stand_in: StandIn, conversation: str) -> List[Recorded]:
    return stand_in.of(f"/connector/v3/conversations/{conversation}/activities")


def text_of(reply: Recorded) -> str:
    """Everything a person reads in a reply: its text and its cards' texts."""
    parts = [reply.body.get("text", "")]
    for attachment in reply.body.get("attachments", []):
        content = attachment.get("content", {})
        parts.append(content.get("text", ""))
        parts += [block.get("text", "") for block in content.get("body", []) if block.get("type") == "TextBlock"]
    return "\n".join(parts)


def send(servers: Servers, stand_in: StandIn, user: str, conversation: str, text: str,
         expect: str = "") -> List[Recorded]:
    before = len(replies_in(stand_in, conversation))
    answer = requests.post(webhook(servers), json=activity(stand_in, user, conversation, text),
                           headers={"Authorization": f"Bearer {token(stand_in)}"}, timeout=60)
    assert answer.status_code == 200, answer.text
    stand_in.wait_for(lambda _: any(expect in text_of(r) for r in replies_in(stand_in, conversation)[before:]))
    return replies_in(stand_in, conversation)[before:]


def test_the_server_started_with_teams_enabled_without_fetching_keys(servers: Servers, stand_in: StandIn) -> None:
    """Rasa is up with the Teams channel, and nothing asked for the signing keys yet (first in this module)."""
    assert requests.get(f"{servers.rasa_url}/webhooks/botframework/", timeout=10).json() == {"status": "ok"}
    assert stand_in.of("/bf/openid") == [] and stand_in.of("/bf/keys") == []


def test_conversation_to_a_recommendation_as_an_adaptive_card(servers: Servers, stand_in: StandIn) -> None:
    user, conversation = "29:architect", "a:conversation-architect"
    first = send(servers, stand_in, user, conversation, *CONVERSATION[0])
    hero = [a for r in first for a in r.body.get("attachments", [])
            if a["contentType"] == "application/vnd.microsoft.card.hero"]
    assert hero and all(b["type"] == "messageBack" and b["text"] for b in hero[0]["content"]["buttons"])
    for text, next_question in CONVERSATION[1:]:
        send(servers, stand_in, user, conversation, text, expect=next_question)
    replies = send(servers, stand_in, user, conversation, "5 hours a week", expect="start over")

    cards = [a["content"] for r in replies for a in r.body.get("attachments", [])
             if a["contentType"] == "application/vnd.microsoft.card.adaptive"]
    assert cards, "the recommendation comes as an Adaptive Card"
    card = cards[0]
    assert card["type"] == "AdaptiveCard" and card["body"][0]["text"] == "Your path: Azure Solutions Architect Expert"
    rows = [column["items"] for block in card["body"] if block["type"] == "ColumnSet"
            for column in block["columns"] if column["width"] == "stretch"]
    assert rows[0][0]["text"].startswith("**AZ-104** Microsoft Azure Administrator")
    assert "associate" in rows[0][0]["text"] and "weeks" in rows[0][0]["text"]
    assert rows[1][0]["text"].startswith("**AZ-305**") and "expert" in rows[1][0]["text"]
    assert any("Why:" in block.get("text", "") for block in card["body"]), "the reasons below the roadmap"
    heroes = [a["content"] for r in replies for a in r.body.get("attachments", [])
              if a["contentType"] == "application/vnd.microsoft.card.hero"]
    buttons = {b["title"]: (b["type"], b["text"]) for hero in heroes for b in hero["buttons"]}
    assert buttons["Why?"] == ("messageBack", "/explain_recommendation"), "follow-ups as card buttons"

    for reply in replies:
        assert reply.headers["Authorization"] == f"Bearer {TOKEN}"
        assert reply.body["recipient"]["id"] == user and reply.body["conversation"]["id"] == conversation
    token_requests = stand_in.of("/bf/token")
    assert token_requests and token_requests[-1].body["client_id"] == APP_ID
    assert servers.tracker(user)["slots"]["recommended_path"] == ["AZ-104", "AZ-305"]

    # A click on "Why?": Teams sends the button's text as the message (with its title shown in the chat).
    why = send(servers, stand_in, user, conversation, "/explain_recommendation", expect="source: https://")
    assert why


def test_a_redelivered_activity_is_answered_once(servers: Servers, stand_in: StandIn) -> None:
    user, conversation = "29:redelivery", "a:conversation-redelivery"
    message = activity(stand_in, user, conversation, "hi")
    headers = {"Authorization": f"Bearer {token(stand_in)}"}
    assert requests.post(webhook(servers), json=message, headers=headers, timeout=60).status_code == 200
    answered = len(replies_in(stand_in, conversation))
    assert answered > 0
    assert requests.post(webhook(servers), json=message, headers=headers, timeout=60).status_code == 200
    send(servers, stand_in, user, conversation, "I'm a developer")  # a new activity is answered
    texts = [e.get("text") for e in servers.tracker(user)["events"] if e["event"] == "user"]
    assert texts == ["hi", "I'm a developer"]


def forged_token(stand_in: StandIn, case: str) -> Optional[str]:
    other_key = SigningKey(kid=stand_in.key.kid)
    now = int(time.time())
    return {
        "no token": None,
        "wrong signature": token(stand_in, key=other_key),
        "wrong audience": token(stand_in, aud="someone-elses-bot"),
        "wrong issuer": token(stand_in, iss="https://sts.example.invalid/"),
        "no issuer": token(stand_in, iss=None),
        "expired": token(stand_in, exp=now - 3600, nbf=now - 7200, iat=now - 7200),
        "not yet valid": token(stand_in, nbf=now + 3600),
        "other serviceUrl": token(stand_in, serviceurl="https://evil.example.invalid/"),
        "unknown key": SigningKey().sign(claims(stand_in)),
        "not a token": "not.a.token",
    }[case]


@pytest.mark.parametrize("case", ["no token", "wrong signature", "wrong audience", "wrong issuer", "no issuer",
                                  "expired", "not yet valid", "other serviceUrl", "unknown key", "not a token"])
def test_requests_without_a_valid_token_are_refused(servers: Servers, stand_in: StandIn, case: str) -> None:
    conversation = f"a:forged-{uuid.uuid4().hex[:8]}"
    value = forged_token(stand_in, case)
    headers = {"Authorization": f"Bearer {value}"} if value else {}
    answer = requests.post(webhook(servers), json=activity(stand_in, "29:forger", conversation, "hi"),
                           headers=headers, timeout=60)
    assert answer.status_code == 401
    assert replies_in(stand_in, conversation) == []


def test_the_channel_starts_without_reaching_microsoft_and_refuses_when_keys_are_unreachable() -> None:
    unreachable = f"http://127.0.0.1:{free_port()}/openid"  # nothing listens there
    channel = BotFrameworkInput.from_credentials({"app_id": APP_ID, "app_password": "x",
                                                  "openid_metadata_url": unreachable})
    assert isinstance(channel, BotFrameworkInput)
    with pytest.raises(AuthenticationError, match="signing keys unavailable"):
        signed = SigningKey().sign({"iss": ISSUER, "aud": APP_ID, "exp": int(time.time()) + 600})
        asyncio.run(validate_token(f"Bearer {signed}", channel.keys, APP_ID, "https://smba.example/"))
    with pytest.raises(AuthenticationError, match="malformed"):
        asyncio.run(validate_token("Bearer x", channel.keys, APP_ID, "https://smba.example/"))
