"""What a message *does* with a matter: discloses it, or talks about it.

A leak is a disclosure: a specific target (a named person, a company, a place, a case),
information that is not public yet (還沒, 尚未, 開標前, 下週要去) and an audience that
should not have it (跟他說, 通知他, 先跟廠商講). What makes a sentence with a matter word
*not* a leak is usually discourse, not vocabulary:

- a rule statement or a question about the rules (應, 須, 依法, 規定, 可以…嗎, 請問怎麼);
- a quiz or training material (考題, 選擇題, 課程);
- a reminder that names roles, not people (請勿洩漏檢舉人身分);
- a masked value (A12****789, 0912-***-***, 王○明, 姓名已遮蔽);
- a public or completed state (公告, 已上網, 已生效, 已送達, 決標, 已公布);
- the agency's own assets: a unit, a system, a vehicle or a place whose name holds
  檢查 / 偵查 / 稽查 (稽查大隊的公務車, 查詢系統維護, 偵查隊會議室).

Every matter detector consults `Discourse` once per message (`Doc.discourse()`, memoised):
the scorer (`matter.weigh`) lets a matter pass on a talk signal when no disclosure
signal stands against it, and records which signal did it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from detectors.lazy import Gated, LazyPattern

if TYPE_CHECKING:
    from detectors.doc import Doc

_HAN = "\u4e00-\u9fff"


def _starts_with(chars: str, pattern: str) -> LazyPattern:
    """`pattern`, tried only where one of `chars` (every character a match can start
    with) stands: one character test per position instead of one per alternative.
    Compiled on first use (detectors/lazy.py)."""
    return LazyPattern(f"(?=[{chars}])(?:{pattern})")


# A rule statement: what must or may be done (the modal verbs of the law and of procedures).
RULE = _starts_with(
    "依應必須均一不得禁嚴規程流要原注作s第法屬我無絕需移內時是的救提只由僅限",
    r"依(?:法|規定|據|照)|依[^，。,\n]{1,10}(?:法|條例|規定|辦法|要點|準則)(?:第|規定|之)?"
    r"|第\s?[0-9]+\s?條|法第|屬於?[^，。,\n]{0,8}(?:機密|秘密|限閱|密件|個資)|內規"
    r"|時(?:要|應|須|需)(?:出示|告知|表明|檢附|填|記載)|我說不行|不行|無法提供|不能給|不能提供|不便提供|不能透露|不能說|不能講|不方便(?:說|講|透露)"
    r"|我(?:沒有|沒|不會)(?:說|講|透露|告訴|提供)|無可奉告|不貼了|絕對不|需先|須先|要先(?:確認|查明|核對|取得)|移送法辦|法辦"
    r"|(?<!反)應(?:於|予|依|由|記載|載明|填|檢附|先|即|立即|確實|注意|遵守|辦理|經|送|報|標示|標記|妥善|保管|保存)"
    # what a document must state or show (拘票要記載被告姓名, 執行時須出示)
    r"|(?:要|須|需|必須)(?:記載|載明|出示|檢附|敘明|註明)"
    # what must not be done with a record (不能把病歷拍照帶回, 不得截圖外傳)
    r"|(?:不能|不可以|不可|不准|不得|禁止)(?:把|拍照|拍攝|轉傳|外傳|外流|截圖|帶回|帶走|影印)"
    # who issues what (拘票由檢察官簽發), what a step needs (要有拘票)
    r"|由[^，。,\n]{1,6}(?:簽發|核發|核定|裁定|開立)|(?:要|須|需|應|必須)(?:要)?有(?:拘票|搜索票|押票|令狀|書面|公文|授權|同意)"
    # what a step needs, whose consent (病歷調閱要有當事人同意書或法定事由)
    r"|(?:要|須|需|應|必須)(?:要)?有(?:本人|當事人|家屬|法定代理人|監護人)的?(?:書面)?(?:同意|授權|委託)"
    r"|(?:必須|須經|須由|須於|均須|一律|不得|得以|得由|要由|禁止|嚴禁)"
    r"|規定|程序|流程|要點|原則上|(?:要|應|須|需|均應|一律)保密|注意事項|作業方式|sop|是義務|的義務"
    # a procedure's remedies and order of steps (救濟期限是30天, 要等核定後才會通知)
    # who may receive a record (病歷影本只能給本人或法定代理人)
    r"|只(?:能|可|限)(?:給|由|交給|提供給?|發給)(?:本人|當事人|法定代理人|申請人)"
    # which office keeps a record and the only way to it (是移民署管的, 只能透過公文查)
    r"|只(?:能|可以?)(?:透過|經由|憑|依)|(?:只能|只可|僅能|僅限|限)用(?:在|於)|(?:要|須|需|必須)(?:透過|經由)(?:公文|書面|法院|檢察官|正式)"
    r"|是[^，。,\n]{1,6}(?:管|主管|負責|核發)的"
    r"|救濟(?:期限|程序|途徑)|法定期限|提起(?:復審|申訴|訴願|再申訴)"
    r"|(?:要|須|需|必須)等[^，。,\n]{0,8}(?:核定|核准|公告|發布|簽准)後",
)
# A question about how things work (請問…, …嗎?, 怎麼/如何…).
QUESTION = _starts_with(
    "請想問可能是要需怎如該有還會算哪什",
    # a question asked and reported (有同仁問：…), whether a step still may or can be
    # done, closed inside the message (…還能執行嗎？我查了一下…; not an offer: 你要聽嗎？)
    r"問[：:]|(?<![你妳您])(?:還能|能|可|會|算)[^，。？?\n]{0,8}嗎\s?[?？]"
    # which form, what to bring, closed by its question mark (要填哪一張表？)
    r"|(?:哪[一些個張種份裡]|什麼)[^，。？?\n]{0,8}[?？]|請問|請教|想問|問一下|有人問|(?:需要|要)[帶準備填交繳附]{0,2}(?:什麼|哪些)|(?:可以|可不可以|能不能|能否|是否|要不要|需不需要|需要)[^。\n]{0,16}(?:嗎|呢|[?？])"
    r"|(?:怎麼|如何|要怎|該怎)(?:辦|處理|填|寫|申請|查|做|回|回覆|寫|送|判斷|認定|區分|算)",
)
_QUESTION_END = frozenset("嗎呢?？")
# Gated (here and below): every match holds one of the characters given, so a long
# message without any is one character-class scan (test_matter_patterns checks them).
QUIZ = Gated(
    "題測答考隨練:：✗✓○×(（qk擬棋",
    re.compile(
        r"考題|題目|選擇題|是非題|申論題|測驗|考古題|答案|解答|第\s?[0-9一二三四五六七八九十]+\s?題"
        r"|模擬題|小考|期末考|期中考|隨堂|練習[:：]|(?<![a-z])[qa]\s?[:：]|答\s?[:：]|[✗✓○×](?:\s*[)）])?\s*$"
        r"|\([a-d]\)|（[a-dａ-ｄ]）|情境題|(?:這|那|哪|此|上)一?題"
        # a drill's scenario: the case is staged (法警訓練模擬情境：假設拘票對象為…)
        r"|模擬情境|情境模擬|模擬演練|演練(?:情境|腳本)|兵棋推演"
        # in English (Quiz answer：warrant 拘票、search warrant 搜索票)
        r"|(?<![a-z])(?:quiz|answer key|answers?\s?[:：])"
    ),
)
# Generic or hypothetical framing: how things usually go, a supposed case, an example
# (一般來說, 實務上, 假設明天要去搜索, 以前有人…): nobody's case is told. It opens a clause.
GENERIC = _starts_with(
    "一通實理原按假舉例比譬以曾之",
    r"(?:(?<=^)|(?<=[，。,；;:：\s]))"
    r"(?:一般來說|一般而言|一般都|通常來說|實務上|理論上|原則上|按理說"
    r"|假設|假如|舉例來說|舉個例子|舉例|例如|比如說?|比方說|譬如|以前有人|曾經有人|之前有人)",
)
REMINDER = Gated(
    "提請務勿要得禁注律記時，,麻拜冒假詐",
    re.compile(
        r"提醒|請(?:各位|同仁|大家|各單位|承辦)|(?:麻煩|拜託)(?:各位|同仁|大家|各單位)|務必|切勿|請勿|請不要|不要在群組|不要貼|不要傳|不要外流"
        r"|不得|禁止|嚴禁|注意|一律|記得"
        # a scam alert: someone poses as the authorities (有人冒用地檢署名義…, 小心詐騙電話)
        r"|(?:冒用|假冒|冒充)[^，。,\n]{0,8}(?:名義|身分|公文|來電|電話)|詐騙(?:集團|電話|簡訊|手法)|小心詐騙|防詐"
        # a standing instruction for a kind of situation (受理檢舉時，不要…; 遇到廠商詢問，一律…):
        # a clause that sets the case, then what to do in it
        r"|(?<![小當那此同])時[，,]\s?(?:請|要|應|須|不要|別|勿|一律|務必|先|記得|就)"
        r"|(?:遇到|如果|若|如有|碰到)[^，。,\n]{1,14}[，,]\s?(?:請|要|應|須|不要|勿|一律|務必|記得|就說)"
    ),
)
MASKED = re.compile(
    r"[a-z][0-9]{0,4}[*＊●○x]{3,}[0-9]{0,4}"
    r"|[0-9]{2,4}-?[*＊x●]{2,}|(?<![a-z])[a-z]{2,3}-[*＊●]{2,}"
    rf"|(?<![{_HAN}])[{_HAN}][○〇◯●＊*][{_HAN}○〇◯]?(?![{_HAN}]{{2}})"
    rf"|[{_HAN}][○〇◯]{{1,2}}"
    r"|[○〇◯]{2,}|[甲乙丙]、[乙丙丁]|某(?:人|君|甲|乙|工廠|公司|廠商|業者|店家)"
    # a value withheld from the chat (電話已在系統內, 不貼群組)
    r"|(?:不|沒|未)貼(?:在|到|上)?群組|(?:已|都)在系統(?:內|裡|中)"
    r"|遮蔽|遮掉|遮起來|塗掉|塗黑|去識別|已隱匿|隱匿|代號|化名|匿名處理|姓名不公開|名稱(?:暫)?不公開|以下簡稱|打碼|馬賽克|虛構"
    # a name withheld beside a surname and title (柯先生（隱去全名）, 詹太太（姓名已遮）,
    # 黃先生（全名不列）, 用高小姐代稱)
    r"|(?:全名|姓名|名字)(?:已|都)?(?:遮|隱|略|不列|不寫|省略)|隱去(?:全名|姓名)|不列全名|代稱"
)
# Every MASKED match holds one of these (a mask character, x, or a word's first character).
_MASK_GATE = re.compile("[*＊●○〇◯x遮塗去隱代化匿姓名以打馬甲某虛貼系全不]")
PUBLIC = re.compile(
    r"公告|上網|生效|送達|公布|公開|發布|發佈|決標|結案|宣判|定讞|放榜"
    r"|新聞稿|記者會|官網|網站|公報|判決確定|已完成|已執行完畢|已結束|結果如下|成果"
    r"|函復|已回覆|已答復|已處理|已辦結|已複查|複查|都正常|均正常|無異常|查完|跑了[0-9一二三四五六七八九十]+家"
    # done, in everyday words (早就執行完了)
    r"|早就(?:執行|辦)完|(?:執行|辦)完畢"
    # in effect: a post taken up (今天開始接任), things logged or handed over (已經入庫)
    r"|接任|到任|就任|上任|已到職|已報到|已經?(?:入庫|歸檔|移交|繳回|銷毀)"
    # congratulated: the news is out (恭喜他, 恭喜錄取), unless ahead of it (先恭喜)
    r"|恭喜"
)
# A publication word negated or passive before it (未公告, 不公開, 被發布通緝) or still to
# come after it (公告前, 公告下週才上).
_NOT_DONE_BEFORE = frozenset("未沒尚不才被")
_FUTURE_BEFORE = re.compile(
    r"(?:明天|明日|後天|下週|下禮拜|下星期|下個?月|明年|月底|月初|年底|下學期|將|會|要|預計|即將|準備)"
    r"[^，。,\n]{0,2}$"
)
# ... or kept from the public it names (新聞稿不要寫, 官網先別放): nothing is published.
_NOT_DONE_AFTER = re.compile(
    r"前|[^，。,\n]{0,5}才"
    r"|[^，。,\n]{0,3}?(?:先|千萬|絕對)?(?:不要|別|不能|不可|不准|勿)(?:寫|提|放|發|講|說|透露|曝光)"
)
OWN_ASSET = _starts_with(
    "檢偵稽查調督政公會辦系暫勤分代行時集績統格新教講訓說簡表範手",
    r"(?:檢查|偵查|稽查|查緝|調查|稽核|查核|督察|政風)"
    r"(?:隊|組|科|課|站|所|處|中心|室|大隊|分隊|小組|單位|系統|車|儀|器|表|會議|科長|隊長|組長|人員|同仁|員|佐|官)"
    r"|公務車|公務機|會議室|辦公室|查詢系統|系統維護|系統更新"
    # a system's maintenance window (搜索票申請系統明天凌晨維護)
    r"|系統[^，。,\n]{0,8}(?:維護|停機|升級|更新|暫停服務)|暫停(?:服務|調閱|受理|開放)|勤務表|分機|代表號"
    # the office's own forms: a template updated (清單的格式有更新, 新表在內網)
    r"|格式有?(?:更新|修正|調整)|新版(?:表單|格式)|新表在|(?:表|表單|格式|範本|手冊|講義)的?新版(?:已|本|上傳|放)"
    # the unit's own figures: totals, not a target (查緝專案績效統計表)
    r"|績效(?:統計|報表|評比)|統計(?:表|報表|數據)"
    # the team's own schedule moved (行程改到十點): logistics, not a target
    # ... and so is its own briefing or meeting moved (勤前教育改到下午兩點)
    r"|(?:行程|時間|集合|教育|會議|講習|訓練|說明會|簡報)(?:改到|改成|改期|延期|延到|提前到|順延)",
)
# The applicant served: a person's own application, and the applicant told to come, call,
# wait or hand in (林美玲的低收入戶申請還在審核中，請她下週再來電; 黃小姐申請的
# 病歷影本還沒印好，明天通知她來拿). Their own request, not a matter about them.
_APPLIED = re.compile(r"申請|申辦|請領|陳情案|報名")
SERVICE = re.compile(
    r"(?:請|通知|跟)(?:他|她)(?:本人)?(?:說)?[^，。,\n]{0,4}(?:來拿|來領|來電|補件|再等|等候|回覆|會再|先不要訂)"
)
# A citizen, named only by surname and title, asking how to get a service (林先生來電詢問
# 他父親的死亡登記要帶什麼文件, 王先生來問重大傷病卡怎麼申請): the question is theirs,
# reported; no matter of theirs is told.
INQUIRY = re.compile(
    r"(?:來問|來電問|來電詢問|打電話問|詢問|洽詢|諮詢|問說)[^，。,\n]{0,20}?"
    r"(?:怎麼|如何|要帶|要準備|要去哪|去哪|哪裡|流程|手續|換證|補發|怎樣)"
)
_TO_APPLICANT = re.compile(r"(?:跟|和|給|告訴|通知|提醒|轉告|叫|讓)(?:一下)?(?:他|她)")
# Who is on duty: staff rosters (值班表, 輪值, 排班). Not the colleague on duty told
# something (跟值班的說一下, 告訴值班同仁, 轉告今天值班的): a listener, not a roster.
ROSTER = Gated(
    "值班勤名員",
    re.compile(
        r"輪值|(?<!跟)(?<!給)(?<!叫)(?<!告訴)(?<!通知)(?<!轉告)(?<!提醒)(?<!跟今天)(?<!告訴今天)值班(?!的說|的講)"
        r"|排班|班表|執勤表|值勤表|(?:夜間|假日|週末)?值勤[:：]|出席名單|(?:只列|僅列)[^，。,\n]{0,4}(?:員|人員|委員)"
    ),
)
SELF = Gated(
    "我", re.compile(r"(?:^|[，。,\s])我(?:自己|本人)?(?:的|有|也|之前|以前|上次|剛|最近|去年)")
)
# The sender's own data, introduced as such (我的手機 0932…, 我身分證字號是 E22…): a value
# right after it is self-disclosure, not a leak of someone else's. 他的 / 你的 are not.
OWN_DATA = re.compile(
    r"(?<![他她你您])我(?:自己|本人)?(?:的|換了?|改了?)?(?:新的?)?"
    r"(?:手機|電話|市話|身分證|身份證|居留證|護照|地址|住址|戶籍地|信箱|email|e-mail|帳號|帳戶"
    r"|生日|出生日期|車牌|車號)"
    # 我換手機號碼了：0916…, 我的新手機改成 09…: the sender's own new number, announced
    r"(?:號碼|字號|號|地址|帳號)?(?:了|改成|換成|改為)?(?:是|為|[:：])?[ \t]*"
)
OWN_DATA_GAP = 2  # characters between the label and the value, at most

# The other side: what turns a matter into a disclosure.
NOT_PUBLIC = _starts_with(
    "還尚未先不別開公發核定上生內偷私才下明要會準簽審偵突裝假",
    r"還沒|尚未|未(?:公告|公布|發布|核定|簽核|上網|開標|定案|生效|發文|發令)|先不要|先別|不要說出去|不要講出去"
    # published on a day still to come, and the reader to act as if unseen till then
    r"|(?:公告|公布|上網|發布)(?:那天|當天)(?:再|才)|(?:裝作|假裝)(?:是)?(?:第一次|沒)看"
    r"|別(?:說|講|傳)出去|(?:開標|公告|公布|發布|核定|定案|發令|上網|生效)前|內定|偷偷|私下|先跟你說|先給你"
    r"|才(?:會|能|可以)?(?:上網|上|公告|公布|發布|發佈|生效|放榜|核定|發文)|(?<!偵查)(?<!名稱)(?<!稱暫)(?<!姓名)不公開|未公開"
    r"|不預告|未預告|不事先通知|突擊|下週要去|明天要去|要去查|會去查|準備要|還在簽|簽核中|審核中|還在審|還在查|偵辦中|偵查中",
)
AUDIENCE = _starts_with(
    "跟和給告通提轉叫讓先透放報傳你講說檢投反申",
    # (the one who runs the place checked: 工地主任, 店長, 廠長, 場長, 老闆娘, 業主)
    r"(?:跟|和|給|告訴|通知|提醒|轉告|叫|讓)(?:一下)?(?:他|她|他們|她們|對方|廠商|老闆|業者|家屬|店家|負責人|被檢舉人|當事人"
    r"|工地主任|店長|廠長|場長|老闆娘|業主)"
    # (with them, not to them: 和廠商一起到工地會勘, 跟業者去現場)
    r"(?!主管|同仁|承辦|一起|一同|同行|去|到)"
    r"|先跟[^，。,\n]{1,6}(?:講|說)|透露|放風聲|報給你|給你看|傳給你"
    # who reported the listener, told to the listener (講你收紅包的是…, 告你們…的就是):
    # the one reported hears who it was
    # (not praise passed on: 說你們服務好的那位就是…)
    r"|(?:講|說|告|檢舉|投訴|反映|申訴)你們?(?:(?!好|認真|棒|辛苦|厲害|用心|專業|熱心|感謝|讚|不錯)[^，。,\n]){1,10}?"
    r"的(?:人|那個|那位)?[，,\s]{0,2}(?:就)?是"
    r"(?!誰|不是|對|錯|什麼|哪|啥|真|假)"
    # the reader's side, not the reader's own office (你們科, 你們單位的…, 你們那邊有收到嗎)
    r"|你們(?!科|課|股|組|室|處|局|隊|單位|機關|部門|同事|主管|承辦|那邊有|這邊有)",
)
COMPANY = re.compile(
    r"公司|企業|工廠|廠|商行|行號|診所|醫院|餐廳|小吃|旅館|飯店|酒店|商店|超商|工程行|建設|營造|藥局|補習班|幼兒園"
    r"|ktv|spa|網咖|海產|宿舍|工地|印刷|科技|機械|水電|環保|遊藝場|安養中心|托老|養護|卡拉ok|酒吧|夜店|檳榔"
    r"|回收場|養殖場|砂石場|屠宰場|農場|牧場|旅行社|護理之家|小吃部"
)
CASE = _starts_with("案字0-9", r"案號|字第[0-9]+號|[0-9]{2,3}年度?[^，。\n]{0,4}字")
_PERSON_TYPES = frozenset(
    {"person_name", "tw_national_id", "tw_resident_id", "passport_number", "phone_number"}
)


# The talk signals, strongest first.
TALK_KINDS = (
    "masked",
    "quiz",
    "announced",
    "roster",
    "service",
    "public",
    "stats",
    "topic",
    "own_asset",
    "rule",
    "generic",
    "question",
    "reminder",
)


class Discourse:
    """The discourse signals of one message: each is the text seen (for --explain) or None."""

    __slots__ = (
        "announced",
        "audience",
        "generic",
        "masked",
        "not_public",
        "own_asset",
        "public",
        "question",
        "quiz",
        "reminder",
        "roster",
        "rule",
        "self",
        "service",
        "stats",
        "target",
        "topic",
    )

    def __init__(self, doc: Doc) -> None:
        t = doc.text
        self.rule = _seen(RULE, t)
        self.question = _seen(QUESTION, t) or _asked(t)
        self.quiz = _seen(QUIZ, t)
        self.generic = _seen(GENERIC, t)
        self.masked = _seen(MASKED, t) if _MASK_GATE.search(t) is not None else None
        self.public = _public(t)
        self.own_asset = _seen(OWN_ASSET, t)
        self.roster = _seen(ROSTER, t)
        self.stats = stats(t)
        self.topic = _seen(TOPIC, t)
        self.service = _seen(SERVICE, t) if _APPLIED.search(t) is not None else None
        if self.service is None and _titled_only(doc):
            self.service = _seen(INQUIRY, t)
        self.self = _seen(SELF, t)
        if self.public == "恭喜" and _unforbidden(NOT_PUBLIC, t) is not None:
            # congratulated ahead of the news (恭喜…下週簽完才會公布): nothing is out yet
            self.public = None
        self.target = _target(doc)
        reminder = _reminder(t)
        # In a reminder, 不要 / 別 forbid as 不得 does (記得稽查前不要先跟業者聯絡).
        soft = reminder is not None and self.target is None
        self.not_public = _unforbidden(NOT_PUBLIC, t, soft=soft)
        self.audience = _unforbidden(AUDIENCE, t, soft=soft)
        # A reminder that names roles, not people: 請勿洩漏檢舉人身分.
        self.reminder = reminder if reminder and self.target is None else None
        # (told to the party another way than by notice: 先跟老闆講, 透露: no notice)
        self.announced = (
            announced(t)
            if self.audience is None or self.audience.startswith(("通知", "你們"))
            else None
        )

    def talk(self) -> tuple[str, str] | None:
        """The first signal that the message talks about a matter rather than tells it:
        (kind, text seen), or None."""
        for kind in TALK_KINDS:
            seen = getattr(self, kind)
            if seen is not None:
                return kind, seen
        return None

    def kinds(self) -> list[str]:
        """Every talk signal seen (TALK_KINDS order)."""
        return [k for k in TALK_KINDS if getattr(self, k) is not None]

    def discloses(self) -> tuple[str, str] | None:
        """The first sign of a disclosure: something not public yet, or told to someone
        who should not have it (kind, text seen), or None."""
        if self.service is not None:
            # the applicant's own request, pending, and the applicant told of it
            if self.audience is not None and _TO_APPLICANT.fullmatch(self.audience) is None:
                return "audience", self.audience
            return None
        if self.not_public is not None:
            return "not_public", self.not_public
        if self.audience is not None:
            return "audience", self.audience
        return None


# The team's own arrangements for its round (9點在局裡集合出發, 分組名單已排好，請各組長
# 轉知組員, 公務車兩台、採樣箱記得帶): where to meet, who goes with whom, what to bring.
CREW = _starts_with(
    "集分組轉公出勤帶記採裝第跑",
    r"集合|分組|組員|轉知|公務車|出發|勤前|帶齊|記得帶|採樣箱|裝備|第[一二三四五六1-6]組|跑[東西南北中]區",
)


def crew(doc: Doc) -> str | None:
    """The team's own arrangements (CREW) in a message that names no target (no person,
    business, case or address), keeps nothing back and tells no party: the words seen,
    or None."""
    m = CREW.search(doc.text)
    if m is None:
        return None
    d = doc.discourse()
    if d.target is not None or d.not_public is not None or d.audience not in (None, "你們"):
        return None
    if _place(doc) or hushed(doc.text) is not None or _SECRET_VISIT.search(doc.text) is not None:
        return None
    return m.group()


# A matter as the topic of a meeting or a discussion (開會討論拘票執行的問題, 座談會研商
# 底價訂定作業): the procedure is discussed, nobody's case is told; the day is the meeting's.
TOPIC = _starts_with(
    "開會座研討檢說",
    r"(?:開會|會議|座談會?|研討會?|討論|研商|檢討|說明會)[^，。,\n]{0,14}?"
    r"(?:的)?(?:問題|議題|事項|流程|程序|作業(?:方式|流程|要點)?|缺失|執行率|改進|實務|原則|規定)",
)


# Figures over many cases: a statistics word (統計, 合計, 累計, 第三季) and at least two
# counts (聲請45件，核准41件). A table of totals tells nobody's case; what is to come
# (明天, 下週, 凌晨) is a plan, not a figure.
STATS_WORD = _starts_with(
    "統合總累共截第上下全本",
    r"統計|合計|總計|累計|共計|截至|第[一二三四1-4]季|上半年|下半年|全年|本年度|全年度",
)
_COUNT = re.compile(r"[0-9][0-9,]*\s?(?:件|家|人次|人|案|次|處|起|名|張|場|%|％)")
_AHEAD = re.compile(
    r"明天|明早|明晚|明日|後天|下週|下禮拜|下星期|今晚|今天晚上|凌晨|清晨|待會|等一下|稍後|預計|準備"
)


def stats(text: str) -> str | None:
    """A statistics word with two counts or more and nothing ahead (STATS_WORD,
    _COUNT, _AHEAD): the word seen, or None."""
    m = STATS_WORD.search(text)
    if m is None or _AHEAD.search(text) is not None:
        return None
    counts = _COUNT.finditer(text)
    if next(counts, None) is None or next(counts, None) is None:
        return None
    return m.group()


# A visit or a step announced to its party through official channels: a letter or a
# notice says it (函知受檢單位, 已發函通知該廠, 預告：…, 通知書已寄出) and the party is
# asked to get ready or come along (請備妥, 請該廠配合, 請受檢單位派員陪同). The party
# knows by design: its date and place are the notice's, not a plan kept from it.
_CHANNEL = _starts_with(
    "函發行公書正依預通已",
    r"函(?:知|請|告|送|文)|發函|行文|公文(?:通知|告知|預告)|書面(?:通知|告知)|通知書|正式通知"
    r"|依(?:規定|法)[^，。,\n]{0,4}(?:通知|告知|預告)|預告|通知單",
)
_TO_PARTY_OFFICIALLY = _starts_with(
    "受該貴各業廠負請",
    r"受檢|受查|受稽|受訪|受處分人|該(?:廠|公司|店|場所|單位|校|業者|機構|負責人)|貴(?:公司|校|單位|場所|機構|店)"
    r"|各(?:場所|業者|廠商|受檢|區公所|單位|學校|機構|加油站|店家)|業者|廠商|負責人"
    r"|請[^，。,\n]{0,10}?(?:備妥|準備|配合|陪同|派員|到場|出席|提供)",
)
# Secrecy that no official notice carries: a told secret, a surprise, a hush.
_SECRECY = _starts_with(
    "還尚未先不別內偷私突無",
    r"還沒|尚未|先不要|先別|不要說出去|別說出去|內定|偷偷|私下|先跟你|先給你|(?<!姓名)不公開|未公開"
    r"|不預告|未預告|不事先|突擊|無預警|不預警",
)


def announced(text: str) -> str | None:
    """An official notice to the party it concerns (_CHANNEL and _TO_PARTY_OFFICIALLY),
    with no secrecy (_SECRECY, a hush, a secret visit) anywhere in the message: the
    channel seen, or None."""
    m = _CHANNEL.search(text)
    if m is None or _TO_PARTY_OFFICIALLY.search(text) is None:
        return None
    if (
        _SECRECY.search(text) is not None
        or _SECRET_VISIT.search(text) is not None
        or hushed(text) is not None
    ):
        return None
    return m.group()


def _titled_only(doc: Doc) -> bool:
    """Everyone the message identifies is named only by surname and title (林先生)."""
    seen = False
    for f in doc.findings:
        if f.type in _PERSON_TYPES and f.score >= 0.4:
            if f.rule != "person_name.title":
                return False
            seen = True
    return seen


def _seen(rx: re.Pattern[str] | LazyPattern | Gated, text: str) -> str | None:
    m = rx.search(text)
    return m.group() if m is not None else None


# A formal prohibition right before a disclosure word makes it a rule (不得預先通知業者),
# and so does one right after a deadline (開標前無法提供, 決標前一定不能給).
_FORBID_BEFORE = re.compile(r"(?:不得|不能|不可|禁止|勿|無法|不應|不宜)[^，。,\n]{0,3}$")
# ... or a formal prohibition that opens the clause: what follows in it is what must not
# be done (不得對媒體或親友透露偵辦中案件細節).
_FORBID_CLAUSE = re.compile(r"(?:不得|禁止|嚴禁|不應|不宜)[^，。,；;\n]{0,14}$")
_FORBID_AFTER = re.compile(
    r"[^，。,\n]{0,4}(?:不得|不能|不可|禁止|勿|無法|不應|不宜|應予?保密|仍應|均應|應(?!該))"
)
# ... and, in a reminder, the everyday prohibitions (請大家記得，稽查前不要先跟業者聯絡).
_SOFT_FORBID_BEFORE = re.compile(r"(?:不要|別|不可以)[^，。,\n]{0,3}$")


def _unforbidden(rx: re.Pattern[str] | LazyPattern, text: str, *, soft: bool = False) -> str | None:
    """The first match of `rx` not forbidden by a rule around it (`soft`: the message is
    a reminder, so 不要 / 別 forbid too)."""
    for m in _unforbidden_all(rx, text, soft=soft):
        return m.group()
    return None


def _unforbidden_all(
    rx: re.Pattern[str] | LazyPattern, text: str, *, soft: bool = False
) -> Iterator[re.Match[str]]:
    """Every match of `rx` not forbidden by a rule around it (see `_unforbidden`)."""
    for m in rx.finditer(text):
        s, e = m.span()
        if _FORBID_BEFORE.search(text, max(0, s - 6), s) is not None:
            continue
        if _FORBID_CLAUSE.search(text, max(0, s - 18), s) is not None:
            continue
        if soft and _SOFT_FORBID_BEFORE.search(text, max(0, s - 6), s) is not None:
            continue
        if m.group().endswith("前") and _FORBID_AFTER.match(text, e) is not None:
            continue
        yield m


def _reminder(text: str) -> str | None:
    """A reminder word, not the sender's own hush (先不要傳: keep it for now)."""
    if REMINDER.gate.search(text) is None:
        return None
    for m in REMINDER.pattern.finditer(text):
        if m.start() and text[m.start() - 1] == "先":
            continue
        return m.group()
    return None


