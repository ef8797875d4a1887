"""Signals later stages listen to (prioritering imports none of them)."""

from django.dispatch import Signal

# Sent by `services.besluta` once a round is decided, with `omgang`: the commission stage
# prepares the year's budgetunderlag.
omgang_beslutad = Signal()
