"""The presentation layer: the advisor's results as channel-neutral replies, then as each channel's form.

No business rule and no Rasa import lives here. `reply.py` holds the shapes (Reply, Button, Table),
`formats.py` one formatter per idea (range, source, role, exam), `compose.py` the shape of a factual
answer, `recommendation_text.py`, `plan_answers.py` and `choice_answers.py` the wording of recommendations,
plans, comparisons and budget picks, `buttons.py` the follow-ups, and `channel_formats.py` (with
`roadmap.py`, `slack_blocks.py`, `teams_cards.py`) each channel's form. Both servers import it: the action
server through `actions/channel_output.py`, the Rasa server's Slack and Teams channels directly.
"""
