"""Words that mark a sentence written for the knowledge base's editors, not for users.

A data lint, not a run-time filter: `tests/knowledge/test_notes.py` checks that no user-facing `note` in
knowledge/ carries one, and `tests/presentation/test_public_wording.py` that no reply does. Such sentences
belong in `editor_note` (see `knowledge.schema`).
"""

from __future__ import annotations

import re

# sentences that speak to the people who edit the knowledge base (the old run-time filter's markers)
EDITOR_RE = re.compile(r"advisor default|advisor files|advisor's own|new_to_azure|newcomer range|some_azure|"
                       r"\bgrade [A-D]\b|\bV\d\b|peer research|research \d|sites that give|\(examos\)|"
                       r"no (?:verified )?public estimate|taken from the|fact audit|deep review", re.IGNORECASE)

# data labels and research references that only make sense inside the knowledge base
DATA_LABEL_RE = re.compile(r"\bas_of\b|\blearn_url\b|certification_also_requires|\bany_of\b|\bexperienced =|"
                           r"\bexamos\b|\bthe research\b|\bthis research\b|\(\s*[A-D]\s*\)|\bgraded? [A-D]\b")
