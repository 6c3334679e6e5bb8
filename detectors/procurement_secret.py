"""`procurement_secret`: procurement facts that must stay secret until award
(政府採購法第34條): how many bidders, who they are, the reserve price (底價), the
evaluation committee members, tender documents handed out early.

"只有3家來投，開標前先跟你說" leaks; "決標公告已上網，底價都在上面" does not.
"""

from __future__ import annotations

import re

from detectors import matter
from detectors.base import Finding
from detectors.doc import Doc
from detectors.matter import starts_with

# Told to a bidder with no procurement word: what the others did or priced, how many
# came, the price to aim at, who sits on the committee. 另外那家報得比你高一點點.
TOLD_WORDS: tuple[str, ...] = (
    "比你",
    "另外那家",
    "另一家",
    "另外兩家",
    "別家",
    "對手",
    "只有",
    "總共",
    "投了",
    "有投",
    "也有來投",
    "剩你們",
    "都沒來",
    "上限",
    "預算抓",
    "心裡的數字",
    "再壓",
    "降個",
    "範圍內",
    "別超過",
    "委員",
    "評的人",
    "坐在台上",
    "少附",
    "最便宜",
    "最低的",
    "刷掉",
    "放棄了",
    # the reader is a bidder and told where they stand (BIDDER)
    "你報",
    "報在",
    "報高",
    "報低",
    "穩了",
    "穩的",
    "就贏",
    "獨家",
    "剩你",
    "跟你搶",
    "除了你們",
    "你們一家",
    "你最高",
    "你最低",
    "你們比",
    "只有你",
    "外聘",
    # the approved figure told to aim at (上面核的數字大概…，你自己抓)
    "核的數字",
    "簽的數字",
    "自己抓",
    # the internal estimate told with where to aim (內部簽到2,718,000，你們往下抓一點)
    "往下抓",
    "往上抓",
)
# Words that wake the detector for a count of firms said without 標 (see TO_BIDDER).
WEAK_TRIGGERS: tuple[str, ...] = (
    "勝算",
    "競爭對手",
    "對手",
    "送件",
    "家公司",
    "間公司",
    "家廠商",
    "另一家",
    "另外一家",
    "別家",
    "其他家",
    # a count of firms come to bid (目前才8家來, 只兩家來，競爭不大)
    "家來",
)
# Outside reviewers named without a committee word (要來審的外面老師有施老師、丁技師).
JUDGE_WORDS: tuple[str, ...] = ("來審", "外面老師", "外面委員", "外部委員")
TRIGGERS: tuple[str, ...] = (
    "底價",
    "投標",
    "來投",
    "領標",
    "標案",
    "標單",
    "開標",
    "決標",
    "評選委員",
    "評審委員",
    "評選會",
    "評委",
    "評審",
    "外聘委員",
    "審查委員",
    "評選分數",
    "評分",
    "家數",
    "廠商數",
    "報價",
    "標價",
    "議價",
    "得標",
    "圍標",
    "綁標",
    "招標",
    "廠商",
    "tender",
    "bid",
    "bidders",
    "reserve price",
    "floor price",
    "規格書",
    "招標規格",
    "需求書",
    "招標文件",
    "陪標",
    "規格",
    "資格審查",
    "資格標",
    "價格標",
    "建議書",
    "這標",
    "本標",
    "此標",
    "底價單",
    *JUDGE_WORDS,
    # shorthand bid counts: 標2家, 標 3 家
    *(f"標{sp}{n}{sp}家" for n in "123456789一二兩三四五" for sp in ("", " ")),
    "標單",
    *WEAK_TRIGGERS,
    *TOLD_WORDS,
)
# Said before the opening: a weak cue on its own ("開標前不能講" is a rule).
BEFORE: tuple[str, ...] = (
    "開標前",
    "決標前",
    "公告前",
    "還沒開標",
    "還沒公告",
    "尚未公告",
    "還沒上網",
    "還沒公開",
    "尚未公開",
    "未公開",
    "名單保密",
)
# Telling someone on the side: a strong cue.
CONTEXT: tuple[str, ...] = (
    "先跟你說",
    "先告訴你",
    "先給你",
    "偷偷",
    "別說",
    "私下",
    "內部",
    "不要說出去",
    "別跟別人說",
    "跟你說",
    "tell your boss",
    "between us",
    "don't tell",
    "before the opening",
    "你們是其中",
    "傳給你",
    "拜訪",
    "打招呼",
    "打聲招呼",
    "去找他",
    "先聯絡",
    "先聯繫",
    "去認識",
    "打點",
    "疏通",
    "你懂的",
    "先傳你",
    "先寄你",
    "給你參考",
    "傳你參考",
    "透露",
    "先別外傳",
    "別外傳",
    "不要外傳",
    "壓低",
    "再降",
    "殺價",
)
# A published award notice / opening result is public.
AFTER_AWARD: tuple[str, ...] = (
    "決標公告",
    "已決標",
    "決標後",
    "決標結果",
    "開標結果",
    "已開標",
    "開標後",
    "已上網",
    "公告",
    "http",
    "www.",
)
_NUM = r"[0-9一二兩三四五六七八九十]{1,2}"
# The standard-library engine runs this alternation several times faster.
STRONG = starts_with(
    "只僅共有才剩0-9一二兩三四五六七八九十投領來家廠標底你ojtfrb招規需草評外審其哪別對競分成",
    rf"(?:只有|僅|共|有|才|只剩|剩下?){_NUM}\s*[家間](?!工廠|分店|店|廠|門市|子公司|辦公室|會議室|分公司|營業)"
    rf"|{_NUM}\s*[家間](?:廠商)?(?:來投|投標|領標|參與|參加|報名|來領|有投|投了|領了)"
    rf"|(?:投標|領標|來投|領標單)(?:廠商|的廠商|家數)?(?:有|只有|共|才|目前)?{_NUM}\s*[家間]"
    rf"|(?:家數|廠商數|廠商數量|投標數|領標數)(?:是|為|有|只有|目前)?\s?[:=]?\s?{_NUM}"
    rf"|(?<![目指商路座達])標\s?(?:只有|僅|共|有|才)?\s?{_NUM}\s?家\s?(?:[=:]|來|投|而已|廠商)"
    r"|底價(?:是|為|訂|定|抓|大概|約|差不多|在|:)?\s*(?!一定|一般|一律|一起|一下|一直|一樣)[0-9一二三四五六七八九十百千萬]"
    r"|底價.{0,6}?(?:落在|抓在|訂在|定在|大約|大概|差不多|約)\s?[0-9一二三四五六七八九十百千]"
    # the reserve price told against the budget (底價簽呈剛核下來，比預算少36萬)
    r"|底價[^。\n]{0,14}?(?:比|較)[^，。,\n]{0,6}?(?:少|多|低|高)了?\s?[0-9][0-9,.]*\s?(?:萬|元|%|成)(?!以上|以下|以內)"
    r"|底價.{0,10}(?:[0-9][0-9,.]*\s*(?:萬|億|千|元|%|成)|[一二三四五六七八九]成"
    # an amount in Chinese numerals (八百六十萬, 一千二百萬元)
    r"|[一二兩三四五六七八九十][一二兩三四五六七八九十百千]{1,6}(?:萬|億)"
    r"|(?:\$|nt\$|新[台臺]幣)\s?[0-9]|[0-9]{1,3}(?:,[0-9]{3})+)"
    r"|(?:你|你們)(?:就)?(?:抓|報|填|投)\s?[0-9一二三四五六七八九]"
    rf"|{_NUM}\s?(?:封|份|家|間)\s?(?:標單|投標)"
    r"|(?:only|just)\s+(?:[0-9]+|one|two|three|four)\s+bid(?:der)?s?"
    r"|(?<![a-z])(?:[0-9]+|one|two|three|four|five)\s+bidders?\s(?:showed|came|so far|submitted|in)"
    r"|(?:reserve|floor|base)\s+price\s(?:is|was|:|of)\s?(?:around\s|about\s|roughly\s)?(?:nt\$|\$|[0-9])"
    r"|bidders?\s(?:so far|in total|total)?\s?[:=]\s?[0-9]"
    r"|(?:招標文件|規格書?|需求書|草稿|底稿).{0,16}(?:先給|先傳|傳給|給你|寄給|傳你|寄你|email)"
    r"|(?:評選|評審)委員\s?的?\s?(?:名單|有|是|包括|:)(?!在|要|應|須|需|必須|不|前|於)"
    r"|(?:外聘|審查)委員\s?的?\s?(?:名單)?\s?(?:有|是|包括|:)(?!在|要|應|須|需|必須|不|前|於)"
    r"|評委\s?(?:名單)?\s?(?:有|是|包括|:)(?!誰|否|不|幾)\s?(?:[0-9一二三四五六七八九]|[\u4e00-\u9fff]{2})"
    r"|(?:評選|評審|評分)(?:分數|成績|結果|排名)"
    # who scored highest, told before the meeting that decides (評分最高，明天才開會，先恭喜)
    r"|(?:評分|分數|成績)(?:最高|第一名?)[^。\n]{0,12}(?:才開會|還沒開|開會前|才會公布|先恭喜)"
    r"|(?:其他|哪些|別家|對手|競爭)(?:的)?(?:廠商|家).{0,6}(?:報價|投標|標價|是誰|有誰)"
    r"|(?:對手|別家|其他家|其他廠商|競爭廠商)的?(?:報價|標價|投標價|出價|價格).{0,24}[0-9]"
    r"|(?:投標|領標|來投)(?:的廠商|廠商|的)(?:名單)?\s?(?:有|是|:|只有|就)"
    r"|(?:招標文件|規格|需求書|評分表).{0,10}(?:先給|先傳|先寄|給你)",
)
# An amount that is a rule's threshold (1000萬以上的案子, 未達公告金額), not a price told.
THRESHOLD = re.compile(
    r"[0-9一二兩三四五六七八九十百千萬億,.元\s]{0,12}(?:以上|以下|以內|未滿|未達)"
)
# A ceiling that is no price: a share, a headcount or a count (考績甲等比例上限是75%,
# 加班時數上限是46小時, 名額上限在3人), or a budget's deadline (預算編列要在8月底前送):
# what follows it, or the quota before it.
_QUOTA_BEFORE = re.compile(r"(?:比例|比率|人數|名額|員額|次數|時數|天數|額度|件數|家數|字數|頁數)$")
_NOT_MONEY_AFTER = re.compile(
    r"[^，。,\n0-9]{0,3}[0-9][0-9.,]*\s?(?:%|％|人|名|位|次|小時|天|日|頁|字|件|家|個|成|分)"
    # ... or a deadline, not a figure (預算編列要在8月底前送)
    r"|[^，。,\n0-9]{0,3}(?:[0-9]{1,2}\s?(?:月|/)|月底|年底|月初|下週|下個月|明天|今天)"
)