# Someone's question reported, ending the message: who it was (那家店問是誰檢舉, 案家問
# 通報人是誰); with nothing after it, nobody answers it here.
_ASKED_WHO = re.compile(
    r"問(?:說)?[^，。,？?\n]{0,8}?(?:是誰|是哪一?[個位家])[^，。,？?\n]{0,4}[？?]?\s*$"
)


def _asked(text: str) -> str | None:
    """The message ends as a question (…嗎, …?, a reported who-question)."""
    end = text.rstrip()[-1:]
    if end in _QUESTION_END:
        return end
    if "誰" in text or "哪" in text:
        m = _ASKED_WHO.search(text)
        if m is not None:
            return m.group()
    return None


def _public(text: str) -> str | None:
    """A publication word that is done, not negated or still to come."""
    for m in PUBLIC.finditer(text):
        s, e = m.span()
        if s and (text[s - 1] in _NOT_DONE_BEFORE or (text[s - 1] == "先" and m.group() == "恭喜")):
            continue
        if _FUTURE_BEFORE.search(text, max(0, s - 4), s) is not None:
            continue  # 明天公布, 下週會上網: still to come
        if _NOT_DONE_AFTER.match(text, e) is not None:
            continue
        return m.group()
    return None


# 進廠, 回廠, 原廠, 出廠: the workshop a car goes to or a product comes from.
_TO_WORKSHOP = frozenset("進回原出返送")


