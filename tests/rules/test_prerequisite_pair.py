"""Which exam is asked to count towards which: the words decide, not the order the codes are named in."""

from __future__ import annotations

import pytest

from advisor.exam_family import prerequisite_pair


@pytest.mark.parametrize("text, codes, pair", [
    ("can i do 140 first, is 104 a prereq for it?", ["AZ-140", "AZ-104"], ("AZ-104", "AZ-140")),
    ("does AZ-140 require AZ-104?", ["AZ-140", "AZ-104"], ("AZ-104", "AZ-140")),
    ("is AZ-104 required for AZ-305?", ["AZ-104", "AZ-305"], ("AZ-104", "AZ-305")),
    ("does sc-200 count towards sc-100?", ["SC-200", "SC-100"], ("SC-200", "SC-100")),
    ("so az-400 needs the 204 or not", ["AZ-400", "AZ-204"], ("AZ-204", "AZ-400")),
])
def test_prerequisite_pair(text, codes, pair):
    assert prerequisite_pair(text, codes) == pair
