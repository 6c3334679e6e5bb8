"""`health_info`: a person's health data (diagnosis, medical records, infection,
mental health, disability), or unannounced case details (確診個案足跡).

Tied to a person (a name, an ID, a role like 個案 / 病患) it is a leak; case
counts and the command centre's public releases are not.
"""

from __future__ import annotations

from detectors import matter, respell
from detectors.base import Finding
from detectors.doc import Doc
from detectors.lexicon import PERSON_ROLES, STAFF_TITLES
from detectors.matter import starts_with

TRIGGERS: tuple[str, ...] = (
    "確診",
    "確診者",
    "病歷",
    "就診",
    "就醫紀錄",
    "住院",
    "病史",
    "精神病",
    "精神疾病",
    "憂鬱症",
    "躁鬱",
    "思覺失調",
    "愛滋",
    "hiv",
    "癌症",
    "罹癌",
    "懷孕",
    "墮胎",
    "流產",
    "身心障礙",
    "身障",
    "洗腎",
    "診斷書",
    "診斷",
    "重大傷病",
    "傳染病",
    "肺結核",
    "梅毒",
    "性病",
    "自殺",
    "自殘",
    "身心科",
    "精神科",
    "毒癮",
    "失智",
    "陽性",
    "居家隔離",
    "疫調",
    "足跡",
    "病情",
    "癌",
    "化療",
    "末期",
    "送醫",
    "褥瘡",
    "美沙冬",
    "戒毒",
    "感染者",
    "驗出",
    "中風",
    "手術",
    "肢障",
    "身障證明",
    "強制住院",
    "死亡",
    "死因",
    "倒臥",
    "療程",
    "憂鬱",
    "麻疹",
    "匡列",
    "接觸者",
    "回診",
    "門診",
    "患有",
    "罹患",
    "症",
    "吃藥",
    "服藥",
    "就醫",
    "心理醫生",
    "心理師",
    "諮商",
    "腫瘤",
    "安眠藥",
    "抗憂鬱",
    "失調",
    "障礙",
    "自閉",
    "過動",
    "medical record",
    "tested positive",
    "cancer",
    "depression",
    "pregnant",
    "diagnosed",
    "癲癇",
    "氣喘",
    "糖尿病",
    "心臟病",
    "血友病",
    "妥瑞",
    "亞斯",
    "adhd",
    "自閉症",
    "唐氏",
    "腦麻",
    "智能障礙",
    "愛滋病",
    "躁症",
    "恐慌症",
    "厭食",
    "暴食",
    "診斷證明",
    "病假",
    "驗尿",
    "確診的",
    "感染",
    "autism",
    "epilepsy",
    "健檢",
    "體檢報告",
    "帶原",
    "會傳染",
    "漸凍",
    "妥瑞氏症",
    "發作",
    "血糖",
    "檢驗值",
    "切片",
    "惡性",
    "發展遲緩",
    "早療",
    "酒精中毒",
    "急診",
    "割腕",
    "安寧",
    "dnr",
    "結核",
    "抗藥性",
    "傷口",
    "躁鬱症",
    "戒酒",
    "酒癮",
    "住過院",
    "b肝",
    "c肝",
    "肝炎",
    # a patient's state in care (燒燙傷52%，在加護病房; HbA1c 11, diabetes control 很差)
    "加護病房",
    "燒燙傷",
    "昏迷",
    "插管",
    "病危",
    "diabetes",
    "hba1c",
)
CONTEXT: tuple[str, ...] = (
    "足跡",
    "清消",
    "住址",
    "住在",
    "家住",
    "病歷",
    "給你",
    "傳給",
    "拍給",
    "他",
    "她",
    "這個人",
    "那個人",
)
PUBLIC: tuple[str, ...] = (
    "指揮中心",
    "疾管署",
    "新增",
    "人數",
    "統計",
    "累計",
    "全國",
    "本土",
    "新聞稿",
    "記者會",
    "衛教",
    "宣導",
    "疫苗",
    "健康檢查",
    "體檢",
    "人口",
    "盛行率",
    "人次",
    "比例",
)
_ROLE_ALT = "|".join(sorted(PERSON_ROLES, key=len, reverse=True))
# A colleague by title is someone too when their own illness is told (陳專員得了乳癌).
_TITLE_ALT = "|".join(sorted(STAFF_TITLES, key=len, reverse=True))
_TITLE_FIRSTS = "".join(sorted({t[0] for t in STAFF_TITLES}))
# Written for `regex`, run by `re` (respell.as_re: same matches, several times faster).
STRONG = starts_with(
    f"acehprstw就確診病檢他她這那有請的感住驗陽{matter.ROLE_FIRSTS}{_TITLE_FIRSTS}",
    respell.as_re(
        r"(?<![a-z])(?:he|she|they|patient|applicant|student|employee|colleague|client|resident|worker)"
        r"\s(?:is|was|has|had|tested)\s.{0,20}"
        r"(?:positive|cancer|hiv|pregnant|depress|diagnos|dementia|schizo|epilep|autis|adhd|diabet|bipolar)|"
        r"有(?:自殺|自殘)(?:紀錄|記錄|傾向|史|的紀錄)|"
        r"確診(?:個案|者|案例|的)?.{0,20}(?:足跡|行程|住址|住在|地址|清消|去過|住哪)"
        r"|(?:病歷|診斷書|就醫紀錄|病史|檢驗報告)(?:給|傳|拍|影本|截圖)"
        rf"|(?:他|她|{_ROLE_ALT})"
        r"(?:的)?.{0,3}(?:流產|墮胎|懷孕|確診|住院|開刀|洗腎|自殺|自殘|中風|失智|罹癌)"
        rf"|(?:他|她|這個人|那個人|{_ROLE_ALT})(?:的)?(?:兒子|女兒|小孩|孩子|老婆|老公|太太|先生|爸爸|媽媽|爸|媽|家人|弟弟|妹妹|哥哥|姊姊|姐姐)?\s?"
        r"(?:最近|之前|以前|一直|長期|目前|現在)?"
        r"(?:有|得了|罹患|患有|確診|是|在|有在吃|在吃|被診斷出)\s?(?:重度|中度|輕度|嚴重的?|末期的?)?(?:抗憂鬱|安眠|精神|憂鬱|躁鬱|思覺|愛滋|hiv|癌|梅毒|性病|肺結核|失智|身障|洗腎|懷孕|吸毒|戒毒|自閉|過動|失調"
        r"|癲癇|氣喘|糖尿病|心臟病|血友病|妥瑞|亞斯|adhd|唐氏|腦麻|智能障礙|恐慌|厭食|暴食|[bc]\s?肝|肝炎)"
        # Sick leave with its reason (請病假是因為化療), a certificate's content (診斷證明:…).
        r"|請?病假.{0,6}(?:因為|原因|是為了).{0,8}(?:癌|化療|手術|開刀|住院|憂鬱|精神|懷孕|流產|洗腎|中風)"
        r"|的(?:診斷證明|診斷書|病歷|檢驗報告)(?:書)?\s?[:：]"
        # Who the case is: 確診的是3樓那個X先生, 住院的是他太太.
        r"|(?:確診|感染|住院|驗出陽性|陽性)(?:的|者)(?:人)?(?:是|為|:)"
        # Someone's treatment told by where or whom they see (他最近在看精神科, 固定找心理師).
        rf"|(?:他|她|這個人|那個人|{_ROLE_ALT})[^，。,\n]{{0,6}}(?:看|掛|回診|去|定期|固定|找)"
        r"(?:精神科|身心科|心理醫生|心理師|諮商|腫瘤科|感染科|婦產科|精神醫學)"
        # A named condition (有躁鬱症, 得了大腸癌, 被診斷出腫瘤), whatever the disease.
        rf"|(?:他|她|這個人|那個人|{_ROLE_ALT}|{_TITLE_ALT})[^，。,\n]{{0,4}}(?:得了|罹患|患有|被診斷出|診斷出)"
        r"[\p{Han}]{1,5}(?:症|病|癌|瘤|障礙)(?!毒)"
    ),
)
WINDOW = 40

