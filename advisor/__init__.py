"""The decision rules and the answers built from them: plain Python over the knowledge base, no Rasa import.

A profile, the knowledge base and a date in (`profile.py`, `knowledge/`, `knowledge/today.py`); a
recommendation (`rules.py`, `recommendation.py`) and the answers to follow-up questions out, as
channel-neutral replies (`reply.py`) that `actions/` send.
"""
