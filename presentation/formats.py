"""One formatter per idea: a range, weekly hours, a source, a role, an exam, a list of sources.

Every reply phrases these the same way because every reply calls these functions; nothing else in
`presentation/` writes a range, a source note or a role label by hand. Plain Python, no Rasa.
"""

from __future__ import annotations

from typing import Iterable, List, Optional, Sequence, Tuple

from knowledge.catalog import Exam, Source
from knowledge.vocabulary import ROLE_LABELS

# The one phrasing for facts that rest on weak evidence (grades C and D).
ESTIMATE_NOTE = "weak evidence, treat it as an estimate"
# A reply names at most this many sources on its "Sources" line; "why?" gives every fact's source.
MAX_SOURCES_SHOWN = 3


def span(values: Optional[Tuple[int, int]], unit: str) -> str:
    """`(60, 100), "h"` → `60–100 h`; `(4, 4), "weeks"` → `4 weeks`; nothing → ``."""
    if not values:
        return ""
    low, high = values
    return f"{low} {unit}" if low == high else f"{low}–{high} {unit}"


def per_week(hours: float) -> str:
    """`5.0` → `5 h/week`, `7.5` → `7.5 h/week`."""
    return f"{hours:g} h/week"


def source_text(source: Source) -> str:
    """`URL, checked 2026-10-09`, with the estimate note when the evidence is weak."""
    weak = f"; {ESTIMATE_NOTE}" if source.weak else ""
    return f"{source.url}, checked {source.checked.isoformat()}{weak}"


def source_note(source: Optional[Source]) -> str:
    """`(source: URL, checked 2026-10-09)` after a fact; `` when the fact has no source."""
    return f"(source: {source_text(source)})" if source is not None else ""


def distinct_sources(sources: Iterable[Optional[Source]]) -> List[Source]:
    """Each page once, in the order first cited (a page cited with two check dates keeps the newest)."""
    by_url: dict[str, Source] = {}
    for source in sources:
        if source is None:
            continue
        kept = by_url.get(source.url)
        if kept is None or source.checked > kept.checked:
            by_url[source.url] = source
    return list(by_url.values())


def sources_line(sources: Sequence[Optional[Source]], limit: int = MAX_SOURCES_SHOWN,
                 more_hint: str = "") -> str:
    """`Source: …` or `Sources: A · B · C (+2 more)`: each page once, at most `limit` shown; `more_hint`
    follows the count (`: ask "why?"` where "why?" lists them)."""
    unique = distinct_sources(sources)
    if not unique:
        return ""
    shown = unique[:limit]
    more = len(unique) - len(shown)
    rest = f" (+{more} more{more_hint})" if more else ""
    label = "Source" if len(unique) == 1 else "Sources"
    return f"{label}: " + " · ".join(source_text(source) for source in shown) + rest


def role_label(role: Optional[str]) -> str:
    """A role value as people read it: `devops_engineer` → `DevOps engineer`; none → `not decided yet`."""
    key = role or "undecided"
    return ROLE_LABELS.get(key, key.replace("_", " "))


def with_article(label: str) -> str:
    """"an administrator", "an AI engineer", "a DevOps engineer": the label with the article its sound takes."""
    return f"{'an' if label[:1].lower() in 'aeio' or label.startswith(('AI ', 'SQL ')) else 'a'} {label}"


def exam_reference(exam: Exam) -> str:
    """`AZ-104 Microsoft Azure Administrator`: the code, then the title (the catalog's `Exam.label`, so the
    knowledge base's CLI and every reply name an exam the same way)."""
    return exam.label


def path_label(codes: Sequence[str], empty: str = "nothing new") -> str:
    """`AZ-900 → AZ-104`; `empty` when there is no step."""
    return " → ".join(codes) if codes else empty
