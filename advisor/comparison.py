"""Two exams side by side, and an honest "which is easier?" tied to the person when we know them.

Plain Python (no Rasa import). Everything comes from the knowledge base; each row of the table names
the sources it used, so a reply can cite them and say which rows rest on weak evidence.

    comparison = compare_exams("AZ-104", "AZ-305", catalog, today, profile)
    comparison.table.rows, comparison.facts, comparison.weak_rows
    verdict = which_is_easier("AZ-104", "AZ-305", catalog, today, profile)
    verdict.easier, verdict.text          # 'AZ-104', 'AZ-104 is likely the easier one for you: ...'
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable, Dict, List, Optional, Tuple, Union

from advisor.profile import Profile
from advisor.recommendation import Fact, Table
from advisor.rules import study_background
from advisor.study_plan import BACKGROUND_LABELS, price_usd
from knowledge.catalog import Catalog, Exam, Source
from presentation.formats import span

ExamRef = Union[str, Exam]

LEVEL_RANK: Dict[str, int] = {"fundamentals": 0, "associate": 1, "specialty": 1, "expert": 2}
CODING_RANK: Dict[str, int] = {"none": 0, "scripting": 1, "application": 2}
CODING_LABELS: Dict[str, str] = {
    "none": "none", "scripting": "scripting and queries", "application": "application code",
}
DURATION_BASIS: Dict[str, str] = {"official": "", "policy": " (general rule)", "reported": " (reported)"}
# How much one step of coding matters, by the person's coding comfort (unknown: a middle weight).
CODING_WEIGHT: Dict[Optional[str], float] = {"low": 2.0, "medium": 1.0, "high": 0.25, None: 1.0}
# Study-time midpoints closer than this (relative) count as the same effort.
STUDY_TIME_MARGIN = 0.15
# Below this total score the two exams are called about as hard as each other.
VERDICT_MARGIN = 1.0
AUDIENCE_CHARS = 90
NOT_RECORDED = "not recorded"


@dataclass(frozen=True)
class Comparison:
    """A side-by-side table of two exams and the facts behind it."""

    exams: Tuple[Exam, Exam]
    table: Table
    facts: Tuple[Fact, ...]
    row_sources: Tuple[Tuple[str, Tuple[Source, ...]], ...]  # (row name, sources used in that row)
    notes: Tuple[str, ...]  # e.g. a retired exam and what replaced it

    @property
    def sources(self) -> Tuple[Source, ...]:
        """Every distinct source used, in row order."""
        seen: List[Source] = []
        for _, sources in self.row_sources:
            seen += [s for s in sources if s not in seen]
        return tuple(seen)

    @property
    def weak_rows(self) -> Tuple[str, ...]:
        """Rows that rest on weak evidence (grades C and D)."""
        return tuple(row for row, sources in self.row_sources if any(s.weak for s in sources))


@dataclass(frozen=True)
class EasierVerdict:
    """Which of two exams is likely easier, why, and whether it used the person's profile."""

    exams: Tuple[Exam, Exam]
    easier: Optional[str]  # the code, or None when they are about as hard or one cannot be taken
    text: str
    points: Tuple[str, ...]  # one line per factor that counted
    personalised: bool
    facts: Tuple[Fact, ...]


def _exam(ref: ExamRef, catalog: Catalog) -> Exam:
    return ref if isinstance(ref, Exam) else catalog.exam(ref)


def _short(text: str, limit: int = AUDIENCE_CHARS) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def status_label(exam: Exam, catalog: Catalog, today: date) -> str:
    """`active`, `beta`, `retires on 2026-11-30`, or `retired on 2026-07-31; take AI-200 instead`."""
    status = exam.status_on(today)
    when = exam.status.retirement_date.isoformat() if exam.status.retirement_date else None
    if status == "retired":
        successor = catalog.current_successor(exam.code, today)
        instead = f"; take {successor.code} instead" if successor else "; no successor"
        return f"retired{f' on {when}' if when else ''}{instead}"
    if status == "retiring":
        return f"retires on {when}"
    return status


def prerequisites_label(exam: Exam) -> str:
    """`none`, `AZ-104 (for the certification; the exam can be sat first)`, `SC-200 or SC-300 or SC-500`."""
    parts: List[str] = []
    if exam.prerequisite_sets:
        options = " or ".join(" + ".join(option) for option in exam.prerequisite_sets)
        parts.append(f"{options} (for the certification; the exam can be sat first)")
    if exam.certification_also_requires:
        parts.append(f"the certification also needs {' + '.join(exam.certification_also_requires)}")
    return "; ".join(parts) or "none"