def _a_quota(text: str, m: re.Match[str] | None) -> bool:
    """The ceiling matched (上限是…, 預算…在) is a share, a count or a deadline, not a price."""
    if m is None or not m.group().startswith(("上限", "預算")):
        return False
    return (
        _QUOTA_BEFORE.search(text, max(0, m.start() - 3), m.start()) is not None
        or _NOT_MONEY_AFTER.match(text, m.end()) is not None
    )


# Who a document was sent to, inside the agency: a review unit or a superior.
INTERNAL = re.compile(
    r"(?:我們)?(?:主計|會計|法制|政風|秘書|長官|主管|科長|局長|處長|主任|課長|股長|承辦|同仁|各單位|上級|簽核|陳核|核稿)"
)
# Told to a bidder on the side (searched when STRONG fails and the message is not
# about the rules): rigging, nobody else bid, the others failed or priced lower.
TOLD = starts_with(
    "規找叫請陪只就僅沒你另其別那對評底幫替審開",
    # Rigging: specs written for one firm, firms brought in to make up the numbers.
    r"規格(?:是|都)?[^，。,\n]{0,4}?(?:照|依|按|針對)[^，。,\n]{1,8}(?:的產品|的型號|的設備|的?型錄|的?目錄|家|公司|廠)[^，。,\n]{0,3}(?:寫|訂|開)的?|(?:找|叫|請)[^，。,\n]{0,10}陪標|陪標就好"
    # Told to a bidder: nobody else came, the others failed, the others priced lower.
    r"|(?:只有|就|僅)你們(?:一家)?(?:有)?(?:投標|領標|來投|投)|(?:沒有|沒)(?:其他|別)(?:家|廠商)(?:來)?(?:領標|投標|來投)"
    r"|(?:你們|另外|其他|別家|那兩家|另一家)[^，。,\n]{0,6}(?:沒過|不合格|被刷|被淘汰)"
    r"|(?:另一家|另外一家|別家|其他家|對手)[^，。,\n]{0,4}(?:報|開|投)(?:得|的)?(?:比你們|比較)(?:低|高|便宜|貴)"
    r"|(?:評選委員|評審委員|評委|評審)[^，。,\n]{0,6}(?:對|給)你們[^，。,\n]{0,8}(?:評價|印象|分數|意見|扣|加分)"
    r"|你們[^，。,\n]{0,10}被(?:評委|委員|評審)(?:扣|打|給)"
    r"|底價[^，。,\n]{0,8}(?:幫你|替你)(?:問|查|打聽)|(?:幫你|替你)(?:問|查|打聽)[^，。,\n]{0,6}底價"
    r"|(?:評選|評審|審查|開標)(?:會議?)?(?:紀錄|記錄|結果|意見)[^，。,\n]{0,6}(?:先給|先拍|拍給|傳給|先傳|給你)",
)
# (TOLD_WORDS above wake the detector for it.)
TOLD_BARE = re.compile(
    r"(?:另外|另一|別|對手|競爭|其他|那)(?:那|兩)?(?:家|廠商|的公司)[^，。,\n]{0,12}"
    r"(?:比你|報得|報的價|貴|便宜|低|高|放棄|陪標|不符|不齊|刷掉|沒過)"
    r"|比你們?(?:高|低|貴|便宜)|你們?(?:的)?(?:價格|報價)(?:是)?(?:最低|最便宜|高了|低了)|你們?最便宜"
    r"|(?:總共|目前|這次|為止)(?:只有|就)(?:你們?|[0-9一二兩三四五六七八九]家)(?![^，。,\n]{0,4}(?:還沒|沒交|未交|沒繳|沒回|沒來|缺))|只有(?:你們?|[0-9一二兩三四五六七八九]家)[，,]"
    r"|投了[0-9一二兩三四五六七八九]家|也有(?:來)?投|剩你們|其他都沒來|只有你一家"
    r"|(?:上限|預算|心裡的數字)[^，。,\n]{0,6}(?:抓|大概|是|在)|再壓|降個|會在範圍內|別超過|低一點點就好|比[0-9,]{4,}低"
    r"|委員(?:裡面|中)(?:有|是)|委員(?:有)?[0-9一二兩三四五六七八九]+(?:個|位)|外聘的[一二三四五兩0-9]位|評的人|坐在台上"
    r"|委員有問到你們|你們少附"
    # the spec written so only the reader's product fits (只有你們家的型號符合, 別家很難符合)
    r"|(?:寫進去|加進去|寫的|訂的|改成|加了)[^。\n]{0,16}只有你們家?的?(?:型號|產品|設備|機型)(?:才)?"
    r"(?:符合|能過|過得了)(?!嗎|[^，。,\n]{0,8}[?？])"
    r"|(?:別家|其他家|別的廠商|其他廠商)[^，。,\n]{0,6}(?:很難|不可能|沒辦法|沒有辦法)符合(?!嗎|的|[?？])"
    r"|(?:核|簽|批)(?:下來)?的(?:數字|金額)[^，。,\n]{0,6}[0-9一二三四五六七八九]|[你您]自己抓"
)
# Told to a bidder where they stand, in a message about a tender (BID_TOPIC): the price
# to aim at (你報在那附近, 報高一點), the competition (只有你跟…, 除了你們之外只有…,
# 你們比…貴), the outcome (就贏了, 穩了, 只會剩你, 一定是獨家).
BIDDER = re.compile(
    r"你們?(?:就)?(?:報|投|抓|開)(?:在|到|價|高|低|[0-9一二三四五六七八九])|報在|報高|報低"
    r"|你們?(?:就)?(?:穩|贏)|穩(?:了|的)|就贏了|獨家|(?:只會|就|只)剩(?:下)?你們?(?:一家|了|[，。,!！]|$)"
    r"|沒人跟你們?搶"
    r"|(?:只有|就|剩)你們?(?:一家|跟|和|那)|除了你們?(?:之外)?|你們?(?:最高|最低|最便宜|最貴)"
    r"|你們?比[^，。,\n]{1,8}(?:貴|便宜|高|低)"
    # a price to bid that will pass, the budget's real room (報491,892應該會過, 預算其實可以再高)
    r"|報\s?[0-9][0-9,.]*\s?(?:萬|元)?[^，。,\n]{0,3}會(?:過|上|中|得標)"
    r"|預算[^，。,\n]{0,4}(?:可以|能)再(?:高|低|拉高|加)"
    # the internal figure told with where to aim (內部簽到2,718,000，你們往下抓一點)
    r"|(?:內部|簽到|核到|核定|預估金額)[^，。\n]{0,8}[0-9][0-9,.]{3,}[^。\n]{0,4}?[你您][^，。\n]{0,4}(?:往下|往上)抓"
)
BID_TOPIC = re.compile(
    r"委員|報價|標|預算|投|資格|規格|領標|截止|開標|評選|評審|減價|收件|型號|價|萬|外聘|金額"
)
# An evaluator named with a title (評審是陳教授, 外聘委員有成大吳老師): a leak when the
# message also points the reader at them (拜訪, 先聯絡, 你們...).
JUDGE_NAMED = re.compile(
    r"(?:評審|評選委員|評審委員|外聘委員|審查委員|評委|外聘"
    r"|(?:要|會)?來審的?(?:外面|外部)?的?(?:老師|委員|教授)?|(?:外面|外部)的?(?:老師|委員))"
    r"(?:之一|其中一位|裡面|中|確定|的那[一兩二三四五]?位)?"
    r"(?:是|有|為|包括|包含|找了|請了|請到|:)"
    r".{0,12}?(?:教授|老師|博士|處長|局長|科長|技正|主任|院長|所長|理事長|委員|律師|建築師|技師)"
)
ADDRESSEE = re.compile(r"你們?(?:可以|可|就|要|先|去|得|的|簡報|報告|提案|準備)|給你")
# A count of firms come to bid, said without 標 (目前才8家來, 只兩家來): a bid count only in a
# message about a tender (its number W1159995, 標, 競爭, 來得及), not a briefing's turnout.
COUNT_CAME = re.compile(rf"(?:只有|只|才|僅|共|剩)\s?{_NUM}\s?家(?:來|投|領)")
TENDER = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{1,3}[0-9]{5,}(?![0-9])|標|競爭|來得及|截止")
# With only a weak trigger, a count of firms is a bid count only when it is told
# to a competitor: 總共只有四家，你們勝算很大.
TO_BIDDER = re.compile(r"你們|勝算|機會很大|穩了|價格|報價|抓高|抓低|截止|別講|先跟你說|偷偷")
# Firms told by name as the bidders, with no procurement word (the paraphrase family
# "who came and how many"): 只有立群土木一家, 目前四家，欣盛土木也有來, 昌隆保全跟永泰
# 土木都有來投, 國揚科技報的價是166萬. A firm is a name ending in a trade or a company word.
FIRM_ENDS: tuple[str, ...] = (
    "土木包工業",
    "工程行",
    "營造",
    "土木",
    "工程",
    "科技",
    "顧問",
    "保全",
    "清潔",
    "機電",
    "水電",
    "建設",
    "環境",
    "景觀",
    "企業",
    "實業",
    "資訊",
    "公司",
)
_FIRM = r"[\u4e00-\u9fff]{2,6}?(?:" + "|".join(FIRM_ENDS) + ")"
# only one firm (只有國揚科技一家投, 目前只有東和工程一家，可能流標): a bid only in a
# message about a tender (BID_TOPIC), not a service (垃圾清運只有清淨環境一家在做)
FIRM_ONLY = re.compile(rf"(?:只有|就|僅|剩)\s?{_FIRM}(?:一家|而已)")
FIRM_BID = re.compile(
    # a count, then who (目前四家，欣盛土木也有來; 領標的只有三家：新光保全…)
    rf"(?:目前|這次|總共|截至目前|為止)[^，。,\n]{{0,5}}?(?:只有|有|共|才)?{_NUM}\s?家\s?[，,:：]\s?{_FIRM}"
    # two firms named as the ones that came (A跟B都有來投, A佮B而已)
    rf"|{_FIRM}(?:跟|和|及|與|、|佮)\s?{_FIRM}[^，。,\n]{{0,4}}?(?:都有來投|有來投|都有投|來投|來領|領標|投標|而已)"
    # one more firm came, or a firm's price told (欣盛土木也有來, 國揚科技報的價是166萬)
    rf"|{_FIRM}(?:也有來|也有投|也來投|也有領)"
    rf"|{_FIRM}(?:報的價|的報價|報價)(?:是|為|大概|約)?\s?[0-9一二三四五六七八九]"
)

