"""A Microsoft code listed beside another vendor's certificate in a self-description is held; in a plan or a
question it is not."""

from __future__ import annotations

import pytest

from components.answer_certifications import read_certifications


@pytest.mark.parametrize("text, codes", [
    ("network guy, 8 yrs, CCNP and AZ-900, no coding", ("AZ-900",)),
    ("Linux admin; RHCSA, CKA, AZ-104; terraform daily", ("AZ-104",)),
    ("I'd like SC-200 and Security+ next year", None),
    ("is AZ-104 or the CCNA better for me?", None),
])
def test_listed_with_other_vendors(text, codes):
    answer = read_certifications(text, asked=False)
    assert (answer.codes if answer else None) == codes


def test_a_listing_inside_a_question_holds_nothing():
    answer = read_certifications("would sc-200 + sec+ be enough to land a tier 1 soc job?", asked=False)
    assert answer is None or answer.codes == ()


@pytest.mark.parametrize("text, aims", [
    ("I hold SC-200 and SC-900, goal cybersecurity architect (SC-100)", ("SC-100",)),
    ("identity engineer. goal: security architecture", ("SC-100",)),
    ("passed AZ-104 last year, aiming for AZ-305 next", ("AZ-305",)),
    ("I have AZ-305 and AZ-104", ()),
])
def test_exams_named_as_the_aim(text, aims):
    from components.answer_certifications import goal_exams
    assert goal_exams(text) == aims
