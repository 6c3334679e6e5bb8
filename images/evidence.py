"""Weigh what the text engine found in OCR text with what the page is.

The text detectors read a photo's words as if someone had typed them in the chat. A page is more
than its words: a printed notice names its officials and its office lines because it is public; a
card marked 樣本 / SPECIMEN shows the published example, not a person; a menu prints the shop's
mobile; a calendar is a grid of day numbers, not a card number. The other way round, a list of
names with their appraisal grades, or the bidders of a tender before the opening, is a leak even
when no sentence around it says so.

`read_page(rows)` (images/page_kinds.py) collects that document evidence once (words only,
never values), and `weigh(result, page, text)` applies it to a ScanResult: findings the evidence
explains are moved to `suppressed` with the reason appended to their rule (`+doc_evidence.<why>`),
findings the page itself makes (a roster of names and grades) are added, and the verdict is taken
again from what is left. Checksummed identity numbers are only ever set aside on a page marked as
a specimen.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from detectors import Finding, ScanResult
from images.page_kinds import (
    BIDDERS_TITLE,
    CHAT_TIME,
    COMMITTEE,
    INSPECT_HEAD,
    INSPECT_MIN_TARGETS,
    PERSONNEL_TITLE,
    Page,
    norm_row,
)

# --- what the weighing reads ----------------------------------------------------------------

# The matters a stamped page can restore, the one that says most about the page first.
_STAMPED_MATTERS = (
    "investigation_secret",
    "warrant",
    "inspection_plan",
    "criminal_record",
    "health_info",
)
# The subject of a letter or a meeting notice.
_SUBJECT = re.compile(r"^(主旨|開會事由|事由|會議名稱|主題)")
# Officials and the people a notice or a shop names by their role.
_OFFICIAL = re.compile(
    r"承辦人|聯絡人|連絡人|召集人|主持人|發言人|負責人|代表人|老闆|店長|經理|首長|秘書|"
    r"[局處科股課組隊所室署部院會]長|專員|科員|辦事員|技士|技正|視察|督導|主任|主委|委員|"
    r"檢察官|法官|市長|縣長|鄉長|鎮長|區長|里長|分機|專線|熱線"
)
# A shop's own number: the row that prints it names the shop or the ordering.
_SHOP = re.compile(
    r"店家|商店|商行|便當|餐廳|餐館|小吃|麵店|飲料|咖啡|早餐|快餐|老闆|訂購|外送|訂餐|叫貨|門市|營業時間"
)
# A matter read from an agency's name where the row gives a place ("地點：桃園市政府消防局2樓").
_AGENCY_TRIGGER = re.compile(r"^\[[^\]]*[局署處所隊室科部院會府]\]$")
_PLACE_ROW = re.compile(r"地點|地址|主辦|協辦|會議室|禮堂|\d+樓")
_UNIT_SUFFIX = frozenset("科隊組室股課處局所")
# A row that is a label, not a sentence: a sender's display name, the group's title bar.
_LABEL_ROW = re.compile(r"^[^，。？！,.?!:：；;]{1,12}$")
# What follows a field label on a letter's row: a colon (the value after it).
_FIELD_LABEL_AFTER = re.compile(r"\s?[:：]")
# An invoice number (two letters, a hyphen, eight digits): the text engine's look-alike map
# may read its second letter as a digit (Z for 2) and find an identity number in it.
_INVOICE_NO = re.compile(r"[A-Z]{2}-\d{8}")
# The letter's own contact rows in its header (電話：, 傳真： and its misreading 傅真：).
_LETTER_CONTACT = re.compile(r"^(電話|傳真|傅真|TEL|FAX)[:：]")
# The same label right before the number, wherever the row starts (a row holding 承辦人 and 電話).
_CONTACT_BEFORE = re.compile(r"(電話|傳真|傅真|TEL|FAX)[:：]?$")
# Someone named by surname only, as news and published decisions do (張男, 王姓, 陳女, 林嫌).
_SURNAME_ONLY = re.compile(r"^.[男女姓嫌某]")
# An official's title written beside the name on its row (王科長, 林怡君 專員, 隊長 張國強).
_TITLE = re.compile(
    r"[局處科股課組隊所室署部院會]長|專員|科員|辦事員|技士|技正|視察|督導|主任|主委|委員|秘書|"
    r"檢察官|法官|市長|縣長|鄉長|鎮長|區長|里長|幹事|總幹事|校長|老師|教授|醫師|警員|巡佐|主席"
)
# A unit's or an agency's name on the phone's row (受理單位：衛生局 電話 ...): the unit's line.
_AGENCY_ROW = re.compile(
    r"(政府|[局處署]|公所|中心|分局|派出所|事務所|[科課股組室隊]|委員會)(\s|[:：(（]|電話|TEL|$)"
)
# A count in a statistics row whose label names another activity (稽查家數, 受檢家數): no tender's
# bidders.
_STAT_COUNT = re.compile(
    r"(稽查|檢查|抽查|抽驗|受檢|查核|合格|不合格|違規|輔導|訪視|營業|登記|受理|列管)家數"
)
_PROCUREMENT_WORD = re.compile(r"投標|開標|標案|底價|招標|決標|領標|廠商名單|採購")
# What an official does in a letter: the name beside it acts, it is not the matter's subject.
_ACTOR = re.compile(r"負責|主持|擔任|承辦|召集|帶隊|率隊|聯絡|洽詢|辦理|督導|主講|講授|致詞|核定")
ACTOR_WINDOW = 4
_LANDLINE = re.compile(r"^\(?0[2-8]")
# A number a row labels as something other than a phone (財產編號, 序號, 條碼, 訂單編號, S/N):
# a serial, not a line to call.
_SERIAL_LABEL = re.compile(
    r"(編號|序號|型號|條碼|單號|批號|文號|字號|案號|卡號|機號|證號|票號|S/?N|SERIAL|NO\.?)\s?[:：]?\s?$"
)
_PHONE_WORD = re.compile(r"電話|手機|行動|專線|聯絡|分機|傳真|TEL|FAX|PHONE|MOBILE")
# The letter's own address: the sender's field in the letter's header (地址：...).
_LETTER_ADDRESS = re.compile(r"^(機關)?(地址|會址|址)[:：]")
_HOTLINE = re.compile(r"^(1999|0800|080\d|110|119|1955|1957|1922|165)")
_OFFICE_RULES = ("phone_number.office", "phone_number.office_extension", "phone_number.hotline")
# The reserve price's word: where the page's own bid-price finding points.
_BID_WORD = re.compile(r"底價")


# --- weighing ----------------------------------------------------------------------------------

_HARD = frozenset({"tw_national_id", "tw_resident_id", "passport_number", "credit_card"})
_PERSONAL = frozenset(
    {"person_name", "phone_number", "address", "birth_date", "email", "license_plate"}
)
ROSTER_MIN_ROWS = 2
BLOCK_AT = 0.85  # the default block threshold; a loaded policy's own is used when given


def _line_of(text: str, f: Finding) -> str:
    start = text.rfind("\n", 0, f.start) + 1
    end = text.find("\n", f.end)
    return text[start : end if end >= 0 else len(text)]


def _card_shaped(span: str) -> bool:
    """A card number as printed: one line, groups of 4 (or 4-6-5, or one run)."""
    if "\n" in span:
        return False
    groups = re.findall(r"\d+", span)
    return len(groups) <= 1 or all(len(g) >= 4 for g in groups)


def _unit_in_table_row(f: Finding, text: str) -> bool:
    """The trigger word is part of a unit's name (稽查科, 偵查隊) in a table row, not a sentence."""
    line = _line_of(text, f)
    return (
        text[f.end : f.end + 1] in _UNIT_SUFFIX
        and len(line) <= 24
        and not re.search(r"[，,。！？!?]", line)
    )


