"""The shared discourse signals: talk about a matter passes, a disclosure does not.

Rows are grouped by signal; each `allow` row holds a matter word that alone would wake
a detector, each `flag` row the same kind of matter told to someone or not public yet.
"""

from __future__ import annotations

import pytest

from detectors import scan_text
from detectors.discourse import Discourse
from detectors.doc import Doc, KeywordIndex
from detectors.engine import DEFAULT_POLICY, keyword_index

ROWS: list[tuple[str, str, str]] = [
    # masked values and names
    ("masked", "陳情人：林小姐（姓名已遮蔽），處理情形已函復", "allow"),
    # published / completed state
    ("public", "本案已決標，決標公告已上網，得標廠商請依約履行", "allow"),
    # the disclosure side: not public yet, told to the party
    ("not_public", "搜索票下來了，明天清晨會去，你通知他一下", "flag"),
    ("audience", "他被發布通緝了，你叫他躲好", "flag"),
    ("not_public", "需求書草稿先傳你參考，正式公告下週才上", "flag"),
    # the team's own logistics, a quiz, a roster, a law's article, a completed round
    ("own_asset", "明天的稽查行程改到十點出發", "allow"),
    ("quiz", "是非題：臨檢時間可以先告訴業者。答：✗", "allow"),
    ("roster", "下週稽查小組輪值：阿凱、馬股長（只列稽查員）", "allow"),
    ("rule", "個資法第16條：公務機關對個資的利用應於執行職務必要範圍內", "allow"),
    ("public", "今天稽查跑了43家，都正常", "allow"),
    ("forbidden", "環保稽查前不得預先通知業者，這是內規", "allow"),
    # told with no trigger word: a tip-off, a bidder told, a named person's matter
    ("tipoff", "老闆，後天可能有人去你們那看，小心一點", "flag"),
    ("tipoff", "叫林志明這幾天不要回家", "flag"),
    ("bidder", "另外那家報得比你高一點點", "flag"),
    ("personnel", "人事室說陳怡君要被停職，先不要講", "flag"),
    ("health", "黃志偉的健檢報告出來，B肝帶原", "flag"),
    # told as a secret, no trigger word (discourse.hushed / not_yet / topic)
    ("hushed", "那個數字是八開頭、六位數，你懂的", "flag"),
    ("hushed", "同事邱俊宏得了乳癌，這陣子請病假，大家不要說出去", "flag"),
    ("hushed", "下週是主任生日，先別跟他說，我們要給他驚喜", "allow"),
    ("hushed", "別說了，趕快做事", "allow"),
    ("not_yet", "評選會議還沒開，委員是吳品妍、彭淑惠、侯韻如", "flag"),
    ("not_yet", "陳志明的公文還沒簽，我再催", "allow"),
    ("not_yet", "王小明還沒到，會議晚點開始", "allow"),
    # a bidder told where they stand; who went and reported the reader
    ("bidder", "預算是1793萬，但我們會抓九成，你報在那附近", "flag"),
    ("bidder", "這個價格你們穩了嗎", "allow"),
    ("reported_you", "跟你說，去教育局講你體罰的是鄧冠賢的爸爸", "flag"),
    ("reported_you", "檢舉人身分保密是義務，即使被檢舉人是長官也一樣", "allow"),
    # a tip-off's fix-it advice, not a meeting's preparations
    ("tipoff", "下禮拜會去你們補習班看消防，二樓的鐵窗拆一下比較好", "flag"),
    ("tipoff", "明天會去你們學校開會，車子先停在側門", "allow"),
    # lessons, refusals and a rule's own 偵查中
    (
        "training",
        "今天課上講的：搜索票核發後要在有效期間內執行，逾期要繳回，這是刑訴法第128條",
        "allow",
    ),
    ("rule", "搜索票要由法官核發，檢察官偵查中認為有必要時要聲請，不是自己開", "allow"),
    ("refusal", "被檢舉的業者打來問是誰檢舉的，我沒有說，已經記錄在案", "allow"),
    # keywords hidden by an overlapping match (本案底價: 案底 / 底價)
    ("straddling", "【採購】本案底價已核定：609,000元，僅限承辦知悉", "flag"),
    # an office line by its own label; a document number's look-alike letter
    ("office_line", "民眾詢問可轉服務專線(049)683-6423，上班時間有人接", "allow"),
    ("doc_number", "發票號碼SL-05703931，請會計室核銷", "allow"),
    # z / s / b for 2 / 5 / 8 inside a number
    ("look_alike", "電話是09Z2980750，當事人本人接", "flag"),
    # self-disclosure: the sender's own data, introduced as such; not someone else's
    ("own_data", "我身分證 E220193843 幫我填一下報名表", "allow"),
    ("own_data", "我的住址是臺北市中正區重慶南路一段122號，包裹寄這裡", "allow"),
    ("own_data", "我是王志明，我的手機0932771405", "allow"),
    ("own_data", "他的手機 0932771405", "flag"),
    ("own_data", "你的身分證 E220193843 我幫你填了", "flag"),
    ("own_data", "我查到陳志明的身分證 E220193843", "flag"),
    ("own_data", "我的線民手機 0932771405", "flag"),
    # personnel: a post already taken up, a procedure's remedies and order of steps
    ("public", "王小明今天開始接任秘書室主任", "allow"),
    ("public", "林志明下週接任，還沒公告喔", "flag"),
    ("rule", "對考績丙等不服，法定期限內可以提起復審", "allow"),
    ("rule", "考績會開完了，結果要等局長核定後才會通知", "allow"),
    ("personnel", "人事室說陳怡君要被停職，先不要講", "flag"),
    # the unit's own figures; things already logged
    ("own_asset", "第一季查緝績效統計表請於週五前回報", "allow"),
    ("public", "扣押物已經入庫，清冊放在共用資料夾", "allow"),
    # the sender's own new number announced; a value withheld from the chat
    ("own_data", "我換手機號碼了：0928-513-640，請大家更新", "allow"),
    ("own_data", "我的新手機改成 0928513640", "allow"),
    ("own_data", "他換手機號碼了：0928-513-640", "flag"),
    ("masked", "檢舉人許小姐希望回電，電話已在系統內，不貼群組", "allow"),
    # our own audit unit announcing its visit to us; a room named after a unit
    ("internal_audit", "稽核室下週三來做內控查核，請各單位準備憑證", "allow"),
    ("internal_audit", "稽核室下週三去大發工廠抽查，先跟老闆說", "flag"),
    ("room", "週五的讀書會12/5在稽查課會議室", "allow"),
    ("room", "明天稽查隊得公務車 ABC-5678 要送修", "allow"),
    # a name withheld as surname + 君; a duty roster; a rule to keep a meeting secret
    ("masked", "民眾林君來電反映垃圾車沒來，電話已遮蔽", "allow"),
    ("masked", "民眾林君來電，他的手機 0928513640", "flag"),
    ("rule", "考績會的發言內容應保密", "allow"),
    # a form updated, a record room closed, a course and its lecturer, a law's duration
    ("own_asset", "扣押物品清單的格式有更新，新表在內網", "allow"),
    ("own_asset", "檔案室整理，8/3暫停調閱", "allow"),
    ("training", "下週的課講『搜索扣押實務』，講師是地檢署的檢察官", "allow"),
    ("rule", "羈押要法官裁定，偵查中羈押期間不得超過2個月", "allow"),
    # a meal among colleagues is not an outing to inspect
    ("meal", "中午要不要去吃地政所對面那家水餃店", "allow"),
    ("meal", "中午要不要去吃，順便去大發工廠抽查，先跟老闆說", "flag"),
    # a personal mailbox by who gets the mail; a bid price that will pass; who scored highest
    ("email", "聯絡信箱 wu.mei1988@gmail.com，請直接寄給她", "flag"),
    ("email", "客服信箱 service@example.com，請直接寄過去", "allow"),
    ("bidder", "那個標案的預算其實可以再高，大發報3,250,000應該會過", "flag"),
    ("bidder", "東興顧問的服務建議書評分最高，下週才開會，先恭喜", "flag"),
    # a raid or an unannounced inspection told to the party, no plan word
    ("tipoff", "建管處1/9要去拆順發旅行社頂樓加蓋，先讓他知道", "flag"),
    ("tipoff", "消防的不預警檢查3/2會到大發餐廳，防火門那邊先清一清", "flag"),
    # a role word read as a name; who may receive a record; a personnel file photographed
    ("masked", "陳情人：林*華（姓名已遮蔽），已函復 [貼圖]", "allow"),
    ("rule", "診斷書影本只能給本人或法定代理人，請核對證件", "allow"),
    ("personnel", "我把王志明的人事資料卡拍下來了，你看一下", "flag"),
    ("personnel", "人事資料卡請於週五前更新", "allow"),
    # leave around a named person's matter kept from others
    ("not_public", "蔡雅雯懷孕了但還沒跟主管說，她先請假", "flag"),
    # a named citizen's property and tax affairs: holdings, back taxes, arrears
    ("holdings", "里長說蘇建民名下有五間店面", "flag"),
    ("holdings", "國稅局通知林志豪要補稅十二萬", "flag"),
    ("holdings", "名下財產查詢請到國稅局臨櫃申請", "allow"),
    ("holdings", "欠稅案件依規定移送執行署", "allow"),
    # a news word that names who must not hear it (媒體先不要講) is no news story
    ("kept_from_press", "送急診的周美玲其實是割腕，新聞稿先不要寫", "flag"),
    ("kept_from_press", "新聞報導說有位民眾割腕送醫，已經出院", "allow"),
    # a reserve price in Chinese numerals; a rule's threshold amount is no price told
    ("amount_in_words", "那個案子的底價單我看過了，一千兩百五十萬", "flag"),
    ("amount_in_words", "底價一千萬以上的案子要上簽到局長", "allow"),
    ("amount_in_words", "底價1000萬以上的案子要上簽到局長", "allow"),
    # specs written for one firm, with words between 規格 and 照
    ("rigging", "規格會照大發公司的型號開，你們準備好", "flag"),
    ("rigging", "規格不得指定特定廠牌，請依採購法辦理", "allow"),
    # who the suspect is, told by role; an unnamed suspect in a police release is not
    ("suspect_named", "這起竊案的主嫌其實是李國強，還在蒐證", "flag"),
    ("suspect_named", "警方說嫌犯是一名40歲男子，已移送", "allow"),
    # a publication still to come a month or a term ahead is not public yet
    ("future_public", "林志豪被記一支大過，下個月生效", "flag"),
    ("future_public", "人事命令上個月生效了，陳科長調督察室", "allow"),
    # hepatitis named as a person's condition
    ("health", "周美華有C肝在追蹤", "flag"),
    ("health", "B肝疫苗下週開打，請同仁登記", "allow"),
    ("health", "吳志強在戒酒，去年住過院", "flag"),
    ("health", "社區戒酒班下月開課，歡迎報名", "allow"),
    # an ex-offender or a parolee named as such; the programmes for them are not
    ("criminal", "隔壁的林阿水是更生人，出獄半年", "flag"),
    ("criminal", "沈大明現在還在假釋中，每月要去報到", "flag"),
    ("criminal", "更生人就業輔導說明會下週舉行", "allow"),
    # who said something about you, opening a clause with 說; praise is not a report
    ("reported_you", "說你亂停車的是隔壁的陳美玲", "flag"),
    ("reported_you", "說你很認真的是主任", "allow"),
    # a departure through an airport or a port
    ("travel", "余志明早上從小港機場出去，回程是20號", "flag"),
    ("travel", "明天全團從桃園機場出發", "allow"),
    # a named person's place in a ranking or an appraisal
    ("personnel", "林志豪申請的升任沒過，評分只排第四", "flag"),
    ("personnel", "黃美玲今年大概拿不到甲，主管把她排最後", "flag"),
    ("personnel", "年終那個打分出爐了，周怡君拿丙，主管還沒蓋章", "flag"),
    ("personnel", "年底考評定了，許文傑被打丁，還沒簽出去先別講", "flag"),
    ("personnel", "這次我拿丙，有點難過", "allow"),
    ("personnel", "打丙的話會不會影響升遷？", "allow"),
    ("personnel", "請排第一排的同仁先入座", "allow"),
    ("personnel", "陞任甄審作業要點修正", "allow"),
    # rule statements: who issues what, what a step needs, how a document is kept,
    # the law's own deadline (期限30天) is no number told
    ("rule", "押票由法官簽發，羈押被告要有押票", "allow"),
    ("rule", "丙等考績的同仁可以提起復審，期限30天", "allow"),
    ("rule", "密件應標示密等並妥善保管", "allow"),
    ("rule", "王大明的押票下來了，明天去他家", "flag"),
    # an office's address: mail to a unit, a public counter
    ("office_address", "請寄 臺北市中正區寶慶路 3 號 5 樓 人事室 王小姐收", "allow"),
    ("office_address", "高雄市苓雅區四維三路2號 1樓服務台，民眾可臨櫃辦理", "allow"),
    ("office_address", "王大明住在臺北市中正區寶慶路 3 號 5 樓", "flag"),
    # made-up data, said so: a course's example, a form's specimen; a valid ID still counts
    ("fiction", "課程範例：林大同，電話 0911-222-333（虛構）", "allow"),
    ("fiction", "填寫範例：姓名 陳小華、住址 臺中市西區民生路 10 號", "allow"),
    ("fiction", "教材裡的護照號碼 312345678 是假的，格式示意而已", "allow"),
    ("fiction", "範本我改好了，王大明的身分證 E220193843 也填上去了", "flag"),
    # ... unless the made-up word labels a placeholder-shaped ID (假資料：… A100000001): the
    # sample it is said to be; a real-looking ID behind the same label still counts
    ("fiction", "教育訓練用的假資料：陳小華、A100000001，不要拿去測正式系統", "allow"),
    ("fiction", "測試資料: 陳小華 A100000001", "allow"),
    ("fiction", "教育訓練用的假資料：陳小華、E220193843，不要拿去測正式系統", "flag"),
    ("fiction", "測試資料: 陳小華 E220193843", "flag"),
    ("fiction", "這不是假資料，王大明 E220193843 是真的", "flag"),
    ("fiction", "範例檔我看過了。王大明：E220193843，這是他本人的", "flag"),
    # a tender document sent for review inside the agency; to the reader it is a leak
    ("internal", "需求書草稿先傳給科長核稿", "allow"),
    ("internal", "招標文件先寄給你，公告前別外流", "flag"),
    # a person asking for their own record is told the procedure
    ("own_record", "有人打來說要查他自己的出入境紀錄，請他本人臨櫃申請", "allow"),
    ("own_record", "幫我查一下他的入出境，他是嫌犯", "flag"),
    # an oversight unit at work on a named person; its statistics or a meeting are not
    ("oversight", "督察室正在調查范國華的加班單，疑似浮報", "flag"),
    ("oversight", "邱怡君的出差費有問題，政風已經在調資料", "flag"),
    ("oversight", "督察室在調查上週的酒駕案件數量", "allow"),
    ("oversight", "疫調資料不要轉傳，這是防疫的基本要求", "allow"),
    # a named person's account watched: a target even with nobody addressed
    ("watched", "邱怡君的帳戶上個月已經被看過了", "flag"),
    # the unit's own system and figures: a maintenance window, a table's name
    ("own_asset", "拘票管理系統週六凌晨停機維護", "allow"),
    ("own_asset", "偵查中案件統計表請各組週一前交", "allow"),
    ("own_asset", "林志明的案子偵辦中，偵查隊的統計表先不要給他看", "flag"),
    # a trigger inside a longer word: 繳回國庫 is the treasury, not a return home
    ("inside_word", "許願池的錢要繳回國庫", "allow"),
    ("inside_word", "王大明上週從日本回國", "flag"),
    # a name that does the office's work next is a colleague, not the reporter
    ("staff_action", "空污陳情的案子，林建宏下午會去採樣", "allow"),
    ("staff_action", "陳情人是林建宏，他下午會去採樣", "flag"),
    # a standing instruction for a kind of situation (…時，不要…; 遇到…，一律…)
    ("instruction", "受理民眾電話時，不要透露陳情人的任何資料", "allow"),
    ("instruction", "遇到投標廠商問評選委員是誰，一律說不知道", "allow"),
    ("instruction", "陳情人是隔壁的吳淑貞，你們老闆講話小心點", "flag"),
    # in a reminder, 不要 forbids as 不得 does; told to the party it is a tip-off
    ("soft_forbid", "請大家記得，稽查前不要先跟業者聯絡", "allow"),
    ("soft_forbid", "禮拜四要稽查大發食品，你先跟老闆說一聲", "flag"),
    # 廠商 is any vendor, not a business named by its kind
    ("vendor", "各位注意：廠商來電問投標家數，一律不回應", "allow"),
    # an inspection word inside the name of the agency's own unit, post, car or form
    ("unit_name", "稽查大隊的噪音計今天送校正，下週才會回來", "allow"),
    ("unit_name", "今天的查核表格式有更新，請用新版", "allow"),
    ("unit_name", "稽查大隊下週二會去大發工廠，你跟老闆說一聲", "flag"),
    ("unit_name", "稽查員說明天會去你們店，先收一收", "flag"),
    # a question that tells a figure beside a disclosure word tells it
    ("question_figure", "底價可以先透露給他嗎？他一直在問是不是358,000", "flag"),
    ("question_figure", "底價可以先透露給廠商嗎？", "allow"),
    # what a document must state (要記載, 須出示): a rule
    ("rule", "今天的法紀教育講到：拘票要記載被告姓名、案由、應到場處所", "allow"),
    # generic or hypothetical framing: nobody's case is told
    ("generic", "一般來說，搜索票核發後要在七天內執行完畢", "allow"),
    ("generic", "假設明天要去搜索，今天才聲請搜索票來得及嗎？", "allow"),
    ("generic", "實務上，檢察官簽發拘票後，警察通常隔天一早就會去執行", "allow"),
    ("generic", "例如蔡志明的搜索票明天下來，你先跟他說一聲", "flag"),
    # which office keeps a record, the only way to it; an instruction to mask
    ("rule", "入出境資料是移民署管的，我們只能透過公文調", "allow"),
    ("rule", "黃志偉上個月出境兩次，去了柬埔寨，資料給你", "flag"),
    ("masked", "如果被檢舉人要求看檢舉書，要把檢舉人資料遮掉", "allow"),
    # a matter word about a specific target, not decided yet or told to the party: one
    # more cue (the shared disclosure signal); a bare 還沒 or the office's 你們科 is not
    ("disclosure", "評選會議還沒開，委員是林家豪、陳淑芬、黃雅琪", "flag"),
    ("disclosure", "林志明的公文我這邊還沒看到，你們科有收到嗎", "allow"),
    # a form handled as paperwork; a congratulation on news that is out
    ("paperwork", "你們科的陳怡君說病假單明天補交", "allow"),
    ("paperwork", "陳怡君請病假是因為化療，她不想讓大家知道", "flag"),
    ("public", "你們單位的林志明要調去人事室了，恭喜他", "allow"),
    ("public", "恭喜！林志明這次升科長，下週局長簽完才會公布喔", "flag"),
    # what must not be done with a record: a rule, whoever it names by role
    ("rule", "家訪時不可以把個案的診斷書拍照帶回，要的話走公文", "allow"),
    ("rule", "陳美華的診斷書拍給你，上面寫躁鬱症", "flag"),
    # a masked plate
    ("masked", "違規車號KLM-**62已通知車主到案說明，紀錄在系統", "allow"),
    # an announced joint visit: the party is asked along
    ("coordinated", "養護工程隊9/14會勘民生路33巷8號路面，請承商配合", "allow"),
    ("coordinated", "9/14會去你們工廠看排放口，不預告的，管線先處理好", "flag"),
    # a long notice that is talk three ways (rule, reminder, contact) and names nobody:
    # its dates are the procedure's schedule; a deadline it sets (公告前應予保密) is a rule
    (
        "many_talk",
        "人事室提醒：年度考績作業自11/3起辦理，考績委員會預定12/8召開，個別同仁之考績"
        "等次於核定前均屬應保密事項，請勿於群組討論。如有疑問請洽分機2231",
        "allow",
    ),
    (
        "many_talk",
        "採購提醒：依採購法，招標文件於公告前應予保密，底價於決標前仍應保密，"
        "廠商詢問一律書面答復。承辦請洽分機5120",
        "allow",
    ),
    # a tip-off: a day (下午 too), a visit, and the reader told to fix something first
    ("tipoff", "老闆，我們禮拜二下午會過去你們那邊，招牌先拆一拆", "flag"),
    ("tipoff", "這週六晚上局裡會派人去溪邊那幾間，你們水管先拔掉", "flag"),
    ("tipoff", "禮拜三下午我們會過去幫你們裝冷氣，辦公室先清一清", "allow"),
    ("tipoff", "老闆，我們禮拜四下午會過去你們那邊拿貨，東西先準備好", "allow"),
    # someone taken away on a day the court allowed: a named person is the target
    ("signed", "鄭志明禮拜五早上會被帶走，法院那邊已經准了", "flag"),
    # the sender's own hush (先不要傳) is no reminder
    ("hushed", "光明國小林怡君老師的解聘案還沒決議，先不要傳", "flag"),
    ("hushed", "請不要傳學生的照片到群組", "allow"),
    # a named person's state in care; a ward's visiting hours are not
    ("health", "蔡雅婷燒燙傷40%，在加護病房，家屬還沒到", "flag"),
    ("health", "林建宏 的 HbA1c 10，diabetes control 不好", "flag"),
    ("health", "加護病房的探病時間改成晚上七點", "allow"),
    # the approved figure told to a bidder to aim at; a published budget is not
    ("bidder", "上面核的數字大概2,480,000元，你自己抓", "flag"),
    ("bidder", "年度預算核的數字是3,200萬，已經公告在官網", "allow"),
    # the applicant served about their own request; a matter told besides it still counts
    ("service", "張先生的陳情案還在處理中，我已經跟他說會再回覆", "allow"),
    ("service", "周文華的出國申請還在簽，跟他說先不要訂機票", "allow"),
    ("service", "王大明的出國申請還在審，他上個月才去過柬埔寨三次", "flag"),
    ("service", "陳怡君申請的調職還在簽，其實她得了憂鬱症，請她先不要說", "flag"),
    # a surname read out of a school's or an office's name (福林國小) is nobody
    ("inside_word", "和林國中保健室5/2辦理全校學生健康檢查", "allow"),
    # a colleague's own paperwork pending (a form, an application) is status, not a result;
    # a result told beside it (丙等, 要被記大過) still counts
    ("paper_status", "陳志明的退休案還沒核定，人事室說要等銓敘部回函", "allow"),
    ("paper_status", "吳美惠的考績表還沒送來，請各股長週五前交齊", "allow"),
    ("paper_status", "劉美玲的育嬰留停申請還在審核中，人事室會再通知她", "allow"),
    ("paper_status", "陳志明的考績被打丙等，考績表還沒送出，先不要講", "flag"),
    ("paper_status", "吳美惠要被記大過，懲處案還沒核定，先別跟她說", "flag"),
    # a surname and a title asking about a welfare service is no case told; a full name
    # or an address beside the case word still is
    ("case_inquiry", "早上有位陳小姐來問低收入戶申請要帶什麼，我已經給她清單了", "allow"),
    ("case_inquiry", "王先生來問低收入戶證明怎麼申請，已請他到一樓櫃台抽號", "allow"),
    ("case_inquiry", "陳小姐是低收入戶，住在中山路12號，電話0912345678", "flag"),
    # an authority's request for the office's own records, passed on to the unit that
    # keeps them; someone's records pulled is an investigation told
    ("records", "高雄地檢署的公文說下週要調閱資料，請檔案室先整理好110年的卷宗", "allow"),
    ("records", "監察院下週三調閱本局公文，請文書科配合", "allow"),
    ("records", "地檢署下週要調閱林志明的帳戶資料，請會計室先準備，別讓他知道", "flag"),
    ("records", "明天要調閱他的通聯紀錄，他還不知道", "flag"),
    # 進廠保養: a car's workshop, no business named
    (
        "own_asset",
        "通知：本局環境稽查大隊公務車於下週一至週三進廠保養，期間稽查勤務改派二號車",
        "allow",
    ),
    # a citizen named by surname and title asking how to get a service; their matter
    # told, or a full name, still counts
    ("inquiry", "林先生來電詢問他父親的死亡登記要帶什麼文件，我已經跟他說明了", "allow"),
    ("inquiry", "王先生來問重大傷病卡怎麼申請，已請他洽健保署", "allow"),
    ("inquiry", "王先生來問重大傷病卡怎麼申請，他肝癌末期，住在中正路5號", "flag"),
    ("inquiry", "林志明來電詢問他的愛滋檢驗報告怎麼領，結果是陽性", "flag"),
    # an industry (營造業) is no business named; a unit's own briefing moved is logistics
    (
        "industry",
        "勞動檢查處轉知：本處將於第4季針對營造業辦理專案檢查，檢查對象依風險評估篩選，"
        "請各業務科配合",
        "allow",
    ),
    ("own_asset", "明天的臨檢勤務前教育改到下午兩點，地點分局三樓，請各所長準時出席", "allow"),
    ("industry", "下週二要去大發營造的工地檢查，不預告，名單在我這", "flag"),
    # the office's contact, clerk or chair named by a long notice is a colleague, beside
    # any office line; a citizen named beside a matter in it still counts
    (
        "contact",
        "【重要提醒】依醫療法第72條，醫療機構對因業務知悉之病人病情不得無故洩漏。"
        "請同仁勿於群組傳送民眾個資。有問題請洽保育研究課曾信宏，分機5666。",
        "allow",
    ),
    (
        "contact",
        "會議紀錄：一、場地修繕9/26前完成。二、預算已送議會審議。紀錄：黃慧君　主席：高志遠"
        "，本案聯絡窗口：總務科，電話(04)3849-1671",
        "allow",
    ),
    (
        "contact",
        "週報：本週訪視22戶。另外個案林志明有躁鬱症，最近不穩。有問題請洽安養組謝玉珍，分機3689",
        "flag",
    ),
    # a secret told aside (私下說) in a notice that states rules is still told
    (
        "secret_aside",
        "監測週報：資料已上傳網站，經費請依規定核銷。（私下說，這案目前只有4家投標，"
        "底價372,000。）有問題請洽輻射防護處，分機4747",
        "flag",
    ),
    # whose consent a step needs is a rule; a named person's record told beside it is not
    ("rule", "病歷調閱要有當事人同意書或法定事由，醫事法規課有講", "allow"),
    ("rule", "林志明的病歷調閱了，他有憂鬱症，要有當事人同意書才能給你看，先別說", "flag"),
    # an aside in a long notice (另外, 順帶一提, P.S.) is read on its own: the notice's
    # rules or published results around it are no excuse; an ordinary aside stays ordinary
    (
        "aside",
        "年節前市場商品標示查核結果已公布：共查核110件，標示不符7件，已通知限期改正。"
        "順帶一提，考績會決議謝明哲丙等，還沒核定先別說。新聞稿已上網，媒體詢問請依新聞稿回答。",
        "flag",
    ),
    (
        "aside",
        "民政局轉知：寺廟登記清查作業，請各區公所於6/18前函報本局，表格已放共用槽。"
        "P.S. 這次檢舉大聖禮儀的就是葉惠雯，大家心裡有數就好。宣導品已送達，請派員領取。",
        "flag",
    ),
    (
        "aside",
        "年節前市場商品標示查核結果已公布：共查核110件，標示不符7件，已通知限期改正。"
        "另外，明天下午的科務會議改到三樓會議室，請準時出席。新聞稿已上網，媒體詢問請依新聞稿回答。",
        "allow",
    ),
    # leave after a named disease or its treatment is a cover; a colleague's positive
    # test with a rapid test asked of the team is workflow
    ("diagnosis", "侯惠雯確診乳癌正在化療，請假會比較多，大家體諒", "flag"),
    ("diagnosis", "張志明今天確診，請同組同仁快篩", "allow"),
    # 跟你偷偷說 is the sender's own hush, as 偷偷跟你說 is
    ("hushed", "跟你偷偷說，科長缺已經決定給施慧君了", "flag"),
    ("hushed", "跟你偷偷說，下週是主任生日，我們要給他驚喜", "allow"),
    # a project named after a campaign (防暴宣導) is no lesson when the sender tells first
    ("secret_aside", "防暴宣導的底價是775,500，開標前我先跟你說", "flag"),
    ("training", "宣導講習：底價於開標後至決標前仍應保密，不可以先跟廠商說", "allow"),
    # a patrol, a customs check or an audit told ahead to its party, no plan word: passed on
    # to a third party, disowned (我沒說喔), its focus told; the same words announced to
    # the office, a patrol's own errands or a meal stay ordinary
    ("tipoff", "給採蘭花那個阿財講，巡山的明天改巡溪谷那條，別去", "flag"),
    ("tipoff", "跟採牛樟的阿德說，巡邏這週改走東線，別去", "flag"),
    ("tipoff", "下週你們那批貨要開櫃，東西先拿掉，別害我", "flag"),
    ("tipoff", "8/2要抽貴單位那幾件核銷，憑證整理好，我沒說喔", "flag"),
    ("tipoff", "審計那組下週會去總務科，主要看採購分批，帳弄好", "flag"),
    ("tipoff", "週五那間大發印刷行，我們大概七點會到，你先跟他們把後面的東西搬走", "flag"),
    ("tipoff", "後天要看大發工程行的救生員保養，要他們先弄好", "flag"),
    ("tipoff", "跟志工說，明天巡山活動改到東線，記得帶水", "allow"),
    ("tipoff", "跟小王說明天巡邏車送保養，鑰匙先放好", "allow"),
    ("tipoff", "下週審計室會來，主要看採購案，資料請各科備妥", "allow"),
    ("tipoff", "我沒說喔，明天中午要去吃火鍋", "allow"),
    ("tipoff", "我們九點會到，麻煩你們把投影機弄好", "allow"),
    # who wrote a letter or a mailbox note against someone, with no reporting word; the
    # sender's own letter, a thanks, what the letter is, a mailbox count stay ordinary
    ("letter", "寫信罵王醫師那位是林淑芬的女兒，住三樓那床", "flag"),
    ("letter", "寄信罵你的那封，署名寫黃美玲，你自己看著辦", "flag"),
    ("letter", "寫意見箱說陳醫師的是周志豪家屬", "flag"),
    ("letter", "寫信給署長信箱說你加班費的事是誤會一場", "allow"),
    ("letter", "寫信說謝謝你們的那位是林小姐", "allow"),
    ("letter", "我寫信罵你那個是開玩笑的啦", "allow"),
    ("letter", "我等下寫信給廠商，問交期", "allow"),
    ("letter", "意見箱本週收到3封，都已回覆", "allow"),
    # a publication word negated after it (公告還沒出來) or still to come (下週才會公布) is
    # no publication; a publication done stays one
    ("not_yet_after", "陞遷甄審會決定林志明當組長了，公告還沒出來", "flag"),
    ("not_yet_after", "決標公告還沒上網，這次只有3家來投，你們機會很大", "flag"),
    ("not_yet_after", "陞遷結果已公告，恭喜林志明當組長", "allow"),
    ("not_yet_after", "錄取名單公告了，還沒看的去官網看", "allow"),
    ("not_yet_after", "決標公告已上網，這次只有3家來投", "allow"),
    # a post given to a named person before the list is out (組長缺以經給X: voice typing);
    # a post given to a unit, a post vacant, a post sent for approval stay ordinary
    ("personnel", "組長缺以經給黃淑芬，名單下週才會公布", "flag"),
    ("personnel", "科長缺已經給黃志明了", "flag"),
    ("personnel", "主任的位子已經給你們科了喔", "allow"),
    ("personnel", "組長缺已經給人事室簽了，等核定", "allow"),
    ("personnel", "組長缺已經出缺三個月，要趕快補", "allow"),
    # an inquiry at work told to whom it concerns: the reader told to stop what it is
    # about, a named person taken in for questioning over a matter; gathering data for a
    # report, a child questioned at school, a colleague called in stay ordinary
    ("inquiry", "那件事上面正在蒐資料，你們最近核銷單據小心一點，別再亂報了", "flag"),
    ("inquiry", "那件事他們還在調帳，你們這陣子注意，不要再多報了", "flag"),
    ("inquiry", "王志明這陣子常被叫去外面問話，跟上次那筆工程款有關", "flag"),
    ("inquiry", "那件事我們還在蒐資料，下週開會再討論", "allow"),
    ("inquiry", "報告還在蒐資料，你們交件時注意格式，別再拖了", "allow"),
    ("inquiry", "年度決算還在調帳，你們別再送單據了喔", "allow"),
    ("inquiry", "小孩在學校被叫去問話，因為打架", "allow"),
    ("inquiry", "林小姐被叫去主任辦公室問話", "allow"),
    ("inquiry", "林小姐還在蒐資料，報告晚點交", "allow"),
    # told to a bidder with no procurement word: a count of firms come (in a message about
    # a tender), the outside reviewers named, the internal figure with where to aim; a
    # briefing's turnout, reviewers handled by staff, a figure for the accountant stay ordinary
    ("bid_count", "那個W1159995目前才8家來，你們還來得及", "flag"),
    ("bid_count", "W115567目前只兩家來，競爭不大", "flag"),
    ("bid_count", "說明會才8家來，你們要不要再宣傳", "allow"),
    ("bid_count", "這次尾牙只兩家來，大家都很忙", "allow"),
    ("reviewers", "下週要來審的外面老師有施老師、丁技師，大發企業社先去拜訪一下", "flag"),
    ("reviewers", "這次要來審外面委員是翁老師、李技師，大發實業社先拜訪一下", "flag"),
    ("reviewers", "下週要來審的外面老師有施老師、丁技師，請承辦準備評審資料", "allow"),
    ("reviewers", "外面委員的出席費請於月底前核銷", "allow"),
    ("estimate", "預估金額內部簽到2,718,000，你們往下抓一點，別寫在line上", "flag"),
    ("estimate", "預估金額內部簽到2,718,000，簽呈請主計往下抓一點", "allow"),
    ("estimate", "預估金額2,718,000已經公告在採購網", "allow"),
    # a named offence with a record word, looked up for someone (有兩筆傷害紀錄); an injury
    # at work, a lookup procedure, a definition stay ordinary
    ("offence_record", "幫你看了王志明，有兩筆傷害紀錄，歹勢啦", "flag"),
    ("offence_record", "王志明有職業傷害紀錄，請協助申請補助", "allow"),
    ("offence_record", "今年有兩筆職業傷害紀錄，請各科加強宣導", "allow"),
    ("offence_record", "詐欺紀錄查詢請依規定申請", "allow"),
    ("offence_record", "竊盜前科的定義是什麼？", "allow"),
    # the sender's hush said in Taiwanese (嘜講出去, 毋通講, 嘜給人知) is the hush it is in
    # Mandarin; "don't talk so much" is no hush in either
    ("hushed", "同事邱俊宏得了乳癌，這陣子請病假，大家嘜講出去", "flag"),
    ("hushed", "那個數字是八開頭、六位數，嘜講喔", "flag"),
    ("hushed", "嘜講那麼多啦，趕快吃飯", "allow"),
    ("hushed", "不要講那麼多啦，趕快吃飯", "allow"),
    ("hushed", "明天下午開會嘜遲到", "allow"),
    # a past sentence said with 過 (之前因詐欺判過刑) is the record 判刑 is; a rule about
    # past sentences, the sender's own past stay ordinary
    ("past_sentence", "那個攤商林素貞之前因詐欺判過刑", "flag"),
    ("past_sentence", "刑法規定以前判過刑的人五年內再犯是累犯", "allow"),
    ("past_sentence", "我以前判過刑，現在改過了", "allow"),
    # the books already pulled and the party told to mind what they say or stop altering
    # them; records handed over by the office, a colleague transferred stay ordinary
    ("inquiry", "大發砂石場的帳已經被調了，叫老闆講話小心", "flag"),
    ("inquiry", "帳冊我們已經拿到影本了，叫你們老闆別再改", "flag"),
    ("inquiry", "帳冊已經拿到了，請承辦注意格式", "allow"),
    ("inquiry", "他的職務被調了，跟他說注意身體", "allow"),
    ("inquiry", "公文被調閱了，請注意", "allow"),
    # a colleague by nickname (老林, 小陳) is someone in particular for a personnel result;
    # a rule question or a teacher's remark stays ordinary
    ("personnel", "升組長的是老林，不過還要等局長簽", "flag"),
    ("personnel", "升組長的是小陳，還沒公布", "flag"),
    ("personnel", "升組長的規定是什麼？", "allow"),
    ("personnel", "老師說升組長的是要考試", "allow"),
    ("personnel", "小林說升等的是明年才辦", "allow"),
    # who went and said something about YOU, with a pause before the answer (…的那個，就是X);
    # praise (說你們很認真的那個) or a question after the pause stays ordinary
    ("reported_you", "說你們工地噪音的那個，就是每天遛狗的白髮阿伯，住對面", "flag"),
    ("reported_you", "說你們很認真的那個，就是局長", "allow"),
    ("reported_you", "說你們工地噪音的那個，是不是要回覆", "allow"),
    ("reported_you", "講你的那位，是對的", "allow"),
    # the reserve price told against the budget; a rule's margin, a question, a published
    # award stay ordinary
    ("reserve_vs_budget", "底價簽呈剛核下來，比預算少36萬", "flag"),
    ("reserve_vs_budget", "底價訂定後不得比預算高10%以上", "allow"),
    ("reserve_vs_budget", "底價比預算低是常態嗎？", "allow"),
    ("reserve_vs_budget", "決標公告已上網，底價比預算少36萬", "allow"),
    # where a case stands: traced up the chain, the prosecutor leaning; a parcel traced,
    # a statistic, a definition stay ordinary
    ("case_stands", "人頭帳戶那條線已經追到上游了", "flag"),
    ("case_stands", "你朋友那個案子，我偷看了一下卷，檢察官傾向起訴", "flag"),
    ("case_stands", "檢察官傾向起訴的案件比例逐年下降", "allow"),
    ("case_stands", "林志明的包裹已經追到了，明天會送到", "allow"),
    ("case_stands", "人頭帳戶的定義請參考洗錢防制法", "allow"),
    # the spec written so only the reader's product fits; a rule against it, a question,
    # a buyer's own remark stay ordinary
    ("rigged_spec", "我把認證那條寫進去了，這樣只有你們家的型號符合", "flag"),
    ("rigged_spec", "規格是照你們上次給的型錄寫的，別家應該很難符合", "flag"),
    ("rigged_spec", "規格請依採購法不得限制競爭，別家很難符合的條件要刪掉", "allow"),
    ("rigged_spec", "只有你們家的型號符合嗎？請說明", "allow"),
    ("rigged_spec", "這款印表機只有你們家的型號符合我們的需求", "allow"),
    # published on a day still to come, the reader to act as if unseen till then; a
    # download on that day, a notice on the day stay ordinary
    ("not_yet_after", "招標文件我先用隨身碟給你，公告那天再裝作第一次看到", "flag"),
    ("not_yet_after", "招標文件公告那天再下載就好", "allow"),
    ("not_yet_after", "錄取名單公告當天再通知大家", "allow"),
    # the bidder told they are the only one so far (到今天下午為止就你們一家); the only ones
    # still to hand something in are no bid count (the rules' reading; stage 2 is not asked)
    ("bidder", "老闆，到今天下午為止就你們一家，別擔心", "flag"),
    # a formal prohibition opens the clause: what follows in it must not be done
    (
        "forbid_clause",
        "勤前教育：同仁不得對媒體或親友透露偵辦中案件細節，拘票影本不得拍照傳送",
        "allow",
    ),
    # an inspection announced to its party by an official notice (discourse.announced):
    # the party knows by design; the same visit told privately, as a surprise, or with
    # a hush still warns
    (
        "announced",
        "依勞動檢查法，本局已發函通知大發工廠，訂於11月20日上午實施勞動檢查，請該廠備妥工作規則及出勤紀錄",
        "allow",
    ),
    (
        "announced",
        "本處依規定預告受檢單位：12/8上午稽查各區公所個資保護執行情形，請備妥相關資料",
        "allow",
    ),
    ("announced", "本所將於明日上午對轄區八大行業實施聯合稽查，已函請各業者配合", "allow"),
    ("announced", "預告：下週三上午至各加油站辦理油品抽驗，請業者備妥進貨單據", "allow"),
    ("announced", "已偷偷通知大發工廠，衛生局下週二上午10點會去抽查，叫他們先整理", "flag"),
    ("announced", "本局預定11月15日突擊檢查好運公司，不預告，先別說出去", "flag"),
    ("announced", "已函知大發工廠下週二稽查，但我先跟老闆講了會查哪幾條生產線", "flag"),
    ("announced", "下週三要去稽查大發工廠，不要讓他們知道，資料我再函給你", "flag"),
    ("announced", "老闆，下週三勞動局要去你們公司查出勤，薪資單先整理一下", "flag"),
    # figures over many cases (discourse.stats): a table of totals tells nobody's case;
    # the same words with what is to come, or a target, still warn
    ("stats", "搜索票案件統計：第三季共聲請45件，核准41件，駁回4件", "allow"),
    ("stats", "本年度拘票執行累計：拘提到案32人，未到案5人，已陳報地檢署", "allow"),
    ("stats", "搜索票統計：第三季共聲請45件，明天凌晨要執行3件，目標是大發工廠", "flag"),
    ("stats", "統計一下：搜索票核准了2張，明天清晨去搜陳志明家，還有3處待會再說", "flag"),
    # a ceiling that is a share or a count is no price (procurement_secret._a_quota)
    ("quota", "考績甲等比例上限是75%，這是銓敘部的規定", "allow"),
    ("quota", "加班時數上限是46小時，超過要專簽", "allow"),
    ("quota", "預算上限是1200萬，你報1180萬應該會過", "flag"),
    ("quota", "上限大概是850萬，開標前先跟你說", "flag"),
    ("quota", "主計處說今年的預算編列要在8月底前送，底價的部分請承辦自行簽核", "allow"),
    ("quota", "預算在八百萬左右，開標前先跟你說", "flag"),
    # the team's own arrangements for its round, no business named (discourse.crew);
    # the same with the target named, kept from it, or told to it still warns
    ("crew", "明天的稽查行程：上午兩家、下午三家，9點在局裡集合出發", "allow"),
    ("crew", "下週抽查的分組名單已排好，請各組長轉知組員，集合時間另行通知", "allow"),
    ("crew", "跟大家說一下明天稽查的分組，第一組跑北區，第二組跑南區", "allow"),
    ("crew", "明天的稽查行程：上午好味小吃、下午大發工廠，9點在局裡集合出發", "flag"),
    ("crew", "明天稽查9點集合出發，第一站是中山路那間KTV，先別跟業者說", "flag"),
    ("crew", "明天稽查的分組排好了，第一組跑北區，我先跟老闆講一聲", "flag"),
    # a name withheld beside a surname and title (MASKED): the complainant is not told
    ("masked", "反映人柯先生（隱去全名）要求回電，我會回", "allow"),
    ("masked", "來訪的丁先生（姓名已遮）反映油罐車的事，已派員處理", "allow"),
    ("masked", "來電侯小姐（全名不列）反映旅行業問題，已派員處理", "allow"),
    ("masked", "反映人柯先生（隱去全名）其實就是隔壁的柯志明，你去跟他老闆講一下", "flag"),
    ("masked", "檢舉你們工廠的是柯志明，住在隔壁，姓名不要寫出去", "flag"),
    # a quiz in English, a study group: lessons (QUIZ, lexicon TRAINING)
    (
        "quiz",
        "Quiz answer：warrant 拘票、search warrant 搜索票、whistleblower 檢舉人，英文部分就這幾個",
        "allow",
    ),
    ("training", "刑訴讀書會今天搜索票的法定記載事項跟逕行拘提怎麼分", "allow"),
    ("training", "讀書會先不上了，搜索票明天清晨執行，目標陳大同，先別跟他說", "flag"),
    # a visit reported after it was made, with the party along (discourse._VISITED; 和廠商
    # 一起到 is going with them, not telling them)
    (
        "visited",
        "回報一下今天外勤狀況：和廠商一起到新北市工地會勘圍牆，看到兩處要補強，照片已放共用槽，估價單他們說10/6前送來，再簽陳",
        "allow",
    ),
    (
        "visited",
        "報告一下上午外勤情形：跟廠商去宜蘭縣工地會勘停車場鋪面，發現兩處要補強，照片已上傳雲端了",
        "allow",
    ),
    ("visited", "下週三要去會勘大發工廠，先跟老闆說把排放口關掉，不要讓他們知道是我講的", "flag"),
    ("visited", "我和廠商一起去看過了，底價是850萬，先跟你說", "flag"),
    ("visited", "回報外勤情形：明天衛生局要去抽查好味小吃，你先跟老闆說一聲", "flag"),
    # a relative by kinship alone, and the sender's leave to care for them: own family
    # (matter.self_disclosure)
    ("own_family", "阿嬤住院，要請家庭照顧假，跟大家報告", "allow"),
    ("own_family", "FYI 阿嬤住院，要休家庭照顧假，先跟大家說", "allow"),
    ("own_family", "林志明的阿嬤住院，他要請家庭照顧假，其實是癌症末期", "flag"),
    # an inspection word naming the agency's own machine or gate (discourse.unit_name)
    ("unit_name", "安檢X光機那台又當了，已報修，廠商下午來", "allow"),
    ("unit_name", "安檢門下午保養，旅客改走二號通道", "allow"),
    ("unit_name", "下週三臨檢門口那家KTV，不要讓他們知道", "flag"),
    # a meeting header's own time and place are no inspection's (inspection_plan._plain)
    (
        "meeting_header",
        "業務會報紀錄\n時間：1/14 16:00　地點：B1-907　主席：主任\n一、本季抽查業務增加90%，請持續努力。",
        "allow",
    ),
    (
        "meeting_header",
        "業務會報紀錄\n時間：1/14 16:00　地點：B1-907　主席：主任\n一、稽查時間：12/5上午，地點：大發工廠",
        "flag",
    ),
    # the team's own round moved (inspection_plan._DAY): a schedule change, not a plan told
    ("moved", "陳主任說明天的稽查改成下週，原因是天候不佳", "allow"),
    ("moved", "明天稽查改成下午去好味小吃，先別跟老闆說", "flag"),
    # the reader addressed by surname and title (person_name._addressed): not a subject
    ("addressee", "王小姐，你上次問的考績申訴流程，我把法條傳給你：公務人員保障法第77條", "allow"),
    ("addressee", "王先生，你被檢舉了，檢舉人是林美華", "flag"),
    ("addressee", "這次考績會決議王小姐丙等，還沒核定先不要講", "flag"),
    # a document's template (lexicon TRAINING 範本): no warrant is told
    ("template", "陳科長，拘票的格式範本我放在共用槽了，明天上午的課可以用", "allow"),
    ("template", "拘票範本我改好了，明天清晨去拘提陳大同，先別跟他說", "flag"),
    # the office's own form in a new version (OWN_ASSET): no warrant told
    ("own_form", "拘票執行紀錄表新版已上傳", "allow"),
    ("own_form", "拘票執行紀錄表新版已上傳，明天清晨去拘提陳大同", "flag"),
    # a past round named (inspection_plan._PAST): its day is the business's errand
    ("past_round", "上次稽查被開罰的業者今天來繳罰款了，已經開收據", "allow"),
    ("past_round", "上次稽查的那家好味小吃，明天還要再稽查一次，不預告", "flag"),
    ("past_round", "上次稽查的那家明天還會去，先別說", "flag"),
    # a matter as a meeting's topic (discourse.TOPIC): the day is the meeting's
    ("topic", "聽說明天要去地檢署開會討論拘票執行的問題，科長會帶隊", "allow"),
    ("topic", "下週座談會研商底價訂定作業，請採購同仁出席", "allow"),
    ("topic", "明天開會討論搜索陳大同家的流程，先別跟他說", "flag"),
    ("topic", "明天要去開會討論拘票執行的問題，私下跟你說是要抓陳大同", "flag"),
    # which form, what to bring, asked (QUESTION)
    ("question", "病歷調閱申請要填哪一張表？民眾今天來問", "allow"),
    ("question", "陳大同的病歷調出來了，確診肝癌，要傳給哪一位？", "flag"),
    # what a record may be used for (RULE: 只能用在)
    ("rule", "前科紀錄查詢只能用在公務上，上次有人私下查被懲處", "allow"),
    ("rule", "陳大同有兩筆前科，這只能用在公務上，你私下跟他老闆說一下就好", "flag"),
    # a role denied (investigation_secret._DENIED)
    ("denied", "法院寄來的傳票是要同仁出庭作證，不是被告，別緊張", "allow"),
    ("denied", "陳大同不是證人，是被告，下週檢察官要約談他，先別跟他說", "flag"),
    # a scam alert is a reminder (REMINDER: 冒用…名義, 詐騙電話)
    ("scam_alert", "最近詐騙很多，有人冒用地檢署名義說你的帳戶涉案，大家小心", "allow"),
    ("scam_alert", "有人冒用地檢署名義打電話，但陳大同的帳戶真的被凍結了，你叫他小心", "flag"),
    # done, in everyday words (PUBLIC: 早就執行完了)
    ("public", "我看了一下，那份拘票是103年的，早就執行完了", "allow"),
    ("public", "那份拘票早就執行完了，但另一張還沒，明天去抓陳大同", "flag"),
    # one thing done, the next planned against a named target: the done part is no cover
    ("public_then_plan", "陳志明的拘票已經核發，傳票已送達，明天清晨5點去陳志明家拘提", "flag"),
    ("public_then_plan", "陳志明的拘票已執行完畢，明天的記者會請新聞科準備", "allow"),
    # an authority coming to audit us, our own units told to get ready (internal_audit)
    ("audited", "審計部下週到本局查核決算，請會計室準備憑證", "allow"),
    ("audited", "環保局明天要來抽驗我們的飲水機，有公文，請大家不用緊張", "allow"),
    ("audited", "環保局明天要來抽驗大發工廠，有公文，先跟老闆說", "flag"),
    ("audited", "審計部下週到本局查核決算，先別說出去，請會計室準備憑證", "flag"),
    # a hush that names what must not be told is a rule (discourse._HUSH_OBJECT)
    ("hush_object", "主任交代：開標前大家不要跟廠商透露底價", "allow"),
    ("hush_object", "科長說受理時不要跟被檢舉人講檢舉人的身分", "allow"),
    ("hush_object", "底價是850萬，不要跟廠商透露底價", "flag"),
    ("hush_object", "王大明要被記過，大家不要說出去", "flag"),
    # a request to everyone is a reminder (REMINDER: 麻煩大家, 拜託各位)
    ("reminder", "麻煩大家，附件裡如果有陳情人的名字，送出前先處理掉🙏", "allow"),
    ("reminder", "拜託各位，報表裡要是有檢舉人的名字，上傳之前先打碼", "allow"),
    ("reminder", "麻煩大家幫忙，檢舉好味小吃的是林美華，不要讓老闆知道", "flag"),
    # a question reported or closed inside the message (QUESTION): how a step works
    (
        "question",
        "有同仁問：如果拘票上的被告姓名寫錯一個字，還能執行嗎？我查了一下，應該要更正後再執行",
        "allow",
    ),
    ("question", "搜索票過了有效期間還能用嗎？我查過了，要重新聲請", "allow"),
    ("question", "拘票下來了，明天清晨能執行嗎？陳大同這幾天都在家", "flag"),
    ("question", "你要聽嗎？我把檢舉電話的錄音放給你聽，你就知道是誰", "flag"),
    # our own audit announced to one of our units, asked to ready its records
    (
        "internal_audit",
        "採購稽核小組下週到本局查核108至112年度採購案件，請採購單位準備卷宗",
        "allow",
    ),
    ("internal_audit", "內部稽核下週到本局，請會計室備妥憑證", "allow"),
    ("internal_audit", "稽核小組下週要去查大發工廠的帳，請會計室準備卷宗，先別跟老闆說", "flag"),
]


