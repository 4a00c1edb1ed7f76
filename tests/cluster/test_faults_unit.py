"""The apology and the undoing of a failed turn, on Rasa's own tracker and output channel (no servers)."""

from __future__ import annotations

import asyncio

import pytest
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from rasa_runtime import faults

DOMAIN = Domain.from_yaml("""
version: "3.1"
slots:
  current_role: {type: text, mappings: [{type: custom}]}
forms:
  profile_form: {required_slots: [current_role]}
""")


def tracker_in_a_failed_turn() -> DialogueStateTracker:
    events = [ActionExecuted("action_listen"), UserUttered("hi", {"name": "greet"}),
              ActionExecuted("profile_form"), ActiveLoop("profile_form"), SlotSet("requested_slot", "current_role"),
              BotUttered("What do you do today?"), ActionExecuted("action_listen"),
              UserUttered("I herd goats", {"name": "inform"}),
              SlotSet("current_role", "goatherd"),  # a candidate its validation never saw
              ActionExecuted("profile_form")]  # the form whose validation call failed
    return DialogueStateTracker.from_events("person", events, slots=DOMAIN.slots)


def test_the_failed_turn_is_undone_and_the_apology_sent_and_kept() -> None:
    tracker = tracker_in_a_failed_turn()
    channel = CollectingOutputChannel()
    asyncio.run(faults.apologise(channel, tracker, ["validate_profile_form: connection refused"]))
    assert [message["text"] for message in channel.messages] == [faults.APOLOGY]
    kinds = [event.type_name for event in tracker.events][-4:]
    assert kinds == ["user", "bot", "rewind", "action"], "the message and the apology stay; the rest is dropped"
    assert faults.is_apology(tracker.events[-3].as_dict())
    assert tracker.get_slot("current_role") is None, "no unvalidated value is kept"
    assert tracker.active_loop_name == "profile_form" and tracker.get_slot("requested_slot") == "current_role"
    assert tracker.latest_action_name == "action_listen"
    assert tracker.latest_message.text == "hi", "the state is the one before the failed message"


@pytest.mark.parametrize("raw, expected", [("", 20.0), ("3", 3.0), ("0.5", 0.5), ("soon", 20.0), ("-1", 20.0)])
def test_the_action_server_timeout_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch, raw: str,
                                                               expected: float) -> None:
    monkeypatch.setenv(faults.TIMEOUT_VARIABLE, raw)
    assert faults.action_timeout() == expected


def test_applying_twice_wraps_once() -> None:
    from rasa.core.actions.action import RemoteAction
    from rasa.core.processor import MessageProcessor

    faults.apply()
    faults.apply()
    assert RemoteAction.run is faults.remote_run and MessageProcessor._run_action is faults.run_action
    assert faults._upstream["remote_run"] is not faults.remote_run
