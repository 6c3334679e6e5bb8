"""`address`: Taiwanese street addresses (…市…區…路…段…巷…弄…號…樓).

An address is personal when it is where someone lives (住, 戶籍, 住址, 家); an
agency's address (本署, 公所, 公文寄) or a meeting place is not.
"""

from __future__ import annotations

import re

import regex

from detectors.base import Detector, Finding
from detectors.doc import Doc
from detectors.lexicon import PERSON_ROLES, SURNAMES_1, SURNAMES_2
from detectors.respell import as_re

CITIES = (
    "臺北市|台北市|新北市|桃園市|臺中市|台中市|臺南市|台南市|高雄市|基隆市|新竹市|新竹縣|"
    "苗栗縣|彰化縣|南投縣|雲林縣|嘉義市|嘉義縣|屏東縣|宜蘭縣|花蓮縣|臺東縣|台東縣|澎湖縣|"
    "金門縣|連江縣|桃園縣|臺北縣|台北縣"
)
# Lane, alley and house numbers in digits or read out in Chinese numerals (民生路二四〇號,
# 五巷二十號): the same address, written to dodge a filter or just spelled out.
_NUM = "(?:[0-9]{1,5}|[〇零一二三四五六七八九十百]{1,5})"
PATTERN = regex.compile(
    rf"(?:(?:{CITIES})\s?(?:[\p{{Han}}]{{1,3}}?[區鄉鎮市])?\s?)?"
    r"(?:[\p{Han}]{1,3}[村里]\s?(?:[0-9]{1,3}\s?鄰)?\s?)?"
    r"[\p{Han}0-9]{1,6}?(?:路|街|大道|村|里)\s?"
    r"(?:[東西南北]?[0-9一二三四五六七八九十]{1,3}\s?段\s?)?"
    rf"(?:{_NUM}\s?巷\s?)?(?:{_NUM}\s?弄\s?)?"
    rf"{_NUM}\s?(?:之[0-9]{{1,3}}\s?)?號(?:\s?[0-9]{{1,3}}\s?樓(?:之[0-9]{{1,3}})?)?"
)

# PATTERN under the standard `re`: the same matches, about twice as fast.
_FAST = re.compile(as_re(PATTERN.pattern, sampled=False))

CONTEXT: tuple[str, ...] = (
    "住",
    "住在",
    "住址",
    "住處",
    "住家",
    "居住",
    "現居",
    "戶籍",
    "戶籍地",
    "通訊地址",
    "地址",
    "家住",
    "家在",
    "搬去",
    "搬到",
    "他家",
    "她家",
    "老家",
    "租屋",
    "address",
    "lives",
)
AGENCY: tuple[str, ...] = (
    "本署",
    "本局",
    "本處",
    "本府",
    "本所",
    "本中心",
    "移民署",
    "服務站",
    "公所",
    "政府",
    "機關",
    "辦公室",
    "辦公",
    "分局",
    "派出所",
    "大樓",
    "會議",
    "會場",
    "集合",
    "活動",
    "公文",
    "收發",
    "寄這",
    "地點",
    "場地",
    "門市",
    "公司",
    "地檢署",
    "法院",
    "地方法院",
    "警察局",
    "事務所",
    "戶政",
    "國稅局",
    "監理站",
    "醫院",
    "學校",
    "市政府",
    "縣政府",
    "office",
    # a public counter (1樓服務台，民眾臨櫃辦理)
    "服務台",
    "服務臺",
    "櫃台",
    "櫃檯",
    "臨櫃",
    "洽公",
)
CONTEXT_BEFORE = 12
CONTEXT_AFTER = 4

_CONTEXT = frozenset(CONTEXT)
# A venue word is a meeting place, except in a raid or arrest plan (words of other detectors).
_VENUE = frozenset({"地點", "集合"})
_RAID = frozenset({"拘提", "搜索", "臨檢", "攻堅", "逮捕", "查緝", "收網", "突檢", "抓人", "埋伏"})
_AGENCY = frozenset(AGENCY)
_PERSON = frozenset(PERSON_ROLES)
_CITY = re.compile(as_re(rf"^(?:{CITIES})(?:[\p{{Han}}]{{1,3}}?[區鄉鎮市])?", sampled=False))
# Context characters the street part may have swallowed at its start.
_LEAD = re.compile(r"^(?:住在|住址|地址|家住|戶籍|現居|住|在|於|是|到|為|寄|送)+")


# An office unit right after the address (…122號 秘書室 陳先生收, …3號5樓 人事室): mail
# to an office, or its counter.
_UNIT_AFTER = re.compile(
    r"\s?(?:[0-9]{1,3}\s?樓)?\s?(?:[\u4e00-\u9fff]{1,3}(?:室|科|課|股|處|中心|服務處)(?!長|主任)|服務臺)"
)

# What stands at the address: a public facility or a public place (the sidewalk, the drain,
# the street light, a park, a venue) right after it, perhaps with where on it (前, 旁, 一帶).
# The address then locates a place of the city for a site visit, a repair or a works
# schedule (會勘…人行道, 側溝清淤, 路燈報修), not where someone lives.
_FACILITY_AFTER = re.compile(
    r"\s?(?:的|之)?(?:前方|前面|前|旁邊|旁|對面|附近|一帶|周邊|路段|路口)?(?:的)?\s?"
    r"(?:人行道|排水|側溝|水溝|溝渠|箱涵|涵洞|人孔|孔蓋|路面|路基|坑洞|路燈|路樹|行道樹"
    r"|號誌|紅綠燈|護欄|標線|電桿|電線桿|消防栓|橋梁|陸橋|天橋|公園|綠地|廣場|公廁"
    r"|活動中心|禮堂|體育館|運動中心|圖書館|公有市場|社區中心|公車站|候車亭"
    # a stretch of the street (中山路100號至200號): a road section, not a door
    r"|(?:至|到|~)\s?[0-9]{1,5}\s?號)"
)

