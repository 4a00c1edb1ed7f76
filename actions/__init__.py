"""Custom actions: thin adapters between the dialogue and the knowledge base and decision rules."""
