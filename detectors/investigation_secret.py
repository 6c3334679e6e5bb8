"""`investigation_secret`: a case under investigation told to outsiders: who is
being looked at, wire-taps, surveillance, when the raid or the summons will be."""

from __future__ import annotations

import re

from detectors import discourse, matter
from detectors.base import Finding
from detectors.doc import Doc
from detectors.matter import starts_with

# An inquiry at work told to whom it concerns (上面正在蒐資料，你們…別再亂報了; X常被叫去
# 問話): these words wake the detector only for INQUIRY or QUESTIONED (林小姐還在蒐資料 is work).
INQUIRY_WORDS: tuple[str, ...] = ("蒐資料", "蒐集資料", "調帳", "問話", "被調", "帳冊")
TRIGGERS: tuple[str, ...] = (
    "偵查中",
    "偵辦中",
    "偵辦",
    "偵查",
    "監聽",
    "通訊監察",
    "約談",
    "查緝",
    "跟監",
    "埋伏",
    "收網",
    "攻堅",
    "專案小組",
    "調查中",
    "被調查",
    "在查",
    "搜索行動",
    "臥底",
    "蒐證",
    "被盯上",
    "約談名單",
    "案情",
    "風聲",
    "扣案",
    "起訴",
    "檢察官",
    "證據",
    "查到他",
    "查到她",
    "對話紀錄",
    "金流",
    "搜索",
    "同步搜索",
    "鎖定",
    "廉政署",
    "調查局",
    "帳本",
    "查到",
    "車手",
    "被告",
    "傳喚",
    "到案",
    "偵訊",
    "筆錄",
    "列為",
    "監控",
    "要搜",
    "去搜",
    "嫌疑人",
    "犯罪嫌疑人",
    "被扣",
    "扣押",
    "掌握",
    "訊問",
    "供稱",
    "坦承",
    "自白",
    "口供",
    "搜他",
    "搜她",
    "專案組",
    "盯你",
    "盯他",
    "盯她",
    "在追",
    "通聯",
    "搜查",
    "盯上",
    "investigation",
    "涉嫌",
    "涉案",
    "詐團",
    "詐騙集團",
    "人頭戶",
    "追查",
    "under investigation",
    "tapped",
    "wiretap",
    "surveillance",
    "調閱",
    # an authority pulling a person's records (地檢署要調取X的戶籍資料, 法院函查X名下…)
    "調取",
    "函查",
    # an oversight unit at work on someone (政風室正在調查X, 政風已經在調資料)
    "在調查",
    "在調資料",
    *INQUIRY_WORDS,
    # where the case stands (那條線已經追到上游了, 檢察官傾向起訴)
    "追到",
    "人頭帳戶",
)
CONTEXT: tuple[str, ...] = (
    "通知他",
    "通知她",
    "小心",
    "風聲",
    "先刪",
    "刪掉",
    "低調",
    "避一下",
    "別說",
    "名單",
    "對象",
    "跟他說",
    "跟她說",
    "告訴他",
    "告訴她",
)
# Principles, not content: 偵查不公開 is quoted in reminders.
DAMPEN: tuple[str, ...] = (
    "偵查不公開",
    "依法",
    "偵查終結",
    "起訴書",
    "新聞稿",
    "偵查庭",
    "開庭",
    "判決",
)
# The standard-library engine runs this alternation several times faster.
# Only whether it matches is used.
STRONG = starts_with(
    "0-9fmstw下今他你供偵先凌列即去取口問在地坦她專對已廉後快扣承招拿掌搜收攻政明星是會查檢清準監盯禮筆約蒐被要訊詢調警跟通週還鎖風正持督",
    r"(?:監聽|通訊監察|跟監|蒐證|調查|偵辦|偵查|盯|在查|監控)\s?(?:他|她|你|你們|對方|他們)"
    r"|(?:要|去|會)搜(?!尋)|(?:已經)?(?:是|被列為)(?:犯罪)?嫌疑人|被扣|扣押(?!筆錄|清冊|程序|規定|的規定|要件|的要件)"
    r"|(?:他|她|你|對方|他們)(?:的電話)?(?:被|正在被|已經被)(?:監聽|調查|偵辦|盯上|約談|跟監)"
    r"|(?:收網|攻堅|搜索|約談)(?:的)?(?:時間|日期|名單|行動|對象)"
    rf"|{matter.WHEN}.{{0,12}}(?:收網|攻堅|搜索(?!票)|約談|拘提|進去)"
    r"|列為(?:被告|嫌疑人|關係人|犯嫌)|(?:明天|下週|下禮拜|週[一二三四五六日]|[0-9]{1,2}/[0-9]{1,2}).{0,6}(?:傳喚|到案|偵訊)"
    r"|(?:已經)?查到.{0,10}(?:是|就是)|(?:準備|即將|快要?被?)起訴"
    # What someone said in an interrogation record: 筆錄裡他承認有收錢, 偵訊時供稱...
    r"|(?:筆錄|偵訊|訊問|詢問|問訊|口供|供詞)(?:中|裡|上|時|內容|當中)?.{0,12}?"
    r"(?:承認|坦承|坦言|供稱|供出|招認|招供|指認|交代|翻供|自白|說(?:有|他|她|是|錢|沒有))"
    r"|(?:承認|坦承|供稱|供出|招認).{0,15}(?:筆錄|偵訊|訊問)"
    # Named by the agency rather than 他被: 助理被調查局盯上了, 被檢調約談.
    r"|被(?:調查局|廉政署|檢調|地檢署|檢察官|警方|警察|政風|調查官)\s?(?:盯上|盯|監聽|跟監|鎖定|約談|搜索|調查|查)"
    r"|被盯上"
    # The agency at work on someone, or the evidence it holds on them.
    r"|(?:調查局|廉政署|檢調|地檢署|檢察官|警方|政風|專案組|專案小組)[^，。,\n]{0,8}"
    r"(?:找|約|叫|傳|約談|盯)(?:他|她|你|你們|他們|老闆)"
    r"|(?:調查局|廉政署|檢調|地檢署|檢察官|警方|政風|督察)[^，。,\n]{0,4}(?:在追|在查|追查|在辦|在調查|在盯|在調資料)"
    r"(?!的?案件|的案|的數量|的件數|統計)"
    r"|(?:拿到|掌握|取得|調到|調了)(?:了)?(?:他|她|對方|你們?)[^，。,\n]{0,8}(?:對話紀錄|通聯|帳戶|金流|錄音|匯款)"
    r"|(?:他|她|你|對方|他們)[^，。,\n]{1,4}(?:被|正在被|已經被)(?:監聽|跟監|盯上|鎖定)"
    r"|(?:還在|正在|持續)蒐證|蒐證中|風聲|鎖定|已掌握|掌握.{0,8}(?:行蹤|證據|金流|帳戶|對話|位置)|還在查|扣到|扣案|下一步|先不要讓他知道|先別讓他知道",
)
# Searched when STRONG fails and the message is not about the rules: who is suspected
# of what (X涉嫌收賄), whose money is traced, whose records were pulled, wire-taps.
MORE = starts_with(
    "bclpuw上不人即已帳快是水涉準要別調贓金主嫌犯共追傾",
    # who the suspect is, told by role (主嫌是陳大同, 共犯其實是他姪子)
    r"(?:主嫌|嫌犯|嫌疑人|犯嫌|共犯|主謀)(?:其實|就)?(?:是|叫做?)(?!誰|否|不是|一名|一位|男|女|[0-9])"
    r"|涉嫌(?:收賄|貪污|貪瀆|圖利|詐欺|洗錢|走私|販毒|背信|侵占|偽造|違反|收回扣|索賄|行賄|賄選|綁標|圍標)"
    r"|(?:金流|贓款|人頭戶?|上游|水房|帳戶)[^。\n]{0,12}(?:還在追|在追查|追查中|還在查|還在調)"
    r"|是(?:那個|這個|他們)?(?:詐團|詐騙集團|販毒集團|車手|水房)(?:的)?(?:車手|水房|成員|金主)?的"
    r"|(?:under investigation|being investigated|under surveillance|wire-?tap)"
    r"|(?:phone|line|calls?)\s(?:is|are|was|were|has been|have been)\s(?:tapped|bugged|monitored)"
    r"|(?:不要|別|不能)讓(?:他|她|他們|家屬|對方|本人|老闆|嫌犯)知道"
    r"|(?:準備|即將|快要?|要)(?:聲押|羈押|收押|搜索|收網|約談)"
    # where the case stands: traced up the chain, the prosecutor leaning (追到上游, 傾向起訴)
    r"|(?:已經)?追到(?:上游|源頭|金主|水房|上線)|傾向(?:起訴|不起訴|緩起訴|聲押|羈押)(?!的|率|比例)"
    r"|(?:已經?調閱|調閱了|已經?調出|調出了|調了)(?:他|她|對方|嫌犯)[^，。,\n]{0,8}(?:帳戶|通聯|對話|監視器|紀錄|資料)",
)
# An inquiry at work and the reader told to stop what it is about (上面正在蒐資料，你們核銷
# 單據小心一點，別再亂報了): the inquiry is about them.
# Or the books already pulled (帳已經被調了, 帳冊我們已經拿到影本了) and the party told to
# mind what they say or stop altering them (叫老闆講話小心, 叫你們老闆別再改).
INQUIRY = re.compile(
    r"(?:(?:正在|還在|在)(?:蒐資料|蒐集資料|調帳|查帳|調資料)"
    r"|帳(?:冊|本|目)?(?:已經)?被(?:調|查|拿走)|(?:帳冊|帳本)[^，。,\n]{0,8}(?:拿到|調到|調了))"
    r"[^。\n]{0,30}?(?:(?:別再|不要再)[^，。,\n]{0,3}(?:報|領|拿|收|開|核|簽|虛|改)"
    r"|(?:叫|跟|告訴)(?:他|她|老闆|你們老闆|負責人|對方)[^，。,\n]{0,4}(?:小心|注意))"
)
# Someone taken in for questioning (X這陣子常被叫去外面問話), about a person named in full
# or tied to a matter (跟上次那筆工程款有關).
QUESTIONED = re.compile(r"被(?:叫|約|找|請|傳|帶)(?:去|到|進)[^，。,\n]{0,6}問話")
_LINKED = re.compile(r"(?:跟|和|與)[^，。,\n]{1,12}有關")
WINDOW = 40

