"""Questions answered from the knowledge base, over REST against the real servers: outside the form,
in the middle of it (the form then asks its question again), and after a recommendation."""

from __future__ import annotations

from typing import Iterator

import pytest

from scripts.servers import Servers
from tests.conftest import TODAY
from tests.e2e.helpers import module_servers, slots, texts

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def servers(tmp_path_factory) -> Iterator[Servers]:
    yield from module_servers(tmp_path_factory.mktemp("e2e-questions"))


def test_exam_facts_rules_and_unknown_codes(servers, catalog):
    user = "q-facts"
    answer = texts(servers.say(user, "what's the passing score for az104?"))
    policy = catalog.policy("passing_score")
    assert catalog.exam("AZ-104").label in answer and str(policy.values["score"]) in answer
    assert policy.source.url in answer
    assert slots(servers, user)["exam_in_focus"] == "AZ-104"

    skills = texts(servers.say(user, "and what's on it?"))
    assert all(domain.name in skills for domain in catalog.exam("AZ-104").skills.domains)

    retired = texts(servers.say(user, "is AZ-204 still available?"))
    assert "retired" in retired and catalog.current_successor("AZ-204", TODAY).label in retired

    unknown = texts(servers.say(user, "tell me about AZ-999"))
    assert "I don't know an exam called AZ-999" in unknown

    renewal = texts(servers.say(user, "how do I renew a certification?"))
    assert catalog.policy("renewal").source.url in renewal
    assert slots(servers, user)["current_role"] is None, "questions state no profile facts"


def test_questions_in_the_middle_of_the_form_then_it_resumes(servers, catalog):
    user = "q-mid-form"
    servers.say(user, "hi")
    servers.say(user, "I'm a sysadmin, I tweak PowerShell scripts, and I want to become an architect")
    state = slots(servers, user)
    asked = state["requested_slot"]
    assert asked == "azure_experience"

    replies = servers.say(user, "compare AZ-104 and AZ-305")
    answer = texts(replies)
    assert "AZ-104" in answer and "AZ-305" in answer and "Sources:" in answer
    assert slots(servers, user)["requested_slot"] == asked, "the form asks its question again"
    assert "Azure experience" in replies[-1]["text"] or replies[-1].get("buttons")

    dumps = texts(servers.say(user, "where can I get AZ-104 dumps?"))
    assert catalog.policy("exam_security").source.url in dumps
    assert slots(servers, user)["requested_slot"] == asked

    coding = texts(servers.say(user, "whatever. do you need to code for AZ-305?"))  # read as "inform" or not
    assert catalog.exam("AZ-305").coding.note.split(":")[0] in coding
    assert slots(servers, user)["requested_slot"] == asked and slots(servers, user)["target_role"] == "architect"
    team = texts(servers.say(user, "which certs should my helpdesk guys do vs my infra guys?"))
    assert "IT support:" in team and "Administrator:" in team
    assert slots(servers, user)["requested_slot"] == asked, "the form asks its question again"
    assert slots(servers, user)["certifications_held"] is None, "a question holds no certification"

    servers.say(user, "some")
    servers.say(user, "none")
    replies = servers.say(user, "5 hours a week")
    assert slots(servers, user)["recommended_path"] == ["AZ-104", "AZ-305"]

    why_not = texts(servers.say(user, "why not AZ-204?"))
    assert "retired" in why_not
    plan = texts(servers.say(user, "my AZ-104 exam is in 6 weeks, make me a plan"))
    assert "Week 6" in plan and "practice assessment" in plan
    budget = texts(servers.say(user, "my employer pays for one exam"))
    assert "Spend it on AZ-104" in budget
    totals = texts(servers.say(user, "what will the whole path cost?"))
    assert "USD" in totals and "AZ-305" in totals
