"""`action_validate_slot_mappings`: what the NLU's slot mappings may change outside the profile form.

Rasa fills slots from entities on every message. Outside the form, two readings would change the profile
without the person meaning it, so this action (Rasa runs it after every extraction) undoes them:
- a mention inside a question is no fact: "Do I have to do AZ-104 first?" holds no AZ-104, "isn't SC-200
  better than SC-500?" sets no goal; facts stated in the same message ("I want AZ-140. Do I …?") stay;
- with several goals named, the goal for now wins, not the last one named; a bare "analyst" beside SOC
  or security is a security analyst, not a data analyst;
- after a recommendation, a goal stated outright ("I've decided: data engineering", "put me down as
  undecided") is the goal, whatever role the extractor gave the title.
Inside the form, `ValidateProfileForm` reads every answer; this action only keeps the words that answered
the question asked from filling another slot too ("none really, maybe clicked around the portal once" answers
the Azure question and says nothing about coding).
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.context import value_before_latest_message
from actions.profile_reading import goal_for_now, is_negated, states_current_role
from components.answer_certifications import read_certifications
from components.answer_numbers import read_hours
from components.message_parts import SENTENCE_RE, question_spans, without_questions
from knowledge.vocabulary import TARGET_ROLES

# "I've decided: data engineering", "put me down as undecided", "change my goal to security": a new goal, whatever
# role the extractor gave the title
_GOAL_CUE_RE = re.compile(r"\b(?:i'?ve decided|i have decided|decided on|decided to go|put me down (?:as|for)|"
                          r"change (?:my|the) goal|my (?:new )?goal is(?: now)?|new goal|switch(?:ing)? (?:my )?goal|"
                          r"make (?:it|my goal)|set (?:my )?goal|mark me (?:as|down as))\b", re.IGNORECASE)
_UNDECIDED_RE = re.compile(r"\b(?:undecided|not sure|unsure|don'?t know|no idea|open)\b", re.IGNORECASE)


def stated_goal(text: str, entities: List[Dict[str, Any]]) -> Optional[str]:
    """The goal a message states outright after the profile is complete ("I've decided: data engineering" →
    data_engineer, "ok put me down as undecided" → undecided), or None."""
    cue = _GOAL_CUE_RE.search(text)
    if cue is None or any(a <= cue.start() < b for a, b in question_spans(text)):
        return None
    after = [e for e in entities if e.get("entity") == "job_role" and e.get("value") in TARGET_ROLES
             and isinstance(e.get("start"), int) and int(e["start"]) >= cue.start() and not is_negated(text, e)]
    if after:
        return str(after[0]["value"])
    return "undecided" if _UNDECIDED_RE.search(text[cue.end():cue.end() + 30]) else None


def stated_hours(text: str) -> Optional[float]:
    """Weekly hours stated outside any question or hypothetical ("ill do 8 hrs a week then. how much is it?")."""
    if re.search(r"\b(?:if|when|once) (?:i|we)\b", text, re.IGNORECASE):
        return None  # "if i do 15h a week, can i …?" supposes the hours
    stated = without_questions(text)
    return read_hours(stated, asked=False) if stated.strip() else None


# The entities each profile slot is filled from outside the form (domain.yml), and the role they must carry.
_SLOT_ENTITIES: Dict[str, Tuple[Tuple[str, ...], Tuple[Any, ...]]] = {
    "current_role": (("job_role",), ("current", None)),
    "target_role": (("job_role",), ("target",)),
    "coding_comfort": (("coding_comfort",), (None,)),
    "azure_experience": (("azure_experience",), (None,)),
    "certifications_held": (("exam_code",), ("held",)),
    "weekly_hours": (("weekly_hours",), (None,)),
    "org_cloud_maturity": (("org_cloud_maturity",), (None,)),
}
_SECURITY_NEAR_RE = re.compile(r"\b(?:soc|security|secops|cyber\w*|threat|incident|blue team|sentinel)\b",
                               re.IGNORECASE)


def _in_question(entity: Dict[str, Any], spans: List[Tuple[int, int]]) -> bool:
    start = entity.get("start")
    return isinstance(start, int) and any(a <= start < b for a, b in spans)


def _entities_for(slot: str, entities: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    names, roles = _SLOT_ENTITIES[slot]
    return [e for e in entities if e.get("entity") in names and e.get("role") in roles]


def _security_analyst(text: str, entities: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """A bare "analyst" beside SOC or security is a security analyst: drop its data-analyst reading."""
    kept = []
    for entity in entities:
        start, end = entity.get("start"), entity.get("end")
        if entity.get("value") == "data_analyst" and isinstance(start, int) and isinstance(end, int) and \
                re.fullmatch(r"analysts?", text[start:end].strip(), re.IGNORECASE) and \
                _SECURITY_NEAR_RE.search(text[max(0, start - 30):end + 30]):
            continue
        kept.append(entity)
    return kept


# "i took ai-200 and failed", "didn't pass AZ-104": an exam failed is no certification held
_FAILED_RE = re.compile(r"\b(?:fail\w*|didn'?t pass|did not pass|not pass\w*|flunk\w*|bombed|retake|resit)\b",
                        re.IGNORECASE)


def _failed_clause(text: str, entity: Dict[str, Any]) -> bool:
    start = entity.get("start")
    if not isinstance(start, int):
        return False
    sentence = next((m for m in SENTENCE_RE.finditer(text) if m.start() <= start < m.end()), None)
    return bool(sentence and _FAILED_RE.search(sentence.group(0)))


def _denied(text: str, entity: Dict[str, Any]) -> bool:
    """"I'm not a dev" names no role; "i took ai-200 and failed" and "I don't hold AZ-104 anymore" hold no exam."""
    if entity.get("entity") == "job_role":
        return is_negated(text, entity)
    if entity.get("entity") != "exam_code":
        return False
    stated = read_certifications(text, asked=False)  # "I don't hold AZ-104 anymore", "no, not the 900"
    not_held = (stated.not_held + stated.lapsed) if stated else ()
    return _failed_clause(text, entity) or str(entity.get("value")).upper() in not_held


def checked_values(text: str, entities: List[Dict[str, Any]], mapped: Dict[str, Any],
                   before: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
    """For each slot the mappings set from this message, the value it should have; a slot missing from the
    result goes back to its value before the message (`before`: the values then)."""
    before = before or {}
    spans = question_spans(text)
    entities = _security_analyst(text, entities)
    values: Dict[str, Any] = {}
    for slot, value in mapped.items():
        if slot not in _SLOT_ENTITIES:
            values[slot] = value
            continue
        found = _entities_for(slot, entities)
        stated = [e for e in found if not _in_question(e, spans) and not _denied(text, e)]
        if found and not stated:
            continue  # every mention is inside a question
        if slot == "current_role" and before.get(slot) and not any(states_current_role(text, e) for e in stated):
            continue  # a role already known changes only when the person says what they are now
        if slot == "certifications_held" and (found or value):
            # a mention adds to what was held ("I passed AZ-305 today" keeps AZ-104); removing is said in words
            held = [str(e["value"]) for e in stated] if found else []
            values[slot] = list(dict.fromkeys(list(before.get(slot) or []) + held))
            if values[slot] == list(before.get(slot) or []):
                del values[slot]
        elif slot == "target_role" and len({e.get("value") for e in stated}) > 1:
            values[slot] = goal_for_now(text, stated) or value
        elif slot == "target_role" and stated and value not in {e.get("value") for e in stated}:
            values[slot] = stated[0]["value"]  # the bare-analyst reading was dropped
        else:
            values[slot] = value
    return values


# The entities that can answer each question while the form asks it (domain.yml's conditional mappings).
_ANSWER_ENTITIES: Dict[str, Tuple[str, ...]] = {
    "current_role": ("job_role",), "target_role": ("job_role",), "coding_comfort": ("coding_comfort",),
    "azure_experience": ("azure_experience", "amount"), "certifications_held": ("exam_code", "amount"),
    "weekly_hours": ("weekly_hours", "number"), "org_cloud_maturity": ("org_cloud_maturity",),
}


def _overlaps(a: Dict[str, Any], b: Dict[str, Any]) -> bool:
    starts, ends = (a.get("start"), b.get("start")), (a.get("end"), b.get("end"))
    if not all(isinstance(x, int) for x in starts + ends):
        return False
    return int(a["start"]) < int(b["end"]) and int(b["start"]) < int(a["end"])


def side_readings(requested: str, entities: List[Dict[str, Any]], mapped: Dict[str, Any]) -> List[str]:
    """While the form asks `requested`, the other slots filled only from the words that answered it."""
    answer = [e for e in entities if e.get("entity") in _ANSWER_ENTITIES.get(requested, ())]
    side = []
    for slot in mapped:
        if slot == requested or slot not in _SLOT_ENTITIES:
            continue
        found = _entities_for(slot, entities)
        if answer and found and all(any(_overlaps(e, a) and e.get("entity") != a.get("entity") for a in answer)
                                    for e in found):
            side.append(slot)
    return side


class ActionValidateSlotMappings(Action):
    """Undo what the slot mappings read from questions and side mentions, outside the profile form."""

    def name(self) -> str:
        return "action_validate_slot_mappings"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        text = tracker.latest_message.get("text") or ""
        mapped = tracker.slots_to_validate()
        if not text or text.startswith("/"):
            return []
        if not mapped and not _GOAL_CUE_RE.search(text) and stated_hours(text) is None:
            return []
        if tracker.active_loop.get("name"):
            requested = tracker.get_slot("requested_slot")
            side = side_readings(str(requested), tracker.latest_message.get("entities") or [], mapped) \
                if requested else []
            return [SlotSet(slot, value_before_latest_message(tracker, slot)) for slot in side]
        entities = tracker.latest_message.get("entities") or []
        before = {slot: value_before_latest_message(tracker, slot) for slot in mapped}
        checked = checked_values(text, entities, mapped, before)
        goal = stated_goal(text, entities) if tracker.get_slot("recommended_path") is not None else None
        if goal is not None:
            checked["target_role"] = goal
            if "current_role" in mapped and mapped["current_role"] == goal:
                checked.pop("current_role", None)  # the title named the goal, not the present job
        events: List[EventType] = []
        for slot, value in mapped.items():
            if slot not in checked:
                events.append(SlotSet(slot, value_before_latest_message(tracker, slot)))
            elif checked[slot] != value:
                events.append(SlotSet(slot, checked[slot]))
        if goal is not None and "target_role" not in mapped and goal != tracker.get_slot("target_role"):
            events.append(SlotSet("target_role", goal))
        after_path = tracker.get_slot("recommended_path") is not None
        hours = stated_hours(text) if "weekly_hours" not in mapped and after_path else None
        if hours is not None and hours != tracker.get_slot("weekly_hours"):
            events.append(SlotSet("weekly_hours", hours))  # "ok fine ill do 8 hrs a week then. how much is it?"
        return events
