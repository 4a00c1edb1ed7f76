"""Queries over the knowledge base database, returning `knowledge.catalog` objects.

The actions read the whole catalog once per process (`get_catalog`): it is small (tens of exams),
and the decision rules then run in memory without a database round trip per message.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from typing import Dict, List, Optional, Tuple

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from knowledge import catalog as c
from knowledge.models import (
    AlsoRequiredRow,
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
from knowledge.store import build, is_built, make_engine

_cache: Dict[str, c.Catalog] = {}
_lock = threading.Lock()


def _sources(session: Session) -> Dict[Tuple[str, str], c.Source]:
    return {
        (row.subject, row.fact_group): c.Source(
            url=row.url, checked=row.checked, grade=row.grade, via=row.via, note=row.note
        )
        for row in session.execute(select(FactSourceRow)).scalars()
    }


def _grouped(session: Session, model: type, key: str, order: Tuple[str, ...]) -> Dict[str, List]:
    grouped: Dict[str, List] = defaultdict(list)
    columns = [getattr(model, name) for name in order]
    for row in session.execute(select(model).order_by(*columns)).scalars():
        grouped[getattr(row, key)].append(row)
    return grouped


def _exam(row: ExamRow, sources: Dict[Tuple[str, str], c.Source], related: Dict[str, Dict[str, List]]) -> c.Exam:
    code = row.code
    options: Dict[int, List[str]] = defaultdict(list)
    for prerequisite in related["prerequisites"].get(code, []):
        options[prerequisite.option].append(prerequisite.required_code)
    source = sources.get
    return c.Exam(
        code=code,
        title=row.title,
        certification=row.certification,
        level=row.level,
        learn_url=row.learn_url,
        audience=row.audience,
        roles=tuple(r.role for r in related["roles"].get(code, [])),
        status=c.ExamStatus(
            value=row.status, retirement_date=row.retirement_date, successor=row.successor,
            note=row.status_note, source=sources[(code, "status")],
        ),
        coding=c.Coding(level=row.coding_level, note=row.coding_note, source=sources[(code, "coding")]),
        format=c.ExamFormat(
            duration_minutes=row.duration_minutes, duration_basis=row.duration_basis,
            languages=row.languages, source=sources[(code, "format")],
        ) if source((code, "format")) else None,
        skills=c.Skills(
            as_of=row.skills_as_of,
            domains=tuple(
                c.SkillDomain(d.name, d.weight_low, d.weight_high) for d in related["domains"].get(code, [])
            ),
            note=row.skills_note,
            source=sources[(code, "skills")],
        ) if source((code, "skills")) else None,
        prerequisites=c.Prerequisites(
            any_of=tuple(tuple(options[i]) for i in sorted(options)),
            note=row.prerequisites_note,
            source=sources[(code, "prerequisites")],
        ) if source((code, "prerequisites")) else None,
        study_hours=c.StudyHours(
            ranges=tuple((h.background, h.low, h.high) for h in related["hours"].get(code, [])),
            note=row.study_hours_note,
            source=sources[(code, "study_hours")],
        ) if source((code, "study_hours")) else None,
        recommended_experience=c.RecommendedExperience(
            text=row.recommended_experience, source=sources[(code, "recommended_experience")]
        ) if source((code, "recommended_experience")) else None,
        certification_also_requires=tuple(r.required_code for r in related["also"].get(code, [])),
    )


def read_catalog(engine: Engine) -> c.Catalog:
    """Read the whole knowledge base from the database."""
    with Session(engine, future=True) as session:
        sources = _sources(session)
        related = {
            "roles": _grouped(session, ExamRoleRow, "exam_code", ("exam_code", "position")),
            "domains": _grouped(session, SkillDomainRow, "exam_code", ("exam_code", "position")),
            "prerequisites": _grouped(session, PrerequisiteRow, "exam_code", ("exam_code", "option", "position")),
            "hours": _grouped(session, StudyHoursRow, "exam_code", ("exam_code", "position")),
            "also": _grouped(session, AlsoRequiredRow, "exam_code", ("exam_code", "required_code")),
        }
        exams = {
            row.code: _exam(row, sources, related)
            for row in session.execute(select(ExamRow).order_by(ExamRow.code)).scalars()
        }
        policies = {
            row.key: c.Policy(
                key=row.key, statement=row.statement, values=dict(row.values),
                source=sources[(f"policy:{row.key}", "policy")],
            )
            for row in session.execute(select(PolicyRow).order_by(PolicyRow.key)).scalars()
        }
        steps = _grouped(session, TrackStepRow, "role", ("role", "position"))
        alternatives = _grouped(session, TrackAlternativeRow, "role", ("role", "position"))
        tracks = {
            row.role: c.RoleTrack(
                role=row.role, title=row.title, summary=row.summary, fundamentals=row.fundamentals,
                coding_bridge=row.coding_bridge,
                steps=tuple(
                    c.TrackStep(exam=s.exam_code, why=s.why, kind=s.kind,
                                skip_for_experience=tuple(s.skip_for_experience))
                    for s in steps.get(row.role, [])
                ),
                next=tuple(row.next_exams),
                alternatives=tuple(c.TrackAlternative(exam=a.exam_code, when=a.when, cues=tuple(a.cues or ()))
                                   for a in alternatives.get(row.role, [])),
                inferred_from=tuple(row.inferred_from),
                source=sources[(f"track:{row.role}", "track")],
            )
            for row in session.execute(select(RoleTrackRow)).scalars()
        }
    return c.Catalog(exams=exams, policies=policies, tracks=tracks)


def get_catalog(url: Optional[str] = None) -> c.Catalog:
    """The catalog for this process, read once from the database (built from YAML if empty)."""
    engine = make_engine(url)
    key = str(engine.url)
    with _lock:
        if key not in _cache:
            if not is_built(engine):
                from knowledge.loader import load_catalog

                build(engine, load_catalog())
            _cache[key] = read_catalog(engine)
        return _cache[key]


def clear_cache() -> None:
    """Forget cached catalogs (after a rebuild, in tests)."""
    with _lock:
        _cache.clear()
