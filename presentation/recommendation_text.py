"""The wording of a recommendation: the short summary (answer first) and the full reasoning ("why?").

The steps themselves (code, title, level, weeks, hours) are the roadmap (`presentation/roadmap.py`), which
each channel draws in its own form; these messages go with it. No business rule lives here: every
statement comes from the recommendation's steps, reasons and facts, which come from the rules and the
knowledge base.
"""

from __future__ import annotations

import re
from typing import List, Optional

from advisor.alternative_fit import worth_knowing
from advisor.extras_rules import NEXT_AFTER_TRACK
from advisor.recommendation import RULE_TITLES, Fact, Reason, Recommendation, Step
from knowledge.catalog import Source
from presentation.buttons import follow_up_buttons
from presentation.formats import per_week, source_note, sources_line, span
from presentation.reply import Reply

# A recommendation fits one phone screen (tests/presentation/test_reply_budget.py): the first alternatives,
# warnings and sources only; "why?" and "why not X?" reach the rest.
MAX_ALTERNATIVES_SHOWN = 1
MAX_WARNINGS_SHOWN = 2
MAX_SOURCES_IN_SUMMARY = 2
GIST_LIMIT = 110  # characters of a reason in the summary; "why?" gives it whole
_CLAUSE_END = re.compile(r"[;:]\s")
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)%][.!?])\s+(?=[A-Z])")


def _step_heading(number: int, step: Step, rec: Recommendation) -> str:
    parts = [f"{step.exam.level}"]
    if step.study_hours:
        parts.append(f"about {span(step.study_hours, 'h')} of study")
    if step.weeks and rec.profile.weekly_hours:
        parts.append(f"≈ {span(step.weeks, 'weeks')} at {per_week(rec.profile.weekly_hours)}")
    optional = " (optional)" if step.optional else ""
    return f"{number}. {step.exam.label}{optional}: {', '.join(parts)}"


def first_sentence(text: str) -> str:
    """The text up to its first full stop followed by a new sentence (the whole text when there is none)."""
    return _SENTENCE_END.split(" ".join(text.split()), maxsplit=1)[0]


def gist(text: str, limit: int = GIST_LIMIT) -> str:
    """The first sentence; when longer than `limit`, its first clause (up to "; " or ": ") if that says enough."""
    sentence = first_sentence(text)
    if len(sentence) <= limit:
        return sentence
    clause = _CLAUSE_END.split(sentence, maxsplit=1)[0]
    return clause.rstrip(".") + "." if len(clause) >= 30 else sentence


def _next_step(rec: Recommendation) -> str:
    """What to do this week, about step 1 of the path (whatever that step is)."""
    first = rec.steps[0]
    return (f"Next: open the {first.code} page on Microsoft Learn ({first.exam.learn_url}), follow its free "
            "learning path, and take its free practice assessment before you book.")


def _worth_knowing(rec: Recommendation) -> str:
    """`Also worth knowing: AZ-400, if …`: the first alternative that fits the person, and how many more."""
    fitting = worth_knowing(rec)
    if not fitting:
        return ""
    shown = "; ".join(f"{a.exam.code}, if {a.when.rstrip('.')}" for a in fitting[:MAX_ALTERNATIVES_SHOWN])
    more = len(fitting) - MAX_ALTERNATIVES_SHOWN
    return f"Also worth knowing: {shown}" + (f' ({more} more: ask "why not …?").' if more > 0 else ".")


def _first_code(text: str) -> str:
    match = re.search(r"\b[A-Z]{2}-\d{3}\b", text)
    return match.group(0) if match else ""


def _heads_up(rec: Recommendation) -> List[str]:
    """The warnings, one sentence each, at most `MAX_WARNINGS_SHOWN` (the rest: "why?"); a general warning about an
    exam the person holds gives way to the one about their own certification ("Your DP-203 …")."""
    own = {_first_code(w.text) for w in rec.warnings if w.text.startswith("Your ")}
    warnings = [w for w in rec.warnings if w.text.startswith("Your ") or _first_code(w.text) not in own]
    lines = [f"Heads-up: {gist(w.text)}" for w in warnings[:MAX_WARNINGS_SHOWN]]
    more = len(warnings) - MAX_WARNINGS_SHOWN
    if more > 0:
        lines.append(f'{more} more heads-up{"s" if more > 1 else ""}: ask "why?".')
    return lines


def summary_sources(rec: Recommendation) -> List[Optional[Source]]:
    """Every source the summary rests on, official pages first: the track, each step's reasons, the warnings."""
    reasons = [rec.track_reason] + [r for step in rec.steps for r in step.reasons] + list(rec.warnings)
    sources = [fact.source for reason in reasons for fact in reason.facts]
    return sorted(sources, key=lambda source: source is None or source.weak)


