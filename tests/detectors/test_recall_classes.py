"""Leak classes the independent sets showed missed, one general reading each, with the
near misses that reading must leave alone (session s22-recall). Rows go through
`scan_text`: a leak warns or blocks with its type among the findings; a near miss is
allowed.

Values are synthetic (valid check digits, no real person).
"""

from __future__ import annotations

import pytest

from detectors import scan_text
from tests.support.idgen import national_id, wrong_check

NID = national_id("B", 1, "4479810")  # B1447981 + check
NID2 = national_id("K", 2, "2058813")
NID3 = national_id("T", 1, "3904417")
REV = NID[1:][::-1]  # the nine digits, backwards
REV2 = NID2[1:][::-1]
REV3 = NID3[1:][::-1]
BAD = wrong_check(NID)[1:][::-1]

# (row id, message, finding type expected among the findings)
LEAKS: list[tuple[str, str, str]] = [
    # 1. An ID backwards with its letter told apart, before or after the digits.
    ("reversed, letter named after", f"反著打 {REV}，字母 {NID[0]}，王志明", "tw_national_id"),
    (
        "reversed, letter after a comma",
        f"倒過來念：{REV2}，{NID2[0]}（林美玲的）",
        "tw_national_id",
    ),
    ("reversed, letter named first", f"字母 {NID[0]}，數字倒過來 {REV}", "tw_national_id"),
    (
        "reversed, English letter word",
        f"陳大文 數字倒著寫 {REV3} 英文是{NID3[0]}",
        "tw_national_id",
    ),
    (
        "reversed, letter to add",
        f"倒過來看 {REV2} 前面加 {NID2[0]}，幫我查張淑芬",
        "tw_national_id",
    ),
    ("reversed, letter as the start", f"{NID3[0]} 開頭，後面反過來 {REV3}", "tw_national_id"),
    # 2. A mobile its owner is named for, an office word elsewhere in the message.
    ("named mobile, clerk asked", "承辦問的 李素貞手機 0928,040,330", "phone_number"),
    ("named mobile, called", "承辦問的 打給羅雅婷：零玖陸陸-零陸參-陸陸陸", "phone_number"),
    ("named mobile, digit by digit", "承辦那邊要 傅雅婷電話 0-9-7-5-6-5-6-1-0-1", "phone_number"),
    ("named mobile, 的 between", "公所說葉春嬌的手機是 0960 451 516，幫忙聯絡", "phone_number"),
    ("named mobile, office told after", "陳志明手機 0912-771-405，本局會再打給他", "phone_number"),
    ("named mobile, call back", "分局轉來的，回撥給林美玲：0933-120-887", "phone_number"),
    # 3. A plate said to be a named person's, even in a car park.
    (
        "plate is a named person's",
        "車號 BED-6479 是廖慧君的，昨天在停車場跟收費員吵架",
        "license_plate",
    ),
    (
        "plate digits first, owner after",
        "車號 382-NEK 是江素貞的, 停車場那邊要開單",
        "license_plate",
    ),
    (
        "plate after the owner's car",
        "江素貞的車 ABC-1234 昨天又停在停車場，跟管理員吵",
        "license_plate",
    ),
    (
        "plate registered to a name",
        "車牌 KLM-5521 登記在陳志明名下，停車場月租的紀錄也是他",
        "license_plate",
    ),
    (
        "plate in a car park, told whose",
        "停車場那台 ABC-1234 是黃淑芬的，她欠了三個月的車位費",
        "license_plate",
    ),
    (
        "plate the named person rides",
        "林美玲騎的 MKA-3321 昨天在停車場被刮，她很生氣",
        "license_plate",
    ),
    # 4. A name right after a word for whom the office deals with (攤商, 志工, 役男 ...).
    ("vendor's conviction", "那個攤商徐素貞之前因詐欺判過刑", "criminal_record"),
    ("conscript's diagnosis", "替代役男鍾國棟精神科就診有躁鬱症，中隊長要不要知道", "health_info"),
    ("volunteer's record", "志工林美玲以前因竊盜被判刑，這次還找她嗎", "criminal_record"),
    ("stall keeper's illness", "攤販陳志明洗腎好幾年了，週三都不會來", "health_info"),
    ("landlord's conviction", "房東張淑芬之前因詐欺判過刑，租約要不要再看", "criminal_record"),
    ("conscript's birth date", "役男Kolas·Piho，出生 54.3.9，緩徵資料有誤", "birth_date"),
    # 5. An indigenous name, its words joined by an interpunct, tied to personal data.
    ("indigenous name, birthday", "Buya·Nawi生日是2000/02/26，系統比對不到", "birth_date"),
    (
        "indigenous name, e-mail",
        "Sayun·Temu的 email 是 tsaiting60@ms25.hinet.net，調解通知寄這個",
        "email",
    ),
    ("indigenous name, born", "Kolas‧Piho 出生 1990.5.6，戶籍資料對不上", "birth_date"),
    ("indigenous name, mailbox", "Walis・Yukan 的信箱 walis1990@gmail.com，通知單寄這裡", "email"),
    ("indigenous name, birth date", "Yapit·Tali 民國 85 年 3 月 2 日生，資料要更正", "birth_date"),
    ("indigenous name, birthday later", "個資更正：Temu·Nawi，生日 1988/11/23", "birth_date"),
    # 6. A matter told on to the colleague on duty: a listener, not a duty roster.
    (
        "inspection, tell the one on duty",
        "8/21上午十點核子保安無預警查核是在調解室，跟值班的說一下",
        "inspection_plan",
    ),
    (
        "inspection, station on duty",
        "11/1上午十點無預警查核是在輻射監測站，跟值班的說一下",
        "inspection_plan",
    ),
    (
        "inspection, tell today's",
        "下週二早上無預警查核在焚化廠控制室，告訴今天值班的",
        "inspection_plan",
    ),
    (
        "whistleblower, told on duty",
        "檢舉你們工廠的是王志明，跟值班的講一下小心點",
        "whistleblower_identity",
    ),
    ("health, told on duty", "役男林志豪確診肺結核住院了，跟值班的說一下", "health_info"),
    (
        "inspection, on duty to prepare",
        "明早九點無預警查核是在污水處理廠，叫值班的先準備",
        "inspection_plan",
    ),
    ("conviction, told on duty", "攤商陳志明之前因詐欺判過刑，跟值班的講", "criminal_record"),
    # 7. A name followed straight by the matter told of them, no other cue.
    ("named cancer relapse", "同事問蔡國棟請病假是不是癌症復發，對，第二次化療了", "health_info"),
    ("named cancer, clause start", "蔡國棟癌症復發，第二次化療了", "health_info"),
    ("named dialysis", "蔡國棟洗腎三年了，週三都請假", "health_info"),
    ("named stroke", "聽說馮子驊中風了，右手不能動", "health_info"),
    ("named drug use", "那個馮子驊吸毒被抓過兩次，你們小心", "criminal_record"),
    ("named bipolar relapse", "鍾昀蓁躁鬱症又發作，昨天送醫", "health_info"),
    # 8. Who reported the listener, told to the listener: the party hears it.
    ("reporter told to the accused", "那個去政風室講你收紅包的是蔣宇", "whistleblower_identity"),
    (
        "reporter, comma before 就是",
        "說你們工地噪音的那個，就是每天遛狗的白髮阿伯，住對面",
        "whistleblower_identity",
    ),
    (
        "reporter of overtime claims",
        "跟你說，去政風室講你虛報加班的就是隔壁科的小陳",
        "whistleblower_identity",
    ),
    ("reporter who phoned", "打電話去講你們餐廳衛生差的，是樓上住戶", "whistleblower_identity"),
    ("reporter of the noise", "我跟你講，檢舉你們噪音的就是二樓那戶", "whistleblower_identity"),
    (
        "reporter of the counter",
        "投訴你們櫃台態度的那位，就是上週來辦證的林先生",
        "whistleblower_identity",
    ),
    # 9. A court or prosecutor pulling a named person's records, passed around.
    (
        "prosecutor pulls household records",
        "地檢署要調取吳宗翰的戶籍資料，請戶籍課準備",
        "investigation_secret",
    ),
    (
        "court asks for insurance records",
        "地院函查簡崇佑的勞保投保資料，明天前回覆",
        "investigation_secret",
    ),
    ("court pulls a transcript", "法院來文調取馮子驊的戶籍謄本，承辦是我", "investigation_secret"),
    (
        "prosecutor asks for moves",
        "地檢署函查賴彥樺的戶籍遷徙紀錄，下午要回",
        "investigation_secret",
    ),
    ("court asks for eligibility", "法院來文函查賴彥樺的補助資格", "investigation_secret"),
    ("prosecutor pulls an address", "地檢署要調取蔡國棟的戶籍地址", "investigation_secret"),
    # 10. A number spelled out in English digit words.
    (
        "mobile in English words",
        "請聯絡蔡爸爸 zero nine one two, three four five, six seven eight",
        "phone_number",
    ),
    (
        "mobile in words, labelled",
        "簡崇佑 mobile: zero nine three two seven seven one four zero five",
        "phone_number",
    ),
    (
        "mobile in dashed words",
        "馮子驊的手機 zero-nine-one-two-three-four-five-six-seven-eight",
        "phone_number",
    ),
    (
        "mobile in words, in English",
        "call Lin at zero nine one two three four five six seven eight tonight",
        "phone_number",
    ),
    (
        "id with its digits in words",
        "身分證 E two two zero one nine three eight four three",
        "tw_national_id",
    ),
    (
        "id in words, English label",
        "ID is E two two zero one nine three eight four three, 王志明的",
        "tw_national_id",
    ),
    # 11. An inspection told on to whoever runs the place (工地主任, 場長, 店長, 業主).
    (
        "site manager told",
        "四會突擊勘驗永泰環保的工地，你叫工地主任先把鷹架補好",
        "inspection_plan",
    ),
    ("farm manager told", "明天突擊訪視大發牧場，讓場長有個準備", "inspection_plan"),
    ("quarry manager told", "週三突擊勘驗東興砂石場，你跟場長講一下", "inspection_plan"),
    ("owner told to be there", "明天突擊勘驗大發農場，叫業主在場", "inspection_plan"),
    ("shop manager told", "週五突擊勘驗福記餐廳廚房，你跟店長說一下", "inspection_plan"),
    ("landlady told", "下週突擊訪視金龍KTV，提醒老闆娘有個準備", "inspection_plan"),
    # 12. A named person's record told in everyday words, no record word.
    ("out of prison", "馮子驊剛從監獄出來，現在住他姊家", "criminal_record"),
    ("had a lawsuit", "賴彥樺吃過官司，詐騙那件", "criminal_record"),
    ("did time", "那個柯政岳蹲過好幾年，你們小心", "criminal_record"),
    ("caught twice", "那個溫鈺翔蹲苦窯好幾年，這次又來申請", "criminal_record"),
    ("went to rehab", "鍾昀蓁去勒戒過，家屬不知道", "criminal_record"),
    ("was in prison", "簡崇佑以前在監獄待過", "criminal_record"),
    # 13. A visit word set off in quotes, told to the party: a wink.
    (
        "wink, a visit to your shop",
        "學長好心提醒，明天早上十點左右有人會去你們店「拜訪」😏",
        "inspection_plan",
    ),
    ("wink, a sit-down", "週四晚上有人會去你們那邊「坐坐」，提醒一下", "inspection_plan"),
    ("wink, a stroll", "提醒你，這週末會有人去你們民宿「走走」", "inspection_plan"),
    ("wink, concern", "好心提醒，下週有人要去你們工廠「關心」", "inspection_plan"),
    ("wink, a look", "老闆，後天有人會去「看看」你們的倉庫", "inspection_plan"),
    ("wink, regards", "兄弟，明天下午有人會去你們店「問候」一下", "inspection_plan"),
    (
        "reversed, dashed digits",
        f"反著打 {REV[:3]}-{REV[3:6]}-{REV[6:]}，字母 {NID[0]}",
        "tw_national_id",
    ),
]

