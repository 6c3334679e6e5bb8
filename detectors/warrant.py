"""`warrant`: arrest / search / detention warrants and wanted notices
(拘票, 搜索票, 押票, 通緝) whose existence or execution is told ahead.

"拘票下來了，明天清晨去他家" leaks; "拘票不能傳到群組喔" is talk about the rules.
"""

from __future__ import annotations

import re

from detectors import matter
from detectors.base import Finding
from detectors.doc import Doc
from detectors.matter import Gated, starts_with

TRIGGERS: tuple[str, ...] = (
    "拘票",
    "搜索票",
    "押票",
    "通緝",
    "通緝令",
    "通緝犯",
    "拘提",
    "搜索扣押",
    "聲押",
    "羈押",
    "拘捕",
    "逮捕令",
    "搜索令",
    "帶人",
    "聲請羈押",
    "搜索",
    "warrant",
    "search warrant",
    "arrest warrant",
)
CONTEXT: tuple[str, ...] = (
    "下來了",
    "核發",
    "核准",
    "已核",
    "出來了",
    "執行",
    "會去",
    "要去",
    "去抓",
    "抓人",
    "快跑",
    "躲",
    "避一下",
    "先走",
    "通知他",
    "通知她",
    "跟他說",
    "跟她說",
    "他家",
    "她家",
    "住處",
    "核了",
    "准了",
)
# The standard-library engine runs this alternation several times faster.
# Only whether it matches is used.
STRONG = starts_with(
    "拘搜押通逮明今後清凌下0-9看直被是在ag",
    r"(?:拘票|搜索票|押票|通緝令?|搜索令|逮捕令)(?:已經?|都|也)?(?:下來|核發|核准|出來|准了|開好|到了|簽了|發了)"
    r"|(?:明天|明早|今晚|今天|後天|清晨|凌晨|下週|[0-9]{1,2}/[0-9]{1,2}).{0,12}(?:拘提|搜索(?!票)|執行|去抓|抓人|逮捕)"
    r"|(?:拘提|搜索(?!票)|逮捕).{0,8}(?:明天|明早|今晚|清晨|凌晨|下週|[0-9]{1,2}/[0-9]{1,2})"
    r"|(?:拘票|搜索票|押票)(?:的)?(?:照片|影本|截圖|內容)(?:我)?(?:已經?)?(?:傳|給|拍|寄|上來|在這)|看到人就|直接帶回|拘提期限"
    r"|(?:被|是|在)通緝|通緝中|看到就(?:攔|抓)|approved|going in",
)
# Searched only when STRONG fails and the message has a day word, 通緝 or a court;
# every match holds 緝, an arrest word (拘提, 逮捕, 抓, 帶, 搜索) or 法.
EXTRA = Gated(
    "緝拘逮抓帶搜法",
    starts_with(
        "被已明今後清凌下週禮星0-9tmwfs法拘搜逮抓",
        # Listed as wanted and warned: 他被發布通緝了，叫他躲好.
        r"(?:被|已經?被?)(?:發布|列為|依法)通緝"
        # Any day word before an arrest (週四早上去拘提), or going to fetch someone.
        rf"|{matter.WHEN}.{{0,12}}(?:拘提|逮捕|去抓|抓人|去[^，。,\n]{{0,4}}帶(?:人|回))"
        r"|(?:法官|法院)(?:已經?)?(?:准了|核准|核發|簽了|裁定).{0,12}(?:拘提|搜索|羈押|收押|帶人|抓)"
        # A search or an arrest on a day, and the court or prosecutor has signed it.
        r"|(?:拘提|搜索(?!票)|逮捕|抓人).{0,16}(?:地檢|檢察官|法官|法院)(?:署)?(?:已經?)?(?:核了|准了|核准|核發|簽了|同意了|點頭)",
    ),
)
# A question about warrant procedure, nobody and no day in it (請問拘票可以傳LINE嗎?).
QUESTION = re.compile(r"請問|嗎|[?？]")
WINDOW = 40

RULE = matter.Rule(
    type="warrant",
    triggers=frozenset(TRIGGERS),
    context=frozenset(CONTEXT),
    window=WINDOW,
    weights=(("person", 1), ("time", 1), ("context", 1)),
    vetoes=frozenset({"question"}),
)
_TRIGGERS = RULE.triggers
# Words that only wake the detector: a leak needs a STRONG pattern with them.
_WEAK = frozenset({"帶人", "搜索"})


def find(doc: Doc) -> list[Finding]:
    hit = doc.first(_TRIGGERS)
    if hit is None:
        return []
    text = doc.text
    strong = STRONG.search(text) is not None
    timed = matter.has_time(doc)
    if not strong and (timed or "通緝" in text or "法" in text):
        strong = EXTRA.found(text)
    if not strong and all(h[2] in _WEAK for h in doc.all(_TRIGGERS)):
        return []  # 明天我帶人去會場: people brought along, no warrant
    person = matter.person_mentioned(doc)
    ctx = doc.near(RULE.context, hit[0], hit[1], WINDOW, WINDOW) or matter.operational(doc)
    damp = matter.rule_talk(doc)
    if damp is None and hit[2].startswith("通緝") and not strong:
        damp = matter.published(doc)
    score = matter.weigh(
        doc,
        RULE,
        strong=strong,
        cues={"person": person, "time": timed, "context": ctx},
        dampen=damp,
        # asking how warrants work
        vetoes={
            "question": not strong
            and not timed
            and person is None
            and QUESTION.search(doc.text) is not None
        },
    )
    rule = "warrant.execution" if strong else "warrant.context"
    return matter.matter_finding(doc, "warrant", hit, score, rule, ctx or person or damp)


DETECTOR = matter.detector(RULE, find, ())
