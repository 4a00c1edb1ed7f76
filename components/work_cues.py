"""Words about the person's own work that make a track's alternative the better exam: "SOC analyst, Sentinel
all day" → SC-200 rather than SC-500; "we run Databricks" → DP-750 rather than DP-700.

Plain Python over the cues in knowledge/role_tracks.yml (`alternatives[].cues`). Only what the person
said counts, whole words only, and a cue someone else's work ("my colleague does MLOps") does not count.
"""

from __future__ import annotations

import re
from typing import Iterable, List, Optional, Tuple

from knowledge.catalog import RoleTrack

_SOMEONE_ELSE_RE = re.compile(r"\b(?:my|our|his|her|their)\s+(?:boss|manager|colleagues?|coworkers?|team ?mates?|"
                              r"friend|partner)\b|\b(?:he|she|they)\s+(?:does|do|works?)\b", re.IGNORECASE)
_NOT_RE = re.compile(r"\b(?:not|no|never|don'?t|doesn'?t|isn'?t|without)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
# "I want to get OUT of the SOC", "leaving the SOC for cloud security": work they are moving away from
_LEAVING_RE = re.compile(r"\b(?:out of|leav\w*|left|away from|escape|quit\w*|move on from|moving on from|tired of|"
                         r"sick of|done with|burn(?:ed|t)? out (?:of|in|on))\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


# "a Databricks cert", "Databricks certified data engineer": a certificate, not the work they do
_CERTIFICATE_RE = re.compile(r"^\W*(?:\w+\W+){0,3}?(?:cert\w*|badge|credential|exam|associate|professional)\b",
                             re.IGNORECASE)
# "at my old job we used Databricks": work they no longer do
_PAST_RE = re.compile(r"\b(?:old|previous|former|last|prior) (?:job|role|company|employer|team|gig)\b|\bused to\b|"
                      r"\bback (?:then|when)\b|\byears ago\b", re.IGNORECASE)


def cued_alternative(texts: Iterable[str], track: RoleTrack) -> Optional[Tuple[str, str]]:
    """(exam, cue) for the first alternative of `track` whose cue the person used about their work."""
    sentences: List[str] = []
    for text in texts:
        if text and not text.startswith("/"):
            sentences += [s for s in re.split(r"[.;!?\n]+", text[:2000]) if not _SOMEONE_ELSE_RE.search(s)]
    for alternative in track.alternatives:
        for cue in alternative.cues:
            pattern = re.compile(rf"(?<![\w-]){re.escape(cue)}(?![\w-])", re.IGNORECASE)
            for sentence in sentences:
                match = pattern.search(sentence)
                before = sentence[:match.start()] if match else ""
                if match and not _NOT_RE.search(before) and not _LEAVING_RE.search(before) and \
                        not _CERTIFICATE_RE.match(sentence[match.end():]) and not _PAST_RE.search(sentence):
                    return alternative.exam, cue
    return None
