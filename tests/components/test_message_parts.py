"""Messages with several requests are answered part by part; one request stays one part."""

from __future__ import annotations

import pytest

from components.message_parts import answer_parts, check_actions, part_for, split_message


@pytest.mark.parametrize("text, kinds", [
    ("skip dp-900. is dp-700 heavy on pyspark or more clicking in the UI?", ["skip_exam", "covers"]),
    ("is AZ-700 hard? also can you put it in my calendar", ["path_step", "calendar"]),
    ("does my SC-200 count towards anything here? and do i need to renew it?", ["held_counts", "policy"]),
    ("drop az-900 and put it in my calendar", ["skip_exam", "calendar"]),
    ("can i skip 104 and go straight to 305?", []),  # one request
    ("is az-900 a waste of time? and should I add 104 before or after ai-200?", ["path_step", "path_step"]),
    ("is it open book?", []),
    ("I passed AZ-104. Now what?", []),  # one part has no kind of its own
    # an exam result, then the question asked with it
    ("passed it on monday! can I book az-400 right away or is there a waiting period?", ["exam_passed", "policy"]),
    ("passed on the 20th. do I really still need 104 for the next one?", ["exam_passed", "path_step"]),
    ("I passed AZ-104!! put it in my calendar", ["exam_passed", "calendar"]),
    ("failed az-104 yesterday. is there a waiting period before I can retake?", ["exam_failed", "policy"]),
    ("passed 104 yesterday!!", []),
    ("i failed dp-700 yesterday, got 620", []),
    ("no!! I did NOT pass 104. I passed 140 on 20 november", []),  # one piece of news: a correction
    ("I did NOT pass 104. I passed 140. put it in my calendar", ["exam_failed", "calendar"]),
])
def test_parts_and_their_kinds(text, kinds):
    assert [kind for _, _, kind in answer_parts(text)] == kinds


def test_parts_keep_their_place_in_the_message():
    text = "skip dp-900. is dp-700 heavy on pyspark?"
    assert split_message(text) == [(0, "skip dp-900."), (13, "is dp-700 heavy on pyspark?")]
    assert part_for(text, 1) == (13, "is dp-700 heavy on pyspark?", "covers")
    assert part_for(text, 2) is None


def test_the_part_actions_are_the_policys_own():
    from components.follow_up_policy import ACTION_FOR_KIND
    assert check_actions(ACTION_FOR_KIND) == []