# Words that name the work, not a secret: on their own (no leaking pattern, nobody
# named) they never make a message a leak ("檢察官今天下午會來開會").
WEAK: frozenset[str] = frozenset(
    {
        "偵查",
        "偵辦",
        "起訴",
        "檢察官",
        "證據",
        "案情",
        "金流",
        "查到",
        "掌握",
        "調查局",
        "廉政署",
        "帳本",
        "車手",
        "訊問",
        "供稱",
        "坦承",
        "自白",
        "口供",
    }
)
# Pulling records (調閱): asked of the office by an authority, the office's own work.
RECORDS_WORDS: frozenset[str] = frozenset(
    {"調閱", "調卷", "調取", "函查", "檢察官", "調查局", "廉政署"}
)
# A lookup result or a suspect's role is personal data, not an investigation secret.
LOOKUP_WORDS: frozenset[str] = frozenset({"查到", "嫌疑人", "犯罪嫌疑人", "掌握", "車手"})
RULE = matter.Rule(
    type="investigation_secret",
    triggers=frozenset(TRIGGERS),
    context=frozenset(CONTEXT),
    window=WINDOW,
    weights=(("person", 1), ("time", 1), ("context", 1)),
    vetoes=frozenset({"weak", "role_only", "lookup", "records"}),
)
_TRIGGERS = RULE.triggers
_DAMPEN = frozenset(DAMPEN)
_INQUIRY_WORDS = frozenset(INQUIRY_WORDS)
# Words that wake the detector for one reading only (INQUIRY, QUESTIONED, MORE's 追到上游).
_READING_ONLY = _INQUIRY_WORDS | {"追到"}


