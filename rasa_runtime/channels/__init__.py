"""Rasa's Slack and Bot Framework channels with the fixes this project needs (named in credentials files)."""
