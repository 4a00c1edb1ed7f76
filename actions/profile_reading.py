"""Reading the latest message for each profile slot, expected slot first (the form's `extract_<slot>`).

The question being asked (`requested_slot`) decides how a reply is read: "a bit" answers the coding
question, "4-5" the hours question, "PL-300" the certifications question. The reading rules live in
`components/answer_reader.py` (shared with the dialogue policy); this module applies them to a tracker:
it combines them with the NLU's entities and keeps facts from mentions about something else (a tool
named while describing coding, another cloud, a goal) out of the wrong slot.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Dict, List, Optional, Tuple

from rasa_sdk import Tracker

from actions.context import catalog, value_before_latest_message
from components.answer_certifications import goal_exams, read_certifications
from components.answer_reader import looks_like_question, read_answer, read_goal
from components.answer_roles import read_role, someone_elses_spans
from components.message_parts import question_spans, without_questions
from knowledge.vocabulary import CURRENT_ROLES, TARGET_ROLE_VALUES, UNDECIDED
from presentation.formats import role_label

# "I'm a …", "I work as …", "actually I'm more of …": the person says what they do now.
_CURRENT_CUE_RE = re.compile(
    r"\b(?:i'?m|i am|im|i work(?:ed)? (?:as|in)|working as|my (?:job|role|title|position) is|i'?ve been an?|"
    r"currently|right now|at the moment|by trade|actually)\b", re.IGNORECASE)
_FUTURE_BEFORE_RE = re.compile(r"\b(?:ready for|ready to|going for|moving (?:to|into|towards)|move (?:to|into)|"
                               r"switch(?:ing)? to|get into|getting into|aim\w*|want\w*|next|become|becoming|"
                               r"interested in|thinking (?:of|about))\b", re.IGNORECASE)
# "maybe data engineering is the better move", "I want to move into security": a goal, not today's role.
_GOAL_CUE_RE = re.compile(
    r"\b(?:better move|move (?:in)?to|moving (?:in)?to|switch(?:ing)? (?:in)?to|transition(?:ing)? (?:in)?to|"
    r"pivot(?:ing)? (?:in)?to|become|becoming|want to (?:be|do|go|get|work)|wanna (?:be|do|go)|get into|"
    r"go (?:in)?to|aim(?:ing)? (?:for|to)|goal|dream|would like to|i'?d like to|interested in|"
    r"thinking (?:of|about)|considering|next step|long[- ]term|one day|eventually|rather be|"
    r"(?:want|need|get|getting|after|going for) (?:the|an?|that)(?: \w+)?)\b", re.IGNORECASE)
# "maybe security later", "devops eventually": a goal for after this one, not the goal of this path.
_LATER_RE = re.compile(r"\b(?:later(?: on)?|eventually|someday|some day|one day|down the (?:road|line)|long[- ]term|"
                       r"in the future|after that|afterwards|in a few years|next year)\b", re.IGNORECASE)
_CORRECTION_RE = re.compile(r"\b(?:actually|more of an?|rather an?|correction|i meant|sorry,? i'?m)\b", re.IGNORECASE)
_CODING_ORDER = ("low", "medium", "high")
_ROLE_QUESTION_SLOTS = ("current_role", "target_role")


@dataclass
class SlotReading:
    """Values read from the latest message, and what to tell the person about how they were read."""

    values: Dict[str, Any] = field(default_factory=dict)
    notes: List[str] = field(default_factory=list)


def latest_text(tracker: Tracker) -> str:
    """The latest user message; empty for button payloads ("/inform{...}")."""
    text = tracker.latest_message.get("text") or ""
    return "" if text.startswith("/") else text


_ASKING_ABOUT_RE = re.compile(r"\W*(?:and\s+|so\s+|but\s+)?(?:why|how come|would|wouldn'?t|isn'?t|is|are|does|"
                              r"should|what about|how about)\b", re.IGNORECASE)


def _role_entities(tracker: Tracker, asked: bool = True) -> List[Dict[str, Any]]:
    """The NLU's job roles; while another question is asked (or after the path), none from inside a question
    ("does the Architect Expert count towards the Solutions Partner for Infrastructure designation?")."""
    found = [e for e in tracker.latest_message.get("entities") or [] if e.get("entity") == "job_role"
             and isinstance(e.get("value"), str)]
    text = latest_text(tracker)
    spans = [(a, b) for a, b in question_spans(text)
             if not asked or _ASKING_ABOUT_RE.match(text[a:b])]  # asked: "why admin tho?" is no answer either
    return [e for e in found if not any(a <= int(e.get("start") or -1) < b for a, b in spans)]


def _mapped_now(tracker: Tracker, slot: str) -> bool:
    """True when the NLU's slot mappings already set `slot` from the latest message."""
    return slot in tracker.slots_to_validate()


