"""The part of a knowledge-base note a person may read.

Notes in knowledge/ mix what users should know with what editors need (where a range came from, which
sites are wrong, advisor defaults). `public` keeps the sentences without editor markers. Plain Python.
"""

from __future__ import annotations

import re
from typing import Optional

# sentences that speak to the people who edit the knowledge base, not to users
_EDITOR_RE = re.compile(r"advisor default|advisor files|advisor's own|new_to_azure|newcomer range|some_azure|"
                        r"\bgrade [A-D]\b|\bV\d\b|peer research|research \d|sites that give|\(examos\)|"
                        r"no (?:verified )?public estimate|taken from the|fact audit|deep review", re.IGNORECASE)


def public(note: Optional[str]) -> str:
    """The note's sentences that carry no editor marker, joined; "" when nothing is left."""
    if not note:
        return ""
    sentences = re.split(r"(?<=[.;])\s+", " ".join(note.split()))
    return " ".join(s for s in sentences if not _EDITOR_RE.search(s)).strip()
