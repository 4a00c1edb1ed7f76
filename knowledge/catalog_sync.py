"""Drift between the knowledge base and Microsoft Learn's public catalogue; it reads, never writes.

    python -m knowledge sync --catalog FILE_OR_URL [--since YYYY-MM-DD] [--today YYYY-MM-DD]

The catalogue is the Learn Catalog API's JSON (`GET https://learn.microsoft.com/api/catalog/
?type=certifications,exams&locale=en-us`, documented at
https://learn.microsoft.com/en-us/training/support/catalog-api-developer-reference): an object with an
`exams` list (each with `uid` such as `exam.az-104`, `display_name` such as `AZ-104`, `title`, `url`,
`last_modified`, `levels`, `roles`, `products`, `locales`, `providers`, `study_guide`) and a
`certifications` list (`uid`, `title`, `url`, `certification_type`, `exams`, `levels`, `roles`, …).

Kinds of drift, for the exam codes whose family (the letters before the hyphen) the knowledge base
knows, so Dynamics or Office exams outside the advisor's scope are not reported:
- `missing`: listed by Microsoft, not in the knowledge base, and its record is no newer than `since`
  (by default the newest `checked` date in the knowledge base, or today if that is earlier): a gap in coverage;
- `new`: listed by Microsoft, not in the knowledge base, and its record changed after `since` or its
  title says "beta": probably published since the last check;
- `title`: the exam's title differs (case, spacing and an "Exam AZ-104:" prefix are ignored);
- `unlisted`: available here on `today` but no longer listed by Microsoft: probably retired;
- `still_listed`: retired here on `today` but still listed by Microsoft: check the retirement date.
A person decides what to change in the YAML; this module never edits it.
"""

from __future__ import annotations

import json
import re
import urllib.request
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from knowledge.catalog import Catalog
from knowledge.staleness import sourced_facts

CATALOG_URL = "https://learn.microsoft.com/api/catalog/?type=certifications,exams&locale=en-us"
KINDS: Tuple[str, ...] = ("missing", "new", "title", "unlisted", "still_listed")
KIND_HEADINGS: Dict[str, str] = {
    "missing": "Exams Microsoft lists that the knowledge base lacks",
    "new": "New exams (published or changed since the last check)",
    "title": "Titles changed",
    "unlisted": "Exams no longer listed by Microsoft (probably retired)",
    "still_listed": "Exams retired here but still listed by Microsoft (check the retirement date)",
}
_CODE_RE = re.compile(r"^([A-Z]{2,3})-(\d{3})$")
_PREFIX_RE = re.compile(r"^\s*exam\s+[A-Z]{2,3}-\d{3}\s*:\s*", re.IGNORECASE)


class CatalogReadError(ValueError):
    """The catalogue could not be read, or is not in the Learn Catalog API's schema."""


@dataclass(frozen=True)
class ListedExam:
    """One exam as the catalogue lists it."""

    code: str
    title: str
    url: str
    last_modified: Optional[date]


@dataclass(frozen=True)
class Drift:
    kind: str  # one of KINDS
    code: str
    here: Optional[str]   # the knowledge base's title (or status)
    there: Optional[str]  # the catalogue's title
    url: Optional[str]


def read_catalog_json(source: str, timeout: float = 60.0) -> Any:
    """The JSON at a file path or an http(s) URL."""
    try:
        if re.match(r"^https?://", source):
            request = urllib.request.Request(source, headers={"Accept": "application/json"})
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (http(s) only)
                return json.loads(response.read().decode("utf-8"))
        return json.loads(Path(source).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise CatalogReadError(f"cannot read the catalogue {source!r}: {error}") from None


def exam_code(record: Dict[str, Any]) -> Optional[str]:
    """`AZ-104` from `display_name`, else from the `uid` (`exam.az-104`); None when neither is a code."""
    for text in (str(record.get("display_name") or ""), str(record.get("uid") or "").split(".", 1)[-1]):
        code = text.strip().upper().replace(" ", "-")
        if _CODE_RE.match(code):
            return code
    return None


def _date(value: Any) -> Optional[date]:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def listed_exams(data: Any) -> Dict[str, ListedExam]:
    """The exams of a catalogue response, by code; CatalogReadError when it is not the documented shape."""
    if not isinstance(data, dict) or not isinstance(data.get("exams"), list):
        raise CatalogReadError("not a Learn Catalog API response: no top-level \"exams\" list "
                               "(request it with type=certifications,exams)")
    exams: Dict[str, ListedExam] = {}
    for record in data["exams"]:
        if not isinstance(record, dict):
            continue
        code = exam_code(record)
        if code is None:
            continue
        exams[code] = ListedExam(code=code, title=str(record.get("title") or "").strip(),
                                 url=str(record.get("url") or ""), last_modified=_date(record.get("last_modified")))
    return exams


def normalise_title(title: str) -> str:
    return re.sub(r"\s+", " ", _PREFIX_RE.sub("", title)).strip().casefold()


def newest_check(catalog: Catalog) -> date:
    """The newest `checked` date in the knowledge base (the default `since`)."""
    return max(fact.source.checked for fact in sourced_facts(catalog))


def compare(catalog: Catalog, listed: Dict[str, ListedExam], today: date, since: date) -> List[Drift]:
    """Every difference between the knowledge base and the catalogue, by kind then code."""
    families = {code.split("-")[0] for code in catalog.exams}
    drifts: List[Drift] = []
    for code, there in sorted(listed.items()):
        if code.split("-")[0] not in families:
            continue
        if not catalog.has_exam(code):
            fresh = (there.last_modified is not None and there.last_modified > since) or "beta" in there.title.lower()
            drifts.append(Drift("new" if fresh else "missing", code, None, there.title, there.url))
            continue
        exam = catalog.exam(code)
        if exam.is_retired_on(today):
            when = exam.status.retirement_date.isoformat() if exam.status.retirement_date else "earlier"
            drifts.append(Drift("still_listed", code, f"retired {when}", there.title, there.url))
        elif normalise_title(exam.title) != normalise_title(there.title):
            drifts.append(Drift("title", code, exam.title, there.title, there.url))
    for exam in catalog:
        if exam.code not in listed and not exam.is_retired_on(today):
            drifts.append(Drift("unlisted", exam.code, exam.title, None, exam.learn_url))
    return sorted(drifts, key=lambda d: (KINDS.index(d.kind), d.code))


def render_drift(drifts: List[Drift], listed_count: int, today: date, since: date) -> str:
    """The report printed by `python -m knowledge sync`."""
    head = (f"Compared {listed_count} listed exams with the knowledge base on {today.isoformat()} "
            f"(records changed after {since.isoformat()} count as new).")
    if not drifts:
        return f"{head}\nNo differences."
    lines = [head, f"{len(drifts)} difference(s); nothing was changed, edit knowledge/ by hand:"]
    for kind in KINDS:
        group = [d for d in drifts if d.kind == kind]
        if not group:
            continue
        lines.append(f"\n{KIND_HEADINGS[kind]} ({len(group)}):")
        for d in group:
            if kind == "title":
                lines.append(f"  {d.code}  here: {d.here}  |  Microsoft: {d.there}")
            elif kind == "unlisted":
                lines.append(f"  {d.code}  {d.here}  ({d.url})")
            elif kind == "still_listed":
                lines.append(f"  {d.code}  {d.here} here; listed as {d.there}  ({d.url})")
            else:
                lines.append(f"  {d.code}  {d.there}  ({d.url})")
    return "\n".join(lines)
