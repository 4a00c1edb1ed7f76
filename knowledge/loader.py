"""Read and validate the knowledge base's YAML files into a `Catalog`.

Everything is checked before anything is written anywhere: each problem is reported with the file,
the exam (or policy, or track) and the field, and all problems are reported at once.

Every `editor_note` is validated and then dropped here: it is for the knowledge base's editors, and nothing
in the advisor reads it (`knowledge.schema` says which note is which).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple, Type, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from knowledge import catalog as c
from knowledge.schema import ExamSpec, PolicySpec, SourceSpec, TrackSpec
from knowledge.vocabulary import CURRENT_ROLES, TARGET_ROLES

KNOWLEDGE_DIR = Path(__file__).resolve().parent
REQUIRED_POLICIES: Dict[str, Tuple[str, ...]] = {
    "passing_score": ("score", "scale_max"),
    "questions": ("min", "max"),
    "exam_duration": ("fundamentals_minutes", "role_based_minutes", "with_labs_minutes"),
    "learn_access": ("role_based", "fundamentals"),
    "validity": ("role_based_years", "fundamentals_expire"),
    "renewal": ("cost_usd", "window_months", "extends_years"),
    "retakes": ("first_wait_hours", "later_wait_days", "max_attempts_per_year"),
    "retirement": ("holders_stay_active_until_expiry", "renewable_after_retirement"),
    "no_conversion": ("automatic_conversion",),
    "fundamentals_not_prerequisite": ("fundamentals_are_prerequisites",),
    "price": ("fundamentals_usd", "role_based_usd"),
    "exam_security": ("candidate_agreement", "sanctions"),
    "free_preparation": ("practice_assessment", "applied_skills"),
}

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Problem:
    """One validation problem, located by file, subject (exam code, policy, track) and field."""

    file: str
    subject: str
    field: str
    message: str

    def __str__(self) -> str:
        where = ": ".join(part for part in (self.file, self.subject, self.field) if part)
        return f"{where}: {self.message}"


class KnowledgeValidationError(ValueError):
    """The knowledge base files are invalid; `problems` lists every problem found."""

    def __init__(self, problems: List[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"{len(problems)} problem(s) in the knowledge base:\n{lines}")


class _NoDatesLoader(yaml.SafeLoader):
    """Keeps dates as text so that an impossible date is reported by field, not as a YAML crash."""


_NoDatesLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _field_path(loc: Tuple[Any, ...]) -> str:
    path = ""
    for part in loc:
        if part == "__root__":
            continue
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path


def _display(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root.parent))
    except ValueError:
        return str(path)


class _Collector:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: List[Problem] = []

    def add(self, path: Path, subject: str, field: str, message: str) -> None:
        self.problems.append(Problem(_display(path, self.root), subject, field, message))

    def read_yaml(self, path: Path) -> Any:
        try:
            return yaml.load(path.read_text(encoding="utf-8"), Loader=_NoDatesLoader)
        except yaml.YAMLError as error:
            self.add(path, "", "", f"not valid YAML: {error}")
        except OSError as error:
            self.add(path, "", "", f"cannot be read: {error}")
        return None

    def parse(self, model: Type[M], data: Any, path: Path, subject: str, prefix: str = "") -> Optional[M]:
        if not isinstance(data, dict):
            self.add(path, subject, prefix, f"expected a mapping, got {type(data).__name__}")
            return None
        try:
            return model.parse_obj(data)
        except ValidationError as error:
            for item in error.errors():
                field = _field_path(tuple(item["loc"]))
                if prefix:
                    field = f"{prefix}.{field}" if field else prefix
                message = item["msg"]
                if item["type"] == "value_error.extra":
                    message = "unknown field (check its spelling)"
                elif item["type"] == "value_error.missing":
                    message = "required field is missing"
                self.add(path, subject, field, message)
            return None


def load_catalog(root: Path = KNOWLEDGE_DIR) -> c.Catalog:
    """Read `exams/*.yml`, `policies.yml` and `role_tracks.yml` under `root` into a Catalog.

    Raises KnowledgeValidationError listing every problem when anything is wrong.
    """
    collector = _Collector(root)
    exams = _load_exams(root / "exams", collector)
    policies = _load_policies(root / "policies.yml", collector)
    tracks = _load_tracks(root / "role_tracks.yml", collector)
    _check_references(root, exams, tracks, collector)
    if collector.problems:
        raise KnowledgeValidationError(collector.problems)
    return c.Catalog(
        exams={code: _exam(spec) for code, (spec, _) in sorted(exams.items())},
        policies={key: _policy(key, spec) for key, spec in policies.items()},
        tracks={role: _track(role, spec) for role, spec in tracks.items()},
    )


def _load_exams(folder: Path, collector: _Collector) -> Dict[str, Tuple[ExamSpec, Path]]:
    exams: Dict[str, Tuple[ExamSpec, Path]] = {}
    files = sorted(folder.glob("*.yml"))
    if not files:
        collector.add(folder, "", "", "no exam files (*.yml) found")
    for path in files:
        data = collector.read_yaml(path)
        subject = str(data.get("code", path.stem)) if isinstance(data, dict) else path.stem
        spec = collector.parse(ExamSpec, data, path, subject)
        if spec is None:
            continue
        if spec.code != path.stem:
            collector.add(path, spec.code, "code", f"does not match the file name {path.name}")
        if spec.code in exams:
            collector.add(path, spec.code, "code", f"already defined in {exams[spec.code][1].name}")
            continue
        exams[spec.code] = (spec, path)
    return exams


def _load_policies(path: Path, collector: _Collector) -> Dict[str, PolicySpec]:
    data = collector.read_yaml(path)
    policies: Dict[str, PolicySpec] = {}
    if data is None:
        return policies
    if not isinstance(data, dict):
        collector.add(path, "", "", "expected a mapping of policy name to policy")
        return policies
    for key, value in data.items():
        spec = collector.parse(PolicySpec, value, path, f"policy {key}")
        if spec is not None:
            policies[str(key)] = spec
    for key, names in REQUIRED_POLICIES.items():
        if key not in data:
            collector.add(path, f"policy {key}", "", "required policy is missing")
        elif key in policies:
            for name in names:
                if name not in policies[key].values:
                    collector.add(path, f"policy {key}", f"values.{name}", "required value is missing")
    return policies


def _load_tracks(path: Path, collector: _Collector) -> Dict[str, TrackSpec]:
    data = collector.read_yaml(path)
    tracks: Dict[str, TrackSpec] = {}
    if data is None:
        return tracks
    raw = data.get("tracks") if isinstance(data, dict) else None
    if not isinstance(raw, dict):
        collector.add(path, "", "tracks", "expected a mapping of target role to track")
        return tracks
    for role, value in raw.items():
        if role not in TARGET_ROLES:
            collector.add(path, f"track {role}", "", f"{role!r} is not a target role")
            continue
        spec = collector.parse(TrackSpec, value, path, f"track {role}")
        if spec is not None:
            tracks[role] = spec
    for role in TARGET_ROLES:
        if role not in raw:
            collector.add(path, f"track {role}", "", "every target role needs a track")
    inferred: Dict[str, str] = {}
    for role, spec in tracks.items():
        for current in spec.inferred_from:
            if current in inferred:
                collector.add(
                    path, f"track {role}", "inferred_from",
                    f"{current!r} is already inferred to the {inferred[current]} track",
                )
            inferred[current] = role
    for current in CURRENT_ROLES:
        if current not in inferred and len(tracks) == len(TARGET_ROLES):
            collector.add(path, "", "inferred_from", f"no track is inferred for current role {current!r}")
    return tracks


def _check_references(
    root: Path,
    exams: Dict[str, Tuple[ExamSpec, Path]],
    tracks: Dict[str, TrackSpec],
    collector: _Collector,
) -> None:
    known = set(exams)

    def check(path: Path, subject: str, field: str, code: str) -> None:
        if code not in known:
            collector.add(path, subject, field, f"unknown exam code {code!r} (no knowledge/exams/{code}.yml)")

    for code, (spec, path) in exams.items():
        if spec.status.successor:
            check(path, code, "status.successor", spec.status.successor)
            if spec.status.successor == code:
                collector.add(path, code, "status.successor", "an exam cannot succeed itself")
        if spec.prerequisites:
            for i, option in enumerate(spec.prerequisites.any_of):
                for j, member in enumerate(option):
                    check(path, code, f"prerequisites.any_of[{i}][{j}]", member)
                    if member == code:
                        collector.add(path, code, f"prerequisites.any_of[{i}][{j}]", "an exam cannot require itself")
                    elif member in exams and exams[member][0].level == "fundamentals":
                        collector.add(
                            path, code, f"prerequisites.any_of[{i}][{j}]",
                            f"{member} is a fundamentals exam, and fundamentals are never prerequisites",
                        )
        for i, member in enumerate(spec.certification_also_requires):
            check(path, code, f"certification_also_requires[{i}]", member)
    track_path = root / "role_tracks.yml"
    for role, track in tracks.items():
        subject = f"track {role}"
        check(track_path, subject, "fundamentals", track.fundamentals)
        if track.fundamentals in exams and exams[track.fundamentals][0].level != "fundamentals":
            collector.add(track_path, subject, "fundamentals", f"{track.fundamentals} is not a fundamentals exam")
        if track.coding_bridge:
            check(track_path, subject, "coding_bridge", track.coding_bridge)
        for i, step in enumerate(track.steps):
            check(track_path, subject, f"steps[{i}].exam", step.exam)
        for i, code in enumerate(track.next):
            check(track_path, subject, f"next[{i}]", code)
        for i, alternative in enumerate(track.alternatives):
            check(track_path, subject, f"alternatives[{i}].exam", alternative.exam)


def _source(spec: SourceSpec) -> c.Source:
    return c.Source(url=spec.url, checked=spec.checked, grade=spec.grade, via=spec.via, note=spec.note)


def _exam(spec: ExamSpec) -> c.Exam:
    return c.Exam(
        code=spec.code,
        title=spec.title,
        certification=spec.certification,
        level=spec.level,
        learn_url=spec.learn_url,
        audience=spec.audience,
        roles=tuple(spec.roles),
        status=c.ExamStatus(
            value=spec.status.value,
            retirement_date=spec.status.retirement_date,
            successor=spec.status.successor,
            note=spec.status.note,
            source=_source(spec.status.source),
        ),
        coding=c.Coding(level=spec.coding.level, note=spec.coding.note, source=_source(spec.coding.source)),
        format=c.ExamFormat(
            duration_minutes=spec.format.duration_minutes,
            duration_basis=spec.format.duration_basis,
            languages=spec.format.languages,
            source=_source(spec.format.source),
        ) if spec.format else None,
        skills=c.Skills(
            as_of=spec.skills.as_of,
            domains=tuple(c.SkillDomain(d.name, d.weight[0], d.weight[1]) for d in spec.skills.domains),
            note=spec.skills.note,
            source=_source(spec.skills.source),
        ) if spec.skills else None,
        prerequisites=c.Prerequisites(
            any_of=tuple(tuple(option) for option in spec.prerequisites.any_of),
            note=spec.prerequisites.note,
            source=_source(spec.prerequisites.source),
        ) if spec.prerequisites else None,
        study_hours=c.StudyHours(
            ranges=tuple((name, low, high) for name, (low, high) in spec.study_hours.ranges.items()),
            note=spec.study_hours.note,
            source=_source(spec.study_hours.source),
        ) if spec.study_hours else None,
        recommended_experience=c.RecommendedExperience(
            text=spec.recommended_experience.text,
            source=_source(spec.recommended_experience.source),
        ) if spec.recommended_experience else None,
        certification_also_requires=tuple(spec.certification_also_requires),
    )


def _policy(key: str, spec: PolicySpec) -> c.Policy:
    return c.Policy(key=key, statement=spec.statement, values=dict(spec.values), source=_source(spec.source))


def _track(role: str, spec: TrackSpec) -> c.RoleTrack:
    return c.RoleTrack(
        role=role,
        title=spec.title,
        summary=spec.summary,
        fundamentals=spec.fundamentals,
        coding_bridge=spec.coding_bridge,
        steps=tuple(
            c.TrackStep(exam=s.exam, why=s.why, kind=s.kind, skip_for_experience=tuple(s.skip_for_experience))
            for s in spec.steps
        ),
        next=tuple(spec.next),
        alternatives=tuple(c.TrackAlternative(exam=a.exam, when=a.when, cues=tuple(a.cues))
                           for a in spec.alternatives),
        inferred_from=tuple(spec.inferred_from),
        source=_source(spec.source),
    )
