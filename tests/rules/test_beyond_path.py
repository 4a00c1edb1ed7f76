"""'What next?' once every exam of the path is held: the track's next exams, never "nothing new"."""

from __future__ import annotations

from datetime import date

from advisor.path_questions import beyond_path
from advisor.profile import Profile
from advisor.rules import recommend
from knowledge.catalog import Catalog


def test_a_finished_network_path_points_to_the_next_exams(catalog: Catalog, today: date) -> None:
    done = Profile(current_role="network_engineer", target_role="network_engineer", coding_comfort="low",
                   azure_experience="some", certifications_held=("AZ-104", "AZ-700"), weekly_hours=5)
    rec = recommend(done, catalog, today)
    assert rec.path == []
    answer = beyond_path(rec, catalog, today)
    assert answer.heading.startswith("You hold every exam your goal needs")
    assert "AZ-305" in answer.heading  # the network track goes on with the architect exam (role_tracks.yml)
    assert 'Say "add AZ-305"' in answer.facts[0].text


def test_with_the_next_exams_held_too_it_says_keep_them_current(catalog: Catalog, today: date) -> None:
    everything = Profile(current_role="network_engineer", target_role="network_engineer", coding_comfort="low",
                         azure_experience="extensive", weekly_hours=5,
                         certifications_held=("AZ-104", "AZ-700", "AZ-305", "SC-500"))
    rec = recommend(everything, catalog, today)
    answer = beyond_path(rec, catalog, today)
    assert "nothing new is required" in answer.heading and "renewal" in answer.heading
