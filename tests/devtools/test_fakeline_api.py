"""The fake LINE platform driven by the real SDK (AsyncMessagingApi / Blob)."""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator

import pytest
from linebot.v3.messaging import (
    AllMentionTarget,
    AsyncApiClient,
    AsyncMessagingApi,
    AsyncMessagingApiBlob,
    ButtonsTemplate,
    Configuration,
    MentionSubstitutionObject,
    MulticastRequest,
    PostbackAction,
    PushMessageRequest,
    QuickReply,
    QuickReplyItem,
    ReplyMessageRequest,
    ShowLoadingAnimationRequest,
    TemplateMessage,
    TextMessage,
    TextMessageV2,
    UserMentionTarget,
)
from linebot.v3.messaging.exceptions import ApiException

from devtools.fakeline import FakeLinePlatform, group_id, room_id, transcript, user_id

SECRET = "test-channel-secret"
TOKEN = "test-access-token"
ALICE = user_id("alice")
BOB = user_id("bob")
CAROL = user_id("carol")
GROUP = group_id("case-team")
ROOM = room_id("adhoc")


@pytest.fixture
async def platform() -> AsyncIterator[FakeLinePlatform]:
    async with FakeLinePlatform(SECRET, TOKEN, monthly_limit=10) as p:
        p.add_friend(ALICE, "Alice")
        p.add_user(BOB, "Bob")
        p.add_group(GROUP, "Case Team", {ALICE: "Alice", BOB: "Bob", CAROL: "Carol"})
        p.add_room(ROOM, {ALICE: "Alice", BOB: "Bob"})
        yield p


@pytest.fixture
async def api_client(platform: FakeLinePlatform) -> AsyncIterator[AsyncApiClient]:
    client = AsyncApiClient(Configuration(host=platform.base_url, access_token=TOKEN))
    try:
        yield client
    finally:
        await client.close()


@pytest.fixture
def api(api_client: AsyncApiClient) -> AsyncMessagingApi:
    return AsyncMessagingApi(api_client)


def _error(exc: pytest.ExceptionInfo[ApiException]) -> dict:
    body = exc.value.body
    return json.loads(body if isinstance(body, str) else body.decode())


async def test_reply_with_issued_token_is_single_use(
    platform: FakeLinePlatform, api: AsyncMessagingApi
) -> None:
    event = platform.text_event(ALICE, "hello", chat=GROUP)
    token = event["replyToken"]
    resp = await api.reply_message(
        ReplyMessageRequest(replyToken=token, messages=[TextMessage(text="hi")])
    )
    assert len(resp.sent_messages) == 1 and resp.sent_messages[0].quote_token
    [sent] = platform.messages_to(GROUP)
    assert sent.kind == "reply" and sent.delivered and sent.texts == ["hi"]
    assert sent.reply_token == token

    with pytest.raises(ApiException) as exc:
        await api.reply_message(
            ReplyMessageRequest(replyToken=token, messages=[TextMessage(text="again")])
        )
    assert exc.value.status == 400
    assert _error(exc) == {"message": "Invalid reply token"}
    assert len(platform.sent) == 1


@pytest.mark.parametrize("token_state", ["unknown", "expired", "ttl"])
async def test_reply_token_invalid_or_expired(
    platform: FakeLinePlatform, api: AsyncMessagingApi, token_state: str
) -> None:
    token = platform.text_event(ALICE, "hello", chat=GROUP)["replyToken"]
    if token_state == "unknown":
        token = "0" * 32
    elif token_state == "expired":
        platform.expire_reply_tokens()
    else:
        platform.reply_token_ttl = 0.0
    with pytest.raises(ApiException) as exc:
        await api.reply_message(
            ReplyMessageRequest(replyToken=token, messages=[TextMessage(text="late")])
        )
    assert exc.value.status == 400
    assert _error(exc)["message"] == "Invalid reply token"
    assert platform.sent == []