def _company(text: str) -> str | None:
    """A business named by its kind (大發工廠, 好味小吃): two characters before the word."""
    for m in COMPANY.finditer(text):
        s = m.start()
        if m.group() == "廠" and (
            text.startswith("商", m.end()) or (s and text[s - 1] in _TO_WORKSHOP)
        ):
            # 廠商: any vendor (投標廠商, 通知廠商), not a business named; 進廠保養,
            # 原廠, 出廠: a vehicle's or a product's workshop, not a business named
            continue
        if text.startswith("業", m.end()) and not text.startswith("業者", m.end()):
            continue  # 營造業, 旅館業: an industry, no business named
        if s >= 2 and all("\u4e00" <= c <= "\u9fff" or c.isalnum() for c in text[s - 2 : s]):
            return text[s - 2 : m.end()]
    return None


def _target(doc: Doc) -> str | None:
    """A specific target: a named person, a company, a case (the finding type or the word)."""
    for f in doc.findings:
        if f.type in _PERSON_TYPES and f.score >= 0.4:
            return f.type
    company = _company(doc.text)
    if company is not None:
        return company
    m = CASE.search(doc.text)
    return m.group() if m is not None else None


# ------------------------------------------------------------------ tip-offs without a trigger word

# A heads-up to the party: someone will come (a day, 有人會去, 我們會過去) and the reader
# is told to get ready or keep away. No matter word is needed: 老闆，後天可能有人去你們那
# 看，小心一點. Words that can wake the detector that reads this (inspection_plan).
TIPOFF_WORDS: tuple[str, ...] = (
    "有人",
    "會有人",
    "有人會",
    "有人要",
    "我們會",
    "會過去",
    "會去",
    "會來",
    "要去",
    "要來",
    "被查",
    "被掃",
    "被看",
    "被抽",
    "會被",
    "小心",
    "收一收",
    "收起來",
    "準備一下",
    "先準備",
    "別去",
    "不要在家",
    "別在家",
    "不要回家",
    "不要回去",
    "別亂跑",
    "找律師",
    "別張揚",
    "先打電話",
    "事先通知",
    "先發通知",
    "被聽",
    "在聽",
    "在跟",
    "在盯",
    "供出",
    "排在",
    "輪到",
    "第一站",
    "第二站",
    "準備好",
    "收一收",
    "整理好",
    "先整理",
    "補齊",
    "先處理",
    "處理好",
    "先丟",
    "先清",
    "不要出去",
    "不要出港",
    "先不要出",
    "先不要回",
    "換一支",
    "不要開",
    "先停車",
    "說一聲",
    "別讓",
    "法官已經",
    "法院已經",
    "已經簽了",
    "已經准了",
    "路檢",
    "已經在跟",
    "無預警",
    "不預告",
    "偷偷",
    "便服",
    "被凍結",
    "被看過",
    "追到",
    "名單在我這",
    "要查",
    "會查",
    "要掃",
    "督學",
    "督考",
    "會勘",
    "路檢",
    "巡守",
    "看一輪",
    "派人",
    "被帶走",
    "不要跟別人說",
    "有人在",
    "在注意",
    # a patrol, a customs check or an audit told ahead (巡山的明天改巡溪谷, 那批貨要開櫃,
    # 7/7要抽…憑證整理好，我沒說喔, 七點會到，先搬走)
    "巡山",
    "巡邏",
    "開櫃",
    "會到",
    "先弄",
    "弄好",
    "我沒說",
    "別害我",
)
_VISIT = re.compile(
    r"(?:有人|我們|我|衛生局|環保局|勞動局|局裡|督學|警察|他們)?(?:可能)?(?:會|要|將|準備)?"
    r"(?:過去|去|來|到|進去|敲門|找你|查|檢|看|抽|掃|搜|集合|出發|第一站|帶走|抓走|抓人|拘提|派人|巡|開櫃)"
)
_WHEN_RX = re.compile(
    r"上午|下午|中午|明天|明早|明晚|今晚|今天晚上|後天|下週|下禮拜|下星期|這週|這禮拜|週末|禮拜[一二三四五六日天]|星期[一二三四五六日天]"
    r"|週[一二三四五六日]|[0-9]{1,2}/[0-9]{1,2}|[0-9]{1,2}點|[一二三四五六七八九十]{1,2}點|早上|晚上|凌晨|下個月|這幾天|最近"
    r"|這次|這週|本週|月底|月初|[0-9]{1,2}月[0-9]{1,2}日"
)
_ADVICE = re.compile(
    r"小心|注意|準備|收一收|收起來|整理|補齊|補滿|補一補|先處理|處理好|先丟|先清|先改|別去|不要出去|先不要出去"
    r"|不要在家|別在家|不要回家|不要回去|別亂跑|先走|找律師|換一支|別張揚|不要事先通知|不要先打電話|請不要事先通知"
    r"|不要讓他們知道|先別講|別讓|不要開|晚點開|穿便服|先停車|自己注意|說一下|說一聲|跟他說"
    # the reader told to fix or hide something before the visit: 鐵窗拆一下, 排放口先關,
    # 東西搬走, 標籤要貼好, 安全帽戴好, 要有心理準備
    r"|先(?:關|搬|拆|補|貼|戴|藏|撤)|(?:拆|搬|補|貼|戴|關|藏|撤)(?:一下|一搬|好|掉|走|起來)"
    r"|心理準備|別過去|不要過去|別往|不要去了|別去了"
    # 先換一換, 先拔掉, 先把鷹架補好: the reader fixes something first
    r"|先[\u4e00-\u9fff](?:一[\u4e00-\u9fff]|掉|起來|乾淨)"
    r"|先把[^，。,\n]{1,8}(?:補好|修好|拆掉|拔掉|關掉|丟掉|處理掉|收起來|藏起來|搬走|清乾淨)"
    # 帳弄好, 要他們先弄好: the reader gets things in order before the check
    r"|先弄(?:好|一弄|乾淨)|帳(?:目)?(?:先)?弄好"
)
# A visit for a stated errand (去你們那邊拿貨, 過去幫你們裝冷氣, 去你們家送輔具): the
# purpose is said, and it is a service, not a check.
SERVICE_VISIT = re.compile(
    r"(?:去|來|到|過去|過來)[^，。,\n]{0,8}?"
    r"(?:拿|收(?!一)|送|裝|修|打(?:疫苗|針)|幫|載|接|交|領|搬|布置|佈置|拍照|量|換|點交|取件|繳"
    r"|安裝|維修|施工|除蟲|消毒|清潔|宣導|拜年|慰問|探望|關懷|發放|借|還|簽約|討論)"
)
# A visit for a meeting, a talk or a course: getting ready for it is no tip-off.
MEETING = re.compile(r"開會|會議|座談|說明會|研習|上課|訓練|簡報|演講|參訪")
# Going somewhere FOR a meeting, a talk or a class (去你們學校開會).
MEETING_VISIT = re.compile(
    r"(?:去|來|到|過去|過來)[^，。,\n]{0,8}(?:開會|會議|座談|說明會|簡報|演講|參訪|上課|研習)"
)
_TO_PARTY = re.compile(r"你|老闆|阿姨|兄弟|你們|店家|業者|他們|叫")
# Passed on to a third party (給採蘭花的葉哥講, 跟那個採牛樟的丁哥說): the party, when
# what is passed on is a patrol or a check (_PATROL).
_RELAY = re.compile(r"(?:^|[，,。\s])(?:給|跟)[^，。,\n]{1,10}?(?:講|說)(?!明|話|過|好)")
_PATROL = re.compile(r"巡山|巡邏|巡查|巡守|改巡|會巡|稽查|臨檢|抽查|查緝|取締|開櫃|路檢")
# Keep away from home: a warrant's tip-off, whatever else is said.
_HIDE = re.compile(r"不要回家|別回家|不要在家|別在家|先不要回去|不要回去住|別亂跑|先躲")
# The court has signed: someone comes.
_SIGNED = re.compile(r"(?:法官|法院|檢察官)[^，。,\n]{0,4}(?:簽|准)了?|已經(?:簽|准)了")
_SURVEIL = re.compile(r"在聽|被聽|在跟|在盯|有人在|供出|律師|帳本|帳戶")
_HOME = re.compile(r"家|敲門|找你|回去住|搜")


