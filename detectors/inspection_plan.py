"""`inspection_plan`: who will be inspected, when and where, told before the
inspection (稽查名單, 查察對象, 臨檢時間); the target who hears it closes up."""

from __future__ import annotations

import re
from dataclasses import replace

from detectors import discourse, matter
from detectors.base import Finding
from detectors.doc import Doc
from detectors.matter import Gated, starts_with

TRIGGERS: tuple[str, ...] = (
    "稽查",
    "稽察",
    "查察",
    "聯合查察",
    "聯合稽查",
    "臨檢",
    "突擊檢查",
    "突檢",
    "抽查",
    "取締",
    "掃蕩",
    "檢肅",
    "突襲",
    "勞檢",
    "勞動檢查",
    "查帳",
    "採樣",
    "抽驗",
    "抽檢",
    "督考",
    "不預警",
    "安檢",
    "突擊",
    "要去查",
    "會去查",
    "會來查",
    "來稽查",
    "去稽查",
    "去查",
    "來查",
    "過去查",
    "過來查",
    "會有稽查",
    "清查",
    "勞動局",
    "環保局",
    "衛生局",
    "消防局",
    "勞工局",
    "國稅局",
    "查核",
    "稽核",
    "檢查",
    "inspection",
    "raid",
    "audit",
    "surprise visit",
)
CONTEXT: tuple[str, ...] = (
    "名單",
    "對象",
    "地點",
    "路線",
    "行程",
    "先通知",
    "通知老闆",
    "跟老闆說",
    "通知店家",
    "關門",
    "避一下",
    "先收",
    "風聲",
    "請勿外流",
    "勿外流",
    "不要先講",
    "先別講",
    "先別說",
    "先別通知",
    "不預告",
    "不預警",
    "不另行通知",
    "事前不通知",
    "洩漏",
    "偷偷",
    "跟你說",
    "叫他們",
    "你們老闆",
    "你們工廠",
    "你們公司",
    "不要說我講的",
    "收攤",
    "收一收",
    "先收起來",
    "先保密",
    "不公開",
    "規劃",
    "排在",
    "排程",
    "unannounced",
    "surprise",
    "list",
    "target",
    "keep it quiet",
    "don't tell",
    "between us",
)
TARGETS: tuple[str, ...] = (
    "店",
    "餐廳",
    "工廠",
    "公司",
    "農產",
    "商行",
    "商號",
    "行號",
    "旅館",
    "民宿",
    "夜市",
    "ktv",
    "酒店",
    "網咖",
    "工地",
    "攤",
    "廠",
    "業者",
    "店家",
    "卡拉ok",
    "市場",
    "工業區",
    "補習班",
    "科技",
    "營造",
    "食品",
    "紡織",
    "貿易",
    "物流",
    "化工",
    "排放口",
    "診所",
    "養生館",
    "會館",
    "茶室",
    "酒吧",
    "賓館",
    "藥局",
    "藥房",
    "機電",
    "超商",
    "賣場",
    "加油站",
    "美容院",
    "按摩",
    "養護中心",
    "安養",
    "托嬰",
    "幼兒園",
    "pub",
    "pubs",
    "bar",
    "factory",
)
AFTER: tuple[str, ...] = (
    "結果",
    "成果",
    "已完成",
    "完成",
    "統計",
    "共查獲",
    "查獲",
    "裁罰",
    "報告",
    "結束",
    "來過了",
    "已經來過",
    "查完了",
    "取消",
    "很順利",
    "順利完成",
    "順利結束",
)
# A public enforcement campaign (起將加強取締) or an office's own audit (查核經費核銷):
# announced or internal, not a target tipped off.
CAMPAIGN: tuple[str, ...] = (
    "加強稽查",
    "加強取締",
    "加強查核",
    "加強抽查",
    "加強臨檢",
    "擴大取締",
    "全面稽查",
    "起將",
    "專案期間",
    "核銷",
    "經費",
    "單據",
    "傳票",
    "盤點",
)
# The standard-library engine runs these alternations several times faster.
# What an inspection does: without one of these, an agency visit is just a visit.
VERBS: tuple[str, ...] = (
    "稽查",
    "稽察",
    "查察",
    "臨檢",
    "抽查",
    "突檢",
    "突擊",
    "取締",
    "採樣",
    "抽驗",
    "抽檢",
    "督考",
    "查核",
    "稽核",
    "查帳",
    "勞檢",
    "安檢",
    "檢查",
    "查",
)
_VERBS = "|".join(VERBS)
# Agencies that inspect: they name who comes, not that an inspection is planned.
AGENCIES: frozenset[str] = frozenset({"勞動局", "環保局", "衛生局", "消防局", "勞工局", "國稅局"})
# A leaking pattern (only whether one matches is used), in four parts so that
# each runs only when it can match:
# a plan's list or time told (名單是, 時間如下), English, the target told first;
_PLAIN = starts_with(
    "名對目時地店計規點路排順稽查臨勞抽突取iarus先偷",
    r"(?:名單|對象|目標|時間|地點|店家|計畫|計劃|規劃|點位|路段|排程|順序)\s?(?:已定|已經定了|出來了|確定)?\s?(?:是|有|為|:|如下|=|→|->)"
    r"|(?:稽查|稽察|查察|臨檢|勞檢|抽查|突檢|取締|查核)(?:的)?(?:名單|對象|時間|日期|順序)(?:已經?)?"
    r"(?:出來了|確定了|排好了|定了)"
    r"|(?:inspection|audit|raid)\s(?:list|plan|targets?)"
    r"|(?:unannounced|surprise|snap)\s(?:inspection|audit|raid|visit|check)"
    r"|(?:inspection|audit|raid)\s(?:of|at|on)\s.{1,30}(?:set|scheduled|planned|tomorrow|tonight|friday|monday|tuesday|wednesday|thursday|saturday|sunday"
    r"|(?<![a-z])(?:mon|tue|wed|thu|fri|sat|sun)(?![a-z])|[0-9]\s?(?:am|pm)(?![a-z]))"
    r"|(?:先|偷偷)(?:通知|告訴|跟)(?:老闆|店家|業者|他們|對方)",
)
# a day and going there (明天會去稽查, 明天八點會到三工場抽查), which needs 去, 來, 場, 到, 至
# or 在 (到局查帳, 至本所: the visit is to our own office, announced to us, not a target's;
# 週一至週三: a span of days, not a place);
# A past round named before the match (上次稽查被開罰的業者今天來繳罰款): its day is
# the business's errand, not a visit to come.
_PAST = re.compile(r"上次|上回|上週|之前|昨天|前天|去年|上個月|上禮拜")
_GOING = Gated(
    "去來場到至在",
    starts_with(
        "明今後清凌下週禮星0-9tmwfs稽查臨抽突取採核帳勞安檢督",
        rf"{matter.WHEN}.{{0,16}}(?:會去|要去|會來|要來|(?:會|要|將)?(?:到|至)(?![局本我所處院校部署府科0-9週]|星期|禮拜|明天|後天|下週|月底|[一二三四五六七八九十]{{1,2}}[點號日月])|會在|去|來).{{0,12}}(?:{_VERBS})"
        rf"|(?:{_VERBS}).{{0,12}}{matter.WHEN}.{{0,12}}(?:會去|要去|會來|要來|進場|到場|去|來)",
    ),
)
# a day and an inspection coming (明天會有稽查, not asked: …嗎?), which needs 有 or 要;
_COMING = Gated(
    "有要",
    starts_with(
        "明今後清凌下週禮星0-9tmwfs",
        rf"{matter.WHEN}.{{0,16}}(?:會有|要)\s?(?:{_VERBS})(?![^,。\n]{{0,3}}[嗎?])",
    ),
)
# the inspection verb straight after the day, then who: 明天突檢大發工廠 (needs a day).
_DAY_VERBS = re.compile("突檢|突擊檢查|臨檢|稽查|抽查|抽驗|查察|勞檢|採樣|查核|稽核|取締|掃蕩")
_DAY = Gated(
    "明今後清凌下週禮星/點ty月晚",
    starts_with(
        "明今後清凌下週禮星0-9tmwfs這本月晚",
        rf"(?:{matter.WHEN}|這週末|週末|這週|本週|月底|晚上)(?:上午|下午|晚上|早上|半夜)?.{{0,6}}?"
        r"(?:要|會|將|準備)?(?:突檢|突擊檢查|臨檢|稽查|抽查|抽驗|查察|勞檢|採樣|查核|稽核|取締|掃蕩)"
        r"(?!請|的|時|前|後|結果|完|取消|改期|延期|改成|改為|延到|順延|暫停|停辦"
        r"|工作|人員|同仁|行動|任務|勤務|會議|集合|出發|分組"
        r"|業務|檢討|說明|講習|訓練|會報|報告|實務|作業|流程|經驗|成果|統計|行程|時間改|改到|改期)"
        r"\s?[\u4e00-\u9fffa-z0-9]{2}",
    ),
)


