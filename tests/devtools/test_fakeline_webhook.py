"""Webhook events built by the fake platform, parsed by the real SDK and delivered
signed to a small aiohttp receiver on loopback."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from aiohttp import web
from linebot.v3 import WebhookParser
from linebot.v3.exceptions import InvalidSignatureError
from linebot.v3.webhooks import (
    FileMessageContent,
    FollowEvent,
    GroupSource,
    ImageMessageContent,
    JoinEvent,
    LeaveEvent,
    MemberJoinedEvent,
    MemberLeftEvent,
    MessageEvent,
    PostbackEvent,
    RoomSource,
    TextMessageContent,
    UnfollowEvent,
    UnsendEvent,
    UserSource,
)

from devtools.fakeline import FakeLinePlatform, group_id, room_id, ulid, user_id

SECRET = "webhook-secret"
ALICE = user_id("alice")
BOB = user_id("bob")
GROUP = group_id("team")
ROOM = room_id("room")


@pytest.fixture
def platform() -> FakeLinePlatform:
    p = FakeLinePlatform(SECRET, "token")
    p.add_friend(ALICE, "Alice")
    p.add_group(GROUP, "Team", {ALICE: "Alice", BOB: "Bob"})
    p.add_room(ROOM, {ALICE: "Alice"})
    return p


def _parse(platform: FakeLinePlatform, events: list[dict], **kw: bool) -> list:
    body = platform.webhook_body(events, **kw).decode()
    return WebhookParser(SECRET).parse(body, platform.sign(body.encode()))


def test_every_builder_parses_with_the_sdk(platform: FakeLinePlatform) -> None:
    text = platform.text_event(
        BOB, "@Alice 你看 @All", chat=GROUP, mentions=[ALICE, "all"], quoted_message_id="123"
    )
    image = platform.image_event(ALICE, chat=ROOM, content=b"img", image_set=("S", 2, 3))
    events = [
        text,
        image,
        platform.file_event(ALICE, "scan.pdf", b"%PDF-1.4", chat=GROUP),
        platform.unsend_event(BOB, text["message"]["id"]),
        platform.join_event(GROUP),
        platform.leave_event(GROUP),
        platform.member_joined_event(GROUP, {user_id("dave"): "Dave"}),
        platform.member_left_event(GROUP, [user_id("dave")]),
        platform.follow_event(BOB, "Bob"),
        platform.unfollow_event(BOB),
        platform.postback_event(ALICE, "action=ack&incident=7", params={"date": "2026-11-21"}),
    ]
    parsed = _parse(platform, events)
    types = [type(e) for e in parsed]
    assert types == [
        MessageEvent,
        MessageEvent,
        MessageEvent,
        UnsendEvent,
        JoinEvent,
        LeaveEvent,
        MemberJoinedEvent,
        MemberLeftEvent,
        FollowEvent,
        UnfollowEvent,
        PostbackEvent,
    ]
    t = parsed[0]
    assert isinstance(t.message, TextMessageContent) and isinstance(t.source, GroupSource)
    assert t.source.group_id == GROUP and t.source.user_id == BOB
    assert t.mode.value == "active" and t.delivery_context.is_redelivery is False
    assert len(t.webhook_event_id) == 26 and t.reply_token
    mentionees = t.message.mention.mentionees
    assert (mentionees[0].index, mentionees[0].length, mentionees[0].user_id) == (0, 6, ALICE)
    assert mentionees[1].type == "all" and mentionees[1].index == 10
    assert t.message.quoted_message_id == "123"

    img = parsed[1]
    assert isinstance(img.message, ImageMessageContent) and isinstance(img.source, RoomSource)
    assert img.message.content_provider.type == "line"
    assert (img.message.image_set.id, img.message.image_set.index) == ("S", 2)
    assert isinstance(parsed[2].message, FileMessageContent)
    assert parsed[2].message.file_size == 8
    # in a group only message events carry userId: an unsend does not say who unsent
    assert parsed[3].unsend.message_id == text["message"]["id"]
    assert isinstance(parsed[3].source, GroupSource) and parsed[3].source.user_id is None
    assert "userId" not in events[3]["source"] and "replyToken" not in events[3]
    assert parsed[6].joined.members[0].user_id == user_id("dave")
    assert isinstance(parsed[8].source, UserSource) and parsed[8].follow.is_unblocked is False
    assert parsed[10].postback.data == "action=ack&incident=7"
    assert BOB not in platform.friends and platform.chats[GROUP].bot_in is False


def test_redelivery_keeps_event_id(platform: FakeLinePlatform) -> None:
    event = platform.text_event(ALICE, "hi", chat=GROUP)
    [first] = _parse(platform, [event])
    [again] = _parse(platform, [event], redelivery=True)
    assert again.webhook_event_id == first.webhook_event_id
    assert again.delivery_context.is_redelivery is True
    assert event["deliveryContext"]["isRedelivery"] is False


def test_signature_matches_sdk_and_bad_one_fails(platform: FakeLinePlatform) -> None:
    body = platform.webhook_body([platform.text_event(ALICE, "hi")]).decode()
    with pytest.raises(InvalidSignatureError):
        WebhookParser(SECRET).parse(body, platform.sign(b"other body"))
    with pytest.raises(InvalidSignatureError):
        WebhookParser("another-secret").parse(body, platform.sign(body.encode()))


def test_ulid_is_sortable_and_crockford() -> None:
    a, b = ulid(1_700_000_000_000, 5), ulid(1_700_000_000_001, 0)
    assert a < b and len(a) == 26 and set(a) <= set("0123456789ABCDEFGHJKMNPQRSTVWXYZ")


@pytest.fixture
async def receiver() -> AsyncIterator[tuple[str, list[tuple[str | None, bytes]]]]:
    got: list[tuple[str | None, bytes]] = []

    async def callback(request: web.Request) -> web.Response:
        body = await request.read()
        got.append((request.headers.get("X-Line-Signature"), body))
        try:
            WebhookParser(SECRET).parse(body.decode(), request.headers.get("X-Line-Signature", ""))
        except (InvalidSignatureError, ValueError):
            return web.Response(status=400)
        return web.Response(text="OK")

    app = web.Application()
    app.router.add_post("/callback", callback)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        yield f"http://127.0.0.1:{port}/callback", got
    finally:
        await runner.cleanup()


async def test_deliver_signed_unsigned_bad_and_raw(
    platform: FakeLinePlatform, receiver: tuple[str, list[tuple[str | None, bytes]]]
) -> None:
    url, got = receiver
    async with platform:
        event = platform.text_event(ALICE, "你好", chat=GROUP)
        assert await platform.deliver(url, [event]) == 200
        assert await platform.deliver(url, event, signature="bad") == 400
        assert await platform.deliver(url, event, signature=None) == 400
        raw = b'{"destination":"x","events":['
        assert await platform.deliver(url, body=raw) == 400  # signed but malformed JSON
        assert await asyncio.wait_for(platform.deliver(url, [], redelivery=True), 5) == 200
    assert got[0][0] == platform.sign(got[0][1])
    assert "你好".encode() in got[0][1]
    assert got[2][0] is None and got[3][1] == raw
    assert [s for s, _ in platform.webhooks] == [200, 400, 400, 400, 200]


def test_anonymous_sender_has_no_user_id(platform: FakeLinePlatform) -> None:
    event = platform.text_event(BOB, "from LINE for PC", chat=GROUP, anonymous=True)
    [parsed] = _parse(platform, [event])
    assert isinstance(parsed.source, GroupSource) and parsed.source.user_id is None
    assert parsed.reply_token and platform.reply_token_valid(parsed.reply_token)
    one_to_one = platform.text_event(ALICE, "hi", anonymous=True)
    assert one_to_one["source"] == {"type": "user", "userId": ALICE}


def test_mentioning_the_bot_sets_is_self(platform: FakeLinePlatform) -> None:
    event = platform.text_event(
        ALICE,
        f"@{platform.bot_name} /status @Bob",
        chat=GROUP,
        mentions=[platform.bot_user_id, BOB],
    )
    [parsed] = _parse(platform, [event])
    bot, bob = parsed.message.mention.mentionees
    assert (bot.is_self, bot.index, bot.length) == (True, 0, len(platform.bot_name) + 1)
    assert (bob.is_self, bob.user_id) == (False, BOB)