# Secrecy around a visit (不預告, 偷偷, 不要先打電話): the visit is a plan kept from its target.
_SECRET_VISIT = re.compile(
    r"不預告|無預警|不預警|偷偷|別張揚|不要先打電話|不要事先通知|不會先發通知|先發通知|穿便服|便衣|名單在我這"
    r"|不要跟別人說|不要讓他們知道|第一站|重點查|先停車"
)
# The sender disowns the tip (我沒說喔, 當我沒講, 別害我): a check kept from its target
# when the message names one (_INSPECT_VERB).
_DISOWN = re.compile(r"我沒(?:說|講)|當我沒(?:說|講)|別說是我|不要說是我|別害我")
# A checking body and the focus of its coming check (審計那組下週會去…，主要看採購分批):
# what it will look at, told ahead.
_FOCUS = re.compile(
    r"(?:審計|稽核|查核|督導|督考|評鑑|訪視|查帳)[^。\n]{0,16}?(?:主要|重點)(?:會|要|是)?(?:看|查|抽|放在)"
)
# A visit word set off in quotes, told to the party: a wink (有人會去你們店「拜訪」).
_WINK = re.compile(r"[「『\"“'](?:拜訪|關心|看看|坐坐|喝茶|聊聊|走走|泡茶|問候)[」』\"”']")
# The visit announced and coordinated through official channels: the party or a unit is
# asked to come along or cooperate (請承商配合, 請工務課陪同, 會同里長): nothing is kept from them.
_COORDINATED = re.compile(
    r"請[^，。,\n]{0,6}(?:配合|陪同|會同|出席|派員|到場|協助)|會同"
    # announced to the office as a whole (資料請各科備妥, 請同仁準備)
    r"|請(?:各[\u4e00-\u9fff]{1,3}|同仁|大家|全體)"
)
# A visit reported after it was made, with the party or by ourselves (報告一下上午外勤
# 情形：跟廠商一起到工地看了屋頂漏水，發現兩處要修; 剛剛去看過了): what was found,
# not a visit to come. The party came along or the place was seen: nothing to warn of.
_VISITED = re.compile(
    r"(?:報告|回報|分享)[^，。,\n]{0,8}(?:外勤|會勘|訪視|巡查|現勘|勘查)(?:的)?(?:情形|狀況|結果)"
    r"|(?:跟|和|與)[^，。,\n]{0,12}一起(?:去|到)[^，。,\n]{0,12}(?:看了|看過|會勘了)"
)


