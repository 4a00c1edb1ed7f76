"""An offer says what "yes" will do: take the goal exam's place, or come after it."""

from __future__ import annotations

from datetime import date

from advisor.exam_choice import choice_offer
from advisor.profile import Profile
from advisor.rules import recommend
from knowledge.catalog import Catalog


def test_an_offer_says_what_yes_will_do(catalog: Catalog, today: date) -> None:
    bi = Profile(current_role="data_analyst", target_role="data_engineer", coding_comfort="medium",
                 azure_experience="some", weekly_hours=6)
    rec = recommend(bi, catalog, today)
    assert rec.path == ["DP-700"]
    # DP-750 is the track's alternative of the same level: it takes DP-700's place
    assert choice_offer("DP-750", bi, rec, catalog) == 'Want DP-750 on your path instead of DP-700? Say yes, or ' \
                                                      '"switch to DP-750".'
    # DP-600 is a next step of the data engineering track at DP-700's level: "switch" puts it in DP-700's place
    assert choice_offer("DP-600", bi, rec, catalog) == 'Want DP-600 on your path instead of DP-700? Say yes, or ' \
                                                      '"switch to DP-600".'