def leads_to(exam: Exam, catalog: Catalog, today: date) -> Tuple[Tuple[str, ...], Tuple[str, ...]]:
    """(exams it is a prerequisite for, titles of the role tracks that use it), both available today."""
    unlocks = tuple(
        other.code for other in catalog
        if not other.is_retired_on(today) and any(exam.code in option for option in other.prerequisite_sets)
    )
    tracks = tuple(
        track.title for track in catalog.tracks.values()
        if exam.code in [step.exam for step in track.steps] or exam.code == track.fundamentals
        or exam.code in [alt.exam for alt in track.alternatives]
    )
    return unlocks, tracks


def compare_exams(
    first: ExamRef, second: ExamRef, catalog: Catalog, today: date, profile: Optional[Profile] = None,
) -> Comparison:
    """Rows: certification and level, status on the date, audience, coding, duration, skills measured,
    price, prerequisites, what each leads to, and typical study time (for the person's background)."""
    exams = (_exam(first, catalog), _exam(second, catalog))
    price = catalog.policy("price")
    background = study_background(profile or Profile())
    rows: List[Tuple[str, ...]] = []
    row_sources: List[Tuple[str, Tuple[Source, ...]]] = []
    facts: List[Fact] = []

    def add(name: str, cell: Callable[[Exam], str], source: Callable[[Exam], Optional[Source]]) -> None:
        cells = [cell(e) for e in exams]
        sources = [source(e) for e in exams]
        rows.append((name, *cells))
        row_sources.append((name, tuple(dict.fromkeys(s for s in sources if s is not None))))
        facts.extend(Fact(f"{e.code} {name.lower()}: {c}", s) for e, c, s in zip(exams, cells, sources, strict=True))

    def duration(e: Exam) -> str:
        return f"{e.format.duration_minutes} min{DURATION_BASIS[e.format.duration_basis]}" if e.format else NOT_RECORDED

    def skills(e: Exam) -> str:
        return "; ".join(f"{d.name} {d.weight_label}" for d in e.skills.by_weight()) if e.skills else NOT_RECORDED

    def leads(e: Exam) -> str:
        unlocks, tracks = leads_to(e, catalog, today)
        parts = (f"prerequisite for {', '.join(unlocks)}" if unlocks else "",
                 f"tracks: {', '.join(tracks)}" if tracks else "")
        return "; ".join(p for p in parts if p) or "-"

    def study(e: Exam) -> str:
        return span(e.study_hours.for_background(background), "h") if e.study_hours else NOT_RECORDED

    add("Certification", lambda e: f"{e.certification} ({e.level})", lambda e: e.status.source)
    add("Status", lambda e: status_label(e, catalog, today), lambda e: e.status.source)
    add("For", lambda e: _short(e.audience), lambda e: None)
    add("Coding", lambda e: CODING_LABELS[e.coding.level], lambda e: e.coding.source)
    add("Duration", duration, lambda e: e.format.source if e.format else None)
    add("Skills measured", skills, lambda e: e.skills.source if e.skills else None)
    add("Price", lambda e: f"about {price_usd(e, catalog)} USD in the US; varies by country",
        lambda e: price.source)
    add("Prerequisites", prerequisites_label, lambda e: e.prerequisites.source if e.prerequisites else None)
    add("Leads to", leads, lambda e: _track_source(e, catalog))
    add(f"Study time ({'for you' if profile else 'typical'})", study,
        lambda e: e.study_hours.source if e.study_hours else None)
    label = BACKGROUND_LABELS.get(background, background)
    facts.append(Fact(f"Study time is for someone {label}; it is an estimate, not an official figure.", None))

    notes = tuple(
        f"{e.code} {status_label(e, catalog, today)}: it can no longer be taken." for e in exams
        if e.is_retired_on(today)
    )
    table = Table(header=("",) + tuple(e.code for e in exams), rows=tuple(rows))
    return Comparison(exams, table, tuple(facts), tuple(row_sources), notes)


def _track_source(exam: Exam, catalog: Catalog) -> Optional[Source]:
    for track in catalog.tracks.values():
        if exam.code in [step.exam for step in track.steps]:
            return track.source
    return exam.prerequisites.source if exam.prerequisites else None


# -- which is easier -------------------------------------------------------------------------

