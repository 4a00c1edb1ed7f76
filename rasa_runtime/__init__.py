"""Run Rasa with the project's fixes to upstream Rasa 3.6 applied (`python -m rasa_runtime run ...`)."""