async def test_push_retry_key_409_not_delivered_twice(
    platform: FakeLinePlatform, api: AsyncMessagingApi
) -> None:
    key = str(uuid.uuid4())
    req = PushMessageRequest(to=ALICE, messages=[TextMessage(text="private note")])
    first = await api.push_message_with_http_info(req, x_line_retry_key=key)
    assert first.status_code == 200
    accepted_id = first.headers["x-line-request-id"]

    with pytest.raises(ApiException) as exc:
        await api.push_message(req, x_line_retry_key=key)
    assert exc.value.status == 409
    assert exc.value.headers["x-line-accepted-request-id"] == accepted_id
    assert _error(exc)["message"] == "The retry key is already accepted"
    [sent] = platform.messages_to(ALICE)
    assert sent.delivered and sent.retry_key == key and sent.kind == "push"


async def test_lost_response_then_retry_gets_409(
    platform: FakeLinePlatform, api: AsyncMessagingApi
) -> None:
    platform.fail_next(1, status=500, path="/v2/bot/message/push", accept=True)
    key = str(uuid.uuid4())
    req = PushMessageRequest(to=GROUP, messages=[TextMessage(text="warning")])
    with pytest.raises(ApiException) as exc:
        await api.push_message(req, x_line_retry_key=key)
    assert exc.value.status == 500
    with pytest.raises(ApiException) as exc:
        await api.push_message(req, x_line_retry_key=key)
    assert exc.value.status == 409
    assert len(platform.messages_to(GROUP)) == 1


async def test_failures_before_accept_then_recovery(
    platform: FakeLinePlatform, api: AsyncMessagingApi
) -> None:
    platform.fail_next(2, status=503, path="/v2/bot/message/push")
    platform.fail_next(1, status=429, path="/v2/bot/message/push", retry_after=3)
    key = str(uuid.uuid4())
    req = PushMessageRequest(to=ALICE, messages=[TextMessage(text="x")])
    statuses = []
    for _ in range(3):
        with pytest.raises(ApiException) as exc:
            await api.push_message(req, x_line_retry_key=key)
        statuses.append(exc.value.status)
        if exc.value.status == 429:
            assert exc.value.headers["Retry-After"] == "3"
    assert statuses == [503, 503, 429]
    assert platform.sent == []
    await api.push_message(req, x_line_retry_key=key)
    assert len(platform.messages_to(ALICE)) == 1


async def test_push_to_non_friend_is_200_but_not_delivered(
    platform: FakeLinePlatform, api: AsyncMessagingApi
) -> None:
    await api.push_message(PushMessageRequest(to=BOB, messages=[TextMessage(text="psst")]))
    [sent] = platform.messages_to(BOB)
    assert not sent.delivered
    assert platform.texts_to(BOB) == []
    assert platform.usage == 0


async def test_quota_counts_per_recipient_and_429_when_exceeded(
    platform: FakeLinePlatform, api: AsyncMessagingApi
) -> None:
    quota = await api.get_message_quota()
    assert quota.type == "limited" and quota.value == 10
    # counted per recipient, not per message object: a group of 3 costs 3
    two = [TextMessage(text="tip"), TextMessage(text="why")]
    await api.push_message(PushMessageRequest(to=GROUP, messages=two))
    await api.push_message(PushMessageRequest(to=ALICE, messages=two))
    assert (await api.get_message_quota_consumption()).total_usage == 4
    # Bob is not a friend: not delivered, not counted
    await api.multicast(MulticastRequest(to=[ALICE, BOB], messages=two))
    await api.push_message(PushMessageRequest(to=GROUP, messages=two))
    assert (await api.get_message_quota_consumption()).total_usage == 8
    with pytest.raises(ApiException) as exc:
        await api.push_message(
            PushMessageRequest(to=GROUP, messages=[TextMessage(text="1"), TextMessage(text="2")])
        )
    assert exc.value.status == 429
    assert _error(exc) == {"message": "You have reached your monthly limit."}
    assert (await api.get_message_quota_consumption()).total_usage == 8
    await api.push_message(PushMessageRequest(to=ALICE, messages=two))  # 9
    await api.push_message(PushMessageRequest(to=ALICE, messages=two))  # 10: at the limit
    with pytest.raises(ApiException) as exc:
        await api.push_message(PushMessageRequest(to=ALICE, messages=two))
    assert exc.value.status == 429
    platform.set_monthly_limit(None)
    assert (await api.get_message_quota()).type == "none"


