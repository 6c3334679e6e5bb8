"""Command bodies for `bot.py`, one module per area: scan, service (serve/demo/incidents/admin), tips."""
