"""Test tables, one per detector, rows grouped as the style guide asks:
valid / invalid / near_miss / sentence / evasion.

A row is (group, text, expect):
- "flag": a finding of this type is reported and the message is not allowed;
- "seen": the detector found it (reported or weighed and let pass);
- "none": no finding of this type is reported (it may have been weighed);
- "absent": the detector found nothing at all.
"""

from __future__ import annotations

from idgen import luhn_card, national_id, resident_new, resident_old, wrong_check

NID = national_id("F", 1, "2345678")
NID2 = national_id("T", 2, "0987654")
RES_NEW = resident_new("A", 8, "0012345")
RES_OLD = resident_old("A", "C", "0901188")
CARD = luhn_card("4")
JCB = luhn_card("35")
ZW = "\u200b"

Row = tuple[str, str, str]

TABLES: dict[str, list[Row]] = {
    "tw_national_id": [
        ("valid", NID, "flag"),
        ("valid", f"身分證字號 {NID2}", "flag"),
        ("invalid", wrong_check(NID), "absent"),
        ("invalid", "訂單編號 V237312688 已出貨", "absent"),
        ("near_miss", f"{NID}5 是料號", "absent"),
        ("near_miss", "A123456789 是範例表單上的號碼", "none"),
        ("sentence", f"請問民眾的身分證{NID}可以幫忙確認戶籍嗎", "flag"),
        ("sentence", f"his ID is {NID2}, please check", "flag"),
        ("evasion", f"統號：{NID.translate({c: c + 0xFEE0 for c in range(0x21, 0x7F)})}", "flag"),
        ("evasion", f"id {NID.lower()}", "flag"),
        ("evasion", " ".join(NID), "flag"),
        ("evasion", f"{NID[:4]}-{NID[4:7]}-{NID[7:]}", "flag"),
        ("evasion", ZW.join(NID), "flag"),
        ("evasion", f"{NID[:5]}\n{NID[5:]}", "flag"),
        ("evasion", f"{NID[:3]}🙂{NID[3:]}", "flag"),
    ],
    "tw_resident_id": [
        ("valid", f"居留證 {RES_NEW}", "flag"),
        ("valid", f"ARC {RES_OLD}", "flag"),
        ("invalid", f"居留證 {wrong_check(RES_NEW)}", "absent"),
        ("invalid", f"居留證 {wrong_check(RES_OLD)}", "absent"),
        ("near_miss", "型號 AX12345678 的印表機", "absent"),
        ("sentence", f"看護的居留證號碼是{RES_OLD}，仲介要影本", "flag"),
        ("evasion", f"居留證 {RES_NEW.lower()}", "flag"),
        ("evasion", f"居留證 {' '.join(RES_OLD)}", "flag"),
        ("evasion", f"居留證 {RES_NEW[:2]}{ZW}{RES_NEW[2:]}", "flag"),
    ],
    "passport_number": [
        ("valid", "護照號碼 312345678", "flag"),
        ("valid", "passport no. P2457380C", "flag"),
        ("invalid", "訂單 312345678 已付款", "absent"),
        ("near_miss", "護照申請要帶兩吋照片 2 張", "absent"),
        ("sentence", "仲介要她的護照號碼：E12345678，我先不給", "flag"),
        ("evasion", "護照 3 1 2 3 4 5 6 7 8", "flag"),
    ],
    "phone_number": [
        ("valid", "關係人電話 0970-005-587", "flag"),
        ("valid", "民眾手機 +886 912 876 543", "flag"),
        ("invalid", "請撥 1999 市民專線", "absent"),
        ("invalid", "反詐騙請打 165，緊急報案 110", "absent"),
        ("near_miss", "承辦人 (02)2388-9393 分機 6786", "none"),
        ("near_miss", "有事打我手機 0911-222-333", "none"),
        ("near_miss", "免付費 0800-024-111", "absent"),
        ("sentence", "嫌疑人王大明的手機是0955666777，請追蹤", "flag"),
        ("evasion", "關係人電話 零九七零 零零五 五八七", "flag"),
        ("evasion", "關係人電話 〇九七〇-〇〇五-五八七", "flag"),
        ("evasion", "關係人電話 ０９７０－００５－５８７", "flag"),
        ("evasion", "關係人電話 0970.005.587", "flag"),
        ("evasion", "關係人電話 0970 O05 587", "flag"),
    ],
    "email": [
        ("valid", "民眾 email: wanghappy@gmail.com", "flag"),
        ("valid", "申請人林小姐的信箱 lin.hsiao@yahoo.com.tw", "flag"),
        ("invalid", "寄到 a@b 就好", "absent"),
        ("near_miss", "有問題請寄 service@immigration.gov.tw", "none"),
        ("sentence", "檢舉人的信箱是 kuo.peiyu@gmail.com，別說出去", "flag"),
        ("evasion", "當事人信箱 yang dot kaiwen at gmail dot com", "flag"),
        ("evasion", "申請人信箱\nyuhsuan.lin2001\n@gmail.com", "flag"),
    ],
    "address": [
        ("valid", "嫌犯住在新北市板橋區文化路一段188號5樓", "flag"),
        ("valid", "戶籍地：臺中市西屯區福星路427巷8弄3號", "flag"),
        ("invalid", "地址還沒填，明天補", "absent"),
        ("near_miss", "內政部移民署 臺北市中正區廣州街15號，公文寄這裡", "none"),
        ("near_miss", "會議地點：本局三樓，中山路100號", "none"),
        ("sentence", "王小明住 台南市東區長榮路二段 77 號，你直接去找他", "flag"),
        ("evasion", "他住 屏東市自由路\n530號", "flag"),
        ("evasion", "住址 新竹縣竹北市光明六路東一段 226 號 12 樓之 3", "flag"),
    ],
    "birth_date": [
        ("valid", "歐陽岳翔 民國56年12月24日生", "flag"),
        ("valid", "當事人 林美玲 出生日期 75.03.02", "flag"),
        ("invalid", "民國56年13月40日生", "absent"),
        ("near_miss", "開會通知：6/21（五） 14:30 2樓", "absent"),
        ("near_miss", "阿岳生日快樂🎂", "absent"),
        ("near_miss", "公文 113年3月5日 發文", "absent"),
        ("sentence", "申請人陳志豪，生日 750302，電話待補", "flag"),
        ("evasion", "當事人 余凱 民國六十八年十二月一日生", "flag"),
        ("evasion", "當事人 余凱 ７５年３月２日生", "flag"),
    ],
    "bank_account": [
        ("valid", "匯款帳號 700-0012-3456-789 戶名 林美華", "flag"),
        ("valid", "陳秀琴 郵局 局號0081234 帳號0567812", "flag"),
        ("invalid", "帳號密碼不要寫在便利貼", "absent"),
        ("near_miss", "罰鍰請匯入本署專戶 0123-4567-8901", "none"),
        ("near_miss", "公文文號 1130012345 請查照", "absent"),
        ("sentence", "當事人的帳戶 012345678901 最近有大筆進出", "flag"),
        ("evasion", "戶名 馮淑美\n帳號 0123456\n7890123", "flag"),
    ],
    "credit_card": [
        ("valid", f"信用卡號 {CARD}", "flag"),
        ("valid", f"{JCB} 12/26 這張刷不過", "flag"),
        ("invalid", f"信用卡號 {wrong_check(CARD)}", "absent"),
        ("near_miss", "訂單號 1234567890123456 已出貨", "absent"),
        ("sentence", f"民眾的卡號是{CARD}，有效期限 09/28", "flag"),
        ("evasion", f"卡號 {CARD[:4]} {CARD[4:8]} {CARD[8:12]} {CARD[12:]}", "flag"),
        ("evasion", f"卡號 {'-'.join([CARD[:4], CARD[4:8], CARD[8:12], CARD[12:]])}", "flag"),
    ],
    "license_plate": [
        ("valid", "幫我查車牌 BBD-5678 車主是誰", "flag"),
        ("valid", "查到了 那台 VWW-202 登記在 吳美玲 名下", "flag"),
        ("invalid", "型號 ABC-12 的零件", "absent"),
        ("near_miss", "車牌 ABC-1234 的公務車今天送保養", "none"),
        ("near_miss", "料號 XYZ-1234 缺貨", "absent"),
        ("sentence", "機車 AAC-8511 是 古家豪 的，要通知他來領", "flag"),
        ("evasion", "幫我查車號 ｂｂｄ－５６７８ 的車主", "flag"),
    ],
    "person_name": [
        ("valid", f"請問 皇甫崴睿 的身分證 {NID2}", "flag"),
        ("valid", "關係人諸葛崴崴，電話 0970-005-587", "flag"),
        ("invalid", "謝謝大家 😊", "absent"),
        ("near_miss", "歡迎新同事王小明加入！", "none"),
        ("near_miss", "承辦人 端木隊員 (02)2388-9393 分機 6786", "none"),
        ("sentence", "看護 LAN ANH VO 的居留證是 " + RES_OLD, "flag"),
        ("sentence", "歐陽岳翔 民國56年12月24日生，住桃園市平鎮區龍江路152號", "flag"),
        ("evasion", "申請人：歐陽志豪\n統一編號：" + NID[:5] + "\n" + NID[5:], "flag"),
    ],
    "health_info": [
        ("valid", "個案 彭子軒 是 HIV 感染者", "flag"),
        ("valid", "3樓那位林小姐確診了，她住在和平路那邊", "flag"),
        ("invalid", "今日新增確診 120 例，詳見指揮中心新聞稿", "none"),
        ("near_miss", "健康檢查報告請於週五前交人事室", "none"),
        ("sentence", "里長說 吳坤明 肝癌末期，補助要快點辦", "flag"),
        ("evasion", "申請人 吳佳樺 有 思覺 失調症 就醫紀錄", "flag"),
    ],
    "criminal_record": [
        ("valid", "幫我查一下陳大文有沒有前科", "flag"),
        ("valid", "鄰居 賴國偉 有家暴紀錄跟保護令", "flag"),
        ("invalid", "良民證申請要帶身分證正本", "none"),
        ("near_miss", "前科資料查詢要依規定申請，不可私查", "none"),
        ("sentence", "你表妹交的那個 蔡明峰 有妨害性自主前科，我查過", "flag"),
        ("evasion", "那個 梁家豪 是性侵 前科，登記有案", "flag"),
    ],
    "travel_record": [
        ("valid", "幫我查一下這個人的入出境紀錄", "flag"),
        ("valid", "你老公 王志明 3/5 出境去澳門，還沒回來", "flag"),
        ("invalid", "入出境許可申請案件量統計如附件", "none"),
        ("near_miss", "我下週出國開會，公文請找代理人", "none"),
        ("sentence", "查到了 鄧家豪 這半年出國4次，都去越南", "flag"),
        ("evasion", "羅家豪 搭 BR-198 明天下午入境", "flag"),
    ],
    "warrant": [
        ("valid", "搜索票下來了，東方妍蘋家1/15（三）清晨會去，你通知他一下", "flag"),
        ("valid", "明天清晨要去拘提王大明，拘票已經核發了", "flag"),
        ("invalid", "拘票不能傳到群組喔", "none"),
        ("near_miss", "明天教育訓練主題：搜索票聲請實務", "none"),
        ("near_miss", "昨天看的電影在演通緝犯逃亡，超好看", "none"),
        ("sentence", "跟你說 游明哲 已經被通緝了，他如果找你不要借錢", "flag"),
        ("evasion", "拘 票已經下來了，明天早上去他家", "seen"),
    ],
    "investigation_secret": [
        ("valid", "他電話已經被監聽了，叫他小心一點", "flag"),
        ("valid", "週三收網，六個點同時進去，消息不要外流", "flag"),
        ("invalid", "偵查不公開，請大家不要在群組討論案情", "none"),
        ("near_miss", "地檢署 明天開偵查庭，法警會到", "none"),
        ("sentence", "廉政署週四約談 主任 劉明德，先不要讓他知道", "flag"),
        ("evasion", "偵辦中的案子，已經鎖定兩個嫌疑人", "flag"),
    ],
    "whistleblower_identity": [
        ("valid", "檢舉遠揚航運的人就是慕容浩睿，別說是我講的", "flag"),
        ("valid", "陳情人張美玲的電話是0922-123-456，你打給她", "flag"),
        ("invalid", "有民眾檢舉違規停車，請派員處理", "none"),
        ("near_miss", "檢舉人身分依法應予保密", "none"),
        ("sentence", "老闆 我跟你說 打1999檢舉你們的是 陳淑惠", "flag"),
        ("evasion", "檢舉人 就是 隔壁的 王志明", "flag"),
    ],
    "procurement_secret": [
        ("valid", "標案目前只有3家來投，開標前我先跟你說", "flag"),
        ("valid", "底價是85萬，開標前不要說出去", "flag"),
        ("invalid", "決標公告已上網，底價及決標金額都在上面", "none"),
        ("near_miss", "政府採購法第34條規定底價於決標前應予保密", "none"),
        ("near_miss", "評選委員會議訂於下週二上午10點召開", "none"),
        ("sentence", "評選委員名單：王教授、李局長、陳主任", "flag"),
        ("evasion", "only 2 bidders so far, tender closes Friday, tell your boss", "flag"),
    ],
    "classified_marking": [
        ("valid", "【密】9/7（六）聯合查察對象：翠谷農產，請勿外流", "flag"),
        ("valid", "限閱：組織調整草案，預計裁撤兩個組", "flag"),
        ("invalid", "機密文件請勿以LINE傳送，違者依法究辦", "none"),
        ("near_miss", "密碼請定期更換", "absent"),
        ("sentence", "[CONFIDENTIAL/密] 明年度預算刪減方案，請勿轉傳", "flag"),
        ("evasion", "（機密）專案經費 800 萬，明年 1 月啟動", "flag"),
    ],
    "personnel_secret": [
        ("valid", "考績會紀錄先傳給你看，還沒公布別說出去", "flag"),
        ("valid", "錄取名單出來了，王小明有上，先跟你說", "flag"),
        ("invalid", "錄取名單已公告在本署網站", "none"),
        ("near_miss", "考績會明天下午2點在第三會議室開會", "none"),
        ("sentence", "考績會決議 張志偉 記一大過，下週才公布", "flag"),
        ("evasion", "甄選排名：第一名 簡宏文，第二名 劉怡，正式公告前別講", "flag"),
    ],
    "inspection_plan": [
        ("valid", "下週三晚上8點臨檢好樂迪KTV，先別講出去", "flag"),
        ("valid", "下週勞檢名單：永豐紡織、日昇食品，週二週三各一家", "flag"),
        ("invalid", "明天稽查結果已彙整完成，請參閱報告", "none"),
        ("near_miss", "稽查時間地點不要在LINE講，用公務電話", "none"),
        ("sentence", "跟你們老闆說，明天上午十點環保局會來稽查廢水", "flag"),
        ("evasion", "inspection list for Friday night: 3 pubs on Anhe Rd, 10pm start", "flag"),
    ],
}
