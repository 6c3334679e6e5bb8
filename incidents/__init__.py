"""The incident lifecycle, from a flagged message to its close:

    open.py        a scan result -> the incident, the group warning, the follow-up job;
                   a 1:1 chat gets its self-check answer instead
    notify.py      the follow-up (private note, admin alert), admin notices
    escalation.py  the background worker: escalate past the grace period; retention
    retract.py     unsent or edited clean -> retracted, values forgotten
    review.py      the review actions (acknowledge, dismiss, confirm / overrule a
                   dismissal, reopen, add a note): rights, transitions, a timeline row
                   each; one place for the LINE buttons, the CLI and the console
    timeline.py    record a step of an incident's timeline; say it for a person
    handover.py    the messages after a review step; a new admin's open incidents

Every step takes the typed `Deps` (deps.py) and, when an event started it, its
`Incoming` (line/incoming.py): chat, ids and language read once per event.
"""
