"""Fixes to upstream Rasa 3.6.21 (in maintenance mode, so they cannot land upstream).

Each fix keeps Rasa's behaviour and is applied explicitly by `python -m rasa_runtime`, never by import.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Dict

from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for

from rasa_runtime.version import check_rasa_version


@lru_cache(maxsize=1)
def _action_response_validator() -> Any:
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _validate_action_result(self: Any, result: Dict[str, Any]) -> bool:
    """Same check as Rasa's, with the validator built once.

    Rasa calls `jsonschema.validate` for every action-server response, which re-validates the constant
    response schema against the JSON-Schema meta-schema each time: about 14 % of the Rasa server's CPU
    in this project's profile (py-spy, `make bench` conversations).
    """
    from rasa.shared.constants import DOCS_BASE_URL

    error = best_match(_action_response_validator().iter_errors(result))
    if error is None:
        return True
    error.message += (
        ". Failed to validate Action server response from API, make sure your response from the Action "
        f"endpoint is valid. For more information about the format visit {DOCS_BASE_URL}/custom-actions"
    )
    raise error


def apply() -> None:
    """Install every fix, after checking that the installed Rasa is the version they were written for.

    Raises `rasa_runtime.version.RasaVersionError` (and changes nothing) on any other version.
    """
    check_rasa_version()
    from rasa.core.actions.action import RemoteAction

    from rasa_runtime import channels, faults, health, locks, privacy, rest_validation, store_faults

    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[method-assign]
    rest_validation.apply()  # malformed REST webhook bodies get a 400 with a clear message
    channels.apply()  # Slack: retries answered once; Bot Framework: offline start, issuer checked
    faults.apply()  # action server down, slow or failing: an apology, and the turn is undone, not lost
    health.apply()  # GET /health: model loaded, tracker store and lock store reachable
    locks.apply()  # a conversation whose lock holder died is served again once the holder's ticket expires
    store_faults.apply()  # PostgreSQL or Redis down: a clear answer (REST 503), never a conversation from memory
    privacy.apply()  # "forget me" deletes the conversation after its last save; old conversations expire
