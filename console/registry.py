"""Every console page, listed once, in the order of the navigation. To add pages: write a
module with `PAGES = (Page(...), ...)` (console/page.py) and add it here."""

from __future__ import annotations

from console import (
    audit_page,
    broadcasts_page,
    feedback_page,
    groups_page,
    incidents,
    overview,
    roles_page,
    tips_page,
)
from console.page import Page

PAGES: tuple[Page, ...] = (
    *incidents.PAGES,
    *overview.PAGES,
    *groups_page.PAGES,
    *feedback_page.PAGES,
    *roles_page.PAGES,
    *tips_page.PAGES,
    *broadcasts_page.PAGES,
    *audit_page.PAGES,
)
