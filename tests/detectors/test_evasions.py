"""Evasions: each way of writing a value to dodge a filter, one table row, through
`scan_text` and the finding type. And the near misses that must stay ordinary:
order numbers, document numbers, amounts, dates, extensions, invoice numbers.

Values are synthetic (valid check digits, no real person).
"""

from __future__ import annotations

import pytest

from detectors import scan_text
from detectors.base import mask_middle
from tests.support.idgen import luhn_card, national_id, resident_new, resident_old, wrong_check

NID = "E220193843"  # valid check digit
NID2 = "P128774104"
MOBILE = "0932771405"
CARD = luhn_card("4")  # not the allow-listed test card
CARD_SPACED = " ".join(CARD[i : i + 4] for i in range(0, 16, 4))
RID = resident_new("A", 8, "1234567")  # A812345671
ARC = resident_old("A", "C", "1234567")  # AC12345679


def _fullwidth(v: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) for c in v)


def _math_bold(v: str) -> str:
    return "".join(chr(0x1D7CE + int(c)) if c.isdigit() else c for c in v)


def _circled(v: str) -> str:
    return "".join(("⓪" if c == "0" else chr(0x2460 + int(c) - 1)) if c.isdigit() else c for c in v)


def _arabic_indic(v: str) -> str:
    return "".join(chr(0x0660 + int(c)) if c.isdigit() else c for c in v)


CN = "零一二三四五六七八九"
RADIO = "洞么兩三四五六拐八勾"

