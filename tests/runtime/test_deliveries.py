"""Redelivered messages (Slack retries, Bot Connector redeliveries) are recognised, within a bounded memory."""

from __future__ import annotations

from rasa_runtime.channels.deliveries import RecentDeliveries


def test_a_delivery_is_a_repeat_only_the_second_time():
    deliveries = RecentDeliveries()
    assert not deliveries.already_seen("Ev1")
    assert deliveries.already_seen("Ev1")
    assert not deliveries.already_seen("Ev2")


def test_deliveries_without_an_id_are_never_repeats():
    deliveries = RecentDeliveries()
    assert not deliveries.already_seen(None)
    assert not deliveries.already_seen(None)
    assert not deliveries.already_seen("")


def test_the_oldest_ids_are_forgotten_beyond_the_limit():
    deliveries = RecentDeliveries(limit=2)
    for key in ("a", "b", "c"):
        assert not deliveries.already_seen(key)
    assert not deliveries.already_seen("a"), "'a' was forgotten when 'c' arrived"
    assert deliveries.already_seen("c")
