"""Rasa's Slack and Bot Framework channels with the fixes this project needs.

The generated credentials file names them by module path; `apply()` (called by `rasa_runtime.fixes.apply`)
also puts them in place of upstream's under the built-in names `slack` and `botframework`, so a credentials
file that uses those names gets the fixed channels too when Rasa runs through `python -m rasa_runtime`.
"""

from __future__ import annotations


def apply() -> None:
    """Replace upstream's Slack and Bot Framework input channels with the fixed ones."""
    from rasa.core.channels import BUILTIN_CHANNELS

    from rasa_runtime.channels.botframework import BotFrameworkInput
    from rasa_runtime.channels.slack import SlackInput

    BUILTIN_CHANNELS[SlackInput.name()] = SlackInput
    BUILTIN_CHANNELS[BotFrameworkInput.name()] = BotFrameworkInput
