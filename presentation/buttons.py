"""The follow-up buttons: after a recommendation (`follow_up_buttons`), after an answer about one exam
(`exam_buttons`) and after a why-not answer (`about_exam_buttons`). One place, so the same next step has the
same title and payload everywhere. Plain Python, no Rasa.
"""

from __future__ import annotations

from datetime import date
from typing import List, Sequence, Tuple

from advisor.recommendation import Recommendation
from knowledge.catalog import Exam
from presentation.reply import Button, intent_payload


def follow_up_buttons(rec: Recommendation) -> Tuple[Button, ...]:
    """Why?, a comparison of the path's first two exams (or the first with an alternative), a study plan
    for the first exam, the whole path's time and cost, the plan in a calendar (when the weekly hours are
    known: actions/calendar.py), and start over."""
    buttons = [Button("Why?", "/explain_recommendation")]
    others = rec.path[1:2] or [a.exam.code for a in rec.alternatives[:1]]
    if rec.path and others:
        buttons.append(Button(f"Compare {rec.path[0]} and {others[0]}", f"compare {rec.path[0]} and {others[0]}"))
    if rec.path:
        buttons.append(Button("Study plan", intent_payload("ask_study_plan", exam_code=rec.path[0])))
        buttons.append(Button("Time and cost", "/ask_study_plan"))
    if rec.path and rec.profile.weekly_hours is not None:
        buttons.append(Button("Put it in my calendar", "put it in my calendar"))
    buttons.append(Button("Start over", "/start_over"))
    return tuple(buttons)


def exam_buttons(exam: Exam, asked: Sequence[str], today: date) -> Tuple[Button, ...]:
    """Two natural next questions about the same exam, and a study plan while it can still be taken."""
    buttons: List[Button] = []
    for aspect, title in (("skills", f"What's on {exam.code}?"), ("prerequisites", "Prerequisites"),
                          ("study_time", "How long to study?")):
        if aspect not in asked and len(buttons) < 2:
            buttons.append(Button(title, intent_payload("ask_exam_fact", exam_code=exam.code, exam_aspect=aspect)))
    if not exam.is_retired_on(today):
        buttons.append(Button("Study plan", intent_payload("ask_study_plan", exam_code=exam.code)))
    return tuple(buttons)


def about_exam_buttons(exam: Exam, today: date) -> Tuple[Button, ...]:
    """After a why-not answer: more about the exam, and (while it can be taken) a comparison with the path."""
    buttons = [Button(f"About {exam.code}", intent_payload("ask_exam_fact", exam_code=exam.code))]
    if not exam.is_retired_on(today):
        buttons.append(Button("Compare with my path", intent_payload("compare_exams", exam_code=exam.code)))
    return tuple(buttons)
