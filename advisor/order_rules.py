"""Prerequisites and order on the path: rule 3 (an expert certification's prerequisites come before it) and
rule 5 (an exam that expects real coding is never the first step for someone who rarely codes).

Plain Python (no Rasa import); sources in `advisor/rules.py`.
"""

from __future__ import annotations

from typing import Tuple

from advisor.recommendation import Fact, Reason, Recommendation, Step
from advisor.rule_facts import exam_facts, held_and_active
from knowledge.catalog import Catalog

# -- rule 3 --------------------------------------------------------------------------------

def expert_prerequisites(rec: Recommendation, catalog: Catalog) -> None:
    """Rule 3: an expert certification needs one of its "any of" prerequisite sets (knowledge base);
    a held certification that is still active satisfies it, and a missing one is added before the
    expert exam. The exam itself may be sat first; the certification is awarded once both are held.
    """
    index = 0
    while index < len(rec.steps):
        step = rec.steps[index]
        exam = step.exam
        sets = exam.prerequisite_sets
        if not sets:
            index += 1
            continue
        earlier = {s.code for s in rec.steps[:index]}
        source = exam.prerequisites.source if exam.prerequisites else None
        note = Fact(exam.prerequisites.note, source) if exam.prerequisites and exam.prerequisites.note else None
        options = " or ".join(" + ".join(option) for option in sets)
        satisfied = next((option for option in sets if all(
            held_and_active(code, rec.profile, catalog, rec.today) or code in earlier for code in option
        )), None)
        if satisfied is not None:
            held = [code for code in satisfied if rec.profile.holds(code)]
            text = (f"The {exam.certification} certification requires {options}. "
                    + (f"You already hold {', '.join(held)}, which counts." if held
                       else f"{' and '.join(satisfied)} comes first on your path for that reason."))
            step.reasons.append(Reason("expert_prerequisites", text, tuple(f for f in (note,) if f)))
            for earlier_step in rec.steps[:index]:
                if earlier_step.code in satisfied:
                    earlier_step.reasons.append(Reason(
                        "expert_prerequisites",
                        f"It is also the prerequisite for the {exam.certification} certification ({exam.code}).",
                        tuple(f for f in (note,) if f),
                    ))
            index += 1
            continue
        current = [o for o in sets if all(not catalog.exam(code).is_retired_on(rec.today) for code in o)] or sets
        on_track = {s.exam for s in rec.track.steps}  # SC-100 on the security track: SC-500, not SC-200
        option = next((o for o in current if all(code in on_track for code in o)), current[0])
        missing = [code for code in option if code not in earlier and not rec.profile.holds(code)]
        for code in missing:
            needed = catalog.exam(code)
            rec.steps.insert(index, Step(exam=needed, kind="prerequisite", reasons=[Reason(
                "expert_prerequisites",
                f"The {exam.certification} certification requires {_labelled(sets, catalog)}; you may sit "
                f"{exam.code} first, but the expert certification is only awarded once {code} is held too.",
                tuple(f for f in (note,) if f) + exam_facts(needed, catalog),
            )]))
            index += 1
        step.reasons.append(Reason(
            "expert_prerequisites",
            f"Requires {options} for the certification; {', '.join(missing)} is on your path before it.",
            tuple(f for f in (note,) if f),
        ))
        index += 1


def _labelled(sets: Tuple[Tuple[str, ...], ...], catalog: Catalog) -> str:
    """Prerequisite options with what each earns: "the Azure Administrator Associate (AZ-104) or the …"."""
    return " or ".join(f"the {catalog.exam(o[0]).certification} ({o[0]})" if len(o) == 1 else " + ".join(o)
                       for o in sets)


# -- rule 5 --------------------------------------------------------------------------------

def coding_gate(rec: Recommendation, catalog: Catalog) -> None:
    """Rule 5: an exam that expects real coding is never the first step for someone with low coding
    comfort. Seed 000: "If you can't comfortably read and write C# or Python ... it will be an uphill
    battle"; the advisor says so and puts a non-coding step first (the track's coding bridge).
    """
    comfort = rec.profile.coding_comfort
    for position, step in enumerate(rec.steps):
        level = step.exam.coding.level
        coding_fact = Fact(step.exam.coding.note or f"{step.code} expects {level} skills.", step.exam.coding.source)
        if level == "application" and comfort == "low":
            before = [s for s in rec.steps[:position] if not s.optional and s.exam.coding.level != "application"]
            bridge_code = rec.track.coding_bridge or rec.track.fundamentals
            first = ""
            if not before and not rec.profile.holds(bridge_code):
                bridge = catalog.exam(bridge_code)
                rec.steps.insert(position, Step(exam=bridge, kind="bridge", reasons=[Reason(
                    "coding_gate",
                    f"{bridge.code} comes first because {step.code} expects real coding and you told me you "
                    "rarely write code: it builds on what you do today while you learn to code.",
                    exam_facts(bridge, catalog),
                )]))
                first = f" Start with {bridge.code}, and learn to code"
            else:
                first = " Learn to code"
            rec.warnings.append(Reason(
                "coding_gate",
                f"Honestly, {step.code} would be an uphill battle right now: it expects you to read and write "
                f"application code comfortably.{first} first (a few weeks of Python "
                f"foundations, then small Azure projects) before you book {step.code}.",
                (coding_fact,),
            ))
            return
        if level == "application" and comfort == "medium":
            rec.warnings.append(Reason(
                "coding_gate",
                f"{step.code} expects application code, beyond scripting: build a few small apps against "
                "Azure SDKs while you study.",
                (coding_fact,),
            ))
            return
        if level == "scripting" and comfort == "low" and not step.optional:
            rec.warnings.append(Reason(
                "coding_gate",
                f"{step.code} expects scripting, queries or pipeline definitions; practise those alongside "
                "the theory.",
                (coding_fact,),
            ))
            return
