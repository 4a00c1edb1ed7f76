"""Study-time, study-plan and path-total answers as replies, from `advisor.study_plan` results."""

from __future__ import annotations

from advisor.recommendation import Fact
from advisor.study_plan import PathTotals, StudyEstimate, StudyPlan
from presentation.compose import compose
from presentation.formats import per_week, span
from presentation.reply import Button, Reply, intent_payload


def plan_reply(plan: StudyPlan) -> Reply:
    """The week-by-week plan, its warnings, and the facts it rests on."""
    basis = "" if plan.weekly_hours_given else " (the weekly time this needs)"
    heading = (f"Study plan for {plan.exam.label}: {plan.total_weeks} week{'s' if plan.total_weeks != 1 else ''} "
               f"at {per_week(plan.weekly_hours)}{basis}.")
    facts = [Fact(week.label, None) for week in plan.weeks]
    facts += [Fact(f"Heads-up: {warning}", None) for warning in plan.warnings]
    facts += list(plan.facts)
    code = plan.exam.code
    buttons = (Button(f"What's on {code}?", intent_payload("ask_exam_fact", exam_code=code, exam_aspect="skills")),
               Button("Whole path: time and cost", "/ask_study_plan"))
    return compose(heading, facts, buttons)


def estimate_reply(estimate: StudyEstimate) -> Reply:
    """How long one exam typically takes this person (said once, with its source), then the weeks at their
    pace or a prompt for a full plan."""
    exam = estimate.exam
    lines = list(estimate.facts)  # the hours for the person's background, with their source and caveat
    if estimate.weeks and estimate.weekly_hours:
        lines.append(Fact(f"At {per_week(estimate.weekly_hours)}: roughly {span(estimate.weeks, 'weeks')}, "
                          "including a week or two of practice tests.", None))
    else:
        lines.append(Fact("Tell me how many hours a week you can study, or when your exam is (\"exam in 6 weeks\"), "
                          "and I'll make a week-by-week plan.", None))
    buttons = (Button("Plan for 6 weeks", intent_payload("ask_study_plan", exam_code=exam.code,
                                                         weeks_until_exam="6 weeks")),)
    return compose(f"How long {exam.label} takes:", lines, buttons)


def totals_reply(totals: PathTotals) -> Reply:
    """The whole path's study time and exam cost, step by step."""
    facts = []
    for step in totals.steps:
        parts = [f"{step.exam.code}{' (optional)' if step.optional else ''}"]
        if step.hours:
            parts.append(f"{span(step.hours, 'h')} of study")
        if step.weeks:
            parts.append(f"≈ {span(step.weeks, 'weeks')}")
        parts.append(f"about {step.price_usd} USD")
        source = step.exam.study_hours.source if step.exam.study_hours else step.exam.status.source
        facts.append(Fact(", ".join(parts), source))
    total = f"In total: {span(totals.hours, 'hours')} of study"
    if totals.weeks and totals.weekly_hours:
        total += f", roughly {span(totals.weeks, 'weeks')} at {per_week(totals.weekly_hours)}"
    total += f"; exams about {totals.cost_usd} USD for one attempt each"
    if totals.required_cost_usd != totals.cost_usd:
        total += f" ({totals.required_cost_usd} USD without the optional steps)"
    facts.append(Fact(total + ".", None))
    facts += [fact for fact in totals.facts if "USD" in fact.text]  # the price policy and its caveat
    return compose("Your whole path, time and cost:", facts)
