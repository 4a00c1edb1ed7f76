"""The presentation layer: the advisor's results as channel-neutral replies, then as each channel's form.

No business rule and no Rasa import lives here; both servers import it (the action server through
`actions/channel_output.py`, the Rasa server's Slack and Teams channels directly).

- shapes and formatters: `reply.py` (Reply, Button; Table is the advisor's), `formats.py` (one formatter
  per idea: range, weekly hours, source, Sources line, role, exam, path), `compose.py` (a factual answer:
  heading, facts, one Sources line), `buttons.py` (every follow-up button);
- wording: `recommendation_text.py` (the one-screen summary and the "why?" reasoning), `exam_replies.py`,
  `why_answers.py` (why not, what if, one step of the path), `plan_answers.py`, `choice_answers.py`
  (comparisons, budget), `returning_replies.py` (welcome back, passed, failed, on track);
- channel forms: `channel_formats.py` with `roadmap.py` (text lines and SVG), `slack_blocks.py` and
  `teams_cards.py`; `preview.py` says what a person reads in each form (the length budget, `make replies`).
"""