async def test_profiles_groups_rooms(platform: FakeLinePlatform, api: AsyncMessagingApi) -> None:
    profile = await api.get_profile(ALICE)
    assert profile.display_name == "Alice" and profile.user_id == ALICE
    with pytest.raises(ApiException) as exc:
        await api.get_profile(BOB)
    assert exc.value.status == 404

    summary = await api.get_group_summary(GROUP)
    assert summary.group_name == "Case Team" and summary.group_id == GROUP
    assert (await api.get_group_member_count(GROUP)).count == 3
    member = await api.get_group_member_profile(GROUP, BOB)
    assert member.display_name == "Bob"
    with pytest.raises(ApiException) as exc:
        await api.get_group_member_profile(GROUP, user_id("stranger"))
    assert exc.value.status == 404
    with pytest.raises(ApiException) as exc:
        await api.get_group_summary(group_id("unknown"))
    assert exc.value.status == 404

    assert (await api.get_room_member_count(ROOM)).count == 2
    assert (await api.get_room_member_profile(ROOM, ALICE)).display_name == "Alice"
    info = await api.get_bot_info()
    assert info.user_id == platform.bot_user_id and info.display_name == platform.bot_name


async def test_content_served_and_gone_after_unsend(
    platform: FakeLinePlatform, api_client: AsyncApiClient
) -> None:
    blob = AsyncMessagingApiBlob(api_client)
    event = platform.image_event(
        ALICE, chat=GROUP, content=b"\xff\xd8jpeg-bytes", image_set=("SET1", 1, 2)
    )
    mid = event["message"]["id"]
    assert event["message"]["imageSet"] == {"id": "SET1", "index": 1, "total": 2}
    assert bytes(await blob.get_message_content(mid)) == b"\xff\xd8jpeg-bytes"
    platform.unsend_event(ALICE, mid, chat=GROUP)
    with pytest.raises(ApiException) as exc:
        await blob.get_message_content(mid)
    assert exc.value.status == 404


async def test_bad_token_is_401(platform: FakeLinePlatform) -> None:
    async with AsyncApiClient(Configuration(host=platform.base_url, access_token="wrong")) as c:
        with pytest.raises(ApiException) as exc:
            await AsyncMessagingApi(c).get_bot_info()
    assert exc.value.status == 401
    assert _error(exc)["message"].startswith("Authentication failed")


async def test_invalid_messages_get_line_error_details(
    platform: FakeLinePlatform, api_client: AsyncApiClient
) -> None:
    # raw JSON through the SDK's REST layer, since its models refuse some bad shapes
    too_many = [{"type": "text", "text": "x"}] * 6
    bad = [
        {"type": "text", "text": ""},
        {"type": "video"},
        {"type": "carrier-pigeon"},
        {"type": "text", "text": "x" * 5001},
    ]
    url = platform.base_url + "/v2/bot/message/push"
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    rest = api_client.rest_client
    for messages in (too_many, bad):
        with pytest.raises(ApiException) as exc:
            await rest.request(
                "POST", url, headers=dict(headers), body={"to": ALICE, "messages": messages}
            )
        assert exc.value.status == 400
        body = json.loads(exc.value.body)
        assert body["message"].startswith("The request body has")
        props = {d["property"] for d in body["details"]}
        if messages is too_many:
            assert props == {"messages"}
        else:
            assert {
                "messages[0].text",
                "messages[1].originalContentUrl",
                "messages[2].type",
                "messages[3].text",
            } <= props
    assert platform.sent == []


