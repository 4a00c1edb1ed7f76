"""The recommendation object: an ordered path of steps, each with the reasons that put it there."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Dict, List, Optional, Tuple

from advisor.certification_dates import PaceCheck
from advisor.profile import Profile
from knowledge.catalog import Exam, RoleTrack, Source

# What each rule is called when its reasons are shown ("why?", "why not X?").
RULE_TITLES: Dict[str, str] = {
    "target_role_decides_track": "Your goal decides the track",
    "lay_out_track_steps": "The track's exam",
    "chosen_exam": "The exam you chose",
    "replace_retired_exams": "Retired exams are replaced",
    "somewhere_in_between": "Administrator first, then developer",
    "expert_prerequisites": "Expert prerequisites",
    "coding_gate": "Coding comes first",
    "fundamentals_first": "Fundamentals first (optional)",
    "fundamentals_only": "The overview you asked for",
    "skip_held_exams": "What you already hold",
}


@dataclass(frozen=True)
class Fact:
    """One fact a rule used, with where it comes from."""

    text: str
    source: Optional[Source] = None

    @property
    def weak(self) -> bool:
        return self.source is not None and self.source.weak


@dataclass(frozen=True)
class Table:
    """A small comparison table: a header row and rows of equal length (first cell names the row)."""

    header: Tuple[str, ...]
    rows: Tuple[Tuple[str, ...], ...]


@dataclass(frozen=True)
class Answer:
    """An answer to a follow-up before it is worded: what it says first, then its facts (with sources).
    `presentation.compose.reply_to` turns it into a reply."""

    heading: str
    facts: Tuple[Fact, ...] = ()


@dataclass(frozen=True)
class Reason:
    """Why something is in the recommendation: the rule that decided it and the facts it used."""

    rule: str
    text: str
    facts: Tuple[Fact, ...] = ()


@dataclass
class Step:
    """One exam on the path."""

    exam: Exam
    kind: str  # fundamentals | prerequisite | foundation | bridge | target
    optional: bool = False
    reasons: List[Reason] = field(default_factory=list)
    study_hours: Optional[Tuple[int, int]] = None
    weeks: Optional[Tuple[int, int]] = None

    @property
    def code(self) -> str:
        return self.exam.code


@dataclass(frozen=True)
class Alternative:
    exam: Exam
    when: str


@dataclass
class Recommendation:
    """The advisor's answer for one profile on one date."""

    profile: Profile
    today: date
    track: RoleTrack
    track_reason: Reason
    target_inferred: bool
    steps: List[Step] = field(default_factory=list)
    warnings: List[Reason] = field(default_factory=list)
    alternatives: List[Alternative] = field(default_factory=list)
    next_actions: List[str] = field(default_factory=list)
    already_held: List[Exam] = field(default_factory=list)
    total_hours: Optional[Tuple[int, int]] = None
    total_weeks: Optional[Tuple[int, int]] = None
    # exams left out because they retire before the person could finish them (and their successor)
    pace_replacements: List[PaceCheck] = field(default_factory=list)

    @property
    def path(self) -> List[str]:
        """Exam codes in the order to take them (the `recommended_path` slot)."""
        return [step.code for step in self.steps]

    def step(self, code: str) -> Optional[Step]:
        return next((s for s in self.steps if s.code == code), None)

    def rules_used(self) -> List[str]:
        names = [self.track_reason.rule]
        for step in self.steps:
            names += [r.rule for r in step.reasons]
        names += [w.rule for w in self.warnings]
        return list(dict.fromkeys(names))

    def to_dict(self) -> Dict[str, Any]:
        """A JSON-friendly summary (for channels that render structured data)."""
        return {
            "date": self.today.isoformat(),
            "track": self.track.role,
            "target_inferred": self.target_inferred,
            "path": [
                {
                    "code": s.code, "title": s.exam.title, "certification": s.exam.certification,
                    "level": s.exam.level, "kind": s.kind, "optional": s.optional,
                    "study_hours": list(s.study_hours) if s.study_hours else None,
                    "weeks": list(s.weeks) if s.weeks else None,
                    "reasons": [{"rule": r.rule, "text": r.text} for r in s.reasons],
                    "learn_url": s.exam.learn_url,
                }
                for s in self.steps
            ],
            "warnings": [w.text for w in self.warnings],
            "alternatives": [{"code": a.exam.code, "when": a.when} for a in self.alternatives],
            "total_weeks": list(self.total_weeks) if self.total_weeks else None,
        }
