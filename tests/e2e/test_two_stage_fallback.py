"""Two-stage fallback over REST: the two likeliest meanings as buttons, then a rephrase, then a way out.

`/nlu_fallback` is how a message below the confidence threshold arrives after NLU; sending it directly
makes the dialogue deterministic (the buttons offered for real rankings are tested in tests/actions).
"""

from __future__ import annotations

from typing import Iterator

import pytest

from scripts.servers import Servers
from tests.e2e.helpers import module_servers, slots, texts

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def servers(tmp_path_factory) -> Iterator[Servers]:
    yield from module_servers(tmp_path_factory.mktemp("e2e-fallback"))


def test_picking_one_of_the_offered_meanings_answers_it(servers):
    user = "fallback-pick"
    replies = servers.say(user, "/nlu_fallback")
    assert "Did you mean" in texts(replies)
    buttons = replies[-1]["buttons"]
    assert [b["title"] for b in buttons][-1] == "Something else" and len(buttons) == 3
    help_button = next(b for b in buttons if b["payload"] == "/help")
    answer = texts(servers.say(user, help_button["payload"]))
    assert "certification" in answer.lower(), "the chosen meaning is answered (utter_help)"
    assert servers.tracker(user)["active_loop"] in ({}, None, {"name": None})


def test_something_else_asks_to_rephrase_then_offers_a_way_out(servers):
    user = "fallback-give-up"
    servers.say(user, "/nlu_fallback")
    rephrase = texts(servers.say(user, "/out_of_scope"))
    assert "another way" in rephrase
    again = texts(servers.say(user, "/nlu_fallback"))
    assert "Did you mean" in again, "the rephrased message is not understood either: ask once more"
    way_out = texts(servers.say(user, "/out_of_scope"))
    assert "I can recommend Azure certifications" in way_out
    assert slots(servers, user)["current_role"] is None