def _is_goal_mention(text: str, entity: Dict[str, Any]) -> bool:
    """A role named after a goal cue ("maybe X is the better move" counts too) and not after "I'm a"."""
    if entity.get("role") == "target":
        return True
    start = int(entity.get("start") or 0)
    before = text[max(0, start - 60):start]
    if _CURRENT_CUE_RE.search(before[-25:]):
        return False
    after = text[int(entity.get("end") or start):][:40]
    return bool(_GOAL_CUE_RE.search(before) or re.match(r"^\s*(?:is|would be|sounds|seems) (?:the |a )?(?:better|"
                                                         r"good|right|next)", after, re.IGNORECASE))


# Job titles: only a title replaces a role already known ("I'm on call a lot" or "I've been in infrastructure
# 20 years" describe work; "actually I'm more of a sysadmin" names a role)
_TITLE_RE = re.compile(r"\b(?:admin\w*|sysadmin|administrator|engineer|eng|developer|dev|programmer|coder|architect|"
                       r"analyst|dba|manager|lead|director|student|consultant|support|helpdesk|help desk|service desk|"
                       r"desk|technician|tech|scientist|sre|devops|specialist|officer|owner|designer|teacher|"
                       r"intern|graduate|grad)s?\b", re.IGNORECASE)


_NEGATED_RE = re.compile(r"\b(?:not|never|no longer|isn'?t|wasn'?t|aren'?t|nor|no)\b(?:\s+\w+){0,2}\s*$|"
                         r"n'?t\s+(?:\w+\s+)?(?:an?\s+)?$", re.IGNORECASE)


def is_negated(text: str, entity: Dict[str, Any]) -> bool:
    """True when the role is denied: "I'm not a dev", "never been an admin"."""
    start = entity.get("start")
    return isinstance(start, int) and bool(_NEGATED_RE.search(text[max(0, start - 25):start]))


def states_current_role(text: str, entity: Dict[str, Any]) -> bool:
    """True when the words say what the person does now, with a job title ("actually I'm more of a sysadmin"),
    never a denial ("I'm not a dev") or a description of work ("never done azure networking")."""
    start = int(entity.get("start") or 0)
    before = text[max(0, start - 30):start]
    if _FUTURE_BEFORE_RE.search(before):
        return False  # "now i think im ready for the devops thing" names where they go next
    return bool(_CURRENT_CUE_RE.search(before)) and _names_a_title(text, entity) and not is_negated(text, entity)


def _names_a_title(text: str, entity: Dict[str, Any]) -> bool:
    """True when the words of a role mention name a job title, not an activity or a tool."""
    start, end = entity.get("start"), entity.get("end")
    if not isinstance(start, int) or not isinstance(end, int):
        return True
    return bool(_TITLE_RE.search(text[start:end + 12]))


def read_current_role(tracker: Tracker, requested: Optional[str]) -> Optional[str]:
    """Today's role: asked, any role named; otherwise only a role stated as today's, never a goal or a tool."""
    text = latest_text(tracker)
    entities = [e for e in _role_entities(tracker, requested == "current_role") if e["value"] in CURRENT_ROLES]
    previous = value_before_latest_message(tracker, "current_role")
    if requested == "current_role":
        return _answer_to_role_question(tracker, text, entities)
    if not _mapped_now(tracker, "current_role") or not text:
        if requested is None and previous is None:
            # "sysadmin" or "just tell me which exam, I'm a helpdesk guy" as the first message
            today_roles = [e for e in entities if e.get("role") != "target" and not _is_goal_mention(text, e)]
            return str(today_roles[0]["value"]) if today_roles else None
        return None
    stated = [e for e in entities if e.get("role") != "target" and not _is_goal_mention(text, e)]
    if previous and requested != "current_role":
        # A tool or an activity named while answering another question never replaces the role.
        explicit = [e for e in stated if states_current_role(text, e)]
        if not explicit and stated and re.search(r"\b(?:i'?m|i am|im|i work as)\b", text, re.IGNORECASE):
            explicit = [e for e in stated[:1] if _names_a_title(text, e) and not is_negated(text, e)]
        return str(explicit[0]["value"]) if explicit else str(previous)
    if not stated and entities:
        return str(previous) if previous else "__drop__"
    if len({e["value"] for e in stated}) > 1:
        # "python dev … app service + postgres": the role named most (the first on a tie), not the last
        values = [str(e["value"]) for e in stated]
        best = max(dict.fromkeys(values), key=values.count)
        return best if best != tracker.slots_to_validate().get("current_role") else None
    return None


