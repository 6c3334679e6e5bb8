"""The job queue on PostgreSQL (procrastinate), for a bot run as several processes.

    BOT_DATABASE_URL=postgresql://...   bot.py serve     (webhook, outbox, console; no OCR)
                                        bot.py worker    (scans, periodic work; many of them)

- jobs/queue.py: the procrastinate `App` built for one database (`build_queue`), its schema
  applied once under a lock (`ensure_schema`), and the serve side: `queue_ctx` puts image
  and file scans on the queue instead of an in-process OCR pool.
- jobs/tasks.py: what a worker runs. `scan_media` (one image or file message: fetch from
  LINE by message id, OCR, scan, act) and the periodic tasks, each slot deferred once for
  the whole cluster: escalations, tips ticks, the weekly report, retention.
- jobs/worker.py: `bot.py worker`: the store, LINE clients, outbox, tips service and OCR
  pool a task needs (the same cleanup contexts as app.py), the procrastinate worker, and
  the retry of jobs whose worker died (stalled heartbeats).

Jobs carry message ids and the content-free event (ids, reply token, timestamp), never
content or text. With SQLite (no BOT_DATABASE_URL) none of this is imported: the service
keeps its in-process OCR pool and loops, and `bot.py demo` is unchanged.
"""
