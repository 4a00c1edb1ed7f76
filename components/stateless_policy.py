"""A dialogue policy with nothing to learn or persist: the base of the rule-reading policies.

`ExpectedAnswerPolicy` and `FollowUpPolicy` decide from the tracker with plain-Python readers; this class
gives them Rasa's constructor, an empty training step and a load that rebuilds them from their config.
Subclasses set their priority in `get_default_config` and implement `predict_action_probabilities`.
"""

from __future__ import annotations

from typing import Any, Dict, List

from rasa.core.policies.policy import Policy
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.core.domain import Domain
from rasa.shared.core.generator import TrackerWithCachedStates


class StatelessPolicy(Policy):
    """Trains nothing and persists nothing; built from its config on load."""

    def __init__(self, config: Dict[str, Any], model_storage: ModelStorage, resource: Resource,
                 execution_context: ExecutionContext) -> None:
        super().__init__(config, model_storage, resource, execution_context)

    def train(self, training_trackers: List[TrackerWithCachedStates], domain: Domain, **kwargs: Any) -> Resource:
        """Nothing to learn: the reading rules live in plain-Python modules."""
        return self._resource

    @classmethod
    def load(cls, config: Dict[str, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> StatelessPolicy:
        """Nothing was persisted; build it from its config."""
        return cls(config, model_storage, resource, execution_context)
