"""`action_choose_exam`: "switch my path to AI-300", "skip AZ-104", or "yes" to the offer of either.

The change goes through `advisor/exam_choice.py`; it is said out loud and the new path shown. Nothing
else in the profile changes, and a change that cannot be made says why and leaves the path as it is.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import List, Optional, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.channel_output import send
from actions.context import catalog, previous_bot_text
from actions.exam_mentions import codes_with_bare_numbers, exam_in_focus, read_question
from actions.recommendation import send_recommendation
from advisor.exam_choice import ExamChoice, choose_exam, first_step_offer, skip_exam, without_own_choice
from advisor.profile import Profile
from advisor.recommendation import Recommendation
from advisor.rules import recommend
from components.follow_up_reader import accepts_offer, follow_up_kind
from knowledge.catalog import Catalog
from knowledge.resolver import distinct_codes, find_exam_mentions
from presentation.buttons import follow_up_buttons
from presentation.formats import role_label
from presentation.reply import Reply

# "put AZ-305 on my path after AZ-400", "add SC-500 too": after the rest of the path, not instead of a step
_ADD_RE = re.compile(r"\b(?:after|afterwards|as well|also|too|in addition|add|plus|on top)\b", re.IGNORECASE)
# "I'd rather just do AI-901", "only AZ-900 instead": a fundamentals exam alone, not a first step
_ALONE_RE = re.compile(r"\b(?:just|only|alone|instead|rather|nothing else)\b", re.IGNORECASE)
_SKIP_WORD_RE = re.compile(r"\b(?:skip|skipping|drop|remove|take|leave|cut|get rid of|scrap|ditch)\b", re.IGNORECASE)


def _named_exam(text: str, codes: List[str], path: List[str]) -> Optional[str]:
    """The exam to choose: the first one named that is not already on the path ("swap 104 for 802")."""
    return next((code for code in codes if code not in path), codes[0] if codes else None)


def _lead(choice: ExamChoice, before: List[str], after: List[str], old_goal: Optional[str], kb: Catalog) -> str:
    """The sentence that says what changed: the new path and the old one."""
    exam = kb.exam(choice.code)
    lead = ""
    if choice.replaced:
        old = kb.exam(choice.replaced)
        when = old.status.retirement_date.isoformat() if old.status.retirement_date else "earlier"
        lead = f"{old.code} retired on {when}; its successor is {exam.code}. "
    now = f"your path is now {' → '.join(after) or 'complete'} (it was {' → '.join(before) or 'empty'})"
    if choice.target_role:
        was = f" (it was {role_label(old_goal)})" if old_goal else ""
        return lead + f"Got it: your goal is now {role_label(choice.target_role)}{was}, and {now}."
    return lead + f"Done: {now}."


def _skipped(text: str, codes: List[str]) -> str:
    """The exam named right after the skip word ("skip 104 and just do 700" → AZ-104)."""
    match = _SKIP_WORD_RE.search(text)
    after = text[match.end():match.end() + 30] if match else ""
    found = [(hit.start(), code) for code in codes
             for hit in [re.search(rf"(?<!\d){code.split('-')[1]}(?!\d)", after)] if hit]
    return min(found)[1] if found else codes[0]


def _with_added(profile: Profile, codes: List[str], rec: Recommendation, kb: Catalog) -> Tuple[Profile, List[str]]:
    """The profile with each exam added after the path in turn, and the exams that could not be added."""
    refused: List[str] = []
    for code in codes:
        choice = choose_exam(code, profile, rec.path, rec.track, kb, rec.today, add=True)
        if choice.refused:
            refused.append(code)
        elif not choice.already_on_path:
            profile = replace(profile, added_exams=choice.added_exams)
    return profile, refused


class ActionChooseExam(Action):
    """Puts the exam the person chose on their path, or says why it cannot."""

    def name(self) -> str:
        return "action_choose_exam"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        kb, today, profile, text, mentions = read_question(tracker)
        rec = recommend(profile, kb, today)
        command = accepts_offer(text, previous_bot_text(tracker))
        if command:  # "yes" to 'Say yes, or "switch to DP-750"'
            text = command
            mentions = replace(mentions, codes=distinct_codes(find_exam_mentions(command, kb, today)))
        codes = codes_with_bare_numbers(text, mentions.codes, kb, rec.path)
        kind = follow_up_kind(text)
        if kind == "fundamentals_only":  # "just the fundamentals": the track's fundamentals exam alone
            fundamentals = next((c for c in codes if kb.exam(c).level == "fundamentals"), rec.track.fundamentals)
            return self._choose(dispatcher, tracker, choose_exam(fundamentals, profile, [], rec.track, kb, today),
                                rec)
        back = [c for c in codes if c in profile.skipped_exams]
        if back and kind in ("choose_exam", "reorder"):  # "put AZ-104 back on my path": the skip undone
            return self._unskip(dispatcher, tracker, back, rec)
        if kind == "reorder":
            return self._reorder(dispatcher, tracker, text, codes, rec)
        if kind == "skip_exam" and codes:
            return self._skip(dispatcher, tracker, _skipped(text, codes), rec)
        code = _named_exam(text, codes, rec.path) or exam_in_focus(tracker, kb)
        if code is not None and not _ALONE_RE.search(text) and first_step_offer(code, profile, rec, kb):
            return self._reorder(dispatcher, tracker, text, [code], rec)  # "put AZ-900 on my path": first, goal kept
        if code is None:
            send(dispatcher, tracker, [Reply(
                text="Which exam should I put on your path? Name it, for example \"switch to SC-200\".",
                buttons=follow_up_buttons(rec))])
            return [SlotSet("answer_kind", "exam_choice")]
        add = bool(_ADD_RE.search(text)) and bool(rec.path)
        several = [c for c in codes if c not in rec.path and not profile.holds(c)]
        if add and len(several) > 1:  # "add SC-500 and SC-100 after AZ-305": both, in the order named
            return self._add_several(dispatcher, tracker, several, rec)
        return self._choose(dispatcher, tracker, choose_exam(code, profile, rec.path, rec.track, kb, today, add=add),
                            rec)

    @staticmethod
    def _choose(dispatcher: CollectingDispatcher, tracker: Tracker, choice: ExamChoice,
                rec: Recommendation) -> List[EventType]:
        """The choice applied and the new path shown, or why nothing changes."""
        kb, profile = catalog(), rec.profile
        exam = kb.exam(choice.code)
        path = " → ".join(rec.path) or "nothing new"
        new = rec
        # an order asked for before ends with the fundamentals alone, and an exam added "after" is not first
        first = () if choice.goal_scope == "fundamentals" else tuple(
            c for c in profile.first_exams if c not in choice.added_exams or c in profile.added_exams)
        if not (choice.already_on_path or choice.refused):
            changed = replace(profile, chosen_exams=choice.chosen_exams, added_exams=choice.added_exams,
                              target_role=choice.target_role or profile.target_role,
                              goal_scope=choice.goal_scope or profile.goal_scope, first_exams=first)
            new = recommend(changed, kb, rec.today)
        if choice.already_on_path:
            step = rec.path.index(choice.code) + 1
            message = f"{exam.code} is already on your path: step {step} of {len(rec.path)} ({path})."
        elif choice.refused == "held":
            message = f"You already hold {exam.code}, so it isn't repeated. Your path stays {path}."
        elif choice.refused == "not_on_any_track":
            message = (f"{exam.label} isn't part of any path I build, so I can't put it in place of a step: it "
                       f"serves {' '.join(exam.audience.split()) or 'a narrower audience'} You can take it "
                       f"alongside; your path stays {path}.")
        elif new.path == rec.path:
            message = f"That doesn't change your path: it stays {path}."
        else:
            send_recommendation(dispatcher, tracker, new, _lead(choice, rec.path, new.path, profile.target_role, kb))
            events: List[EventType] = [SlotSet("chosen_exams", list(choice.chosen_exams)),
                                       SlotSet("added_exams", list(choice.added_exams)),
                                       SlotSet("first_exams", list(first)),
                                       SlotSet("recommended_path", new.path), SlotSet("exam_in_focus", exam.code),
                                       SlotSet("answer_kind", "exam_choice")]
            if choice.target_role:
                events.insert(0, SlotSet("target_role", choice.target_role))
            if choice.goal_scope:
                events.insert(0, SlotSet("goal_scope", choice.goal_scope))
            return events
        send(dispatcher, tracker, [Reply(text=message, buttons=follow_up_buttons(rec))])
        return [SlotSet("exam_in_focus", exam.code), SlotSet("answer_kind", "exam_choice")]

    @staticmethod
    def _unskip(dispatcher: CollectingDispatcher, tracker: Tracker, codes: List[str],
                rec: Recommendation) -> List[EventType]:
        """Exams skipped earlier put back on the path, where the rules place them."""
        kb, profile = catalog(), rec.profile
        changed = replace(profile, skipped_exams=tuple(c for c in profile.skipped_exams if c not in codes))
        new = recommend(changed, kb, rec.today)
        before = " → ".join(rec.path) or "empty"
        send_recommendation(dispatcher, tracker, new, f"Done: {' and '.join(codes)} is back on your path, which is "
                                                      f"now {' → '.join(new.path)} (it was {before}).")
        return [SlotSet("skipped_exams", list(changed.skipped_exams)), SlotSet("recommended_path", new.path),
                SlotSet("exam_in_focus", codes[0]), SlotSet("answer_kind", "exam_choice")]

    @staticmethod
    def _add_several(dispatcher: CollectingDispatcher, tracker: Tracker, codes: List[str],
                     rec: Recommendation) -> List[EventType]:
        """Several exams added after the path at once, each as "add CODE" would."""
        kb = catalog()
        changed, refused = _with_added(rec.profile, codes, rec, kb)
        new = recommend(changed, kb, rec.today)
        path = " → ".join(rec.path) or "empty"
        note = f" ({', '.join(refused)}: not something I can put on this path.)" if refused else ""
        if new.path == rec.path:
            send(dispatcher, tracker, [Reply(text=f"That doesn't change your path: it stays {path}.{note}",
                                             buttons=follow_up_buttons(rec))])
            return [SlotSet("answer_kind", "exam_choice")]
        send_recommendation(dispatcher, tracker, new, f"Done: your path is now {' → '.join(new.path)} (it was "
                                                      f"{path}).{note}")
        return [SlotSet("added_exams", list(changed.added_exams)), SlotSet("recommended_path", new.path),
                SlotSet("exam_in_focus", codes[-1]), SlotSet("answer_kind", "exam_choice")]

    @staticmethod
    def _reorder(dispatcher: CollectingDispatcher, tracker: Tracker, text: str, codes: List[str],
                 rec: Recommendation) -> List[EventType]:
        """"AZ-802 first, then AZ-104", "add AZ-104 as step 1", "swap the order": the order asked for."""
        kb, profile = catalog(), rec.profile
        required = [s.code for s in rec.steps if not s.optional]
        if re.search(r"\bafter\b", text, re.IGNORECASE) and not re.search(r"\b(?:before|first)\b", text, re.IGNORECASE):
            codes = list(reversed(codes))  # "put AZ-305 on after AZ-104": AZ-104 leads
        first = codes[0] if codes else (required[1] if len(required) >= 2 else None)
        if first is None:
            send(dispatcher, tracker, [Reply(text="Which exam should come first? For example \"AZ-802 first, then "
                                                  "AZ-104\".", buttons=follow_up_buttons(rec))])
            return [SlotSet("answer_kind", "exam_choice")]
        added = profile.added_exams
        if first not in rec.path and not profile.holds(first):
            choice = choose_exam(first, profile, rec.path, rec.track, kb, rec.today, add=True)
            if choice.refused:
                return ActionChooseExam._choose(dispatcher, tracker, choice, rec)
            added = choice.added_exams
        later = [c for c in codes[1:] if c not in rec.path and not profile.holds(c)]
        if later:  # "AI-103 first and then AB-100, put that on my path": the second one joins the path too
            added = _with_added(replace(profile, added_exams=added), later, rec, kb)[0].added_exams
        order = tuple(dict.fromkeys([first] + [c for c in codes[1:] if c != first]))
        new = recommend(replace(profile, added_exams=added, first_exams=order), kb, rec.today)
        path = " → ".join(rec.path) or "empty"
        if new.path == rec.path:
            send(dispatcher, tracker, [Reply(text=f"Your path already has that order: {path}.",
                                             buttons=follow_up_buttons(rec))])
            return [SlotSet("answer_kind", "exam_choice")]
        needs = [s.code for s in new.steps[:1] if any(c in o for o in s.exam.prerequisite_sets
                                                     for c in new.path[1:])]
        note = (f" You may sit {needs[0]} first; its certification is awarded once its prerequisite is held too."
                if needs else "")
        send_recommendation(dispatcher, tracker, new,
                            f"Done: your path is now {' → '.join(new.path)} (it was {path}).{note}")
        return [SlotSet("first_exams", list(order)), SlotSet("added_exams", list(added)),
                SlotSet("recommended_path", new.path), SlotSet("answer_kind", "exam_choice")]

    @staticmethod
    def _skip(dispatcher: CollectingDispatcher, tracker: Tracker, code: str, rec: Recommendation) -> List[EventType]:
        """"skip AZ-104": off the path when it only prepares for the goal; otherwise why it stays."""
        kb = catalog()
        path = " → ".join(rec.path) or "nothing new"
        unchosen = without_own_choice(code, rec.profile)
        if unchosen is not None and rec.step(code) is not None:  # "remove AI-200" after "add AI-200"
            new = recommend(unchosen, kb, rec.today)
            if code not in new.path:
                send_recommendation(dispatcher, tracker, new, f"Done: {code} is off your path; it is now "
                                                              f"{' → '.join(new.path) or 'complete'} (it was {path}).")
                return [SlotSet("chosen_exams", list(unchosen.chosen_exams)),
                        SlotSet("added_exams", list(unchosen.added_exams)),
                        SlotSet("first_exams", list(unchosen.first_exams)), SlotSet("recommended_path", new.path),
                        SlotSet("answer_kind", "exam_choice")]
        choice = skip_exam(code, rec.profile, rec, catalog())
        if choice.refused == "not_on_path" and rec.profile.holds(code):  # "take PL-300 off my list, it lapsed"
            held = [c for c in rec.profile.certifications_held if c != code]
            new = recommend(replace(rec.profile, certifications_held=tuple(held)), kb, rec.today)
            lead = f"Done: {code} is off the certifications you hold."
            if new.path != rec.path:
                send_recommendation(dispatcher, tracker, new, f"{lead} Your path is now {' → '.join(new.path)} "
                                                              f"(it was {path}).")
            else:
                send(dispatcher, tracker, [Reply(text=f"{lead} Your path stays {path}.",
                                                 buttons=follow_up_buttons(rec))])
            return [SlotSet("certifications_held", held), SlotSet("recommended_path", new.path),
                    SlotSet("answer_kind", "exam_choice")]
        if choice.refused == "not_on_path":
            message = f"{code} isn't on your path ({path}), so there is nothing to skip."
        elif choice.refused == "required" and choice.required_by == code and any(
                s.exam.level == "fundamentals" for s in rec.steps):  # "drop AZ-104": the fundamentals alone, then
            fundamentals = next(s.code for s in rec.steps if s.exam.level == "fundamentals")
            alone = replace(choose_exam(fundamentals, rec.profile, [], rec.track, kb, rec.today), target_role=None)
            return ActionChooseExam._choose(dispatcher, tracker, alone, rec)  # the goal stays; only the path shrinks
        elif choice.refused == "required":
            message = (f"{code} stays: it is your goal's exam ({path}). To drop it, change the goal (\"change my "
                       "goal\")." if choice.required_by == code else
                       f"{code} stays: the {kb.exam(choice.required_by or code).certification} certification "
                       f"({choice.required_by}) requires it. You may sit {choice.required_by} first, but the "
                       f"certification is only awarded once you hold {code} too.")
        else:
            new = recommend(replace(rec.profile, skipped_exams=choice.skipped_exams), kb, rec.today)
            send_recommendation(dispatcher, tracker, new, f"Done: {code} is off your path; it is now "
                                                          f"{' → '.join(new.path) or 'complete'} (it was {path}).")
            return [SlotSet("skipped_exams", list(choice.skipped_exams)), SlotSet("recommended_path", new.path),
                    SlotSet("answer_kind", "exam_choice")]
        send(dispatcher, tracker, [Reply(text=message, buttons=follow_up_buttons(rec))])
        return [SlotSet("exam_in_focus", code), SlotSet("answer_kind", "exam_choice")]