def _acting(f: Finding, text: str) -> bool:
    """The name is the one acting on its row (負責, 主持, 承辦, 擔任...): an official doing the
    letter's business, not the person the row's matter is about."""
    near = text[max(0, f.start - ACTOR_WINDOW) : f.end + ACTOR_WINDOW]
    return _ACTOR.search(near) is not None


def _why_set_aside(
    f: Finding,
    page: Page,
    text: str,
    others: list[Finding],
    matter_rows: frozenset[int] = frozenset(),
) -> str | None:
    """The evidence that explains `f`, or None when it stands; `matter_rows`: where the rows
    holding a keyword matter start."""
    if page.specimen:
        return "specimen"
    if f.type == "credit_card" and f.source == "ocr" and not _card_shaped(text[f.start : f.end]):
        return "digit_grid"
    if page.marked:
        return None
    if f.type == "tw_national_id" and _INVOICE_NO.fullmatch(text[f.start : f.end].strip()):
        return "invoice_number"
    if f.type in _HARD and f.checksum:
        return None
    if (
        f.type == "phone_number"
        and f.source == "ocr"
        and len(groups := re.findall(r"\d+", text[f.start : f.end])) >= 3
        and all(len(g) <= 2 for g in groups)
    ):
        # two-digit groups in a row: times or days of a timetable, not a number to call
        return "digit_grid"
    if (
        f.type == "procurement_secret"
        and _STAT_COUNT.search(_line_of(text, f))
        and not _PROCUREMENT_WORD.search(text)
    ):
        return "statistics"
    if f.type == "person_name" and _SURNAME_ONLY.match(text[f.start : f.end]):
        return "surname_only"
    if f.type == "bank_account" and page.agency_account:
        return "agency_account"
    if f.type == "phone_number":
        # the row's label before the value (digits of the same value read ahead of it dropped)
        before = re.sub(
            r"[\d\-.]+$", "", norm_row(text[text.rfind("\n", 0, f.start) + 1 : f.start])
        )
        if _SERIAL_LABEL.search(before) and not _PHONE_WORD.search(before):
            return "serial_number"
    if page.public:
        return "public_notice"
    if page.assets and f.type == "license_plate":
        return "agency_asset"
    if page.blank_form:
        return "blank_form"
    if page.card and f.type in ("phone_number", "email", "person_name", "address"):
        return "business_card"  # the holder's own work contact, printed to be handed out
    if page.asset_tag and f.type in ("phone_number", "birth_date", "person_name"):
        # a property number read as a phone, the acquisition date as a birth date, the custodian
        return "asset_tag"
    if (
        f.type == "phone_number"
        and _LANDLINE.match(text[f.start : f.end])
        and _AGENCY_ROW.search(norm_row(text[text.rfind("\n", 0, f.start) + 1 : f.start]))
        and not any(
            o.type == "person_name" and _line_of(text, o) == _line_of(text, f) for o in others
        )
    ):
        return "office_line"
    if (
        f.type not in _PERSONAL
        and f.type not in _HARD
        and not page.not_yet
        and (
            (_AGENCY_TRIGGER.match(f.masked) and _PLACE_ROW.search(_line_of(text, f)))
            or _unit_in_table_row(f, text)
        )
    ):
        return "agency_place"
    line = _line_of(text, f)
    if (page.menu or page.shop) and f.type in ("phone_number", "address", "person_name"):
        return "shop"
    if (
        page.training
        and f.type not in _PERSONAL
        and f.type not in _HARD
        and not any(o.type in _PERSONAL or o.type in _HARD for o in others)
    ):
        # a slide listing what must not be done names the matters, nobody's case
        return "training"
    if page.shop and not page.not_yet and f.type not in _PERSONAL:
        # a matter read from an advertisement's copy (優先處理 as a tip-off)
        return "shop"
    if f.type == "phone_number" and _SHOP.search(line):
        return "shop"
    if page.letter:
        if (
            f.type == "person_name"
            and (f.rule == "person_name.staff" or _OFFICIAL.search(line))
            # on a row that holds a matter, a titled name is the matter's subject (科員王大明
            # 違反規定, 評選委員為王大明教授) unless it is the one acting (王專員負責)
            and (_row_span(text, f.start)[0] not in matter_rows or _acting(f, text))
        ):
            return "official"
        if (
            f.type == "person_name"
            and _FIELD_LABEL_AFTER.match(text, f.end)
            and (not text[f.start - 1 : f.start].strip())
        ):
            # a row's field label misread as a name (傅真：for 傳真：): a label, not a person
            return "field_label"
        if f.type == "phone_number" and (
            f.rule in _OFFICE_RULES
            or _HOTLINE.match(text[f.start : f.end])
            or _LETTER_CONTACT.match(norm_row(line))
            or _CONTACT_BEFORE.search(norm_row(text[text.rfind("\n", 0, f.start) + 1 : f.start]))
        ):
            return "office_line"
        # the letter's own address row: its address, and a place in it read as a name (羅東鎮)
        if f.type in ("address", "person_name") and _LETTER_ADDRESS.match(norm_row(line)):
            return "office_address"
        if f.type in _PERSONAL or f.type in _HARD or page.not_yet:
            return None
        # the letter's own subject (主旨, 開會事由): what the letter is about, not a disclosure,
        # unless it names someone who is not one of its officials
        if (page.meeting or _SUBJECT.match(norm_row(line))) and not any(
            o.type == "person_name" for o in others
        ):
            return "letter_subject"
        if f.rule.endswith(".context") and not any(
            o.type in _PERSONAL or o.type in _HARD for o in others
        ):
            return "letter_subject"
    return None