NEAR_MISSES: list[tuple[str, str]] = [
    # 1. A reversed number and a lone letter that is not its ID's letter; a wrong check digit.
    ("reversed, wrong check digit", f"反著打 {BAD}，字母 {NID[0]}"),
    ("reversed, letter is a building", f"順序倒過來排：{REV}，{NID[0]}棟的住戶先"),
    ("reversed, letter is a zone", f"倒過來念 {REV} 是 {NID[0]} 區的編號"),
    ("reversed, number then an extension", f"倒過來 {REV} 分機 {NID[0]}"),
    ("reversed, no letter near", f"反著打 {REV}，王志明的"),
    ("letter apart, no reverse cue", f"流水號 {REV}，字母 {NID[0]}"),
    ("reversed, letter far away", f"反著打 {REV}，請大家明天早上九點到會議室集合 {NID[0]}"),
    # 2. The office's own clerk or contact, or a line no person is named for.
    ("clerk's mobile", "請洽承辦李素貞手機 0928-040-330"),
    ("contact's mobile", "聯絡人：李素貞 手機 0928-040-330"),
    ("section chief's mobile", "承辦 王科長手機 0928-040-330"),
    ("office mobile, no name", "承辦問的 公務手機 0928-040-330"),
    ("duty mobile", "本所值班手機 0928-040-330，夜間請撥"),
    ("office landline after a name", "承辦問的 李素貞電話 02-2388-1234 分機 12"),
    # 3. Whose car blocks the exit, a colleague's or the agency's car, a pronoun in a car park.
    ("colleague's car to be moved", "車號 ABC-1234 是王科長的，擋到出口請移車"),
    ("named car to be moved", "車號 ABC-1234 是陳志明的嗎？擋住車道了請移車"),
    ("his car in the car park", "他的車 ABC-1234 停在停車場"),
    ("agency car", "公務車 車號 ABC-1234 是本局的，明天送保養"),
    ("plate, no owner", "停車場 ABC-1234 那台白色的車燈沒關"),
    ("model code after a name", "陳志明的報告寫 ISO-9001 驗證通過"),
    # 4. The same roles with nothing personal told, or no one named.
    ("vendors gather", "攤商明天早上九點在市場管理處集合"),
    ("volunteer's shift", "志工林美玲負責明天上午的物資發放"),
    ("conscripts report", "今年役男有五十人報到，請各區公所協助"),
    ("stall's place", "攤販陳志明的攤位在第三排，下週要換位置"),
    ("landlord's notice", "房東說下個月起租金不調整"),
    ("site manager, not a landowner", "四會勘驗永泰環保的工地，你叫工地主任先把鷹架圖送來"),
    ("fraud talk with vendors", "攤商要注意詐欺集團假冒公所收費"),
    # 5. Interpunct-joined words with nothing personal told, or an office's own address.
    ("indigenous name, a class", "Buya·Nawi 老師明天來上族語課"),
    ("indigenous name, office mail", "Sayun·Temu 的公務信箱請寄 service@mail.moi.gov.tw"),
    ("indigenous name, extension", "Kolas·Piho 的分機是 1234，請直接打"),
    ("product words joined", "Office·Word 的課程下週二開班，報名到週五"),
    ("song title", "晚會歌單：Sayun·Lomi 與 Malihay，彩排 19:00"),
    ("indigenous place", "Cepo·Tafalong 部落活動 10/12 舉行，請協助交通"),
    # 6. Duty rosters, and the one on duty told something ordinary.
    ("roster uploaded", "本週值班表已上傳，請各位確認"),
    ("who is on duty", "今天值班是王科長，有事請找他"),
    ("on duty, a chore", "跟值班的說一下三樓冷氣壞了"),
    ("duty staff reminded", "值班同仁請記得巡視機房，下班前關燈"),
    ("inspection shifts", "明天查核的排班表出來了，請自行查看"),
    ("drill, tell the one on duty", "請通知值班人員，下午三點消防演練"),
    # 7. A colleague's leave or work, a campaign, a case category: no one's matter told.
    ("colleague's sick leave", "陳志明請病假三天，業務由林美玲代理"),
    ("colleague's leave", "林美玲請假一天，公文請改送王科長"),
    ("colleague's positive test", "張志明確診，請同組同仁快篩"),
    ("fraud campaign poster", "黃淑芬詐欺案的宣導海報已印好"),
    ("leave form", "問陳志明請假單簽了沒"),
    ("a talk's speaker", "聽說林美玲離婚宣導講座很受歡迎"),
    # 8. Praise passed on, a question, a lawsuit handled, a reporter word about a thing.
    ("praise passed on", "說你們很認真的是局長"),
    ("praise, comma before 就是", "說你們服務好的那位，就是上次來辦證的阿伯"),
    ("who reported, asked", "去政風室講你收紅包的是誰？"),
    ("a lawsuit handled", "告你們的訴訟案是法務科在處理"),
    ("the reported part", "檢舉人說你們違建的部分是三樓加蓋"),
    ("thanks passed on", "說你們熱心的那位就是里長，他要請大家吃飯"),
    # 9. Record requests with nobody named: the office's own records, procedure, questions.
    ("court's request, asked how", "法院函查的個資可以用email回覆嗎？"),
    ("office's own camera", "地檢署函查本所監視器畫面，請資訊室配合"),
    ("pulling files, procedure", "調取公文要填申請單，依局裡的作業規定"),
    ("office's own tender files", "法院來文調取本局 112 年採購卷宗，請總務科準備"),
    ("reply format", "函查回覆的格式請用新版"),
    ("procedure asked", "檢察官調取監視器的流程是什麼？"),
    # 10. Counting, a few number words, words in a sentence.
    ("counting to ten", "one two three four five six seven eight nine ten, 大家一起數"),
    ("counting off", "one, two, three, four, five, six, seven, eight, 報數完畢"),
    ("one or two", "I have one or two things to do"),
    ("a dance count", "five six seven eight, 再來一次"),
    ("tables listed", "Table one, two, three, four, five, six and seven are reserved"),
    ("a weak password", "密碼不要設 one two three four five six seven eight 這種"),
    # 11. The same people told of meetings, training, procedure, published results.
    ("managers' meeting", "店長會議下週三在本局三樓，請各分店店長出席"),
    ("plant manager to a course", "請通知廠長參加下週的工安講習"),
    ("owner told the procedure", "跟業主說明補助申請的流程"),
    ("site manager rules published", "工地主任證照的查核要點已公告"),
    ("results published", "提醒各場長：本月牧場防疫查核結果已公布"),
    ("permit collected", "叫工地主任明天來局裡領許可證"),
    # 12. The same words with nobody's record told.
    ("prison visit", "明天到臺北監獄參訪，集合時間 8:00"),
    ("rehab centre meeting", "勒戒所的業務座談下週三舉行"),
    ("mules counselled", "被抓過的車手要怎麼輔導，請社工提供意見"),
    ("legal aid asked", "吃官司的費用可以申請法律扶助嗎"),
    ("prison staff", "在監獄服務的同仁下週要健檢"),
    ("a film", "週五電影欣賞：刺激1995，在監獄的故事"),
    # 13. Quoted words with no party told, or no visit.
    ("quoted concern, a visit to us", "下週會來「關心」的是議員助理，請大家準備簡報"),
    ("evening market", "晚上去夜市比較準，人比較多"),
    ("exhibition", "這週五去看展覽，晚上去比較不擠"),
    ("lunch", "下午會去福記小吃吃飯，那時候去才有位子"),
    ("a course title", "「關心」長者課程下週二開課，請同仁報名"),
    ("quoted word in a memo", "公文裡的「拜訪」請改成「訪視」，明天前改好"),
    ("reversed, letter inside a word", f"倒過來 {REV} ABC"),
]


@pytest.mark.parametrize(("row", "text", "type_"), LEAKS, ids=[r[0] for r in LEAKS])
def test_leak_is_caught(row: str, text: str, type_: str) -> None:
    result = scan_text(text)
    assert result.verdict in ("warn", "block"), (row, result.types)
    assert type_ in result.types, (row, result.types)


@pytest.mark.parametrize(("row", "text"), NEAR_MISSES, ids=[r[0] for r in NEAR_MISSES])
def test_near_miss_is_allowed(row: str, text: str) -> None:
    result = scan_text(text)
    assert result.verdict == "allow", (row, result.types)