def which_is_easier(
    first: ExamRef, second: ExamRef, catalog: Catalog, today: date, profile: Optional[Profile] = None,
) -> EasierVerdict:
    """An honest estimate from the level, the coding expected (against the person's coding comfort),
    typical study time for their background, prerequisites still missing, and whether the exam is
    about their current role. Positive points favour the first exam."""
    a, b = _exam(first, catalog), _exam(second, catalog)
    facts: List[Fact] = []
    retired = [e for e in (a, b) if e.is_retired_on(today)]
    if retired:
        lines = [f"{e.code} {status_label(e, catalog, today)}." for e in retired]
        text = (" ".join(lines) + " It can no longer be taken, so I won't rank it; ask me to compare its "
                "successor instead.")
        facts += [Fact(e.status.note or lines[i], e.status.source) for i, e in enumerate(retired)]
        return EasierVerdict((a, b), None, text, tuple(lines), profile is not None, tuple(facts))

    known = profile or Profile()
    personalised = profile is not None and any(
        value is not None for value in (profile.coding_comfort, profile.azure_experience, profile.current_role)
    )
    score = 0.0
    points: List[str] = []

    level_gap = LEVEL_RANK[b.level] - LEVEL_RANK[a.level]
    if level_gap:
        easier, harder = (a, b) if level_gap > 0 else (b, a)
        score += level_gap * 1.5
        points.append(f"{easier.code} is {_a(easier.level)} exam and {harder.code} {_a(harder.level)} one")
        facts += [Fact(f"{e.code} earns the {e.certification} certification ({e.level} level).", e.status.source)
                  for e in (a, b)]

    coding_gap = CODING_RANK[b.coding.level] - CODING_RANK[a.coding.level]
    if coding_gap:
        weight = CODING_WEIGHT.get(known.coding_comfort, 1.0)
        score += coding_gap * weight
        easier, harder = (a, b) if coding_gap > 0 else (b, a)
        comfort = {"low": "you rarely write code", "medium": "you write scripts but not applications",
                   "high": "you write application code, so this matters little for you"}.get(known.coding_comfort or "")
        points.append(f"{harder.code} expects {CODING_LABELS[harder.coding.level]} and {easier.code} "
                      f"{CODING_LABELS[easier.coding.level]}" + (f"; {comfort}" if comfort else ""))
        facts += [Fact(e.coding.note or f"{e.code} coding: {e.coding.level}", e.coding.source) for e in (a, b)]

    background = study_background(known)
    if a.study_hours and b.study_hours:
        hours_a, hours_b = a.study_hours.for_background(background), b.study_hours.for_background(background)
        mid_a, mid_b = sum(hours_a) / 2, sum(hours_b) / 2
        if abs(mid_a - mid_b) > STUDY_TIME_MARGIN * max(mid_a, mid_b):
            score += 1.0 if mid_a < mid_b else -1.0
            who = "for you" if personalised else "typically"
            points.append(f"study time {who}: {a.code} {span(hours_a, 'h')}, "
                          f"{b.code} {span(hours_b, 'h')}")
            facts += [Fact(f"{e.code}: {span(h, 'h')} of study for someone "
                           f"{BACKGROUND_LABELS.get(background, background)}", e.study_hours.source)
                      for e, h in ((a, hours_a), (b, hours_b)) if e.study_hours]

    missing_a, missing_b = _missing_prerequisites(a, known), _missing_prerequisites(b, known)
    if bool(missing_a) != bool(missing_b):
        score += -1.0 if missing_a else 1.0
        needs, missing = (a, missing_a) if missing_a else (b, missing_b)
        points.append(f"the {needs.certification} certification also needs {' or '.join(missing)}, "
                      "which you don't hold yet" if personalised else
                      f"the {needs.certification} certification also needs {' or '.join(missing)}")
        if needs.prerequisites:
            facts.append(Fact(needs.prerequisites.note or prerequisites_label(needs), needs.prerequisites.source))

    if known.current_role:
        in_a, in_b = known.current_role in a.roles, known.current_role in b.roles
        if in_a != in_b:
            score += 0.5 if in_a else -0.5
            closer = a if in_a else b
            points.append(f"{closer.code} is closer to the work you do today")

    easier_exam: Optional[Exam] = None
    if score >= VERDICT_MARGIN:
        easier_exam = a
    elif score <= -VERDICT_MARGIN:
        easier_exam = b
    for_whom = " for you" if personalised else ""
    if easier_exam is not None:
        head = f"{easier_exam.code} is likely the easier one{for_whom}"
    else:
        head = f"{a.code} and {b.code} are about as hard as each other{for_whom}"
    because = f": {'; '.join(points)}." if points else "."
    caveat = (" This is an estimate from the level, the coding expected and typical study time, not an official "
              "difficulty rating.")
    if not personalised:
        caveat += " Tell me your role, coding comfort and Azure experience and I can make it personal."
    return EasierVerdict((a, b), easier_exam.code if easier_exam else None, head + because + caveat,
                         tuple(points), personalised, tuple(facts))


def _a(word: str) -> str:
    return f"{'an' if word[:1] in 'aeiou' else 'a'} {word}"


def _missing_prerequisites(exam: Exam, profile: Profile) -> Tuple[str, ...]:
    """The cheapest prerequisite option not yet held (empty when none is needed or one is held)."""
    sets = exam.prerequisite_sets
    if not sets or any(all(profile.holds(code) for code in option) for option in sets):
        return ()
    options = [tuple(code for code in option if not profile.holds(code)) for option in sets]
    if len(options) > 1 and all(len(o) == 1 for o in options):
        return tuple(o[0] for o in options)
    return min(options, key=len)
