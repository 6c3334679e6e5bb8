"""Every table, as the steps that create and change it (their order: storage/migrations.py).

What is stored, by design (privacy): ids LINE gives us, finding types, masked values
(A12****789) and salted hashes; never a message text or a matched value. Outgoing
messages (which only ever carry masked values) lose their body once delivered.
"""

from __future__ import annotations

import sqlite_utils


def core_v1(db: sqlite_utils.Database) -> None:
    db.table("settings").create({"key": str, "value": str}, pk="key")
    # Webhook redelivery guard: one row per webhookEventId, kept a few days.
    db.table("webhook_events").create({"event_id": str, "received_at": float}, pk="event_id")
    db.table("groups").create(
        {
            "group_id": str,
            "chat_type": str,  # group | room
            "locale": str,
            "name": str,  # group name from the group summary (not personal data)
            "joined_at": float,
            "left_at": float,
            "updated_at": float,
        },
        pk="group_id",
    )
    # Whether a user has added the bot as a friend (follow / unfollow, or a profile lookup).
    db.table("users").create(
        {"user_id": str, "is_friend": int, "locale": str, "checked_at": float}, pk="user_id"
    )
    # Roles live here: LINE has no notion of group admins for bots. group_id "" for ethics.
    db.table("roles").create(
        {"user_id": str, "role": str, "group_id": str, "created_at": float},
        pk=("user_id", "role", "group_id"),
    )
    db.table("roles").create_index(["group_id", "role"])
    # One-time codes for `/admin CODE`; only a hash of the code is stored.
    db.table("admin_codes").create(
        {
            "code_hash": str,
            "group_id": str,
            "created_at": float,
            "expires_at": float,
            "used_by": str,
            "used_at": float,
        },
        pk="code_hash",
    )
    db.table("incidents").create(
        {
            "id": str,
            "group_id": str,  # the chat (group or room) id; the user id for 1:1 (never stored)
            "chat_type": str,
            "message_id": str,
            "sender_id": str,
            "source": str,  # text | ocr
            "doc_type": str,
            "verdict": str,  # warn | block
            "types": str,  # JSON list of finding types
            "masked": str,  # JSON list of masked values
            "digests": str,  # JSON list of salted hashes (repeat detection)
            "rules": str,  # JSON list of rule names (explainability, no values)
            "status": str,  # open retracted escalated acknowledged dismissed justified
            "reason": str,  # a reason / justification CODE chosen from buttons, never free text
            "resolved_by": str,
            "repeat_of": str,
            "created_at": float,
            "updated_at": float,
            "event_at": float,  # LINE timestamp of the message
            "escalate_at": float,
            "escalated_at": float,
            "alerted_at": float,
            "resolved_at": float,
        },
        pk="id",
        not_null={"group_id", "message_id", "verdict", "status", "created_at"},
    )
    db.table("incidents").create_index(["message_id"], unique=True)
    db.table("incidents").create_index(["status", "escalate_at"])
    db.table("incidents").create_index(["group_id", "created_at"])
    db.table("incidents").create_index(["created_at"])
    # Unsend events we saw (a message may be unsent before we processed it: out of order).
    db.table("unsent").create(
        {"message_id": str, "chat_id": str, "unsent_at": float}, pk="message_id"
    )
    db.table("outbox").create(
        {
            "id": int,
            "kind": str,  # warning note alert escalation reply tip broadcast ...
            "priority": int,  # higher first
            "to_id": str,  # push target, and reply fallback target
            "reply_token": str,  # set for replies until sent or converted to a push
            "messages": str,  # JSON list of LINE message objects; emptied once delivered
            "retry_key": str,  # X-Line-Retry-Key, fixed at the first push attempt
            "status": str,  # pending sending sent failed cancelled
            "attempts": int,
            "next_attempt_at": float,
            "created_at": float,
            "sent_at": float,
            "last_error": str,  # status code and LINE's error message (never the body we sent)
            "incident_id": str,
        },
        pk="id",
        not_null={"kind", "status", "messages", "created_at"},
        defaults={"attempts": 0, "priority": 0},
    )
    db.table("outbox").create_index(["status", "next_attempt_at"])
    db.table("outbox").create_index(["incident_id"])
    # Aggregate counters per group and day (no message content): scanned, flagged, ...
    db.table("activity").create(
        {"group_id": str, "day": str, "kind": str, "count": int}, pk=("group_id", "day", "kind")
    )


def core_v2_sender_index(db: sqlite_utils.Database) -> None:
    # Repeat detection looks incidents up by sender.
    db.table("incidents").create_index(["sender_id", "created_at"], if_not_exists=True)


