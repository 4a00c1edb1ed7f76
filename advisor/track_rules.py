"""Which role track a path follows, and its steps: rules 1, 2 and 6.

Rule 1 picks the track from the target role (or infers it, asking about the organisation's cloud maturity only
where that decides it: `needs_org_maturity`); rule 2 lays out the track's own steps; rule 6 puts AZ-104 first
for someone in between administrator and developer. Plain Python (no Rasa import); sources in `advisor/rules.py`.
"""

from __future__ import annotations

from datetime import date
from typing import Optional, Tuple

from advisor.profile import Profile
from advisor.recommendation import Fact, Reason, Recommendation, Step
from advisor.rule_facts import exam_facts, held_and_active, role_label
from knowledge.catalog import Catalog, RoleTrack
from knowledge.vocabulary import UNDECIDED
from presentation.formats import with_article

# -- rule 1 --------------------------------------------------------------------------------

def _someone_in(role: Optional[str]) -> str:
    """"an administrator", "someone from outside IT": a person in that role, as a phrase."""
    if role in (None, "other"):
        return "someone from outside IT"
    return with_article(role_label(role))


def needs_org_maturity(profile: Profile, catalog: Catalog, today: date) -> bool:
    """Rule 1 asks about the organisation's cloud maturity only for an administrator with no target
    who already holds AZ-104 (seed 003): the answer decides between AZ-305 and deepening the role."""
    return (profile.current_role == "administrator" and profile.target_role == UNDECIDED
            and held_and_active("AZ-104", profile, catalog, today))


def target_role_decides_track(profile: Profile, catalog: Catalog, today: date) -> Tuple[RoleTrack, bool, Reason]:
    """Rule 1: the target role picks the role track; an undecided target is inferred.

    Tracks and the current-role inference come from knowledge/role_tracks.yml. An administrator who
    already holds AZ-104 is pointed to AZ-305 where cloud "has taken root" and kept on the
    administrator track where the organisation is early in its adoption (seed 003).
    """
    target = profile.target_role
    if target and target != UNDECIDED:
        track = catalog.track(target)
        return track, False, Reason(
            "target_role_decides_track",
            (f"You want to grow as {with_article(role_label(target))}" if profile.current_role == target else
             f"You want to become {with_article(role_label(target))}") +
            f", so your path follows the {track.title} track: {track.summary}",
            (Fact(track.summary, track.source),),
        )
    current = profile.current_role or "other"
    if needs_org_maturity(profile, catalog, today):
        if profile.org_cloud_maturity == "mature":
            track = catalog.track("architect")
            text = ("You haven't picked a target yet. You already hold AZ-104, and your organisation's cloud "
                    "has taken root: that is where architects who can weigh trade-offs are needed, so the "
                    "next step is AZ-305 (advice from 'AZ-104 vs AZ-305').")
        else:
            track = catalog.track("administrator")
            text = ("You haven't picked a target yet. You already hold AZ-104, and your organisation is early "
                    "in its cloud adoption: it needs the administrator who makes the cloud work day to day, so "
                    "deepen that role first; AZ-305 becomes the next step as the cloud takes root "
                    "(advice from 'AZ-104 vs AZ-305').")
        return track, True, Reason("target_role_decides_track", text, (Fact(track.summary, track.source),))
    inferred = catalog.track_inferred_from(current) or catalog.track("administrator")
    return inferred, True, Reason(
        "target_role_decides_track",
        f"You haven't picked a target role yet; for {_someone_in(current)} the natural next track is "
        f"{inferred.title}. Tell me a different goal at any time and I'll redo the path.",
        (Fact(inferred.summary, inferred.source),),
    )


# -- rule 2 --------------------------------------------------------------------------------

def lay_out_track_steps(rec: Recommendation, catalog: Catalog) -> None:
    """Rule 2: the track's own steps, in order (administrators AZ-104; architects AZ-305 after its
    prerequisite; DevOps AZ-400 after its prerequisite; developers AI-200; security, networking,
    database, data, analytics and AI per peers-and-decision-rules.md section 3).

    Foundation steps are skipped for the experience levels the track names.
    """
    for track_step in rec.track.steps:
        exam = catalog.exam(track_step.exam)
        if track_step.kind == "foundation" and rec.profile.azure_experience in track_step.skip_for_experience:
            continue
        rec.steps.append(Step(
            exam=exam, kind=track_step.kind,
            reasons=[Reason("lay_out_track_steps", track_step.why, exam_facts(exam, catalog))],
        ))


# -- rule 6 --------------------------------------------------------------------------------

def somewhere_in_between(rec: Recommendation, catalog: Catalog) -> None:
    """Rule 6: someone who is both administrator and developer goes AZ-104 first, then the developer
    exam (seed 000: "The typical path is AZ-104 first ... followed by AZ-204 to add development
    depth"; AZ-204's successor is AI-200).
    """
    if rec.track.role != "developer" or rec.profile.current_role not in ("administrator", "devops_engineer"):
        return
    if any(step.code == "AZ-104" for step in rec.steps):
        return
    exam = catalog.exam("AZ-104")
    rec.steps.insert(0, Step(exam=exam, kind="foundation", reasons=[Reason(
        "somewhere_in_between",
        "You are somewhere in between administrator and developer: the usual path is AZ-104 first, to "
        "build on the operations work you already do, then the developer exam to add development depth "
        "(advice from 'AZ-104 vs AZ-204').",
        exam_facts(exam, catalog),
    )]))