async def test_textv2_mentions_template_quick_reply_and_transcript(
    platform: FakeLinePlatform, api: AsyncMessagingApi
) -> None:
    platform.text_event(BOB, "Alice's ID is A123456789", chat=GROUP)
    await api.push_message(
        PushMessageRequest(
            to=GROUP,
            messages=[
                TextMessageV2(
                    text="{sender} please unsend that message. {all}",
                    substitution={
                        "sender": MentionSubstitutionObject(
                            mentionee=UserMentionTarget(userId=BOB)
                        ),
                        "all": MentionSubstitutionObject(mentionee=AllMentionTarget()),
                    },
                )
            ],
        )
    )
    await api.push_message(
        PushMessageRequest(
            to=ALICE,
            messages=[
                TemplateMessage(
                    altText="Alert",
                    template=ButtonsTemplate(
                        text="Leak in Case Team",
                        actions=[
                            PostbackAction(label="Acknowledge", data="ack=1"),
                            PostbackAction(label="False positive", data="fp=1"),
                        ],
                    ),
                    quickReply=QuickReply(
                        items=[QuickReplyItem(action=PostbackAction(label="Later", data="l"))]
                    ),
                )
            ],
        )
    )
    group_view = transcript(platform, GROUP, viewer=CAROL)
    assert "Bob: Alice's ID is A123456789" in group_view
    assert "@Bob please unsend that message. @All" in group_view
    admin_view = transcript(platform, ALICE)
    assert "Leak in Case Team" in admin_view and "[Acknowledge] [False positive]" in admin_view
    assert "quick replies: [Later]" in admin_view
    own_view = transcript(platform, GROUP, viewer=BOB)
    assert "You: Alice's ID is A123456789" in own_view


async def test_wait_for_wakes_on_send(platform: FakeLinePlatform, api: AsyncMessagingApi) -> None:
    import asyncio

    waiter = asyncio.create_task(platform.wait_for_messages(ALICE, kind="push", timeout=5))
    await asyncio.sleep(0)
    await api.push_message(PushMessageRequest(to=ALICE, messages=[TextMessage(text="hey")]))
    [sent] = await waiter
    assert sent.texts == ["hey"]
    with pytest.raises(TimeoutError):
        await platform.wait_for(lambda: len(platform.sent) > 5, timeout=0.05)


async def test_down_then_restart_on_same_port(
    platform: FakeLinePlatform, api: AsyncMessagingApi
) -> None:
    platform.set_down()
    with pytest.raises(ApiException) as exc:
        await api.get_bot_info()
    assert exc.value.status == 503
    platform.set_down(False)
    port = platform.port
    await platform.stop()
    await platform.start()
    assert platform.port == port
    assert (await api.get_bot_info()).user_id == platform.bot_user_id


async def test_loading_animation(platform: FakeLinePlatform, api: AsyncMessagingApi) -> None:
    resp = await api.show_loading_animation_with_http_info(
        ShowLoadingAnimationRequest(chatId=ALICE, loadingSeconds=5)
    )
    assert resp.status_code == 202


async def test_delayed_failure_is_a_client_timeout(
    platform: FakeLinePlatform, api: AsyncMessagingApi
) -> None:
    import asyncio

    platform.fail_next(1, status=500, path="/v2/bot/message/push", delay=0.3)
    req = PushMessageRequest(to=ALICE, messages=[TextMessage(text="slow")])
    with pytest.raises(asyncio.TimeoutError):
        await api.push_message(req, _request_timeout=0.1)
    await api.push_message(req)
    assert platform.texts_to(ALICE) == ["slow"]


async def test_unknown_sender_joins_group_and_reply_goes_to_room(
    platform: FakeLinePlatform, api: AsyncMessagingApi
) -> None:
    dave = user_id("dave")
    platform.add_user(dave, "Dave")
    platform.text_event(dave, "hi", chat=GROUP)
    assert (await api.get_group_member_profile(GROUP, dave)).display_name == "Dave"
    token = platform.text_event(ALICE, "in the room", chat=ROOM)["replyToken"]
    assert platform.reply_token_valid(token)
    await api.reply_message(
        ReplyMessageRequest(replyToken=token, messages=[TextMessage(text="ok")])
    )
    assert not platform.reply_token_valid(token)
    assert platform.texts_to(ROOM) == ["ok"]
    assert "Alice: in the room" in platform.transcript(ROOM, viewer=BOB)


