"""SQLAlchemy tables of the knowledge base (SQLAlchemy 1.4, 2.0-style declarative mapping).

The database is derived data: `python -m knowledge build` rebuilds it from the YAML files.
Every fact group is a row in `fact_sources`, keyed by its subject (an exam code, `policy:<key>` or
`track:<role>`) and group name, so any fact can be traced to its URL and check date.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Column, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import declarative_base

Base: Any = declarative_base()  # untyped in SQLAlchemy 1.4 without stubs


class ExamRow(Base):
    __tablename__ = "exams"

    code = Column(String(16), primary_key=True)
    title = Column(Text, nullable=False)
    certification = Column(Text, nullable=False)
    level = Column(String(16), nullable=False)
    learn_url = Column(Text, nullable=False)
    audience = Column(Text, nullable=False)
    status = Column(String(16), nullable=False)
    retirement_date = Column(Date)
    successor = Column(String(16), ForeignKey("exams.code"))
    status_note = Column(Text)
    duration_minutes = Column(Integer)
    duration_basis = Column(String(16))
    languages = Column(Integer)
    skills_as_of = Column(Date)
    skills_note = Column(Text)
    prerequisites_note = Column(Text)
    coding_level = Column(String(16), nullable=False)
    coding_note = Column(Text)
    study_hours_note = Column(Text)
    recommended_experience = Column(Text)


class ExamRoleRow(Base):
    __tablename__ = "exam_roles"

    exam_code = Column(String(16), ForeignKey("exams.code"), primary_key=True)
    role = Column(String(32), primary_key=True)
    position = Column(Integer, nullable=False)


class SkillDomainRow(Base):
    __tablename__ = "skill_domains"

    exam_code = Column(String(16), ForeignKey("exams.code"), primary_key=True)
    position = Column(Integer, primary_key=True)
    name = Column(Text, nullable=False)
    weight_low = Column(Integer, nullable=False)
    weight_high = Column(Integer, nullable=False)


class PrerequisiteRow(Base):
    """One member of one "any of" option: `exam_code` needs all members of some option."""

    __tablename__ = "prerequisites"

    exam_code = Column(String(16), ForeignKey("exams.code"), primary_key=True)
    option = Column(Integer, primary_key=True)
    required_code = Column(String(16), ForeignKey("exams.code"), primary_key=True)
    position = Column(Integer, nullable=False)


class AlsoRequiredRow(Base):
    """Exams that must be passed together for one certification (AZ-800 with AZ-801)."""

    __tablename__ = "certification_also_requires"

    exam_code = Column(String(16), ForeignKey("exams.code"), primary_key=True)
    required_code = Column(String(16), ForeignKey("exams.code"), primary_key=True)


class StudyHoursRow(Base):
    __tablename__ = "study_hours"

    exam_code = Column(String(16), ForeignKey("exams.code"), primary_key=True)
    background = Column(String(16), primary_key=True)
    position = Column(Integer, nullable=False)
    low = Column(Integer, nullable=False)
    high = Column(Integer, nullable=False)


class FactSourceRow(Base):
    __tablename__ = "fact_sources"

    subject = Column(String(64), primary_key=True)
    fact_group = Column(String(32), primary_key=True)
    url = Column(Text, nullable=False)
    checked = Column(Date, nullable=False)
    grade = Column(String(1), nullable=False)
    via = Column(Text)
    note = Column(Text)


class PolicyRow(Base):
    __tablename__ = "policies"

    key = Column(String(64), primary_key=True)
    statement = Column(Text, nullable=False)
    values = Column(JSON, nullable=False)


class RoleTrackRow(Base):
    __tablename__ = "role_tracks"

    role = Column(String(32), primary_key=True)
    title = Column(Text, nullable=False)
    summary = Column(Text, nullable=False)
    fundamentals = Column(String(16), ForeignKey("exams.code"), nullable=False)
    coding_bridge = Column(String(16), ForeignKey("exams.code"))
    inferred_from = Column(JSON, nullable=False)
    next_exams = Column(JSON, nullable=False)


class TrackStepRow(Base):
    __tablename__ = "track_steps"

    role = Column(String(32), ForeignKey("role_tracks.role"), primary_key=True)
    position = Column(Integer, primary_key=True)
    exam_code = Column(String(16), ForeignKey("exams.code"), nullable=False)
    kind = Column(String(16), nullable=False)
    why = Column(Text, nullable=False)
    skip_for_experience = Column(JSON, nullable=False)


class TrackAlternativeRow(Base):
    __tablename__ = "track_alternatives"

    role = Column(String(32), ForeignKey("role_tracks.role"), primary_key=True)
    position = Column(Integer, primary_key=True)
    exam_code = Column(String(16), ForeignKey("exams.code"), nullable=False)
    when = Column(Text, nullable=False)
    cues = Column(JSON, nullable=False)