def visited(text: str) -> str | None:
    """A visit reported after it was made (_VISITED), nothing kept secret: the words
    seen, or None."""
    m = _VISITED.search(text)
    if m is None or _SECRET_VISIT.search(text) is not None or hushed(text) is not None:
        return None
    return m.group()


# Someone is being watched (有人在跟, 帳戶被看過, 供出來的名單): about a named person or the reader.
_WATCHED = re.compile(
    r"有人在(?:跟|盯|聽|查)|已經有人在|已經在跟|在跟監|被看過|被凍結|供出|追到上游|被聽|在聽|在注意"
)
# ... or an enforcement told ahead (要去拆那家的頂樓加蓋).
_INSPECT_VERB = re.compile(r"查|抽|掃|看一輪|看看|督考|會勘|訪查|路檢|巡守|取締|臨檢|檢|拆")


def _place(doc: Doc) -> bool:
    """An address in the message (a place to go to)."""
    for f in doc.findings:  # noqa: SIM110
        if f.type == "address" and f.score >= 0.3:
            return True
    return False


def tipoff(doc: Doc) -> str | None:
    """The finding type of a visit or a watch told ahead with no trigger word, or None:
    `investigation_secret` (someone is listening, following, has named you),
    `warrant` (someone comes to your home), `inspection_plan` (a visit to a business)."""
    text = doc.text
    to_party = _TO_PARTY.search(text) is not None or (
        _RELAY.search(text) is not None and _PATROL.search(text) is not None
    )
    watched = _WATCHED.search(text) is not None
    hide = not watched and _HIDE.search(text) is not None
    if (watched or hide) and not to_party:
        doc.names()  # a named person is a target too (夏小姐的帳戶已經被看過了)
    if (watched or hide) and (to_party or _target(doc) is not None):
        return "investigation_secret" if watched else "warrant"
    if _WHEN_RX.search(text) is None or _VISIT.search(text) is None:
        return None
    if _SIGNED.search(text) is not None:
        if not to_party:
            doc.names()  # 范淑明禮拜二會被帶走，法院已經准了: the named person is the target
        if to_party or _target(doc) is not None:
            return "warrant"
    if _COORDINATED.search(text) is not None and _SECRET_VISIT.search(text) is None:
        return None  # an announced joint visit (會勘…，請承商配合): the party is asked along
    if visited(text) is not None:
        return None  # a visit reported after it was made (回報上午外勤情形：…看了…)
    told = (
        to_party
        and _ADVICE.search(text) is not None
        and MEETING.search(text) is None
        and (SERVICE_VISIT.search(text) is None or _SECRET_VISIT.search(text) is not None)
    )
    planned = (
        _SECRET_VISIT.search(text) is not None
        or (_FOCUS.search(text) is not None and _COORDINATED.search(text) is None)
        or (_DISOWN.search(text) is not None and _INSPECT_VERB.search(text) is not None)
        or ((_company(text) is not None or _place(doc)) and _INSPECT_VERB.search(text) is not None)
        or (to_party and _WINK.search(text) is not None)
    )
    if not (told or planned):
        return None
    if _SURVEIL.search(text) is not None:
        return "investigation_secret"
    if _HOME.search(text) is not None:
        return "warrant"
    return "inspection_plan"


