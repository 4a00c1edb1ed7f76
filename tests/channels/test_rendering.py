"""The rendering layer without servers: every channel's form of the same replies, and the channels file."""

from __future__ import annotations

import base64
import dataclasses
import xml.etree.ElementTree as ElementTree
from typing import Any, Dict, List

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.channel_output import send
from advisor.profile import Profile
from advisor.recommendation import Recommendation
from advisor.rules import recommend
from knowledge.catalog import Catalog
from presentation.channel_formats import render
from presentation.reply import Button, Reply, Table
from presentation.roadmap import roadmap, roadmap_svg
from presentation.slack_blocks import SLACK_SECTION_LIMIT, slack_text_blocks
from scripts import write_credentials

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture()
def rec(catalog: Catalog, today: Any) -> Recommendation:
    profile = Profile(current_role="administrator", target_role="architect", coding_comfort="low",
                      azure_experience="none", weekly_hours=5.0)
    return recommend(profile, catalog, today)


def reply_with(rec: Recommendation) -> Reply:
    return Reply("Your path:\n1. AZ-900 ...\n\nWhy: because", (Button("Why?", "/explain_recommendation"),), roadmap=rec)


def test_the_roadmap_svg_is_drawn_from_the_recommendation(rec: Recommendation) -> None:
    svg = ElementTree.fromstring(roadmap_svg(rec))  # well-formed XML
    steps = svg.findall(f"{SVG}g[@class='step']")
    assert [g.get("data-code") for g in steps] == rec.path
    for number, (group, step) in enumerate(zip(steps, rec.steps, strict=True), start=1):
        texts = [t.text for t in group.iter(f"{SVG}text")]
        assert str(number) in texts and step.code in texts and step.exam.title in texts
        assert any(step.exam.level in (t or "") for t in texts)
        assert any(f"{step.weeks[0]}–{step.weeks[1]} weeks" in (t or "") for t in texts)  # type: ignore[index]
    assert "optional" in ElementTree.tostring(steps[0], encoding="unicode"), "AZ-900 is marked optional"


def test_text_in_the_svg_is_escaped(rec: Recommendation) -> None:
    hostile = dataclasses.replace(rec.steps[0].exam, title='<script>alert(1)</script> & "x"')
    rec.steps[0] = dataclasses.replace(rec.steps[0], exam=hostile)
    svg = roadmap_svg(rec)
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    ElementTree.fromstring(svg)


def test_widget_gets_the_picture_then_text_and_quick_replies(rec: Recommendation) -> None:
    image, text = render("socketio", reply_with(rec))
    assert image["image"].startswith("data:image/svg+xml;base64,")
    assert "AZ-104" in base64.b64decode(image["image"].split(",", 1)[1]).decode()
    assert text["text"].startswith("Your path:  \n1. AZ-900"), "line breaks kept in markdown"
    assert text["buttons"] == [{"title": "Why?", "payload": "/explain_recommendation"}]
    table = render("socketio", Reply("Compared:", table=Table(("", "AZ-104"), (("Level", "associate"),))))
    assert "| Level | associate |" in table[0]["text"]


def test_slack_gets_blocks_with_buttons_and_escaped_text(rec: Recommendation) -> None:
    (message,) = render("slack", reply_with(rec))
    body = message["json_message"]
    kinds = [b["type"] for b in body["blocks"]]
    assert kinds[0] == "header" and kinds[-1] == "actions"
    assert body["blocks"][-1]["elements"][0]["value"] == "/explain_recommendation"
    (plain,) = render("slack", Reply("a <b> & c"))
    assert plain["json_message"]["blocks"][0]["text"]["text"] == "a &lt;b&gt; &amp; c"
    many = render("slack", Reply("\n\n".join(f"paragraph {n}" for n in range(80)), (Button("Why?", "/why"),)))
    blocks = many[0]["json_message"]["blocks"]
    assert len(blocks) == 50 and blocks[-1]["type"] == "actions", "Slack's 50-block limit keeps the buttons"
    long = "\n".join("x" * 100 for _ in range(100))
    assert all(len(b["text"]["text"]) <= SLACK_SECTION_LIMIT for b in slack_text_blocks(long))
    assert sum(len(b["text"]["text"]) for b in slack_text_blocks(long)) >= 100 * 100


