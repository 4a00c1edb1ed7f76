"""`validate_profile_form`: reads every profile answer, checks it, and never asks a question a third time.

Each reply is read first as an answer to the question just asked (`extract_<slot>`, with the shared
reader in `components/answer_reader.py`), then checked against the contract (`validate_<slot>`). A
question that gets no usable answer is asked once more with the kinds of answer that work; after a
second miss the form moves on with a stated assumption the person can change. A change to an answer
already given is said out loud.

Every message that states a profile fact (intents inform and request_recommendation) runs the
profile form, so this validation sees every value however it arrived, typed, from a button or from an
`/intent{json}` payload, and nothing outside the contract is ever kept.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions.context import advisor_today, catalog, profile_from, value_before_latest_message
from actions.held_reading import read_certifications_held
from actions.held_validity import dates_with_held
from actions.profile_checks import SIMPLE_CHECKS, Checked, check_certifications
from actions.profile_reading import (
    SlotReading,
    latest_text,
    read_current_role,
    read_simple,
    read_target_role,
)
from actions.profile_talk import (
    ASSUMED_VALUES,
    READABLE_ANSWERS,
    SLOT_QUESTIONS,
    UNSURE_HINTS,
    UNSURE_RE,
    assumption_text,
    change_text,
    hurried_assumptions,
    opening_question_replies,
    question_for_later,
    slot_to_change,
)
from advisor.rules import needs_org_maturity
from components.answer_reader import in_a_hurry, looks_like_question
from components.message_parts import question_instead_of_answer

# Intents that answer the form's question; anything else is a digression handled by rules.
ANSWER_INTENTS = ("inform", "affirm", "deny")
PROFILE_ENTITIES = ("job_role", "coding_comfort", "azure_experience", "amount", "exam_code", "weekly_hours", "number")
def _result(slot: str, checked: Checked, dispatcher: CollectingDispatcher, tracker: Tracker) -> Dict[str, Any]:
    """The checked value; a rejected value keeps what was stored before, so nothing is lost."""
    if checked.problem:
        dispatcher.utter_message(text=checked.problem)
    if checked.value is None:
        return {slot: value_before_latest_message(tracker, slot)}
    return {slot: checked.value}


MISSES_SLOT = "unanswered_question"
ASSUMPTIONS_SLOT = "profile_assumptions"
SCOPE_SLOT = "goal_scope"
HURRY_SLOT = "quick_answer"
# Slots a person in a hurry is not asked: the form assumes them, and the recommendation says so.
HURRY_SKIPS = ("coding_comfort", "certifications_held", "weekly_hours", "org_cloud_maturity")


def answering_a_message(tracker: Tracker) -> bool:
    """True when the form runs right after a user message (not on its way back after a digression)."""
    seen_form = False
    for event in reversed(tracker.events):
        kind = event.get("event")
        if kind == "action":
            if not seen_form and event.get("name") == "profile_form":
                seen_form = True
                continue
            return event.get("name") == "action_listen"
        if kind == "user":
            return True
    return False


def _filled(events: List[EventType], slot: str) -> bool:
    return any(e.get("event") == "slot" and e.get("name") == slot and e.get("value") not in (None, "")
               for e in events)


def _slot_events(events: List[EventType]) -> Dict[str, Any]:
    return {e["name"]: e.get("value") for e in events if e.get("event") == "slot"}


def form_was_running(tracker: Tracker) -> bool:
    """True when the profile form was active when the latest user message came (it asked something)."""
    seen_user = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            seen_user = True
        elif seen_user and event.get("event") == "active_loop":
            return event.get("name") == "profile_form"
        elif seen_user and event.get("event") in ("restart", "session_started"):
            break
    return bool(tracker.active_loop.get("name"))  # no form yet in this conversation: its first question


class ValidateProfileForm(FormValidationAction):
    """Reads, checks and confirms the profile form's answers."""

    def name(self) -> str:
        return "validate_profile_form"

    async def required_slots(
        self,
        domain_slots: List[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> List[str]:
        """Ask about cloud maturity only when rule 1 needs it; in a hurry, only what decides the first exam."""
        profile = profile_from(tracker)
        keep_maturity = (needs_org_maturity(profile, catalog(), advisor_today())
                         or "org_cloud_maturity" in tracker.slots_to_validate())
        slots = [slot for slot in domain_slots if slot != "org_cloud_maturity" or keep_maturity]
        if tracker.get_slot(HURRY_SLOT):
            slots = [slot for slot in slots if slot not in HURRY_SKIPS or tracker.get_slot(slot) is not None]
        return slots

    async def get_validation_events(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                    domain: DomainDict) -> List[EventType]:
        """The SDK validates only the form's own slots; `goal_scope` and `chosen_exams` are read with the goal, so
        keep them too."""
        events = await super().get_validation_events(dispatcher, tracker, domain)
        scope = tracker.slots_to_validate().get(SCOPE_SLOT, "__absent__")
        if scope != "__absent__":
            events.append(SlotSet(SCOPE_SLOT, scope if scope in ("full", "fundamentals") else None))
        chosen = tracker.slots_to_validate().get("chosen_exams")
        if isinstance(chosen, list):  # "goal: security architect (SC-100)": the exam aimed at, read with the goal
            events.append(SlotSet("chosen_exams", [c for c in chosen if c in catalog().exams]))
        return events

    # -- reading (expected slot first) ------------------------------------------------------------

    def _requested(self, tracker: Tracker) -> Optional[str]:
        """The question the person answers; none when the form starts with this message. (Rasa puts the next
        slot to fill into `requested_slot` when it activates the form, but nobody asked it: "which one is the
        second cert" after a recommendation is no answer of "1" to the hours question.)"""
        requested = tracker.get_slot("requested_slot")
        return str(requested) if requested and form_was_running(tracker) else None

    async def get_extraction_events(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                    domain: DomainDict) -> List[EventType]:
        """Read the latest message only when the form runs right after it (not back from a digression)."""
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        if not answering_a_message(tracker) or intent == "other_language":
            return []
        return await super().get_extraction_events(dispatcher, tracker, domain)

    def _apply(self, reading: SlotReading, dispatcher: CollectingDispatcher) -> Dict[str, Any]:
        for note in reading.notes:
            dispatcher.utter_message(text=note)
        return {slot: (None if value == "__drop__" else value) for slot, value in reading.values.items()}

    async def extract_current_role(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                   domain: DomainDict) -> Dict[str, Any]:
        value = read_current_role(tracker, self._requested(tracker))
        if value is None:
            return {}
        return {"current_role": None if value == "__drop__" else value}

    async def extract_target_role(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                  domain: DomainDict) -> Dict[str, Any]:
        return self._apply(read_target_role(tracker, self._requested(tracker)), dispatcher)

    async def extract_certifications_held(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                          domain: DomainDict) -> Dict[str, Any]:
        known = sorted(catalog().exams)
        return self._apply(read_certifications_held(tracker, self._requested(tracker), known), dispatcher)

    async def extract_coding_comfort(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                     domain: DomainDict) -> Dict[str, Any]:
        return self._apply(read_simple(tracker, "coding_comfort", self._requested(tracker), advisor_today()),
                           dispatcher)

    async def extract_azure_experience(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                       domain: DomainDict) -> Dict[str, Any]:
        return self._apply(read_simple(tracker, "azure_experience", self._requested(tracker), advisor_today()),
                           dispatcher)

    async def extract_weekly_hours(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                   domain: DomainDict) -> Dict[str, Any]:
        return self._apply(read_simple(tracker, "weekly_hours", self._requested(tracker), advisor_today()),
                           dispatcher)

    async def extract_org_cloud_maturity(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                         domain: DomainDict) -> Dict[str, Any]:
        return self._apply(read_simple(tracker, "org_cloud_maturity", self._requested(tracker), advisor_today()),
                           dispatcher)

    # -- the turn -----------------------------------------------------------------------------------

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        """Read, check, announce changes, and never ask a question a third time."""
        answering = answering_a_message(tracker)
        text = latest_text(tracker)
        requested = self._requested(tracker)
        pre: List[EventType] = []
        if answering and text and in_a_hurry(text) and not tracker.get_slot(HURRY_SLOT):
            pre.append(SlotSet(HURRY_SLOT, True))
            tracker.slots[HURRY_SLOT] = True
        if answering and text:
            for reply in opening_question_replies(tracker, text):
                dispatcher.utter_message(**reply)
        if answering and text and question_instead_of_answer(text, requested):
            return pre  # "does AZ-305 have coding questions?": nothing read, the form declines; it is answered instead
        events = await super().run(dispatcher, tracker, domain)
        events = pre + events
        change = slot_to_change(text) if answering else None
        stated = any(e.get("entity") in PROFILE_ENTITIES for e in tracker.latest_message.get("entities") or [])
        if change and not stated and not _filled(events, change):  # "change my goal to devops" is a correction
            events = [e for e in events
                      if not (e.get("event") == "slot" and e.get("name") in (change, "requested_slot"))]
            dispatcher.utter_message(text=f"Sure, let's go back to {SLOT_QUESTIONS[change]}.")
            return events + [SlotSet(change, None), SlotSet("requested_slot", change)]
        if not answering:
            return events
        events += self._announce_changes(dispatcher, tracker, events)
        if tracker.get_slot(HURRY_SLOT) or any(e.get("name") == HURRY_SLOT for e in pre):
            events += self._assume_for_hurry(dispatcher, tracker, events)
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        read_something = any(e.get("event") == "slot" and e.get("name") in SLOT_QUESTIONS for e in events)
        if requested and intent not in ANSWER_INTENTS + ("request_recommendation", "out_of_scope", "nlu_fallback") \
                and not read_something:
            # A question or another language in the middle of the form: nothing is read, so the form declines
            # (Rasa rejects it) and the rules answer the digression, then the form asks again.
            return [e for e in pre if e.get("name") != HURRY_SLOT]
        asking = (looks_like_question(text) or text.rstrip().endswith("?")) and not UNSURE_RE.search(text)
        if requested == "certifications_held" and intent == "deny" and not asking and not _filled(events, requested):
            events.append(SlotSet("certifications_held", []))  # "no" to "which do you hold?" means none
        elif requested and asking and not _filled(events, requested):
            # "which certs should my helpdesk guys do?": a question is no failed answer; it is kept for later
            dispatcher.utter_message(text=question_for_later(SLOT_QUESTIONS[requested]))
            events.append(SlotSet(requested, None))
        elif requested and not _filled(events, requested):
            events += self._missed(dispatcher, tracker, requested, text)
        elif requested and tracker.get_slot(MISSES_SLOT):
            events.append(SlotSet(MISSES_SLOT, None))
        return await self._with_next_question(dispatcher, tracker, domain, events)

    async def _with_next_question(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict,
                                  events: List[EventType]) -> List[EventType]:
        """The question to ask next, from the slots as they are after this turn's reading and assumptions."""
        asked_again = [e for e in events if e.get("event") == "slot" and e.get("name") == "requested_slot"]
        stale = bool(asked_again) and asked_again[-1].get("value") is not None and _filled(
            events, str(asked_again[-1]["value"]))
        assumed = any(e.get("event") == "slot" and e.get("name") == ASSUMPTIONS_SLOT for e in events)
        if not (stale or assumed):
            return events
        slots = {**tracker.slots, **_slot_events(events)}
        tracker.slots.update(slots)
        required = await self.required_slots(self.domain_slots(domain), dispatcher, tracker, domain)
        following = next((slot for slot in required if slots.get(slot) is None), None)
        events = [e for e in events if not (e.get("event") == "slot" and e.get("name") == "requested_slot")]
        return events + [SlotSet("requested_slot", following)]

    def _announce_changes(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                          events: List[EventType]) -> List[EventType]:
        """"Got it: your goal is now data engineer." for every answer that replaces an earlier one."""
        extra: List[EventType] = []
        assumed = list(tracker.get_slot(ASSUMPTIONS_SLOT) or [])
        for slot, value in _slot_events(events).items():
            if slot not in SLOT_QUESTIONS or value in (None, ""):
                continue
            if slot in assumed:
                assumed.remove(slot)
                extra = [SlotSet(ASSUMPTIONS_SLOT, assumed)]
                continue  # replacing an assumption is the answer we were missing, not a change
            previous = value_before_latest_message(tracker, slot)
            if previous in (None, "") or previous == value:
                continue
            if slot == "certifications_held" and set(previous or []) <= set(value or []):
                continue  # "I also have AZ-104" adds, it changes nothing
            dispatcher.utter_message(text=change_text(slot, previous, value))
        return extra

    def _assume_for_hurry(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                          events: List[EventType]) -> List[EventType]:
        known = {**{s: tracker.get_slot(s) for s in HURRY_SKIPS}, **_slot_events(events)}
        stated = self._stated_while_hurried(dispatcher, tracker, known)  # "… I hold SC-300 … 8h a week"
        known.update(stated)
        assumed, values = hurried_assumptions(known, tracker.get_slot("current_role"))
        values = {**stated, **values}
        if not assumed:
            return [SlotSet(slot, value) for slot, value in stated.items()]
        dispatcher.utter_message(text="OK, the short version: I'll only ask what decides your first exam.")
        current = list(tracker.get_slot(ASSUMPTIONS_SLOT) or [])
        return [SlotSet(slot, value) for slot, value in values.items()] + [
            SlotSet(ASSUMPTIONS_SLOT, current + [s for s in assumed if s not in current])]

    def _stated_while_hurried(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                              known: Dict[str, Any]) -> Dict[str, Any]:
        """The slots a hurried person is not asked but stated anyway in this message (the form skips reading them)."""
        today = advisor_today()
        readings = {
            "certifications_held": lambda: read_certifications_held(tracker, None, sorted(catalog().exams)),
            "weekly_hours": lambda: read_simple(tracker, "weekly_hours", None, today),
            "coding_comfort": lambda: read_simple(tracker, "coding_comfort", None, today),
        }
        stated: Dict[str, Any] = {}
        for slot, read in readings.items():
            if known.get(slot) is None:
                value = self._apply(read(), dispatcher).get(slot)
                if value is not None:
                    stated[slot] = value
        return stated

    def _missed(self, dispatcher: CollectingDispatcher, tracker: Tracker, requested: str,
                text: str) -> List[EventType]:
        """First miss: what kinds of answer work (the question comes again with buttons). Second: assume."""
        previous = tracker.get_slot(MISSES_SLOT) or {}
        count = (previous.get("count", 0) if isinstance(previous, dict) and previous.get("slot") == requested
                 else 0) + 1
        if count >= 2 and requested in ASSUMED_VALUES:
            value = ASSUMED_VALUES[requested](tracker.get_slot("current_role"))
            dispatcher.utter_message(text=assumption_text(requested, value))
            current = list(tracker.get_slot(ASSUMPTIONS_SLOT) or [])
            return [SlotSet(requested, value), SlotSet(MISSES_SLOT, None),
                    SlotSet(ASSUMPTIONS_SLOT, current + ([requested] if requested not in current else []))]
        if UNSURE_RE.search(text) and requested in UNSURE_HINTS:
            dispatcher.utter_message(text=UNSURE_HINTS[requested])
        else:
            dispatcher.utter_message(text=f"Sorry, I couldn't read {SLOT_QUESTIONS.get(requested, requested)} from "
                                          f"that. {READABLE_ANSWERS.get(requested, '')}".strip())
        return [SlotSet(requested, None), SlotSet(MISSES_SLOT, {"slot": requested, "count": count})]

    def _simple(self, slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker) -> Dict[str, Any]:
        if value is None:  # cleared on purpose (start over), nothing to check
            return {slot: None}
        return _result(slot, SIMPLE_CHECKS[slot](value), dispatcher, tracker)

    def validate_current_role(self, value: Any, dispatcher: CollectingDispatcher,
                              tracker: Tracker, domain: DomainDict) -> Dict[str, Any]:
        return self._simple("current_role", value, dispatcher, tracker)

    def validate_target_role(self, value: Any, dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: DomainDict) -> Dict[str, Any]:
        return self._simple("target_role", value, dispatcher, tracker)

    def validate_coding_comfort(self, value: Any, dispatcher: CollectingDispatcher,
                                tracker: Tracker, domain: DomainDict) -> Dict[str, Any]:
        return self._simple("coding_comfort", value, dispatcher, tracker)

    def validate_azure_experience(self, value: Any, dispatcher: CollectingDispatcher,
                                  tracker: Tracker, domain: DomainDict) -> Dict[str, Any]:
        return self._simple("azure_experience", value, dispatcher, tracker)

    def validate_weekly_hours(self, value: Any, dispatcher: CollectingDispatcher,
                              tracker: Tracker, domain: DomainDict) -> Dict[str, Any]:
        return self._simple("weekly_hours", value, dispatcher, tracker)

    def validate_org_cloud_maturity(self, value: Any, dispatcher: CollectingDispatcher,
                                    tracker: Tracker, domain: DomainDict) -> Dict[str, Any]:
        return self._simple("org_cloud_maturity", value, dispatcher, tracker)

    def validate_certifications_held(self, value: Any, dispatcher: CollectingDispatcher,
                                     tracker: Tracker, domain: DomainDict) -> Dict[str, Any]:
        if value is None:
            return {"certifications_held": None}
        previous: Optional[List[str]] = None
        asked = tracker.get_slot("requested_slot") == "certifications_held"
        if not asked:
            previous = value_before_latest_message(tracker, "certifications_held")
            if isinstance(value, list) and previous and set(value) < set(previous):
                previous = None  # "my certs: none", "I don't hold AZ-900": a removal, not an addition
        checked = check_certifications(value, catalog(), previous)
        if asked and checked.value is None and checked.problem:
            # An unknown code is said once and the form moves on (nothing unknown is stored).
            checked = Checked([], checked.problem)
        result = _result("certifications_held", checked, dispatcher, tracker)
        dates = dates_with_held(latest_text(tracker), result.get("certifications_held"),
                                tracker.get_slot("certification_dates"), advisor_today())
        return {**result, "certification_dates": dates} if dates else result