def _inside(entity: Dict[str, Any], spans: List[Tuple[int, int]]) -> bool:
    start = entity.get("start")
    return isinstance(start, int) and any(a <= start < b for a, b in spans)


def _answer_to_role_question(tracker: Tracker, text: str, entities: List[Dict[str, Any]]) -> Optional[str]:
    """The answer to "what do you do today?": the role named first ("PhD student in ML" is a student), never
    one in a clause about someone else ("my wife is a DBA, I do helpdesk"); typos, clippings and jobs outside
    IT ("sys admn", "nurse") by `components/answer_roles.py` when the NLU names no role of the person's."""
    mapped = tracker.slots_to_validate().get("current_role") if _mapped_now(tracker, "current_role") else None
    own = [e for e in entities if not _inside(e, someone_elses_spans(text))]
    preferred = [e for e in own if e.get("role") != "target"] or own
    if not preferred:
        typed = read_role(text, current=True) if text else None
        value = typed or ("__drop__" if mapped is not None and entities else None)  # only someone else's role
        return value if value != mapped else None
    values = {e["value"] for e in preferred}
    if mapped is None or len(values) > 1 or mapped not in values:
        first = str(preferred[0]["value"])
        return first if first != mapped else None
    return None


def read_target_role(tracker: Tracker, requested: Optional[str]) -> SlotReading:
    """The goal, and the exams named as the aim ("goal cybersecurity architect (SC-100)": SC-100 chosen)."""
    reading = _read_goal(tracker, requested)
    text = latest_text(tracker)
    held = set(tracker.get_slot("certifications_held") or [])
    aims = [code for code in goal_exams(without_questions(text)) if code not in held and code in catalog().exams]
    if aims:
        chosen = list(tracker.get_slot("chosen_exams") or [])
        reading.values["chosen_exams"] = chosen + [code for code in aims if code not in chosen]
    return reading


def _read_goal(tracker: Tracker, requested: Optional[str]) -> SlotReading:
    """The goal: job titles, and goals that are not titles (not sure, stay, just the fundamentals)."""
    reading = SlotReading()
    text = latest_text(tracker)
    asked = requested == "target_role"
    current = tracker.get_slot("current_role")
    entities = _role_entities(tracker, asked)
    goal = read_goal(text, asked) if text else None
    if asked and goal is None and text and not entities:
        typed = read_role(text, current=False)  # "cloud archtect", "data eng": what the NLU's lexicon missed
        if typed in TARGET_ROLE_VALUES:
            reading.values["target_role"] = typed
            return reading
    named = [e for e in entities if e.get("role") == "target"] or [e for e in entities if _is_goal_mention(text, e)]
    theirs = [e for e in named if _someone_elses_wish(text, e)]  # "my manager wants me to be an architect, but …"
    if theirs and len(theirs) < len(named):
        named = [e for e in named if e not in theirs]
    if asked and not named:
        # "actually I'm more of a sysadmin" while the goal is asked corrects today's role, it is no goal
        named = [e for e in entities if not _CORRECTION_RE.search(text[max(0, int(e.get("start") or 0) - 30):
                                                                          int(e.get("start") or 0)])]
        if entities and not named:
            reading.values["target_role"] = "__drop__"
            reading.values["current_role"] = str(entities[0]["value"])
            return reading
    named_targets = [str(e["value"]) for e in named if e["value"] in TARGET_ROLE_VALUES]
    if goal is not None:
        if goal.fundamentals_only and goal.stay and not re.search(r"\b(?:overview|basics|fundamentals|high[- ]level|"
                                                                 r"big picture)\b", text, re.IGNORECASE):
            goal = replace(goal, fundamentals_only=False)  # "staying DE but want something current on my CV"
        if goal.fundamentals_only:
            reading.values["goal_scope"] = "fundamentals"
            target = goal.topic_role or next((r for r in named_targets if r != UNDECIDED), None)
            if target is None:
                target = current if current in TARGET_ROLE_VALUES else UNDECIDED
            reading.values["target_role"] = target
            return reading
        if goal.stay:
            target = next((r for r in named_targets if r != UNDECIDED), None)
            if target is None and current in TARGET_ROLE_VALUES:
                target = current
            if target is None:
                reading.values["goal_scope"] = "fundamentals"
                label = role_label(str(current)) if current else "your role"
                reading.notes.append(f"Staying in {label} is a fine goal: I'll suggest the overview certification "
                                     "that fits it rather than a long technical path.")
                target = UNDECIDED
            reading.values["target_role"] = target
            reading.values["goal_scope"] = reading.values.get("goal_scope", "full")
            return reading
        if goal.undecided and not named_targets:
            reading.values["target_role"] = UNDECIDED
            return reading
    if not named_targets and not asked and tracker.get_slot("target_role") is None:
        by_exam = _goal_from_exam(tracker, text)  # "I want the azure architect cert asap": AZ-305's track
        if by_exam is not None:
            reading.values["target_role"] = by_exam
            return reading
    now = goal_for_now(text, named)  # never a role named as today's work ("sysadmin … azure vms … entra")
    if now is not None and (asked or named_targets) and now != tracker.get_slot("target_role"):
        reading.values["target_role"] = now  # "azure admin i guess, maybe devops later": the admin goal
        return reading
    real_targets = [r for r in named_targets if r != UNDECIDED]
    if asked and real_targets and tracker.slots_to_validate().get("target_role") == UNDECIDED:
        reading.values["target_role"] = real_targets[0]  # "maybe data engineering? not 100% sure"
        return reading
    if named_targets and tracker.get_slot("goal_scope") == "fundamentals" and not (goal and goal.fundamentals_only):
        reading.values["goal_scope"] = "full"  # "my goal is cloud architect, redo the path": the whole track again
    if asked and _mapped_now(tracker, "target_role"):
        return reading
    if named_targets and (asked or not _mapped_now(tracker, "target_role")):
        reading.values["target_role"] = named_targets[0]
    return reading


