"""`python -m rasa_runtime <rasa arguments>`: the `rasa` command with the project's fixes applied."""

from __future__ import annotations

from rasa_runtime.fixes import apply

if __name__ == "__main__":
    apply()
    from rasa.__main__ import main

    main()
