"""The shape of a short factual answer: a heading, one line per fact, then one "Sources" line.

Every answer about an exam, the rules, a plan or a comparison goes through `compose`, so they all read
the same way: the answer first, details below, each page cited once with its check date (at most
`MAX_SOURCES_SHOWN` of them). Fact texts are shown as they are: a knowledge-base `note` is written for
users, and what is meant for its editors is in `editor_note`, which never leaves `knowledge.loader`. Plain
Python, no Rasa.
"""

from __future__ import annotations

from typing import Sequence

from advisor.recommendation import Answer, Fact
from presentation.formats import sources_line
from presentation.reply import Button, Reply


def compose(heading: str, facts: Sequence[Fact], buttons: Sequence[Button] = ()) -> Reply:
    """A heading, one line per fact, then each distinct source once (capped) with its check date."""
    lines = [heading]
    lines += [f"- {fact.text}" for fact in facts if fact.text]
    cited = sources_line([fact.source for fact in facts])
    if cited:
        lines.append(cited)
    return Reply(text="\n".join(lines), buttons=tuple(buttons))


def reply_to(answer: Answer, buttons: Sequence[Button] = ()) -> Reply:
    """An advisor's `Answer` (heading and facts) as a reply, in the same shape as every factual answer."""
    return compose(answer.heading, answer.facts, buttons)