# ------------------------------------------------------------------ told as a secret, no trigger word

# The sender's own secrecy, said to the reader (先別說出去, 你懂的, 不要打草驚蛇): whatever
# the message is about, the sender knows it should not travel. The words that wake the
# detector that reads it (classified_marking); HUSH says which uses count.
HUSH_WORDS: tuple[str, ...] = (
    "別說",
    "不要說",
    "別講",
    "不要講",
    "別傳",
    "不要傳",
    "別跟",
    "不要跟",
    "先跟你",
    "偷偷跟你",
    "跟你偷偷",
    "跟你私下",
    "私下跟你",
    "你懂的",
    "打草驚蛇",
    "聲張",
    "張揚",
    "保密一下",
    "幫我保密",
    "知道就好",
    "你知我知",
    "別讓",
    "不要讓",
    "別透露",
    "不要透露",
    # the same in Taiwanese (嘜講出去, 毋通講, 袂使講, 母湯講, 莫講)
    "嘜講",
    "嘜說",
    "嘜傳",
    "嘜跟",
    "嘜讓",
    "嘜給",
    "毋通",
    "母湯",
    "袂使講",
    "莫講",
)
HUSH = _starts_with(
    "先千大你別不勿偷私打保幫自跟嘜毋母袂莫",
    r"(?:先|千萬|大家|你)?(?:別|不要|勿|嘜|毋通|母湯|袂使|莫)(?:跟[^，。,\n]{0,5})?(?:說|講|傳|透露|聲張|張揚)"
    r"(?!了|謊|話|髒|笑|錯|明|服|給|到|群組|line|照片|那麼多|這麼多|太多|那麼大聲|太大聲)"
    r"|先跟你(?:講|說)|(?:偷偷|私下)跟你(?:講|說)|跟你(?:偷偷|私下)(?:講|說)|你懂的|打草驚蛇|保密一下|幫我保密"
    r"|你知道就好|你知我知|自己知道就好|(?:不要|別|嘜)讓[^，。,\n]{0,4}知道|(?:嘜|毋通|莫)(?:給|予)[^，。,\n]{0,3}知",
)
# A meal among colleagues (中午要不要去吃…那家麵店, 訂便當): where to eat, not where to go
# and check. Read by stage 2 only (talked_about), which adds no warning there.
MEAL = re.compile(r"(?:去|來|一起|要不要)[^，。,\n]{0,2}吃(?!藥)|訂便當|團購|聚餐|午餐|晚餐|吃飯")
# A secret of one's social life, not of the office: a surprise for a colleague.
SOCIAL = re.compile(r"驚喜|生日|慶生|禮物|求婚|壽星|歡送|送別|surprise|小卡|蛋糕")
# Not public or not decided yet, said of a named person's matter (還沒公布, 偵辦中,
# 還要等局長簽). Wake words first; NOT_YET says which uses count.
NOT_YET_WORDS: tuple[str, ...] = (
    "還沒",
    "尚未",
    "偵辦中",
    "偵查中",
    "審核中",
    "簽核中",
    "還在",
    "還要等",
    "才會",
    "內定",
    "公布前",
    "公告前",
    "核定前",
    "開標前",
    "定案前",
)
NOT_YET = _starts_with(
    "還尚未偵審簽公核開定決發內要才",
    r"(?:還沒|尚未|未)(?:公布|公告|發布|核定|簽核|定案|決定|決議|宣布|通知|開|結束|出來|確定|上網|生效|放榜)"
    r"|偵辦中|偵查中|審核中|簽核中|還在(?:簽|審|查|調查|評|談)"
    r"|(?:公布|公告|核定|開標|定案|決標|發布)前|內定|還要等|要等[^，。,\n]{0,4}(?:簽|核|批|決定|開會)"
    r"|才會(?:公布|公告|發布|出來|通知)",
)
# What a told secret is about, read from its words (first match wins): the type of
# its finding. Nothing recognised: classified_marking (the sender marked it secret).
TOPICS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("criminal_record", re.compile(r"前科|坐牢|坐過牢|出獄|更生人|關過|案底|假釋")),
    (
        "health_info",
        re.compile(r"癌|病|精神科|身心科|住院|確診|憂鬱|懷孕|洗腎|失智|開刀|手術|[a-z]?症"),
    ),
    (
        "personnel_secret",
        re.compile(
            r"考績|考核|陞|升(?:官|遷|任|等|組長|科長|股長|主任|課長)|[甲乙丙丁]等|懲處|記過|記功"
            r"|大過|小過|調職|調動|人事|獎懲|名額|資遣|解聘|不續聘|退休"
        ),
    ),
    (
        "procurement_secret",
        re.compile(r"標|底價|報價|評選|評審|委員|廠商|預算|規格|家數|天花板|價格"),
    ),
    (
        "investigation_secret",
        re.compile(
            r"嫌犯|嫌疑|涉嫌|檢方|檢察|偵|案子|搜索|約談|命案|詐|帳戶|線索|監聽|跟監|收押|聽"
        ),
    ),
    ("inspection_plan", re.compile(r"稽查|檢查|臨檢|督學|查|訪視|拜訪|抽驗|抽查|衛生局|環保局")),
)
# A hushed message says something besides its hush (別說了 alone says nothing).
MIN_TOLD = 6
# What must not be told, named right after the verb (不要跟廠商透露底價, 別講檢舉人的
# 身分): a rule about a kind of thing, not the sender's hush over what was just said.
_HUSH_OBJECT = re.compile(
    r"[^，。,\n]{0,2}?(?:底價|檢舉人|陳情人|身分|個資|名單|內容|案情|細節|進度|行程|評選|委員|家數|任何|公文|機密|資料)"
)