# A meeting's own header (時間：1/14 16:00　地點：B1-907　主席：主任　紀錄：王秘): its time
# and place are the meeting's, not an inspection's.
_MEETING_HEADER = re.compile(
    r"(?:主席|紀錄|記錄|出席|列席|與會)\s?[:：]|會議紀錄|會報紀錄|會議記錄|開會通知|會議議程"
)
_MEETING_LABELS = ("時間", "地點")


def _plain(text: str) -> bool:
    """A plan's list or time told (_PLAIN), not the time or place on a meeting's own
    header line (one that names its chair or its minute-taker)."""
    for m in _PLAIN.finditer(text):
        if m.group().startswith(_MEETING_LABELS):
            lo = text.rfind("\n", 0, m.start()) + 1
            hi = text.find("\n", m.end())
            line = text[lo : hi if hi >= 0 else len(text)]
            if _MEETING_HEADER.search(line) is not None:
                continue
        return True
    return False


def _past_hit(text: str, start: int) -> bool:
    """A past word (上次, 昨天…) right before the inspection word at `start`."""
    return _PAST.search(text, max(0, start - 4), start) is not None


def _going(text: str) -> bool:
    """A day and going there (_GOING), not after a past round named right before it."""
    if _GOING.gate.search(text) is None:
        return False
    for m in _GOING.pattern.finditer(text):
        if _PAST.search(text, max(0, m.start() - 4), m.start() + 1) is None:
            return True
    return False


