"""Turn a Recommendation into plain-text messages (terminal, REST and any text channel).

No business rule lives here: every statement comes from the recommendation's steps, reasons and
facts, which come from the rules and the knowledge base.
"""

from __future__ import annotations

from typing import List

from advisor.public_notes import public
from advisor.recommendation import Fact, Reason, Recommendation, Step
from presentation.formats import per_week, source_note, span

# A recommendation stays short: the first alternatives only; "why not X?" reaches the rest.
MAX_ALTERNATIVES_SHOWN = 2
RULE_TITLES = {
    "target_role_decides_track": "Your goal decides the track",
    "lay_out_track_steps": "The track's exam",
    "chosen_exam": "The exam you chose",
    "replace_retired_exams": "Retired exams are replaced",
    "somewhere_in_between": "Administrator first, then developer",
    "expert_prerequisites": "Expert prerequisites",
    "coding_gate": "Coding comes first",
    "fundamentals_first": "Fundamentals first (optional)",
    "fundamentals_only": "The overview you asked for",
    "skip_held_exams": "What you already hold",
}


def _step_heading(number: int, step: Step, rec: Recommendation) -> str:
    parts = [f"{step.exam.level}"]
    if step.study_hours:
        parts.append(f"about {span(step.study_hours, 'h')} of study")
    if step.weeks and rec.profile.weekly_hours:
        parts.append(f"≈ {span(step.weeks, 'weeks')} at {per_week(rec.profile.weekly_hours)}")
    optional = " (optional)" if step.optional else ""
    return f"{number}. {step.exam.label}{optional}: {', '.join(parts)}"


def render_summary(rec: Recommendation) -> List[str]:
    """The recommendation as a few short messages: path with reasons, heads-ups, next steps."""
    messages: List[str] = []
    if not rec.steps:
        held = ", ".join(e.code for e in rec.already_held)
        text = [rec.track_reason.text, "", f"You already hold what the {rec.track.title} track asks for ({held})."]
        if rec.alternatives:
            text.append("Where to go next:")
            text += [f"- {a.exam.label}: {a.when}" for a in rec.alternatives]
        messages.append("\n".join(text))
    else:
        lines = [f"Your path (as of {rec.today.isoformat()}, {rec.track.title} track):", ""]
        for number, step in enumerate(rec.steps, start=1):
            lines.append(_step_heading(number, step, rec))
            lines.append(f"   Why: {' '.join(r.text for r in step.reasons[:2])}")
            facts = [f.text for f in step.reasons[0].facts[1:4]] if step.reasons else []
            if facts:
                lines.append(f"   Facts: {' '.join(facts)}")
        if rec.total_hours:
            total = f"In total about {span(rec.total_hours, 'hours')} of study"
            if rec.total_weeks and rec.profile.weekly_hours:
                total += f", roughly {span(rec.total_weeks, 'weeks')} at {per_week(rec.profile.weekly_hours)}"
            lines += ["", total + " (estimates from public study reports, with practice-test weeks)."]
        messages.append("\n".join(lines))
    if rec.warnings:
        messages.append("Heads-up:\n" + "\n".join(f"- {w.text}" for w in rec.warnings))
    extra = []
    if rec.alternatives and rec.steps:
        shown = rec.alternatives[:MAX_ALTERNATIVES_SHOWN]
        more = len(rec.alternatives) - len(shown)
        extra.append("Also worth knowing:\n" + "\n".join(f"- {a.exam.label}, if {a.when}." for a in shown)
                     + (f"\n- {more} more option{'s' if more > 1 else ''}: ask \"why not …?\" about any exam."
                        if more else ""))
    if rec.next_actions:
        extra.append("What to do next:\n" + "\n".join(f"- {action}" for action in rec.next_actions))
    if extra:
        messages.append("\n\n".join(extra))
    messages.append('Ask "why?" for the full reasoning with sources, or "start over" to change your answers.')
    return messages


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
                + (f" {public(step.exam.study_hours.note)}" if public(step.exam.study_hours.note) else ""),
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