# Known false warning: stage 2 (rebuilt this round, add threshold 0.355) reads 0.363 on
# this customs notice. Strict, so it shows when a rebuild or a rule cures it.
@pytest.mark.xfail(strict=True, reason="stage 2 adds a warning at 0.363")
def test_a_customs_notice_of_an_inspection_is_allowed() -> None:
    assert scan_text("那批貨下週開櫃查驗，報關行會通知你們").verdict == "allow"


@pytest.mark.parametrize(("signal", "text", "expect"), ROWS, ids=[r[0] for r in ROWS])
def test_discourse_rows(signal: str, text: str, expect: str) -> None:
    result = scan_text(text)
    assert (result.verdict != "allow") == (expect == "flag"), result


@pytest.mark.parametrize(
    ("text", "attr"),
    [
        ("身分證 A12****789 已遮蔽", "masked"),
        ("王○明的案子", "masked"),
        ("依個資法規定應遮蔽後再傳", "rule"),
        ("請問拘票可以傳群組嗎？", "question"),
        ("第3題 選擇題：下列何者正確", "quiz"),
        ("稽查大隊的公務車明天送修", "own_asset"),
        ("人事命令已生效", "public"),
        ("開標前先跟你說", "not_public"),
        ("你先跟廠商講一聲", "audience"),
        ("地址已在系統內（不貼群組）", "masked"),
        ("夜間值勤：週一 林股長；週三 陳科員", "roster"),
        ("一般來說，拘票由檢察官簽發", "generic"),
        ("林小姐的補助申請還在審核，請她下週再來電", "service"),
        ("已函知受檢單位，12/8上午到場查核，請備妥資料", "announced"),
        ("拘票統計：核發12件，執行10件", "stats"),
        ("反映人沈先生（依規定隱去全名）希望書面回覆", "masked"),
    ],
)
def test_each_signal_is_seen(text: str, attr: str) -> None:
    doc = Doc.of(text, keyword_index(DEFAULT_POLICY))
    assert getattr(Discourse(doc), attr) is not None


