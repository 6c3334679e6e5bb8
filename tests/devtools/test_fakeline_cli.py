"""`python -m devtools.fakeline` standalone, driven through its control API and the SDK."""

from __future__ import annotations

import asyncio
import base64
import json
import os
import sys
from pathlib import Path

import aiohttp
from linebot.v3.messaging import (
    AsyncApiClient,
    AsyncMessagingApi,
    AsyncMessagingApiBlob,
    Configuration,
    PushMessageRequest,
    TextMessage,
)

from devtools.fakeline import group_id, user_id

ROOT = Path(__file__).resolve().parents[2]


async def test_standalone_server_world_events_and_sdk(tmp_path: Path) -> None:
    alice, bob, group = user_id("alice"), user_id("bob"), group_id("g")
    world = tmp_path / "world.json"
    world.write_text(
        json.dumps(
            {"friends": {alice: "Alice"}, "groups": {group: {"name": "G", "members": {bob: "Bob"}}}}
        )
    )
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "devtools.fakeline", "--port", "0", "--token", "T", "--secret", "S",
        "--world", str(world),
        stdout=asyncio.subprocess.PIPE,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    try:
        assert proc.stdout is not None
        first = (await asyncio.wait_for(proc.stdout.readline(), 30)).decode()
        base = first.split(" on ")[1].split()[0]

        received: list[bytes] = []

        async def callback(request: aiohttp.web.Request) -> aiohttp.web.Response:
            received.append(await request.read())
            return aiohttp.web.Response(text="OK")

        app = aiohttp.web.Application()
        app.router.add_post("/callback", callback)
        runner = aiohttp.web.AppRunner(app)
        await runner.setup()
        await aiohttp.web.TCPSite(runner, "127.0.0.1", 0).start()
        hook = f"http://127.0.0.1:{runner.addresses[0][1]}/callback"
        try:
            async with aiohttp.ClientSession() as http:
                resp = await http.post(
                    f"{base}/__fakeline__/events",
                    json={
                        "url": hook,
                        "events": [
                            {"type": "text", "user": bob, "chat": group, "text": "hello"},
                            {
                                "type": "image",
                                "user": bob,
                                "chat": group,
                                "content_b64": base64.b64encode(b"PNG").decode(),
                            },
                        ],
                    },
                )
                out = await resp.json()
                assert out["status"] == 200 and len(received) == 1
                image_id = out["events"][1]["message"]["id"]
                async with AsyncApiClient(Configuration(host=base, access_token="T")) as client:
                    await AsyncMessagingApi(client).push_message(
                        PushMessageRequest(to=group, messages=[TextMessage(text="noted")])
                    )
                    blob = AsyncMessagingApiBlob(client)
                    assert bytes(await blob.get_message_content(image_id)) == b"PNG"
                sent = await (await http.get(f"{base}/__fakeline__/sent")).json()
                assert [s["target"] for s in sent] == [group]
                text = await (
                    await http.get(f"{base}/__fakeline__/transcript", params={"chat": group})
                ).text()
                assert "Bob: hello" in text and "noted" in text
        finally:
            await runner.cleanup()
    finally:
        proc.terminate()
        assert await asyncio.wait_for(proc.wait(), 10) == 0
