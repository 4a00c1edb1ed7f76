"""A recommendation fits one phone screen: at most 15 lines and 1,500 characters of text in Slack and Teams.

The budget counts what a person reads (header, step rows, text lines; buttons apart), over a set of
profiles that covers every track, new and experienced people, retired-exam heads-ups and people outside IT.
Also: "what to do next" is about step 1, and "Also worth knowing" names no job-specific exam to people who
do not do that job.
"""

from __future__ import annotations

from typing import Any, Dict

import pytest

from advisor.profile import Profile
from advisor.rules import recommend
from knowledge.catalog import Catalog
from presentation.channel_formats import render
from presentation.preview import button_titles, visible_lines
from presentation.recommendation_text import recommendation_replies

MAX_LINES = 15
MAX_CHARS = 1500

PROFILES: Dict[str, Profile] = {
    "sysadmin to architect, new to Azure": Profile(current_role="administrator", target_role="architect",
                                                   coding_comfort="low", azure_experience="none", weekly_hours=5.0),
    "C# developer": Profile(current_role="developer", target_role="developer", coding_comfort="high",
                            azure_experience="some", weekly_hours=8.0),
    "DBA staying a DBA": Profile(current_role="database_administrator", target_role="database_administrator",
                                 coding_comfort="medium", azure_experience="some", weekly_hours=6.0),
    "nurse, undecided": Profile(current_role="other", target_role="undecided", coding_comfort="low",
                                azure_experience="none", weekly_hours=3.0),
    "manager": Profile(current_role="manager", coding_comfort="low", azure_experience="none", weekly_hours=4.0),
    "helpdesk": Profile(current_role="support", target_role="undecided", coding_comfort="low",
                        azure_experience="some", weekly_hours=6.0),
    "student to AI engineer": Profile(current_role="student", target_role="ai_engineer", coding_comfort="medium",
                                      azure_experience="none", weekly_hours=10.0),
    "security engineer": Profile(current_role="security_engineer", target_role="security_engineer",
                                 coding_comfort="medium", azure_experience="extensive", weekly_hours=5.0),
    "devops with AZ-104": Profile(current_role="devops_engineer", target_role="devops_engineer",
                                  coding_comfort="high", azure_experience="extensive", weekly_hours=6.0,
                                  certifications_held=("AZ-104",)),
    "data engineer": Profile(current_role="data_analyst", target_role="data_engineer", coding_comfort="medium",
                             azure_experience="some", weekly_hours=7.0),
    "network engineer, no hours given": Profile(current_role="network_engineer", target_role="network_engineer",
                                                coding_comfort="low", azure_experience="some"),
    "held everything": Profile(current_role="administrator", target_role="administrator", coding_comfort="low",
                               azure_experience="extensive", weekly_hours=5.0, certifications_held=("AZ-104",)),
}


@pytest.mark.parametrize("channel", ["slack", "botframework"])
@pytest.mark.parametrize("name", PROFILES)
def test_a_recommendation_fits_one_phone_screen(catalog: Catalog, today: Any, channel: str, name: str) -> None:
    replies = recommendation_replies(recommend(PROFILES[name], catalog, today))
    lines = visible_lines(channel, [m for reply in replies for m in render(channel, reply)])
    text = "\n".join(lines)
    assert len(lines) <= MAX_LINES and len(text) <= MAX_CHARS, f"{len(lines)} lines, {len(text)} chars:\n{text}"


def test_the_budget_counts_what_people_read() -> None:
    slack = [{"json_message": {"blocks": [
        {"type": "header", "text": {"type": "plain_text", "text": "Your path"}},
        {"type": "section", "text": {"type": "mrkdwn", "text": "one\ntwo"}},
        {"type": "actions", "elements": []}]}}]
    assert visible_lines("slack", slack) == ["Your path", "one", "two"]
    teams = [{"json_message": {"attachments": [{"content": {"body": [
        {"type": "TextBlock", "text": "Your path"},
        {"type": "ColumnSet", "columns": [{"items": [{"type": "TextBlock", "text": "1"}]},
                                          {"items": [{"type": "TextBlock", "text": "AZ-104"},
                                                     {"type": "TextBlock", "text": "associate"}]}]}]}}]}},
             {"text": "plain"}]
    assert visible_lines("botframework", teams) == ["Your path", "1 AZ-104", " associate", "plain"]
    assert visible_lines("rest", [{"image": "data:", "text": "a\n\nb"}]) == ["[picture: the roadmap]", "a", "b"]
    hero = [{"json_message": {"attachments": [{"content": {"text": "t", "buttons": [{"title": "Why?"}]}}]}},
            {"text": "x", "buttons": [{"title": "Start over", "payload": "/start_over"}]}]
    assert button_titles(hero) == ["Why?", "Start over"]


@pytest.mark.parametrize("name", PROFILES)
def test_what_to_do_next_is_about_step_one(catalog: Catalog, today: Any, name: str) -> None:
    rec = recommend(PROFILES[name], catalog, today)
    text = "\n".join(reply.text for reply in recommendation_replies(rec))
    if rec.steps:
        (next_line,) = [line for line in text.split("\n") if line.startswith("Next:")]
        assert next_line.startswith(f"Next: open the {rec.steps[0].code} page")
        assert rec.steps[0].exam.learn_url in next_line
        assert not any(step.code in next_line for step in rec.steps[1:])


@pytest.mark.parametrize("name", ["nurse, undecided", "manager", "helpdesk"])
def test_no_windows_server_or_virtual_desktop_for_people_who_do_not_run_them(catalog: Catalog, today: Any,
                                                                              name: str) -> None:
    text = "\n".join(reply.text for reply in recommendation_replies(recommend(PROFILES[name], catalog, today)))
    assert "AZ-802" not in text and "AZ-140" not in text and "Windows Server" not in text


def test_an_administrator_still_hears_of_windows_server(catalog: Catalog, today: Any) -> None:
    profile = Profile(current_role="administrator", target_role="administrator", coding_comfort="low",
                      azure_experience="some", weekly_hours=5.0)
    text = "\n".join(reply.text for reply in recommendation_replies(recommend(profile, catalog, today)))
    assert "Also worth knowing: AZ-802, if you mostly run Windows Server" in text
