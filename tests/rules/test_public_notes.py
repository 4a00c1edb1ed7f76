"""Editor notes never reach people: `public` keeps the sentences without editor markers."""

from __future__ import annotations

import pytest

from advisor.public_notes import public


@pytest.mark.parametrize("note, shown", [
    ("80-120 h for a Python developer; add Python study first if you do not code. The newcomer range is the "
     "advisor default for associate exams.",
     "80-120 h for a Python developer; add Python study first if you do not code."),
    ("advisor default by level; no public estimate found.", ""),
    ("Older weights still circulate on third-party sites; they are outdated.",
     "Older weights still circulate on third-party sites; they are outdated."),
    (None, ""),
])
def test_public_part_of_a_note(note, shown):
    assert public(note) == shown

