"""`action_recommend_path` and `action_explain_recommendation`: run the rules, render the answer."""

from __future__ import annotations

from dataclasses import replace
from typing import List, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.channel_output import send
from actions.context import advisor_today, catalog, profile_from, value_before_latest_message
from actions.exam_mentions import codes_with_bare_numbers
from actions.profile_reading import latest_text
from actions.profile_talk import SLOT_QUESTIONS, assumptions_line, slot_to_change
from advisor.exam_choice import choose_exam, declined_alternatives
from advisor.path_questions import beyond_path
from advisor.profile import PROFILE_SLOTS
from advisor.recommendation import Recommendation
from advisor.rules import recommend
from components.answer_reader import looks_like_question
from components.work_cues import cued_alternative
from knowledge.resolver import find_exam_mentions
from presentation.buttons import follow_up_buttons
from presentation.compose import reply_to
from presentation.recommendation_text import explanation_replies, held_change_lead, recommendation_replies
from presentation.reply import Reply
from presentation.why_answers import path_step_answer


def _profile_changed(tracker: Tracker) -> bool:
    """True when the latest message changed a profile slot."""
    changed = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            break
        if event.get("event") == "slot" and event.get("name") in PROFILE_SLOTS:
            changed = changed or value_before_latest_message(tracker, event["name"]) != event.get("value")
    return changed


def _recommendation(tracker: Tracker) -> Recommendation:
    return recommend(profile_from(tracker), catalog(), advisor_today())


def send_recommendation(dispatcher: CollectingDispatcher, tracker: Tracker, rec: Recommendation,
                        lead: str = "") -> None:
    """The whole recommendation, after a `lead` sentence that says what changed, with what was assumed."""
    assumed = assumptions_line(list(tracker.get_slot("profile_assumptions") or []), tracker.slots)
    send(dispatcher, tracker, recommendation_replies(rec, lead, assumed or ""))


def _with_work_cues(tracker: Tracker, rec: Recommendation) -> Tuple[Recommendation, str, List[EventType]]:
    """"SOC analyst, Sentinel all day": the track's alternative for that work takes the target's place, said
    out loud, unless the person already chose (or declined) an exam."""
    profile = rec.profile
    if profile.chosen_exams or declined_alternatives(profile, rec.track):
        return rec, "", []
    texts = [str(e.get("text") or "") for e in tracker.events if e.get("event") == "user"]
    cue = cued_alternative(texts, rec.track)
    if cue is None or rec.step(cue[0]) is not None or profile.holds(cue[0]):
        return rec, "", []
    kb = catalog()
    choice = choose_exam(cue[0], profile, rec.path, rec.track, kb, rec.today)
    if choice.refused or choice.target_role or choice.already_on_path:
        return rec, "", []
    new = recommend(replace(profile, chosen_exams=choice.chosen_exams), kb, rec.today)
    replaced = [code for code in rec.path if code not in new.path]
    instead = f" instead of {replaced[-1]}" if replaced else ""
    keep = f" (say \"switch to {replaced[-1]}\" to keep {replaced[-1]})" if replaced else ""
    lead = f"You mentioned \"{cue[1]}\", so your path has {cue[0]}{instead}{keep}."
    return new, lead, [SlotSet("chosen_exams", list(choice.chosen_exams))]


def _held_lead(tracker: Tracker, before: List[str], after: List[str]) -> str:
    """What a certification added in the latest message does to the path (empty when none was added)."""
    kb = catalog()
    earlier = value_before_latest_message(tracker, "certifications_held") or []
    added = [c for c in tracker.get_slot("certifications_held") or [] if c not in earlier and c in kb.exams]
    lasting = not kb.policy("validity").values.get("fundamentals_expire", True)
    never_expire = [c for c in added if lasting and kb.exam(c).level == "fundamentals"]
    return held_change_lead(added, never_expire, before, after)