def strong_match(text: str) -> bool:
    """A leaking pattern matches (the four parts above, in any order)."""
    return (
        _plain(text)
        or _going(text)
        or _COMING.found(text)
        or (_DAY_VERBS.search(text) is not None and _DAY.found(text))
    )


# The target warned: 我先提醒他, 你叫他注意, 叫老闆收一收.
TIPOFF = re.compile(
    r"(?:叫|提醒|通知|告訴|跟)(?:一下)?(?:他們|她們|(?:他|她|老闆|店家|業者|對方|負責人)(?!們)"
    r"|(?:你|妳)(?:的)?(?:爸|媽|哥|姊|姐|弟|妹|表哥|表姊|表弟|表妹|堂哥|堂弟|家人|親戚|朋友|老闆))"
    r"(?!主管|同仁|承辦|單位|陪同|配合|出席|集合|派出所)(?:一下|一聲|注意|小心|收|準備|先|說|講)?"
)
WINDOW = 50
_VERB_RE = re.compile("|".join(v for v in VERBS if v not in ("檢查", "查")))

RULE = matter.Rule(
    type="inspection_plan",
    triggers=frozenset(TRIGGERS),
    context=frozenset(CONTEXT),
    window=WINDOW,
    base=0.2,
    weights=(("context", 1), ("time", 1), ("target", 1)),
    vetoes=frozenset({"over", "campaign", "crew"}),
)
_TRIGGERS = RULE.triggers
_TIPOFF_WORDS = frozenset(discourse.TIPOFF_WORDS)
TIPOFF_RULE = matter.Rule(type="inspection_plan", triggers=_TIPOFF_WORDS)
_CHECK_UP = re.compile("(?:健康|身體|定期|車輛|自我|健康|眼睛|牙齒)檢查")
# "去查" alone is any errand (去查公文); it is an inspection only with a business and a day.
_GO_CHECK = frozenset({"去查", "來查", "過去查", "過來查"})
_WEAK_VERBS = _GO_CHECK | {"檢查"}
# ... 禮拜三去查 / 會來查你們: the visit is the point, not a lookup (去查資料).
_GO_END = re.compile(r"$|[^\u4e00-\u9fff]|你們|他們|妳們")
_TARGETS = frozenset(TARGETS)
_AFTER = frozenset(AFTER)
_WEAK = AGENCIES | _WEAK_VERBS
_CAMPAIGN = frozenset(CAMPAIGN)


