"""Rasa NLU component: profile facts from curated lexicons, with spaCy matchers.

Registered as a trainable entity extractor so that the spaCy pipeline and the compiled lexicon are
built during `rasa train` and packed into the model archive (no working-directory lookup at run time,
and an edited lexicon or knowledge-base name changes the fingerprint and retrains this node only).

Run `python -m components.profile_fact_extractor "I patch servers and manage AD"` to see what it
extracts, or `--check-nlu` to compare it with every annotated example under `data/nlu/`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components.fact_lexicon import Lexicon, lexicon_fingerprint
from components.fact_matcher import FactMatcher

PROJECT_ROOT = Path(__file__).resolve().parent.parent
LEXICON_FILE = "lexicon.json"
PIPELINE_DIR = "spacy_pipeline"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=True)
class ProfileFactExtractor(GraphComponent, EntityExtractorMixin):
    """Extracts job roles, coding comfort, experience, exam codes and study hours."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """Folders (relative to the project root) that the lexicon is built from."""
        return {"lexicon_dir": "components/lexicons", "knowledge_dir": "knowledge"}

    def __init__(
        self,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        matcher: Optional[FactMatcher] = None,
    ) -> None:
        self._config = config
        self._model_storage = model_storage
        self._resource = resource
        self._matcher = matcher

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> ProfileFactExtractor:
        """Creates an untrained component."""
        return cls(config, model_storage, resource)

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> Optional[str]:
        """Retrain when a lexicon file, an exam file or the exam nicknames change."""
        lexicon_dir, knowledge_dir = cls._folders(config)
        return lexicon_fingerprint(lexicon_dir, knowledge_dir)

    @staticmethod
    def _folders(config: Dict[str, Any]) -> tuple[Path, Path]:
        defaults = ProfileFactExtractor.get_default_config()
        lexicon_dir = Path(config.get("lexicon_dir", defaults["lexicon_dir"]))
        knowledge_dir = Path(config.get("knowledge_dir", defaults["knowledge_dir"]))
        if not lexicon_dir.is_absolute():
            lexicon_dir = PROJECT_ROOT / lexicon_dir
        if not knowledge_dir.is_absolute():
            knowledge_dir = PROJECT_ROOT / knowledge_dir
        return lexicon_dir, knowledge_dir

    def train(self, training_data: TrainingData) -> Resource:
        """Builds the matcher from the lexicon files and persists it in the model."""
        lexicon_dir, knowledge_dir = self._folders(self._config)
        self._matcher = FactMatcher.from_files(lexicon_dir, knowledge_dir)
        with self._model_storage.write_to(self._resource) as directory:
            (directory / LEXICON_FILE).write_text(self._matcher.lexicon.to_json(), encoding="utf-8")
            self._matcher.nlp.to_disk(directory / PIPELINE_DIR)
        return self._resource

    @classmethod
    def load(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> ProfileFactExtractor:
        """Loads the persisted pipeline and lexicon from the model archive."""
        import spacy

        with model_storage.read_from(resource) as directory:
            lexicon = Lexicon.from_json((directory / LEXICON_FILE).read_text(encoding="utf-8"))
            nlp = spacy.load(directory / PIPELINE_DIR)
        return cls(config, model_storage, resource, FactMatcher(nlp, lexicon))

    def process(self, messages: List[Message]) -> List[Message]:
        """Adds the extracted entities to each message."""
        if self._matcher is None:
            return messages
        for message in messages:
            text = message.get(TEXT)
            if not text or text.startswith("/"):
                continue
            found = [
                {k: v for k, v in entity.items() if k != "text"}
                for entity in self._matcher.extract(text)
            ]
            if found:
                message.set(ENTITIES, message.get(ENTITIES, []) + found, add_to_output=True)
        return messages


def _annotated(text: str, entities: List[Dict[str, Any]]) -> str:
    """Render entities in Rasa's inline annotation syntax (non-overlapping ones only)."""
    out, cursor = [], 0
    for entity in sorted(entities, key=lambda e: (e["start"], -e["end"])):
        if entity["start"] < cursor:
            continue
        meta = {"entity": entity["entity"]}
        if entity.get("role"):
            meta["role"] = entity["role"]
        meta["value"] = entity["value"]
        out.append(text[cursor:entity["start"]])
        out.append(f"[{text[entity['start']:entity['end']]}]{json.dumps(meta)}")
        cursor = entity["end"]
    out.append(text[cursor:])
    return "".join(out)


def _check_nlu(matcher: FactMatcher, data_dir: Path) -> int:
    """Compare annotated NLU examples with what the matcher extracts; print differences."""
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(data_dir))
    mismatches = 0
    for example in data.nlu_examples:
        expected = {
            (e["entity"], e.get("role"), str(e.get("value")).lower())
            for e in example.get(ENTITIES, [])
        }
        got = {
            (e["entity"], e.get("role"), str(e["value"]).lower())
            for e in matcher.extract(example.get(TEXT))
            if e["entity"] != "number"
        }
        got = {g for g in got if not (g[0] == "weekly_hours")} | {
            ("weekly_hours", None, str(float(v)).lower())
            for (name, _, v) in got if name == "weekly_hours"
        }
        expected = {e for e in expected if e[0] != "weekly_hours"} | {
            ("weekly_hours", None, str(float(v)).lower()) for (name, _, v) in expected if name == "weekly_hours"
        }
        if expected != got:
            mismatches += 1
            print(f"- {example.get(TEXT)}")
            print(f"    missing: {sorted(expected - got, key=str)}")
            print(f"    extra:   {sorted(got - expected, key=str)}")
    print(f"{mismatches} of {len(data.nlu_examples)} examples differ")
    return 1 if mismatches else 0


def main(argv: Optional[List[str]] = None) -> int:
    """Command line: show what the extractor finds in messages."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("messages", nargs="*", help="messages to analyse")
    parser.add_argument("--check-nlu", action="store_true", help="compare with data/nlu annotations")
    args = parser.parse_args(argv)
    lexicon_dir, knowledge_dir = ProfileFactExtractor._folders({})
    matcher = FactMatcher.from_files(lexicon_dir, knowledge_dir)
    if args.check_nlu:
        return _check_nlu(matcher, PROJECT_ROOT / "data" / "nlu")
    for message in args.messages:
        entities = matcher.extract(message)
        print(_annotated(message, [e for e in entities if e["entity"] != "number"]))
        for entity in entities:
            role = f" role={entity['role']}" if entity.get("role") else ""
            print(f"    {entity['entity']}={entity['value']}{role}  <- {entity['text']!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