def hushed(text: str) -> str | None:
    """The sender's own hush (先別說出去), not forbidden by a rule around it, not a rule
    naming what must not be told and not a surprise among colleagues, in a message that
    tells something; or None."""
    for m in _unforbidden_all(HUSH, text):
        if _HUSH_OBJECT.match(text, m.end()) is not None:
            continue  # 不要跟廠商透露底價: what must not be told, named
        h = m.group()
        if len(text) - len(h) < MIN_TOLD or SOCIAL.search(text) is not None:
            return None
        return h
    return None


def pending_or_told(text: str) -> bool:
    """Cheap gate of the shared disclosure signal: something not decided yet (NOT_YET)
    or told to someone (AUDIENCE) is in the text, before any rule is weighed."""
    return NOT_YET.search(text) is not None or AUDIENCE.search(text) is not None


def not_yet(text: str) -> str | None:
    """Something not public or not decided yet (NOT_YET), not forbidden by a rule."""
    return _unforbidden(NOT_YET, text)


def topic(text: str) -> str:
    """The matter type a told secret is about (TOPICS), classified_marking if unknown."""
    for kind, rx in TOPICS:
        if rx.search(text) is not None:
            return kind
    return "classified_marking"


def own_data(doc: Doc) -> list[tuple[int, str]]:
    """Where the sender's own data starts (normalised offsets just past 我的手機 and
    the like) with the label seen: a value found there is self-disclosure."""
    text = doc.text
    if "我" not in text:
        return []
    return [(m.end(), m.group().strip()) for m in OWN_DATA.finditer(text)]


# ------------------------------------------------------------------ paperwork

# A form or a document filled in, handed in, collected or printed (病假單明天補交, 考績表
# 你們先填, 病歷影本印好了請她來拿): the paperwork of a matter, not what it says.
PAPERWORK = _starts_with(
    "單表申證影文資",
    r"(?:單|表|表格|申請書|證明書?|影本|文件|資料)[^，。,\n]{0,6}?"
    r"(?:補交|繳交|補件|填寫|先填|要填|可以填|填好|送來|送出去|送到|收齊|簽名|蓋章|印好|來拿|領取|週[一二三四五]收|前交)",
)


def paperwork(text: str) -> str | None:
    """A form or a document handled as paperwork (PAPERWORK), or None."""
    return _seen(PAPERWORK, text)


# The status of a colleague's own paperwork, not a result kept back: a form or an
# application right before the not-yet word, and a clerk's verb in it (陳志明的退休案
# 還沒核定, 吳美惠的考績表還沒送來, 育嬰留停申請還在審核中, 出差單還沒簽).
_PAPER_BEFORE = re.compile(r"(?:案|表|單|申請|申請書|公文|簽呈|文件|證明|清冊|名冊|時數|費)$")
_PAPER_PENDING = re.compile(
    r"(?:還沒|尚未|未|還在)(?:核定|核|簽核|簽|送來|送出|送|交|收到|登錄|入帳|撥|發文|回函|審核|審|處理|辦)"
    r"|審核中|簽核中|處理中"
)
# ... unless a result is told with it (考績被打丙等, 要被記大過, 確診): the form is a cover.
OUTCOME = re.compile(
    r"[甲乙丙丁]等|記(?:一|兩|二)?(?:支)?(?:大|小)?過|大過|小過|申誡|懲處|懲戒|停職|免職|撤職|資遣|解聘|不續聘"
    r"|降(?:級|調)|減俸|(?:要|會|將)?被(?!退)|不予|落選|沒過|內定|確診|罹患|前科|涉嫌|起訴|升(?:官|任|組長|科長|股長|主任|課長)"
)


def paper_status(text: str) -> str | None:
    """Every not-yet word of the message (NOT_YET, NOT_PUBLIC) is the status of a form or an
    application (_PAPER_PENDING right after a paperwork noun) and no result is told:
    the paperwork seen, or None."""
    seen = None
    starts = {m.start() for m in NOT_YET.finditer(text)}
    starts.update(m.start() for m in NOT_PUBLIC.finditer(text) if m.group()[0] in "還尚未")
    for s in sorted(starts):
        p = _PAPER_PENDING.match(text, s)
        if p is None or _PAPER_BEFORE.search(text, max(0, s - 3), s) is None:
            return None
        seen = seen or text[max(0, s - 3) : p.end()]
    if seen is None or OUTCOME.search(text) is not None:
        return None
    return seen


# ------------------------------------------------------------------ made-up data

# The message says its data is made up: a form's specimen, a course's example, a template
# (範本上寫王大明, 教材範例電話, 格式示意, 虛構, 不要用真人). Its values without a checksum
# are sample data (the verdict lowers them); a valid ID number still counts.
# Keywords (engine.keyword_index holds them): a set test per message, no search.
FICTION_WORDS: tuple[str, ...] = (
    "範例",
    "範本",
    "示意",
    "虛構",
    "假資料",
    "測試資料",
    "假名",
    "化名",
    "格式參考",
    "填寫說明",
    "教材",
    "不要用真人",
    "不要用真的",
    "dummy",
    "fictitious",
    "sample data",
    "example only",
)
_FICTION = frozenset(FICTION_WORDS)


# The made-up word labels the values that follow it (教育訓練用的假資料：王小明、A1…;
# 範例：…): those values are the sample, a checksum or not. A value told apart from the
# word (a sentence between, no colon after it) is not labelled.
_FICTION_LABEL = re.compile(
    r"(?:" + "|".join(re.escape(w) for w in FICTION_WORDS) + r")"
    r"[^。！？!?\n：:]{0,4}[：:][^。！？!?\n]{0,16}$",
    re.IGNORECASE,
)
FICTION_LABEL_BEFORE = 36


