"""Held-out NLU accuracy gate: score the trained model on tests/nlu/holdout*.yml.

    python scripts/evaluate_nlu.py --model models/advisor-<hash>.tar.gz

Every message of every `tests/nlu/holdout*.yml` file (Rasa NLU YAML, never trained on) goes through the
model's whole NLU pipeline, fallback included. Intents are scored per intent (precision, recall, F1; the
macro-F1 averages the intents that have held-out messages); entities as the pipeline produces them,
compared per message on (entity, role, canonical value), micro-averaged over the entity types that are
annotated somewhere in the held-out files. Writes `reports/nlu_holdout.md` and `reports/nlu_holdout.json`
and exits 1 when intent macro-F1 < 0.95, entity F1 < 0.92, or a held-out message also appears in the
training data (it would no longer be held out).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Sequence, Set, Tuple

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

INTENT_THRESHOLD = 0.95
ENTITY_THRESHOLD = 0.92
FactKey = Tuple[str, Optional[str], str]
NUMERIC_ENTITIES = ("weekly_hours", "number", "weeks_until_exam")


@dataclass(frozen=True)
class Example:
    """One held-out message with its expected intent and entities."""

    text: str
    intent: str
    entities: frozenset[FactKey]
    source: str


@dataclass
class Prediction:
    """What the model made of one message."""

    intent: str
    confidence: float
    entities: Set[FactKey] = field(default_factory=set)


@dataclass
class Scores:
    """Precision, recall and F1 with the counts behind them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> Dict[str, Any]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "support": self.tp + self.fn, "tp": self.tp, "fp": self.fp, "fn": self.fn}


def canonical(entity: str, role: Optional[str], value: Any) -> FactKey:
    """(entity, role, value) with numbers as floats and exam codes in upper case."""
    if entity in NUMERIC_ENTITIES:
        try:
            text = f"{float(value):g}"
        except (TypeError, ValueError):
            text = str(value)
    elif entity == "exam_code":
        text = str(value).upper()
    else:
        text = str(value).strip().lower()
    return (entity, role or None, text)


def load_examples(paths: Sequence[Path]) -> List[Example]:
    """Every annotated message of the held-out files."""
    from rasa.shared.nlu.training_data.loading import load_data

    examples: List[Example] = []
    for path in paths:
        data = load_data(str(path))
        for message in data.intent_examples:
            entities = frozenset(
                canonical(e["entity"], e.get("role"), e.get("value")) for e in message.get("entities") or []
            )
            examples.append(Example(message.get("text"), message.get("intent"), entities, path.name))
    return examples


def normalise(text: str) -> str:
    """Lower case, punctuation and repeated spaces removed: how leakage into training data is compared."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def training_texts(data_dir: Path) -> Set[str]:
    """Normalised texts of every NLU training example under `data_dir`."""
    from rasa.shared.nlu.training_data.loading import load_data

    return {normalise(m.get("text")) for m in load_data(str(data_dir)).intent_examples}


async def _predict_all(model: Path, texts: Iterable[str]) -> List[Prediction]:
    import logging

    from rasa.core.agent import Agent
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.log_utils import configure_structlog

    configure_logging_and_warnings(logging.WARNING)
    configure_structlog(logging.WARNING)
    agent = Agent.load(str(model))
    predictions = []
    for text in texts:
        parsed = await agent.parse_message(text)
        intent = parsed.get("intent") or {}
        entities = {canonical(e["entity"], e.get("role"), e.get("value")) for e in parsed.get("entities") or []}
        predictions.append(Prediction(str(intent.get("name")), float(intent.get("confidence") or 0.0), entities))
    return predictions


def predict(model: Path, texts: Sequence[str]) -> List[Prediction]:
    """Run the model's NLU pipeline on every text."""
    return asyncio.run(_predict_all(model, texts))