_DENIED = re.compile(r"(?:不是|並非|並不是|而非|不算)$")


def find(doc: Doc) -> list[Finding]:
    # 搜索 inside 搜索票 is the warrant detector's business.
    # 不是被告, 並非嫌疑人: a role denied, nobody is one.
    hits = [
        h
        for h in doc.all(_TRIGGERS)
        if not doc.text.startswith("票", h[1])
        and _DENIED.search(doc.text, max(0, h[0] - 3), h[0]) is None
    ]
    if not hits:
        return []
    hit = hits[0]
    strong = STRONG.search(doc.text) is not None
    talk = matter.rule_talk(doc)
    if not strong and talk is None:
        strong = MORE.search(doc.text) is not None
    if not strong and doc.has(_INQUIRY_WORDS):
        strong = INQUIRY.search(doc.text) is not None or (
            QUESTIONED.search(doc.text) is not None
            and (_LINKED.search(doc.text) is not None or matter.real_name(doc))
        )
    if not strong and all(h[2] in _READING_ONLY for h in hits):
        return []  # 林小姐還在蒐資料, 包裹追到了: work, nobody's inquiry
    person = matter.person_mentioned(doc)
    near_ctx = doc.near(RULE.context, hit[0], hit[1], WINDOW, WINDOW)
    ctx = near_ctx or matter.operational(doc)
    timed = matter.has_time(doc)
    damp = matter.first_word(doc, _DAMPEN) or talk
    loose = not strong and near_ctx is None
    only_weak = loose and all(h[2] in WEAK for h in hits)
    score = matter.weigh(
        doc,
        RULE,
        strong=strong,
        cues={"person": person, "time": timed, "context": ctx},
        dampen=damp,
        vetoes={
            # only a time or a plan next to a weak word
            "weak": only_weak and person is None,
            # 民眾問進度，請他找承辦檢察官: a role word, nothing secret
            "role_only": only_weak and not timed and not matter.person_named(doc),
            # 查到 / 嫌疑人: a lookup or a role, reported by other types
            # 監察院下週三調閱本局公文，請文書科配合: our records handed over
            "records": loose
            and person is None
            and all(h[2] in RECORDS_WORDS for h in hits)
            and discourse.records_asked(doc) is not None,
            "lookup": loose
            and all(h[2] in LOOKUP_WORDS for h in hits)
            and any(f.type != "person_name" and f.score >= 0.5 for f in doc.findings),
        },
    )
    rule = "investigation_secret.disclosure" if strong else "investigation_secret.context"
    return matter.matter_finding(
        doc, "investigation_secret", hit, score, rule, ctx or person or damp
    )


DETECTOR = matter.detector(RULE, find, DAMPEN)