# (row id, message, finding type expected among the findings)
EVASIONS: list[tuple[str, str, str]] = [
    ("id split over two sentences", "麻煩查一下王志明 E2201。後五碼是93843", "tw_national_id"),
    ("id split, cue word between", "身分證前半 E2201 後半 93843", "tw_national_id"),
    ("id split, letter alone", "統號字母E 數字220193843", "tw_national_id"),
    ("id split by a comma", "王志明 E2201，93843", "tw_national_id"),
    ("mobile read out in Chinese", "他手機" + "".join(CN[int(c)] for c in MOBILE), "phone_number"),
    ("mobile in Chinese with commas", "他手機零九三二，七七一，四零五", "phone_number"),
    ("mobile in Chinese, ideographic commas", "手機：零九三二、七七一、四零五", "phone_number"),
    ("mobile in police-radio numerals", "手機 洞勾三兩 拐拐么 四洞五", "phone_number"),
    (
        "mobile in radio numerals, no spaces",
        "手機" + "".join(RADIO[int(c)] for c in MOBILE),
        "phone_number",
    ),
    ("id in Chinese numerals", "身分證 E" + "".join(CN[int(c)] for c in NID[1:]), "tw_national_id"),
    ("letter O for a zero inside an id", "身分證 P1287741O4", "tw_national_id"),
    ("letter I for the one after the letter", "身分證 PI28774104", "tw_national_id"),
    ("letter l for a one inside a mobile", "手機 O932-77l-4O5", "phone_number"),
    ("e-mail spaced around @ and dots", "民眾陳美玲 chen.meiling88 @ gmail . com", "email"),
    ("e-mail with [at] and (dot)", "民眾陳美玲 信箱 chen.meiling88[at]gmail(dot)com", "email"),
    ("e-mail spelled at / dot", "民眾 yang dot kaiwen at gmail dot com", "email"),
    ("e-mail with full-width @ and dots", "民眾信箱 wang_ming＠yahoo．com．tw", "email"),
    ("e-mail with 小老鼠 and 點", "民眾信箱 chen88 小老鼠 gmail 點 com", "email"),
    ("mobile separated by slashes", "電話 0932/771/405", "phone_number"),
    ("mobile separated by dots", "電話 0932.771.405", "phone_number"),
    ("mobile separated by U+3000", "電話 0932\u3000771\u3000405", "phone_number"),
    ("id separated by slashes", "身分證 E220/193/843", "tw_national_id"),
    ("id separated by U+3000", "身分證 E220\u3000193\u3000843", "tw_national_id"),
    ("id in mathematical bold digits", "身分證 E" + _math_bold(NID[1:]), "tw_national_id"),
    ("id in circled digits", "身分證 E" + _circled(NID[1:]), "tw_national_id"),
    ("mobile in Arabic-Indic digits", "電話 " + _arabic_indic(MOBILE), "phone_number"),
    ("id in full-width", "身分證 " + _fullwidth(NID), "tw_national_id"),
    ("id with a Cyrillic first letter", "身分證 Е220193843", "tw_national_id"),
    ("id with a Greek first letter", "身分證 Ρ128774104", "tw_national_id"),
    ("id with a Cyrillic lower-case letter", "身分證 р128774104", "tw_national_id"),
    ("id with combining marks inside", "身分證 E2\u03012\u03080193843", "tw_national_id"),
    ("mobile with keycap marks", "電話 0\ufe0f\u20e39\ufe0f\u20e332771405", "phone_number"),
    ("card spaced with bold digits", "卡號 " + _math_bold(CARD_SPACED), "credit_card"),
    (
        "passport roster",
        "護照名單：王志明 312345678、陳美玲 308765432、林建宏 309876543",
        "passport_number",
    ),
    (
        "passport roster one a line",
        "出國名單（護照號碼）\n王志明 312345678\n陳美玲 308765432\n林建宏 309876543",
        "passport_number",
    ),
    ("account with the bank's name and spaces", "匯到 台新銀行 2081 0100 1234 56", "bank_account"),
    ("account with bank name and a person", "陳美玲 國泰世華 0135 0123 4567", "bank_account"),
    ("account grouped with commas", "陳美玲給的帳戶 臺灣企銀 784,084,448,01", "bank_account"),
    (
        "id in three pieces, letter named",
        "幫我key一下林金龍，英文E，數字22019……剩下3843",
        "tw_national_id",
    ),
    ("id with I and O after the letter", "請查 HIO6932643", "tw_national_id"),
    ("id with O typed for zeros, one last", "身分證 K21000OO5O", "tw_national_id"),
    ("resident id in pieces", "居留證 A8000 接 00014", "tw_resident_id"),
    ("mobile in two pieces", "陳美玲的手機前四碼0932，後六碼771405", "phone_number"),
    ("mobile in three pieces", "家長陳美玲的手機：0932，然後771，最後405", "phone_number"),
    ("mobile with a spaced 0 9", "陳先生手機 0 9 3 2 . 7 7 1 . 4 0 5", "phone_number"),
    (
        "card read out in Chinese with commas",
        "陳美玲的卡號 "
        + "，".join("".join(CN[int(c)] for c in CARD[i : i + 4]) for i in range(0, 16, 4)),
        "credit_card",
    ),
    ("e-mail with a spelled @ and (dot)", "請回信到 jasonhung96 at hotmail(dot)com", "email"),
    ("e-mail with [at] and [dot]", "請回信到 meiling_lin97[at]icloud[dot]com", "email"),
    (
        "e-mail with (小老鼠) and (點)",
        "家長林志明的信箱：lin.zhiming78（小老鼠）gmail（點）com",
        "email",
    ),
    ("e-mail with 加 @ 加", "楊淑芬 e-mail 是 yangsf 加 @ 加 hotmail.com", "email"),
    ("plate spaced out after 的車牌", "沈耀德的車牌V C M 8 5 7 3", "license_plate"),
    ("plate spaced in full width", "羅先生的車：Ａ Ｂ Ｃ － ５ ６ ７ ８，常違停", "license_plate"),
    # Written backwards, digits first and the letter last: read when the text says so
    # (反著, 倒過來...) or an ID word stands right before it.
    ("id reversed, said so", "反著打比較安全 " + NID[::-1] + "（王志明）", "tw_national_id"),
    ("id reversed after its label", "王志明的字號倒過來念：" + NID[::-1], "tw_national_id"),
    ("id reversed after 身分證", "身分證 " + NID[::-1], "tw_national_id"),
    ("id reversed and dashed", "倒過來寫 3483-9102-2E", "tw_national_id"),
    ("resident id reversed", "居留證倒過來 " + RID[::-1], "tw_resident_id"),
    ("old resident id reversed", "居留證 " + ARC[::-1], "tw_resident_id"),
    # Arabic and Chinese numerals in one number.
    (
        "mobile mixing full-width and Chinese numerals",
        "江小姐請你回電 ０９６７四五一227",
        "phone_number",
    ),
    ("mobile mixing numerals, 3 Chinese", "電話是０９３１九五九607，當事人本人接", "phone_number"),
    ("id mixing numerals", "身分證 E220一九3843", "tw_national_id"),
    ("id mixing numerals, a name before", "王志明 E22０一九三843", "tw_national_id"),
    ("id split, the count in digits", "麻煩查一下王志明 E2201。後5碼是93843", "tw_national_id"),
    ("mobile backwards, said so", "陳志明手機倒著寫 " + MOBILE[::-1], "phone_number"),
    # A card in pairs split by commas or spaced dots, an account one digit per slash.
    (
        "card in pairs split by commas",
        "卡號 " + ",".join(CARD[i : i + 2] for i in range(0, 16, 2)) + " 幫他刷",
        "credit_card",
    ),
    (
        "card in pairs split by spaced dots",
        "陳美玲的信用卡 " + " . ".join(CARD[i : i + 2] for i in range(0, 16, 2)),
        "credit_card",
    ),
    (
        "account one digit per slash",
        "戶名陳美玲，帳號 " + "/".join("20810100123456"),
        "bank_account",
    ),
    # A look-alike letter ending the number, not only inside it.
    ("mobile opening with o, ending with s", "回電給陳美玲：o93277140s", "phone_number"),
    ("resident id ending with l", "移工 MARIA SANTOS 居留證 " + RID[:-1] + "l", "tw_resident_id"),
    (
        "id reversed, its letter a look-alike (kept a letter)",
        "反過來念 " + national_id("Z", 1, "2345678")[::-1],
        "tw_national_id",
    ),
    (
        "office number in Arabic-Indic digits",
        "來電號碼" + _arabic_indic(MOBILE) + "，說要找承辦",
        "phone_number",
    ),
    # A plate read out beside a plate word: Chinese numerals, 槓 for the dash, other
    # separators, every character dashed, the groups named.
    ("plate digits in Chinese numerals", "車牌 ABC 三五二七 幫我查一下", "license_plate"),
    ("plate digits first in Chinese", "車號 三五二七-XY 的車主", "license_plate"),
    ("plate in radio numerals", "車牌是 拐拐洞-TT，常停在巷口", "license_plate"),
    ("plate with 槓 for the dash", "車牌 RDQ 槓 七七六一，查一下", "license_plate"),
    ("plate with a middle dot", "車牌 ABC·1234 那台", "license_plate"),
    ("plate with a slash", "車號是 ABC/1234，幫忙看一下", "license_plate"),
    ("plate every character dashed", "車牌 B-F-K-8-3-0-2 那台", "license_plate"),
    ("plate groups named", "車牌 英文BFK 數字八三零二", "license_plate"),
    ("plate in full width, digits spaced", "車號 ＡＢＣ　三 五 二 七", "license_plate"),
    ("plate beside a drunk-driving stop", "酒駕的那位，ZBK-0146，酒測值0.77", "license_plate"),
    # An account with the bank's name right before it, split in pieces, grouped by slashes.
    ("account after a bank's short name", "一銀 123.45.678901 王先生的", "bank_account"),
    ("account after a branch", "第一銀行 忠孝分行 201-50-123456", "bank_account"),
    ("account after the bank code", "國泰世華(013) 0135-0123-4567", "bank_account"),
    ("post office account, two groups", "中華郵政 0001234 0567890", "bank_account"),
    ("account in two pieces", "林先生的玉山銀行帳號 5863，後面接695922334", "bank_account"),
    ("account pieces labelled", "帳號前7碼0001234\n後7碼0567890", "bank_account"),
    (
        "account pieces, the rest in Chinese numerals",
        "他的帳號，前面65444，後面二零五零五七七六",
        "bank_account",
    ),
    ("account grouped by slashes", "帳號 1234/5678/9012 戶名王小明", "bank_account"),
    ("account after a bank, 11 digits from 02", "私人帳戶 兆豐銀行 02320951583", "bank_account"),
    # E-mail: a full-width ＠ or dot, an ideographic full stop for the dot, the @ and the
    # dot in CJK or square brackets, (a) or # for the @, the address told in two parts.
    ("e-mail with a full-width @ only", "陳情人信箱 chen.ml＠abc-design.com.tw", "email"),
    ("e-mail with a small-form @", "民眾信箱 wang_ming﹫yahoo.com.tw", "email"),
    ("e-mail with 。 for the dot", "民眾信箱 wang.ming＠gmail。com", "email"),
    ("e-mail with 「at」 and 「dot」", "信箱 wang「at」gmail「dot」com", "email"),
    ("e-mail defanged [@] and [.]", "民眾信箱 wang[@]gmail[.]com", "email"),
    ("e-mail with ( at ) spaced inside", "家長信箱 lin88 ( at ) hotmail ( dot ) com", "email"),
    ("e-mail with (a) for the @", "陳情人 wang(a)gmail.com", "email"),
    ("e-mail with # for the @", "民眾信箱 wang.ming#gmail.com", "email"),
    ("e-mail in two parts", "私人信箱：wang.ming，後面是 gmail.com", "email"),
    ("e-mail in two parts with the @", "信箱帳號 wangming88 然後 @yahoo.com.tw", "email"),
    ("e-mail told by its provider", "他的 gmail 是 wangming1988，直接寄給他", "email"),
    # An ID in pieces: the end told first, the letter named after it or as the first
    # character, a long pause (……) between the pieces; look-alikes: | or ! for a 1,
    # three o / i / l in it, the letter spelled out.
    ("id, last digits told first", "王志明身分證後五碼93843，前面是E2201", "tw_national_id"),
    ("id, letter then 開頭", "E開頭，220193843（王志明的）", "tw_national_id"),
    ("id, the first character named", "第一碼 E，後九碼 220193843", "tw_national_id"),
    ("id pieces with a long pause", "王志明那個，字號E22……等等我看一下……0193843", "tw_national_id"),
    ("id in pieces in brackets", "「前面是E2201」「後面93843」王志明的", "tw_national_id"),
    ("id with a | for a 1", "王志明：P|28774104", "tw_national_id"),
    ("id with a ! for a 1", "王志明 P128774!04 幫查", "tw_national_id"),
    (
        "id with three look-alikes after the letter",
        "身分證 PI2877AIO4".replace("A", "4"),
        "tw_national_id",
    ),
    ("id with o, i and l, no id word", "請查 Pl287741O4 這個人", "tw_national_id"),
    ("id with the letter spelled in brackets", "身分證 E(Echo)220193843", "tw_national_id"),
    ("id with the letter spelled, as in", "身分證 E as in Edward 220193843", "tw_national_id"),
    # Slashes between the groups of every kind of number.
    (
        "card grouped by slashes",
        "陳美玲卡號 " + "/".join(CARD[i : i + 4] for i in range(0, 16, 4)),
        "credit_card",
    ),
    ("card one digit per slash", "陳美玲的信用卡 " + "/".join(CARD), "credit_card"),
    ("card in two halves by a slash", "陳美玲的卡 " + CARD[:8] + " / " + CARD[8:], "credit_card"),
    ("passport grouped by slashes", "王志明護照 312/345/678", "passport_number"),
    ("account in two groups by a slash, bank named", "王志明 郵局 0001234/0567890", "bank_account"),
    ("account in four groups of three", "帳號 012/345/678/901 戶名王志明", "bank_account"),
    ("landline grouped by slashes", "王志明家裡電話 02/2345/6789", "phone_number"),
    ("landline grouped by commas", "王志明 電話 02,2345,6789", "phone_number"),
    ("account after 存簿", "王志明的存簿 0001234-0567890", "bank_account"),
    ("e-mail with 艾特 for the @", "民眾留的信箱 weijie.hsu 艾特 gmail.com", "email"),
    (
        "account read out in numerals, comma groups",
        "補助帳戶：中國信託 四五零， 柒貳陸， 零七三， 貳肆玖",
        "bank_account",
    ),
    (
        "id in parts named 第一段 / 第二段",
        "統號分兩次給你，第一段E2201。第二段93843。",
        "tw_national_id",
    ),
    ("resident id in pieces, no word for it", "前面是A8000 / 後面00014", "tw_resident_id"),
    (
        "id backwards, compact, no cue",
        "陳情人王志明（" + NID[::-1] + "）又打來了",
        "tw_national_id",
    ),
    (
        "resident id backwards, compact, no cue",
        "移工資料 " + RID[::-1] + "，要打疫苗",
        "tw_resident_id",
    ),
    ("id letter in the NATO alphabet", "身分證 Echo 220193843", "tw_national_id"),
    ("id in radio style, NATO letter", "身分證 Echo 兩兩洞么勾三八四三", "tw_national_id"),
    (
        "id pieces labelled with counts and colons",
        "王志明 ID 前5：E2201 後5：93843",
        "tw_national_id",
    ),
    (
        "card in two pieces",
        "卡號前8碼 " + CARD[:8] + "，後8碼 " + CARD[8:] + "（王志明）",
        "credit_card",
    ),
    (
        "card pieces, the rest after 後面接",
        "王志明的信用卡 前面" + CARD[:8] + "，後面接" + CARD[8:],
        "credit_card",
    ),
    ("passport in two pieces", "王志明護照前五碼31234，後四碼5678", "passport_number"),
]


