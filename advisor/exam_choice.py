"""Exams the person chose themselves: "switch my path to AI-300", "put SC-200 on my path instead",
"skip AZ-104".

Pure functions over the knowledge base (no Rasa):
- `choose_exam` decides what a choice means for the profile: the exam joins `chosen_exams`, and when it
  belongs to another track than the current one, the goal moves to that track (said out loud by the caller).
- `put_chosen_exams_on_path` is the rule that honours the choice when the path is built: a chosen exam
  that is an alternative on the track takes the place of the track's target of the same level (and of the
  foundation steps that were there for that target); one of another level is added after the target.
  A choice that has nothing to do with the current track is ignored, so a later change of goal is safe.
  An exam named in the track's `next` is added after the target ("put AZ-305 on my path after AZ-400").
- `skip_exam` and `drop_skipped_steps`: a step that only prepares for the goal (fundamentals, foundation,
  coding bridge) can be skipped on request; a step a certification requires, or the goal itself, cannot.
- `put_first_exams_first`: the order the person asked for ("AZ-802 first, then AZ-104").
- `choice_offer` and `skip_offer`: the sentences that offer these changes; "yes" takes them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Callable, List, Optional, Tuple

from advisor.profile import Profile
from advisor.recommendation import Fact, Reason, Recommendation, Step
from advisor.rule_facts import held_and_active
from knowledge.catalog import Catalog, Exam, RoleTrack


@dataclass(frozen=True)
class ExamChoice:
    """What choosing an exam does to the profile, or why it cannot be done (`refused`)."""

    code: str
    chosen_exams: Tuple[str, ...] = ()
    added_exams: Tuple[str, ...] = ()  # "put AZ-305 on my path after AZ-400": added after the target
    target_role: Optional[str] = None  # a new goal when the exam belongs to another track
    replaced: Optional[str] = None  # the retired exam that was named, when its successor was taken
    already_on_path: bool = False
    refused: Optional[str] = None  # held | not_on_any_track
    goal_scope: Optional[str] = None  # "fundamentals" for a fundamentals exam alone; "full" to leave that


def _alternative_when(track: RoleTrack, code: str) -> Optional[str]:
    return next((a.when for a in track.alternatives if a.exam == code), None)


def _is_target(track: RoleTrack, code: str) -> bool:
    return any(step.exam == code and step.kind == "target" for step in track.steps)


def _track_for(code: str, catalog: Catalog) -> Optional[RoleTrack]:
    """The track whose goal the exam is, or else the first track that names it as an alternative."""
    tracks = list(catalog.tracks.values())
    return next((t for t in tracks if _is_target(t, code)), None) or \
        next((t for t in tracks if _alternative_when(t, code) is not None), None)


def _current(code: str, catalog: Catalog, today: date) -> Tuple[Exam, Optional[str]]:
    """The exam to take for a code: itself, or its current successor when it has retired."""
    exam = catalog.exam(code)
    if not exam.is_retired_on(today):
        return exam, None
    successor = catalog.current_successor(code, today)
    return (successor, code) if successor is not None else (exam, None)


def choose_exam(code: str, profile: Profile, path: List[str], track: RoleTrack, catalog: Catalog,
                today: date, add: bool = False) -> ExamChoice:
    """What "put CODE on my path" (instead of a step, or with `add` after the rest) means for this person,
    whose path follows `track` today. In order:
    - on the path already, or held: nothing to do (said so);
    - `add`: after the rest of the path;
    - a fundamentals exam ("I'd rather just do AI-901"): that exam alone, on its track;
    - the track's own goal ("switch back to SC-500", or AZ-104 after "just the fundamentals"): the full track;
    - an alternative on the track: it takes the place of the target of its level;
    - another track's goal ("switch to AZ-700"): the goal moves to that track;
    - an exam the track names as next: after the target;
    - another track's alternative: the goal moves, with the exam chosen there.
    """
    exam, replaced = _current(code, catalog, today)
    keep = (profile.chosen_exams, profile.added_exams)
    if exam.code in path:
        return ExamChoice(exam.code, *keep, replaced=replaced, already_on_path=True)
    if profile.holds(exam.code):
        return ExamChoice(exam.code, *keep, replaced=replaced, refused="held")
    if add:
        added = tuple(c for c in profile.added_exams if c != exam.code) + (exam.code,)
        return ExamChoice(exam.code, profile.chosen_exams, added, replaced=replaced)
    if exam.level == "fundamentals":
        home = next((t for t in catalog.tracks.values() if t.fundamentals == exam.code), None)
        role = home.role if home is not None and home.role != track.role else None
        if home is None and track.fundamentals != exam.code:
            return ExamChoice(exam.code, *keep, replaced=replaced, refused="not_on_any_track")
        # that exam alone: what was added before goes ("add AI-200 after AZ-900" can add it back)
        return ExamChoice(exam.code, profile.chosen_exams, (), target_role=role, replaced=replaced,
                          goal_scope="fundamentals")
    scope = "full" if profile.goal_scope == "fundamentals" else None
    if _is_target(track, exam.code):  # undo the alternative; the code stays as a marker of the choice
        instead = {a.exam for a in track.alternatives if catalog.exam(a.exam).level == exam.level}
        chosen = tuple(c for c in profile.chosen_exams if c not in instead and c != exam.code) + (exam.code,)
        return ExamChoice(exam.code, chosen, profile.added_exams, replaced=replaced, goal_scope=scope)
    chosen = tuple(c for c in profile.chosen_exams if c != exam.code) + (exam.code,)
    if _alternative_when(track, exam.code) is not None:
        return ExamChoice(exam.code, chosen, profile.added_exams, replaced=replaced, goal_scope=scope)
    other = _track_for(exam.code, catalog)
    if other is not None and _is_target(other, exam.code):  # the goal itself moves
        chosen = tuple(c for c in profile.chosen_exams if c != exam.code)
        return ExamChoice(exam.code, chosen, profile.added_exams, target_role=other.role, replaced=replaced,
                          goal_scope=scope)
    if exam.code in track.next:
        return ExamChoice(exam.code, chosen, profile.added_exams, replaced=replaced, goal_scope=scope)
    if other is None:
        return ExamChoice(exam.code, *keep, replaced=replaced, refused="not_on_any_track")
    return ExamChoice(exam.code, chosen, profile.added_exams, target_role=other.role, replaced=replaced,
                      goal_scope=scope)


def put_chosen_exams_on_path(rec: Recommendation, catalog: Catalog,
                             exam_facts: Callable[[Exam, Catalog], Tuple[Fact, ...]]) -> None:
    """Rule 2b: an exam the person chose takes its place on the path (see the module's opening comment).

    `exam_facts` is the rules' own fact list for a step, so a chosen step shows what every step shows."""
    for code in rec.profile.chosen_exams:
        if not catalog.has_exam(code) or rec.step(code) is not None:
            continue
        when = _alternative_when(rec.track, code)
        if when is None and code not in rec.track.next:
            continue  # chosen on another track: not this goal's business
        exam = catalog.exam(code)
        targets = [s for s in rec.steps if s.kind == "target"]
        same_level = [s for s in targets if s.exam.level == exam.level]
        fits = f" It fits when {when}." if when else ""
        named = Fact(f"{code} is named on the {rec.track.title} track.", rec.track.source)
        facts: Tuple[Fact, ...] = (named,) + exam_facts(exam, catalog)
        met = bool(exam.prerequisite_sets) and any(all(held_and_active(c, rec.profile, catalog, rec.today)
                                                       for c in option) for option in exam.prerequisite_sets)
        if not same_level and met and targets:  # "switch to SC-100" holding SC-300: the expert replaces the goal's exam
            same_level = targets[:1]
            rec.steps = [s for s in rec.steps if s.kind != "target" or s is same_level[0]]
        if same_level:  # an alternative, or an exam of the track's "next" list chosen instead ("switch to DP-600")
            replaced = same_level[0]
            dropped = [s.code for s in rec.steps if s.kind == "foundation"]
            text = f"{code} takes the place of {replaced.code} on your path.{fits}"
            if dropped:
                text += f" {', '.join(dropped)} was there to prepare for {replaced.code}, so it is left out."
            position = rec.steps.index(replaced)
            rec.steps[position] = Step(exam=exam, kind="target", reasons=[Reason("chosen_exam", text, facts)])
            rec.steps = [s for s in rec.steps if s.kind != "foundation"]
        else:
            text = f"{code} comes after the rest of your path.{fits}"
            rec.steps.append(Step(exam=exam, kind="target", reasons=[Reason("chosen_exam", text, facts)]))
    for code in rec.profile.added_exams:
        if not catalog.has_exam(code) or rec.step(code) is not None or catalog.exam(code).is_retired_on(rec.today):
            continue
        exam = catalog.exam(code)
        rec.steps.append(Step(exam=exam, kind="target", reasons=[Reason(
            "chosen_exam", f"You asked to add {code} after the rest of your path.", exam_facts(exam, catalog))]))


def first_step_offer(code: str, profile: Profile, rec: Recommendation, catalog: Catalog) -> bool:
    """True when a fundamentals exam named beside a longer path is best offered as a first step: the person
    keeps their goal ("no AZ-900 first?" to an architect is no wish to become an administrator)."""
    return catalog.has_exam(code) and catalog.exam(code).level == "fundamentals" and bool(rec.path) and \
        profile.goal_scope != "fundamentals" and code not in rec.path and not profile.holds(code)


def choice_command(code: str, profile: Profile, rec: Recommendation, catalog: Catalog) -> Optional[str]:
    """What "yes" to the offer for this exam does: "put AZ-900 first" or "switch to DP-750"; None without one."""
    if first_step_offer(code, profile, rec, catalog):
        return f"put {code} first"
    choice = choose_exam(code, profile, rec.path, rec.track, catalog, rec.today)
    return None if choice.refused or choice.already_on_path else f"switch to {choice.code}"


def choice_offer(code: str, profile: Profile, rec: Recommendation, catalog: Catalog) -> Optional[str]:
    """The sentence that offers to put an exam on the path, when choosing it would change the path."""
    if first_step_offer(code, profile, rec, catalog):
        return (f"Want {code} first, before {rec.path[0]}? Your goal stays the same. Say yes, or "
                f"\"put {code} first\".")
    choice = choose_exam(code, profile, rec.path, rec.track, catalog, rec.today)
    if choice.refused or choice.already_on_path:
        return None
    if choice.target_role:
        return (f"Want me to change your goal to that track, with {choice.code} on your path? Say yes, or "
                f"\"switch to {choice.code}\".")
    target = next((s.code for s in reversed(rec.steps) if s.kind == "target"), None)
    where = ""
    if target:  # say what "yes" will do: replace the goal's exam, or come after it
        from advisor.rules import recommend  # the rules import this module

        chosen = replace(profile, chosen_exams=choice.chosen_exams, added_exams=choice.added_exams,
                         goal_scope=choice.goal_scope or profile.goal_scope)
        where = f" after {target}" if target in recommend(chosen, catalog, rec.today).path else f" instead of {target}"
    return f"Want {choice.code} on your path{where}? Say yes, or \"switch to {choice.code}\"."


SKIPPABLE_KINDS = ("fundamentals", "foundation", "bridge")


@dataclass(frozen=True)
class SkipChoice:
    """What "skip CODE" does: the new `skipped_exams`, or why it cannot (`refused`: not_on_path | required)."""

    code: str
    skipped_exams: Tuple[str, ...] = ()
    refused: Optional[str] = None
    required_by: Optional[str] = None  # the exam whose certification needs it, or the goal itself


def without_own_choice(code: str, profile: Profile) -> Optional[Profile]:
    """The profile without an exam the person put on the path themselves ("remove AI-200" after "add AI-200"),
    or None when they did not choose it."""
    if code not in profile.added_exams + profile.chosen_exams + profile.first_exams:
        return None
    return replace(profile, added_exams=tuple(c for c in profile.added_exams if c != code),
                   chosen_exams=tuple(c for c in profile.chosen_exams if c != code),
                   first_exams=tuple(c for c in profile.first_exams if c != code))


def needed_by(code: str, rec: Recommendation, catalog: Catalog) -> Optional[str]:
    """The step whose certification cannot be had without `code`: none of its prerequisite options is met by
    certifications held (and active) or by other steps ("SC-100 needs SC-200 or SC-300 or SC-500": with SC-200
    held, SC-500 is needed by nothing)."""
    others = {s.code for s in rec.steps if s.code != code}
    for step in rec.steps:
        sets = step.exam.prerequisite_sets
        if step.code == code or not any(code in option for option in sets):
            continue
        if not any(all(c in others or held_and_active(c, rec.profile, catalog, rec.today) for c in option)
                   for option in sets):
            return step.code
    return None


def skip_exam(code: str, profile: Profile, rec: Recommendation, catalog: Optional[Catalog] = None) -> SkipChoice:
    """Whether the step can come off the path, and the profile value that takes it off. The goal's own exam comes
    off only when a later exam on the path is the person's aim and nothing requires it ("skip SC-500, I only want
    SC-100" with SC-200 held)."""
    step = rec.step(code)
    if step is None:
        return SkipChoice(code, profile.skipped_exams, refused="not_on_path")
    later = [s for s in rec.steps[rec.steps.index(step) + 1:]]
    beyond = step.kind == "target" and bool(later) and catalog is not None and needed_by(code, rec, catalog) is None
    if step.kind not in SKIPPABLE_KINDS and not beyond:
        needing = (needed_by(code, rec, catalog) if catalog is not None else None) or next(
            (s.code for s in rec.steps if any(code in o for o in s.exam.prerequisite_sets)), code)
        return SkipChoice(code, profile.skipped_exams, refused="required", required_by=needing)
    return SkipChoice(code, tuple(c for c in profile.skipped_exams if c != code) + (code,))


def drop_skipped_steps(rec: Recommendation, catalog: Catalog) -> None:
    """Rule 4c: steps the person chose to skip come off the path when they only prepare for the goal."""
    skipped = [s for s in rec.steps if s.code in rec.profile.skipped_exams and (
        s.kind in SKIPPABLE_KINDS or (s.kind == "target" and s is not rec.steps[-1]
                                      and needed_by(s.code, rec, catalog) is None))]
    if not skipped:
        return
    if any(s.kind == "target" for s in skipped):  # the goal's exam is off: what only prepared for it goes too
        rec.steps = [s for s in rec.steps if s not in skipped]
        rec.steps = [s for s in rec.steps
                     if s.kind not in ("foundation", "bridge") or needed_by(s.code, rec, catalog) is not None]
    rec.steps = [s for s in rec.steps if s not in skipped]
    for step in skipped:
        why = step.reasons[0].text if step.reasons else ""
        rec.warnings.append(Reason("chosen_exam", f"You chose to skip {step.code}; nothing requires it. It was on "
                                   f"the path for this reason: {why}", tuple(step.reasons[0].facts[:1])
                                   if step.reasons else ()))


def skip_offer(code: str, rec: Recommendation) -> Optional[str]:
    """The sentence that offers to take a preparatory step off the path."""
    step = rec.step(code)
    if step is None or step.kind not in SKIPPABLE_KINDS:
        return None
    return f"Want me to take {code} off your path? Say yes, or \"skip {code}\"."


def declined_alternatives(profile: Profile, track: RoleTrack) -> bool:
    """True when the person chose the track's own exam over its alternatives ("switch back to SC-500")."""
    return any(_is_target(track, code) for code in profile.chosen_exams)


def put_first_exams_first(rec: Recommendation, catalog: Catalog) -> None:
    """Rule 7b: the exams the person wants first lead the path, in their order; the rest keeps its order.
    An expert exam may be sat before its prerequisite; the certification waits for both."""
    first = [s for code in rec.profile.first_exams for s in rec.steps if s.code == code]
    if not first or rec.steps[:len(first)] == first:
        return
    rec.steps = first + [s for s in rec.steps if s not in first]
    later = f", then {', '.join(s.code for s in first[1:])}" if len(first) > 1 else ""
    first[0].reasons.insert(0, Reason("chosen_exam", f"{first[0].code} comes first{later}, the order you asked for.",
                                      ()))
