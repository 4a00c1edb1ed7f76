"""Rasa NLU component: a message clearly not in English gets the intent `other_language`.

DIET learns from a few dozen examples per language, but a sentence in Spanish full of words it has never
seen can still land on any intent with high confidence. This component runs after the intent classifier and
overrides the intent when the message is plainly in another language: mostly function words of Spanish,
French, German, Italian, Portuguese, Dutch or Polish and few English ones, or mostly letters outside the
Latin script (Cyrillic, Greek, Arabic, Hebrew, CJK...). Short or mixed messages ("hola", "merci for the
help") are left to the classifier.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

OTHER_LANGUAGE = "other_language"
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
ENGLISH = frozenset("""
the and is are was i you he she we they my your our to of what which who want have has do does did for with
it this that these those can could how in on be am an a not don't i'm im i've would should about me work as
at or but so if then than just really very some any all from by will please thanks thank hi hello hey yes
no there here when where why like get got need know think much many more most one two three hours week
""".split())
FOREIGN = frozenset("""
de la que el en y los del las por un una con para es lo como más pero sus le ya este sí porque esta entre
cuando muy sin sobre también hasta hay donde quien desde todo nos todos ni ese eso ellos esto mí antes qué
unos yo otro él tanto esa estos mucho nada cual poco ella estar algo nosotros mi mis tú te ti tu tus hola
gracias quiero soy tengo puedo cómo cuál necesito trabajo hablas español je suis et les des du est pas pour
qui dans avec sur mon ma mes vous il elle ce cette bonjour merci quelle quel veux voudrais travaille depuis
ans très aussi mais ou où j'ai c'est parle français sais ich bin und nicht ist das der den dem ein eine mit
für auf sich wie auch nach zu noch oder aber mein meine möchte kann werden welche welcher soll habe danke
bitte sprechen arbeite seit jahren kein keine schon sehr viel mir mich du wir ihr gut guten morgen ciao sono
il gli di che non mi vorrei quale quanto grazie lavoro nel della anche molto diventare olá ola eu não nao
você voce do da dos das em um uma qual quero obrigado obrigada há estou sou ik ben het een niet van voor wil
welke moet hoeveel bedankt hoi je cześć jestem nie na się jaki jaka powinienem chcę zostać
""".split()) - ENGLISH
MIN_FOREIGN_WORDS = 2


def _is_latin(ch: str) -> bool:
    return ord(ch) <= 0x024F or 0x1E00 <= ord(ch) <= 0x1EFF


def looks_foreign(text: str) -> bool:
    """True when `text` is plainly not English (see the module docstring)."""
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) >= 3 and sum(not _is_latin(ch) for ch in letters) > len(letters) / 2:
        return True
    words = [w.replace("’", "'") for w in _WORD_RE.findall(text.lower())]
    if not words:
        return False
    foreign = sum(w in FOREIGN for w in words)
    english = sum(w in ENGLISH for w in words)
    return foreign >= MIN_FOREIGN_WORDS and foreign >= 2 * english and foreign >= 0.3 * len(words)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class LanguageGuard(GraphComponent):
    """Sets the intent `other_language` for messages plainly in another language."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """The intent to set."""
        return {"intent": OTHER_LANGUAGE}

    def __init__(self, config: Dict[str, Any]) -> None:
        self._intent = str(config.get("intent", OTHER_LANGUAGE))

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> LanguageGuard:
        """Nothing to train."""
        return cls(config)

    def process(self, messages: List[Message]) -> List[Message]:
        """Overrides the intent of messages that are plainly not in English."""
        for message in messages:
            text = message.get(TEXT)
            if not text or text.startswith("/") or not looks_foreign(text):
                continue
            # The ranking holds only this intent: the classifier's own top guess (often confident on words it
            # never saw) would otherwise make the fallback classifier call the message ambiguous.
            intent = {"name": self._intent, "confidence": 1.0}
            message.set(INTENT, intent, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [intent], add_to_output=True)
        return messages