def _roster_finding(ftype: str, rule: str, text: str, word: re.Pattern[str]) -> Finding:
    m = word.search(text)
    start, end = (m.start(), m.end()) if m else (0, 0)
    return Finding(
        type=ftype,
        start=start,
        end=end,
        masked=m.group() if m else ftype,  # the title word, never a value
        score=0.9,
        rule=rule,
        source="ocr",
        context=m.group() if m else None,
    )


LIST_MIN_ROWS = 4  # rows holding a person's name that make a page a list (roster, directory)


def _row_span(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, end if end >= 0 else len(text)


def _ties_within_rows(result: ScanResult, text: str, rescan: Callable[[str], ScanResult]) -> bool:
    """On a list (a directory, a sign-in or order sheet, a roster) a name is tied only to what
    its own row says: the agency's address in the header or the shop's phone under the table
    belong to nobody in it. Each row holding personal data is judged again on its own; keyword
    matters still weigh the whole page. Returns whether anything changed."""
    name_rows = {
        _row_span(text, f.start)
        for f in (*result.findings, *result.suppressed)
        if f.type == "person_name"
    }
    personal = [f for f in result.findings if f.type in _PERSONAL]
    if len(name_rows) < LIST_MIN_ROWS or not personal:
        return False
    if any(f.type not in _PERSONAL and f.type not in _HARD for f in result.findings):
        return False
    rows = sorted({_row_span(text, f.start) for f in personal})
    again: list[Finding] = []
    for start, end in rows:
        for f in rescan(text[start:end]).findings:
            if f.type in _PERSONAL:
                g = f.with_score(f.score)
                g.start, g.end = f.start + start, f.end + start
                again.append(g)
    found = {(f.type, f.start) for f in again}
    for f in personal:
        if (f.type, f.start) not in found:
            aside = f.with_score(f.score)
            aside.rule += "+doc_evidence.list_row"
            result.suppressed.append(aside)
    result.findings = [f for f in result.findings if f.type not in _PERSONAL] + again
    if len(again) < len(personal) and "doc_evidence.list_row" not in result.reasons:
        result.reasons.append("doc_evidence.list_row")
    return True


def chat_messages(text: str) -> list[tuple[int, int]]:
    """The spans of a chat screenshot's messages in the joined OCR text: a message runs over
    its rows up to the one carrying its time; a label row (a sender's name, the group's
    title) stands alone."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    pos = 0
    rows = text.split("\n")
    for n, row in enumerate(rows):
        end = pos + len(row)
        timed = CHAT_TIME.search(row) is not None
        # a short row between a message's row and its time is the bubble's wrapped tail (能講)
        tail = start is not None and n + 1 < len(rows) and CHAT_TIME.search(rows[n + 1]) is not None
        if not timed and not tail and _LABEL_ROW.match(re.sub(r"\s+", "", row)):
            if start is not None:
                spans.append((start, pos - 1))
                start = None
            spans.append((pos, end))
        else:
            start = pos if start is None else start
            if timed:
                spans.append((start, end))
                start = None
        pos = end + 1
    if start is not None:
        spans.append((start, len(text)))
    return spans


def _by_message(result: ScanResult, text: str, rescan: Callable[[str], ScanResult]) -> bool:
    """On a chat screenshot each message is judged on its own, as the bot judges a typed one:
    a sender's name above a question about the rules is not the subject of that question.
    Checksummed identity numbers stand whatever the split. Returns whether anything changed."""
    again: list[Finding] = []
    for start, end in chat_messages(text):
        # the message's time and read receipt are the app's, not the sender's words
        words = CHAT_TIME.sub(lambda m: " " * len(m.group()), text[start:end])
        # a bubble wraps its sentence at the screen's width, not at its words: read its rows
        # as one line (誰問都不 / 能講), each position mapped back to the page's text
        at = [i for i, c in enumerate(words) if c != "\n"]
        for f in rescan("".join(words[i] for i in at)).findings:
            g = f.with_score(f.score)
            if at:
                g.start = at[min(f.start, len(at) - 1)] + start
                g.end = at[max(min(f.end, len(at)) - 1, 0)] + 1 + start
            else:
                g.start, g.end = f.start + start, f.end + start
            again.append(g)
    found = {(f.type, f.start) for f in again}
    kept = list(again)
    changed = False
    for f in result.findings:
        if (f.type, f.start) in found:
            continue
        if f.type in _HARD and f.checksum:
            kept.append(f)
            continue
        aside = f.with_score(f.score)
        aside.rule += "+doc_evidence.chat_message"
        result.suppressed.append(aside)
        changed = True
    if changed:
        result.findings = kept
        if "doc_evidence.chat_message" not in result.reasons:
            result.reasons.append("doc_evidence.chat_message")
    return changed


def _sift(
    result: ScanResult, findings: list[Finding], page: Page, text: str
) -> tuple[list[Finding], bool]:
    """The findings the page's evidence leaves standing; the others go to `suppressed`."""
    kept: list[Finding] = []
    changed = False
    # Personal data first, keyword matters after (weak ones last): whether a matter stands
    # depends on whom the page still names.
    order = sorted(
        findings,
        key=lambda f: (
            0 if f.type in _PERSONAL or f.type in _HARD else 2 if f.rule.endswith(".context") else 1
        ),
    )
    matter_rows = frozenset(
        _row_span(text, f.start)[0]
        for f in findings
        if f.type not in _PERSONAL and f.type not in _HARD
    )
    for f in order:
        why = _why_set_aside(f, page, text, kept, matter_rows)
        if why is None:
            kept.append(f)
            continue
        aside = f.with_score(f.score)
        aside.rule += f"+doc_evidence.{why}"
        result.suppressed.append(aside)
        changed = True
        if f"doc_evidence.{why}" not in result.reasons:
            result.reasons.append(f"doc_evidence.{why}")
    return kept, changed


def _officials_alone(result: ScanResult, kept: list[Finding], text: str) -> list[Finding]:
    """A page that names people only with their titles (王科長, 隊長 張國強) and office lines,
    and holds no matter and no other personal data: an organisation chart, a directory, a
    notice signed by its committee. The names are officials', the landlines their offices';
    neither is a private person's data. A mobile number, an address, a birth date or any
    keyword matter leaves the page to the text engine."""
    if any(f.type not in ("person_name", "phone_number") for f in kept):
        return kept
    names = [f for f in kept if f.type == "person_name"]
    if not names or not all(_TITLE.search(_line_of(text, f)) for f in names):
        return kept
    phones = [f for f in kept if f.type == "phone_number"]
    if not all(_LANDLINE.match(text[f.start : f.end]) for f in phones):
        return kept
    for f in kept:
        aside = f.with_score(f.score)
        why = "official" if f.type == "person_name" else "office_line"
        aside.rule += f"+doc_evidence.{why}"
        result.suppressed.append(aside)
        if f"doc_evidence.{why}" not in result.reasons:
            result.reasons.append(f"doc_evidence.{why}")
    return []


def _beyond_subject(
    result: ScanResult, kept: list[Finding], text: str, rescan: Callable[[str], ScanResult]
) -> list[Finding]:
    """A matter set aside as the letter's subject stands when the rest of the letter says it
    too: with the subject rows blanked, the text engine still finds it (主旨：台端遭檢舉一案 over
    說明：檢舉人為本所王科員). Restored with the score the rest of the letter gives it."""
    aside = [f for f in result.suppressed if f.rule.endswith("+doc_evidence.letter_subject")]
    if not aside:
        return kept
    rows: list[tuple[int, int]] = []
    pos = 0
    for row in text.split("\n"):
        if _SUBJECT.match(norm_row(row)):
            rows.append((pos, pos + len(row)))
        pos += len(row) + 1
    if not rows:
        return kept
    # what the page explains as its own (officials, office lines) weighs nothing up here either
    rows += [
        (f.start, f.end)
        for f in result.suppressed
        if "+doc_evidence." in f.rule and not f.rule.endswith(_OWN_JUDGED) and f.type in _PERSONAL
    ]
    again = {g.type: g for g in rescan(_blanked(text, rows)).findings}
    for f in aside:
        g = again.get(f.type)
        if g is None or any(k.type == f.type for k in kept):
            continue
        result.suppressed.remove(f)
        back = g.with_score(g.score, "doc_evidence.beyond_subject")
        back.rule += "+doc_evidence.beyond_subject"
        kept.append(back)
        result.reasons.append("doc_evidence.beyond_subject")
    return kept


def _same_officials(
    result: ScanResult, kept: list[Finding], page: Page, text: str
) -> list[Finding]:
    """A name the page has shown as one of its officials is that official wherever else it
    stands (承辦人：羅芬瑞 and 逕洽羅芬瑞科長, one of them misread); on a letter, a name alone on
    a short row below its 正本 / 副本 lines is its signer (局長 陳金恩 with the title misread)."""
    if not page.letter:
        return kept
    officials = {
        text[f.start : f.end]
        for f in result.suppressed
        if f.type == "person_name"
        and (f.rule.endswith("+doc_evidence.official") or f.rule == "person_name.staff")
    }
    copies = [m.end() for m in re.finditer(r"(?m)^\s*(正本|副本)", text)]
    after = copies[-1] if copies else len(text)
    out: list[Finding] = []
    for f in kept:
        line = _line_of(text, f)
        if f.type == "person_name" and (
            text[f.start : f.end] in officials
            or (f.start > after and len(norm_row(line)) <= SIGNER_ROW and not _PUNCT.search(line))
        ):
            aside = f.with_score(f.score)
            aside.rule += "+doc_evidence.official"
            result.suppressed.append(aside)
            if "doc_evidence.official" not in result.reasons:
                result.reasons.append("doc_evidence.official")
            continue
        out.append(f)
    return out


SIGNER_ROW = 8
_PUNCT = re.compile(r"[，,。！？!?:：；;]")


def _blanked(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """`text` with `spans` replaced by spaces (same length: offsets stay put)."""
    chars = list(text)
    for start, end in spans:
        for i in range(max(0, start), min(end, len(chars))):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


# Set aside by a judgement of their own row or message: the page's other findings were already
# judged without them.
_OWN_JUDGED = ("+doc_evidence.list_row", "+doc_evidence.chat_message")
# A surname alone identifies nobody to the public, but to the accused it is enough to tell who
# reported them: a whistleblower finding keeps what a surname gave it.
_SURNAME_KEEPS = frozenset({"whistleblower_identity"})


def _rejudge(
    result: ScanResult, kept: list[Finding], text: str, rescan: Callable[[str], ScanResult]
) -> tuple[list[Finding], bool]:
    """What the page explains as its own (its officials, office lines, the shop's phone, a
    unit's name) is no evidence for anything else on it: the text engine weighed a matter up
    because a name stood near it, or a name up because a matter word (偵查 in 偵查隊) or a phone
    stood near it. Those spans are blanked and the findings left standing are judged again,
    each keeping the lower of its two scores; one the engine no longer finds is set aside.
    Checksummed identity numbers, rejoined numbers and the MRZ stand as they are."""
    spans = [
        (f.start, f.end)
        for f in result.suppressed
        if "+doc_evidence." in f.rule and not f.rule.endswith(_OWN_JUDGED)
    ]
    if not spans or not kept:
        return kept, False
    surnames = any(f.rule.endswith("+doc_evidence.surname_only") for f in result.suppressed)
    again = rescan(_blanked(text, spans))
    scores = {(g.type, g.start): g.score for g in again.findings}
    out: list[Finding] = []
    changed = False
    for f in kept:
        if (
            (f.type in _HARD and f.checksum)
            or f.start == f.end
            or "+ocr_join" in f.rule
            or "+doc_evidence.beyond_subject" in f.rule
            or (surnames and f.type in _SURNAME_KEEPS)
        ):
            out.append(f)
            continue
        new = scores.get((f.type, f.start))
        if new is None:
            aside = f.with_score(f.score)
            aside.rule += "+doc_evidence.rejudged"
            result.suppressed.append(aside)
            changed = True
        elif new < f.score:
            out.append(f.with_score(new, "doc_evidence.rejudged"))
            changed = True
        else:
            out.append(f)
    if changed and "doc_evidence.rejudged" not in result.reasons:
        result.reasons.append("doc_evidence.rejudged")
    return out, changed


def _restore_stamped(result: ScanResult, kept: list[Finding], page: Page, block_at: float) -> bool:
    """On a page stamped secret (偵查不公開) that names someone, a matter the text engine let
    pass on its discourse cues (a sentence's 已完成, a reminder's 勿...) stands: the stamp says
    the page is not public, whatever its sentences sound like. Restored at the block
    threshold, with the stamp in its rule. Returns whether anything was restored."""
    if not page.stamped or page.specimen or page.public or page.blank_form:
        return False
    if any(f.type in _STAMPED_MATTERS for f in kept):
        return False
    named = any(f.type == "person_name" for f in (*kept, *result.suppressed))
    matters = [
        f
        for f in result.suppressed
        if f.type in _STAMPED_MATTERS and "+doc_evidence." not in f.rule
    ]
    if not named or not matters:
        return False
    best = max(matters, key=lambda f: (f.score, -_STAMPED_MATTERS.index(f.type)))
    back = best.with_score(max(best.score, block_at), "doc_evidence.secrecy_stamp")
    back.rule += "+doc_evidence.secrecy_stamp"
    kept.append(back)
    result.suppressed.remove(best)
    result.reasons.append("doc_evidence.secrecy_stamp")
    return True


def weigh(
    result: ScanResult,
    page: Page,
    text: str,
    *,
    block_at: float = BLOCK_AT,
    rescan: Callable[[str], ScanResult] | None = None,
) -> None:
    """Apply the page's evidence to `result` (in place); `text` is the joined OCR text the
    findings' spans point into; `rescan` runs the text engine on a part of it (one row)."""
    # A chat screenshot: each message is judged on its own before the page's evidence.
    by_message = (
        page.chat
        and not page.marked
        and rescan is not None
        and bool(result.findings)
        and _by_message(result, text, rescan)
    )
    kept, changed = _sift(result, result.findings, page, text)
    changed = changed or by_message
    result.findings = kept
    # On a list, ties are judged row by row once the page-wide matters are settled.
    if rescan is not None and _ties_within_rows(result, text, rescan):
        changed = True
        kept, _ = _sift(result, result.findings, page, text)
    # (a meeting notice is its subject throughout: its time and place are the meeting's)
    if rescan is not None and page.letter and not page.meeting and not page.marked:
        before = len(kept)
        kept = _beyond_subject(result, kept, text, rescan)
        changed = changed or len(kept) != before
    if not page.marked and not page.chat and kept:
        before = len(kept)
        kept = _same_officials(result, kept, page, text)
        kept = _officials_alone(result, kept, text)
        changed = changed or len(kept) != before
    if rescan is not None and not page.marked and not by_message:
        kept, again = _rejudge(result, kept, text, rescan)
        changed = changed or again
    if not page.specimen and not page.public:
        # A roster or a price sheet the page shows, with no blocking finding of its type:
        # the page's own finding stands for that type's.
        for present, type_, reason, title in (
            (
                page.personnel_roster >= ROSTER_MIN_ROWS,
                "personnel_secret",
                "doc_evidence.personnel_roster",
                PERSONNEL_TITLE,
            ),
            (
                page.bidders_roster >= ROSTER_MIN_ROWS,
                "procurement_secret",
                "doc_evidence.bidders_roster",
                BIDDERS_TITLE,
            ),
            (
                page.committee >= ROSTER_MIN_ROWS,
                "procurement_secret",
                "doc_evidence.committee_roster",
                COMMITTEE,
            ),
            (page.bid_price, "procurement_secret", "doc_evidence.bid_price", _BID_WORD),
            (
                page.inspection_targets >= INSPECT_MIN_TARGETS,
                "inspection_plan",
                "doc_evidence.inspection_targets",
                INSPECT_HEAD,
            ),
        ):
            if present and not any(f.type == type_ and f.score >= block_at for f in kept):
                kept = [f for f in kept if f.type != type_]
                kept.append(_roster_finding(type_, reason, text, title))
                result.reasons.append(reason)
                changed = True
    if _restore_stamped(result, kept, page, block_at):
        changed = True
    if not changed:
        return
    result.findings = kept
    top = max((f.score for f in kept), default=0.0)
    if not kept:
        result.verdict = "allow"
        result.reasons = [r for r in result.reasons if r.startswith("doc_evidence.")]
    else:
        result.verdict = "block" if top >= block_at else "warn"