def render_summary(rec: Recommendation) -> List[str]:
    """The recommendation in two short messages, answer first.

    The first goes with the roadmap (the steps with level, weeks and hours, drawn by each channel: see
    `presentation/roadmap.py`) and says why each step is there, one sentence each. The second says what
    to do next (about step 1), heads-ups, alternatives that fit, and a capped line of sources.
    """
    if not rec.steps:
        held = ", ".join(e.code for e in rec.already_held)
        text = [first_sentence(rec.track_reason.text),
                f"You already hold what the {rec.track.title} track asks for ({held})."]
        fitting = worth_knowing(rec)
        if fitting:
            text.append("Where to go next: " + "; ".join(
                a.exam.label if a.when == NEXT_AFTER_TRACK else f"{a.exam.label}, if {a.when.rstrip('.')}"
                for a in fitting[:MAX_ALTERNATIVES_SHOWN]) + ".")
        text += [f"- {action}" for action in rec.next_actions]
        return ["\n".join(text), _closing(rec)]
    why = ["Why:"] + [f"- {step.code}: {gist(step.reasons[0].text)}" for step in rec.steps if step.reasons]
    details = _heads_up(rec) + [_next_step(rec)]
    also = _worth_knowing(rec)
    if also:
        details.append(also)
    details.append(_closing(rec))
    return ["\n".join(why), "\n".join(details)]


def _closing(rec: Recommendation) -> str:
    cited = sources_line(summary_sources(rec), limit=MAX_SOURCES_IN_SUMMARY)
    prompt = 'Ask "why?" for the rest, or "start over" to change your answers.'
    return f"{cited}. {prompt}" if cited else prompt


def _fact_line(fact: Fact) -> str:
    note = source_note(fact.source)
    return f"    • {fact.text} {note}".rstrip()


def _reason_block(reason: Reason) -> List[str]:
    title = RULE_TITLES.get(reason.rule, reason.rule)
    lines = [f"  [{title}] {reason.text}"]
    lines += [_fact_line(f) for f in reason.facts if f.text]
    return lines


def render_explanation(rec: Recommendation) -> List[str]:
    """The reasoning in depth: every rule that shaped the path, with its facts and their sources."""
    messages = ["Here is the reasoning, rule by rule:\n" + "\n".join(_reason_block(rec.track_reason))]
    for number, step in enumerate(rec.steps, start=1):
        lines = [_step_heading(number, step, rec)]
        for reason in step.reasons:
            lines += _reason_block(reason)
        if step.exam.study_hours:
            lines.append(_fact_line(Fact(
                f"Typical study time for your background: {span(step.study_hours, 'hours')}."
                + (f" {step.exam.study_hours.note}" if step.exam.study_hours.note else ""),
                step.exam.study_hours.source,
            )))
        lines.append(f"    • Microsoft Learn: {step.exam.learn_url}")
        messages.append("\n".join(lines))
    if rec.warnings:
        lines = ["Warnings:"]
        for warning in rec.warnings:
            lines += _reason_block(warning)
        messages.append("\n".join(lines))
    if rec.already_held:
        messages.append("Left out because you already hold them: " + ", ".join(e.label for e in rec.already_held) + ".")
    changes = ["What would change this answer: a different target role, learning to code (for coding-heavy "
               "exams), more hands-on Azure experience (fundamentals and foundation steps drop out), or "
               "certifications you already hold. Tell me and I'll redo the path."]
    messages.append(changes[0])
    return messages


def _as_replies(messages: List[str], rec: Recommendation, roadmap: bool) -> List[Reply]:
    """The messages as replies: the roadmap with the first, the follow-up buttons with the last."""
    last = len(messages) - 1
    buttons = follow_up_buttons(rec)
    return [Reply(text=message, buttons=buttons if index == last else (),
                  roadmap=rec if roadmap and index == 0 and rec.steps else None)
            for index, message in enumerate(messages)]


def recommendation_replies(rec: Recommendation, lead: str = "", assumed: str = "") -> List[Reply]:
    """The recommendation as replies: `lead` (what changed) and `assumed` (what was assumed) around the first."""
    messages = render_summary(rec)
    first = "\n\n".join(part for part in (lead, messages[0], assumed) if part)
    return _as_replies([first] + messages[1:], rec, roadmap=True)


def explanation_replies(rec: Recommendation) -> List[Reply]:
    """The full reasoning ("why?") as replies, the follow-up buttons with the last."""
    return _as_replies(render_explanation(rec), rec, roadmap=False)


def held_change_lead(added: List[str], never_expire: List[str], before: List[str], after: List[str]) -> str:
    """"Noted: AZ-900 (fundamentals certifications don't expire). That doesn't change your path." — what a
    certification added does to the path, before it is shown again; `never_expire` are the added ones that
    don't expire."""
    if not added:
        return ""
    lasting = f" ({' and '.join(never_expire)} won't expire: fundamentals certifications don't)" if never_expire else ""
    if before == after:
        return f"Noted: {', '.join(added)}{lasting}. That doesn't change your path."
    return f"Noted: {', '.join(added)}{lasting}. Your path changes: it was {' → '.join(before) or 'empty'}."
