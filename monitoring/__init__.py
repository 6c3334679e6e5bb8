"""Observability: Prometheus metrics (`metrics.py`) and log set-up (`logs.py`).
Neither ever sees a message text or a value: metrics carry types and counts, logs the
same fields the handlers already log."""
