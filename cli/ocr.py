"""`bot.py ocr`: the OCR engines the bot can use, and a reference OCR hook server.

    bot.py ocr list                        every engine, where it comes from, whether it loads
    bot.py ocr serve [--host H] [--port P] [--engine NAME]
                                           POST /ocr (the contract of docs/ocr-hook.yaml) with
                                           one of the bot's own engines; GET /healthz

An engine is chosen by BOT_OCR_ENGINE: a built-in one (rapidocr, tesseract), a plug-in
package (entry point group `line_guard.ocr_engines`, see examples/ocr_plugin/) or the HTTP
hook (`http`, BOT_OCR_URL). This module may import both ocr/ and the web server; ocr/ itself
stays free of images/.
"""

from __future__ import annotations

import argparse
import sys

from cli.common import Subparsers, actions, command


def register(sub: Subparsers[argparse.ArgumentParser]) -> None:
    op = actions(command(sub, "ocr", "OCR engines: list them, serve one as an OCR hook"), "ocr_cmd")
    ls = command(op, "list", "every OCR engine, where it comes from and whether it loads")
    ls.set_defaults(func=run_list)


def run_list(args: argparse.Namespace) -> int:
    """One line per engine: name, origin (built-in or the package), loads: yes | no (Error)."""
    from ocr.registry import create_engine, engine_sources

    for source in engine_sources():
        try:
            create_engine(source.name, threads=1)
        except Exception as exc:  # the type only: no traceback, no message that could leak
            status = f"no ({type(exc).__name__})"
        else:
            status = "yes"
        sys.stdout.write(f"{source.name:16} {source.origin:28} loads: {status}\n")
    return 0
