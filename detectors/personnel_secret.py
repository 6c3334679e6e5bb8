"""`personnel_secret`: personnel results and deliberations before they are
published: admission/promotion lists (錄取名單, 陞遷), performance-appraisal
committee minutes and grades (考績會紀錄, 甲乙丙等), disciplinary decisions.

"錄取名單已公告在網站" and "考績會明天下午開" are not leaks.
"""

from __future__ import annotations

import re

import regex

from detectors import matter, respell
from detectors.base import Finding
from detectors.doc import Doc
from detectors.lexicon import SURNAMES_1
from detectors.matter import starts_with

# A named person's discipline, dismissal, transfer or appraisal told before it is
# signed or announced, with no personnel word: 人事室說X要被停職，先不要講.
BARE_WORDS: tuple[str, ...] = (
    "停職",
    "免職",
    "不續聘",
    "申誡",
    "移送",
    "調走",
    "換人",
    "評比",
    "不會待",
    "會被處理",
    "位子",
    "升組長",
    # a post given to a named person (組長缺已經給X; voice typing: 以經)
    "長缺",
    "的缺",
    "名額",
    # a named person's place in a ranking or an appraisal (排第五, 拿不到甲, 陞任沒過)
    "排第",
    "排最後",
    "倒數第",
    "拿不到甲",
    # a grade given without 等 (賴志君拿丙, 被打丁): the appraisal said in passing
    "拿丙",
    "打丙",
    "列丙",
    "拿丁",
    "打丁",
    "列丁",
    "陞任",
    "升任",
)
# Words that wake the detector for PENDING only (a named colleague's decision on its
# way); alone, with a status word, they are a unit's workflow (今年的續聘案還在簽).
PENDING_WORDS: tuple[str, ...] = ("續聘", "解聘", "停聘", "外放", "擬記")
TRIGGERS: tuple[str, ...] = (
    *BARE_WORDS,
    "錄取名單",
    "人事資料",
    "人事檔案",
    "錄取",
    "考績",
    "考績會",
    "考績委員會",
    "甄審",
    "甄選",
    "陞遷",
    "升遷",
    "考評",
    "面試成績",
    "甄試",
    "懲處",
    "記過",
    "記大過",
    "獎懲",
    "考核",
    "評審紀錄",
    "甲等",
    "乙等",
    "丙等",
    "人評會",
    "內定",
    "派令",
    "發令",
    "調職名單",
    "記一大過",
    "大過",
    "小過",
    "記過",
    "排名",
    "第一名",
    "調去",
    "調到",
    "錄取",
    "口試",
    "閱卷",
    "評分紀錄",
    "成績",
    "人事異動",
    "升任",
    "升等",
    "懲處名單",
    "派任",
    "接任",
    "調任",
    "人令",
    "人事調動",
    "promotion",
    "appraisal",
    "shortlist",
    "hiring",
    "面試",
    "分數",
    "考上",
    "評審紀錄",
    "考績委員會",
    "甄審評審",
    "人事命令",
    "人選",
    "下一任",
    "繼任",
    "拔掉",
    "撤換",
    "換掉",
    "調動名單",
    "異動名單",
    "升遷名單",
    "陞遷名單",
    "調動",
    "評分表",
    "成績單",
    "榜首",
    "不予推薦",
    "不予錄取",
    "甄審會",
    "甄選會",
)
CONTEXT: tuple[str, ...] = (
    "還沒公布",
    "尚未公布",
    "還沒公告",
    "尚未公告",
    "還沒發布",
    "還沒發令",
    "還沒寄",
    "正式公告前",
    "not announced",
    "not yet announced",
    "before the announcement",
    "才公告",
    "才發布",
    "才發",
    "下週才",
    "才公布",
    "後天公告",
    "先別講",
    "先別說",
    "先別傳",
    "先不要傳",
    "先不要說",
    "拍起來",
    "給你參考",
    "還沒公告",
    "公布前",
    "先跟你說",
    "先告訴你",
    "偷偷",
    "別說",
    "私下",
    "給你看",
    "拍給你",
    "傳給你",
    "內定",
    "不要說出去",
    "還沒簽",
    "還沒簽核",
    "簽核中",
    "還在簽",
    "還沒核定",
    "尚未核定",
    "未核定",
    "還沒定案",
    "還沒發",
    "還在簽",
    "簽呈還在",
    "還沒布達",
    "才布達",
    "才會發",
    "會發令",
    "才發令",
    "未公告",
    "未公布",
    "還沒公開",
    "未公開",
    "不公開",
    "才上網",
    "才放榜",
    "還沒放榜",
    "先不要講",
    "先不要說",
    "先保密",
)
# Written for `regex`, run by `re` (respell.as_re: same matches, several times faster).
STRONG = starts_with(
    "ahps丁丙乙人內升口哪委將年懲把排接會決派獎甄甲異確筆紀給考被要記評誰調還錄閱陞面",
    respell.as_re(
        r"(?:錄取|陞遷|升遷|升等|升官|懲處|獎懲|甄選|甄審|甄試|調職)(?:名單|結果|人選)\s?(?:是|有|出來|:|就是|已定)"
        r"|考績(?:會|委員會)?(?:的)?(?:會議)?(?:紀錄|記錄)(?:給|傳|拍|先|在這)"
        r"|(?:考績|考核|年終).{0,8}(?:打|給|評|列|拿)?(?:了|為|到)?[甲乙丙丁]等"
        r"|[甲乙丙丁]等(?:的)?(?:名單|是|有|:)"
        r"|(?:要|會|將)被(?:記過|記大過|記小過|懲處|調職|降調|免職|調離)"
        r"|(?<![a-z])(?:promotion|hiring|admission|appraisal|shortlist)\s?(?:list|results?)?\s?(?::|is|are)\s"
        r"|人事(?:調動|異動)\s?[:：]"
        r"|內定|(?:升任|派任|接任|調任|錄取|升官).{0,10}的(?:是|人是)|人令還沒|還沒發(?:令|布|佈)"
        r"|(?:記|給)(?:他|她)?(?:一|兩|1|2)?(?:支)?(?:大|小)過"
        r"|(?:甄選|甄試|口試|考試|面試)?排名"
        r"|(?:要|會|被)?調(?:去|到|往)[\p{Han}]{2}"
        r"|(?:決定|確定|內定)(?:要|會)?(?:錄取|不錄取|升|調|接)"
        r"|人選(?:已經?|都)?(?:定了|確定|出爐|內定|敲定)"
        r"|把[^，。,\s]{1,4}(?:拔掉|撤換|換掉|調走|調離|降調|拔官)"
        r"|(?:人事命令|調動名單|異動名單|升遷名單|陞遷名單|派令)(?:還沒|尚未|未)"
        r"|(?:閱卷|評分|口試)(?:紀錄|記錄|分數|成績)"
        r"|(?:面試|口試|筆試|考試|錄取|甄選|甄試)(?:分數|成績|排名)\s?(?::|是|為|出來|[0-9])"
        r"|評分\s?[:：]|委員都給"
        r"|(?:考績會|人評會|考績委員會)上"
        r"|(?:紀錄|記錄).{0,10}(?:給你|傳給|拍給|寄給)"
        # a person's personnel file photographed or passed on (人事資料卡拍下來了)
        r"|人事(?:資料|檔案|紀錄|記錄)卡?.{0,4}(?:拍下|拍給|拍起來|截圖|傳給|給你|影印)"
        r"|(?:誰|哪些人)(?:會|被|有)?(?:錄取|升|記過|記大過|丙等)"
        r"|(?:人評會|考績會).{0,12}(?:決議|結果|發言|說了)"
    ),
)
BARE = starts_with(
    "要會被將不評換位升名停免申移調長主",
    r"(?:要|會|將)?被(?:停職|免職|調走|移送|申誡|處理|拔掉|換掉)|(?:要|會|將)(?:停職|免職|調走)"
    r"|不續聘|評比(?:是|不會|最後)|換人了|不會待太久|位子[^，。,\n]{0,8}會有人|升[^，。,\n]{0,3}的是"
    r"|名額沒有給|被申誡"
    r"|(?:長|主任|主管)的?(?:缺|位子)(?:已經|以經|已|確定|決定|內定)(?:要|會)?給(?!你們|我們|他們|大家|各|人事|單位)",
)
# Someone in particular: the reader, 那位, or a colleague by nickname (老林, 小陳, 林哥:
# 老/小 + a surname, or a surname + 哥/姐).
_SURNAME = "[" + "".join(sorted(SURNAMES_1)) + "]"
_SOMEONE = re.compile(
    rf"你|那位|這位|(?<![\u4e00-\u9fff])[老小]{_SURNAME}(?![\u4e00-\u9fff]{{2}})"
    rf"|(?<=[是給了，,\s])[老小]{_SURNAME}|{_SURNAME}(?:哥|姐|姊)(?![\u4e00-\u9fff]{{2}})"
)
# A result or a deliberation about named people (評分表：X 82, 第一名是X, X 不予推薦):
# a leak when someone is named and nothing says it is published.
# Written for `regex`, run by `re` (respell.as_re: same matches).
RESULT = starts_with(
    "人備成最正榜甄第積考表評不陞升遷只排拿",
    respell.as_re(
        r"(?:評分|成績|考評|評比|考核|積分)(?:表|單|結果|排序)\s?[:：]"
        r"|(?:第一名|榜首|最高分|備取第?一名?|正取第?一名?)(?:是|為|:)"
        r"|不予(?:推薦|錄取|晉升|升遷|續聘|通過)|(?:考核|考績|表現)欠佳"
        r"|(?:甄審|甄選|人評|考績)(?:委員)?會(?:議)?(?:紀錄|記錄)"
        r"|(?:陞任|升任|陞遷|升遷|甄選|升等)[^，。,\n]{0,3}(?:沒過|沒上|落選|沒通過|被刷)"
        r"|(?:只)?排(?:第[0-9一二三四五六七八九十]+(?!頁|條|點|項|章|列|排|個)|最後一?名?|倒數)|拿不到甲"
    ),
)
# A decision on a person still on its way (the paraphrase family "discipline, dismissal,
# renewal, transfer before approval"): the decision word, then where it stands (記過，公文
# 尚未核定; 申誡的簽還在跑，區長還沒批; 續聘案系教評沒過，但還要到院教評; 外放名單…部裡還在簽),
# or proposed (擬記申誡, 初步決議記過). With a colleague named in full (staff names count).
_DECISION = (
    r"(?:申誡|記過|記大過|記小過|大過|小過|續聘|解聘|停聘|停職|免職|外放|調任|降調|懲處|考績)"
)
PENDING = re.compile(
    rf"{_DECISION}[^。\n]{{0,24}}?(?:尚未核定|未核定|尚待|還沒批|還在跑|還在簽|沒過[，,]?但|還沒核|還沒發|簽請|陳核中|簽核中)"
    rf"|(?:擬記|擬予|擬議|初步決議)[^，。,\n]{{0,3}}{_DECISION}"
)
# Group statistics (甲等比例 75%, 名額 3 人) describe nobody.
AGGREGATE = regex.compile(
    r"(?:比例|比率|百分比|名額|人數|上限|配額|員額)|[0-9]\s?%|[0-9一二三四五六七八九]成[五]?(?!績)"
)
WINDOW = 50

