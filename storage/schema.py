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


# -- outbox claims: which replica is sending a row, and until when ----------------------------


def outbox_claims_v1(db: sqlite_utils.Database) -> None:
    # Several replicas share the outbox: a row being sent names its sender (a random id
    # per process) and the end of its lease; a row whose lease ran out (the replica died
    # mid-send) is claimed again by another one, keeping its X-Line-Retry-Key.
    db.table("outbox").add_column("claimed_by", str)
    db.table("outbox").add_column("claimed_until", float)


# -- the same steps on PostgreSQL ---------------------------------------------------------------
# One string per step above (same name, same order: storage/migrations.py). Types: text is
# TEXT, epoch seconds DOUBLE PRECISION, counters and flags BIGINT, images BYTEA; integer ids
# are identity columns. Index names are sqlite-utils' (idx_<table>_<columns>). PostgreSQL has
# no implicit rowid: the two tables whose reads keep insertion order (incidents, followups)
# get an explicit identity column of that name, so their `ORDER BY created_at, rowid` holds.

CORE_V1_PG = """
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE webhook_events (event_id TEXT PRIMARY KEY, received_at DOUBLE PRECISION);
CREATE TABLE groups (
    group_id TEXT PRIMARY KEY, chat_type TEXT, locale TEXT, name TEXT,
    joined_at DOUBLE PRECISION, left_at DOUBLE PRECISION, updated_at DOUBLE PRECISION
);
CREATE TABLE users (
    user_id TEXT PRIMARY KEY, is_friend BIGINT, locale TEXT, checked_at DOUBLE PRECISION
);
CREATE TABLE roles (
    user_id TEXT, role TEXT, group_id TEXT, created_at DOUBLE PRECISION,
    PRIMARY KEY (user_id, role, group_id)
);
CREATE INDEX idx_roles_group_id_role ON roles (group_id, role);
CREATE TABLE admin_codes (
    code_hash TEXT PRIMARY KEY, group_id TEXT, created_at DOUBLE PRECISION,
    expires_at DOUBLE PRECISION, used_by TEXT, used_at DOUBLE PRECISION
);
CREATE TABLE incidents (
    id TEXT PRIMARY KEY,
    group_id TEXT NOT NULL, chat_type TEXT, message_id TEXT NOT NULL, sender_id TEXT,
    source TEXT, doc_type TEXT, verdict TEXT NOT NULL, types TEXT, masked TEXT,
    digests TEXT, rules TEXT, status TEXT NOT NULL, reason TEXT, resolved_by TEXT,
    repeat_of TEXT, created_at DOUBLE PRECISION NOT NULL, updated_at DOUBLE PRECISION,
    event_at DOUBLE PRECISION, escalate_at DOUBLE PRECISION, escalated_at DOUBLE PRECISION,
    alerted_at DOUBLE PRECISION, resolved_at DOUBLE PRECISION,
    rowid BIGINT GENERATED ALWAYS AS IDENTITY
);
CREATE UNIQUE INDEX idx_incidents_message_id ON incidents (message_id);
CREATE INDEX idx_incidents_status_escalate_at ON incidents (status, escalate_at);
CREATE INDEX idx_incidents_group_id_created_at ON incidents (group_id, created_at);
CREATE INDEX idx_incidents_created_at ON incidents (created_at);
CREATE TABLE unsent (message_id TEXT PRIMARY KEY, chat_id TEXT, unsent_at DOUBLE PRECISION);
CREATE TABLE outbox (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    kind TEXT NOT NULL, priority BIGINT DEFAULT 0, to_id TEXT, reply_token TEXT,
    messages TEXT NOT NULL, retry_key TEXT, status TEXT NOT NULL, attempts BIGINT DEFAULT 0,
    next_attempt_at DOUBLE PRECISION, created_at DOUBLE PRECISION NOT NULL,
    sent_at DOUBLE PRECISION, last_error TEXT, incident_id TEXT
);
CREATE INDEX idx_outbox_status_next_attempt_at ON outbox (status, next_attempt_at);
CREATE INDEX idx_outbox_incident_id ON outbox (incident_id);
CREATE TABLE activity (
    group_id TEXT, day TEXT, kind TEXT, count BIGINT, PRIMARY KEY (group_id, day, kind)
);
"""

CORE_V2_SENDER_INDEX_PG = """
CREATE INDEX IF NOT EXISTS idx_incidents_sender_id_created_at ON incidents (sender_id, created_at);
"""

CORE_V3_KEY_OUT_AND_FOLLOWUPS_PG = """
DELETE FROM settings WHERE key = 'hash_salt';
CREATE TABLE followups (
    incident_id TEXT PRIMARY KEY, items TEXT, snippet TEXT, created_at DOUBLE PRECISION,
    rowid BIGINT GENERATED ALWAYS AS IDENTITY
);
"""