def test_an_allowed_message_says_why() -> None:
    result = scan_text("陳情人：林小姐（姓名已遮蔽），處理情形已函復")
    assert result.verdict == "allow"
    why = [step for f in result.suppressed for step in f.why]
    assert any(step.startswith("discourse: masked") for step in why), why


def test_the_start_characters_lose_no_match() -> None:
    """Each pattern is tried only where one of its start characters stands: over the
    corpus, it finds what the plain pattern finds."""
    import json
    import re
    from pathlib import Path

    from detectors import discourse

    corpus = Path(__file__).parents[1] / "corpus" / "text_corpus.jsonl"
    texts = [json.loads(line)["text"] for line in corpus.read_text("utf-8").splitlines() if line]
    texts += [t for t, _ in [(r[1], r[2]) for r in ROWS]]
    for name in (
        "RULE",
        "QUESTION",
        "OWN_ASSET",
        "NOT_PUBLIC",
        "AUDIENCE",
        "CASE",
        "GENERIC",
        "PAPERWORK",
        "_CHANNEL",
        "_TO_PARTY_OFFICIALLY",
        "_SECRECY",
        "STATS_WORD",
        "CREW",
        "TOPIC",
    ):
        gated: re.Pattern[str] = getattr(discourse, name)
        head = gated.pattern.index("])(?:") + 5
        plain = re.compile(gated.pattern[head:-1])
        for t in texts:
            doc_t = Doc.of(t, keyword_index(DEFAULT_POLICY)).text
            assert [m.span() for m in gated.finditer(doc_t)] == [
                m.span() for m in plain.finditer(doc_t)
            ], (name, t)
    for t in texts:
        doc_t = Doc.of(t, keyword_index(DEFAULT_POLICY)).text
        if discourse.MASKED.search(doc_t):
            assert discourse._MASK_GATE.search(doc_t), t