_WANT_EXAM_RE = re.compile(r"\b(?:want|need|get|getting|aiming for|going for|after|go for|become)\b", re.IGNORECASE)


def _goal_from_exam(tracker: Tracker, text: str) -> Optional[str]:
    """The goal an exam stands for when the person wants that exam ("I want the architect cert" → architect)."""
    if not _WANT_EXAM_RE.search(text):
        return None
    stated = read_certifications(text, asked=False)
    held = set(stated.codes + stated.not_held) if stated else set()  # "I have AZ-104 and want more": no goal
    codes = [str(e.get("value")) for e in tracker.latest_message.get("entities") or []
             if e.get("entity") == "exam_code" and e.get("role") != "held" and str(e.get("value")) not in held]
    kb = catalog()
    for code in codes:
        for track in kb.tracks.values():
            if any(step.exam == code and step.kind == "target" for step in track.steps):
                return track.role
    return None


_SOMEONE_ELSES_WISH_RE = re.compile(r"\b(?:my|our)\s+(?:boss|manager|lead|team ?lead|company|employer|parents?|"
                                    r"dad|mum|mom|wife|husband|partner)\s+(?:\w+\s+){0,2}(?:wants?|would like|"
                                    r"thinks?|says?|pushes|pushing|expects?)\b(?:(?!\b(?:but|however|though|whereas)\b)[^,.;])*$",
                                    re.IGNORECASE)


def _someone_elses_wish(text: str, entity: Dict[str, Any]) -> bool:
    """True when the role is what someone else wants for the person, in the same clause."""
    start = entity.get("start")
    return isinstance(start, int) and bool(_SOMEONE_ELSES_WISH_RE.search(text[max(0, start - 50):start]))


def goal_for_now(text: str, entities: List[Dict[str, Any]]) -> Optional[str]:
    """With two goals named, the first one not put off until later ("X? maybe Y later" gives X), or else the
    first one named ("devops or cloud engineer"); None with fewer than two."""
    def start(entity: Dict[str, Any]) -> int:
        return int(entity.get("start") or 0)

    goals = sorted((e for e in entities if e["value"] in TARGET_ROLE_VALUES and e["value"] != UNDECIDED
                    and not _CURRENT_CUE_RE.search(text[max(0, start(e) - 25):start(e)])), key=start)
    if len({e["value"] for e in goals}) < 2:
        return None
    later = [e for e in goals if _LATER_RE.search(text[int(e.get("end") or 0):][:25])
             or _LATER_RE.search(text[max(0, start(e) - 20):start(e)])]
    if not later:
        return str(goals[0]["value"])  # "devops or cloud engineer", "architect, data platform focused": the first
    return next((str(e["value"]) for e in goals if e not in later), None)