RULE = matter.Rule(
    type="personnel_secret",
    triggers=frozenset(TRIGGERS),
    context=frozenset(CONTEXT),
    window=WINDOW,
    weights=(("leak", 2), ("named", 1)),
    vetoes=frozenset({"self", "aggregate"}),
)
_TRIGGERS = RULE.triggers


# A hush on a named colleague's pending case (請各處室保密) marks it, it is no rule talk.
_HUSH_AS_MARKING = frozenset({"保密", "請勿", "勿", "外流", "請勿外流"})


def find(doc: Doc) -> list[Finding]:
    hit = doc.first(_TRIGGERS)
    if hit is None:
        return _pending_only(doc)
    strong = STRONG.search(doc.text)
    leak = doc.near(RULE.context, hit[0], hit[1], WINDOW, WINDOW)
    pub = matter.published(doc)
    if pub and not leak and not strong:
        return matter.matter_finding(
            doc, "personnel_secret", hit, 0.15, "personnel_secret.published", pub
        )
    # Personnel results are about staff too: a staff name counts as a person here.
    named = matter.person_named(doc)
    named = named or any(f.type == "person_name" for f in doc.findings)
    if strong is None and named and not pub:
        strong = RESULT.search(doc.text)
    if strong is None and (named or _SOMEONE.search(doc.text) is not None):
        strong = BARE.search(doc.text)  # about someone in particular, not a rule
    pending = None
    if strong is None and not pub and (matter.real_name(doc) or _staff_named(doc)):
        pending = PENDING.search(doc.text)
        strong = pending
    damp = matter.rule_talk(doc)
    if pending is not None and damp in _HUSH_AS_MARKING:
        damp = None  # "請各處室保密" on a named colleague's pending case is a marking, not a rule
    score = matter.weigh(
        doc,
        RULE,
        strong=strong is not None,
        cues={"leak": leak, "named": named},
        dampen=damp,
        vetoes={
            "self": strong is not None and matter.self_disclosure(doc, strong.start()),
            "aggregate": leak is None and not named and AGGREGATE.search(doc.text) is not None,
        },
    )
    rule = "personnel_secret.before_publication" if strong else "personnel_secret.context"
    return matter.matter_finding(doc, "personnel_secret", hit, score, rule, leak or damp)


def _pending_only(doc: Doc) -> list[Finding]:
    """No personnel word, but a named colleague's decision on its way (PENDING)."""
    if not doc.has(_PENDING_WORDS) or not (matter.real_name(doc) or _staff_named(doc)):
        return []
    pending = PENDING.search(doc.text)
    if pending is None or matter.published(doc):
        return []
    damp = matter.rule_talk(doc)
    if damp in _HUSH_AS_MARKING:
        damp = None
    score = matter.weigh(doc, RULE, strong=True, cues={"named": True}, dampen=damp)
    span = (pending.start(), pending.end(), pending.group()[:2])
    rule = "personnel_secret.before_publication"
    return matter.matter_finding(doc, "personnel_secret", span, score, rule, damp)


def _staff_named(doc: Doc) -> bool:
    """A colleague named in full by the name finder (林志明老師, 王美玲秘書): the name
    finder lowers staff names, but a personnel decision is about staff."""
    for f in doc.findings:
        if f.type == "person_name" and f.end - f.start >= 3 and f.rule == "person_name.staff":
            return True
    return False


_PENDING_WORDS = frozenset(PENDING_WORDS)
DETECTOR = matter.detector(RULE, find, (), wake=PENDING_WORDS)