RULE = matter.Rule(
    type="health_info",
    triggers=frozenset(TRIGGERS),
    context=frozenset(CONTEXT),
    window=WINDOW,
    base=0.2,
    weights=(("named", 2), ("role", 1), ("context", 1)),
    vetoes=frozenset({"self"}),
)
_TRIGGERS = RULE.triggers
_PUBLIC = frozenset(PUBLIC)


def find(doc: Doc) -> list[Finding]:
    hit = doc.first(_TRIGGERS)
    if hit is None:
        return []
    strong = STRONG.search(doc.text)
    named = matter.person_named(doc)
    if strong is None:
        strong = matter.own_matter(doc, _TRIGGERS)  # a named person's own record
    person = "person" if named else matter.role_word(doc)  # = matter.person_mentioned
    ctx = doc.near(RULE.context, hit[0], hit[1], WINDOW, WINDOW)
    damp = matter.rule_talk(doc) or matter.first_word(doc, _PUBLIC)
    score = matter.weigh(
        doc,
        RULE,
        strong=strong is not None,
        cues={"named": named, "role": not named and person, "context": ctx},
        dampen=damp,
        vetoes={"self": strong is not None and matter.self_disclosure(doc, strong.start())},
    )
    rule = "health_info.disclosure" if strong else "health_info.person"
    return matter.matter_finding(doc, "health_info", hit, score, rule, ctx or person or damp)


DETECTOR = matter.detector(RULE, find, PUBLIC)
