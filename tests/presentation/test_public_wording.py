"""Notes meant for the knowledge base's editors never reach people: not in a recommendation, its "why?", or
any answer about an exam (every aspect of every exam)."""

from __future__ import annotations

from typing import Any

import pytest

from advisor.exam_facts import ASPECTS
from advisor.profile import Profile
from advisor.rules import recommend
from knowledge.catalog import Catalog
from knowledge.vocabulary import CURRENT_ROLES, TARGET_ROLES
from presentation.exam_replies import answer_about_exam
from presentation.recommendation_text import render_explanation, render_summary
from tests.editor_markers import EDITOR_RE

# Sentences the knowledge base holds for its editors (hand-picked from knowledge/exams/*.yml notes).
EDITOR_SENTENCES = ("Sites that give", "grade C", "grade D", "peer research")


def _leaks(text: str) -> list:
    return [line for line in text.split("\n") if EDITOR_RE.search(line)
            or any(sentence in line for sentence in EDITOR_SENTENCES)]


@pytest.mark.parametrize("target", TARGET_ROLES + ("undecided",))
def test_no_editor_note_in_a_recommendation_or_its_reasoning(catalog: Catalog, today: Any, target: str) -> None:
    for current in CURRENT_ROLES:
        for experience in ("none", "some", "extensive"):
            profile = Profile(current_role=current, target_role=target, coding_comfort="low",
                              azure_experience=experience, weekly_hours=5.0)
            rec = recommend(profile, catalog, today)
            text = "\n".join(render_summary(rec) + render_explanation(rec))
            assert not _leaks(text), (current, target, experience, _leaks(text))


def test_no_editor_note_in_any_answer_about_an_exam(catalog: Catalog, today: Any) -> None:
    profile = Profile(current_role="administrator", azure_experience="some", weekly_hours=5.0)
    for exam in catalog:
        for aspect in ASPECTS:
            text = "\n".join(reply.text for reply in answer_about_exam(exam, [aspect], catalog, today, profile))
            assert not _leaks(text), (exam.code, aspect, _leaks(text))


@pytest.mark.parametrize("aspect, note_of", [
    ("coding", lambda exam: exam.coding.note),
    ("prerequisites", lambda exam: exam.prerequisites.note if exam.prerequisites else None),
])
def test_a_note_is_shown_as_it_is(catalog: Catalog, today: Any, aspect: str, note_of: Any) -> None:
    """`note` is written for users: no run-time filter cuts it (editors' sentences are in `editor_note`)."""
    profile = Profile(current_role="administrator", azure_experience="some", weekly_hours=5.0)
    for exam in catalog:
        note = note_of(exam)
        if note:
            text = "\n".join(reply.text for reply in answer_about_exam(exam, [aspect], catalog, today, profile))
            assert " ".join(note.split()) in " ".join(text.split()), (exam.code, aspect)
