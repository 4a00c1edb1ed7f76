"""Keeps question entities only where they mean something: in the questions that use them.

`RegexEntityExtractor` finds what a question asks about (`exam_aspect`: "price", "code", "experience") and
"in 6 weeks" (`weeks_until_exam`) in every message, but "I write code" in an answer about oneself is not
a question about coding. This component runs after intent classification and drops those entities
unless the intent is one that uses them; it also drops the vague "overview" aspect when a more specific
one was asked ("what's the passing score" asks for the passing score only).
"""

from __future__ import annotations

from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_NAME_KEY
from rasa.shared.nlu.training_data.message import Message

OVERVIEW = "overview"


def filter_entities(entities: List[Dict[str, Any]], intent: str, allowed: Dict[str, List[str]]) -> List[Dict[str, Any]]:
    """The entities to keep for a message with this intent (pure: no Rasa objects)."""
    kept = [e for e in entities if e.get("entity") not in allowed or intent in allowed[e["entity"]]]
    aspects = {e.get("value") for e in kept if e.get("entity") == "exam_aspect"}
    if aspects - {OVERVIEW}:
        kept = [e for e in kept if not (e.get("entity") == "exam_aspect" and e.get("value") == OVERVIEW)]
    unique: List[Dict[str, Any]] = []
    for entity in kept:
        key = (entity.get("entity"), entity.get("role"), entity.get("value"))
        if entity.get("entity") == "exam_aspect" and any(
            (u.get("entity"), u.get("role"), u.get("value")) == key for u in unique
        ):
            continue
        unique.append(entity)
    return unique


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class QuestionEntityFilter(GraphComponent):
    """Drops question-only entities from messages whose intent does not use them."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return {"allowed_intents": {"exam_aspect": ["ask_exam_fact"], "weeks_until_exam": ["ask_study_plan"]}}

    def __init__(self, config: Dict[str, Any]) -> None:
        self._allowed: Dict[str, List[str]] = {
            str(entity): [str(i) for i in intents] for entity, intents in config["allowed_intents"].items()
        }

    @classmethod
    def create(cls, config: Dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> QuestionEntityFilter:
        return cls(config)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            intent = (message.get(INTENT) or {}).get(INTENT_NAME_KEY) or ""
            entities = message.get(ENTITIES) or []
            message.set(ENTITIES, filter_entities(entities, intent, self._allowed), add_to_output=True)
        return messages
