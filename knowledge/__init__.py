"""The exam knowledge base, the lowest layer: the YAML facts, their validation and store, and what reads them.

Exam files, policies, role tracks and exam names (`exams/`, `*.yml`), their loader and schema, the SQLAlchemy
store and queries, the exam resolver, the vocabulary of profile values and the date every rule uses
(`today.py`). It imports nothing from `advisor/`, `components/`, `actions/` or `rasa_runtime/`.
"""
