"""Questions about one step of the path, answered from the rules' own recommendation.

Expected headings follow from the exams' prerequisites in knowledge/exams (AZ-305's certification needs
AZ-104; AZ-700 has no prerequisite) and from the paths the rules give these profiles.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from advisor.profile import Profile
from presentation.why_answers import path_step_answer

ARCHITECT = Profile(current_role="administrator", target_role="architect", coding_comfort="medium",
                    azure_experience="some", weekly_hours=5.0)  # path AZ-104 → AZ-305
NETWORK = Profile(current_role="network_engineer", target_role="network_engineer", coding_comfort="low",
                  azure_experience="some", weekly_hours=5.0)  # path AZ-104 → AZ-700


@pytest.mark.parametrize("person, codes, text, start", [
    (ARCHITECT, ["AZ-305", "AZ-104"], "Could I sit AZ-305 before AZ-104 to go faster?",
     "Yes, you may sit AZ-305 before AZ-104, but the"),
    (ARCHITECT, ["AZ-305"], "can I do 305 first?", "Yes, you may sit AZ-305 before AZ-104"),
    (NETWORK, ["AZ-700", "AZ-104"], "could i take az-700 before az-104?",
     "Yes: nothing requires AZ-104 before AZ-700"),
    (ARCHITECT, ["AZ-104"], "can I skip AZ-104?", "You can't skip AZ-104"),
    (NETWORK, ["AZ-104"], "can I go on without az-104?", "Yes, you can book AZ-700 without AZ-104"),
    (NETWORK, ["AZ-700"], "will AZ-700 be a problem without python?", "AZ-700 is step 2 of your path"),
    (NETWORK, ["AZ-700"], "do i need anything else for AZ-700?", "AZ-700 has no formal prerequisite"),
])
def test_order_and_skip_questions(person, codes, text, start, catalog, today):
    assert path_step_answer(codes, text, person, catalog, today).text.startswith(start)


@pytest.mark.parametrize("person, codes, text, start", [
    (ARCHITECT, ["AZ-104"], "ok and what's next after AZ-104?", "After AZ-104 comes AZ-305"),
    (ARCHITECT, ["AZ-305"], "and after AZ-305? anything that builds on it?", "AZ-305 is the last step to your goal"),
    (NETWORK, ["AZ-700"], "is AZ-700 hard for someone with a CCNP?", "AZ-700 is an associate-level exam"),
    (ARCHITECT, ["AZ-700"], "is AZ-700 hard?", "AZ-700 is an associate-level exam"),  # not on the path either
])
def test_what_comes_next_and_how_hard(person, codes, text, start, catalog, today):
    assert path_step_answer(codes, text, person, catalog, today).text.startswith(start)


MODERN_WORK = Profile(current_role="administrator", target_role="administrator", coding_comfort="low",
                      azure_experience="some", weekly_hours=3.5)  # path AZ-104


def test_the_exam_in_the_question_is_the_one_answered(catalog, today):
    text = "AZ-104 sounds heavy for 3-4h a week. would AZ-900 be enough for what I want?"
    answer = path_step_answer(["AZ-104", "AZ-900"], text, MODERN_WORK, catalog, today).text
    assert answer.startswith("AZ-900 alone gives the overview; for your goal, no")
    assert "AZ-104" in answer and "just the fundamentals" in answer


def test_what_comes_after_a_goal_already_held(catalog, today):
    """Round 11: after passing AZ-700, "whats next after az-700?" got "you already hold AZ-700"."""
    done = replace(NETWORK, certifications_held=("AZ-104", "AZ-700"))
    answer = path_step_answer(["AZ-700"], "so whats next after az-700?", done, catalog, today).text
    assert answer.startswith("You hold AZ-700. After it, the Azure Network Engineer track goes on with:"), answer
    assert "AZ-305" in answer  # role_tracks.yml: network_engineer next [AZ-305, SC-500]
