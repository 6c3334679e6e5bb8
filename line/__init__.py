"""Everything that speaks LINE: the API clients (client.py), the messages we send
(messages.py), the typed view of an incoming event (incoming.py) and the lookups that
ask LINE or our records about a chat or a user (lookups.py)."""