# "keep ai-200 and add az-104 after it", "put AZ-900 first", "switch to DP-750": about the path, not holdings
# Outside the hours question, hours are hours only with a unit or a rate ("10 hours a week", "8h", "6 per week").
_HOURS_UNIT_RE = re.compile(r"\d\s*(?:h|hr|hrs|hours?|hs)\b|\b(?:hours?|hrs?)\b|"
                            r"\b(?:per|a|each|every) ?(?:week|wk|day|night|evening|weekend)\b|/ ?(?:week|wk|w)\b|"
                            r"\bweekly\b", re.IGNORECASE)
# "I already studied 12 hours for DP-700": hours done so far, not hours a week (unless a rate is said)
_SO_FAR_RE = re.compile(r"\b(?:already|so far|studied|spent|done|put in|logged|total)\b", re.IGNORECASE)
_RATE_RE = re.compile(r"\b(?:per|a|each|every) ?(?:week|wk)\b|/ ?(?:week|wk|w)\b|\bweekly\b|\bh/w\b", re.IGNORECASE)
# While another question is asked, Azure experience is read only from words about experience.
_EXPERIENCE_CUE_RE = re.compile(r"\b(?:experience|exp|years?|yrs|months?|weeks?|hands[- ]on|used|using|use it|daily|"
                                r"every ?day|worked|work with|working with|labs?|portal|never|tons|a lot|lots)\b",
                                re.IGNORECASE)


def read_simple(tracker: Tracker, slot: str, requested: Optional[str], today: date) -> SlotReading:
    """coding_comfort, azure_experience, weekly_hours, org_cloud_maturity."""
    reading = SlotReading()
    text = latest_text(tracker)
    if not text:
        return reading
    asked = requested == slot
    if not asked and (requested or tracker.get_slot("recommended_path") is not None) and \
            (looks_like_question(text) or text.rstrip().endswith("?")) and \
            not re.search(r"\bwhat if\b|\bif i\b", text, re.IGNORECASE):
        # "is 8-15 hours realistic for a beginner?" asks; it tells nothing about the person
        if _mapped_now(tracker, slot):  # undo what the NLU's mapping read from the question
            previous = value_before_latest_message(tracker, slot)
            reading.values[slot] = previous if previous is not None else "__drop__"
        return reading
    if not asked and _mapped_now(tracker, slot) and slot == "weekly_hours" and (
            not _HOURS_UNIT_RE.search(text) or (_SO_FAR_RE.search(text) and not _RATE_RE.search(text))):
        # "I'll move it to 15 March 2027", "how hard is 104 for me": a date or an exam, never hours without a unit
        reading.values[slot] = value_before_latest_message(tracker, slot) or "__drop__"
        return reading
    if not asked and _mapped_now(tracker, slot) and slot == "weekly_hours":
        ours = read_answer(slot, text, True, today)  # "6, like before": the reader's rules, not the NLU's guess
        if ours is not None and ours.value != tracker.slots_to_validate().get(slot):
            reading.values[slot] = ours.value
        elif ours is None:  # "so which ONE do i book first" after the path names no hours: keep the old ones
            reading.values[slot] = value_before_latest_message(tracker, slot) or "__drop__"
        return reading
    if not asked and _mapped_now(tracker, slot) and slot != "azure_experience":
        return reading  # the NLU read an explicit statement; keep it
    if not asked and requested and slot == "azure_experience" and not _EXPERIENCE_CUE_RE.search(text):
        return reading  # "Azure Fundamentals" answers the certifications question; it says nothing of experience
    found = read_answer(slot, text, asked, today)
    if found is None:
        if not asked and slot == "azure_experience" and _mapped_now(tracker, slot) and re.search(
                r"\b(?:aws|gcp|google cloud|amazon)\b", text, re.IGNORECASE):
            # "tons on AWS" is not Azure experience: keep what was known before
            reading.values[slot] = value_before_latest_message(tracker, slot) or "__drop__"
        return reading
    previous = tracker.get_slot(slot)
    if not asked and slot == "coding_comfort" and previous in _CODING_ORDER and found.value in _CODING_ORDER and \
            _CODING_ORDER.index(found.value) < _CODING_ORDER.index(previous):
        return reading  # "oh and I write terraform too" adds a skill; it never lowers the level already given
    reading.values[slot] = found.value
    if found.note:
        reading.notes.append(found.note)
    return reading