@pytest.mark.parametrize(("row", "text", "type_"), EVASIONS, ids=[r[0] for r in EVASIONS])
def test_evasion_is_caught(row: str, text: str, type_: str) -> None:
    result = scan_text(text)
    assert type_ in result.types, (row, result.types)
    assert result.verdict in ("warn", "block")
    for f in result.findings:
        assert 0 <= f.start < f.end <= len(text)


def test_split_id_span_covers_both_pieces_and_masks_the_id() -> None:
    text = "麻煩查一下王志明 E2201。後五碼是93843"
    [f] = [f for f in scan_text(text).findings if f.type == "tw_national_id"]
    assert text[f.start : f.end] == "E2201。後五碼是93843"
    assert f.masked == mask_middle(NID)
    assert f.checksum is True


def test_every_roster_line_is_a_passport_number() -> None:
    text = "出國名單（護照號碼）\n王志明 312345678\n陳美玲 308765432\n林建宏 309876543"
    found = [f for f in scan_text(text).findings if f.type == "passport_number"]
    assert len(found) == 3


def test_look_alike_digits_map_back_to_the_original_span() -> None:
    written = "E" + _circled(NID[1:])
    text = f"身分證 {written} 請查"
    [f] = [f for f in scan_text(text).findings if f.type == "tw_national_id"]
    assert text[f.start : f.end] == written