def fiction_labelled(text: str, start: int) -> bool:
    """The value at `start` follows a made-up word and its colon (`_FICTION_LABEL`)."""
    return _FICTION_LABEL.search(text, max(0, start - FICTION_LABEL_BEFORE), start) is not None


def fictional(doc: Doc) -> str | None:
    """The word by which the message says its data is made up, or None."""
    if not doc.has(_FICTION):
        return None
    hit = doc.first(_FICTION)
    return hit[2] if hit else None


# ------------------------------------------------------------------ what a number is

# A label that says what the number after it is: a document, case, order, serial or
# tracking number, a barcode (流水號 0987654321, 條碼 4710088430012). Read by the value
# detectors without a checksum of their own kind: such a number is no phone and no card.
NUMBER_LABEL = re.compile(
    r"(?:字第|文號|案號|字號|編號|單號碼?|學號|證號|訂單號碼|流水號|序號|條碼|國際條碼|貨號|料號|品號|型號"
    r"|追蹤(?:碼|號碼|編號)|物流(?:單號|編號)|收據號碼|發票號碼|工單|保單號碼|受理號碼|掛號號碼"
    r"|(?:抽獎|彩券|中獎|發票|號碼牌|座位|報名|准考證|繳費|銷帳)(?:號碼|代碼|編號|序號)?"
    r"|barcode|ean|sku|s/n|sn|serial(?: no\.?)?|order(?: no\.?)?|tracking(?: no\.?)?)"
    # (an identifier may open with its letters: 學生證號 B07801855, 通知單號碼A0781…)
    r"\s?[:：#]?\s?(?:[a-z]{1,3}-?)?$"
)
NUMBER_LABEL_WINDOW = 12


def number_label(text: str, start: int) -> bool:
    """A number label (NUMBER_LABEL) right before the value that starts at `start`."""
    return NUMBER_LABEL.search(text, max(0, start - NUMBER_LABEL_WINDOW), start) is not None


# ------------------------------------------------------------------ the office's own audit and rooms

# The office's own internal audit, announced to those it audits: our audit unit comes and
# the reader readies our own records (稽核室5/7來做內部控制查核，請準備資料).
INTERNAL_AUDIT = re.compile(r"內部控制|內控|內部稽核|自行查核|稽核(?:室|小組|處|組)")
_OWN_RECORDS = re.compile(
    # (the unit asked is any of ours: 請採購單位準備卷宗, 請會計室備妥憑證)
    r"請(?:各單位|各位|大家|同仁|承辦|[\u4e00-\u9fff]{1,4}(?:單位|科|課|室|股|組|處))?先?(?:準備|備妥|整理)[^，。,\n]{0,10}"
    r"(?:資料|案卷|文件|帳冊|憑證|卷宗|紀錄|清冊)"
)
# A word that is part of the name of a unit's room or vehicle (稽查科會議室, 稽查大隊的
# 公務車): a place to meet or a car to service, not a plan.
_ROOM = re.compile(
    r"(?:[科課隊組室處股]|大隊|分隊|中心)?[的得]?(?:會議室|辦公室|簡報室|公務車|公務機)"
)


# An authority's request for the office's own records, passed on to the unit that keeps
# them (地檢署的公文說下週要調閱資料，請檔案室先整理好卷宗; 監察院下週三調閱本局公文，
# 請文書科配合): the office hands its records over, nobody's case is told.
RECORDS_ASKED = re.compile(
    r"請[^，。,\n]{0,8}?(?:先|把[^，。,\n]{0,12}?)?"
    r"(?:配合|協助|提供|準備|備妥|整理|彙整|調出|影印|聯絡)"
)


def records_asked(doc: Doc) -> str | None:
    """A unit of the office asked to hand over or ready records, with no target named,
    nothing not public and nobody outside told; the request seen, or None."""
    m = RECORDS_ASKED.search(doc.text)
    if m is None:
        return None
    d = doc.discourse()
    if d.target is not None or d.not_public is not None or d.audience is not None:
        return None
    return m.group()


# ... or any authority coming to audit us (審計部下週到本局查核決算, 環保局明天要來抽驗我們的
# 飲水機): we are the party, and our own units are told to get ready.
_TO_US = re.compile(
    r"(?:到|來)(?:本|我們)(?:局|處|署|所|校|府|院|中心|機關|單位|公司|科|室)"
    r"|(?:到|來)(?:局裡|我們這|我們單位|我們機關|我們學校)|來[^，。,\n]{0,6}我們的"
)
_OUR_NOTICE = re.compile(r"有公文|來函|公文說|已發文|函文|請大家不用緊張")


def internal_audit(doc: Doc) -> str | None:
    """Our own audit unit announcing its visit to us, or any authority coming to us
    with our own units asked to get ready (or its letter said), no outside target named,
    nothing kept back; or None."""
    text = doc.text
    m = INTERNAL_AUDIT.search(text) or _TO_US.search(text)
    if m is None or _target(doc) is not None:
        return None
    if _OWN_RECORDS.search(text) is None and _OUR_NOTICE.search(text) is None:
        return None
    if _SECRECY.search(text) is not None or hushed(text) is not None:
        return None
    return m.group()


def room_name(text: str, end: int) -> bool:
    """The word ending at `end` names a unit's room or vehicle (稽查科會議室)."""
    return _ROOM.match(text, end) is not None


# The rest of a unit's, a post's, an instrument's or a form's name after an inspection
# word (稽查大隊, 安檢所, 檢查站, 查核表, 稽查車的噪音計): the word names the agency's own
# thing, not an inspection planned.
_UNIT_REST = re.compile(
    r"(?:大隊|分隊|中隊|小隊|小組|中心|單位|系統|人員|同仁|科長|隊長|組長|股長|主任"
    # a machine or a gate (安檢X光機那台又當了, 安檢門故障)
    r"|x光機|x光|機台|[機門]"
    r"|[隊組科課站所處室股局署車儀器表員])(?![\u4e00-\u9fff]?(?:名單|對象|時間|日期|行程|地點|路線))"
)


def unit_name(doc: Doc, end: int) -> bool:
    """The word ending at `end` is part of the name of the agency's own unit, post,
    vehicle, instrument or form (稽查大隊的噪音計送校正, 安檢所網路斷線), in a message
    with no target named, nothing not public and nobody told."""
    if _ROOM.match(doc.text, end) is None and _UNIT_REST.match(doc.text, end) is None:
        return False
    d = doc.discourse()
    return d.target is None and d.not_public is None and d.audience is None


# A rule against telling a kind of data: the kind named by its category (陳情人的姓名、電話、
# 地址都不可以寫在函裡, 考績會討論內容請勿外流, 開標前有廠商問家數一律說不知道), then the
# prohibition of telling it. Nothing of the kind is told: the clause names what must be kept,
# not a value. (A value told beside it, 底價850萬…資料不要外流, is another clause's.)
_KIND_OF_DATA = (
    r"(?:內容|資料|資訊|姓名|名字|電話|手機|地址|住址|身分|身份|個資|名單|家數|細節|號碼|結果)"
)
_FORBID_TELLING = re.compile(
    _KIND_OF_DATA + r"(?:等|等資料|等個資)?(?:都|也|均|全部|一概|一律|絕對)?\s?"
    r"(?:(?:請勿|切勿|勿|不可以|不可|不得|不能|禁止|嚴禁|不要|別)[^，。,；;\n]{0,10}?"
    r"(?:寫|外流|外洩|透露|洩漏|洩露|提供|公開|告知|揭露|轉傳|外傳|轉給|轉交|貼|說出去|講出去)"
    # (家數一律說不知道, 家數一律回答開標前無法告知)
    r"|一律[^，。,；;\n]{0,8}?(?:說不知道|保密|(?:無法|不能|不便|不予|不)(?:告知|透露|提供|回答|回應|說明)))"
)
_CLAUSE_END = re.compile(r"[，。,；;:：！!？?\n]")


def forbidden_kind(text: str, triggers: frozenset[str]) -> str | None:
    """A prohibition of telling a kind of data (_FORBID_TELLING) in a clause that holds
    one of `triggers` and no digit: the matter is what the rule keeps, nothing of it is
    told. The words seen, or None."""
    for m in _FORBID_TELLING.finditer(text):
        lo = 0
        for b in _CLAUSE_END.finditer(text, 0, m.start()):
            lo = b.end()
        clause = text[lo : m.end()]
        if any(c.isdigit() for c in clause):
            continue
        if any(t in clause for t in triggers):
            return m.group()
    return None
