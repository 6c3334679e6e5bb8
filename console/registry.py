"""Every console page, listed once, in the order of the navigation. To add pages: write a
module with `PAGES = (Page(...), ...)` (console/page.py) and add it here."""

from __future__ import annotations

from console import audit_page, incidents
from console.page import Page

PAGES: tuple[Page, ...] = (
    *incidents.PAGES,
    *audit_page.PAGES,
)