TIPS_V1_PG = """
CREATE TABLE tip_schedules (
    group_id TEXT PRIMARY KEY, enabled BIGINT, every_weeks BIGINT, per_week BIGINT,
    days TEXT, time TEXT, quiet TEXT, anchor_week BIGINT, updated_at DOUBLE PRECISION
);
CREATE TABLE tip_state (
    group_id TEXT PRIMARY KEY, last_slot DOUBLE PRECISION, cycle BIGINT, sent_ids TEXT,
    member_count BIGINT, last_sent_at DOUBLE PRECISION, last_request_at DOUBLE PRECISION
);
CREATE TABLE tip_sends (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    group_id TEXT NOT NULL, tip_id TEXT NOT NULL, kind TEXT, reason TEXT, status TEXT NOT NULL,
    slot DOUBLE PRECISION, sent_at DOUBLE PRECISION NOT NULL, cost BIGINT, outbox_id BIGINT,
    explained BIGINT
);
CREATE INDEX idx_tip_sends_group_id_sent_at ON tip_sends (group_id, sent_at);
CREATE INDEX idx_tip_sends_sent_at ON tip_sends (sent_at);
CREATE TABLE quiz_answers (
    group_id TEXT, tip_id TEXT, day TEXT, choice BIGINT, correct BIGINT, count BIGINT,
    PRIMARY KEY (group_id, tip_id, day, choice)
);
CREATE TABLE quiz_voters (
    send_id BIGINT, voter TEXT, created_at DOUBLE PRECISION, PRIMARY KEY (send_id, voter)
);
CREATE TABLE broadcasts (
    id TEXT PRIMARY KEY, requested_by TEXT, text TEXT, target TEXT, status TEXT NOT NULL,
    groups BIGINT, messages BIGINT, sent_groups BIGINT, skipped_groups BIGINT,
    created_at DOUBLE PRECISION NOT NULL, expires_at DOUBLE PRECISION,
    decided_at DOUBLE PRECISION
);
CREATE TABLE chart_links (
    token TEXT PRIMARY KEY, png BYTEA, created_at DOUBLE PRECISION,
    expires_at DOUBLE PRECISION
);
"""

SCAN_JOBS_V1_PG = """
CREATE TABLE scan_jobs (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    message_id TEXT NOT NULL, chat_id TEXT, event TEXT, status TEXT NOT NULL,
    attempts BIGINT DEFAULT 0, next_attempt_at DOUBLE PRECISION,
    created_at DOUBLE PRECISION NOT NULL, finished_at DOUBLE PRECISION, outcome TEXT
);
CREATE UNIQUE INDEX idx_scan_jobs_message_id ON scan_jobs (message_id);
CREATE INDEX idx_scan_jobs_status_id ON scan_jobs (status, id);
"""

REQUEST_IDS_V1_PG = """
ALTER TABLE outbox ADD COLUMN request_id TEXT;
ALTER TABLE scan_jobs ADD COLUMN request_id TEXT;
"""

INCIDENT_WORKFLOW_V1_PG = """
CREATE TABLE incident_events (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    incident_id TEXT NOT NULL, at DOUBLE PRECISION NOT NULL, kind TEXT NOT NULL,
    actor_role TEXT NOT NULL, actor TEXT, detail TEXT
);
CREATE INDEX idx_incident_events_incident_id_at ON incident_events (incident_id, at);
CREATE INDEX idx_incident_events_at ON incident_events (at);
"""

CONSOLE_V1_PG = """
CREATE TABLE console_links (
    token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, created_at DOUBLE PRECISION NOT NULL,
    expires_at DOUBLE PRECISION NOT NULL, used_at DOUBLE PRECISION
);
CREATE TABLE console_sessions (
    session_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL,
    created_at DOUBLE PRECISION NOT NULL, last_seen DOUBLE PRECISION NOT NULL,
    ended_at DOUBLE PRECISION
);
CREATE TABLE audit_log (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    at DOUBLE PRECISION NOT NULL, actor TEXT NOT NULL, via TEXT NOT NULL,
    action TEXT NOT NULL, incident_id TEXT, group_id TEXT, detail TEXT
);
CREATE INDEX idx_audit_log_at ON audit_log (at);
CREATE INDEX idx_audit_log_incident_id ON audit_log (incident_id);
ALTER TABLE groups ADD COLUMN org TEXT;
ALTER TABLE roles ADD COLUMN org TEXT;
"""

CONSOLE_PAGES_V1_PG = """
CREATE TABLE group_settings (
    group_id TEXT PRIMARY KEY, mode TEXT, grace_seconds DOUBLE PRECISION,
    updated_at DOUBLE PRECISION, updated_by TEXT
);
CREATE TABLE group_allow (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    group_id TEXT NOT NULL, label TEXT NOT NULL, marks TEXT NOT NULL, phrase TEXT,
    created_at DOUBLE PRECISION NOT NULL, created_by TEXT
);
CREATE INDEX idx_group_allow_group_id ON group_allow (group_id);
ALTER TABLE admin_codes ADD COLUMN role TEXT NOT NULL DEFAULT 'admin';
CREATE TABLE custom_tips (
    id TEXT PRIMARY KEY, locale TEXT NOT NULL, kind TEXT NOT NULL, title TEXT NOT NULL,
    body TEXT, law TEXT, habit TEXT, enabled BIGINT, created_at DOUBLE PRECISION NOT NULL,
    created_by TEXT, updated_at DOUBLE PRECISION
);
"""

INCIDENT_SNIPPET_V1_PG = """
ALTER TABLE incidents ADD COLUMN snippet TEXT;
"""

OUTBOX_CLAIMS_V1_PG = """
ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
ALTER TABLE outbox ADD COLUMN claimed_until DOUBLE PRECISION;
"""
