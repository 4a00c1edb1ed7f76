"""Renewal and expiry answered from the dates the person gives, through REST against the real servers.

Expected dates worked out by hand from knowledge/policies.yml (a role-based certification is valid one year
from the day it is earned; the free renewal opens six months before the expiry date); today is pinned to
2026-11-22 (tests/conftest.py).
"""

from __future__ import annotations

from typing import Iterator

import pytest

from scripts.servers import Servers
from tests.e2e.helpers import module_servers, slots, texts

pytestmark = pytest.mark.e2e

ADMIN = ("I've been a Windows sysadmin for 6 years", "not really, I can tweak PowerShell scripts",
         "a cloud architect, within two years", "some", "AZ-104", "5 hours a week")


@pytest.fixture(scope="module")
def servers(tmp_path_factory) -> Iterator[Servers]:
    yield from module_servers(tmp_path_factory.mktemp("e2e-renewal"))


def profile(servers: Servers, user: str) -> None:
    for answer in ADMIN:
        servers.say(user, answer)
    state = slots(servers, user)
    assert state["recommended_path"] == ["AZ-305"] and state["certifications_held"] == ["AZ-104"]


def test_an_expiry_month_gives_the_renewal_window_and_is_used_again(servers):
    user = "e2e-renew-expiry"
    profile(servers, user)
    # expiry in March 2027 (1–31 March) → the window opened in September 2026, open on 22 November 2026
    answer = texts(servers.say(user, "my AZ-700 runs out in march 2027. renew it now or get going on AZ-305?"))
    assert answer.startswith("Yes, your renewal window opened in September 2026; renew by 1 March 2027"), answer
    assert "AZ-305" in answer and "checked 20" in answer
    assert answer.count("Renewal is a free online assessment") == 1, "each block once"
    again = texts(servers.say(user, "sorry, so can I renew it already?"))
    assert again.startswith("Yes, your renewal window opened in September 2026"), again


def test_a_pass_date_said_earlier_answers_when_it_expires(servers):
    user = "e2e-renew-earned"
    profile(servers, user)
    servers.say(user, "got my AZ-104 back in January 2026")
    assert slots(servers, user)["certification_dates"] == {"AZ-104": {"earned": "2026-01"}}
    # earned January 2026 → expires in January 2027
    answer = texts(servers.say(user, "when does my 104 expire?"))
    assert "Tell me when you passed" not in answer and "January 2027" in answer.split("\n")[0], answer


def test_a_lapsed_certification_leaves_the_held_ones(servers):
    user = "e2e-renew-lapsed"
    profile(servers, user)
    answer = texts(servers.say(user, "oh and my AZ-104 actually lapsed last year"))
    assert "lapsed" in answer and "AZ-104" in answer, answer
    state = slots(servers, user)
    assert "AZ-104" not in state["certifications_held"] and state["recommended_path"][0] == "AZ-104"