def core_v3_key_out_and_followups(db: sqlite_utils.Database) -> None:
    # The hash key leaves the database (a copy of the file must not hold it): see
    # Store.hash_salt(). Incidents hashed with the old salt simply stop matching repeats.
    db.execute("DELETE FROM settings WHERE key = 'hash_salt'")
    # The part of a leak's handling that needs LINE lookups (private note, admin alert),
    # written with the incident before the webhook's 200 and deleted once queued: a process
    # killed in between resumes it at start. `items` (types with masked values) and `snippet` (the masked message) are what the note
    # and the alert say; the row is deleted once they are queued, or when the message is unsent.
    db.table("followups").create(
        {"incident_id": str, "items": str, "snippet": str, "created_at": float}, pk="incident_id"
    )


# -- tips: schedules, rotation state, sends, quiz counts, broadcasts, charts ---------------
# Quiz answers are counts per group, tip and day; the only per-person trace is a salted hash
# of (user, quiz send), purged with the send.


def tips_v1(db: sqlite_utils.Database) -> None:
    db.table("tip_schedules").create(
        {
            "group_id": str,
            "enabled": int,
            "every_weeks": int,
            "per_week": int,
            "days": str,  # "mon,tue,wed,thu,fri"
            "time": str,  # "09:30" local
            "quiet": str,  # "19:00-08:00" local, "" for none
            "anchor_week": int,  # week index the every-N-weeks rhythm counts from
            "updated_at": float,
        },
        pk="group_id",
    )
    db.table("tip_state").create(
        {
            "group_id": str,
            "last_slot": float,  # the latest schedule slot already handled (sent or skipped)
            "cycle": int,  # rotation cycle number
            "sent_ids": str,  # JSON list: tip ids sent in the current cycle
            "member_count": int,  # last known member count (quota estimates when LINE is down)
            "last_sent_at": float,
            "last_request_at": float,  # last `/tip` served (cooldown)
        },
        pk="group_id",
    )
    db.table("tip_sends").create(
        {
            "id": int,
            "group_id": str,
            "tip_id": str,
            "kind": str,  # tip kind
            "reason": str,  # schedule | catchup | manual | request
            "status": str,  # queued | skipped_quota
            "slot": float,
            "sent_at": float,
            "cost": int,
            "outbox_id": int,
            "explained": int,  # quiz: explanation already posted in the group
        },
        pk="id",
        not_null={"group_id", "tip_id", "status", "sent_at"},
    )
    db.table("tip_sends").create_index(["group_id", "sent_at"])
    db.table("tip_sends").create_index(["sent_at"])
    db.table("quiz_answers").create(
        {"group_id": str, "tip_id": str, "day": str, "choice": int, "correct": int, "count": int},
        pk=("group_id", "tip_id", "day", "choice"),
    )
    db.table("quiz_voters").create(
        {"send_id": int, "voter": str, "created_at": float}, pk=("send_id", "voter")
    )
    db.table("broadcasts").create(
        {
            "id": str,
            "requested_by": str,  # salted hash of the ethics member's user id
            "text": str,
            "target": str,  # "*" for all groups, else one group id
            "status": str,  # pending | sending | sent | cancelled | expired
            "groups": int,
            "messages": int,
            "sent_groups": int,
            "skipped_groups": int,
            "created_at": float,
            "expires_at": float,
            "decided_at": float,
        },
        pk="id",
        not_null={"status", "created_at"},
    )
    db.table("chart_links").create(
        {"token": str, "png": bytes, "created_at": float, "expires_at": float}, pk="token"
    )


# -- scan jobs: images and files waiting to be scanned (ids and the content-free event) ---


def scan_jobs_v1(db: sqlite_utils.Database) -> None:
    db.table("scan_jobs").create(
        {
            "id": int,
            "message_id": str,
            "chat_id": str,  # group/room id, or the user id of a 1:1 chat
            "event": str,  # the webhook event, content-free (see above); '' once finished
            "status": str,  # pending running done
            "attempts": int,  # content fetches that failed (LINE unreachable)
            "next_attempt_at": float,
            "created_at": float,
            "finished_at": float,
            "outcome": str,  # scanned:<verdict> | not_scanned:<reason>
        },
        pk="id",
        not_null={"message_id", "status", "created_at"},
        defaults={"attempts": 0},
    )
    db.table("scan_jobs").create_index(["message_id"], unique=True)
    db.table("scan_jobs").create_index(["status", "id"])


# -- request ids: which webhook request queued an outbox row or a scan job -----------------


def request_ids_v1(db: sqlite_utils.Database) -> None:
    # The random id the webhook gave its request (monitoring/logs.py), so the delivery's
    # and the scan's log lines carry it, also after a restart. Only that id: no content.
    db.table("outbox").add_column("request_id", str)
    db.table("scan_jobs").add_column("request_id", str)


# -- the incident workflow: every incident's timeline (who did what, when) -----------------


