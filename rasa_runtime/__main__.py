"""`python -m rasa_runtime <rasa arguments>`: the `rasa` command with the project's fixes applied.

It refuses to start on a Rasa version other than the one the fixes were written for (`rasa_runtime/version.py`).
"""

from __future__ import annotations

import sys

from rasa_runtime.fixes import apply
from rasa_runtime.version import RasaVersionError


def main() -> int:
    """Apply the fixes and run the `rasa` command line; 2 (with the reason on stderr) on the wrong Rasa."""
    try:
        apply()
    except RasaVersionError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    from rasa.__main__ import main as rasa_main

    rasa_main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