WINDOW = 50

RULE = matter.Rule(
    type="procurement_secret",
    triggers=frozenset(TRIGGERS),
    context=frozenset(CONTEXT),
    window=WINDOW,
    weights=(("leak", 2), ("before", 1)),
    vetoes=frozenset({"question"}),
)
_TRIGGERS = RULE.triggers
_WEAK = frozenset(WEAK_TRIGGERS)
_TOLD = frozenset(TOLD_WORDS) - frozenset(TRIGGERS[: TRIGGERS.index(WEAK_TRIGGERS[0])])
_JUDGES = frozenset(
    {"評審", "評選委員", "評審委員", "外聘委員", "審查委員", "評委", "外聘", *JUDGE_WORDS}
)
_BEFORE = frozenset(BEFORE)
_CAME = frozenset({"家來"})
_AFTER = frozenset(AFTER_AWARD)


def find(doc: Doc) -> list[Finding]:
    hit = doc.first(_TRIGGERS)
    text = doc.text
    firms = None
    if doc.has(_FIRM_WAKE):
        firms = FIRM_BID.search(text)
        if firms is None and BID_TOPIC.search(text) is not None:
            firms = FIRM_ONLY.search(text)
    if hit is None:
        if firms is None:
            return []
        hit = (firms.start(), firms.end(), "廠商")
    told = TOLD_BARE.search(text) or firms  # told to a bidder, no procurement word needed
    if _a_quota(text, told):
        told = None  # 考績甲等比例上限是75%: a quota, no price told
    if (
        told is None
        and BID_TOPIC.search(text) is not None
        and matter.rule_talk(doc) is None
        and not matter.asks(doc)
    ):
        told = BIDDER.search(text)
    if told is None and doc.has(_JUDGES) and ADDRESSEE.search(text) is not None:
        told = JUDGE_NAMED.search(text)  # 外聘委員確定是翁教授…，你們準備簡報時注意
    strong = STRONG.search(text)
    if strong is not None and (
        THRESHOLD.match(text, strong.end()) is not None
        or INTERNAL.match(text, strong.end()) is not None
    ):
        # 底價1000萬以上的案子要上簽: a threshold of a rule, no price told;
        # 招標文件先寄給主計和法制看: sent for review inside the agency, not to a bidder
        strong = None
    strong = strong or told
    talk = matter.rule_talk(doc)
    if strong is None and talk is None:
        strong = TOLD.search(text)
    weak_only = all(h[2] in _WEAK or h[2] in _TOLD for h in doc.all(_TRIGGERS))
    if told is None and weak_only and doc.has(_CAME):
        # W115567目前只兩家來，競爭不大; not 說明會才8家來 (家來 wakes for this reading only)
        if TENDER.search(text) is not None:
            told = COUNT_CAME.search(text)
        if told is None and all(h[2] in _CAME for h in doc.all(_TRIGGERS)):
            return []
        strong = strong or told
    if told is None and (strong is None or TO_BIDDER.search(text) is None) and weak_only:
        return []  # 今天只有四家公司來參加說明會: a count, nothing told to a bidder
    if strong is None and doc.has(_JUDGES):
        judge = JUDGE_NAMED.search(text)
        if judge is not None and (
            doc.near(RULE.context, judge.start(), judge.end(), WINDOW, WINDOW)
            or ADDRESSEE.search(text)
        ):
            strong = judge
    leak = doc.near(RULE.context, hit[0], hit[1], WINDOW, WINDOW)
    before = doc.first(_BEFORE) if doc.has(_BEFORE) else None
    after = doc.first(_AFTER) if doc.has(_AFTER) else None
    if after is not None and matter.not_yet(doc, after):  # 還沒公告: not after at all
        after = next((h for h in doc.all(_AFTER) if not matter.not_yet(doc, h)), None)
    if after is not None and not leak and not (before and strong):
        # published (決標公告): nothing left to leak
        score = matter.Score(0.15, f"procurement_secret: after the award ({after[2]})")
        ctx: str | None = after[2]
    else:
        score = matter.weigh(
            doc,
            RULE,
            strong=strong is not None,
            cues={"leak": leak, "before": before[2] if before else None},
            dampen=talk,
            # 請問底價要在開標前訂好嗎: a procedure question
            vetoes={"question": not strong and leak is None and matter.asks(doc)},
        )
        ctx = leak or talk
    rule = "procurement_secret.before_award" if strong else "procurement_secret.context"
    span = (strong.start(), strong.end(), hit[2]) if strong else hit
    return matter.matter_finding(doc, "procurement_secret", span, score, rule, ctx)


_FIRM_WAKE = frozenset(FIRM_ENDS)
# The firm words wake the detector too (FIRM_BID needs no procurement word).
DETECTOR = matter.detector(RULE, find, BEFORE + AFTER_AWARD, wake=FIRM_ENDS)