def test_an_evasion_gets_the_same_answer_as_the_plain_value() -> None:
    plain = scan_text(f"民眾陳美玲 {MOBILE}")
    spoken = scan_text("民眾陳美玲 零九三二，七七一，四零五")
    assert [(f.type, f.masked, f.score) for f in spoken.findings] == [
        (f.type, f.masked, f.score) for f in plain.findings
    ]
    assert spoken.verdict == plain.verdict


IDENTIFIERS = {
    "tw_national_id",
    "tw_resident_id",
    "credit_card",
    "passport_number",
    "phone_number",
    "bank_account",
    "email",
}

# Near misses: none of these is an identifier of a person.
ORDINARY: list[tuple[str, str]] = [
    ("order number", "訂單編號 1234567890123 已出貨"),
    ("document number", "府授人字第1130012345號"),
    ("document numbers listed", "文號 1130012345、1130012346、1130012347"),
    ("amount with commas", "金額 1,234,567 元"),
    ("amounts listed", "2,345、3,456、4,567、5,678"),
    ("date range with slashes", "113/03/05 至 113/03/10"),
    ("date and time", "會議 09/12 10:30 2樓"),
    ("extension", "分機 1234"),
    ("office line and extension", "請撥 (02)2388-1234 轉 5678"),
    ("invoice number", "發票號碼 AB12345678 隨機碼 1234"),
    ("enumeration in Chinese numerals", "第一、二、三、四、五、六、七項"),
    ("room and extension after a code", "會議在 B1203 會議室，分機 12345"),
    ("code then a reply deadline", "E2201 請於三日內回復 93843"),
    ("purchase request number", "請購單號 P1130305001"),
    ("liters", "1l 2l 3l 4l"),
    ("a mention then a sentence", "hi @amy. ok"),
    ("wrong check digit, spaced", "身分證 E220/193/844"),
    ("wrong check digit, split", "麻煩查一下王志明 E2201。後五碼是93844"),
    ("wrong check digit, Cyrillic", "身分證 Е220193844"),
    ("course code", "課程代碼 190731，請上網報名"),
    ("document number shaped like a mobile", "來文移署一字第0912345678號請於一週內回復"),
    ("case number shaped like a mobile", "案號：0932771405，已送地檢署"),
    ("office line with en dashes", "承辦人 電話 02–2388–1234 分機 12"),
    ("office line read out in Chinese", "本局專線 零九一二三四五六七八"),
    ("amount grouped in threes", "匯款 1,234,567,890 元"),
    ("wrong check digit, in pieces", "幫我key一下林金龍，英文E，數字22019……剩下3844"),
    ("wrong Luhn, grouped by commas", "卡號 1234,5678,9012,3456"),
    # Backwards readings need a word that says so, and the checksum.
    ("valid id backwards, no cue", "訂單編號 " + NID[::-1] + " 已出貨"),
    ("product code ending in a letter", "型號 123456781A 倒過來放"),
    ("wrong check digit, reversed with a cue", "倒過來念 " + wrong_check(NID)[::-1]),
    ("wrong check digit, reversed after 身分證", "身分證 " + wrong_check(NID)[::-1]),
    ("reversed id followed by a digit", "倒過來寫 " + NID[::-1] + "1"),
    ("number backwards, no phone word", "發文字號倒過來是 1234567890"),
    ("a count of digits, wrong check digit", "麻煩查一下王志明 E2201。後5碼是93844"),
    # Mixed numerals: only a run as long as an ID or a mobile, with 3+ ASCII digits.
    ("mixed numerals, a short list", "第3、4、5、六、七、八組請到場"),
    ("date with Chinese numerals", "113年一月二日 10:30 開會"),
    ("amount ending in Chinese numerals", "預算 1,234,五六七 元"),
    ("wrong Luhn, bold digits", "卡號 " + _math_bold(CARD_SPACED[:-1] + str(int(CARD[-1]) ^ 1))),
    ("seven digits and a unit letter", "水塔容量 12345678l 已驗收"),
    ("card amounts with decimals", "刷卡金額 12,345.67、23,456.78、34,567.89"),
    ("dates with slashes beside an account word", "帳號 113/03/05 到 113/03/10 的交易明細"),
    # A number labelled as what it is, or part of something else, is no phone or card.
    ("serial number shaped like a mobile", "流水號 0987654321 請登錄"),
    ("lottery number shaped like a mobile", "抽獎號碼 0912 345 678 號中獎"),
    ("file named by a mobile-shaped number", "檔名 0912345678.pdf 請改名"),
    ("mobile digits inside a longer code", "資料夾 2024-0912-345678"),
    ("13-digit barcode passing Luhn", "條碼 4710088430012 的紙箱"),
    ("labelled tracking number passing Luhn", "追蹤碼 " + CARD + " 已出貨"),
    ("a bill's virtual account", "虛擬帳號 99912345678901 請於期限內繳費"),
    # Plates: the agency's own car, parking, masked, model numbers without a plate word.
    ("agency car read out", "公務車 車號 ABC 三五二七 明天送保養"),
    ("parking, plate read out", "車牌 ABC 三五二七 的車擋到出口，請移車"),
    ("masked plate", "車號 ABC-**27 已遮蔽"),
    ("model number in Chinese numerals", "幫我查一下 ISO 九〇〇一 的驗證，明天開會"),
    ("model number beside a vehicle", "公務車的輪胎型號 AB 一二三 要換"),
    # Accounts: a registered letter's number, a phone after a bank, masked, a count.
    ("registered letter number", "中華郵政 掛號 12345678901234 已送達"),
    ("bank's phone line", "合庫 分行電話 02-2173-8888 分機 123"),
    ("bank's toll-free line", "台新 0800-000-456 客服"),
    ("masked account, last digits", "帳號末五碼 12345，金額 6,000 元已退回"),
    ("account's last digits then a receipt", "帳號末四碼4299，後面的收據號碼 12345678"),
    ("dates by slashes beside a bank", "一銀 113/03/05 到 113/03/10 的對帳單"),
    ("agency collection account", "本署專戶 中華郵政 帳號 0001234-0567890 戶名 內政部移民署"),
    # E-mail: an office address however written, hashtags, a provider's name alone.
    ("office address with a full-width @", "請寄 service＠mail.moi.gov.tw"),
    ("office address in brackets", "公務信箱 service「at」mail.moi.gov.tw"),
    ("room numbers with #", "會議室#3 與 #4 都借好了"),
    ("a language name with #", "C#.net 課程下週開班"),
    ("office domain told after a cue", "請寄到公務信箱，後面是 gov.tw"),
    ("mailbox size then a provider", "信箱容量 5GB，後面再加 gmail.com 的"),
    ("a provider's service", "gmail 是 google 的服務，公務請用機關信箱"),
    # IDs: the same readings with a wrong check digit; a table's pipes; a course code.
    ("wrong check, last digits first", "王志明身分證後五碼93844，前面是E2201"),
    ("wrong check, letter then 開頭", "E開頭，220193844（王志明的）"),
    ("wrong check, a | for a 1", "王志明：P|28774105"),
    ("wrong check, three look-alikes", "身分證 PI28774IO5"),
    ("wrong check, letter spelled", "身分證 E(Echo)220193844"),
    ("table cells with pipes", "成績 A|1|90|85|77|62 請核對"),
    ("a room told before a code", "後面那間 301 會議室，前面是 B2201"),
    # Slashes: dates beside a card, phone, passport or bank word; a wrong Luhn sum.
    ("card expiry and a date", "卡片到期 2025/12/31，換卡 2026/01/15 寄出"),
    (
        "wrong Luhn, slashes",
        "卡號 "
        + "/".join(CARD[i : i + 4] for i in range(0, 12, 4))
        + "/"
        + CARD[12:15]
        + str((int(CARD[15]) + 1) % 10),
    ),
    ("a date after a phone word", "王志明 電話 05/12/2024 已回覆"),
    ("passport expiry", "王志明護照 2030/05/12 到期"),
    ("a date after a bank", "郵局 2024/03/05/10 寄出的包裹"),
    ("an amount from 0 with commas", "預算 02,345,678 元，電話確認過了"),
    ("tender number by year", "A113-224131招標公告已上網，有興趣廠商請上採購網"),
    ("case number by year after 案", "違建案A114-661076排拆9/22，已經公告"),
    ("case number by year after 編號", "白○凱（個案編號A113-536976）疫調完成"),
    ("a balance in comma groups", "帳戶餘額 450,726,073,249 元"),
    ("an enumeration after an account word", "帳號設定步驟 1、2、3、4、5、6、7、8、9、10 項"),
    ("a room after a part", "第一段 B2201 會議室，第二段 3 樓 12345 分機"),
    ("compact backwards, wrong check digit", "這筆代碼 " + wrong_check(NID)[::-1] + " 請確認"),
    ("nine digits and a unit letter, spaced", "水塔容量 123456789 l 已驗收"),
    ("a NATO word before a wrong id", "身分證 Echo 220193844"),
    (
        "card pieces, wrong Luhn",
        "卡號前8碼 " + CARD[:8] + "，後8碼 " + CARD[8:15] + str((int(CARD[15]) + 1) % 10),
    ),
    ("passport word, a date and a fee", "護照 113 年換發，後面 1300 元規費"),
]


CHECKSUMMED = {"tw_national_id", "tw_resident_id", "credit_card"}


@pytest.mark.parametrize(("row", "text"), ORDINARY, ids=[r[0] for r in ORDINARY])
def test_near_miss_is_no_identifier(row: str, text: str) -> None:
    """Allowed, no identifier reported; a checksummed type not even weighed (an
    office line may be found and let pass as one)."""
    result = scan_text(text)
    assert result.verdict == "allow", (row, result.types)
    assert not {f.type for f in result.findings} & IDENTIFIERS, row
    assert not {f.type for f in result.suppressed} & CHECKSUMMED, row