def evaluate(examples: Sequence[Example], predictions: Sequence[Prediction],
             leaked: Sequence[str] = (), domain_intents: Sequence[str] = (),
             domain_entities: Sequence[str] = ()) -> Dict[str, Any]:
    """Per-intent and per-entity scores, confusions and errors, as a JSON-ready dict."""
    gold_intents = sorted({e.intent for e in examples})
    intents: Dict[str, Scores] = {name: Scores() for name in gold_intents}
    confusions: Counter[Tuple[str, str]] = Counter()
    confused_examples: Dict[Tuple[str, str], List[str]] = defaultdict(list)
    for example, prediction in zip(examples, predictions, strict=True):
        if prediction.intent == example.intent:
            intents[example.intent].tp += 1
            continue
        intents[example.intent].fn += 1
        if prediction.intent in intents:
            intents[prediction.intent].fp += 1
        confusions[(example.intent, prediction.intent)] += 1
        confused_examples[(example.intent, prediction.intent)].append(example.text)
    macro_f1 = sum(s.f1 for s in intents.values()) / len(intents) if intents else 0.0
    accuracy = sum(s.tp for s in intents.values()) / len(examples) if examples else 0.0

    scored_types = sorted({key[0] for example in examples for key in example.entities})
    entities: Dict[str, Scores] = defaultdict(Scores)
    total = Scores()
    entity_errors: List[Dict[str, Any]] = []
    ignored: Counter[str] = Counter()
    for example, prediction in zip(examples, predictions, strict=True):
        predicted = {key for key in prediction.entities if key[0] in scored_types}
        ignored.update(key[0] for key in prediction.entities if key[0] not in scored_types)
        expected = set(example.entities)
        for key in predicted & expected:
            entities[_label(key)].tp += 1
        for key in predicted - expected:
            entities[_label(key)].fp += 1
        for key in expected - predicted:
            entities[_label(key)].fn += 1
        total.tp += len(predicted & expected)
        total.fp += len(predicted - expected)
        total.fn += len(expected - predicted)
        if predicted != expected:
            entity_errors.append({"text": example.text, "missing": sorted(map(list, expected - predicted)),
                                  "extra": sorted(map(list, predicted - expected), key=str)})

    passed = macro_f1 >= INTENT_THRESHOLD and total.f1 >= ENTITY_THRESHOLD and not leaked
    return {
        "messages": len(examples),
        "files": sorted({e.source for e in examples}),
        "intent": {
            "macro_f1": round(macro_f1, 4), "accuracy": round(accuracy, 4),
            "per_intent": {name: s.as_dict() for name, s in intents.items()},
            "confusions": [{"expected": a, "predicted": b, "count": n, "examples": confused_examples[(a, b)]}
                           for (a, b), n in confusions.most_common()],
            "not_covered": sorted(set(domain_intents) - set(gold_intents)),
        },
        "entity": {
            "f1": round(total.f1, 4), "precision": round(total.precision, 4), "recall": round(total.recall, 4),
            "scored_types": scored_types,
            "per_entity": {label: s.as_dict() for label, s in sorted(entities.items())},
            "errors": entity_errors,
            "not_covered": sorted(set(domain_entities) - set(scored_types)),
            "unscored_predictions": dict(ignored),
        },
        "leaked_into_training": list(leaked),
        "thresholds": {"intent_macro_f1": INTENT_THRESHOLD, "entity_f1": ENTITY_THRESHOLD},
        "passed": passed,
    }


def _label(key: FactKey) -> str:
    return f"{key[0]}:{key[1]}" if key[1] else key[0]