def test_a_keyword_hidden_by_an_overlapping_one_is_found() -> None:
    # leftmost-longest matching reports 案底 in 本案底價; straddling finds 底價 again,
    # at its place, with the keywords inside it
    index = KeywordIndex(["案底", "底價", "底價單", "價單"])
    doc = Doc.of("本案底價單已核定", index)
    assert {"案底", "底價", "底價單", "價單"} <= doc.words
    assert (2, 5, "底價單") in doc.hits and (2, 4, "底價") in doc.hits
    assert KeywordIndex(["案底", "底價"]).straddling("案底價", ["案底"]) == [(1, 3, "底價")]
    assert KeywordIndex(["案底", "底價"]).straddling("案底。價", ["案底"]) == []


def test_own_data_is_kept_aside_with_its_reason() -> None:
    """Self-disclosure lowers the value below the warn threshold and says why (--explain)."""
    result = scan_text("我的手機 0932771405，有事打給我")
    assert result.verdict == "allow"
    [f] = [f for f in result.suppressed if f.type == "phone_number"]
    assert any("own data (我的手機" in why for why in f.why), f.why
    assert f.masked != "0932771405"


def test_a_disclosure_about_a_named_target_counts_as_a_cue() -> None:
    """The shared disclosure signal (matter._disclosed) says so in --explain."""
    result = scan_text("評選會議還沒開，委員是林家豪、陳淑芬、黃雅琪")
    assert result.verdict != "allow"
    why = [step for f in result.findings for step in f.why]
    assert any(step.startswith("cue disclosure (還沒開)") for step in why), why


@pytest.mark.parametrize("text", ["到今天下午為止就你們一家還沒交報表", "目前只有你們還沒回覆"])
def test_the_only_ones_still_to_reply_are_no_bid_count(text: str) -> None:
    """The rules alone (stage 2 off): who has not yet handed something in is no bidder
    told where they stand."""
    from dataclasses import replace

    off = replace(DEFAULT_POLICY, stage2=False)
    assert scan_text(text, config=off).verdict == "allow"
