"""The web console for the ethics unit and group admins, under /console on the bot's app.

Server-rendered (aiohttp-jinja2 templates in console/templates, no script of ours inline),
zh-TW first and English second (locales/console.<locale>.json), BOT_TIMEZONE times, display
names from LINE instead of ids. Signing in: `/console` (or `/後台`) in a 1:1 chat with the
bot (handlers/console.py) gives a single-use link (console/auth.py).

    web.py        the sub-application, its middleware (session, CSRF, CSP), sign-in routes
    auth.py       links, sessions, Viewer (what the signed-in person may see)
    page.py       Page (one route), request helpers, render, audit
    registry.py   PAGES: every page module, once, in nav order
    incidents.py  the incident list, CSV export, one incident with its timeline and actions
    audit_page.py the audit log (ethics unit)
    names.py      display names of groups and members (memory only)
    i18n.py       ct() (console words), local times (BOT_TIMEZONE)
"""
