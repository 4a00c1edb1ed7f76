"""Dates of a held certification read from a message (components/held_dates.py), and the messages that ask
about them routed to the one renewal answer (components/follow_up_reader.py, components/message_parts.py).

Expected dates by hand from the module's stated rules; today is 2026-11-22.
"""

from __future__ import annotations

from datetime import date

import pytest

from components.follow_up_reader import follow_up_kind
from components.held_dates import HeldDatesSaid, read_held_dates
from components.message_parts import answer_parts

TODAY = date(2026, 11, 22)


@pytest.mark.parametrize("text, expected", [
    ("my DP-300 runs out in feb 2027, renew now?", HeldDatesSaid(expires=(date(2027, 2, 1), "month"))),
    ("it expires in march", HeldDatesSaid(expires=(date(2027, 3, 1), "month"))),  # the next March
    ("got my AZ-104 on 3 june 2026, when is it up?", HeldDatesSaid(earned=(date(2026, 6, 3), "day"))),
    ("passed AZ-104 on June 3rd, 2025", HeldDatesSaid(earned=(date(2025, 6, 3), "day"))),
    ("my az-104 from january", HeldDatesSaid(earned=(date(2026, 1, 1), "month"))),  # the last January
    ("passed june 2024, renewed june 2025", HeldDatesSaid(earned=(date(2024, 6, 1), "month"),
                                                          renewed=(date(2025, 6, 1), "month"))),
    ("got it in march 2024 and renewed it twice", HeldDatesSaid(earned=(date(2024, 3, 1), "month"), renewals=2)),
    ("my SC-300 lapsed last year", HeldDatesSaid(expires=(date(2025, 1, 1), "year"), lapsed=True)),
    ("has my az-104 expired?", HeldDatesSaid()),
    ("I may renew it", HeldDatesSaid()),
    ("I'll pass it in June 2027", HeldDatesSaid()),  # not yet earned
])
def test_read_held_dates(text, expected):
    assert read_held_dates(text, TODAY) == expected


@pytest.mark.parametrize("text", [
    "my DP-300 runs out in feb 2027 - renew it now or start AZ-305 first?",
    "it expires march 2027, can I renew it yet?",
    "got it on 3 june 2026, so when does it expire?",
    "renewed my AZ-500 in may 2026, how long is it good for now? until when?",
    "passed it in march 2024 and renewed it twice, is it still valid?",
    "my az-305 from february, anything I need to do now?",
    "my AZ-400 lapsed in 2025",
])
def test_routed_to_the_renewal_answer(text):
    assert follow_up_kind(text) == "held_validity"


@pytest.mark.parametrize("text, kind", [
    ("how do I renew?", "policy"),
    ("do fundamentals expire?", "policy"),
])
def test_rule_questions_stay_rule_questions(text, kind):
    assert follow_up_kind(text) == kind


def test_one_question_in_several_sentences_is_answered_once():
    assert answer_parts("right, DP-300. it runs out march 2027. when can I renew it?") == []


@pytest.mark.parametrize("text, dated, focus, kind", [
    ("so is the renewal open already?", ["SC-200"], None, "held_validity"),  # the one certification with dates
    ("when does it expire?", ["AZ-104", "SC-200"], "SC-200", "held_validity"),
    ("when does az104 expire?", ["AZ-104"], None, "held_validity"),
    ("when does AZ-305 expire?", ["AZ-104"], None, "policy"),  # not the certification with dates
    ("do fundamentals expire?", ["AZ-104"], None, "policy"),  # the general rule
    ("how do I renew?", [], None, "policy"),  # no dates given
])
def test_a_rule_question_after_dates_were_given_is_about_that_certification(text, dated, focus, kind):
    from components.follow_up_reader import with_held_dates

    assert with_held_dates(follow_up_kind(text), text, dated, focus) == kind
