"""Write the channels file Rasa runs with: credentials.yml plus Slack and Teams when they are configured.

- Slack is enabled when SLACK_TOKEN and SLACK_SIGNING_SECRET are both set (optional: SLACK_CHANNEL,
  SLACK_API_URL for a stand-in Web API in tests).
- Microsoft Teams (Bot Framework) is enabled when MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD are both set
  (MICROSOFT_APP_TENANT_ID for a single-tenant bot, as Azure creates them now; for tests:
  BOTFRAMEWORK_OPENID_METADATA_URL, MICROSOFT_TOKEN_URL).

Secrets are never written: the file names them as `${VAR}`, which Rasa expands from the environment when it
reads the file. `python scripts/write_credentials.py [OUT]` prints the path it wrote (.run/credentials.yml).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Dict, List, Mapping, Optional

ROOT = Path(__file__).resolve().parent.parent
SLACK_CHANNEL_CLASS = "rasa_runtime.channels.slack.SlackInput"
TEAMS_CHANNEL_CLASS = "rasa_runtime.channels.botframework.BotFrameworkInput"

# credential key -> environment variable; required ones first
SLACK_KEYS = {"slack_token": "SLACK_TOKEN", "slack_signing_secret": "SLACK_SIGNING_SECRET"}
SLACK_OPTIONAL = {"slack_channel": "SLACK_CHANNEL", "api_url": "SLACK_API_URL"}
TEAMS_KEYS = {"app_id": "MICROSOFT_APP_ID", "app_password": "MICROSOFT_APP_PASSWORD"}
TEAMS_OPTIONAL = {"app_tenant_id": "MICROSOFT_APP_TENANT_ID", "openid_metadata_url": "BOTFRAMEWORK_OPENID_METADATA_URL",
                  "token_url": "MICROSOFT_TOKEN_URL"}


def _section(name: str, required: Dict[str, str], optional: Dict[str, str], env: Mapping[str, str]) -> List[str]:
    """A YAML block whose values are unquoted `${VAR}` references (Rasa expands only plain scalars)."""
    lines = [f"{name}:"]
    for key, var in {**required, **optional}.items():
        if env.get(var):
            lines.append(f"  {key}: ${{{var}}}")
    return lines


def enabled_channels(env: Mapping[str, str]) -> List[str]:
    """The optional channels whose credentials are all set."""
    channels = []
    if all(env.get(var) for var in SLACK_KEYS.values()):
        channels.append("slack")
    if all(env.get(var) for var in TEAMS_KEYS.values()):
        channels.append("botframework")
    return channels


def credentials_text(env: Mapping[str, str]) -> str:
    """The whole file: the base channels from credentials.yml, then the configured optional ones."""
    text = (ROOT / "credentials.yml").read_text(encoding="utf-8").rstrip() + "\n"
    channels = enabled_channels(env)
    if "slack" in channels:
        text += "\n# Slack (SLACK_TOKEN, SLACK_SIGNING_SECRET are set)\n"
        text += "\n".join(_section(SLACK_CHANNEL_CLASS, SLACK_KEYS, SLACK_OPTIONAL, env)) + "\n"
    if "botframework" in channels:
        text += "\n# Microsoft Teams / Bot Framework (MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD are set)\n"
        text += "\n".join(_section(TEAMS_CHANNEL_CLASS, TEAMS_KEYS, TEAMS_OPTIONAL, env)) + "\n"
    return text


def write(out: Optional[Path] = None, env: Optional[Mapping[str, str]] = None) -> Path:
    """Write the file (default .run/credentials.yml) and return its path."""
    out = out or ROOT / ".run" / "credentials.yml"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(credentials_text(os.environ if env is None else env), encoding="utf-8")
    return out


def main(argv: List[str]) -> int:
    out = write(Path(argv[1]) if len(argv) > 1 else None)
    for channel in enabled_channels(os.environ):
        print(f"channel enabled: {channel}", file=sys.stderr)
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
