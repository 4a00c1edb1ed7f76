"""The NLU side (Rasa components and policies, and the plain-Python readers they use): what a message says.

The profile fact extractor (`profile_fact_extractor.py` over `fact_matcher.py`), the answer readers
(`answer_*.py`), the language guard, the question entity filter, and the policies that route answers to the
form and follow-ups to their answers. It never imports `actions/` or `rasa_runtime/`
(tests/structure/test_import_direction.py).
"""
