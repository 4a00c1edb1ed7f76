"""Certifications said not to be held, and older Microsoft exams: never stored as held."""

from __future__ import annotations

import pytest

from components.answer_certifications import read_certifications
from components.follow_up_reader import follow_up_kind

KNOWN = ("AZ-104", "AZ-900", "AZ-305", "PL-300", "DP-900")


# (text, asked, held, not held)
@pytest.mark.parametrize("text, asked, held, not_held", [
    ("I don't have PL-300 itself", True, (), ("PL-300",)),
    ("I don't hold AZ-104 anymore", False, (), ("AZ-104",)),
    ("no, not the 900", True, (), ("AZ-900",)),
    ("no, not the 900", False, (), ("AZ-900",)),  # a correction outside the question too
    ("I have the data analyst cert but not PL-300 itself", True, (), ("PL-300",)),
    ("az-900 yes, but not the 104", True, ("AZ-900",), ("AZ-104",)),
    ("I have AZ-900, not AZ-104", False, ("AZ-900",), ("AZ-104",)),
    ("az-104 (not az-305 yet)", True, ("AZ-104",), ("AZ-305",)),
    ("i have az-104 and no az-305", True, ("AZ-104",), ("AZ-305",)),
    ("AZ-104 and AZ-900", True, ("AZ-104", "AZ-900"), ()),
])
def test_negated_possession_is_not_held(text, asked, held, not_held):
    answer = read_certifications(text, asked=asked, known=KNOWN)
    assert answer is not None and (answer.codes, answer.not_held) == (held, not_held)


def test_a_bare_number_outside_the_question_is_read_only_as_a_correction():
    assert read_certifications("I want the 900 not the 104", asked=False) is None


# (text, retired, unknown): named back as experience, never stored, and the question moves on
@pytest.mark.parametrize("text, retired, unknown", [
    ("DA-100 and 70-778", ("DA-100", "70-778"), ()),
    ("70-533", ("70-533",), ()),
    ("had 70-410 and 70-411 back in the day, MCSA 2012", ("70-410", "70-411"), ()),
    ("AZ-104 and XY-123", (), ("XY-123",)),
])
def test_older_microsoft_exams_are_recognised(text, retired, unknown):
    answer = read_certifications(text, asked=True, known=KNOWN)
    assert answer is not None
    assert (answer.retired, answer.unknown) == (retired, unknown)
    assert not set(answer.codes) & set(retired + unknown)


@pytest.mark.parametrize("text, kind", [
    ("I don't hold AZ-104 anymore", "profile"),
    ("I don't have PL-300 itself", "profile"),
    ("no, not the 900", "profile"),
    ("oh wait I forgot, I do have AZ-900 from 2021. changes anything?", "profile"),
    ("turns out I have DP-900 too, does that change my path?", "profile"),
    ("I also have 70-533", "profile"),
    ("no i mean which exam do i do NEXT after az900", "path_step"),
])
def test_they_go_to_the_profile(text, kind):
    assert follow_up_kind(text) == kind