class ActionRecommendPath(Action):
    """Recommends the path for the profile collected so far and stores it in `recommended_path`."""

    def name(self) -> str:
        return "action_recommend_path"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        rec = _recommendation(tracker)
        previous = tracker.get_slot("recommended_path")
        if previous is not None and list(previous) == rec.path and not _profile_changed(tracker):
            # A follow-up that reached the form without changing anything: no reprint of the whole path.
            path = " → ".join(rec.path) if rec.path else "nothing new"
            change = slot_to_change(latest_text(tracker))
            if change:  # "change my goal": back to that question, every other answer kept
                dispatcher.utter_message(text=f"Sure, let's go back to {SLOT_QUESTIONS[change]}.")
                return [SlotSet(change, None), FollowupAction("profile_form")]
            kb, today = catalog(), advisor_today()
            text = latest_text(tracker)
            found = tuple(m.code for m in find_exam_mentions(text, kb, today) if m.code)
            named = codes_with_bare_numbers(text, found, kb, rec.path)
            if named:  # "should I do AZ-900 first?": answered relative to the path, never the whole path again
                send(dispatcher, tracker, [path_step_answer(named, text, rec.profile, kb, today)])
                return [SlotSet("answer_kind", "path_step"), SlotSet("exam_in_focus", named[0])]
            cued, lead, cue_events = _with_work_cues(tracker, rec)
            if lead:  # "we're moving to databricks, not fabric. does that change things?": yes, said out loud
                send_recommendation(dispatcher, tracker, cued, lead)
                return cue_events + [SlotSet("recommended_path", cued.path), SlotSet("answer_kind", "recommendation")]
            if not rec.path:  # "what next?" once the path is done: the track's next exams, never "nothing new"
                send(dispatcher, tracker, [reply_to(beyond_path(rec, kb, today), follow_up_buttons(rec))])
                return [SlotSet("answer_kind", "path_step")]
            other = rec.alternatives[0].exam.code if rec.alternatives else rec.track.fundamentals
            if looks_like_question(text) or text.rstrip().endswith("?"):  # a question no answer of mine fits
                send(dispatcher, tracker, [Reply(
                    text=f"I don't have a good answer to that one, sorry. I can tell you about the exams on your path "
                         f"({path}): what's on them, coding, format, price, retakes and renewal; why a step is there "
                         f"(\"why {rec.path[0] if rec.path else other}?\"), another exam (\"why not {other}?\"), "
                         "whether a date works, or what changes with other hours or another goal.",
                    buttons=follow_up_buttons(rec))])
                return [SlotSet("answer_kind", "not_understood")]
            send(dispatcher, tracker, [Reply(
                text=f"Your path is unchanged: {path}. Ask \"why?\" for the reasons, \"why not {other}?\" about "
                     "another exam, or tell me what changed (your goal, hours or certifications) and I'll redo it.",
                buttons=follow_up_buttons(rec))])
            return [SlotSet("answer_kind", "unchanged")]
        rec, lead, events = _with_work_cues(tracker, rec)
        if previous is not None and not lead:  # "oh wait, I do have AZ-900. changes anything?": say if it does
            lead = _held_lead(tracker, list(previous), rec.path)
        send_recommendation(dispatcher, tracker, rec, lead)
        return events + [SlotSet("recommended_path", rec.path), SlotSet("answer_kind", "recommendation")]


class ActionExplainRecommendation(Action):
    """Explains the recommendation in depth: every rule, its facts and their sources."""

    def name(self) -> str:
        return "action_explain_recommendation"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        if tracker.get_slot("recommended_path") is None:
            dispatcher.utter_message(
                text="I haven't recommended a path yet. Tell me about your role and goal first, "
                     "for example \"I'm a sysadmin and want to become a cloud architect\"."
            )
            return []
        rec = _recommendation(tracker)
        text = latest_text(tracker)
        kb, today = catalog(), advisor_today()
        named = codes_with_bare_numbers(text, tuple(m.code for m in find_exam_mentions(text, kb, today) if m.code),
                                        kb, rec.path)
        if named:  # "why is 104 in there?": that step's reasons, not every rule
            send(dispatcher, tracker, [path_step_answer(named, text, rec.profile, kb, today)])
            return [SlotSet("answer_kind", "path_step"), SlotSet("exam_in_focus", named[0])]
        send(dispatcher, tracker, explanation_replies(rec))
        return [SlotSet("recommended_path", rec.path)]