async def test_broadcast_reaches_friends_only_and_counts(
    platform: FakeLinePlatform, api: AsyncMessagingApi
) -> None:
    from linebot.v3.messaging import BroadcastRequest

    await api.broadcast(BroadcastRequest(messages=[TextMessage(text="reminder")]))
    assert [(s.kind, s.target, s.delivered) for s in platform.sent] == [("broadcast", ALICE, True)]
    assert platform.usage == 1


def test_transcript_zh_tw_labels_and_system_lines(platform: FakeLinePlatform) -> None:
    event = platform.image_event(BOB, chat=GROUP, content=b"x", image_set=("S", 1, 2))
    platform.member_joined_event(GROUP, {user_id("dave"): "Dave"})
    platform.unsend_event(BOB, event["message"]["id"])
    view = platform.transcript(GROUP, viewer=ALICE, locale="zh-TW")
    lines = [line.split("] ", 1)[1] for line in view.splitlines()]
    assert lines == ["-- Bob已收回訊息 --", "-- Dave已加入 --"]
    photo = platform.image_event(BOB, chat=GROUP, image_set=("S", 2, 2))
    assert photo["message"]["imageSet"]["index"] == 2
    assert platform.transcript(GROUP).splitlines()[-1].endswith("Bob: [photo 2/2]")


async def test_reply_token_expires_on_the_platform_clock() -> None:
    now = [1_800_000_000.0]
    async with FakeLinePlatform(SECRET, TOKEN, clock=lambda: now[0], reply_token_ttl=60) as p:
        p.add_group(GROUP, "Case Team", {ALICE: "Alice"})
        api = AsyncMessagingApi(AsyncApiClient(Configuration(host=p.base_url, access_token=TOKEN)))
        try:
            fresh = p.text_event(ALICE, "a", chat=GROUP)["replyToken"]
            stale = p.text_event(ALICE, "b", chat=GROUP)["replyToken"]
            now[0] += 30
            await api.reply_message(
                ReplyMessageRequest(replyToken=fresh, messages=[TextMessage(text="in time")])
            )
            now[0] += 31
            with pytest.raises(ApiException) as exc:
                await api.reply_message(
                    ReplyMessageRequest(replyToken=stale, messages=[TextMessage(text="late")])
                )
            assert exc.value.status == 400
            [sent] = p.sent
            assert sent.time == 1_800_000_030.0
        finally:
            await api.api_client.close()


async def test_multicast_retry_key_and_key_expiry() -> None:
    now = [1_800_000_000.0]
    async with FakeLinePlatform(SECRET, TOKEN, clock=lambda: now[0]) as p:
        p.add_friend(ALICE, "Alice")
        async with AsyncApiClient(Configuration(host=p.base_url, access_token=TOKEN)) as c:
            api = AsyncMessagingApi(c)
            key = str(uuid.uuid4())
            req = MulticastRequest(to=[ALICE], messages=[TextMessage(text="m")])
            await api.multicast(req, x_line_retry_key=key)
            with pytest.raises(ApiException) as exc:
                await api.multicast(req, x_line_retry_key=key)
            assert exc.value.status == 409 and "sentMessages" not in _error(exc)
            with pytest.raises(ApiException) as exc:
                await api.push_message(
                    PushMessageRequest(to=ALICE, messages=[TextMessage(text="p")]),
                    x_line_retry_key="not-a-uuid",
                )
            assert exc.value.status == 400
            now[0] += 24 * 3600 + 1  # a retry key is remembered for 24 hours
            await api.multicast(req, x_line_retry_key=key)
            assert len(p.messages_to(ALICE, kind="multicast")) == 2
