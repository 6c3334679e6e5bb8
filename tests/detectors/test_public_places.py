"""Office and public lines, public places (issue 9: "the agency's own vehicles and office
lines"). Who a landline belongs to and what it is for, and what stands at an address,
decide whether it is a person's: a unit's line or one offered to whoever calls is not a
person's phone; a sidewalk, a drain or a venue at a street address is not a person's home.
A citizen's or a named person's phone (mobile or landline) and a person's home address
are still leaks. Every row is made up for this test."""

from __future__ import annotations

import pytest

from tests.support.type_rows import TypeRow, check_type_row, type_row_ids

# (text, type, expect): "flag" = the message is warned or blocked and the type reported;
# "none" = the type is not reported and the message is allowed.
ROWS: list[TypeRow] = [
    # a unit's line (its name labels the number)
    ("和平里王里長服務處電話 (02)2711-3456，里民有事可以打", "phone_number", "none"),
    ("路面坑洞請民眾撥1999或養護工程處 (02)2345-6789", "phone_number", "none"),
    ("有問題請撥里辦公處電話 (07)555-1234，謝謝各位鄰長", "phone_number", "none"),
    ("清潔隊電話 03-3456-7890，大型廢棄物請先預約", "phone_number", "none"),
    ("長照中心的服務專線是 04-2222-8765，家屬可以打去問", "phone_number", "none"),
    ("福林國小電話 (03)345-6789，家長可以打", "phone_number", "none"),
    # a line offered to whoever calls, nobody's between the verb and the number
    ("申請補助詳情請電 (02)2960-3456", "phone_number", "none"),
    ("研習報名請電洽 (04)2222-1234 王小姐", "phone_number", "none"),
    ("有任何問題歡迎來電 07-555-1234", "phone_number", "none"),
    ("民眾打110是報案，一般諮詢請撥 04-2222-3456", "phone_number", "none"),
    ("補助的事民眾可洽 (06)299-1111，上班時間有人接", "phone_number", "none"),
    # who calls in is told which line to dial (來電請改撥): the line is the office's
    ("總機故障，民眾來電請改撥 (02)2960-3456", "phone_number", "none"),
    ("系統維護期間里民打來時請撥 (04)2222-1234", "phone_number", "none"),
    # a notice's contact desk is a unit, a comma between it and the number
    ("本案聯絡窗口：停車管理科，電話(04)2345-1671。", "phone_number", "none"),
    ("本局受理窗口：旅宿管理科，(07)2770-4682，請多利用", "phone_number", "none"),
    # a person's line: the role owns it, or is the one to reach, or called in
    ("陳情人來電，請回撥 (04)2345-9079，他在等", "phone_number", "flag"),
    ("聯絡窗口轉來里民陳大同的住處，電話(04)2345-1671", "phone_number", "flag"),
    ("民眾王小明家裡電話 02-2345-6789，他說白天沒人", "phone_number", "flag"),
    ("要找陳情人請撥 (02)2345-6789，被檢舉的一直在問", "phone_number", "flag"),
    ("關係人電話 (04)2345-6789，請他明天來說明", "phone_number", "flag"),
    ("里民陳大同住處電話 02-2876-5432，不要外流", "phone_number", "flag"),
    ("民眾留了一組電話 (02)2345-6789，說是他家的", "phone_number", "flag"),
    ("民眾打來說他的電話是 (02)2345-6789，請回電", "phone_number", "flag"),
    ("民眾來電 (02)2345-6789 說家裡漏水，請回撥", "phone_number", "flag"),
    ("王小明電話請撥 02-2345-6789，他在等", "phone_number", "flag"),
    ("社會局電話請洽 (02)2960-3456", "phone_number", "none"),
    ("請民眾撥的那支是個案林美玉的手機 0912-345-678", "phone_number", "flag"),
    # a public place at a street address: a works site, a repair, a venue
    ("工務段明天上午會勘中山路100巷5號人行道，請包商到場", "address", "none"),
    ("林議員下週二來會勘民族路45巷3號排水，請工務課陪同", "address", "none"),
    ("有民眾反映民生路23號前路燈不亮，已派工", "address", "none"),
    ("經建課：復興路88巷12號側溝清淤預計下週施工，已通知里長", "address", "none"),
    ("中山路100號至250號路段明天刨鋪，請改道", "address", "none"),
    # the role who reported the place is not who lives there
    ("民眾反映忠孝路200號騎樓被佔用，已請清潔隊處理", "address", "none"),
    # a person's home, whatever stands near it
    ("王小明住中山路100號至今三年，鄰居都認識", "address", "flag"),
    ("案主林美玉住民生路23號3樓，對面是公園，明天家訪", "address", "flag"),
    ("王小明住在中山路100巷5號，門口人行道破了", "address", "flag"),
    ("屋主王大明的房子在民族路45巷3號，明天會勘別先講", "address", "flag"),
    ("民眾王大同住中山路100號，反映門口路燈不亮", "address", "flag"),
]


@pytest.mark.parametrize(("text", "type_", "expect"), ROWS, ids=type_row_ids(ROWS))
def test_public_lines_and_places(text: str, type_: str, expect: str) -> None:
    check_type_row(text, type_, expect)