def find(doc: Doc) -> list[Finding]:
    # 去查那家公司的登記資料 is an errand; 禮拜三去查 / 會來查你們 is a visit.
    # 健康檢查, 身體檢查, 車輛檢查: a check-up, not an inspection of a business.
    # 稽查科會議室, 稽查大隊的採樣車: the word names the agency's own unit, not a plan.
    hits = [
        h
        for h in doc.all(_TRIGGERS)
        if not _CHECK_UP.match(doc.text, max(0, h[0] - 2)) and not discourse.unit_name(doc, h[1])
    ]
    if not hits or not doc.has(_TRIGGERS):
        return _tipoff(doc)
    if discourse.internal_audit(doc) is not None:
        return []  # our own audit unit announcing its visit to us
    if doc.has(_GO_CHECK):
        hits = [h for h in hits if h[2] not in _GO_CHECK or _GO_END.match(doc.text, h[1])]
    if not hits:
        return []
    hit = hits[0]
    text = doc.text
    strong = strong_match(text)
    ctx = doc.near(RULE.context, hit[0], hit[1], WINDOW, WINDOW)
    after = doc.first(_AFTER) if doc.has(_AFTER) else None
    timed = matter.has_time(doc)
    verb: bool | None = None  # an inspection verb in the message: looked up once, if needed
    if not strong and after is None and timed and TIPOFF.search(text) is not None:
        verb = _VERB_RE.search(text) is not None
        if verb and matter.rule_talk(doc) is None:
            strong = True  # a coming inspection, and its target is told
    if (
        ctx is None
        and all(h[2] in _WEAK for h in hits)
        # 禮拜三去查那間診所: a business, a day and a visit to check
        and not (
            strong
            and hit[2] in _GO_CHECK
            and doc.has(_TARGETS)
            and _GO_END.match(text, hit[1]) is not None
        )
    ):
        # 衛生局明天會來打疫苗, 去醫院檢查: a visit, not an inspection plan (unless it is
        # told ahead to the party: 不預警檢查5/1會到聯發環保，逃生門那邊先清一清)
        if not strong:
            return _tipoff(doc)
        if verb is None:
            verb = _VERB_RE.search(text) is not None
        if not verb:
            return _tipoff(doc)
    target = doc.first(_TARGETS) if doc.has(_TARGETS) else None
    cues = (ctx is not None) + timed + (target is not None)
    damp = matter.rule_talk(doc) or (after[2] if after else None) or matter.published(doc)
    if damp in ("請勿", "勿") and (strong or cues >= 2):
        damp = None  # "請勿外流" on a plan is a marking, not a reminder
    score = matter.weigh(
        doc,
        RULE,
        strong=bool(strong),
        cues={"context": ctx, "time": timed, "target": target[2] if target else None},
        dampen=damp,
        vetoes={
            # (上次稽查被開罰的業者今天來繳罰款: every inspection named is a past one)
            "over": ctx is None
            and (after is not None or (not strong and all(_past_hit(text, h[0]) for h in hits))),
            "campaign": ctx is None and doc.has(_CAMPAIGN),
            # (明天稽查9點集合，第一組跑北區: where the team meets, no business named)
            "crew": target is None and discourse.crew(doc) is not None,
        },
    )
    rule = "inspection_plan.before_inspection" if strong else "inspection_plan.context"
    if score.value < doc.policy.warn_threshold:
        told = _tipoff(doc)  # 勞檢1月8日去大同環保，不要跟別人說: no plan word, but told ahead
        if told:
            return told
    return matter.matter_finding(doc, "inspection_plan", hit, score, rule, ctx or damp)


def _tipoff(doc: Doc) -> list[Finding]:
    """A heads-up to the party with no trigger word (discourse.tipoff): a visit, a
    home call or a surveillance told ahead."""
    if not doc.has(_TIPOFF_WORDS):
        return []
    kind = discourse.tipoff(doc)
    if kind is None:
        return []
    hit = doc.first(_TIPOFF_WORDS)
    if hit is None:  # the word is in doc.words but its hit was set aside: nothing to anchor
        return []
    score = matter.weigh(doc, TIPOFF_RULE, strong=True)
    score.steps.insert(0, f"tip-off told to the party, no trigger word: read as {kind}")
    return matter.matter_finding(doc, kind, hit, score, f"{kind}.tipoff", hit[2])


DETECTOR = matter.detector(RULE, find, TARGETS + AFTER + CAMPAIGN + discourse.TIPOFF_WORDS)
# The tip-off words wake the detector too (without them no trigger word is needed).
DETECTOR = replace(DETECTOR, triggers=DETECTOR.triggers | frozenset(discourse.TIPOFF_WORDS))
