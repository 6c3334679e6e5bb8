"""What a page can be, read from its OCR rows: a specimen, a public notice, an official letter, a
menu, a blank form, a meeting notice, a chat screenshot, a shop's flyer, training material; a
roster of names with their grades, the bidders of a tender, an evaluation committee, a reserve
price. `read_page(rows)` collects that document evidence once (words only, never values) as a
`Page`; images/evidence.py weighs a ScanResult's findings with it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from detectors.lexicon import SURNAMES_1

# A specimen / example mark: a stamp on its own short line, or the words that say so anywhere.
_SPECIMEN_STAMP = re.compile(
    r"^.{0,3}(樣本|樣張|樣品|範例|範本|示範|樣式|SPECIMEN|SAMPLE|VOID).{0,3}$"
)
_SPECIMEN_ANY = re.compile(
    r"S?PECIMEN|SPECIME|填寫範例|填表範例|本範例|範例僅供|僅供參考|僅供範例|樣本卡|證件樣本|"
    # a caption that says the picture is an example, not a real document (範例圖片，非真實證件)
    r"範例(圖片|圖檔|影像)|示意(圖片|圖檔)|非真實(證件|身分證|資料|個資|文件)"
)
# Published or in force: a notice (公告), published results; never when the page says it is not
# yet so (尚未公告, 開標前, 公告前).
_PUBLIC_TITLE = re.compile(r"(?<![未尚勿不])(公告|公布|公示)(?!前)")
_PUBLIC_ANY = re.compile(
    r"公告事項|業經公告|已公告|已公布|依法公告|公告周知|結果公告|決標公告|公開徵求|"
    r"主辦單位|主辦[:：]|協辦|歡迎參加|歡迎踴躍|敬請踴躍|活動洽詢|"
    # published under the freedom-of-information act (政府資訊公開法: 主動公開)
    r"主動公開|政府資訊公開|資訊公開法|"
    # an event open to all: places are limited, first come first served
    r"額滿為止|名額有限|名額\d+人|"
    # a decision approved and in effect (a personnel order)
    r"已核定|業經核定|核定在案|人事命令|生效日期"
)
# The label of the 密等 field says 保密 whatever its value.
_MARKING_LABEL = re.compile(r"密等及?解密條件或?保密期限|保密期限")
_NOT_YET = re.compile(
    r"尚未|未公告|未公布|開標前|公告前|未定案|未核定|簽核中|請勿外流|請勿外傳|保密|"
    r"不公開|不得公開|勿公開|不預告|突擊"
)
# A secrecy stamp: a row that is only the mark an investigation file or an internal report
# carries ("偵查不公開", read cut short as "偵查不公"; "不公開"). A page that also names someone
# is a file about that person, not a sentence about the rule.
_SECRECY_STAMP = re.compile(r"^.{0,2}(偵查不公開?|偵查不公|不公開|不得公開|請勿外流|內部資料)$")
# An application form (申請單, 報名表...) left blank: labels without values.
_FORM_TITLE = re.compile(
    r"(申請|登記|報名|調閱|請領|切結|同意|申報|異動|變更|借用|領用)(單|表|書)(\(.{1,6}\))?$"
)
_NUMBER = re.compile(r"\d(?:[\d\-\s]?\d){5,}")  # six digits or more: a filled-in value
_FILLED_CELL = re.compile(r"[:：][^:：]*[\u4e00-\u9fff][^:：]*[\u4e00-\u9fff][^:：]*$")
_BLANKS = re.compile(r"_+|(?<!\d)年(?=_*月)|(?<!\d)月(?=_*日)|(?<!\d)日")
# A meeting notice: its subject, time and place are the meeting's.
_MEETING = re.compile(r"開會通知單|開會事由|開會時間|開會地點|會議通知")
# The frame of an official letter or notice (as images/doctype.py reads it for classified pages).
_LETTER_FIELDS = (
    re.compile(
        r"^(主旨|說明|受文者|發文日期|發文字號|速別|附件|正本|副本|依據|公告事項|聯絡人|承辦人|"
        r"開會事由|開會時間|開會地點|主持人|出席者|列席者)"
    ),
    re.compile(r"(函|公告|開會通知單|通知)$"),
)
_MARKING = re.compile(
    r"^.{0,2}(密|密件|機密|極機密|絕對機密|限閱)(文件)?.{0,2}$|密等[^:：]{0,12}[:：](密|機密|極機密|絕對機密|限閱)"
)
# Prices on a menu or a price list.
_PRICE = re.compile(r"(\$|NT\$?|＄)\s?\d{2,5}|\d{2,5}\s?元")
# Training material: a slide or handout that lists what must not be done, in its title.
_TRAINING_TITLE = re.compile(r"宣導|教育訓練|態樣|講習|課程|研習|注意事項|案例分享|測驗|須知")
# ... or in its footer: the deck's name and page (教育訓練簡報 第28頁), in its last two rows.
_TRAINING_FOOTER = re.compile(r"(宣導|教育訓練|講習|研習|課程)(簡報|教材|講義)|報第\d{1,3}頁$")
# A business card: the agency or unit in its first rows, the card's contact labels starting its
# rows (TEL, FAX, Mobile, E-mail, 地址) and no field about someone else (姓名：, 身分證, 陳情人):
# its holder's own work contact, printed to be handed out.
_CARD_CONTACT = re.compile(r"^(TEL|電話|FAX|傳真|MOBILE|手機|行動|E-?MAIL|信箱|地址)")
_CARD_AGENCY = re.compile(r"(政府|[局處署所府院]|公所|中心|委員會|[科課股組室隊])$")
_OTHER_PERSON_FIELD = re.compile(
    r"姓名|身分證|統一編號|出生|生日|陳情人|申請人|檢舉人|當事人|民眾|病歷|案號|嫌疑|被告|住址"
)
CARD_MIN_CONTACTS = 3
CARD_MAX_ROWS = 12
# A property tag: its custodian's label (保管人) with the tag's other labels (財產編號, S/N,
# 取得日期, 使用單位), on a short page that names no owner or seizure (扣押物品 lists the owner).
_TAG_CUSTODIAN = re.compile(r"保管(人|單位|者)")
_TAG_LABEL = re.compile(
    r"財產(編號|名稱|標籤)|S/?N|序號|取得日期|購置日期|使用單位|年限|"
    r"\d{5,}(-\d{2,}){2,}"  # a property number's hyphenated groups, its label not read
)
_SEIZED = re.compile(r"扣押|查扣|扣案|證物|贓物|所有人|持有人|嫌疑|被告|被查")
TAG_MAX_ROWS = 10
# An inspection schedule not announced yet: its head names an inspection with a word that says
# it is unannounced or secret (不預警稽查, 突擊檢查, 勿外傳), over rows that each name a target
# (a company, a shop) or its address: who will be visited, before the visit.
_INSPECT_WORD = re.compile(r"稽查|查核|抽查|抽驗|臨檢|檢查|訪查|查緝")
INSPECT_HEAD = re.compile(r"不預警|突擊|勿外傳|請勿外流|不預告|保密|勿洩")
_TARGET_ROW = re.compile(
    r"(股份)?有限公司|企業社|工程行|商行|食品行|[\u4e00-\u9fff]{2,}(行|店|廠|社)(?![政員長])|"
    r"[市縣][\u4e00-\u9fff]{1,4}[區鄉鎮市][\u4e00-\u9fff]{1,6}[路街道]"
)
INSPECT_MIN_TARGETS = 2
# ... and not its results (結果, 合格, 限期改善, 處分): a visit already made.
_INSPECT_DONE = re.compile(r"結果|已完成|已稽查|合格|改善|裁處|處分|公告")
# A shop's flyer or price list: what the page sells and how (prices, discounts, opening hours,
# the shop's address and tax number). Its contact person, mobile and address are the shop's.
_SHOP_PAGE = re.compile(
    r"店址|營業[:：]|營業時間|優惠|\d折|[九八七六五]折|半價|價格|團購|月結|收據|統編|"
    r"到府服務|加LINE?|掃碼|訂購|外送|門市|免運|特價|歡迎光臨|統一編號\d{8}(?!\d)"
)
SHOP_MIN_MARKS = 3
# A shop's name as the page's title (大同水電行, 快樂洗衣店, 小林麵館) and the services a flyer or a
# business card lists: a shop's own card, even with no prices on it.
_SHOP_TITLE = re.compile(r"^[\u4e00-\u9fff]{1,8}(店|行|社|坊|館|屋|舖|鋪|小吃|商號|工作室|餐廳)$")
_SHOP_SERVICE = re.compile(
    r"維修|安裝|承接|專營|批發|零售|預約|服務項目|收送|代客|歡迎來電|來電洽詢"
)
# A chat screenshot: rows that carry a message's time (上午10:05, 下午 3:12) or 已讀.
# (or a row holding only a time: the app's clock beside a bubble, read on a row of its own)
CHAT_TIME = re.compile(
    r"(上午|下午|早上|晚上|中午|凌晨|AM|PM)\s?\d{1,2}[:：]\d{2}|已讀|^\s*\d{1,2}[:：]\d{2}\s*$",
    re.M,
)
CHAT_MIN_TIMES = 2
# The agency's own assets named in the page's title (公務車輛一覽表, 派車單, 財產清冊): their
# plates and serials are the agency's, and the custodian beside them is tied to no private data.
_AGENCY_ASSET = re.compile(
    r"公務(車|機車|車輛|用車)|公用車|機關車輛|車輛(管理|保養|一覽|清冊)|派車|財產(清冊|清單|標籤|目錄)"
)
# The account's holder named on the page is an agency, a school or a company: its own account.
_HOLDER_AGENCY = re.compile(
    r"戶名[:：]?.{0,20}(政府|局|處|署|公所|學校|大學|醫院|基金|委員會|協會|公會|公司|專戶|郵局|銀行)"
)
# A blank form's row: a field label followed by nothing, blanks or boxes.
_BLANK_ROW = re.compile(r"^[\u4e00-\u9fff]{2,8}([:：]|□{2,}|口{3,})$")
# Rosters: a title that names a personnel decision or a tender's bidders, over rows of names.
PERSONNEL_TITLE = re.compile(
    r"考績|考核|考評|考成|評定|陞遷|升遷|陞任|甄選|甄審|評分|評比|獎懲|懲處|懲戒|記過|記大過|"
    r"免職|資遣|年終|績效"
)
BIDDERS_TITLE = re.compile(
    r"投標廠商|投標名單|廠商名單|領標廠商|領標名單|投標家數|投標情形|參標廠商"
)
_SURNAME_CHARS = "".join(sorted(c for c in SURNAMES_1 if len(c) == 1))
_NAME_CELL = re.compile(
    rf"(?:^|[\s\d:：、.])([{_SURNAME_CHARS}][\u4e00-\u9fff]{{1,2}})"
    r"(?=\s|\d|$|科員|專員|科長|股長|技士|技正|辦事員|組長|課長|主任|[甲乙丙丁優]等)"
)
_GRADE = re.compile(r"[甲乙丙丁優]等|特優|\d{2,3}(\.\d)?(?:分)?(?:\s|$)")
# Under a grade column's header (考列等次, 考績等第) the cell holds the bare grade: 甲, 乙, 丙.
_GRADE_COLUMN = re.compile(r"等次|等第|等級|考列|考績等")
_BARE_GRADE = re.compile(r"(?:^|\s)[甲乙丙丁優](?=\s|$)")
# A reserve-price sheet: the 底價 row with its amount, on a page that does not say it was awarded.
_BID_PRICE = re.compile(
    r"^(核定)?底價(金額)?[:：]?(新臺幣|新台幣|NT\$?)?[\d,，.]{3,}|^(核定)?底價(金額)?[:：]?(新臺幣|新台幣)?[一二三四五六七八九十百千萬億壹貳參肆伍陸柒捌玖拾佰仟]{2,}"
)
_AWARDED = re.compile(r"決標|得標|已開標|開標紀錄|結果公告")
# An evaluation committee's members named before the award (評選委員為王大明教授、林小華技正).
COMMITTEE = re.compile(r"評選委員|評審委員|審查委員|評委|甄審委員|評選小組|工作小組成員")
_COMMITTEE_MEMBER = re.compile(
    rf"[{_SURNAME_CHARS}][\u4e00-\u9fff]{{1,2}}"
    r"(?=副?教授|技正|委員|律師|會計師|建築師|技師|研究員|博士|先生|女士|[處科局]長|主任)"
)
COMMITTEE_ROWS = 6
_COMPANY = re.compile(r"(股份)?有限公司|企業社|工程行|商行|工作室")


@dataclass(frozen=True)
class Page:
    """Document evidence read from the OCR rows (words only)."""

    specimen: bool = False  # marked as a specimen / example
    public: bool = False  # a public notice or published results, not marked "not yet"
    letter: bool = False  # the frame of an official letter or notice
    marked: bool = False  # a classified marking (密, 限閱...): never weighed down
    not_yet: bool = False  # says it is not public yet or must be kept secret (尚未, 請勿外傳...)
    menu: bool = False  # prices in rows: a menu or price list
    blank_form: bool = False  # an application form's labels with (almost) nothing filled in
    meeting: bool = False  # a meeting notice (開會通知單, 開會事由, 開會時間...)
    personnel_roster: int = 0  # rows of name + grade/score under a personnel title
    bidders_roster: int = 0  # rows of companies under a bidders title, before the opening
    committee: int = 0  # names with their titles after an evaluation committee's word, not awarded
    bid_price: bool = False  # a reserve price (底價) row with its amount, not awarded yet
    stamped: bool = False  # a secrecy stamp row (偵查不公開, 不公開) in the page's first rows
    chat: bool = False  # a chat screenshot: messages with their times
    shop: bool = False  # a shop's flyer: prices, discounts, opening hours, its address
    training: bool = False  # training material: its title says it teaches the rules
    assets: bool = False  # a list or label of the agency's own vehicles or property (its title)
    agency_account: bool = False  # an account whose holder (戶名) is an agency or a company
    inspection_targets: int = 0  # target rows under an unannounced inspection's head
    card: bool = False  # a business card: agency, contact labels, nobody else's fields
    asset_tag: bool = False  # a property tag: custodian and the tag's labels, no seizure


def norm_row(row: str) -> str:
    return re.sub(r"\s+", "", row).upper()


# A stamp printed with its characters spaced apart (樣　張) is read as one-character boxes.
_SPREAD_STAMPS = (("樣", "張"), ("樣", "本"), ("範", "例"), ("樣", "品"))


def _stamp_in_single_boxes(boxes: Sequence[str]) -> bool:
    """Both characters of a specimen stamp stand as boxes of their own."""
    single = {b for b in (norm_row(x) for x in boxes) if len(b) == 1}
    return any(a in single and b in single for a, b in _SPREAD_STAMPS)


def read_page(rows: Sequence[str], boxes: Sequence[str] = ()) -> Page:
    """The evidence in the OCR rows (top to bottom); `boxes`: the engine's single text boxes,
    where a stamp stands on its own even when its row holds other words."""
    norm = [norm_row(r) for r in rows if r.strip()]
    flat = "\n".join(norm)
    head = norm[:4]
    marked = any(_MARKING.search(r) for r in norm)
    specimen = (
        any(_SPECIMEN_STAMP.match(r) for r in norm)
        or any(_SPECIMEN_STAMP.match(norm_row(b)) for b in boxes)
        or bool(_SPECIMEN_ANY.search(flat))
        or _stamp_in_single_boxes(boxes)
    )
    not_yet = bool(_NOT_YET.search(_MARKING_LABEL.sub("", flat)))
    public = not not_yet and (
        any(_PUBLIC_TITLE.search(r) for r in head) or bool(_PUBLIC_ANY.search(flat))
    )
    letter = sum(1 for p in _LETTER_FIELDS if any(p.search(r) for r in norm)) >= 1 and (
        sum(1 for r in norm if _LETTER_FIELDS[0].match(r)) >= 2
        or any(_LETTER_FIELDS[1].search(r) for r in head)
    )
    # prices in three rows, or three prices over two rows (a menu's columns read as one row)
    menu = sum(1 for r in norm if _PRICE.search(r)) >= 3 or (
        len(_PRICE.findall(flat)) >= 3 and sum(1 for r in norm if _PRICE.search(r)) >= 2
    )
    title = "".join(head)
    personnel = 0
    if PERSONNEL_TITLE.search(title):
        graded = any(_GRADE_COLUMN.search(r) for r in norm)
        personnel = sum(
            1
            for r in rows
            if _NAME_CELL.search(r.strip())
            and (_GRADE.search(r + " ") or (graded and _BARE_GRADE.search(r.strip())))
        )
    bidders = 0
    if BIDDERS_TITLE.search(title) and not public:
        bidders = sum(1 for r in norm if _COMPANY.search(r))
    bid_price = not public and not _AWARDED.search(flat) and any(_BID_PRICE.search(r) for r in norm)
    committee = 0
    if not public and not _AWARDED.search(flat) and not _TRAINING_TITLE.search(title):
        at = next((i for i, r in enumerate(norm) if COMMITTEE.search(r)), None)
        if at is not None:
            after = "\n".join(norm[at : at + COMMITTEE_ROWS])
            after = after[COMMITTEE.search(after).end() :]  # type: ignore[union-attr]
            committee = len(set(_COMMITTEE_MEMBER.findall(after)))
    blank_form = (
        (
            any(_FORM_TITLE.search(r) for r in head)
            or sum(1 for r in norm if _BLANK_ROW.match(_BLANKS.sub("", r))) >= 3
        )
        and sum(1 for r in norm if _FILLED_CELL.search(_BLANKS.sub("", r)) and "。" not in r) <= 1
        and not any(_NUMBER.search(r) for r in norm)
    )
    card = (
        not marked
        and len(norm) <= CARD_MAX_ROWS
        and any(_CARD_AGENCY.search(r) for r in norm[:3])
        and len({m.group(1).replace("-", "") for r in norm if (m := _CARD_CONTACT.match(r))})
        >= CARD_MIN_CONTACTS
        and not _OTHER_PERSON_FIELD.search(flat)
    )
    asset_tag = (
        not marked
        and len(norm) <= TAG_MAX_ROWS
        and bool(_TAG_CUSTODIAN.search(flat))
        and (bool(_TAG_LABEL.search(flat)) or bool(_AGENCY_ASSET.search(flat)))
        and not _SEIZED.search(flat)
        and not _OTHER_PERSON_FIELD.search(flat)
    )
    inspection_targets = 0
    if (
        not public
        and _INSPECT_WORD.search(title)
        and INSPECT_HEAD.search(title)
        and not _INSPECT_DONE.search(flat)
    ):
        inspection_targets = sum(1 for r in norm[1:] if _TARGET_ROW.search(r))
    return Page(
        inspection_targets=inspection_targets,
        card=card,
        asset_tag=asset_tag,
        chat=sum(1 for r in norm if CHAT_TIME.search(r)) >= CHAT_MIN_TIMES,
        training=not marked
        and (
            bool(_TRAINING_TITLE.search("".join(norm[:2])))
            or any(_TRAINING_FOOTER.search(r) for r in norm[-2:])
        ),
        assets=not marked and bool(_AGENCY_ASSET.search("".join(norm[:2]))),
        agency_account=not marked and bool(_HOLDER_AGENCY.search(flat)),
        shop=not marked
        and len(set(_SHOP_PAGE.findall(flat)) | set(_SHOP_SERVICE.findall(flat)))
        + bool(norm and _SHOP_TITLE.match(norm[0]))
        >= SHOP_MIN_MARKS,
        stamped=any(_SECRECY_STAMP.match(r) for r in norm[:6]),
        meeting=len(set(_MEETING.findall(flat))) >= 2,
        blank_form=blank_form,
        bid_price=bid_price,
        not_yet=not_yet,
        specimen=specimen,
        public=public,
        letter=letter,
        marked=marked,
        menu=menu,
        personnel_roster=personnel,
        bidders_roster=bidders,
        committee=committee,
    )