def incident_workflow_v1(db: sqlite_utils.Database) -> None:
    # One row per step of an incident: opened, warned, note delivered or not, unsent,
    # dismissed or justified by the sender (a reason code), escalated, acknowledged ...
    # `actor` is a keyed hash of a LINE user id ("h:…"), "cli", or NULL (the bot itself);
    # `detail` a short code (reason, verdict, note choice). Never a text or a value.
    db.table("incident_events").create(
        {
            "id": int,
            "incident_id": str,
            "at": float,
            "kind": str,
            "actor_role": str,  # system | sender | admin | ethics | cli
            "actor": str,
            "detail": str,
        },
        pk="id",
        not_null={"incident_id", "at", "kind", "actor_role"},
    )
    db.table("incident_events").create_index(["incident_id", "at"])
    db.table("incident_events").create_index(["at"])


# -- the web console: sign-in links, sessions, the audit log, organisations ----------------


def console_v1(db: sqlite_utils.Database) -> None:
    # A sign-in link sent in a 1:1 chat: only a keyed hash of its token, single use.
    db.table("console_links").create(
        {
            "token_hash": str,
            "user_id": str,
            "created_at": float,
            "expires_at": float,
            "used_at": float,
        },
        pk="token_hash",
        not_null={"user_id", "created_at", "expires_at"},
    )
    # A signed-in browser: only a keyed hash of its cookie; ends after `idle` without use.
    db.table("console_sessions").create(
        {
            "session_hash": str,
            "user_id": str,
            "created_at": float,
            "last_seen": float,
            "ended_at": float,
        },
        pk="session_hash",
        not_null={"user_id", "created_at", "last_seen"},
    )
    # Who did or viewed what, from the console or the CLI: ids and codes only, no content.
    db.table("audit_log").create(
        {
            "id": int,
            "at": float,
            "actor": str,  # a LINE user id (console) or "cli:<os user>"
            "via": str,  # console | cli
            "action": str,  # a code: incident.view, incident.acknowledge, cli.incidents, ...
            "incident_id": str,
            "group_id": str,
            "detail": str,  # a code or a count, never free text
        },
        pk="id",
        not_null={"at", "actor", "via", "action"},
    )
    db.table("audit_log").create_index(["at"])
    db.table("audit_log").create_index(["incident_id"])
    # Several agencies on one bot: a group belongs to an organisation, and an ethics member
    # with an organisation sees only its groups (NULL: one agency, every group).
    db.table("groups").add_column("org", str)
    db.table("roles").add_column("org", str)


# -- console pages: group settings, group allow-lists, invite codes by role, custom tips ---


def console_pages_v1(db: sqlite_utils.Database) -> None:
    # What a group's admins or the ethics unit set in the console; a missing row (or NULL
    # field) means the service's default (enforce; BOT_ESCALATION_GRACE_SECONDS).
    db.table("group_settings").create(
        {
            "group_id": str,
            "mode": str,  # enforce | monitor (record only: no warning, note nor alert)
            "grace_seconds": float,  # the escalation grace period of this group
            "updated_at": float,
            "updated_by": str,  # a keyed hash of the console user
        },
        pk="group_id",
    )
    # A group's allow-list: sentences its admins declared harmless. The sentence itself is
    # never stored: `label` is it with every finding masked, `marks` what the scan found in
    # it (finding type and keyed hash of the value, or type, rule and masked keyword) and
    # `phrase` a keyed hash of its normalised text (matched against a message's clauses).
    db.table("group_allow").create(
        {
            "id": int,
            "group_id": str,
            "label": str,
            "marks": str,  # JSON list
            "phrase": str,
            "created_at": float,
            "created_by": str,
        },
        pk="id",
        not_null={"group_id", "label", "marks", "created_at"},
    )
    db.table("group_allow").create_index(["group_id"])
    # Invite codes name the role they give: admin (of group_id) or ethics (group_id "").
    db.table("admin_codes").add_column("role", str, not_null_default="admin")
    # Tips written by the ethics unit, beside the library (checked to fit one phone screen).
    db.table("custom_tips").create(
        {
            "id": str,
            "locale": str,
            "kind": str,
            "title": str,
            "body": str,
            "law": str,
            "habit": str,
            "enabled": int,
            "created_at": float,
            "created_by": str,
            "updated_at": float,
        },
        pk="id",
        not_null={"locale", "kind", "title", "created_at"},
    )


# -- the escalation's masked snippet, kept with its incident ----------------------------------


def incident_snippet_v1(db: sqlite_utils.Database) -> None:
    # The masked snippet of the message (incidents/snippet.py), every locale, as the alert
    # packs it: already masked, never a text. Kept so the escalation (the first alert of a
    # `warn`) shows it too; cleared when the message is unsent, deleted with the incident.
    db.table("incidents").add_column("snippet", str)