def render_markdown(result: Dict[str, Any], model: str) -> str:
    """The report as Markdown."""
    intent, entity = result["intent"], result["entity"]
    verdict = "PASSED" if result["passed"] else "FAILED"
    lines = [
        "# NLU held-out evaluation",
        "",
        f"Model `{model}`, {result['messages']} held-out messages from {', '.join(result['files'])}.",
        "",
        f"**{verdict}**: intent macro-F1 **{intent['macro_f1']:.3f}** (gate {INTENT_THRESHOLD}), "
        f"entity F1 **{entity['f1']:.3f}** (gate {ENTITY_THRESHOLD}; precision {entity['precision']:.3f}, "
        f"recall {entity['recall']:.3f}); intent accuracy {intent['accuracy']:.3f}.",
        "",
        "Intents are the pipeline's final answer (a message below the fallback threshold counts as "
        "`nlu_fallback`). Entities are compared per message on (entity, role, canonical value).",
        "",
        "## Intents",
        "",
        "| intent | precision | recall | F1 | support |",
        "|---|---|---|---|---|",
    ]
    for name, s in sorted(intent["per_intent"].items(), key=lambda item: (item[1]["f1"], item[0])):
        lines.append(f"| {name} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | {s['support']} |")
    lines += ["", "## Confusion pairs", ""]
    if intent["confusions"]:
        lines += ["| expected | predicted | count | messages |", "|---|---|---|---|"]
        for c in intent["confusions"]:
            shown = "; ".join(f"“{_cell(t)}”" for t in c["examples"][:3])
            lines.append(f"| {c['expected']} | {c['predicted']} | {c['count']} | {shown} |")
    else:
        lines.append("None.")
    lines += ["", "## Entities", "", "| entity:role | precision | recall | F1 | support |", "|---|---|---|---|---|"]
    for name, s in sorted(entity["per_entity"].items(), key=lambda item: (item[1]["f1"], item[0])):
        lines.append(f"| {name} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | {s['support']} |")
    lines += ["", "## Entity errors", ""]
    if entity["errors"]:
        lines += ["| message | missing | extra |", "|---|---|---|"]
        for e in entity["errors"]:
            lines.append(f"| {_cell(e['text'])} | {_facts(e['missing'])} | {_facts(e['extra'])} |")
    else:
        lines.append("None.")
    lines += ["", "## Coverage", ""]
    lines.append(f"- Intents in the domain without held-out messages: {_list(intent['not_covered'])}")
    lines.append(f"- Entities in the domain without held-out annotations (not scored): {_list(entity['not_covered'])}")
    if entity["unscored_predictions"]:
        shown = ", ".join(f"{k} ({v})" for k, v in sorted(entity["unscored_predictions"].items()))
        lines.append(f"- Predicted but not scored: {shown}")
    lines.append(f"- Held-out messages also found in the training data: {_list(result['leaked_into_training'])}")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    text = text.replace("|", "\\|").replace("\n", " ")
    return text if len(text) <= 100 else text[:97] + "..."


def _facts(facts: List[List[Any]]) -> str:
    return ", ".join(f"{e}{':' + r if r else ''}={v}" for e, r, v in facts) or "–"


def _list(items: Sequence[str]) -> str:
    return ", ".join(f"`{i}`" for i in items) if items else "none"


def main(argv: Optional[List[str]] = None) -> int:
    """Command line entry point; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", help="model archive (default: RASA_MODEL or the newest under models/)")
    parser.add_argument("--holdout", nargs="*", type=Path, help="held-out files (default: tests/nlu/holdout*.yml)")
    parser.add_argument("--training-data", type=Path, default=ROOT / "data" / "nlu")
    parser.add_argument("--domain", type=Path, default=ROOT / "domain.yml")
    parser.add_argument("--out", type=Path, default=ROOT / "reports")
    args = parser.parse_args(argv)

    from scripts.servers import find_model

    model = Path(args.model) if args.model else find_model()
    paths = args.holdout or sorted((ROOT / "tests" / "nlu").glob("holdout*.yml"))
    if not paths:
        print("no held-out files found", file=sys.stderr)
        return 2
    examples = load_examples(paths)
    known = training_texts(args.training_data)
    leaked = sorted({e.text for e in examples if normalise(e.text) in known})
    from rasa.shared.core.domain import Domain

    domain = Domain.load(str(args.domain))
    result = evaluate(examples, predict(model, [e.text for e in examples]), leaked,
                      [i for i in domain.intents if i not in _DEFAULT_INTENTS], domain.entities)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "nlu_holdout.json").write_text(json.dumps(dict(result, model=model.name), indent=2) + "\n")
    (args.out / "nlu_holdout.md").write_text(render_markdown(result, model.name))
    intent, entity = result["intent"], result["entity"]
    print(f"NLU held-out ({result['messages']} messages): intent macro-F1 {intent['macro_f1']:.3f} "
          f"(gate {INTENT_THRESHOLD}), entity F1 {entity['f1']:.3f} (gate {ENTITY_THRESHOLD}) -> "
          f"{'passed' if result['passed'] else 'FAILED'}; report: {args.out / 'nlu_holdout.md'}")
    if leaked:
        print(f"held-out messages found in the training data: {leaked}", file=sys.stderr)
    if intent["not_covered"]:
        print(f"warning: intents without held-out messages: {', '.join(intent['not_covered'])}", file=sys.stderr)
    return 0 if result["passed"] else 1


_DEFAULT_INTENTS = ("back", "restart", "session_start", "nlu_fallback")


if __name__ == "__main__":
    sys.exit(main())
