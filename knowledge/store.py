"""The knowledge base's database: where it is, and how it is (re)built from a validated Catalog.

SQLite inside the project by default; `DATABASE_URL` (an SQLAlchemy URL, e.g.
`postgresql+psycopg2://user:pass@host/db`) selects another database.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Dict, List, Optional

from sqlalchemy import insert, inspect, update
from sqlalchemy.engine import Engine, create_engine

from knowledge.catalog import Catalog, Source
from knowledge.models import (
    AlsoRequiredRow,
    Base,
    ExamRoleRow,
    ExamRow,
    FactSourceRow,
    PolicyRow,
    PrerequisiteRow,
    RoleTrackRow,
    SkillDomainRow,
    StudyHoursRow,
    TrackAlternativeRow,
    TrackStepRow,
)

DEFAULT_SQLITE_PATH = Path(__file__).resolve().parent / "knowledge.db"


def database_url() -> str:
    """`DATABASE_URL` if set, else the SQLite file inside the project."""
    return os.environ.get("DATABASE_URL") or f"sqlite:///{DEFAULT_SQLITE_PATH}"


def make_engine(url: Optional[str] = None) -> Engine:
    """An engine for the knowledge base (2.0-style API on SQLAlchemy 1.4)."""
    return create_engine(url or database_url(), future=True)


def is_built(engine: Engine) -> bool:
    """Whether the tables exist and hold at least one exam."""
    if not inspect(engine).has_table(ExamRow.__tablename__):
        return False
    with engine.connect() as connection:
        return connection.execute(ExamRow.__table__.select().limit(1)).first() is not None


def _source_row(subject: str, group: str, source: Source) -> Dict[str, Any]:
    return {
        "subject": subject, "fact_group": group, "url": source.url, "checked": source.checked,
        "grade": source.grade, "via": source.via, "note": source.note,
    }


def build(engine: Engine, catalog: Catalog) -> None:
    """Replace the database's contents with `catalog`, in one transaction."""
    exams: List[Dict[str, Any]] = []
    rows: Dict[Any, List[Dict[str, Any]]] = {table: [] for table in (
        ExamRoleRow, SkillDomainRow, PrerequisiteRow, AlsoRequiredRow, StudyHoursRow,
        FactSourceRow, PolicyRow, RoleTrackRow, TrackStepRow, TrackAlternativeRow,
    )}
    sources = rows[FactSourceRow]
    for exam in catalog:
        exams.append({
            "code": exam.code, "title": exam.title, "certification": exam.certification,
            "level": exam.level, "learn_url": exam.learn_url, "audience": exam.audience,
            "status": exam.status.value, "retirement_date": exam.status.retirement_date,
            "successor": None, "status_note": exam.status.note,
            "duration_minutes": exam.format.duration_minutes if exam.format else None,
            "duration_basis": exam.format.duration_basis if exam.format else None,
            "languages": exam.format.languages if exam.format else None,
            "skills_as_of": exam.skills.as_of if exam.skills else None,
            "skills_note": exam.skills.note if exam.skills else None,
            "prerequisites_note": exam.prerequisites.note if exam.prerequisites else None,
            "coding_level": exam.coding.level, "coding_note": exam.coding.note,
            "study_hours_note": exam.study_hours.note if exam.study_hours else None,
            "recommended_experience": exam.recommended_experience.text if exam.recommended_experience else None,
        })
        rows[ExamRoleRow] += [
            {"exam_code": exam.code, "role": role, "position": i} for i, role in enumerate(exam.roles)
        ]
        sources.append(_source_row(exam.code, "status", exam.status.source))
        sources.append(_source_row(exam.code, "coding", exam.coding.source))
        if exam.format:
            sources.append(_source_row(exam.code, "format", exam.format.source))
        if exam.skills:
            sources.append(_source_row(exam.code, "skills", exam.skills.source))
            rows[SkillDomainRow] += [
                {"exam_code": exam.code, "position": i, "name": d.name,
                 "weight_low": d.weight_low, "weight_high": d.weight_high}
                for i, d in enumerate(exam.skills.domains)
            ]
        if exam.prerequisites:
            sources.append(_source_row(exam.code, "prerequisites", exam.prerequisites.source))
            rows[PrerequisiteRow] += [
                {"exam_code": exam.code, "option": i, "required_code": code, "position": j}
                for i, option in enumerate(exam.prerequisites.any_of)
                for j, code in enumerate(option)
            ]
        if exam.study_hours:
            sources.append(_source_row(exam.code, "study_hours", exam.study_hours.source))
            rows[StudyHoursRow] += [
                {"exam_code": exam.code, "background": name, "position": i, "low": low, "high": high}
                for i, (name, low, high) in enumerate(exam.study_hours.ranges)
            ]
        if exam.recommended_experience:
            sources.append(_source_row(exam.code, "recommended_experience", exam.recommended_experience.source))
        rows[AlsoRequiredRow] += [
            {"exam_code": exam.code, "required_code": code} for code in exam.certification_also_requires
        ]
    for policy in catalog.policies.values():
        rows[PolicyRow].append({"key": policy.key, "statement": policy.statement, "values": dict(policy.values)})
        sources.append(_source_row(f"policy:{policy.key}", "policy", policy.source))
    for track in catalog.tracks.values():
        rows[RoleTrackRow].append({
            "role": track.role, "title": track.title, "summary": track.summary,
            "fundamentals": track.fundamentals, "coding_bridge": track.coding_bridge,
            "inferred_from": list(track.inferred_from),
            "next_exams": list(track.next),
        })
        sources.append(_source_row(f"track:{track.role}", "track", track.source))
        rows[TrackStepRow] += [
            {"role": track.role, "position": i, "exam_code": s.exam, "kind": s.kind, "why": s.why,
             "skip_for_experience": list(s.skip_for_experience)}
            for i, s in enumerate(track.steps)
        ]
        rows[TrackAlternativeRow] += [
            {"role": track.role, "position": i, "exam_code": a.exam, "when": a.when, "cues": list(a.cues)}
            for i, a in enumerate(track.alternatives)
        ]

    with engine.begin() as connection:
        Base.metadata.drop_all(connection)  # the database is rebuilt from the YAML, schema changes included
        Base.metadata.create_all(connection)
        connection.execute(insert(ExamRow), exams)
        for exam in catalog:
            if exam.status.successor:
                connection.execute(
                    update(ExamRow).where(ExamRow.code == exam.code).values(successor=exam.status.successor)
                )
        for table, values in rows.items():
            if values:
                connection.execute(insert(table), values)