def test_teams_gets_an_adaptive_card_for_the_roadmap_and_hero_cards_for_buttons(rec: Recommendation) -> None:
    (message,) = render("botframework", reply_with(rec))
    card = message["json_message"]["attachments"][0]
    assert card["contentType"] == "application/vnd.microsoft.card.adaptive"
    assert card["content"]["actions"][0]["data"]["msteams"] == {
        "type": "messageBack", "displayText": "Why?", "text": "/explain_recommendation"}
    (hero,) = render("botframework", Reply("Pick one", (Button("A", "/a"),)))
    assert hero["json_message"]["attachments"][0]["content"]["buttons"] == [
        {"type": "messageBack", "title": "A", "displayText": "A", "text": "/a"}]
    assert render("botframework", Reply("Just text")) == [{"text": "Just text"}]


@pytest.mark.parametrize("channel", ["rest", "cmdline", None])
def test_other_channels_get_plain_text_and_buttons(rec: Recommendation, channel: Any) -> None:
    (message,) = render(channel, reply_with(rec))
    assert message["text"].startswith("Your path: Azure Solutions Architect Expert (as of 2026-11-22 · at 5 h/week)\n"
                                      "1. AZ-900 Microsoft Azure Fundamentals (optional): fundamentals · ≈ "), \
        "the roadmap as numbered lines first"
    assert message["text"].endswith("\n\nYour path:\n1. AZ-900 ...\n\nWhy: because"), "then the reply's text"
    assert message["buttons"] == [{"title": "Why?", "payload": "/explain_recommendation"}]


def test_send_uses_the_latest_input_channel(rec: Recommendation) -> None:
    events: List[Dict[str, Any]] = [{"event": "user", "text": "hi", "input_channel": "socketio", "parse_data": {}}]
    tracker = Tracker("u", {}, {}, events, False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    send(dispatcher, tracker, [reply_with(rec)])
    assert dispatcher.messages[0]["image"].startswith("data:image/svg+xml")
    assert roadmap(rec).steps[1].code == "AZ-104"


def test_the_channels_file_enables_slack_and_teams_only_when_configured(tmp_path: Any) -> None:
    base = write_credentials.credentials_text({})
    assert "rest:" in base and "socketio:" in base and "slack" not in base.lower().split("socketio")[1]
    only_token = write_credentials.credentials_text({"SLACK_TOKEN": "xoxb-secret"})
    assert write_credentials.SLACK_CHANNEL_CLASS not in only_token
    both = {"SLACK_TOKEN": "xoxb-secret", "SLACK_SIGNING_SECRET": "s3cret", "MICROSOFT_APP_ID": "id",
            "MICROSOFT_APP_PASSWORD": "pw-secret"}
    text = write_credentials.credentials_text(both)
    assert write_credentials.SLACK_CHANNEL_CLASS in text and write_credentials.TEAMS_CHANNEL_CLASS in text
    assert "slack_token: ${SLACK_TOKEN}" in text and "app_password: ${MICROSOFT_APP_PASSWORD}" in text
    assert "xoxb-secret" not in text and "pw-secret" not in text and "s3cret" not in text, "secrets stay in env"


def test_a_single_tenant_bot_gets_its_token_from_its_tenant() -> None:
    from rasa_runtime.channels.botframework import TOKEN_URL, BotFrameworkInput

    tenant = BotFrameworkInput.from_credentials({"app_id": "a", "app_password": "p", "app_tenant_id": "contoso-id"})
    assert isinstance(tenant, BotFrameworkInput)
    assert tenant.token_url == "https://login.microsoftonline.com/contoso-id/oauth2/v2.0/token"
    legacy = BotFrameworkInput.from_credentials({"app_id": "a", "app_password": "p"})
    assert isinstance(legacy, BotFrameworkInput) and legacy.token_url == TOKEN_URL


def test_the_runtime_puts_the_fixed_channels_under_the_built_in_names() -> None:
    from rasa.core.channels import BUILTIN_CHANNELS

    from rasa_runtime.channels import apply
    from rasa_runtime.channels.botframework import BotFrameworkInput
    from rasa_runtime.channels.slack import SlackInput

    apply()
    assert BUILTIN_CHANNELS["slack"] is SlackInput and BUILTIN_CHANNELS["botframework"] is BotFrameworkInput