# A role word followed by a report verb tells who reported the place, not who lives there
# (民眾反映忠孝路200號騎樓被佔用, 里民陳情…號前路面坑洞).
_REPORTS_AFTER = re.compile(
    r"(?:都|也|一直|多次|又)?(?:反映|反應|陳情|檢舉|投訴|抱怨|通報|報案|報修|詢問)"
)


def _resident_role(doc: Doc, start: int, end: int) -> bool:
    """A person-role word near the address that is not the reporter of the place."""
    if doc.near(_PERSON, start, end, 25, 8) is None:
        return False
    text = doc.text
    for s, e, _ in doc.all(_PERSON):
        if s <= end + 8 and e >= start - 25 and _REPORTS_AFTER.match(text, e) is None:
            return True
    return False


# A person receiving mail at the address (收件人 王大明), not an office (收件人：人事室).
_RECIPIENT = re.compile(
    r"(收件人|收件者|收貨人)(?![:：\s]*[\u4e00-\u9fff]{1,3}(?:室|科|課|股|處|中心|局|所))"
)
RECIPIENT_AFTER = 12
_NAME_AFTER = re.compile(r"[:：\s]*([\u4e00-\u9fff]{2,4})")


def _recipient_score(text: str, end: int) -> float:
    """0.5 when the recipient is written as a person's name (a surname and one to three
    characters, 收件人柳阿水), else 0.3 (a name found elsewhere may still tie to it)."""
    m = _NAME_AFTER.match(text, end)
    if m is None:
        return 0.3
    name = m.group(1)
    if name[:2] in SURNAMES_2 or (name[0] in SURNAMES_1 and len(name) >= 2):
        return 0.5
    return 0.3


# A house number read out in Chinese numerals (二四〇號): the address must say more that
# it is one (a city or district, a lane or section, or a word for where someone lives).
_SPELLED_NO = re.compile(r"[〇零一二三四五六七八九十百]號")


# A street that is a placeholder (某市某路1號, ○○路3號, X里X路): a made-up or masked
# address in an example or a drill, nobody's home. A real street keeps it an address
# even when the city is masked (某市中山路1號).
_PLACEHOLDER_STREET = re.compile(r"(?:某|[○〇◯x]{1,3})(?:路|街|大道|村|里)")


def _spelled_ok(value: str, ctx: str | None) -> bool:
    return ctx is not None or _CITY.match(value) is not None or "巷" in value or "段" in value


def mask_address(value: str) -> str:
    head = _CITY.match(value)
    keep = head.group() if head else ""
    if not keep:
        keep = value[:2]
    return keep + "****"


def find(doc: Doc) -> list[Finding]:
    out: list[Finding] = []
    text = doc.text
    # Most messages woken by 號 are document or case numbers (字第1130048162號):
    # no street word, so no address, and the costly pattern is not run.
    # Every address has a 號 and a street word (路, 街, 大道, 村, 里).
    if "號" not in text or not (
        "路" in text or "街" in text or "里" in text or "村" in text or "大道" in text
    ):
        return out
    for m in _FAST.finditer(text):
        s, e = m.start(), m.end()
        value = m.group()
        lead = _LEAD.match(value)
        if lead:
            s += lead.end()
            value = value[lead.end() :]
        ctx = doc.near(_CONTEXT, s, e, CONTEXT_BEFORE, CONTEXT_AFTER)
        if _SPELLED_NO.search(value) is not None and not _spelled_ok(value, ctx):
            continue  # 這條路三號出口: a house number read out needs more of an address
        if _PLACEHOLDER_STREET.search(value) is not None:
            out.append(
                doc.finding(
                    "address",
                    s,
                    e,
                    masked=mask_address(value),
                    score=0.1,
                    rule="address.placeholder",
                    value=value,
                    context=ctx,
                )
            )
            continue
        agency = doc.near(_AGENCY, s, e, 25, 12)
        if agency is None:
            unit = _UNIT_AFTER.match(text, e)
            agency = unit.group().strip() if unit is not None else None
        if agency in _VENUE and doc.has(_RAID):
            score, rule = 0.3, "address.raid_place"  # 拘提…地點 X路6號: the target's place
        elif agency and not (ctx and ctx != "地址"):
            score, rule, ctx = 0.1, "address.agency", agency
        elif ctx and ctx != "地址":
            score, rule = 0.5, "address.residence"
        elif (facility := _FACILITY_AFTER.match(text, e)) is not None:
            # 會勘成功路125巷27號人行道, 自強街200巷12號排水: a public place, nobody's home
            score, rule, ctx = 0.1, "address.public_place", facility.group().strip()
        elif _resident_role(doc, s, e):
            score, rule = 0.5, "address.person"
        elif (to := _RECIPIENT.search(text, e, e + RECIPIENT_AFTER)) is not None:
            # 寄送地址改成…號7樓，收件人柳阿水: where a person receives mail
            score, rule, ctx = _recipient_score(text, to.end()), "address.recipient", to.group(1)
        else:
            score, rule = 0.3, "address.street"
        out.append(
            doc.finding(
                "address",
                s,
                e,
                masked=mask_address(value),
                score=score,
                rule=rule,
                value=value,
                context=ctx,
            )
        )
    return out


DETECTOR = Detector(
    name="address",
    find=find,
    words=CONTEXT + AGENCY,
    triggers=frozenset({"號"}),
    # no digit needed: a house number may be read out (民生路二四〇號); `find` returns
    # at once without a street word beside the 號
)
