"""The one Rasa version the fixes in `rasa_runtime` were written for, and the check that refuses any other.

Every fix replaces or wraps a piece of upstream Rasa 3.6.21 (see each module's opening comment); on another
version the code they patch may have moved or changed, so `python -m rasa_runtime` stops with a clear message
instead of running with fixes that no longer fit. `pyproject.toml` pins the same version.
"""

from __future__ import annotations

from typing import Optional

EXPECTED_RASA_VERSION = "3.6.21"


class RasaVersionError(RuntimeError):
    """The installed Rasa is not the version the fixes were written for."""


def installed_rasa_version() -> str:
    """The version of the Rasa package that is imported (not merely listed by pip)."""
    from rasa.version import __version__

    return str(__version__)


def check_rasa_version(found: Optional[str] = None) -> None:
    """Raise `RasaVersionError` unless the installed Rasa (or `found`) is `EXPECTED_RASA_VERSION`."""
    found = installed_rasa_version() if found is None else found
    if found == EXPECTED_RASA_VERSION:
        return
    raise RasaVersionError(
        f"Rasa {found} is installed, but the project's fixes (rasa_runtime/) patch Rasa {EXPECTED_RASA_VERSION} "
        f"and may not fit any other version. Install the pinned version (`make setup`, or "
        f"`pip install rasa=={EXPECTED_RASA_VERSION}` in the project's .venv); to move to Rasa {found}, first "
        f"re-check every fix in rasa_runtime/ against it, then change EXPECTED_RASA_VERSION in "
        f"rasa_runtime/version.py and the pin in pyproject.toml."
    )
